"""`--as-of DATE` (issue #22): every command answers from the fact base as it stood on a day.

The named records and their days are read off data/facts.yaml by hand (docs/as-of.md gives the
rule): Madrid 2022 happened on 29 June 2022 and NATO reported it that day; Japan's ITPP was agreed
on 12 July 2023; France's stance on the Tokyo office is dated 12 July 2023 (its first source,
Anadolu on the FT report, is of 5 June); the Washington summit began on 9 July 2024 and its
earliest dated source is AP's of 11 July 2024.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from asiapac_cli.facts import load
from conftest import run, tty

BUNDLED = str(load.bundled_path())


@pytest.fixture(autouse=True)
def shared_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """One warm cache of the bundled file for the whole module (it never changes here)."""
    monkeypatch.setenv("ASIAPAC_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "as-of-cache"))
    monkeypatch.setenv("ASIAPAC_DATA", BUNDLED)


def ids(*args: str) -> set[str]:
    """The `id` of every row a listing prints as JSON."""
    result = run(*args, "-f", "json")
    assert result.exit_code in (0, 1), result.stderr
    return {row["id"] for row in json.loads(result.stdout)}


def test_timeline_at_three_dates() -> None:
    before_madrid = ids("timeline", "--as-of", "2022-06-28")
    assert "madrid-summit-2022" not in before_madrid and "brussels-summit-2021" in before_madrid
    in_2023 = ids("timeline", "--as-of", "2023-12-31")
    assert "madrid-summit-2022" in in_2023 and "washington-summit-2024" not in in_2023
    assert "itpp-japan-agreed-2023" in in_2023
    after_washington = ids("timeline", "--as-of", "2024-07-11")
    assert {"madrid-summit-2022", "washington-summit-2024"} <= after_washington


def test_timeline_the_day_before_and_the_day_of_a_record() -> None:
    assert "madrid-summit-2022" in ids("timeline", "--as-of", "2022-06-29")
    assert "washington-summit-2024" not in ids("timeline", "--as-of", "2024-07-10")  # begun, not reported
    assert "itpp-japan-agreed-2023" not in ids("timeline", "--as-of", "2023-07-11")


def test_summits_at_three_dates() -> None:
    assert "madrid-summit-2022" not in ids("summits", "--as-of", "2022-06-28")
    in_2023 = ids("summits", "--as-of", "2023")  # a year means its last day
    assert "madrid-summit-2022" in in_2023 and "washington-summit-2024" not in in_2023
    assert "washington-summit-2024" in ids("summits", "--as-of", "2024-07")


def test_the_2024_washington_attendance_is_absent_in_2023() -> None:
    rows = json.loads(run("summits", "--as-of", "2023-12-31", "-f", "json").stdout)
    assert all(row["date"] < "2024" for row in rows)
    attendance = json.loads(run("summits", "--as-of", "2024-07-11", "-f", "json").stdout)
    washington = next(r for r in attendance if r["id"] == "washington-summit-2024")
    australia = next(p for p in washington["partners"] if p["partner"] == "australia")
    assert (australia["level"], australia["person"]) == ("deputy-leader", "Richard Marles")


def test_itpp_at_three_dates() -> None:
    none_yet = run("itpp", "--as-of", "2022-06-28", "-f", "json")
    assert none_yet.exit_code == 1 and none_yet.stdout == "[]\n"
    before_vilnius = ids("itpp", "--as-of", "2023-07-11")
    assert "itpp-japan" not in before_vilnius and "itpp-republic-of-korea" in before_vilnius
    assert "itpp-japan" in ids("itpp", "--as-of", "2023-07-12")


def test_itpp_of_a_partner_before_its_agreement_is_a_no_match_not_a_usage_error() -> None:
    result = run("itpp", "japan", "--as-of", "2023-07-11", "-f", "json")
    assert result.exit_code == 1 and result.stdout == "[]\n"
    assert result.stderr.startswith("asiapac: not known yet: 'japan' has no ITPP")
    assert "as of 2023-07-11: " in result.stderr and " are later" in result.stderr
    header = run("itpp", "japan", "--as-of", "2023-07-11", "-f", "tsv").stdout
    assert header.startswith("partner\titpp\tagreed\t")
    assert run("itpp", "france", "--as-of", "2023-07-11").exit_code == 2  # no ITPP at all: still 2


def test_itpp_areas_are_those_a_source_named_by_the_day() -> None:
    on_the_day = run("itpp", "japan", "--as-of", "2023-07-12", "-f", "json")
    assert on_the_day.exit_code == 0
    areas = {row["area"] for row in json.loads(on_the_day.stdout)}
    # HADR is named only by the Sankei editorial of 13 July 2023; WPS only from November.
    assert not any("disaster" in a.lower() for a in areas)
    assert not any("women" in a.lower() for a in areas)
    later = {row["area"] for row in json.loads(run("itpp", "japan", "-f", "json").stdout)}
    assert len(later) == 10 and areas < later


def test_stances_at_three_dates() -> None:
    before_first_source = ids("stances", "tokyo-office", "--as-of", "2023-06-04")
    assert "france-opposes-tokyo-office" not in before_first_source
    assert {"nato-proposes-tokyo-office", "china-on-tokyo-office"} <= before_first_source
    before_vilnius = ids("stances", "tokyo-office", "--as-of", "2023-07-11")
    assert "germany-on-tokyo-office" in before_vilnius
    assert "france-opposes-tokyo-office" in ids("stances", "tokyo-office", "--as-of", "2023-07-12")


def france(day: str) -> dict[str, Any]:
    (row,) = [
        r
        for r in json.loads(run("stances", "tokyo-office", "--as-of", day, "-f", "json").stdout)
        if r["actor"] == "france"
    ]
    return row


def test_a_stance_reported_before_the_statement_it_records_shows_as_first_reported() -> None:
    # The Financial Times reported Macron's opposition on 5 June 2023 (Anadolu, that day); AFP
    # quoted a French official on the 6th; Macron said it himself at Vilnius on 12 July.
    first = france("2023-06-05")
    assert (first["date"], first["position"], first["evidence"]) == ("2023-06-05", "opposed", "single-source")
    assert first["sources"] == ["anadolu-usmuslims-2023-06-05"] and "Financial Times" in first["summary"]
    assert first["said"] is None and first["occasion"] is None  # Macron's words of 12 July: later
    before = france("2023-07-11")
    assert (before["date"], before["evidence"]) == ("2023-06-06", "well-documented")
    assert before["sources"] == ["anadolu-usmuslims-2023-06-05", "afp-spacewar-2023-06-06"]
    assert "Vilnius" not in json.dumps(before)
    stated = france("2023-07-12")
    assert stated["date"] == "2023-07-12" and "geography is stubborn" in stated["said"]
    summary = about("--as-of", "2023-06-10")["as_of"]
    assert summary["first_reported"] == 1 and "3 stances (and 1 as first reported)" in summary["summary"]
    # A text of 20 June 2023 that says France opposed the office is confirmed from what was
    # known then, and cites only those sources.
    (row,) = [
        r
        for r in json.loads(
            run(
                "check",
                "-",
                "-f",
                "json",
                input="20 June 2023\n\nFrance opposed a NATO liaison office in Tokyo.\n",
            ).stdout
        )
        if r["line"] == 3
    ]
    assert row["verdict"] == "confirmed"
    assert row["sources"] == ["anadolu-usmuslims-2023-06-05", "afp-spacewar-2023-06-06"]


def test_who_opposed_and_who_supported_at_three_dates() -> None:
    nobody = run("who-opposed", "tokyo-office", "--as-of", "2023-05-03")
    assert nobody.exit_code == 1 and "as of 2023-05-03" in nobody.stderr
    assert ids("who-opposed", "tokyo-office", "--as-of", "2023-06-04") == {"china-on-tokyo-office"}
    assert ids("who-opposed", "tokyo-office", "--as-of", "2023-06-30") == {
        "china-on-tokyo-office",
        "france-opposes-tokyo-office",  # as first reported, 5 June
    }
    assert ids("who-opposed", "tokyo-office", "--as-of", "2023-07-12") == {
        "china-on-tokyo-office",
        "france-opposes-tokyo-office",
    }
    assert ids("who-supported", "tokyo-office", "--as-of", "2023-05-09") == {"nato-proposes-tokyo-office"}
    # Japan's ambassador spoke on 9 May; the Yomiuri reported it on the 10th.
    assert "japan-supports-tokyo-office" in ids("who-supported", "tokyo-office", "--as-of", "2023-05-10")


def topic_counts(day: str) -> dict[str, Any]:
    rows = json.loads(run("topics", "--as-of", day, "-f", "json").stdout)
    return next(r for r in rows if r["id"] == "tokyo-office")


def test_topics_count_what_was_known_at_three_dates() -> None:
    assert topic_counts("2023-05-02")["stances"] == 0
    assert topic_counts("2023-06-01")["stances"] == 3  # NATO, China, Japan
    assert topic_counts("2023-07-12")["stances"] == 7


def test_actors_are_vocabulary_and_always_there() -> None:
    every = ids("actors")
    for day in ("1999", "2023-06-01", "2030"):
        assert ids("actors", "--as-of", day) == every


def test_groupings_at_three_dates() -> None:
    assert ids("groupings", "--as-of", "2017-11-11") == set()
    # The Quad dates from 2007, but no source in the base is older than 12 November 2017. The IP4
    # has no founding date; its earliest source is NATO's release of 2 December 2020.
    assert ids("groupings", "--as-of", "2020-12-01") == {"quad"}
    assert ids("groupings", "--as-of", "2021-09-15") == {"quad", "aukus", "ip4"}
    assert ids("groupings", "--as-of", "2023-08-18") == {"quad", "aukus", "camp-david-trilateral", "ip4"}


def test_references_name_only_records_known_on_the_day() -> None:
    def exported(day: str) -> dict[str, Any]:
        document: dict[str, Any] = json.loads(run("export", "-f", "json", "--as-of", day).stdout)
        return document

    quad = next(g for g in exported("2021-03-30")["groupings"] if g["id"] == "quad")
    # The virtual leaders' summit of 12 March 2021 is known from its source of 31 March.
    assert quad["events"] == ["quad-first-meeting-2007", "quad-revived-2017"]
    claims = {c["id"]: c for c in exported("2024-06-30")["claims"]}
    assert (
        "japan-mission-to-nato-inaugurated-2025"
        not in claims["seed-claim-japan-delegation-jan-2023"]["records"]
    )
    assert (
        "tokyo-office-no-longer-discussed-2025"
        not in claims["seed-claim-office-dropped-from-outcome"]["records"]
    )
    whole = {c["id"]: c for c in json.loads(run("export", "-f", "json").stdout)["claims"]}
    assert (
        "japan-mission-to-nato-inaugurated-2025" in whole["seed-claim-japan-delegation-jan-2023"]["records"]
    )


def test_a_gap_about_later_records_only_is_left_out() -> None:
    def gaps(*args: str) -> dict[str, list[str]]:
        return {g["id"]: g["records"] for g in about(*args)["gaps"]}

    in_2025 = gaps("--as-of", "2025-12-31")
    assert "gap-ankara-2026-attendance" not in in_2025  # its records are of 2026
    assert in_2025["gap-after-july-2026"] == []  # a gap about no record is about the file: kept
    assert "gap-ankara-2026-attendance" in gaps()


def test_sources_at_three_dates() -> None:
    before = ids("sources", "--as-of", "2023-07-11")
    assert "nato-itpp-japan-2023" not in before and "anadolu-usmuslims-2023-06-05" in before
    assert "anadolu-usmuslims-2023-06-05" not in ids("sources", "--as-of", "2023-06-04")
    on_the_day = json.loads(
        run("sources", "nato-itpp-japan-2023", "--as-of", "2023-07-12", "-f", "json").stdout
    )
    assert "itpp-japan" in on_the_day[0]["cited_by"]
    assert run("sources", "nato-itpp-japan-2023", "--as-of", "2023-07-11").exit_code == 1


def test_a_month_dated_source_counts_from_the_months_last_day() -> None:
    # nzherald-2024-07 is dated "2024-07": it may have appeared on the 31st, never earlier.
    assert "nzherald-2024-07" not in ids("sources", "--as-of", "2024-07-30")
    assert "nzherald-2024-07" in ids("sources", "--as-of", "2024-07-31")


def test_claims_at_three_dates() -> None:
    # The seed interview is dated only "2023": its claims count from 31 December 2023.
    assert run("claims", "--as-of", "2023-07-12").exit_code == 1
    assert ids("claims", "--as-of", "2023-12-30") == set()
    assert "seed-claim-all-four-itpps" in ids("claims", "--as-of", "2023-12-31")


def test_search_at_three_dates() -> None:
    assert "france-opposes-tokyo-office" not in ids("search", "geography", "--as-of", "2023-06-04")
    # As first reported (5 June), the stance has none of Macron's words of 12 July.
    assert "france-opposes-tokyo-office" not in ids("search", "geography", "--as-of", "2023-07-11")
    assert "france-opposes-tokyo-office" in ids("search", "geography", "--as-of", "2023-07-12")


def test_show_at_three_dates() -> None:
    before = run("show", "madrid-summit-2022", "--as-of", "2022-06-28")
    assert before.exit_code == 1 and before.stdout == ""
    assert before.stderr.startswith("asiapac: not known yet: nothing called 'madrid-summit-2022'")
    assert "did you mean" not in before.stderr
    assert run("show", "madrid-summit-2022", "--as-of", "2022-06-29").exit_code == 0
    japan = json.loads(run("show", "japan", "--as-of", "2023-07-11", "-f", "json").stdout)
    assert "itpps" not in japan["related"]
    japan = json.loads(run("show", "japan", "--as-of", "2023-07-12", "-f", "json").stdout)
    assert [i["id"] for i in japan["related"]["itpps"]] == ["itpp-japan"]


def test_cite_at_three_dates() -> None:
    assert run("cite", "itpp-japan", "--as-of", "2023-07-11").exit_code == 1
    on_the_day = run("cite", "itpp-japan", "--as-of", "2023-07-12").stdout
    later = run("cite", "itpp-japan").stdout
    assert "Diplomatic Bluebook" not in on_the_day and "Diplomatic Bluebook" in later
    assert "Diplomatic Bluebook" in run("cite", "itpp-japan", "--as-of", "2024-04-16").stdout  # its day
    assert all("2023-07-12" in line or "2014" in line or "2020" in line for line in on_the_day.splitlines())
    bibtex = run("cite", "france-opposes-tokyo-office", "--style", "bibtex", "--as-of", "2023-07-12").stdout
    assert "2025" not in bibtex and "@" in bibtex  # the 2025 Jiji report was not written yet


def about(*args: str) -> dict[str, Any]:
    result = run("about", "-f", "json", *args)
    assert result.exit_code == 0
    document: dict[str, Any] = json.loads(result.stdout)
    return document


def test_about_counts_what_is_known_and_what_is_later() -> None:
    before_madrid = about("--as-of", "2022-06-28")
    assert before_madrid["counts"]["stances"] == 0
    assert before_madrid["counts"]["groupings"] == 3  # the Quad, AUKUS and the IP4
    june = about("--as-of", "2023-06-01")
    assert june["counts"]["stances"] == 3 and june["counts"]["itpps"] == 0
    assert june["as_of"]["later"]["stances"] == 4 and june["as_of"]["later"]["itpps"] == 4
    assert june["as_of"]["summary"].startswith("as of 2023-06-01: ")
    assert ", 3 stances, " in june["as_of"]["summary"] and "4 stances" in june["as_of"]["summary"]
    whole = about()
    assert "as_of" not in whole
    assert june["counts"]["events"] + june["as_of"]["later"]["events"] == whole["counts"]["events"]
    washington = about("--as-of", "2024-07-11")
    assert washington["counts"]["itpps"] == 4 and washington["as_of"]["known"]["itpps"] == 3
    assert washington["as_of"]["later"]["itpps"] == 1
    assert washington["as_of"]["under_negotiation"] == 1  # New Zealand's: signed later in 2024


def test_about_says_it_in_every_format() -> None:
    for fmt in ("text", "yaml", "table"):
        said = run("about", "-f", fmt, "--as-of", "2023-06-01").stdout
        assert "as of 2023-06-01: " in said and "are later" in said, fmt


def test_export_json_at_three_dates() -> None:
    def exported(day: str) -> dict[str, Any]:
        document: dict[str, Any] = json.loads(run("export", "-f", "json", "--as-of", day).stdout)
        return document

    early = exported("2022-06-28")
    assert "madrid-summit-2022" not in {e["id"] for e in early["events"]} and early["itpps"] == []
    assert early["as_of"]["date"] == "2022-06-28"
    mid = exported("2023-07-12")
    assert "itpp-japan" in {i["id"] for i in mid["itpps"]}
    assert "washington-summit-2024" not in {e["id"] for e in mid["events"]}
    cited = {c["source"] for kind in ("events", "itpps", "stances") for r in mid[kind] for c in r["sources"]}
    assert cited <= {s["id"] for s in mid["sources"]}  # no record cites a source not yet published
    assert "washington-summit-2024" in {e["id"] for e in exported("2024-07-11")["events"]}


def test_export_sqlite_at_three_dates(tmp_path: Path) -> None:
    def tables(day: str) -> sqlite3.Connection:
        path = tmp_path / f"{day}.db"
        assert run("export", "-f", "sqlite", "-o", str(path), "--as-of", day).exit_code == 0
        return sqlite3.connect(path)

    early = tables("2022-06-28")
    assert early.execute("select count(*) from itpps").fetchone() == (0,)
    assert early.execute("select value from meta where key = 'as_of'").fetchone() == ("2022-06-28",)
    (summary,) = early.execute("select value from meta where key = 'as_of_summary'").fetchone()
    assert summary.startswith("as of 2022-06-28: ") and summary.endswith(" are later")
    mid = tables("2023-07-12")
    assert ("itpp-japan",) in mid.execute("select id from itpps").fetchall()
    assert mid.execute("select count(*) from events where id = 'washington-summit-2024'").fetchone() == (0,)
    assert mid.execute("PRAGMA foreign_key_check").fetchall() == []
    late = tables("2024-07-11")
    assert late.execute("select count(*) from events where id = 'washington-summit-2024'").fetchone() == (1,)


def test_export_html_at_three_dates() -> None:
    def page(day: str) -> str:
        return run("export", "-f", "html", "--as-of", day).stdout

    early = page("2022-06-28")
    assert 'id="ev-madrid-summit-2022"' not in early and 'id="ev-brussels-summit-2021"' in early
    said = "Only what was known on 2022-06-28 is shown (as of 2022-06-28: "
    assert early.count(said) == 2  # in the header and in the coverage footer
    mid = page("2023-07-12")
    assert 'id="itpp-itpp-japan"' in mid and 'id="ev-washington-summit-2024"' not in mid
    assert 'id="ev-washington-summit-2024"' in page("2024-07-11")


DRAFT = "Japan's ITPP has 16 areas.\nThe Madrid summit took place on 29 June 2022.\n"


def test_check_is_handed_the_fact_base_of_the_day(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")

    def records(day: str) -> list[str]:
        result = run("check", str(draft), "--as-of", day, "-f", "json", "--all")
        assert result.exit_code == 0, result.stderr
        return [";".join(row["records"]) for row in json.loads(result.stdout)]

    assert records("2022-06-28") == ["", ""]
    assert records("2023-07-11") == ["", "madrid-summit-2022"]
    assert records("2023-07-12") == ["itpp-japan", "madrid-summit-2022"]


def test_a_terminal_table_ends_with_what_was_left_out() -> None:
    shown = tty("stances", "tokyo-office", "--as-of", "2023-06-01", "--no-pager", width=200).stdout
    assert "as of 2023-06-01: " in shown and "4 stances" in shown and "are later" in shown
    assert "France" not in shown.split("as of 2023-06-01")[0]
    outline = tty("show", "japan", "--as-of", "2023-06-01").stdout
    assert outline.rstrip().splitlines()[-1].startswith("as of 2023-06-01: ")
    for args in (
        ["cite", "madrid-summit-2022"],
        ["timeline", "-f", "ics"],
        ["sources", "-f", "bibtex"],
        ["export", "-f", "json"],
    ):
        on_screen = tty(*args, "--as-of", "2022-06-29")
        assert on_screen.stderr.startswith("asiapac: as of 2022-06-29: "), args
        assert "as of 2022-06-29" not in on_screen.stdout or args[0] == "export", args
        assert run(*args, "--as-of", "2022-06-29").stderr == "", args  # piped: the text alone


def test_before_the_earliest_record_the_answer_is_empty_with_a_message() -> None:
    for args in (
        ["timeline"],
        ["summits"],
        ["stances", "tokyo-office"],
        ["search", "geography"],
        ["sources"],
    ):
        result = run(*args, "--as-of", "1000-01-01", "-f", "json")
        assert result.exit_code == 1 and result.stdout == "[]\n", args
        assert "as of 1000-01-01: nothing is known yet; " in result.stderr, args
    table = tty("timeline", "--as-of", "1000")
    assert table.exit_code == 1 and table.stdout == ""
    assert table.stderr == (
        "asiapac: no events matched; as of 1000-12-31: nothing is known yet; "
        + table.stderr.split("nothing is known yet; ")[1]
    )


@pytest.mark.parametrize("day", ["2023-02-30", "23-07", "July", "2023-13", "３０２３"])
def test_a_bad_date_is_a_usage_error_like_since(day: str) -> None:
    as_of = run("timeline", "--as-of", day)
    since = run("timeline", "--since", day)
    assert as_of.exit_code == since.exit_code == 2
    assert as_of.stderr == since.stderr.replace("--since", "--as-of")


def test_an_empty_date_is_a_usage_error() -> None:
    # An empty --as-of would silently mean "today" (as an empty --since once meant no --since).
    result = run("itpp", "--as-of", " ")
    assert result.exit_code == 2 and "--as-of was given an empty value" in result.stderr
    assert run("itpp", "--as-of", "July").exit_code == 2


def test_every_command_that_answers_from_the_fact_base_takes_as_of() -> None:
    from asiapac_cli.cli.app import COMMAND_MODULES

    for command in COMMAND_MODULES:
        help_text = run(command, "--help").stdout
        assert ("--as-of" in help_text) == (command not in ("validate", "schema")), command


SEED = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds" / "000_cab049b54525a233.txt"


@pytest.mark.skipif(not SEED.exists(), reason="the seed interview lives outside the repository")
def test_check_of_the_seed_as_of_its_year_cites_no_later_source() -> None:
    import yaml

    raw = yaml.load(Path(BUNDLED).read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    dated = {s["id"]: s.get("date") for s in raw["sources"]}

    def later_sources(*args: str) -> set[str]:
        rows = json.loads(run("check", str(SEED), "-f", "json", *args).stdout)
        cited = {s for row in rows for s in row["sources"]}
        assert cited  # the check judged something
        return {s for s in cited if not dated[s] or dated[s][:4] > "2023"}

    assert later_sources()  # without --as-of, verdicts rest on 2024 and 2025 sources too
    assert later_sources("--as-of", "2023") == set()


def test_the_documented_example_is_what_the_tool_prints() -> None:
    readme = (Path(__file__).resolve().parent.parent / "docs" / "as-of.md").read_text(encoding="utf-8")
    block = readme.split("<!-- as-of example -->\n")[1].split("<!-- /as-of example -->")[0]
    commands = [c for c in block.split("    $ asiapac ") if c]
    assert len(commands) == 3
    for command in commands:
        line, *shown = command.splitlines()
        result = run(*line.split())
        assert result.exit_code == 0 and result.stdout == "".join(s[4:] + "\n" for s in shown), line
    summary = readme.split("`about` says it in every format\n(`")[1].split("`)")[0]
    said = json.loads(run("about", "-f", "json", "--as-of", "2023-06-01").stdout)["as_of"]["summary"]
    assert " ".join(summary.split()) == said


def test_with_no_event_known_the_page_is_a_no_match_and_about_reaches_no_date() -> None:
    page = run("export", "-f", "html", "--as-of", "1999")  # like a page --since 2090: no events
    assert page.exit_code == 1 and page.stdout == ""
    assert page.stderr.startswith("asiapac: no events matched; as of 1999-12-31: nothing is known yet; ")
    nothing = json.loads(run("about", "-f", "json", "--as-of", "1999").stdout)
    assert nothing["events_through"] is None and nothing["counts"]["events"] == 0
