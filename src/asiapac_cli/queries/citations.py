"""Citations: the sources a record cites, as objects, one-line text, and what `cite` prints."""

from __future__ import annotations

from typing import Any

from asiapac_cli.errors import NoMatch
from asiapac_cli.facts import model
from asiapac_cli.facts.base import FactBase
from asiapac_cli.facts.model import Citation, Column, Record
from asiapac_cli.facts.names import (
    KIND_WORDS,
    find,
)


def source_ids(record: Record) -> list[str]:
    """Each source a record cites, once (a record may quote one source twice)."""
    return list(dict.fromkeys(c["source"] for c in record.get("sources") or []))


def citation_object(fb: FactBase, citation: Citation) -> dict[str, Any]:
    """One citation as the structured formats give it: the source's details and the quote."""
    source = fb.table("sources").get(citation["source"], {})
    return {
        "source": citation["source"],
        "title": source.get("title"),
        "publisher": source.get("publisher"),
        "author": source.get("author"),
        "date": source.get("date"),
        "url": source.get("url"),
        "quote": citation.get("quote"),
        "locator": citation.get("locator"),
        "title_descriptive": bool(source.get("title_descriptive")),  # the title is ours, not a headline
        "accessed": source.get("accessed"),
    }


def citation_line(cited: dict[str, Any]) -> str:
    """'Title. Publisher, date. URL "quote"': a citation object as one line of text. A title
    written for the fact file is marked '[descriptive title]'; a URL carries its access date."""
    who = cited.get("publisher") or cited.get("author") or ""
    title = cited.get("title") or cited["source"]
    if cited.get("title_descriptive"):
        title += " " + model.DESCRIPTIVE_TITLE_MARK
    parts = [title, ", ".join(p for p in (who, cited.get("date")) if p)]
    if cited.get("url"):
        parts.append(cited["url"] + (f" (accessed {cited['accessed']})" if cited.get("accessed") else ""))
    text = ". ".join(p for p in parts if p)
    if cited.get("quote"):
        text += f' "{cited["quote"]}"'
    return text


def citation_text(fb: FactBase, citation: Citation) -> str:
    """'Title. Publisher, date. URL' for one citation, followed by its quote."""
    return citation_line(citation_object(fb, citation))


def citation_lines(citations: list[dict[str, Any]]) -> list[str]:
    return [citation_line(c) for c in citations]


CITATION_TEXT = {"citations": citation_lines}


def with_citations(fb: FactBase, row: dict[str, Any], record: Record, cite: bool) -> dict[str, Any]:
    row["sources"] = source_ids(record)
    if cite:
        row["citations"] = [citation_object(fb, c) for c in record.get("sources") or []]
    return row


def cited(columns: list[str], cite: bool) -> list[str]:
    return columns + ["citations"] if cite else columns


def cited_table(table: list[Column], cite: bool) -> list[Column]:
    return table + [Column("citations")] if cite else table


def citation_parts(record: Record) -> list[tuple[str | None, Citation]]:
    """(part, citation) for every citation of a record: its own (part None), then those of
    its ITPP areas ('area 3'), its predecessor ('predecessor'), its earlier states ('state 1') and
    a person's offices ('office 2'). An ITPP shown in an earlier state (--as-of) cites that state's
    sources as its own."""
    parts: list[tuple[str | None, Citation]] = [(None, c) for c in record.get("sources") or []]
    for number, area in enumerate(record.get("areas") or [], start=1):
        parts += [(f"area {number}", c) for c in area.get("sources") or []]
    predecessor = record.get("predecessor") or {}
    parts += [("predecessor", c) for c in predecessor.get("sources") or []]
    if not record.get("status"):
        for number, state in enumerate(record.get("states") or [], start=1):
            parts += [(f"state {number}", c) for c in state.get("sources") or []]
    for number, office in enumerate(record.get("offices") or [], start=1):
        parts += [(f"office {number}", c) for c in office.get("sources") or []]
    return parts


def citations_of(record: Record) -> list[str]:
    """Source ids a record cites, including those of its areas, predecessor and offices."""
    return [citation["source"] for _, citation in citation_parts(record)]


CITED_KINDS = ("stances", "itpps", "events", "groupings", "claims", "sources")


def cited_record(fb: FactBase, name: str) -> tuple[str, str]:
    """(kind, id) of the record or source `name` names; NoMatch for what carries no citations."""
    kind, record_id = find(fb, name)[0]
    record = fb.get(record_id) if kind != "sources" else None
    if kind not in CITED_KINDS and not (record and record.get("offices")):
        raise NoMatch(
            f"{record_id!r} is {model.article(KIND_WORDS[kind])}, which cites no source itself; "
            f"`asiapac show {record_id}` lists the records about it, each citable"
        )
    return kind, record_id


def cite_parts(fb: FactBase, name: str) -> list[tuple[str, Citation]]:
    """(label, citation) for every citation of a record, or the one of a source."""
    kind, record_id = cited_record(fb, name)
    if kind == "sources":
        return [("", {"source": record_id})]
    record = fb.get(record_id)
    assert record is not None
    labelled: list[tuple[str, Citation]] = []
    for part, citation in citation_parts(record):
        if part is None:
            label = ""
        elif part == "predecessor":
            label = "Predecessor: "
        elif part.startswith("state "):
            state = record["states"][int(part.split()[1]) - 1]
            label = f"{state['status'].replace('-', ' ').capitalize()} ({state['date']}): "
        elif part.startswith("office "):
            office = record["offices"][int(part.split()[1]) - 1]
            label = f"{office['title']} ({office_span(office)}): "
        else:
            number = int(part.split()[1])
            label = f"Area {number} ({' '.join(record['areas'][number - 1]['name'].split())}): "
        labelled.append((label, citation))
    return labelled


def office_span(office: Record) -> str:
    """'2021-10-04 to 2024-10-01', 'from 2024-10-01', 'in office on 2023-05-01'."""
    if office.get("from"):
        return f"{office['from']} to {office['until']}" if office.get("until") else f"from {office['from']}"
    return "in office on " + ", ".join(office.get("in_office_on") or [])


def cite_text(fb: FactBase, name: str) -> str:
    """How to cite a record: one line per citation, each source with its quote."""
    lines = dict.fromkeys(label + citation_text(fb, citation) for label, citation in cite_parts(fb, name))
    return "".join(f"{line}\n" for line in lines)


def cited_sources(fb: FactBase, name: str) -> list[Record]:
    """The sources a record cites (or the one source named), each once, in citation order."""
    ids = dict.fromkeys(citation["source"] for _, citation in cite_parts(fb, name))
    return [fb.table("sources")[s] for s in ids]
