"""Citations: the sources a record cites, as details (a source's fields with the quote), as one
line of text, and what `cite` prints. Each name says what it returns."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from asiapac_cli.errors import NoMatch
from asiapac_cli.facts import model
from asiapac_cli.facts.base import FactBase
from asiapac_cli.facts.model import Record
from asiapac_cli.facts.names import (
    KIND_WORDS,
    find,
)

if TYPE_CHECKING:
    from asiapac_cli.facts.records import Citation


def own_source_ids(record: Record) -> list[str]:
    """Each source the record itself cites, once (a record may quote one source twice); not
    those of its ITPP areas or predecessor (see every_cited_source_id)."""
    return list(dict.fromkeys(c["source"] for c in record.get("sources") or []))


def citation_details(fb: FactBase, citation: Citation) -> dict[str, Any]:
    """One citation as the structured formats give it (the `citations` column): the source's
    details and the quote."""
    source = fb.table("sources")[citation["source"]]  # references are checked when loading
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


def citation_details_line(cited: dict[str, Any]) -> str:
    """'Title. Publisher, date. URL "quote"': citation details as one line of text. A title
    written for the fact file is marked '[descriptive title]'; a URL carries its access date."""
    who = cited.get("publisher") or cited.get("author")  # a source has one or the other
    title = cited["title"]
    if cited.get("title_descriptive"):
        title += " " + model.DESCRIPTIVE_TITLE_MARK
    parts = [title, ", ".join(p for p in (who, cited.get("date")) if p)]
    if cited.get("url"):
        parts.append(cited["url"] + (f" (accessed {cited['accessed']})" if cited.get("accessed") else ""))
    text = ". ".join(p for p in parts if p)
    if cited.get("quote"):
        text += f' "{cited["quote"]}"'
    return text


def one_line_citation(fb: FactBase, citation: Citation) -> str:
    """'Title. Publisher, date. URL "quote"' for one citation of a record."""
    return citation_details_line(citation_details(fb, citation))


def citation_details_lines(citations: list[dict[str, Any]]) -> list[str]:
    return [citation_details_line(c) for c in citations]


# The text formats' form of the `citations` column (JSON and YAML keep the details).
CITATIONS_AS_LINES = {"citations": citation_details_lines}


def add_source_columns(fb: FactBase, row: dict[str, Any], record: Record, *, cite: bool) -> dict[str, Any]:
    """`row` with the record's `sources` (ids) and, with `cite`, its `citations` (details)."""
    row["sources"] = own_source_ids(record)
    if cite:
        row["citations"] = [citation_details(fb, c) for c in record.get("sources") or []]
    return row


def with_citations_column(columns: list[str], *, cite: bool) -> list[str]:
    """A listing's columns, with `citations` last when --cite asks for it."""
    return columns + ["citations"] if cite else columns


def citations_by_part(record: Record) -> list[tuple[str | None, Citation]]:
    """(part, citation) for every citation of a record: its own (part None), then those of
    its ITPP areas ('area 3'), its predecessor ('predecessor'), its earlier states ('state 1') and
    a person's offices ('office 2'). An ITPP shown in an earlier state (--as-of) cites that state's
    sources as its own (and a stance shown as first reported has no states left to cite)."""
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


def every_cited_source_id(record: Record) -> list[str]:
    """Source ids a record cites, with those of its areas, predecessor, states and offices
    (repeats kept)."""
    return [citation["source"] for _, citation in citations_by_part(record)]


CITABLE_KINDS = ("stances", "itpps", "events", "groupings", "claims", "sources")


def citable_record(fb: FactBase, name: str) -> tuple[str, str]:
    """(kind, id) of the record or source `name` names; NoMatch for what carries no citations."""
    kind, record_id = find(fb, name)[0]
    record = fb.get(record_id) if kind != "sources" else None
    if kind not in CITABLE_KINDS and not (record and record.get("offices")):
        raise NoMatch(
            f"{record_id!r} is {model.article(KIND_WORDS[kind])}, which cites no source itself; "
            f"`asiapac show {record_id}` lists the records about it, each citable"
        )
    return kind, record_id


def labelled_citations(fb: FactBase, name: str) -> list[tuple[str, Citation]]:
    """(label, citation) for every citation of a record, or the one of a source. The label
    names the part of the record that cites it ('Area 3 (cyber defence)'); '' for the record
    itself."""
    kind, record_id = citable_record(fb, name)
    if kind == "sources":
        return [("", {"source": record_id})]
    return citations_of_parts(fb, record_id)


def citations_of_parts(fb: FactBase, record_id: str) -> list[tuple[str, Citation]]:
    """(label, citation) for every citation of the record `record_id` and of its parts."""
    record = fb.get(record_id)
    assert record is not None
    labelled: list[tuple[str, Citation]] = []
    for part, citation in citations_by_part(record):
        if part is None:
            label = ""
        elif part == "predecessor":
            label = "Predecessor"
        elif part.startswith("state "):
            state = record["states"][int(part.split()[1]) - 1]
            said = state.get("status") or f"reported {state['position']}"  # an ITPP's, a stance's
            label = f"{said.replace('-', ' ').capitalize()} ({state['date']})"
        elif part.startswith("office "):
            office = record["offices"][int(part.split()[1]) - 1]
            label = f"{office['title']} ({office_span(office)})"
        else:
            number = int(part.split()[1])
            label = f"Area {number} ({' '.join(record['areas'][number - 1]['name'].split())})"
        labelled.append((label, citation))
    return labelled


def sources_with_quotes(fb: FactBase, labelled: list[tuple[str, Citation]]) -> list[dict[str, Any]]:
    """One entry per source, in the order first cited: its details (as `citation_details`, with
    no quote) and `cited`, each citation of it as {label, quote, locator}. The same label and
    quote twice (a source cited by two parts alike) is one."""
    entries: dict[str, dict[str, Any]] = {}
    for label, citation in labelled:
        source_id = citation["source"]
        if source_id not in entries:
            details = citation_details(fb, {"source": source_id})
            del details["quote"], details["locator"]  # a citation's, not the source's: in `cited`
            entries[source_id] = {**details, "cited": []}
        cited = {"label": label, "quote": citation.get("quote"), "locator": citation.get("locator")}
        if cited not in entries[source_id]["cited"]:
            entries[source_id]["cited"].append(cited)
    return list(entries.values())


def cited_sources(fb: FactBase, name: str) -> list[dict[str, Any]]:
    """What `cite` shows on a terminal: each source a record cites (or the one source named),
    once, with every quote of it beneath."""
    return sources_with_quotes(fb, labelled_citations(fb, name))


def office_span(office: Record) -> str:
    """'2021-10-04 to 2024-10-01', 'from 2024-10-01', 'in office on 2023-05-01'."""
    if office.get("from"):
        return f"{office['from']} to {office['until']}" if office.get("until") else f"from {office['from']}"
    return "in office on " + ", ".join(office.get("in_office_on") or [])


def how_to_cite(fb: FactBase, name: str) -> str:
    """How to cite a record: one line per citation, each source with its quote."""
    lines = dict.fromkeys(
        (f"{label}: " if label else "") + one_line_citation(fb, citation)
        for label, citation in labelled_citations(fb, name)
    )
    return "".join(f"{line}\n" for line in lines)


def sources_cited_by(fb: FactBase, name: str) -> list[Record]:
    """The sources a record cites (or the one source named), each once, in citation order."""
    ids = dict.fromkeys(citation["source"] for _, citation in labelled_citations(fb, name))
    return [fb.table("sources")[s] for s in ids]
