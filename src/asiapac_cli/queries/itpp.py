"""`itpp`: the Individually Tailored Partnership Programmes, one row a programme or one row an area."""

from __future__ import annotations

from asiapac_cli import vocab
from asiapac_cli.errors import UsageProblem
from asiapac_cli.facts.base import FactBase
from asiapac_cli.facts.model import Listing, Record, project
from asiapac_cli.facts.names import (
    resolve,
)
from asiapac_cli.queries.citations import (
    CITATIONS_AS_LINES,
    add_source_columns,
    with_citations_column,
)
from asiapac_cli.queries.rows import or_no_match

ITPP_OVERVIEW_COLUMNS = [
    "partner",
    "id",
    "title",
    "agreed",
    "period_start",
    "period_end",
    "areas_total",
    "areas_named",
    "predecessor",
    "predecessor_signed",
    "evidence",
    "note",
    "sources",
    "status",  # added later, so last: `agreed`, or an earlier state (--as-of)
]


ITPP_AREA_COLUMNS = [
    "partner",
    "itpp",
    "agreed",
    "period_start",
    "period_end",
    "areas_total",
    "area_number",
    "area",
    "sources",
    "status",  # added later, so last
]


def itpp_overview(fb: FactBase, *, cite: bool) -> Listing:
    rows = []
    for itpp in fb.table("itpps").values():
        predecessor = itpp.get("predecessor") or {}
        row = project(itpp, ITPP_OVERVIEW_COLUMNS)
        row.update(
            areas_named=len(itpp.get("areas") or []),
            predecessor=predecessor.get("title"),
            predecessor_signed=predecessor.get("signed"),
            partner_name=fb.display_name(itpp["partner"]),
            period=period_of(itpp),
            status=status_of(itpp),
            agreed_shown=itpp.get("agreed") if status_of(itpp) == vocab.ITPP_AGREED else "not yet",
        )
        rows.append(add_source_columns(fb, row, itpp, cite=cite))
    return or_no_match(
        Listing(
            with_citations_column(ITPP_OVERVIEW_COLUMNS, cite=cite),
            rows,
            name="itpps",
            text_forms=CITATIONS_AS_LINES,
        )
    )


def status_of(itpp: Record) -> str:
    """'agreed', or the earlier state a fact base narrowed to a day shows it in."""
    return str(itpp.get("status") or vocab.ITPP_AGREED)


def period_of(itpp: Record) -> str | None:
    """'2023–2026', or None when neither end is known."""
    start, end = itpp.get("period_start"), itpp.get("period_end")
    return f"{start or '?'}–{end or '?'}" if start or end else None


def itpp_for(fb: FactBase, partner: str) -> Record:
    partner_id = resolve(fb, "actors", partner)
    for itpp in fb.table("itpps").values():
        if itpp["partner"] == partner_id:
            return itpp
    with_itpp = ", ".join(i["partner"] for i in fb.table("itpps").values())
    raise UsageProblem(f"{partner_id!r} has no ITPP in the fact file (partners with one: {with_itpp})")


def itpp_areas(fb: FactBase, partner: str, *, cite: bool) -> Listing:
    """One row per named area; a programme with no named area gives one row with none."""
    itpp = itpp_for(fb, partner)
    common = project(itpp, ITPP_AREA_COLUMNS)
    common["itpp"] = itpp["id"]
    common["status"] = status_of(itpp)
    areas = itpp.get("areas") or []
    rows = []
    for number, area in enumerate(areas, start=1):
        row = {**common, "area_number": number, "area": area["name"]}
        rows.append(add_source_columns(fb, row, area, cite=cite))
    if not areas:
        rows.append(add_source_columns(fb, dict(common), itpp, cite=cite))  # its area columns empty
    for row in rows:
        row["source_names"] = [source_name(fb, s) for s in row["sources"]]
    predecessor = itpp.get("predecessor") or {}
    # The programme as a whole, for a terminal's title and notes.
    details = {
        **project(itpp, ["title", "agreed", "period_start", "period_end", "areas_total", "evidence"]),
        **project(itpp, ["note", "correction"]),
        "areas_named": len(areas),
        "status": status_of(itpp),
        "status_said": (itpp.get("states") or [{}])[-1].get("date") or "then",
        "predecessor_title": predecessor.get("title"),
        "predecessor_signed": predecessor.get("signed"),
    }
    return or_no_match(
        Listing(
            with_citations_column(ITPP_AREA_COLUMNS, cite=cite),
            rows,
            name="itpp-areas",
            details=details,
            text_forms=CITATIONS_AS_LINES,
        )
    )


def source_name(fb: FactBase, source_id: str) -> str:
    """Who a source is by, for a person reading a table: its publisher, else its author."""
    source = fb.table("sources")[source_id]  # a source has a publisher or an author
    return str(source.get("publisher") or source.get("author"))
