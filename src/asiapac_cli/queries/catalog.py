"""The catalogues: topics, actors, groupings, sources and the seed interview's claims."""

from __future__ import annotations

from asiapac_cli.errors import UsageProblem
from asiapac_cli.facts import model
from asiapac_cli.facts.base import FactBase
from asiapac_cli.facts.model import Listing, Record, project
from asiapac_cli.facts.names import (
    check_argument,
    suggest,
)
from asiapac_cli.queries.citations import (
    CITATIONS_AS_LINES,
    add_source_columns,
    every_cited_source_id,
    with_citations_column,
)
from asiapac_cli.queries.rows import or_no_match

TOPIC_COLUMNS = ["id", "title", "aliases", "stances", "events", "description"]


def topics(fb: FactBase) -> Listing:
    stance_counts: dict[str, int] = {}
    for stance in fb.table("stances").values():
        stance_counts[stance["topic"]] = stance_counts.get(stance["topic"], 0) + 1
    event_counts: dict[str, int] = {}
    for event_topics in fb.events.column("topics"):
        for topic in event_topics:
            event_counts[topic] = event_counts.get(topic, 0) + 1
    rows = [
        {
            **project(t, TOPIC_COLUMNS),
            "stances": stance_counts.get(t["id"], 0),
            "events": event_counts.get(t["id"], 0),
        }
        for t in fb.table("topics").values()
    ]
    return or_no_match(Listing(TOPIC_COLUMNS, rows, name="topics"))


ACTOR_COLUMNS = ["id", "name", "kind", "role", "country", "aliases"]


def actors(fb: FactBase, *, kind: str | None = None) -> Listing:
    rows = [
        project(a, ACTOR_COLUMNS) for a in fb.table("actors").values() if kind is None or a["kind"] == kind
    ]
    return or_no_match(Listing(ACTOR_COLUMNS, rows, name="actors"))


GROUPING_COLUMNS = ["id", "name", "members", "founded", "nature", "evidence", "correction", "sources"]


def groupings(fb: FactBase, *, cite: bool) -> Listing:
    rows = []
    for grouping in fb.table("groupings").values():
        row = add_source_columns(fb, project(grouping, GROUPING_COLUMNS), grouping, cite=cite)
        row["member_names"] = [fb.short_name(m) for m in grouping["members"]]
        rows.append(row)
    return or_no_match(
        Listing(
            with_citations_column(GROUPING_COLUMNS, cite=cite),
            rows,
            name="groupings",
            text_forms=CITATIONS_AS_LINES,
        )
    )


SOURCE_COLUMNS = [
    *["id", "title", "publisher", "author", "date", "url", "via", "kind", "language", "cited_by"],
    *["title_descriptive", "accessed"],  # added later, so last: piped columns keep their place
]


def sources(fb: FactBase, source_id: str | None = None) -> Listing:
    """Every source with the records that cite it; or one source."""
    cited_by: dict[str, list[str]] = {}
    for record in all_records(fb):
        for citation in every_cited_source_id(record):
            cited_by.setdefault(citation, []).append(record["id"])
    table = fb.table("sources")
    if source_id is not None:
        key = check_argument(source_id, "source id")
        if key not in table:
            raise UsageProblem(f"no source with id {key!r}{suggest(key, {s: s for s in table})}")
        chosen = [table[key]]
    else:
        chosen = list(table.values())
    rows = [
        {
            **project(s, SOURCE_COLUMNS),
            "cited_by": sorted(set(cited_by.get(s["id"], []))),
            "by": s.get("publisher") or s.get("author"),
        }
        for s in chosen
    ]
    return or_no_match(Listing(SOURCE_COLUMNS, rows, name="sources"))


CLAIM_COLUMNS = ["id", "verdict", "text", "correction", "records", "evidence", "sources", "note"]


def claims(fb: FactBase, *, verdict: str | None = None, cite: bool) -> Listing:
    rows = [
        add_source_columns(fb, project(c, CLAIM_COLUMNS), c, cite=cite)
        for c in fb.table("claims").values()
        if verdict is None or c["verdict"] == verdict
    ]
    return or_no_match(
        Listing(
            with_citations_column(CLAIM_COLUMNS, cite=cite),
            rows,
            name="claims",
            empty_message="no claims matched",
            text_forms=CITATIONS_AS_LINES,
        )
    )


def all_records(fb: FactBase) -> list[Record]:
    records: list[Record] = []
    for kind in model.RECORD_KINDS:
        if kind == "events":
            records += list(fb.events)
        elif kind != "sources":
            records += fb.table(kind).values()
    return records
