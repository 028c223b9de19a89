"""The export formats, checked with real readers: icalendar, sqlite3, json, a Mermaid lexer."""

from __future__ import annotations

import datetime
import json
import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from asiapac_cli import __version__
from asiapac_cli.facts import load, model
from asiapac_cli.queries.itpp import itpp_areas
from asiapac_cli.queries.stances import stances
from conftest import as_text, as_written, run, write_facts

BUNDLED = load.bundled_path()

# A fact file whose text is awkward for every format: separators, LaTeX specials, controls.
AWKWARD = """\
schema_version: 1
as_of: "2025-03-04"
sources:
  - id: odd-source
    title: "Costs & benefits: 50% of NATO_Partners {draft} #1; see ~ ^ $ \\\\"
    publisher: "AT&T Research_Lab"
    date: "2023-07"
    url: "https://example.org/a_b%20c?x=1&y=2#part"
    via: "Mirror_Site"
    language: ja
    kind: secondary
  - id: undated-note
    title: An undated note
    author: Jane Doe
    kind: seed
actors:
  - id: nato
    name: NATO
    kind: organisation
events:
  - id: month-event
    date: "2023-07"
    kind: meeting
    title: "Talks: round #2; at 10:30, %% done"
    summary: "First line, with a comma; a semicolon\\nsecond line \\\\ backslash\\ttab\\x07bell 東京"
    place: "Brussels, NATO HQ; room 1"
    actors: [nato]
    evidence: single-source
    correction: "Not July; earlier"
    sources: [odd-source]
  - id: year-event
    date: "2024"
    kind: report
    title: "A year-long report with a very long title that must be folded across several lines of the calendar: 日本語のタイトル"
    evidence: unverified
    sources: [undated-note]
  - id: same-day-a
    date: "2024-02-29"
    end: "2024-03-01"
    kind: summit
    title: Leap day summit
    evidence: well-documented
    sources: [odd-source, undated-note]
  - id: same-day-b
    date: "2024-02-29"
    kind: statement
    title: "Second event: same day"
    evidence: well-documented
    sources: [undated-note]
"""


@pytest.fixture
def awkward(facts_file: Path) -> Path:
    return write_facts(facts_file, AWKWARD)


