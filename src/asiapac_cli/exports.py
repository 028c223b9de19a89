"""Fact-aware export formats: calendar, Mermaid, BibTeX, SQLite, the whole base as JSON.

Unlike render.py, these know the shapes of the records they write.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from asiapac_cli import __version__, model, query
from asiapac_cli.errors import NoMatch, OutputUnwritable
from asiapac_cli.factbase import FactBase
from asiapac_cli.model import Listing, Record

# C0 and C1 controls and DEL, but not the newline (tabs become spaces first): no export may
# carry them (RFC 5545 forbids them in TEXT; in BibTeX they reach LaTeX and terminals).
CONTROLS = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")
# Unicode's own line breaks (NEL, LINE and PARAGRAPH SEPARATOR) are line breaks.
LINE_BREAKS = re.compile(r"\r\n|[\r\x85\u2028\u2029]")


def plain(text: Any) -> str:
    """`text` with line breaks as \\n, tabs as spaces and every other control character dropped."""
    unified = LINE_BREAKS.sub("\n", str(text)).replace("\t", " ")
    return CONTROLS.sub("", unified)


def one_line(text: Any) -> str:
    return " ".join(plain(text).split())


def source_line(source: Record) -> str:
    """'Title, Publisher, date, URL': how the calendar names a source."""
    who = source.get("publisher") or source.get("author")
    return ", ".join(
        one_line(f) for f in (source.get("title"), who, source.get("date"), source.get("url")) if f
    )


# --- iCalendar (RFC 5545) --------------------------------------------------------------------

ICS_LINE_OCTETS = 75


def ics(fb: FactBase, listing: Listing) -> str:
    """The listing's events as an RFC 5545 calendar of all-day events."""
    if not listing.rows:
        raise NoMatch(listing.empty_message)
    stamp = fb.checked_on.replace("-", "") + "T000000Z"  # from the data, so output is reproducible
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//asiapac//asiapac {__version__}//EN",
        "CALSCALE:GREGORIAN",
    ]
    for row in listing.rows:
        lines += ics_event(fb, row, stamp)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) for line in lines)


def ics_event(fb: FactBase, row: dict[str, Any], stamp: str) -> list[str]:
    first = model.date_bounds(row["date"])[0]
    last = model.date_bounds(row.get("end") or row["date"])[1]
    sources = [fb.table("sources")[s] for s in row.get("sources") or [] if s in fb.table("sources")]
    description = [plain(row["summary"])] if row.get("summary") else []
    precisions = {len(d.split("-")) for d in (row["date"], row.get("end")) if d}
    if min(precisions) < 3:
        description.append(f"Date precision: {'year' if min(precisions) == 1 else 'month'}")
    description.append(f"Evidence: {row['evidence']}")
    if row.get("correction"):
        description.append(f"Correction: {plain(row['correction'])}")
    description += [f"Source: {source_line(s)}" for s in sources]
    lines = [
        "BEGIN:VEVENT",
        f"UID:{row['id']}@asiapac",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{first.replace('-', '')}",
        f"DTEND;VALUE=DATE:{day_after(last).replace('-', '')}",  # DTEND is exclusive
        f"SUMMARY:{ics_text(row['title'])}",
    ]
    if row.get("place"):
        lines.append(f"LOCATION:{ics_text(row['place'])}")
    lines.append(f"CATEGORIES:{ics_text(row['kind'])}")
    lines.append(f"DESCRIPTION:{ics_text(chr(10).join(description))}")
    url = next((s["url"] for s in sources if s.get("url")), None)
    if url:
        lines.append(f"URL:{one_line(url)}")
    lines.append("END:VEVENT")
    return lines


def day_after(iso_day: str) -> str:
    import datetime

    return (datetime.date.fromisoformat(iso_day) + datetime.timedelta(days=1)).isoformat()


def ics_text(text: Any) -> str:
    """A TEXT value: backslash, semicolon, comma and newline escaped (RFC 5545 3.3.11)."""
    escaped = plain(text).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return escaped.replace("\n", "\\n")


def fold(line: str) -> str:
    """One content line, folded at 75 octets without splitting a UTF-8 character, ending CRLF."""
    pieces, current, size, limit = [], "", 0, ICS_LINE_OCTETS
    for character in line:
        width = len(character.encode("utf-8"))
        if size + width > limit:
            pieces.append(current)
            current, size, limit = "", 0, ICS_LINE_OCTETS - 1  # a continuation starts with a space
        current += character
        size += width
    pieces.append(current)
    return "\r\n ".join(pieces) + "\r\n"


# --- Mermaid ---------------------------------------------------------------------------------

MERMAID_TITLE = "NATO and its Indo-Pacific partners"


