"""`timeline`: events in date order, filtered by reading only the columns each filter needs."""

from __future__ import annotations

from asiapac_cli.errors import UsageProblem
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
from asiapac_cli.queries.rows import or_no_match, parse_date_option, reach

TIMELINE_COLUMNS = [
    "date",
    "end",
    "kind",
    "id",
    "title",
    "place",
    "actors",
    "topics",
    "summary",
    "evidence",
    "correction",
    "sources",
]


def timeline(
    fb: FactBase,
    *,
    since: str | None = None,
    until: str | None = None,
    actors: list[str] | None = None,
    kinds: list[str] | None = None,
    topics: list[str] | None = None,
    cite: bool,
) -> Listing:
    """Events in date order; filters combine with AND, repeated values of one filter with OR."""
    since_day = parse_date_option(since, "--since")[0] if since else None
    until_day = parse_date_option(until, "--until")[1] if until else None
    if since_day and until_day and since_day > until_day:
        raise UsageProblem(f"--since {since} is after --until {until}: no date is in between")
    actor_ids = {resolve(fb, "actors", a) for a in actors or []}
    topic_ids = {resolve(fb, "topics", t) for t in topics or []}
    kind_set = set(kinds or [])

    events = fb.events
    positions: list[int] = list(range(len(events)))
    # Each filter reads only its own column (from the cache, only when asked).
    if since_day is not None:
        ends = events.column("hi")
        positions = [i for i in positions if ends[i] >= since_day]
    if until_day is not None:
        starts = events.column("lo")
        positions = [i for i in positions if starts[i] <= until_day]
    if kind_set:
        event_kinds = events.column("kind")
        positions = [i for i in positions if event_kinds[i] in kind_set]
    if actor_ids:
        event_actors = events.column("actors")
        positions = [i for i in positions if not actor_ids.isdisjoint(event_actors[i])]
    if topic_ids:
        event_topics = events.column("topics")
        positions = [i for i in positions if not topic_ids.isdisjoint(event_topics[i])]
    rows = []
    for position, event in zip(positions, fb.events.records(positions), strict=True):
        row = project(event, TIMELINE_COLUMNS)
        row["actors"] = list(events.column("actors")[position])
        row["actor_names"] = [fb.short_name(a) for a in row["actors"]]
        rows.append(add_source_columns(fb, row, event, cite=cite))
    return or_no_match(
        Listing(
            with_citations_column(TIMELINE_COLUMNS, cite=cite),
            rows,
            name="timeline",
            details=reach(fb),
            empty_message="no events matched",
            text_forms=CITATIONS_AS_LINES,
        )
    )
