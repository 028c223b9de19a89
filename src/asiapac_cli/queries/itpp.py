"""`itpp`: the Individually Tailored Partnership Programmes, one row a programme or one row an area."""

from __future__ import annotations

from asiapac_cli import vocab
from asiapac_cli.errors import UsageProblem
from asiapac_cli.facts.base import FactBase
from asiapac_cli.facts.model import Column, Listing, Record
from asiapac_cli.facts.names import (
    resolve,
)
from asiapac_cli.queries.citations import CITATION_TEXT, cited, cited_table, with_citations
from asiapac_cli.queries.rows import found, project

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


def itpp_overview(fb: FactBase, *, cite: bool = False) -> Listing:
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
        rows.append(with_citations(fb, row, itpp, cite))
    return found(
        Listing(
            cited(ITPP_OVERVIEW_COLUMNS, cite),
            rows,
            table=cited_table(
                [
                    Column("partner_name", "partner", data="partner"),
                    Column("agreed_shown", "agreed", data="agreed"),
                    Column("period"),
                    Column("areas_total", "areas"),
                    Column("areas_named", "named"),
                    Column("evidence", styled=True, drop=1),
                    Column("predecessor", "replaced", flex=1, drop=2),
                ],
                cite,
            ),
            title="Individually Tailored Partnership Programmes (ITPPs)",
            text_forms=CITATION_TEXT,
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


def itpp_areas(fb: FactBase, partner: str, *, cite: bool = False) -> Listing:
    """One row per named area; a programme with no named area gives one row with none."""
    itpp = itpp_for(fb, partner)
    common = project(itpp, ITPP_AREA_COLUMNS)
    common["itpp"] = itpp["id"]
    common["status"] = status_of(itpp)
    areas = itpp.get("areas") or []
    rows = []
    for number, area in enumerate(areas, start=1):
        row = {**common, "area_number": number, "area": area["name"]}
        rows.append(with_citations(fb, row, area, cite))
    if not areas:
        rows.append(with_citations(fb, {**common, "area_number": None, "area": None}, itpp, cite))
    for row in rows:
        row["source_names"] = [source_name(fb, s) for s in row["sources"]]
    total = itpp.get("areas_total")
    named = (
        f"{len(areas)} of {total} areas named in the sources"
        if total
        else f"{len(areas)} areas named; the total is not known"
    )
    start, end = itpp.get("period_start"), itpp.get("period_end")
    period = f"{start or '?'} to {end or '?'}" if start or end else "not known"
    predecessor = itpp.get("predecessor") or {}
    notes = [
        f"Agreed: {itpp.get('agreed') or 'date not known'}. Period: {period}. {named}.",
        f"Evidence: {itpp['evidence']}.",
    ]
    if status_of(itpp) != vocab.ITPP_AGREED:
        said = (itpp.get("states") or [{}])[-1].get("date") or "then"
        notes = [
            f"{status_of(itpp).replace('-', ' ').capitalize()}, not yet agreed (a source of {said} says so).",
            f"Evidence: {itpp['evidence']}.",
        ]
    if predecessor:
        notes.append(f"Replaced: {predecessor['title']} ({predecessor.get('signed') or 'date not known'}).")
    notes += [f"Note: {itpp['note']}"] if itpp.get("note") else []
    notes += [f"Correction: {itpp['correction']}"] if itpp.get("correction") else []
    return found(
        Listing(
            cited(ITPP_AREA_COLUMNS, cite),
            rows,
            table=cited_table(
                [
                    Column("area_number", "#"),
                    Column("area", flex=3, least=66),
                    Column("source_names", "source", flex=1, drop=1, data="sources"),
                ],
                cite,
            ),
            title=itpp["title"],
            notes=notes,
            text_forms=CITATION_TEXT,
        )
    )


def source_name(fb: FactBase, source_id: str) -> str:
    """Who a source is by, for a person reading a table: its publisher, else its author."""
    source = fb.table("sources").get(source_id, {})
    return str(source.get("publisher") or source.get("author") or source_id)