def mermaid(listing: Listing) -> str:
    """The listing's events as a Mermaid `timeline`: a section per year, a period per date."""
    if not listing.rows:
        raise NoMatch(listing.empty_message)
    by_date: dict[str, list[str]] = {}
    for row in listing.rows:  # already in date order
        by_date.setdefault(row["date"], []).append(mermaid_text(row["title"]))
    lines = ["timeline", f"    title {MERMAID_TITLE}"]
    year = None
    for date, titles in by_date.items():
        if date[:4] != year:
            year = date[:4]
            lines.append(f"    section {year}")
        lines.append(f"        {date} : {' : '.join(titles)}")
    return "\n".join(lines) + "\n"


def mermaid_text(text: str) -> str:
    """An event's text made safe for Mermaid's timeline grammar, which would misread some of it.

    ': ' separates events, so a colon becomes ' -' (before a space) or '.' (elsewhere, as in
    '10:30'); '#' and '%%' start comments, so '#' becomes 'no.' and '%%' a single '%'; ';' ends
    a statement in other diagrams, so it becomes ','. Line breaks and controls become spaces.
    """
    text = re.sub(r"\s*:(?=\s)", " -", one_line(text)).replace(":", ".")
    text = text.replace("#", "no.").replace(";", ",")
    text = re.sub(r"%{2,}", "%", text)
    return text or "(untitled)"


# --- BibTeX ----------------------------------------------------------------------------------

MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# Braces become commands rather than \{ and \}: BibTeX counts every brace, escaped or not.
LATEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "%": r"\%",
    "&": r"\&",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
LATEX_SPECIAL = re.compile("[" + re.escape("".join(LATEX_SPECIALS)) + "]")


def bibtex(fb: FactBase, source_rows: list[dict[str, Any]]) -> str:
    """One BibTeX entry per source (`@online` when it has a URL), separated by blank lines."""
    if not source_rows:
        raise NoMatch("no sources matched")
    return "\n".join(bibtex_entry(fb, row) for row in source_rows)


def bibtex_entry(fb: FactBase, source: dict[str, Any]) -> str:
    """One entry; each field is written `name = value`, the value braced unless it is a macro."""
    source = {**fb.table("sources").get(source["id"], {}), **source}  # a listing row holds fewer fields
    fields = [("title", "{{" + latex(source["title"]) + "}}")]  # inner braces keep capitals
    if source.get("author"):
        fields.append(("author", braced(latex(source["author"]))))
    elif source.get("publisher"):
        fields.append(("author", "{{" + latex(source["publisher"]) + "}}"))  # a corporate author
    if source.get("publisher"):
        fields.append(("organization", braced(latex(source["publisher"]))))
    date = source.get("date")
    if date:
        fields.append(("year", braced(date[:4])))
        if len(date) >= 7:
            fields.append(("month", MONTHS[int(date[5:7]) - 1]))  # BibTeX's month macro
        fields.append(("date", braced(date)))  # biblatex; BibTeX ignores it
    notes = [model.DESCRIPTIVE_TITLE_NOTE] if source.get("title_descriptive") else []
    notes += [f"via {source['via']}"] if source.get("via") else []
    notes += [f"language: {source['language']}"] if source.get("language") else []
    if notes:
        fields.append(("note", braced(latex("; ".join(notes)))))
    url = source.get("url")
    if url:
        fields.append(("url", braced(bibtex_url(url))))
        if source.get("accessed"):  # a real access date only, never the file's stamp
            fields.append(("urldate", braced(source["accessed"])))
    body = "".join(f"  {name} = {value},\n" for name, value in fields)
    return f"@{'online' if url else 'misc'}{{{source['id']},\n{body}}}\n"


def braced(value: str) -> str:
    return "{" + value + "}"


def latex(text: Any) -> str:
    """A field value with LaTeX's special characters escaped and line breaks as spaces."""
    return LATEX_SPECIAL.sub(lambda m: LATEX_SPECIALS[m.group()], one_line(text))


def bibtex_url(url: str) -> str:
    """A URL as biblatex reads it (verbatim): only what would break the entry is percent-encoded."""
    return re.sub(r"[{}\\\s]", lambda m: f"%{ord(m.group()):02X}", one_line(url))


# --- SQLite ----------------------------------------------------------------------------------

SQLITE_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE sources (
    id TEXT PRIMARY KEY, title TEXT NOT NULL, publisher TEXT, author TEXT, date TEXT, url TEXT,
    via TEXT, kind TEXT NOT NULL, language TEXT, note TEXT, accessed TEXT, title_descriptive INTEGER);
CREATE TABLE actors (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL,
    country TEXT REFERENCES actors(id), role TEXT);