@pytest.fixture
def bundled(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASIAPAC_DATA", str(BUNDLED))


def timeline_rows(*args: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = json.loads(run("timeline", "-f", "json", *args).stdout)
    return rows


# --- iCalendar ---------------------------------------------------------------------------------


def calendar_events(stdout_bytes: bytes) -> dict[str, Any]:
    calendar = Calendar.from_ical(stdout_bytes)
    events = calendar.walk("VEVENT")
    return {str(e["UID"]): e for e in events}


def assert_wire_format(raw: bytes) -> None:
    """CRLF only, every line at most 75 octets, continuations valid UTF-8 on their own."""
    assert raw.endswith(b"\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"")
    assert b"\r" not in raw.replace(b"\r\n", b"")
    for line in raw.split(b"\r\n"):
        assert len(line) <= 75, line
        line.decode("utf-8")  # a fold never splits a character


def test_ics_has_one_all_day_event_per_timeline_row() -> None:
    result = run("timeline", "-f", "ics")
    assert result.exit_code == 0
    assert_wire_format(result.stdout_bytes)
    calendar = Calendar.from_ical(result.stdout_bytes)
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]) == f"-//asiapac//asiapac {__version__}//EN"
    assert str(calendar["CALSCALE"]) == "GREGORIAN"
    events = calendar_events(result.stdout_bytes)
    assert list(events) == [f"{row['id']}@asiapac" for row in timeline_rows()]

    madrid = events["madrid-summit-2022@asiapac"]
    assert madrid["DTSTART"].dt == datetime.date(2022, 6, 29)
    assert madrid["DTEND"].dt == datetime.date(2022, 7, 1)  # the day after the last day
    assert madrid["DTSTART"].params["VALUE"] == "DATE"
    assert str(madrid["LOCATION"]) == "Madrid"
    assert str(madrid["SUMMARY"]) == "Madrid Summit"
    assert str(madrid["URL"]) == "https://www.nato.int/cps/en/natohq/news_197287.htm"
    assert madrid["DTSTAMP"].dt == datetime.datetime(2026, 11, 27, tzinfo=datetime.timezone.utc)

    vilnius = events["vilnius-macron@asiapac"]
    assert vilnius["DTEND"].dt == datetime.date(2023, 7, 13)
    assert str(vilnius["URL"]) == "https://taiwannews.com.tw/news/4943221"
    description = str(vilnius["DESCRIPTION"])
    assert "Evidence: well-documented" in description
    assert (
        "Macron says NATO office in Japan would be a mistake, AFP, 2023-07-12, "
        "https://taiwannews.com.tw/news/4943221"
    ) in description


def test_ics_output_is_stable() -> None:
    assert run("timeline", "-f", "ics").stdout_bytes == run("timeline", "-f", "ics").stdout_bytes


def test_ics_partial_dates_span_their_month_and_year(awkward: Path) -> None:
    events = calendar_events(run("timeline", "-f", "ics").stdout_bytes)
    month = events["month-event@asiapac"]
    assert (month["DTSTART"].dt, month["DTEND"].dt) == (datetime.date(2023, 7, 1), datetime.date(2023, 8, 1))
    assert "Date precision: month" in str(month["DESCRIPTION"])
    year = events["year-event@asiapac"]
    assert (year["DTSTART"].dt, year["DTEND"].dt) == (datetime.date(2024, 1, 1), datetime.date(2025, 1, 1))
    assert "Date precision: year" in str(year["DESCRIPTION"])
    leap = events["same-day-a@asiapac"]
    assert (leap["DTSTART"].dt, leap["DTEND"].dt) == (datetime.date(2024, 2, 29), datetime.date(2024, 3, 2))
    assert "Date precision" not in str(leap["DESCRIPTION"])
    assert month["DTSTAMP"].dt == datetime.datetime(2025, 3, 4, tzinfo=datetime.timezone.utc)


def test_ics_text_round_trips_through_the_parser(awkward: Path) -> None:
    result = run("timeline", "-f", "ics")
    assert_wire_format(result.stdout_bytes)
    events = calendar_events(result.stdout_bytes)
    month = events["month-event@asiapac"]
    assert str(month["SUMMARY"]) == "Talks: round #2; at 10:30, %% done"
    assert str(month["LOCATION"]) == "Brussels, NATO HQ; room 1"
    description = str(month["DESCRIPTION"])
    # The tab becomes a space and the bell is dropped; the newline survives as a line break.
    assert description.startswith(
        "First line, with a comma; a semicolon\nsecond line \\ backslash tabbell 東京\n"
    )
    assert "Correction: Not July; earlier" in description
    assert "\x07" not in result.stdout
    assert (
        "Costs & benefits: 50% of NATO_Partners {draft} #1; see ~ ^ $ \\, AT&T Research_Lab, 2023-07"
        in description
    )
    assert str(month["URL"]) == "https://example.org/a_b%20c?x=1&y=2#part"
    long_title = events["year-event@asiapac"]
    assert str(long_title["SUMMARY"]).endswith("lines of the calendar: 日本語のタイトル")
    assert "URL" not in long_title  # its only source has no url


def test_ics_on_the_bundled_data(bundled: None) -> None:
    result = run("timeline", "-f", "ics")
    assert result.exit_code == 0
    assert_wire_format(result.stdout_bytes)
    events = calendar_events(result.stdout_bytes)
    rows = timeline_rows()
    assert len(events) == len(rows) == len(Calendar.from_ical(result.stdout_bytes).walk("VEVENT"))
    for row in rows:
        event = events[f"{row['id']}@asiapac"]
        assert str(event["SUMMARY"]) == row["title"]
        assert event["DTSTART"].dt.isoformat().startswith(row["date"])
        assert event["DTEND"].dt > event["DTSTART"].dt


def test_ics_with_no_matching_event_exits_1() -> None:
    result = run("timeline", "-f", "ics", "--since", "2030")
    assert result.exit_code == 1
    assert result.stdout == ""


# --- Mermaid -----------------------------------------------------------------------------------

# The lexer rules of Mermaid's timeline grammar (timeline.jison), in order: the first that
# matches wins, as in Jison. Comments and anything unexpected are kept so a test can see them.
MERMAID_RULES = [
    ("comment", re.compile(r"%%(?!\{)[^\n]*")),
    ("comment", re.compile(r"[^}]%%[^\n]*")),
    ("newline", re.compile(r"\n+")),
    ("space", re.compile(r"\s+")),
    ("comment", re.compile(r"#[^\n]*")),
    ("timeline", re.compile(r"timeline", re.IGNORECASE)),
    ("title", re.compile(r"title\s[^\n]+", re.IGNORECASE)),
    ("section", re.compile(r"section\s[^:\n]+", re.IGNORECASE)),
    ("event", re.compile(r":\s(?:[^:\n]|:(?!\s))+")),
    ("period", re.compile(r"[^#:\n]+")),
    ("invalid", re.compile(r".")),
]


def mermaid_lines(text: str) -> list[list[tuple[str, str]]]:
    """The tokens of each line of a Mermaid timeline (whitespace dropped)."""
    lines: list[list[tuple[str, str]]] = [[]]
    at = 0
    while at < len(text):
        name, match = next((n, m) for n, p in MERMAID_RULES if (m := p.match(text, at)))
        if name == "newline":
            lines.append([])
        elif name != "space":
            lines[-1].append((name, match.group()))
        at = match.end()
    return [line for line in lines if line]


def parse_mermaid(text: str) -> list[tuple[str, list[tuple[str, list[str]]]]]:
    """(section, [(period, [event texts])]) as Mermaid reads them; fails on anything else."""
    lines = mermaid_lines(text)
    assert lines[0] == [("timeline", "timeline")]
    assert [name for name, _ in lines[1]] == ["title"]
    sections: list[tuple[str, list[tuple[str, list[str]]]]] = []
    for tokens in lines[2:]:
        names = [name for name, _ in tokens]
        if names == ["section"]:
            sections.append((tokens[0][1][len("section ") :].strip(), []))
        else:
            assert names[0] == "period" and set(names[1:]) == {"event"}, tokens
            sections[-1][1].append((tokens[0][1].strip(), [value[2:].strip() for _, value in tokens[1:]]))
    return sections


def test_mermaid_timeline_structure() -> None:
    result = run("timeline", "-f", "mermaid")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "timeline"
    assert lines[1] == "    title NATO and its Indo-Pacific partners"
    assert parse_mermaid(result.stdout) == [
        ("2022", [("2022-06-29", ["Madrid Summit"])]),
        (
            "2023",
            [
                (
                    "2023-07-12",
                    [
                        "Macron says the Indo-Pacific is not the North Atlantic",
                        "NATO and Japan agree their ITPP",
                    ],
                )
            ],
        ),
    ]


def test_mermaid_neutralises_separators_and_comments(awkward: Path) -> None:
    text = run("timeline", "-f", "mermaid").stdout
    sections = parse_mermaid(text)
    assert [s for s, _ in sections] == ["2023", "2024"]
    events = {period: titles for _, periods in sections for period, titles in periods}
    assert events["2023-07"] == ["Talks - round no.2, at 10.30, % done"]
    assert events["2024-02-29"] == ["Leap day summit", "Second event - same day"]
    assert events["2024"][0].endswith("lines of the calendar - 日本語のタイトル")
    for line in text.splitlines()[2:]:
        assert "#" not in line and ";" not in line and "%%" not in line


def test_mermaid_on_the_bundled_data(bundled: None) -> None:
    text = run("timeline", "-f", "mermaid").stdout
    sections = parse_mermaid(text)
    years = [section for section, _ in sections]
    assert years == sorted(set(years))
    rows = timeline_rows()
    assert years == sorted({row["date"][:4] for row in rows})
    parsed = [(period, len(titles)) for _, periods in sections for period, titles in periods]
    assert sum(count for _, count in parsed) == len(rows)
    for section, periods in sections:
        assert all(period.startswith(section) for period, _ in periods)


# --- BibTeX ------------------------------------------------------------------------------------

ENTRY = re.compile(r"^@(online|misc)\{([^,]+),$", re.MULTILINE)


def assert_balanced(text: str) -> None:
    depth = 0
    for character in text:
        depth += {"{": 1, "}": -1}.get(character, 0)
        assert depth >= 0
    assert depth == 0


def test_bibtex_has_one_entry_per_source(bundled: None) -> None:
    fb = load.load(BUNDLED, use_cache=False)
    result = run("sources", "-f", "bibtex")
    assert result.exit_code == 0
    sources = json.loads(run("sources", "-f", "json").stdout)
    keys = [key for _, key in ENTRY.findall(result.stdout)]
    assert keys == [s["id"] for s in sources]
    assert len(set(keys)) == len(keys)
    entries = result.stdout.split("\n\n")
    assert len(entries) == len(sources)
    for entry, source in zip(entries, sources, strict=True):
        assert_balanced(entry)
        assert entry.startswith("@online{" if source["url"] else "@misc{")
        assert entry.rstrip().endswith("\n}")
        # urldate only from the source's own access date, never from the file's stamp
        accessed = fb.table("sources")[source["id"]].get("accessed")
        if source["url"] and accessed:
            assert f"  urldate = {{{accessed}}},\n" in entry
        else:
            assert "urldate" not in entry
        descriptive = fb.table("sources")[source["id"]].get("title_descriptive")
        assert (model.DESCRIPTIVE_TITLE_NOTE in entry) == bool(descriptive)


def test_bibtex_fields_and_escapes(awkward: Path) -> None:
    text = run("sources", "-f", "bibtex").stdout
    odd, undated = text.split("\n\n")
    assert_balanced(odd)
    assert odd.startswith("@online{odd-source,\n")
    assert (
        "  title = {{Costs \\& benefits: 50\\% of NATO\\_Partners \\textbraceleft{}draft\\textbraceright{} "
        "\\#1; see \\textasciitilde{} \\textasciicircum{} \\$ \\textbackslash{}}},\n"
    ) in odd
    assert "  author = {{AT\\&T Research\\_Lab}},\n" in odd
    assert "  year = {2023},\n  month = jul,\n  date = {2023-07},\n" in odd
    assert "  note = {via Mirror\\_Site; language: ja},\n" in odd
    assert "  url = {https://example.org/a_b%20c?x=1&y=2#part},\n" in odd  # verbatim for biblatex
    assert undated == "@misc{undated-note,\n  title = {{An undated note}},\n  author = {Jane Doe},\n}\n"


# --- cite --------------------------------------------------------------------------------------


def test_cite_a_stance_as_text_and_bibtex() -> None:
    text = run("cite", "france-opposes-tokyo-office")
    assert text.exit_code == 0
    assert text.stdout == (
        "Macron says NATO office in Japan would be a mistake. AFP, 2023-07-12. https://taiwannews.com.tw/news/4943221\n"
    )
    bib = run("cite", "france-opposes-tokyo-office", "--style", "bibtex")
    assert bib.exit_code == 0
    assert ENTRY.findall(bib.stdout) == [("online", "afp-macron-vilnius-2023")]
    assert "  note = {via Taiwan News},\n" in bib.stdout


def test_cite_quotes_and_itpp_areas() -> None:
    quoted = run("cite", "vilnius-macron").stdout
    assert quoted.endswith(
        'https://taiwannews.com.tw/news/4943221 "The Indo-Pacific is not the North Atlantic"\n'
    )
    lines = run("cite", "itpp-japan").stdout.splitlines()
    assert lines[0].startswith("Individually Tailored Partnership Programme between NATO and Japan")
    assert lines[1].startswith("Area 1 (cyber defence): Individually Tailored")
    assert lines[2].startswith("Area 2 (maritime security): ")
    bib = run("cite", "itpp-japan", "--style", "bibtex").stdout
    assert [key for _, key in ENTRY.findall(bib)] == ["nato-itpp-japan-2023"]


def test_cite_a_source() -> None:
    assert run("cite", "nato-madrid-partners-2022").stdout == (
        "NATO leaders meet with key partners. NATO, 2022-06-29. https://www.nato.int/cps/en/natohq/news_197287.htm\n"
    )
    bib = run("cite", "nato-madrid-partners-2022", "--style", "bibtex").stdout
    assert bib.startswith(
        "@online{nato-madrid-partners-2022,\n  title = {{NATO leaders meet with key partners}},\n"
    )
    assert "  author = {{NATO}},\n" in bib


def test_cite_unknown_id_suggests() -> None:
    result = run("cite", "france-opposes-tokyo-ofice")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "nothing called 'france-opposes-tokyo-ofice'" in result.stderr
    assert "did you mean 'france-opposes-tokyo-office'" in result.stderr


def test_cite_on_the_bundled_data(bundled: None) -> None:
    result = run("cite", "france-opposes-tokyo-office", "--style", "bibtex")
    assert result.exit_code == 0
    assert_balanced(result.stdout)
    assert len(ENTRY.findall(result.stdout)) >= 2


# --- SQLite ------------------------------------------------------------------------------------


def export_sqlite(path: Path) -> sqlite3.Connection:
    result = run("export", "--format", "sqlite", "--output", str(path))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr == f"asiapac: wrote {path}\n"
    return sqlite3.connect(path)


def count(db: sqlite3.Connection, table: str) -> int:
    value: int = db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    return value


@pytest.mark.parametrize("data", ["small", "bundled"])
def test_sqlite_counts_and_keys(data: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if data == "bundled":
        monkeypatch.setenv("ASIAPAC_DATA", str(BUNDLED))
    fb = load.load(load.data_path(), use_cache=False)
    db = export_sqlite(tmp_path / "asiapac.db")
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    for kind in ("sources", "actors", "topics", "itpps", "stances", "groupings", "claims"):
        assert count(db, kind) == len(fb.table(kind)), kind
    assert count(db, "events") == len(fb.events)
    events = list(fb.events)
    all_records = events + [
        r for k in ("itpps", "stances", "groupings", "claims") for r in fb.table(k).values()
    ]
    assert count(db, "citations") == sum(
        len(r["sources"])
        + sum(len(a["sources"]) for a in r.get("areas") or [])
        + len((r.get("predecessor") or {}).get("sources") or [])
        + sum(len(s["sources"]) for s in r.get("states") or [])
        for r in all_records
    ) + sum(len(o["sources"]) for a in fb.table("actors").values() for o in a.get("offices") or [])
    assert count(db, "offices") == sum(len(a.get("offices") or []) for a in fb.table("actors").values())
    assert count(db, "attendance") == sum(len(e.get("attendance") or []) for e in events)
    assert count(db, "itpp_areas") == sum(len(i.get("areas") or []) for i in fb.table("itpps").values())
    assert dict(db.execute("SELECT key, value FROM meta")) == {
        "schema_version": "1",
        "checked_on": fb.checked_on,
        "events_through": fb.events_through or "",
        "asiapac_version": __version__,
    }
    # Foreign keys are declared, so Datasette can link the tables.
    assert {row[2] for row in db.execute("PRAGMA foreign_key_list(stances)")} == {"topics", "actors"}


def test_sqlite_answers_questions_on_the_bundled_data(bundled: None, tmp_path: Path) -> None:
    fb = load.load(BUNDLED, use_cache=False)
    db = export_sqlite(tmp_path / "asiapac.db")
    areas = db.execute(
        "SELECT area.number, area.name FROM itpp_areas AS area"
        " JOIN itpps ON itpps.id = area.itpp_id JOIN actors ON actors.id = itpps.partner"
        " WHERE actors.name = 'Japan' ORDER BY area.number"
    ).fetchall()
    assert areas == [(row["area_number"], row["area"]) for row in itpp_areas(fb, "japan", cite=False).rows]

    opposed = db.execute(
        "SELECT actors.name, sources.title FROM stances"
        " JOIN actors ON actors.id = stances.actor"
        " JOIN citations ON citations.record_id = stances.id AND citations.record_kind = 'stances'"
        " JOIN sources ON sources.id = citations.source_id"
        " WHERE stances.topic = 'tokyo-office' AND stances.position = 'opposed'"
    ).fetchall()
    expected = {
        (row["actor_name"], fb.table("sources")[source]["title"])
        for row in stances(fb, "tokyo-office", positions=("opposed",), cite=False).rows
        for source in row["sources"]
    }
    assert set(opposed) == expected
    assert {"France", "People's Republic of China"} <= {name for name, _ in opposed}
    parts = {
        part for (part,) in db.execute("SELECT DISTINCT part FROM citations WHERE record_kind = 'itpps'")
    }
    assert {None, "area 1", "predecessor"} <= parts


def test_sqlite_replaces_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "asiapac.db"
    path.write_text("not a database")
    db = export_sqlite(path)
    assert count(db, "events") == 3
    db.close()
    export_sqlite(path).close()  # and again over a database
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_sqlite_needs_an_output() -> None:
    result = run("export", "--format", "sqlite")
    assert result.exit_code == 2
    assert "--format sqlite needs --output FILE.db" in result.stderr


def test_unwritable_export_exits_73(tmp_path: Path) -> None:
    result = run("export", "--format", "sqlite", "--output", str(tmp_path / "missing" / "x.db"))
    assert result.exit_code == 73
    assert f"asiapac: cannot write {tmp_path / 'missing' / 'x.db'}: " in result.stderr
    directory = run("export", "--format", "sqlite", "--output", str(tmp_path))
    assert directory.exit_code == 73
    as_json = run("export", "--format", "json", "--output", str(tmp_path / "missing" / "x.json"))
    assert as_json.exit_code == 73 and "cannot write" in as_json.stderr
    assert list(tmp_path.parent.glob(f".{tmp_path.name}.*.tmp")) == []


# --- JSON --------------------------------------------------------------------------------------


@pytest.mark.parametrize("data", ["small", "awkward", "bundled"])
def test_json_export_round_trips(data: str, facts_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if data == "bundled":
        monkeypatch.setenv("ASIAPAC_DATA", str(BUNDLED))
    elif data == "awkward":
        write_facts(facts_file, AWKWARD)
    result = run("export", "--format", "json")
    assert result.exit_code == 0
    assert result.stdout.endswith("}\n")
    document = json.loads(result.stdout)
    assert list(document)[:2] == ["schema_version", "checked_on"]
    assert as_text(document) == as_written(load.data_path())
    starts = [model.date_bounds(e["date"])[0] for e in document["events"]]
    assert starts == sorted(starts)


def test_json_export_to_a_file(tmp_path: Path, facts_file: Path) -> None:
    out = tmp_path / "asiapac.json"
    result = run("export", "--format", "json", "--output", str(out))
    assert result.exit_code == 0
    assert as_text(json.loads(out.read_text(encoding="utf-8"))) == as_written(facts_file)
    assert out.read_text(encoding="utf-8") == run("export", "--format", "json").stdout


def test_sqlite_carries_allies_access_dates_and_descriptive_titles(bundled: None, tmp_path: Path) -> None:
    fb = load.load(BUNDLED, use_cache=False)
    db = export_sqlite(tmp_path / "asiapac.db")
    allies = dict(db.execute("SELECT actor, ally FROM stances"))
    assert allies["france"] == 1 and allies["china"] == 0 and allies["nato"] is None
    sources = {row[0]: row[1:] for row in db.execute("SELECT id, accessed, title_descriptive FROM sources")}
    for source_id, source in fb.table("sources").items():
        descriptive = source.get("title_descriptive")
        assert sources[source_id] == (
            source.get("accessed"),
            None if descriptive is None else int(descriptive),
        )
