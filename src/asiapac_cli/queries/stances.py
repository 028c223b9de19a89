"""`stances`, `who-opposed`, `who-supported`: positions on a topic, in date order."""

from __future__ import annotations

from asiapac_cli.facts.base import FactBase
from asiapac_cli.facts.model import Column, Listing, project
from asiapac_cli.facts.names import (
    resolve,
)
from asiapac_cli.queries.citations import (
    CITATIONS_AS_LINES,
    add_source_columns,
    cited_table,
    with_citations_column,
)
from asiapac_cli.queries.rows import or_no_match

STANCE_COLUMNS = [
    "topic",
    "actor",
    "actor_name",
    "position",
    "date",
    "said",
    "occasion",
    "summary",
    "evidence",
    "correction",
    "id",
    "sources",
    "note",
    "ally",  # added later: new columns go last, so piped columns keep their place
]


def stances(
    fb: FactBase,
    topic: str,
    *,
    positions: tuple[str, ...] | None = None,
    cite: bool,
) -> Listing:
    """Positions on a topic, in date order (undated last); `positions` narrows them."""
    topic_id = resolve(fb, "topics", topic)
    matching = [
        s
        for s in fb.table("stances").values()
        if s["topic"] == topic_id and (positions is None or s["position"] in positions)
    ]
    matching.sort(key=lambda s: (s.get("date") is None, s.get("date") or ""))
    rows = []
    for stance in matching:
        row = project(stance, STANCE_COLUMNS)
        row["actor_name"] = fb.display_name(stance["actor"])
        row["actor_short"] = fb.short_name(stance["actor"])
        rows.append(add_source_columns(fb, row, stance, cite=cite))
    notes = []
    for stance in matching:
        who = fb.short_name(stance["actor"])
        when = stance.get("date") or "undated"
        if stance.get("ally") is False:  # an outside view, not one of the Allies'
            when += ", not a NATO Ally"
        if stance.get("said"):
            notes.append(f'{who} ({when}): "{stance["said"]}"')
        if stance.get("correction"):
            notes.append(f"Correction ({who}): {stance['correction']}")
    wanted = " or ".join(positions) if positions else "with a position"
    return or_no_match(
        Listing(
            with_citations_column(STANCE_COLUMNS, cite=cite),
            rows,
            table=cited_table(
                [
                    Column("actor_short", "actor", data="actor"),
                    Column("occasion", "who spoke, where", flex=1, drop=2, least=16),
                    Column("date"),
                    Column("position", styled=True),
                    Column("evidence", styled=True, drop=1),
                ],
                cite=cite,
            ),
            title=fb.display_name(topic_id),
            notes=notes,
            empty_message=f"no actor {wanted} on {topic_id!r} in the fact file",
            text_forms=CITATIONS_AS_LINES,
        )
    )