CREATE TABLE actor_aliases (actor_id TEXT NOT NULL REFERENCES actors(id), alias TEXT NOT NULL);
CREATE TABLE topics (id TEXT PRIMARY KEY, title TEXT NOT NULL, description TEXT);
CREATE TABLE topic_aliases (topic_id TEXT NOT NULL REFERENCES topics(id), alias TEXT NOT NULL);
CREATE TABLE events (
    id TEXT PRIMARY KEY, date TEXT NOT NULL, end_date TEXT, kind TEXT NOT NULL, title TEXT NOT NULL,
    summary TEXT, place TEXT, evidence TEXT NOT NULL, correction TEXT, note TEXT);
CREATE TABLE event_actors (
    event_id TEXT NOT NULL REFERENCES events(id), actor_id TEXT NOT NULL REFERENCES actors(id),
    PRIMARY KEY (event_id, actor_id));
CREATE TABLE event_topics (
    event_id TEXT NOT NULL REFERENCES events(id), topic_id TEXT NOT NULL REFERENCES topics(id),
    PRIMARY KEY (event_id, topic_id));
CREATE TABLE attendance (
    event_id TEXT NOT NULL REFERENCES events(id), actor_id TEXT NOT NULL REFERENCES actors(id),
    level TEXT NOT NULL, person TEXT, note TEXT);
CREATE TABLE itpps (
    id TEXT PRIMARY KEY, partner TEXT NOT NULL REFERENCES actors(id), title TEXT NOT NULL,
    agreed TEXT, period_start TEXT, period_end TEXT, areas_total INTEGER, evidence TEXT NOT NULL,
    correction TEXT, note TEXT, predecessor_title TEXT, predecessor_signed TEXT, predecessor_note TEXT);
CREATE TABLE itpp_areas (
    itpp_id TEXT NOT NULL REFERENCES itpps(id), number INTEGER NOT NULL, name TEXT NOT NULL,
    PRIMARY KEY (itpp_id, number));
CREATE TABLE stances (
    id TEXT PRIMARY KEY, topic TEXT NOT NULL REFERENCES topics(id),
    actor TEXT NOT NULL REFERENCES actors(id), position TEXT NOT NULL, date TEXT, said TEXT,
    occasion TEXT, summary TEXT, evidence TEXT NOT NULL, correction TEXT, note TEXT, ally INTEGER);
CREATE TABLE groupings (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, founded TEXT, nature TEXT NOT NULL,
    evidence TEXT NOT NULL, correction TEXT, note TEXT);
CREATE TABLE grouping_aliases (grouping_id TEXT NOT NULL REFERENCES groupings(id), alias TEXT NOT NULL);
CREATE TABLE grouping_members (
    grouping_id TEXT NOT NULL REFERENCES groupings(id), actor_id TEXT NOT NULL REFERENCES actors(id),
    PRIMARY KEY (grouping_id, actor_id));
CREATE TABLE grouping_events (
    grouping_id TEXT NOT NULL REFERENCES groupings(id), event_id TEXT NOT NULL REFERENCES events(id),
    PRIMARY KEY (grouping_id, event_id));
CREATE TABLE claims (
    id TEXT PRIMARY KEY, by_actor TEXT NOT NULL REFERENCES actors(id), text TEXT NOT NULL,
    verdict TEXT NOT NULL, evidence TEXT NOT NULL, correction TEXT, note TEXT);
CREATE TABLE claim_records (claim_id TEXT NOT NULL REFERENCES claims(id), record_id TEXT NOT NULL);
CREATE TABLE citations (
    record_kind TEXT NOT NULL, record_id TEXT NOT NULL, source_id TEXT NOT NULL REFERENCES sources(id),
    quote TEXT, locator TEXT, translation TEXT, part TEXT);
