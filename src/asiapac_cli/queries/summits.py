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


def summits(fb: FactBase, *, cite: bool) -> Listing:
    """NATO summits (summits NATO takes part in) with how each Indo-Pacific partner took part.

    Besides `partners` (every partner's part, as objects), each partner has two columns of its
    own, added after the others: its level (`japan`: leader, ..., absent, not-known; empty when
    the record does not say) and who came (`japan_person`), so `-c date,japan` and csvkit work.
    """
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
        for taking_part in attendance:
            partners.setdefault(taking_part["actor"])
            person = taking_part.get("person")
            # display values, for a terminal: the level, and the family name of who came
            row[f"level:{taking_part['actor']}"] = taking_part["level"]
            row[f"surname:{taking_part['actor']}"] = (
                family_name(person, taking_part["actor"]) if person else None
            )
            row[f"person:{taking_part['actor']}"] = person
        rows.append(add_source_columns(fb, row, event, cite=cite))
    shown = [p for p in partners if any(f"level:{p}" in row for row in rows)]
    named = partner_columns(shown, SUMMIT_COLUMNS)
    for row in rows:
        for partner, (level, person) in named.items():
            row[level] = row.get(f"level:{partner}")
            row[person] = row.get(f"person:{partner}")
    columns = SUMMIT_COLUMNS + [name for pair in named.values() for name in pair]
    return or_no_match(
        Listing(
            with_citations_column(columns, cite=cite),
            rows,
            name="summits",
            # each partner's short name heads its column on a terminal; its data columns
            details={
                **reach(fb),
                "partners": {p: fb.short_name(p) for p in shown},
                "partner_columns": {p: named[p][0] for p in shown},
            },
            empty_message="no summits in the fact file",
            text_forms={**CITATIONS_AS_LINES, "partners": attendance_lines},
        )
    )


def partner_columns(partners: list[str], taken: list[str]) -> dict[str, tuple[str, str]]:
    """Each partner's two column names, its level's and its person's: the partner's id in
    snake_case ('republic_of_korea', 'republic_of_korea_person'), as every JSON key is; an id
    that would take the name of another column is prefixed with `partner_`."""
    used = set(taken) | {"citations"}
    named = {}
    for partner in partners:
        level = partner.replace("-", "_")
        if level in used or f"{level}_person" in used:
            level = f"partner_{level}"
        used |= {level, f"{level}_person"}
        named[partner] = (level, f"{level}_person")
    return named


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


def family_name(person: str, country: str) -> str:
    """'Fumio Kishida' -> 'Kishida'; Korean names are written family name first ('Yoon Suk Yeol')."""
    words = person.split()
    return words[0] if country == "republic-of-korea" else words[-1]
