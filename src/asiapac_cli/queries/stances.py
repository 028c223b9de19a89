"""`stances`, `who-opposed`, `who-supported`: positions on a topic, in date order."""

from __future__ import annotations

from collections.abc import Sequence

from asiapac_cli.facts.base import FactBase
from asiapac_cli.facts.model import Listing, project
from asiapac_cli.facts.names import (
    resolve,
)
from asiapac_cli.queries.citations import (
    CITATIONS_AS_LINES,
    add_source_columns,
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
    positions: Sequence[str] | None = None,
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
    wanted = " or ".join(positions) if positions else "with a position"
    return or_no_match(
        Listing(
            with_citations_column(STANCE_COLUMNS, cite=cite),
            rows,
            name="stances",
            details={"topic_name": fb.display_name(topic_id)},
            empty_message=f"no actor {wanted} on {topic_id!r} in the fact file",
            text_forms=CITATIONS_AS_LINES,
        )
    )