CREATE INDEX citations_record ON citations (record_id);
CREATE INDEX citations_source ON citations (source_id);
CREATE INDEX event_actors_actor ON event_actors (actor_id);
CREATE INDEX stances_topic ON stances (topic);
"""
SQLITE_COLUMNS = {
    "sources": (
        *("id", "title", "publisher", "author", "date", "url", "via", "kind", "language", "note"),
        *("accessed", "title_descriptive"),
    ),
    "actors": ("id", "name", "kind", "country", "role"),
    "topics": ("id", "title", "description"),
    "events": ("id", "date", "end", "kind", "title", "summary", "place", "evidence", "correction", "note"),
    "itpps": (
        *("id", "partner", "title", "agreed", "period_start", "period_end", "areas_total"),
        *("evidence", "correction", "note"),
    ),
    "stances": (
        *("id", "topic", "actor", "position", "date", "said", "occasion", "summary"),
        *("evidence", "correction", "note", "ally"),
    ),
    "groupings": ("id", "name", "founded", "nature", "evidence", "correction", "note"),
    "claims": ("id", "by", "text", "verdict", "evidence", "correction", "note"),
}
SQLITE_TABLES = re.findall(r"CREATE TABLE (\w+)", SQLITE_SCHEMA)


def sqlite(fb: FactBase, path: Path) -> None:
    """Write the fact base as a normalised SQLite database, replacing `path` atomically."""
    from asiapac_cli.outfile import write_atomically

    write_atomically(path, lambda temporary: fill_sqlite(fb, temporary, path))


def fill_sqlite(fb: FactBase, temporary: str, path: Path) -> None:
    """The database, written into the (empty) file `temporary`."""
    import os
    import sqlite3

    from asiapac_cli.safe_text import display_path

    try:
        # bytes: sqlite3 cannot encode a str path that is not UTF-8
        connection = sqlite3.connect(os.fsencode(temporary), isolation_level=None)  # transactions by hand
        try:
            connection.execute("PRAGMA foreign_keys = ON")  # a dangling reference fails the load
            connection.executescript(SQLITE_SCHEMA)
            connection.execute("BEGIN")
            # Checked at COMMIT, so a person may name a country listed after them.
            connection.execute("PRAGMA defer_foreign_keys = ON")
            for table, rows in sqlite_rows(fb).items():
                if rows:
                    marks = ", ".join("?" * len(rows[0]))
                    connection.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
            connection.execute("COMMIT")
        finally:
            connection.close()
    except sqlite3.OperationalError as error:  # a full disk
        raise OutputUnwritable(f"cannot write {display_path(path)}: {error}") from None


def sqlite_rows(fb: FactBase) -> dict[str, list[tuple[Any, ...]]]:
    """Rows for every table, by table name, parents before children."""
    rows: dict[str, list[tuple[Any, ...]]] = {table: [] for table in SQLITE_TABLES}
    rows["meta"] = [
        ("schema_version", str(fb.schema_version)),
        ("checked_on", fb.checked_on),
        ("events_through", fb.events_through or ""),
        ("asiapac_version", __version__),
    ]

    def add(table: str, record: Record, *extra: Any) -> None:
        rows[table].append(tuple(record.get(c) for c in SQLITE_COLUMNS[table]) + extra)
        for part, citation in query.citation_parts(record):
            details = tuple(citation.get(f) for f in ("quote", "locator", "translation"))
            rows["citations"].append((table, record["id"], citation["source"], *details, part))

    for kind in ("sources", "actors", "topics"):
        for record in fb.table(kind).values():
            add(kind, record)
            if kind != "sources":
                rows[f"{model.SINGULAR[kind]}_aliases"] += [
                    (record["id"], a) for a in record.get("aliases") or []
                ]
    for event in fb.events:
        add("events", event)
        rows["event_actors"] += [(event["id"], a) for a in event.get("actors") or []]
        rows["event_topics"] += [(event["id"], t) for t in event.get("topics") or []]
        rows["attendance"] += [
            (event["id"], a["actor"], a["level"], a.get("person"), a.get("note"))
            for a in event.get("attendance") or []
        ]
    for itpp in fb.table("itpps").values():
        predecessor = itpp.get("predecessor") or {}
        add("itpps", itpp, *(predecessor.get(f) for f in ("title", "signed", "note")))
        areas = itpp.get("areas") or []
        rows["itpp_areas"] += [(itpp["id"], n, area["name"]) for n, area in enumerate(areas, start=1)]
    for stance in fb.table("stances").values():
        add("stances", stance)
    for grouping in fb.table("groupings").values():
        add("groupings", grouping)
        rows["grouping_aliases"] += [(grouping["id"], a) for a in grouping.get("aliases") or []]
        rows["grouping_members"] += [(grouping["id"], m) for m in grouping["members"]]
        rows["grouping_events"] += [(grouping["id"], e) for e in grouping.get("events") or []]
    for claim in fb.table("claims").values():
        add("claims", claim)
        rows["claim_records"] += [(claim["id"], r) for r in claim.get("records") or []]
    return rows


# --- JSON ------------------------------------------------------------------------------------


def full_json(fb: FactBase) -> str:
    """The whole fact base as one JSON document, every kind a list (events in date order)."""
    from asiapac_cli import render

    document: dict[str, Any] = {"schema_version": fb.schema_version, "checked_on": fb.checked_on}
    # The head as the file gives it: events_through and gaps only when the file states them.
    if fb.stated_events_through:
        document["events_through"] = fb.stated_events_through
    if fb.gaps:
        document["gaps"] = fb.gaps
    for kind in model.RECORD_KINDS:
        document[kind] = list(fb.events) if kind == "events" else list(fb.table(kind).values())
    return render.to_json(document, indent=2) + "\n"
