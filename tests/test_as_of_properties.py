"""--as-of as a property (issue #22): for any day, every listing in every format holds exactly
the records known on that day, and a day after everything changes nothing, byte for byte.

The oracle reads data/facts.yaml with no typing and applies the rule of docs/as-of.md itself:
a record is known on D when its own date (an event's date, an ITPP's agreed, a stance's date,
a grouping's founded, a claim's seed source) and its earliest source's date are both on or
before D, a partial date counting as its last day and an undated source as published on its
accessed date, else on checked_on. An ITPP not yet known is shown under negotiation from the
first day one of its states is known by the same rule.
"""

from __future__ import annotations

import calendar
import csv
import datetime
import io
import json
import re
import sqlite3
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from asiapac_cli.facts import load
from conftest import run, tty

BUNDLED = load.bundled_path()


@pytest.fixture(autouse=True)
def shared_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASIAPAC_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "as-of-cache"))
    monkeypatch.setenv("ASIAPAC_DATA", str(BUNDLED))


# --- the oracle -------------------------------------------------------------------------------------


def last_day(partial: str) -> str:
    parts = [int(p) for p in partial.split("-")]
    if len(parts) == 3:
        return partial
    year, month = parts[0], parts[1] if len(parts) == 2 else 12
    return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"


def cited(record: dict[str, Any]) -> list[str]:
    return [c if isinstance(c, str) else c["source"] for c in record.get("sources") or []]


