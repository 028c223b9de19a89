"""The catalogues: topics, actors, groupings, sources and the seed interview's claims."""

from __future__ import annotations

from asiapac_cli.errors import UsageProblem
from asiapac_cli.facts import model
from asiapac_cli.facts.base import FactBase
from asiapac_cli.facts.model import Column, Listing, Record
from asiapac_cli.facts.names import (
    check_argument,
    suggest,
)
from asiapac_cli.queries.citations import CITATION_TEXT, citations_of, cited, cited_table, with_citations
from asiapac_cli.queries.rows import found, project

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
    with_stances = sum(1 for r in rows if r["stances"])
    return found(
        Listing(
            TOPIC_COLUMNS,
            rows,
            table=[Column("id"), Column("title", flex=1), Column("stances"), Column("events")],
            notes=[
                f"{with_stances} of {len(rows)} topics have stances: "
                "`asiapac stances TOPIC` lists who took which position."
            ],
        )
    )


ACTOR_COLUMNS = ["id", "name", "kind", "role", "country", "aliases"]


def actors(fb: FactBase, *, kind: str | None = None) -> Listing:
    rows = [
        project(a, ACTOR_COLUMNS) for a in fb.table("actors").values() if kind is None or a["kind"] == kind
    ]
    return found(
        Listing(
            ACTOR_COLUMNS,
            rows,
            table=[
                Column("name", flex=2),
                Column("kind"),
                Column("role", flex=2, drop=2),
                Column("aliases", flex=1, drop=1),
            ],
        )
    )


GROUPING_COLUMNS = ["id", "name", "members", "founded", "nature", "evidence", "correction", "sources"]


def groupings(fb: FactBase, *, cite: bool = False) -> Listing:
    rows = []
    for grouping in fb.table("groupings").values():
        row = with_citations(fb, project(grouping, GROUPING_COLUMNS), grouping, cite)
        row["member_names"] = [fb.short_name(m) for m in grouping["members"]]
        rows.append(row)
    return found(
        Listing(
            cited(GROUPING_COLUMNS, cite),
            rows,
            table=cited_table(
                [
                    Column("name", flex=1),
                    Column("member_names", "members", flex=1, drop=2, data="members"),
                    Column("founded", drop=1),
                    Column("nature", flex=2),
                ],
                cite,
            ),
            notes=[
                f"Correction ({g['name']}): {g['correction']}"
                for g in fb.table("groupings").values()
                if g.get("correction")
            ],
            text_forms=CITATION_TEXT,
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
        for citation in citations_of(record):
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
    return found(
        Listing(
            SOURCE_COLUMNS,
            rows,
            table=[
                Column("title", flex=3, least=30),
                Column("by", "publisher", flex=1, data="publisher"),
                Column("date"),
                Column("kind", drop=1),
            ],
        )
    )


CLAIM_COLUMNS = ["id", "verdict", "text", "correction", "records", "evidence", "sources", "note"]


def claims(fb: FactBase, *, verdict: str | None = None, cite: bool = False) -> Listing:
    rows = [
        with_citations(fb, project(c, CLAIM_COLUMNS), c, cite)
        for c in fb.table("claims").values()
        if verdict is None or c["verdict"] == verdict
    ]
    return found(
        Listing(
            cited(CLAIM_COLUMNS, cite),
            rows,
            table=cited_table(
                [Column("verdict", styled=True), Column("text", "claim", flex=1, least=30)], cite
            ),
            empty_message="no claims matched",
            text_forms=CITATION_TEXT,
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
