"""`export --format sqlite`: the fact base as an SQLite database, with keys declared."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from asiapac_cli import __version__
from asiapac_cli.errors import OutputUnwritable
from asiapac_cli.facts import model
from asiapac_cli.facts.base import FactBase
from asiapac_cli.facts.model import Record
from asiapac_cli.queries.citations import citations_by_part
from asiapac_cli.queries.itpp import status_of

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
    correction TEXT, note TEXT, predecessor_title TEXT, predecessor_signed TEXT, predecessor_note TEXT,
    status TEXT NOT NULL);
CREATE TABLE itpp_areas (
    itpp_id TEXT NOT NULL REFERENCES itpps(id), number INTEGER NOT NULL, name TEXT NOT NULL,
    PRIMARY KEY (itpp_id, number));
CREATE TABLE itpp_states (
    itpp_id TEXT NOT NULL REFERENCES itpps(id), number INTEGER NOT NULL, date TEXT NOT NULL,
    status TEXT NOT NULL, evidence TEXT NOT NULL, note TEXT, PRIMARY KEY (itpp_id, number));
CREATE TABLE stances (
    id TEXT PRIMARY KEY, topic TEXT NOT NULL REFERENCES topics(id),
    actor TEXT NOT NULL REFERENCES actors(id), position TEXT NOT NULL, date TEXT, said TEXT,
    occasion TEXT, summary TEXT, evidence TEXT NOT NULL, correction TEXT, note TEXT, ally INTEGER);
CREATE TABLE stance_states (
    stance_id TEXT NOT NULL REFERENCES stances(id), number INTEGER NOT NULL, date TEXT NOT NULL,
    position TEXT NOT NULL, summary TEXT, evidence TEXT NOT NULL, note TEXT,
    PRIMARY KEY (stance_id, number));
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
CREATE TABLE offices (
    person_id TEXT NOT NULL REFERENCES actors(id), number INTEGER NOT NULL, office TEXT NOT NULL,
    of_id TEXT NOT NULL REFERENCES actors(id), title TEXT NOT NULL, "from" TEXT, until TEXT,
    in_office_on TEXT, acting INTEGER, note TEXT, PRIMARY KEY (person_id, number));
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
    from asiapac_cli.files import write_atomically

    write_atomically(path, lambda temporary: fill_sqlite(fb, temporary, path))


def sqlite_bytes(fb: FactBase) -> bytes:
    """The database as bytes (for standard output), built in a private temporary folder."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="asiapac-") as folder:
        database = Path(folder) / "asiapac.db"
        fill_sqlite(fb, str(database), Path("standard output"))
        return database.read_bytes()


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
    if fb.known is not None and fb.known.left_out:  # narrowed by --as-of: say what is left out
        rows["meta"] += [("as_of", fb.known.day), ("as_of_summary", fb.known.summary())]

    def add(table: str, record: Record, *extra: Any) -> None:
        rows[table].append(tuple(record.get(c) for c in SQLITE_COLUMNS[table]) + extra)
        for part, citation in citations_by_part(record):
            details = tuple(citation.get(f) for f in ("quote", "locator", "translation"))
            rows["citations"].append((table, record["id"], citation["source"], *details, part))

    for kind in ("sources", "actors", "topics"):
        for record in fb.table(kind).values():
            add(kind, record)
            rows["offices"] += [
                (record["id"], number, o["office"], o["of"], o["title"], o.get("from"), o.get("until"))
                + ("; ".join(o.get("in_office_on") or []) or None, int(bool(o.get("acting"))), o.get("note"))
                for number, o in enumerate(record.get("offices") or [], start=1)
            ]
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
        details = (*(predecessor.get(f) for f in ("title", "signed", "note")), status_of(itpp))
        add("itpps", itpp, *details)
        areas = itpp.get("areas") or []
        rows["itpp_areas"] += [(itpp["id"], n, area["name"]) for n, area in enumerate(areas, start=1)]
        rows["itpp_states"] += [
            (itpp["id"], n, state["date"], state["status"], state["evidence"], state.get("note"))
            for n, state in enumerate(itpp.get("states") or [], start=1)
        ]
    for stance in fb.table("stances").values():
        add("stances", stance)
        rows["stance_states"] += [
            (
                stance["id"],
                n,
                state["date"],
                state["position"],
                state.get("summary"),
                state["evidence"],
                state.get("note"),
            )
            for n, state in enumerate(stance.get("states") or [], start=1)
        ]
    for grouping in fb.table("groupings").values():
        add("groupings", grouping)
        rows["grouping_aliases"] += [(grouping["id"], a) for a in grouping.get("aliases") or []]
        rows["grouping_members"] += [(grouping["id"], m) for m in grouping["members"]]
        rows["grouping_events"] += [(grouping["id"], e) for e in grouping.get("events") or []]
    for claim in fb.table("claims").values():
        add("claims", claim)
        rows["claim_records"] += [(claim["id"], r) for r in claim.get("records") or []]
    return rows
