"""The strict loader: every bad fact file gets file:line:column, exit 65 or 66, no traceback."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from asiapac_cli.errors import FactFileInvalid
from asiapac_cli.facts import load
from conftest import FIXTURES, run

HEAD = 'schema_version: 1\nas_of: "2026-11-27"\n'
SOURCE = "sources:\n  - id: src\n    title: A source\n    publisher: NATO\n    kind: primary\n"
ACTORS = "actors:\n  - id: japan\n    name: Japan\n    kind: country\n"


def problems_of(tmp_path: Path, text: str) -> list[str]:
    """Validate `text` as a fact file; return 'line:column: message' for each problem."""
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FactFileInvalid) as caught:
        load.load(path, use_cache=False)
    return [f"{p.line}:{p.column}: {p.message}" for p in caught.value.problems]


def cli_on(tmp_path: Path, text: str | bytes, *args: str):
    path = tmp_path / "bad.yaml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return run(*(args or ("timeline",)), "--data", str(path))


def test_the_fixture_and_bundled_files_pass_the_strict_loader() -> None:
    load.load(FIXTURES / "small.yaml", use_cache=False)
    load.load(load.bundled_path(), use_cache=False)


def test_syntax_error_names_file_line_column_and_exits_65(tmp_path: Path) -> None:
    result = cli_on(tmp_path, HEAD + SOURCE + "actors: [japan\n")
    assert result.exit_code == 65
    assert f"{tmp_path / 'bad.yaml'}:9:" in result.stderr
    assert "YAML syntax" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_tabs_get_a_hint(tmp_path: Path) -> None:
    (problem,) = problems_of(tmp_path, HEAD + "sources:\n\t- id: x\n")
    assert problem.startswith("4:1: YAML syntax")
    assert "a tab: YAML indents with spaces only" in problem


def test_empty_file(tmp_path: Path) -> None:
    assert problems_of(tmp_path, "") == [
        "1:1: the file is empty; expected a mapping with schema_version, checked_on and sources"
    ]


def test_top_level_must_be_a_mapping(tmp_path: Path) -> None:
    assert problems_of(tmp_path, "- a\n- b\n") == ["1:1: top level: expected a mapping, got a list"]


def test_misspelt_top_level_key_is_not_ignored(tmp_path: Path) -> None:
    problems = problems_of(tmp_path, HEAD + SOURCE + "sourcez:\n  - id: x\n")
    assert problems == ["8:1: top level: unknown field 'sourcez'; did you mean 'sources'?"]


def test_unknown_field_in_a_record(tmp_path: Path) -> None:
    problems = problems_of(tmp_path, HEAD + SOURCE + "    titel: typo\n")
    assert problems == ["8:5: sources[0]: unknown field 'titel'; did you mean 'title'?"]


def test_duplicate_keys_at_any_depth(tmp_path: Path) -> None:
    text = HEAD + SOURCE + "    title: Again\n" + "as_of: '2025'\n"
    assert problems_of(tmp_path, text) == [
        "8:5: sources[0]: duplicate key 'title' (first at line 5); YAML would silently keep only the last one",
        "9:1: top level: duplicate key 'as_of' (first at line 2); YAML would silently keep only the last one",
    ]


@pytest.mark.parametrize(
    "word", ["NO", "no", "yes", "off", "on", "true", "010", "1e3", "0x1F", "2023-07-12", "~x"]
)
def test_yaml_11_words_stay_the_text_written(tmp_path: Path, word: str) -> None:
    path = tmp_path / "facts.yaml"
    path.write_text(
        HEAD + SOURCE + f"actors:\n  - id: a\n    name: {word}\n    kind: country\n    aliases: [{word}]\n"
    )
    fb = load.load(path, use_cache=False)
    actor = fb.table("actors")["a"]
    assert actor["name"] == word and actor["aliases"] == [word]


def test_norway_resolves_by_its_code(tmp_path: Path) -> None:
    result = run("show", "no", "-f", "json")  # the fixture lists Norway with the alias NO
    assert result.exit_code == 0
    assert '"id": "norway"' in result.stdout


def test_count_must_be_a_plain_whole_number(tmp_path: Path) -> None:
    base = (
        HEAD
        + SOURCE
        + ACTORS
        + "itpps:\n  - id: i\n    partner: japan\n    title: T\n    evidence: single-source\n    sources: [src]\n"
    )
    for value, expected in (("016", "016"), ("1e3", "1e3"), ('"16"', "16"), ("yes", "yes")):
        (problem,) = problems_of(tmp_path, base + f"    areas_total: {value}\n")
        assert problem.startswith("18:18: itpps[0].areas_total: expected a whole number such as 16")
        assert repr(expected) in problem


@pytest.mark.parametrize(
    ("date", "message"),
    [
        ("2023-02-30", "'2023-02-30' is not a calendar date (2023-02 has 28 days)"),
        ("2023-13", "'2023-13' has no month 13"),
        ("23-07-12", "expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got '23-07-12'"),
        ("12/07/2023", "expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got '12/07/2023'"),
    ],
)
def test_invalid_dates(tmp_path: Path, date: str, message: str) -> None:
    text = HEAD.replace('"2026-11-27"', date) + SOURCE
    assert problems_of(tmp_path, text) == [f"2:8: as_of: {message}"]


def test_leap_day_is_a_date(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_text(HEAD.replace("2026-11-27", "2024-02-29") + SOURCE)
    assert load.load(path, use_cache=False).checked_on == "2024-02-29"


def event(extra: str, event_id: str = "e") -> str:
    return (
        f"  - id: {event_id}\n    date: '2023-07-12'\n    kind: summit\n    title: T\n"
        f"    evidence: well-documented\n    sources: [src]\n{extra}"
    )


def test_a_range_whose_end_precedes_its_start(tmp_path: Path) -> None:
    text = HEAD + SOURCE + "events:\n" + event("    end: '2023-06'\n")
    assert problems_of(tmp_path, text) == ["9:5: events[0]: end '2023-06' is before date '2023-07-12'"]
    # An end at month precision that contains the start is not before it.
    fine = tmp_path / "fine.yaml"
    fine.write_text(HEAD + SOURCE + "events:\n" + event("    end: '2023-07'\n"))
    assert len(load.load(fine, use_cache=False).events) == 1


def test_duplicate_ids_across_kinds(tmp_path: Path) -> None:
    text = HEAD + SOURCE + "events:\n" + event("", event_id="src")
    assert problems_of(tmp_path, text) == [
        "9:9: events[0].id: duplicate id 'src': already used by a record in sources at line 4"
    ]


def test_dangling_references_are_all_reported(tmp_path: Path) -> None:
    text = (
        HEAD
        + SOURCE
        + ACTORS
        + "events:\n"
        + event("    actors: [japn]\n    topics: [nowhere]\n").replace("sources: [src]", "sources: [srcc]")
    )
    assert problems_of(tmp_path, text) == [
        "18:15: events[0].sources[0]: no source with id 'srcc'; did you mean 'src'?",
        "19:14: events[0].actors[0]: no actor with id 'japn'; did you mean 'japan'?",
        "20:14: events[0].topics[0]: no topic with id 'nowhere'",
    ]


def test_a_record_with_no_source(tmp_path: Path) -> None:
    text = HEAD + SOURCE + "events:\n" + event("").replace("    sources: [src]\n", "")
    assert problems_of(tmp_path, text) == [
        "9:5: events[0]: missing required field 'sources' (a list of a source id or a mapping with 'source')"
    ]
    empty = HEAD + SOURCE + "events:\n" + event("").replace("sources: [src]", "sources: []")
    assert problems_of(tmp_path, empty) == ["14:14: events[0].sources: expected at least 1 item"]


def test_all_problems_in_one_run(tmp_path: Path) -> None:
    text = (
        HEAD
        + SOURCE
        + "events:\n"
        + event("    kind: summitt\n")
        + event("    end: '2023-02-30'\n", "e2").replace("kind: summit", "kind: summitt")
    )
    problems = problems_of(tmp_path, text)
    assert len(problems) == 3
    assert any("duplicate key 'kind'" in p for p in problems)
    assert any("2023-02-30" in p for p in problems)
    result = cli_on(tmp_path, text)
    assert result.exit_code == 65
    assert result.stderr.count(str(tmp_path / "bad.yaml") + ":") == 4  # three problems and a count
    assert result.stderr.rstrip().endswith("3 problems found")


def test_a_wrong_enum_value_suggests_the_right_one(tmp_path: Path) -> None:
    text = HEAD + SOURCE + "stances:\n  - id: s\n    topic: t\n    actor: a\n    position: oposed\n"
    problems = problems_of(tmp_path, text)
    assert (
        "12:15: stances[0].position: expected one of proposed, supported, opposed, cautious, neutral; got 'oposed'; did you mean 'opposed' or 'proposed'?"
        in problems
    )


@pytest.mark.parametrize(
    "tagged",
    [
        "!!python/object/apply:os.system ['touch pwned']",
        "!!python/name:os.system",
        "!!bool yes",
        "!custom x",
        "!!int 3",
    ],
)
def test_tags_are_refused_and_never_executed(
    tmp_path: Path, tagged: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    problems = problems_of(
        tmp_path, HEAD + SOURCE + f"actors:\n  - id: a\n    name: {tagged}\n    kind: country\n"
    )
    assert len(problems) == 1 and "is not allowed" in problems[0] and problems[0].startswith("10:11:")
    assert not (tmp_path / "pwned").exists()


def test_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    # 5**30 expansions if anything expanded it; the loader visits each node once.
    lines = ["  - id: t0", "    title: T", "    aliases: &a0 [x, x, x, x, x]"]
    for i in range(1, 30):
        refs = ", ".join([f"*a{i - 1}"] * 5)
        lines += [f"  - id: t{i}", "    title: T", f"    aliases: &a{i} [{refs}]"]
    problems = problems_of(tmp_path, HEAD + SOURCE + "topics:\n" + "\n".join(lines) + "\n")
    assert any("anchors and aliases (&name, *name, <<) are not allowed" in p for p in problems)
    assert len(problems) < 200


def test_merge_keys_are_refused(tmp_path: Path) -> None:
    text = HEAD + "base: &b {title: X}\n" + SOURCE + "    <<: *b\n"
    problems = problems_of(tmp_path, text)
    assert any("unknown field '<<'" in p for p in problems)


def test_deep_nesting_is_an_error_not_a_crash(tmp_path: Path) -> None:
    result = cli_on(tmp_path, HEAD + "sources: " + "[" * 5000 + "]" * 5000 + "\n")
    assert result.exit_code == 65
    assert "Traceback" not in result.stderr


def test_missing_file_exits_66(tmp_path: Path) -> None:
    result = run("timeline", "--data", str(tmp_path / "nope.yaml"))
    assert result.exit_code == 66
    assert result.stderr == f"asiapac: {tmp_path / 'nope.yaml'}: no such file (expected a YAML fact file)\n"


def test_a_directory_exits_66(tmp_path: Path) -> None:
    result = run("timeline", "--data", str(tmp_path))
    assert result.exit_code == 66
    assert "is a directory" in result.stderr


def test_no_permission_exits_66(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.yaml"
    path.write_text(HEAD)
    path.chmod(0)
    if os.geteuid() == 0:  # root reads any file: make the read fail as it would for a user
        real_open = os.open

        def refuse(file: Any, flags: int, *args: Any) -> int:
            if os.fspath(file) == str(path):
                raise PermissionError(13, "Permission denied")
            return real_open(file, flags, *args)

        monkeypatch.setattr(os, "open", refuse)
    result = run("timeline", "--data", str(path))
    assert result.exit_code == 66 and "permission denied" in result.stderr


def test_not_utf8_exits_66_with_the_position(tmp_path: Path) -> None:
    result = cli_on(tmp_path, (HEAD + "sources:\n  - id: caf\xe9\n").encode("latin-1"))
    assert result.exit_code == 66
    assert f"{tmp_path / 'bad.yaml'}:4:12: not UTF-8 text (byte 0xe9)" in result.stderr


def test_very_large_file_is_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(load, "MAX_FILE_BYTES", 100)
    result = cli_on(tmp_path, HEAD + SOURCE * 3)
    assert result.exit_code == 66
    assert "a fact file may be at most" in result.stderr


def test_claim_verdicts_that_need_a_correction(tmp_path: Path) -> None:
    text = (
        HEAD
        + SOURCE
        + ACTORS
        + (
            "claims:\n  - id: c\n    by: japan\n    text: x\n    verdict: wrong\n"
            "    evidence: well-documented\n    sources: [src]\n"
        )
    )
    assert problems_of(tmp_path, text) == [
        "13:5: claims[0]: verdict 'wrong' needs a 'correction' saying what is right"
    ]


def test_two_actors_cannot_share_an_alias(tmp_path: Path) -> None:
    text = HEAD + SOURCE + ACTORS + "    aliases: [korea]\n  - id: rok\n    name: Korea\n    kind: country\n"
    assert problems_of(tmp_path, text) == ["13:9: actors: the name 'korea' of 'rok' already names 'japan'"]


def test_data_option_and_env_choose_the_file(
    tmp_path: Path, facts_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = tmp_path / "other.yaml"
    other.write_text(HEAD + SOURCE + ACTORS)
    assert run("actors", "--data", str(other)).stdout.splitlines()[1].startswith("japan\tJapan")
    monkeypatch.setenv("ASIAPAC_DATA", str(other))
    assert run("actors").stdout.count("\n") == 2
    monkeypatch.delenv("ASIAPAC_DATA")
    assert load.data_path() == load.bundled_path()


def test_a_reference_to_the_wrong_kind_of_record_names_both(tmp_path: Path) -> None:
    text = HEAD + SOURCE + "events:\n" + event("    actors: [src]\n")
    assert problems_of(tmp_path, text) == [
        "15:14: events[0].actors[0]: 'src' is a source, expected an actor id"
    ]


def test_one_anchor_reused_many_times_is_reported_once(tmp_path: Path) -> None:
    text = (
        HEAD
        + SOURCE
        + "topics:\n  - id: t\n    title: T\n    aliases: &a [x]\n  - id: u\n    title: U\n    aliases: *a\n  - id: v\n    title: V\n    aliases: *a\n"
    )
    assert problems_of(tmp_path, text) == [
        "11:14: anchors and aliases (&name, *name, <<) are not allowed; write the value out"
    ]


# --- the stamps, known gaps, access dates, descriptive titles and allies ------------------

NEW_HEAD = 'schema_version: 1\nchecked_on: "2026-11-27"\n'


def test_checked_on_events_through_and_gaps_are_read(tmp_path: Path) -> None:
    path = tmp_path / "facts.yaml"
    gaps = "gaps:\n  - id: gap-one\n    text: Nothing found on X.\n    records: [e]\n"
    path.write_text(
        NEW_HEAD
        + 'events_through: "2023-07-12"\n'
        + gaps
        + SOURCE
        + "events:\n"
        + event("    end: '2023-07-12'\n"),
        encoding="utf-8",
    )
    fb = load.load(path, use_cache=False)
    assert (fb.checked_on, fb.events_through) == ("2026-11-27", "2023-07-12")
    assert fb.gaps == [{"id": "gap-one", "text": "Nothing found on X.", "records": ["e"]}]


def test_events_through_is_computed_when_the_file_does_not_say(tmp_path: Path) -> None:
    path = tmp_path / "facts.yaml"
    path.write_text(NEW_HEAD + SOURCE + "events:\n" + event("    end: '2023-07-12'\n"), encoding="utf-8")
    assert load.load(path, use_cache=False).events_through == "2023-07-12"


def test_events_through_must_be_the_latest_event(tmp_path: Path) -> None:
    text = NEW_HEAD + 'events_through: "2026-11"\n' + SOURCE + "events:\n" + event("    end: '2023-07-12'\n")
    assert problems_of(tmp_path, text) == [
        "3:1: events_through: '2026-11' is not the date of the latest event ('2023-07-12')"
    ]


def test_checked_on_is_required_once(tmp_path: Path) -> None:
    assert problems_of(tmp_path, "schema_version: 1\n" + SOURCE) == [
        "1:1: top level: missing required field 'checked_on' (a date)"
    ]
    both = NEW_HEAD + 'as_of: "2026-11-27"\n' + SOURCE
    assert problems_of(tmp_path, both) == ["3:1: as_of: give 'checked_on' only ('as_of' is its older name)"]


def test_a_gap_id_is_unique_across_the_file_and_its_records_must_exist(tmp_path: Path) -> None:
    gaps = "gaps:\n  - id: src\n    text: Clash.\n  - id: gap-two\n    text: X.\n    records: [nope]\n"
    problems = problems_of(tmp_path, NEW_HEAD + gaps + SOURCE)
    assert any("duplicate id 'src'" in p for p in problems)
    assert any("gaps[1].records[0]: no" in p and "'nope'" in p for p in problems)


@pytest.mark.parametrize("value", ['"true"', "yes", "True", "1"])
def test_booleans_are_unquoted_true_or_false(tmp_path: Path, value: str) -> None:
    source = SOURCE + f"    title_descriptive: {value}\n"
    (problem,) = problems_of(tmp_path, NEW_HEAD + source)
    assert problem.endswith(
        "sources[0].title_descriptive: expected true or false (unquoted), got "
        + ("text 'true'" if value == '"true"' else f"text {value!r}")
    )


def test_access_date_descriptive_title_and_ally_are_read(tmp_path: Path) -> None:
    source = (
        SOURCE + '    url: https://example.org/x\n    accessed: "2026-11-27"\n    title_descriptive: true\n'
    )
    stance = (
        "topics:\n  - id: t\n    title: T\n"
        + "actors:\n  - id: china\n    name: China\n    kind: country\n"
        + "stances:\n  - id: s\n    topic: t\n    actor: china\n    position: opposed\n"
        + "    ally: false\n    evidence: single-source\n    sources: [src]\n"
    )
    path = tmp_path / "facts.yaml"
    path.write_text(NEW_HEAD + source + stance, encoding="utf-8")
    fb = load.load(path, use_cache=False)
    assert fb.table("sources")["src"]["accessed"] == "2026-11-27"
    assert fb.table("sources")["src"]["title_descriptive"] is True
    assert fb.table("stances")["s"]["ally"] is False


def test_not_known_attendance_is_not_taking_part(tmp_path: Path) -> None:
    attendance = "    attendance:\n      - actor: japan\n        level: not-known\n"
    path = tmp_path / "facts.yaml"
    path.write_text(NEW_HEAD + SOURCE + ACTORS + "events:\n" + event(attendance), encoding="utf-8")
    fb = load.load(path, use_cache=False)
    assert list(fb.events.column("actors")[0]) == []


def person_with(office: str) -> str:
    return (
        HEAD
        + SOURCE
        + ACTORS
        + "  - id: fumio-kishida\n    name: Fumio Kishida\n    kind: person\n    country: japan\n"
        + "    family_name: Kishida\n    offices:\n"
        + office
    )


def test_an_office_needs_its_dates_and_sources(tmp_path: Path) -> None:
    undated = "      - office: prime-minister\n        of: japan\n        title: Prime Minister\n        sources: [src]\n"
    assert problems_of(tmp_path, person_with(undated)) == [
        "18:9: actors[1].offices[0]: an office needs 'from' or 'in_office_on'"
    ]
    backwards = (
        "      - office: prime-minister\n        of: japan\n        title: Prime Minister\n"
        "        from: '2024-10-01'\n        until: '2021-10-04'\n        sources: [src]\n"
    )
    assert problems_of(tmp_path, person_with(backwards)) == [
        "18:9: actors[1].offices[0]: until '2021-10-04' is before from '2024-10-01'"
    ]
    unsourced = "      - office: premier\n        of: jap\n        title: PM\n        from: '2021'\n"
    assert problems_of(tmp_path, person_with(unsourced)) == [
        "18:9: actors[1].offices[0]: missing required field 'sources' (a list of a source id or a mapping with 'source')",
        "18:17: actors[1].offices[0].office: expected one of president, prime-minister, chancellor, "
        "deputy-prime-minister, foreign-minister, defence-minister, secretary-general; got 'premier'; "
        "did you mean 'prime-minister' or 'president'?",
        "19:13: actors[1].offices[0].of: no actor with id 'jap'; did you mean 'japan'?",
    ]