@cache
def oracle() -> tuple[dict[str, str], dict[str, str]]:
    """(record id -> day known, ITPP or stance id -> first day shown in an earlier state)."""
    raw = yaml.load(BUNDLED.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    checked_on = raw.get("checked_on") or raw["as_of"]
    published = {s["id"]: last_day(s.get("date") or s.get("accessed") or checked_on) for s in raw["sources"]}
    seeds = {s["id"] for s in raw["sources"] if s["kind"] == "seed"}
    own_date = {"events": "date", "itpps": "agreed", "stances": "date", "groupings": "founded"}
    known = dict(published)
    for kind in ("events", "itpps", "stances", "groupings", "claims"):
        for record in raw.get(kind) or []:
            earliest = min(published[s] for s in cited(record))
            if kind == "claims":
                happened = min((published[s] for s in cited(record) if s in seeds), default=None)
            else:
                date = record.get(own_date[kind])
                happened = last_day(date) if date not in (None, "~", "null", "") else None
            known[record["id"]] = max(earliest, happened) if happened else earliest
    for kind in ("actors", "topics"):  # vocabulary: always there
        known.update({record["id"]: "0000-01-01" for record in raw.get(kind) or []})
    negotiating = {}  # an ITPP under negotiation, or a stance as first reported
    for record in [*(raw.get("itpps") or []), *(raw.get("stances") or [])]:
        days = [
            max(last_day(s["date"]), min(published[c] for c in cited(s))) for s in record.get("states", [])
        ]
        if days:
            negotiating[record["id"]] = min(days)
    return known, negotiating


def known_on(day: str) -> set[str]:
    known, negotiating = oracle()
    shown = {i for i, d in known.items() if d <= day}
    return shown | {i for i, d in negotiating.items() if d <= day}


def the_last_day_anything_became_known() -> str:
    known, negotiating = oracle()
    return max([*known.values(), *negotiating.values()])


def shifted(day: str, days: int) -> str:
    return (datetime.date.fromisoformat(day) + datetime.timedelta(days=days)).isoformat()


def the_day_after_everything() -> str:
    return shifted(the_last_day_anything_became_known(), 1)


# --- reading each format ------------------------------------------------------------------------------


def ids_in(text: str, fmt: str) -> list[str]:
    """The `id` column of a listing in any of its formats."""
    if fmt == "json":
        return [row["id"] for row in json.loads(text)]
    if fmt == "jsonl":
        return [json.loads(line)["id"] for line in text.splitlines()]
    if fmt == "yaml":
        return [str(row["id"]) for row in yaml.load(text, Loader=yaml.BaseLoader) or []]
    if fmt == "csv":
        return [row["id"] for row in csv.DictReader(io.StringIO(text))]
    if fmt == "tsv":
        lines = text.splitlines()
        at = lines[0].split("\t").index("id")
        return [line.split("\t")[at] for line in lines[1:]]
    if fmt == "markdown":
        rows = [re.split(r"(?<!\\)\|", line)[1:-1] for line in text.splitlines()]
        at = [cell.strip() for cell in rows[0]].index("id")
        return [row[at].strip() for row in rows[2:]]
    if fmt == "ics":
        return re.findall(r"^UID:(.+)@asiapac\r?$", text, re.MULTILINE)
    raise AssertionError(fmt)


LISTINGS = [
    ["timeline"],
    ["summits"],
    ["itpp"],
    ["stances", "tokyo-office"],
    ["who-supported", "tokyo-office"],
    ["groupings"],
    ["claims"],
    ["sources"],
]
FORMATS = ["tsv", "csv", "json", "jsonl", "yaml", "markdown"]
DAYS = st.dates(datetime.date(2005, 1, 1), datetime.date(2027, 12, 31)).map(datetime.date.isoformat)


@cache
def whole(args: tuple[str, ...], fmt: str) -> str:
    return run(*args, "-f", fmt).stdout


@pytest.mark.parametrize("fmt", FORMATS)
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(day=DAYS)
def test_every_listing_holds_exactly_the_records_known_on_the_day(fmt: str, day: str) -> None:
    expected_known = known_on(day)
    for args in LISTINGS:
        everything = ids_in(whole(tuple(args), fmt), fmt)
        result = run(*args, "-f", fmt, "--as-of", day)
        expected = [i for i in everything if i in expected_known]
        assert result.exit_code == (0 if expected else 1), (args, day, result.stderr)
        shown = ids_in(result.stdout, fmt) if result.stdout.strip() not in ("", "[]") else []
        assert shown == expected, (args, day)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(day=DAYS)
def test_search_finds_only_records_known_on_the_day(day: str) -> None:
    """A body match may rest on a quote from a source published later, which the day lacks;
    a title match cannot: those are exactly the whole base's, narrowed."""
    expected_known = known_on(day)
    everything = json.loads(whole(("search", "nato"), "json"))
    result = run("search", "nato", "-f", "json", "--as-of", day)
    shown = json.loads(result.stdout)
    assert {r["id"] for r in shown} <= {r["id"] for r in everything} & expected_known
    titles = [r["id"] for r in shown if r["rank"] <= 1]
    assert titles == [r["id"] for r in everything if r["rank"] <= 1 and r["id"] in expected_known]


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(day=DAYS)
def test_the_calendar_and_the_diagram_hold_the_events_known_on_the_day(day: str) -> None:
    expected_known = known_on(day)
    every_id = ids_in(whole(("timeline",), "ics"), "ics")
    calendar_ids = ids_in(run("timeline", "-f", "ics", "--as-of", day).stdout, "ics")
    assert calendar_ids == [i for i in every_id if i in expected_known]

    def entries(text: str) -> list[str]:
        """Each event of a Mermaid timeline: a date line lists its events after ' : '."""
        lines = [line for line in text.splitlines() if line.startswith("        ")]
        return [title for line in lines for title in line.split(" : ")[1:]]

    every_entry = entries(whole(("timeline",), "mermaid"))
    assert len(every_entry) == len(every_id)
    diagram = entries(run("timeline", "-f", "mermaid", "--as-of", day).stdout)
    assert diagram == [e for e, i in zip(every_entry, every_id, strict=True) if i in expected_known]


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(day=DAYS)
def test_the_json_export_holds_the_records_known_on_the_day(day: str) -> None:
    expected_known = known_on(day)
    document = json.loads(run("export", "-f", "json", "--as-of", day).stdout)
    everything = json.loads(whole(("export",), "json"))
    for kind in ("sources", "events", "itpps", "stances", "groupings", "claims"):
        expected = [r["id"] for r in everything[kind] if r["id"] in expected_known]
        assert [r["id"] for r in document[kind]] == expected, kind


# --- a day after everything ---------------------------------------------------------------------------


EVERY_ANSWER = [
    *[[*args, "-f", fmt] for args in [*LISTINGS, ["search", "nato"]] for fmt in FORMATS],
    ["timeline", "-f", "ics"],
    ["timeline", "-f", "mermaid"],
    ["timeline", "--chart"],
    ["itpp", "japan", "-f", "json"],
    ["itpp", "nz", "--cite", "-f", "tsv"],
    ["who-opposed", "tokyo-office", "--cite", "-f", "json"],
    ["topics", "-f", "tsv"],
    ["actors", "-f", "tsv"],
    ["sources", "-f", "bibtex"],
    ["show", "japan", "-f", "json"],
    ["show", "itpp-new-zealand", "-f", "yaml"],
    ["show", "quad"],
    ["cite", "itpp-new-zealand"],
    ["cite", "france-opposes-tokyo-office", "--style", "bibtex"],
    ["about", "-f", "json"],
    ["about"],
    ["export", "-f", "json"],
    ["export", "-f", "html"],
    ["check", str(Path(__file__).parent / "fixtures" / "check" / "vilnius_article.md"), "-f", "json"],
]


@pytest.mark.parametrize("args", EVERY_ANSWER, ids=" ".join)
def test_a_day_after_everything_changes_nothing_byte_for_byte(args: list[str]) -> None:
    plain = run(*args)
    for day in (the_day_after_everything(), "2999-12-31"):
        dated = run(*args, "--as-of", day)
        assert (dated.exit_code, dated.stdout, dated.stderr) == (plain.exit_code, plain.stdout, plain.stderr)


@pytest.mark.parametrize(
    "args", [["timeline"], ["summits"], ["itpp", "japan"], ["stances", "tokyo-office"], ["show", "japan"]]
)
def test_on_a_terminal_too(args: list[str]) -> None:
    plain = tty(*args, "--no-pager") if args[0] != "show" else tty(*args)
    dated = tty(*args, "--as-of", the_day_after_everything(), *(["--no-pager"] if args[0] != "show" else []))
    assert dated.stdout == plain.stdout


def test_the_sqlite_export_of_a_day_after_everything_is_the_same_database(tmp_path: Path) -> None:
    plain, dated = tmp_path / "plain.db", tmp_path / "dated.db"
    assert run("export", "-f", "sqlite", "-o", str(plain)).exit_code == 0
    assert (
        run("export", "-f", "sqlite", "-o", str(dated), "--as-of", the_day_after_everything()).exit_code == 0
    )
    assert list(sqlite3.connect(dated).iterdump()) == list(sqlite3.connect(plain).iterdump())


def test_the_last_day_anything_became_known_is_the_first_that_changes_nothing() -> None:
    last = the_last_day_anything_became_known()
    plain = run("about", "-f", "json").stdout
    assert run("about", "-f", "json", "--as-of", last).stdout == plain
    day_before = json.loads(run("about", "-f", "json", "--as-of", shifted(last, -1)).stdout)
    assert day_before["as_of"]["later"]["sources"] >= 1  # the undated ones, counted on checked_on
