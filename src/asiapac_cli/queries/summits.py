"""`summits`: NATO summits, with how each Indo-Pacific partner took part."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from asiapac_cli.facts.base import FactBase
from asiapac_cli.facts.model import Listing, project
from asiapac_cli.facts.names import (
    normalise_name,
)
from asiapac_cli.queries.citations import (
    CITATIONS_AS_LINES,
    add_source_columns,
    with_citations_column,
)
from asiapac_cli.queries.rows import or_no_match, reach

if TYPE_CHECKING:
    from asiapac_cli.facts.records import Attendance

SUMMIT_COLUMNS = ["date", "end", "id", "title", "place", "partners", "partner_leaders", "evidence", "sources"]


# How a level reads in a table cell: short, since four partners share one line.
LEVEL_WORDS = {"deputy-leader": "deputy", "not-known": "not known"}


def summits(fb: FactBase, *, cite: bool) -> Listing:
    """NATO summits (summits NATO takes part in) with how each Indo-Pacific partner took part."""
    events = fb.events
    positions = [
        i
        for i, (kind, actors) in enumerate(zip(events.column("kind"), events.column("actors"), strict=True))
        if kind == "summit" and "nato" in actors
    ]
    rows = []
    # One column per partner: those with an ITPP first, in the file's order, then any other.
    partners: dict[str, None] = dict.fromkeys(i["partner"] for i in fb.table("itpps").values())
    for event in fb.events.records(positions):
        attendance = event.get("attendance") or []
        row = project(event, SUMMIT_COLUMNS)
        row["partners"] = [attendance_object(fb, a) for a in attendance]
        row["partner_leaders"] = sum(1 for a in attendance if a["level"] == "leader")
        row["summit"] = event.get("place") or event["title"]
        for taking_part in attendance:
            partners.setdefault(taking_part["actor"])
            row[f"at:{taking_part['actor']}"] = attendance_cell(taking_part)
        rows.append(add_source_columns(fb, row, event, cite=cite))
    partners = {p: None for p in partners if any(f"at:{p}" in row for row in rows)}
    for row in rows:
        for partner in partners:
            row.setdefault(f"at:{partner}", "")
    return or_no_match(
        Listing(
            with_citations_column(SUMMIT_COLUMNS, cite=cite),
            rows,
            name="summits",
            # each partner's short name heads its column on a terminal (the `at:ID` row keys)
            details={**reach(fb), "partners": {p: fb.short_name(p) for p in partners}},
            empty_message="no summits in the fact file",
            text_forms={**CITATIONS_AS_LINES, "partners": attendance_lines},
        )
    )


def attendance_object(fb: FactBase, taking_part: Attendance) -> dict[str, Any]:
    """How one partner took part, as the structured formats give it."""
    person = taking_part.get("person")
    role = None
    if person:
        actor = fb.get(fb.names("actors").get(normalise_name(person), ""))
        role = actor.get("role") if actor else None
    return {
        "partner": taking_part["actor"],
        "level": taking_part["level"],
        "person": person,
        "role": role,
        "note": taking_part.get("note"),
    }


def attendance_lines(partners: list[dict[str, Any]]) -> list[str]:
    """'japan: leader (Fumio Kishida)' for each partner: the text formats' form."""
    return [
        f"{p['partner']}: {p['level']}" + (f" ({p['person']})" if p.get("person") else "") for p in partners
    ]


def attendance_cell(taking_part: Attendance) -> str:
    """'Kishida (leader)', '—' for absent: one partner at one summit, for a table cell."""
    level = taking_part["level"]
    if level == "absent":
        return "—"
    word = LEVEL_WORDS.get(level, level)
    person = taking_part.get("person")
    return f"{family_name(person, taking_part['actor'])} ({word})" if person else word


def family_name(person: str, country: str) -> str:
    """'Fumio Kishida' -> 'Kishida'; Korean names are written family name first ('Yoon Suk Yeol')."""
    words = person.split()
    return words[0] if country == "republic-of-korea" else words[-1]
