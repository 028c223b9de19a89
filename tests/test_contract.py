"""One contract at every edge: names, vocabularies, conflicts, errors and exit statuses behave
the same in every command; and the documented promises a mutation run showed untested."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from asiapac_cli import errors
from asiapac_cli.exports.sqlite import SQLITE_TABLES
from asiapac_cli.facts import cache, load, model
from asiapac_cli.queries.timeline import TIMELINE_COLUMNS, timeline
from conftest import REPO, as_text, as_written, run, write_facts

BUNDLED = str(REPO / "data" / "facts.yaml")
USAGE = (REPO / "docs" / "usage.md").read_text(encoding="utf-8")


def on_bundled(*args: str) -> object:
    return run(*args, "--data", BUNDLED)


# --- nothing to print is a message and exit 1 ------------------------------------------------


@pytest.mark.parametrize(
    ("name", "kind"), [("france", "actor"), ("tokyo-office", "topic"), ("japan", "actor")]
)
def test_cite_of_what_cites_nothing_says_so_and_exits_1(name: str, kind: str) -> None:
    result = run("cite", name)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert f"is a {kind}" in result.stderr or f"is an {kind}" in result.stderr
    assert f"asiapac show {name}" in result.stderr


def test_a_listing_query_raises_no_match_with_its_empty_listing() -> None:
    fb = load.load(load.data_path())
    with pytest.raises(errors.NoMatch) as raised:
        timeline(fb, since="2090", cite=False)
    assert raised.value.status == errors.ExitStatus.NO_MATCH
    assert raised.value.listing.columns == TIMELINE_COLUMNS and raised.value.listing.rows == []


# --- closed vocabularies: any case, one answer to a typo ----------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["claims", "--verdict", "WRONG"],
        ["timeline", "--kind", "Summit"],
        ["stances", "tokyo-office", "--position", "Opposed"],
        ["actors", "--kind", "PERSON"],
        ["timeline", "-f", "JSON"],
        ["cite", "france-opposes-tokyo-office", "--style", "BibTeX"],
    ],
)
def test_closed_vocabularies_match_in_any_case(args: list[str]) -> None:
    result = on_bundled(*args)
    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["claims", "--verdict", "wromg"], "asiapac: --verdict: no verdict 'wromg'; did you mean 'wrong'?"),
        (["timeline", "--kind", "sumit"], "asiapac: --kind: no event kind 'sumit'; did you mean 'summit'"),
        (
            ["stances", "tokyo-office", "--position", "oposed"],
            "asiapac: --position: no position 'oposed'; did you mean 'opposed' or 'proposed'?",
        ),
        (["actors", "--kind", "persn"], "asiapac: --kind: no actor kind 'persn'; did you mean 'person'?"),
        (["timeline", "-f", "jsn"], "asiapac: --format: no format 'jsn'; did you mean 'json'"),
        (["export", "-f", "sqlit"], "asiapac: --format: no format 'sqlit'; did you mean 'sqlite'?"),
    ],
)
def test_a_typo_in_a_closed_vocabulary_gets_one_style_of_did_you_mean(args: list[str], message: str) -> None:
    result = on_bundled(*args)
    assert result.exit_code == 2
    assert result.stderr.startswith(message)


def test_vocabulary_options_complete_their_values_not_file_names() -> None:
    from asiapac_cli import vocab

    assert vocab.completer(vocab.VERDICTS)("w") == ["wrong"]
    assert vocab.completer(vocab.POSITIONS)("") == list(vocab.POSITIONS)


# --- one way to resolve a name --------------------------------------------------------------------


def test_part_of_a_name_resolves_when_only_one_record_has_it() -> None:
    shown = json.loads(on_bundled("show", "macron", "-f", "json").stdout)
    assert shown["id"] == "emmanuel-macron"
    kishida = json.loads(on_bundled("timeline", "--actor", "kishida", "-f", "json").stdout)
    assert kishida and all("fumio-kishida" in row["actors"] for row in kishida)


def test_a_typo_in_a_name_suggests_and_an_ambiguous_part_lists_them_all() -> None:
    typo = on_bundled("timeline", "--topic", "tokio-office")
    assert typo.exit_code == 2 and "did you mean 'tokyo-office'?" in typo.stderr
    several = on_bundled("timeline", "--actor", "minister")
    assert several.exit_code in (0, 2)
    korea = on_bundled("show", "korea")
    assert json.loads(on_bundled("show", "korea", "-f", "json").stdout)["id"] == "republic-of-korea", (
        korea.stderr
    )


# --- search -----------------------------------------------------------------------------------------


def test_search_takes_several_words_without_quotes() -> None:
    result = on_bundled("search", "camp", "david", "-f", "json")
    assert result.exit_code == 0
    assert any("Camp David" in (row["title"] or "") for row in json.loads(result.stdout))


def test_search_that_finds_nothing_suggests_a_spelling_from_the_data() -> None:
    result = on_bundled("search", "liason", "office")
    assert result.exit_code == 1
    assert "did you mean 'liaison office'?" in result.stderr


def test_search_ranks_title_matches_first_whatever_the_file_order(facts_file: Path) -> None:
    # The topic (read before the events) mentions Madrid in its description only.
    text = facts_file.read_text().replace(
        "    aliases: [tokyo office, liaison office]",
        "    aliases: [tokyo office, liaison office]\n    description: First raised after Madrid",
    )
    write_facts(facts_file, text)
    found = json.loads(run("search", "madrid", "-f", "json").stdout)
    assert [row["id"] for row in found][:2] == ["madrid-summit-2022", "tokyo-office"]
    assert [row["rank"] for row in found][:2] == [0, 2]


# --- conflicts are errors ------------------------------------------------------------------------


def test_since_after_until_is_a_usage_error() -> None:
    result = run("timeline", "--since", "2024", "--until", "2023")
    assert result.exit_code == 2
    assert "--since 2024 is after --until 2023" in result.stderr


@pytest.mark.parametrize("fmt", ["json", "csv", "ics"])
def test_chart_with_a_format_it_cannot_honour_is_a_usage_error(fmt: str) -> None:
    result = run("timeline", "--chart", "--format", fmt)
    assert result.exit_code == 2 and "--chart" in result.stderr


def test_show_honours_an_explicit_table_format_when_piped() -> None:
    table = run("show", "germany-on-tokyo-office", "-f", "table", env={"NO_COLOR": "1"})
    text = run("show", "germany-on-tokyo-office")
    assert table.exit_code == 0 and text.exit_code == 0
    assert "position: cautious" in table.stdout
    assert table.stdout != text.stdout or "\n" in table.stdout


# --- exit statuses, declared once ------------------------------------------------------------------


def test_help_shows_the_exit_status_table_from_the_enum() -> None:
    help_text = " ".join(run("--help").stdout.split())
    for status in errors.ExitStatus:
        assert f"{int(status)} {errors.EXIT_MEANINGS[status]}" in help_text


def test_every_error_type_carries_its_own_status() -> None:
    assert errors.UsageProblem("x").status == 2
    assert errors.NoMatch("x").status == 1
    assert errors.FactFileInvalid("f", []).status == 65
    assert errors.FactFileUnreadable("x").status == 66
    assert errors.OutputUnwritable("x").status == 73


# --- structured output carries the caveats ------------------------------------------------------------


def test_notes_travel_with_claims_and_stances_in_structured_formats() -> None:
    claims = json.loads(on_bundled("claims", "-f", "json").stdout)
    assert "note" in claims[0] and any(c["note"] for c in claims)
    stances = json.loads(on_bundled("stances", "tokyo-office", "-f", "json").stdout)
    assert any(s["note"] for s in stances)


# --- README tables that must not drift from the code ------------------------------------------------


def test_readme_lists_every_sqlite_table() -> None:
    paragraph = USAGE.split("The SQLite export has the tables", 1)[1].split("\n\n", 1)[0]
    assert set(re.findall(r"`(\w+)`", paragraph)) == set(SQLITE_TABLES)


# --- promises a mutation run showed untested -----------------------------------------------------------


def test_tsv_escapes_a_carriage_return(facts_file: Path) -> None:
    write_facts(
        facts_file, facts_file.read_text().replace("title: Madrid Summit", 'title: "Madrid\\rSummit"')
    )
    line = run("timeline", "--columns", "title").stdout.splitlines()[1]
    assert line == "Madrid\\rSummit"


def test_ics_escapes_commas_in_the_raw_text(facts_file: Path) -> None:
    write_facts(
        facts_file, facts_file.read_text().replace("title: Madrid Summit", 'title: "Madrid Summit, 2022"')
    )
    raw = run("timeline", "-f", "ics").stdout
    assert "SUMMARY:Madrid Summit\\, 2022" in raw


def test_until_includes_its_own_day() -> None:
    on_the_day = json.loads(run("timeline", "--until", "2022-06-29", "-f", "json").stdout)
    assert [row["id"] for row in on_the_day] == ["madrid-summit-2022"]
    assert run("timeline", "--until", "2022-06-28").exit_code == 1


def test_absent_attendees_are_not_actors(facts_file: Path) -> None:
    text = facts_file.read_text().replace(
        "        person: Fumio Kishida\n",
        "        person: Fumio Kishida\n      - actor: france\n        level: absent\n",
    )
    write_facts(facts_file, text)
    madrid = json.loads(run("timeline", "--until", "2022-06-29", "-f", "json").stdout)[0]
    assert madrid["actors"] == ["nato", "japan"]
    assert run("timeline", "--actor", "france", "--until", "2022-12", "-f", "json").exit_code == 1


def test_force_tty_with_a_number_sets_the_width() -> None:
    narrow = run("timeline", env={"ASIAPAC_FORCE_TTY": "60", "NO_COLOR": "1"}).stdout
    wide = run("timeline", env={"ASIAPAC_FORCE_TTY": "200", "NO_COLOR": "1"}).stdout
    assert max(len(line) for line in narrow.splitlines()) <= 60
    assert "Macron says the Indo-Pacific is not the North Atlantic" not in narrow
    assert "Macron says the Indo-Pacific is not the North Atlantic" in wide


@pytest.mark.parametrize(
    ("day", "valid"),
    [("1900-02-29", False), ("2000-02-29", True), ("2100-02-29", False), ("1996-02-29", True)],
)
def test_the_century_leap_year_rule(day: str, valid: bool) -> None:
    assert (model.check_partial_date(day) is None) is valid
    assert run("timeline", "--until", day).exit_code == (1 if valid else 2)


def test_a_new_tool_version_invalidates_the_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    assert run("timeline").exit_code == 0  # writes the cache
    parsed = []
    real_parse = load.parse
    monkeypatch.setattr(load, "parse", lambda *a: parsed.append(1) or real_parse(*a))
    assert run("timeline").exit_code == 0
    assert parsed == []  # answered from the cache
    monkeypatch.setattr(cache, "__version__", "999.0")
    assert run("timeline").exit_code == 0
    assert parsed == [1]  # a new version never trusts an old cache


def test_json_export_is_the_fact_file_itself() -> None:
    """The export, read back, is the YAML file as written (see conftest.as_written)."""
    exported = json.loads(on_bundled("export", "--format", "json").stdout)
    assert as_text(exported) == as_written(Path(BUNDLED))


# --- typed seams -----------------------------------------------------------------------------------


def test_record_types_declare_exactly_the_schema_fields() -> None:
    from asiapac_cli.facts import records, schema

    def keys(typed: type) -> set[str]:
        found: set[str] = set()
        for klass in reversed(typed.__mro__):
            found |= set(getattr(klass, "__annotations__", {}))
        return found

    for kind, spec in schema.RECORD_SPECS.items():
        assert keys(records.RECORD_TYPES[kind]) == set(spec.fields), kind
    assert keys(records.Attendance) == set(schema.ATTENDANCE.fields)
    assert keys(records.Area) == set(schema.AREA.fields)
    assert keys(records.Predecessor) == set(schema.PREDECESSOR.fields)
    assert keys(records.ItppState) == set(schema.ITPP_STATE.fields)
    assert keys(records.Citation) == set(schema.CitationSpec().mapping.fields)
    assert keys(records.Gap) == set(schema.GAP.fields)
