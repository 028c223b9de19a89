"""`show` and `about`: one record with everything related to it, and what the fact base covers."""

from __future__ import annotations

from typing import Any

from asiapac_cli.facts import model
from asiapac_cli.facts.base import FactBase
from asiapac_cli.facts.model import Record
from asiapac_cli.facts.names import (
    KIND_WORDS,
    find,
)
from asiapac_cli.queries.catalog import all_records
from asiapac_cli.queries.citations import (
    citations_of_parts,
    every_cited_source_id,
    one_line_citation,
    sources_with_quotes,
)


def show(fb: FactBase, name: str) -> dict[str, Any]:
    """Everything about one actor, topic, grouping or record, with its sources expanded."""
    hits = find(fb, name)
    kind, record_id = hits[0]
    record = fb.get(record_id)
    assert record is not None
    document: dict[str, Any] = {"kind": KIND_WORDS[kind], "id": record_id, "record": record}
    if kind != "sources":
        document["citations"] = [one_line_citation(fb, c) for c in record.get("sources") or []]
    document["related"] = related(fb, kind, record_id)
    if len(hits) > 1:
        document["also"] = [f"{KIND_WORDS[k]} {i}" for k, i in hits[1:]]
    return document


def sources_shown(fb: FactBase, document: dict[str, Any]) -> list[dict[str, Any]]:
    """Each source the record `show` shows cites, itself or in its parts (areas, offices, ...),
    once, with its quotes: what a terminal lists at the end of the record. None for a source."""
    if document["kind"] == KIND_WORDS["sources"]:
        return []
    return sources_with_quotes(fb, citations_of_parts(fb, document["id"]))


def related(fb: FactBase, kind: str, record_id: str) -> dict[str, list[dict[str, Any]]]:
    """Short rows for records that name `record_id`."""

    def brief(record: Record) -> dict[str, Any]:
        return {
            "id": record["id"],
            "date": record.get("date") or record.get("agreed") or record.get("founded"),
            "title": record.get("title") or record.get("name") or record.get("summary") or record.get("text"),
            "position": record.get("position"),
            "actor": record.get("actor"),
            "evidence": record.get("evidence"),
            "sources": list(dict.fromkeys(every_cited_source_id(record))),
        }

    def tidy(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [{k: v for k, v in row.items() if v is not None} for row in rows]

    result: dict[str, list[dict[str, Any]]] = {}
    events = fb.events
    if kind == "actors":
        result["itpps"] = [brief(i) for i in fb.table("itpps").values() if i["partner"] == record_id]
        result["stances"] = [brief(s) for s in fb.table("stances").values() if s["actor"] == record_id]
        positions = [i for i, a in enumerate(events.column("actors")) if record_id in a]
        result["events"] = [brief(e) for e in fb.events.records(positions)]
        result["groupings"] = [brief(g) for g in fb.table("groupings").values() if record_id in g["members"]]
        result["claims"] = [brief(c) for c in fb.table("claims").values() if c["by"] == record_id]
    elif kind == "topics":
        result["stances"] = [brief(s) for s in fb.table("stances").values() if s["topic"] == record_id]
        positions = [i for i, t in enumerate(events.column("topics")) if record_id in t]
        result["events"] = [brief(e) for e in fb.events.records(positions)]
    elif kind == "groupings":
        grouping = fb.table("groupings")[record_id]
        ids = grouping.get("events") or []
        result["events"] = [brief(e) for e in (fb.get(i) for i in ids) if e]
    elif kind == "sources":
        result["cited_by"] = [brief(r) for r in all_records(fb) if record_id in every_cited_source_id(r)]
    result["claims_about"] = [
        brief(c) for c in fb.table("claims").values() if record_id in (c.get("records") or [])
    ]
    return {k: tidy(v) for k, v in result.items() if v}


def about(fb: FactBase, fact_file: str) -> dict[str, Any]:
    """What the fact base covers: when its sources were checked, the latest date its events
    reach, how many records of each kind it holds, and its known gaps."""
    from asiapac_cli import __version__

    counts = {
        kind: len(fb.events) if kind == "events" else len(fb.table(kind)) for kind in model.RECORD_KINDS
    }
    counts["gaps"] = len(fb.gaps)
    document: dict[str, Any] = {
        "checked_on": fb.checked_on,
        "events_through": fb.events_through,
        "counts": counts,
    }
    if fb.known is not None and fb.known.left_out:  # a base narrowed to a day says what it left out
        document["as_of"] = fb.known.as_dict()
    return {
        **document,
        "gaps": [
            {"id": gap["id"], "text": gap["text"], "records": list(gap.get("records") or [])}
            for gap in fb.gaps
        ],
        "fact_file": fact_file,
        "version": __version__,
    }
