"""The fact base as it stood on a day: only what was known then, and a count of what was not.

`narrow(fb, day)` keeps each record known on `day` (facts/known_on.py says when that is), with
only the citations, ITPP areas and predecessor whose sources were published by then, and the
references (a grouping's events, a claim's records, a gap's records) to records kept. An ITPP not
yet agreed appears in the latest earlier state its `states` give, if a source known then says
so, else not at all. Actors and topics are vocabulary: they assert nothing and are always kept.

Queries never know: they are handed the narrowed FactBase like any other.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from asiapac_cli.facts.known_on import state_day
from asiapac_cli.facts.model import Citation, Record
from asiapac_cli.facts.names import NAMED_KINDS, name_index

if TYPE_CHECKING:
    from asiapac_cli.facts.base import FactBase

# What is counted, in the order a summary names it.
COUNTED = ("events", "itpps", "stances", "groupings", "claims", "sources")
WORDS = {
    "events": "event",
    "itpps": "ITPP",
    "stances": "stance",
    "groupings": "grouping",
    "claims": "claim",
    "sources": "source",
}
VOCABULARY = ("actors", "topics")


class KnownOn:
    """What narrowing the fact base to `day` kept and left out, counted by kind."""

    def __init__(self, day: str, known: dict[str, int], later: dict[str, int], in_state: int) -> None:
        self.day = day
        self.known = known
        self.later = later
        self.in_state = in_state  # ITPPs shown in an earlier state (under negotiation), in `later`

    @property
    def left_out(self) -> bool:
        """True when anything is later than the day (else the base is the whole fact base)."""
        return any(self.later.values())

    def summary(self) -> str:
        """'as of 2023-06-01: 51 events, 3 stances; 44 events and 4 stances are later'."""
        known = []
        for kind, n in self.known.items():
            if kind == "itpps" and self.in_state:  # shown in an earlier state; agreed later
                more = f"{self.in_state} under negotiation"
                known.append(
                    f"{count(n, WORDS[kind])} (and {more})"
                    if n
                    else count(self.in_state, "ITPP") + " under negotiation"
                )
            elif n:
                known.append(count(n, WORDS[kind]))
        later = [count(n, WORDS[k]) for k, n in self.later.items() if n]
        said = f"as of {self.day}: " + (", ".join(known) if known else "nothing is known yet")
        if later:
            verb = "is" if len(later) == 1 and later[0].startswith("1 ") else "are"
            said += f"; {join_and(later)} {verb} later"
        else:
            said += "; nothing is later"
        return said

    def as_dict(self) -> dict[str, Any]:
        """The structured form `about` and the exports give."""
        return {
            "date": self.day,
            "summary": self.summary(),
            "known": dict(self.known),
            "under_negotiation": self.in_state,
            "later": dict(self.later),
        }


def count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def join_and(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


class Trim:
    """Cuts one record down to what was known on the day."""

    def __init__(self, day: str, days: dict[str, str], known_sources: set[str], kept: set[str]) -> None:
        self.day = day
        self.days = days
        self.known_sources = known_sources
        self.kept = kept  # ids of the records kept, for references

    def cited(self, citations: Iterable[Citation]) -> list[Citation]:
        return [c for c in citations if c["source"] in self.known_sources]

    def states(self, record: Record) -> list[Record]:
        return [
            {**state, "sources": self.cited(state["sources"])}
            for state in record.get("states") or []
            if state_day(state, self.days) <= self.day
        ]

    def record(self, record: Record) -> Record:
        """A copy with only the citations, parts and references known on the day; the same
        record (equal, keys in the same order) when all of it was known."""
        trimmed = dict(record)
        trimmed["sources"] = self.cited(record["sources"])
        if "areas" in record:
            trimmed["areas"] = [
                {**area, "sources": self.cited(area["sources"])}
                for area in record["areas"]
                if self.cited(area["sources"])
            ]
        if "predecessor" in record:
            predecessor = record["predecessor"]
            if self.cited(predecessor["sources"]):
                trimmed["predecessor"] = {**predecessor, "sources": self.cited(predecessor["sources"])}
            else:
                del trimmed["predecessor"]
        if "states" in record:
            trimmed["states"] = self.states(record)
        for field in ("events", "records"):  # a grouping's events, a claim's records
            if field in record and record[field] is not None:
                trimmed[field] = [i for i in record[field] if i in self.kept]
        return trimmed

    def earlier_state(self, itpp: Record) -> Record | None:
        """An ITPP not yet agreed, in the latest state a source known then gives; else None."""
        states = self.states(itpp)
        if not states:
            return None
        latest = states[-1]
        view: Record = {
            "id": itpp["id"],
            "partner": itpp["partner"],
            "title": itpp["title"],
            "status": latest["status"],
            "agreed": None,
            "period_start": None,
            "period_end": None,
            "areas_total": None,
            "evidence": latest["evidence"],
        }
        if latest.get("note"):
            view["note"] = latest["note"]
        view["sources"] = latest["sources"]
        view["states"] = states
        return view


def narrow(fb: FactBase, day: str) -> FactBase:
    """`fb` as it stood on `day` (an ISO date), with a KnownOn saying what was left out."""
    from asiapac_cli.facts.base import EventStore, FactBase

    days = fb.known_days()
    events = fb.events
    known_column = events.column("known")
    positions = [i for i, known in enumerate(known_column) if known <= day]
    event_ids = events.column("ids")
    kept_events = {event_ids[i] for i in positions}
    known_sources = {s for s in fb.table("sources") if days[s] <= day}
    # Ids of what the narrowed base holds, for references: vocabulary is always there.
    kept: set[str] = set(kept_events) | known_sources
    for kind in VOCABULARY:
        kept.update(fb.table(kind))
    for kind in ("itpps", "stances", "groupings", "claims"):
        kept.update(i for i in fb.table(kind) if days[i] <= day)
    trim = Trim(day, days, known_sources, kept)

    itpps: dict[str, Record] = {}
    in_state = 0
    for itpp_id, itpp in fb.table("itpps").items():
        if itpp_id in kept:
            itpps[itpp_id] = trim.record(itpp)
        else:
            earlier = trim.earlier_state(itpp)
            if earlier is not None:
                itpps[itpp_id] = earlier
                in_state += 1
    kept.update(itpps)

    base = dict(fb.base)
    base["sources"] = {i: s for i, s in fb.table("sources").items() if i in known_sources}
    base["itpps"] = itpps
    for kind in ("stances", "groupings", "claims"):
        base[kind] = {i: trim.record(r) for i, r in fb.table(kind).items() if i in kept}
    base["record_kinds"] = {i: kind for i, kind in fb.base["record_kinds"].items() if i in kept}
    base["names"] = {
        kind: names_of(fb, base, kind, kept) if kind not in VOCABULARY else fb.names(kind)
        for kind in fb.base["names"]
    }
    base["gaps"] = [gap for gap in (trimmed_gap(g, kept) for g in fb.gaps) if gap is not None]
    if fb.stated_events_through is not None:
        base["events_through"] = (
            reach(events, positions) if len(positions) < len(events) else fb.stated_events_through
        )

    def column(name: str) -> list[Any]:
        values = events.column(name)
        return [values[i] for i in positions]

    def fetch(position: int) -> Record:
        return trim.record(events.record(positions[position]))

    narrowed = FactBase(base, EventStore(len(positions), column, fetch), lambda: days)
    totals = {kind: len(events) if kind == "events" else len(fb.table(kind)) for kind in COUNTED}
    # An ITPP shown in an earlier state is not known yet as agreed: it counts as later.
    known = {kind: len(positions) if kind == "events" else len(base[kind]) for kind in COUNTED}
    known["itpps"] -= in_state
    narrowed.known = KnownOn(day, known, {k: totals[k] - known[k] for k in COUNTED}, in_state)
    return narrowed


def names_of(fb: FactBase, base: dict[str, Any], kind: str, kept: set[str]) -> dict[str, str]:
    """The name index of one kind, for the records kept."""
    if kind in NAMED_KINDS:
        return name_index(list(base[kind].values()))
    return {name: i for name, i in fb.names(kind).items() if i in kept}


def trimmed_gap(gap: Record, kept: set[str]) -> Record | None:
    """A gap about records of which some are kept, naming only those; None when none is."""
    records = gap.get("records")
    if not records:
        return gap
    known = [r for r in records if r in kept]
    return {**gap, "records": known} if known else None


def reach(events: Any, positions: list[int]) -> str | None:
    """The date the latest of the kept events reaches, as written (its end, else its date)."""
    if not positions:
        return None
    ends: list[str] = events.column("hi")
    latest = max(positions, key=lambda i: (ends[i], -i))  # the first of equal reaches, as written
    event = events.record(latest)
    reached: str = event.get("end") or event["date"]
    return reached
