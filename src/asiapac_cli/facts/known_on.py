"""When each record became known, derived from its own date and its sources' dates.

A record is known on day D when it has happened by D and at least one of its own sources was
published on or before D (docs/as-of.md argues each rule). Both halves are read so that nothing
is ever known early:

- a partial date counts as its last day: a source dated `2023-07` as published on 31 July, an
  event dated `2023` as happened on 31 December (the month or year may have ended before it);
- a source with no date counts as published on the day it was read: its `accessed` date, else
  the file's `checked_on` (it existed then; nothing says it existed earlier);
- what a record "happened" on is its own date: an event's `date` (its start), an ITPP's
  `agreed`, a stance's `date`, a grouping's `founded`, a claim's seed text (the interview it
  was made in). A record without one has happened by the time a source reports it.

The days are computed once, when the fact base is built, and cached with it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from asiapac_cli.facts import model
from asiapac_cli.facts.model import Record

if TYPE_CHECKING:
    from asiapac_cli.facts.records import Citation

# The field that says when a record of each kind happened (claims: their seed source's date).
HAPPENED_FIELD = {"events": "date", "itpps": "agreed", "stances": "date", "groupings": "founded"}
# Fact records other than events, whose days are kept in one table (events have a column).
TABLE_KINDS = ("itpps", "stances", "groupings", "claims")


def last_day(partial: str) -> str:
    """The last full day a partial date covers: '2023-07' -> '2023-07-31'."""
    return model.date_bounds(partial)[1]


def source_day(source: Record, checked_on: str) -> str:
    """The day a source counts as published: its date, else when it was read (never earlier)."""
    return last_day(source.get("date") or source.get("accessed") or checked_on)


def earliest_source(citations: Iterable[Citation], days: Mapping[str, str]) -> str:
    return min(days[citation["source"]] for citation in citations)


def happened_day(
    kind: str, record: Record, sources: Mapping[str, Record], days: Mapping[str, str]
) -> str | None:
    """The day a record had happened by, from its own date; None when it has none."""
    if kind == "claims":
        seeds = [c["source"] for c in record["sources"] if sources[c["source"]]["kind"] == "seed"]
        return min(days[s] for s in seeds) if seeds else None
    date = record.get(HAPPENED_FIELD[kind])
    return last_day(date) if date else None


def record_day(kind: str, record: Record, sources: Mapping[str, Record], days: Mapping[str, str]) -> str:
    """The day a fact record became known: the later of its own date and its earliest source."""
    earliest = earliest_source(record["sources"], days)
    happened = happened_day(kind, record, sources, days)
    return max(happened, earliest) if happened else earliest


def state_day(state: Record, days: Mapping[str, str]) -> str:
    """The day an earlier state of an ITPP became known (its date, and a source then)."""
    return max(last_day(state["date"]), earliest_source(state["sources"], days))


def known_days(base: Mapping[str, Any]) -> dict[str, str]:
    """Record id -> the day it became known, for every source and every fact record but events
    (whose days are a column of the event store)."""
    checked_on = str(base["checked_on"])
    sources: dict[str, Record] = base["sources"]
    days = {source_id: source_day(source, checked_on) for source_id, source in sources.items()}
    for kind in TABLE_KINDS:
        for record_id, record in base[kind].items():
            days[record_id] = record_day(kind, record, sources, days)
    return days


def day_number(iso_day: str) -> int:
    """2023-07-12 -> 20230712: the events' column holds days as numbers, which the cache reads
    and a scan compares faster than text (and in the same order)."""
    return int(iso_day.replace("-", ""))


def event_days(events: Iterable[Record], days: Mapping[str, str]) -> list[int]:
    """The day each event became known (as a day_number), in the order given."""
    return [day_number(max(last_day(e["date"]), earliest_source(e["sources"], days))) for e in events]


def undated_source_warnings(sources: Iterable[Record], checked_on: str) -> list[tuple[str, str]]:
    """(source id, warning) for each source without a date: it never makes a record known
    before the day it counts as published."""
    warnings = []
    for source in sources:
        if source.get("date"):
            continue
        why = f"its accessed date, {source['accessed']}" if source.get("accessed") else "checked_on"
        warnings.append(
            (
                source["id"],
                f"sources: {source['id']!r} has no date; --as-of counts it as published on "
                f"{source_day(source, checked_on)} ({why}), so it makes no record known earlier "
                "(give its publication date if known)",
            )
        )
    return warnings
