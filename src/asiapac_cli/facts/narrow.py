"""The fact base as it stood on a day: only what was known then, and a count of what was not.

`narrow(fb, day)` keeps each record known on `day` (facts/known_on.py says when that is), with
only the citations, ITPP areas and predecessor whose sources were published by then, and the
references (a grouping's events, a claim's records, a gap's records) to records kept. An ITPP not
yet agreed appears in the latest earlier state its `states` give, if a source known then says
so, else not at all; so does a stance before the statement it records (as first reported).
Actors and topics are vocabulary: they assert nothing and are always kept.

Queries never know: they are handed the narrowed FactBase like any other.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import compress
from typing import TYPE_CHECKING, Any

from asiapac_cli.facts import model
from asiapac_cli.facts.base import EventStore, FactBase
from asiapac_cli.facts.known_on import day_number, state_day
from asiapac_cli.facts.model import Record

if TYPE_CHECKING:
    from asiapac_cli.facts.records import Citation
from asiapac_cli.facts.names import NAMED_KINDS, name_index

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
# Kinds whose records may be shown in an earlier state before they are known as they stand (an
# ITPP before its agreement, a stance before the statement it records), and how a summary says so.
EARLIER = {"itpps": "under negotiation", "stances": "as first reported"}


class KnownOn:
    """What narrowing the fact base to `day` kept and left out, counted by kind."""

    def __init__(
        self, day: str, known: dict[str, int], later: dict[str, int], earlier: dict[str, int]
    ) -> None:
        self.day = day
        self.known = known
        self.later = later
        self.earlier = earlier  # by kind (EARLIER): records shown in an earlier state, counted in `later`

    @property
    def left_out(self) -> bool:
        """True when anything is later than the day (else the base is the whole fact base)."""
        return any(self.later.values())

    def summary(self) -> str:
        """'as of 2023-06-01: 51 events, 3 stances; 44 events and 4 stances are later'."""
        known = []
        for kind, n in self.known.items():
            earlier = self.earlier.get(kind, 0)
            if earlier:  # shown in an earlier state; known as it stands later
                state = EARLIER[kind]
                shown = (
                    f"{count(n, WORDS[kind])} (and {earlier} {state})"
                    if n
                    else f"{count(earlier, WORDS[kind])} {state}"
                )
                known.append(shown)
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
            "under_negotiation": self.earlier.get("itpps", 0),
            "first_reported": self.earlier.get("stances", 0),
            "later": dict(self.later),
        }


def count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def join_and(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


class Trim:
    """Cuts one record down to what was known on the day."""

    def __init__(self, day: str, days: dict[str, str], holds: Callable[[str], bool]) -> None:
        self.day = day
        self.days = days
        self.holds = holds  # whether the narrowed base holds a record, for references

    def cited(self, citations: Iterable[Citation]) -> list[Citation]:
        return [c for c in citations if self.days[c["source"]] <= self.day]

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
                trimmed[field] = [i for i in record[field] if self.holds(i)]
        return trimmed

    def actor(self, actor: Record) -> Record:
        """An actor with only the offices held by the day and cited by then; an office still
        held on the day has no end yet (its end is later knowledge)."""
        if not actor.get("offices"):
            return actor
        offices = []
        for office in actor["offices"]:
            began = office.get("from") or min(office.get("in_office_on") or ["9999"])
            cited = self.cited(office["sources"])
            if model.date_bounds(began)[1] > self.day or not cited:
                continue
            kept = {**office, "sources": cited}
            if office.get("until") and model.date_bounds(office["until"])[1] > self.day:
                del kept["until"]
            kept["in_office_on"] = [
                d for d in office.get("in_office_on") or [] if model.date_bounds(d)[1] <= self.day
            ]
            if not kept["in_office_on"]:
                del kept["in_office_on"]
            offices.append(kept)
        trimmed = dict(actor)
        if offices:
            trimmed["offices"] = offices
        else:
            del trimmed["offices"]
        return trimmed

    def earlier(self, kind: str, record: Record) -> Record | None:
        """A record of a kind in EARLIER as the latest earlier state known on the day gives it."""
        return self.earlier_itpp(record) if kind == "itpps" else self.earlier_stance(record)

    def earlier_itpp(self, itpp: Record) -> Record | None:
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

    def earlier_stance(self, stance: Record) -> Record | None:
        """A stance before the statement it records, as the latest report known then gives it
        (its position, date, summary and sources; not the later words or occasion); else None."""
        states = self.states(stance)
        if not states:
            return None
        latest = states[-1]
        view: Record = {
            "id": stance["id"],
            "topic": stance["topic"],
            "actor": stance["actor"],
            "position": latest["position"],
            "date": latest["date"],
        }
        if "ally" in stance:
            view["ally"] = stance["ally"]
        for field in ("summary", "note"):
            if latest.get(field):
                view[field] = latest[field]
        view["evidence"] = latest["evidence"]
        view["sources"] = latest["sources"]
        return view


def narrow(fb: FactBase, day: str) -> FactBase:
    """`fb` as it stood on `day` (an ISO date), with a KnownOn saying what was left out."""
    return KnownOnBase(fb, day)


class KnownOnBase(FactBase):
    """A FactBase narrowed to a day. Only the events' `known` column is read up front (the
    events kept are a list of positions in the whole store); each table, the indexes of ids and
    names and the events' reach are narrowed when a query first asks for them, so a lookup
    pays for what it reads and no more."""

    def __init__(self, whole: FactBase, day: str) -> None:
        days = whole.known_days()
        events = whole.events
        threshold = day_number(day)
        positions = list(compress(range(len(events)), map(threshold.__ge__, events.column("known"))))

        def column(name: str) -> list[Any]:
            values = events.column(name)
            return values if len(positions) == len(values) else list(map(values.__getitem__, positions))

        def fetch(position: int) -> Record:
            return self.trim.record(events.record(positions[position]))

        # The head the file gives; events_through is the reach of the events kept (a property).
        head = {"schema_version": whole.base["schema_version"], "checked_on": whole.base["checked_on"]}
        super().__init__(head, EventStore(len(positions), column, fetch), whole.known_days)
        self.whole = whole
        self.day = day
        self.days = days
        self.positions = positions
        self.trim = Trim(day, days, self.holds)
        self._tables: dict[str, dict[str, Record]] = {}
        self._names: dict[str, dict[str, str]] = {}
        self._kept_events: set[str] | None = None
        self._reach: list[str | None] = []
        self._gaps: list[Record] | None = None
        self.known = self.count()

    def count(self) -> KnownOn:
        """What is kept and what is later, by kind, from the days alone (nothing is trimmed)."""
        known = {"events": len(self.positions)}
        totals = {"events": len(self.whole.events)}
        for kind in COUNTED[1:]:
            ids = self.whole.table(kind)
            totals[kind] = len(ids)
            known[kind] = sum(1 for i in ids if self.days[i] <= self.day)
        earlier = {
            kind: sum(
                1
                for i, record in self.whole.table(kind).items()
                if self.days[i] > self.day and self.trim.states(record)
            )
            for kind in EARLIER
        }
        return KnownOn(self.day, known, {k: totals[k] - known[k] for k in COUNTED}, earlier)

    def table(self, kind: str) -> dict[str, Record]:
        if kind == "actors":  # vocabulary, but a person's offices are facts with sources
            if kind not in self._tables:
                self._tables[kind] = {i: self.trim.actor(a) for i, a in self.whole.table(kind).items()}
            return self._tables[kind]
        if kind in VOCABULARY:
            return self.whole.table(kind)
        if kind not in self._tables:
            self._tables[kind] = self.narrowed_table(kind)
        return self._tables[kind]

    def narrowed_table(self, kind: str) -> dict[str, Record]:
        whole = self.whole.table(kind)
        if kind == "sources":
            return {i: s for i, s in whole.items() if self.days[i] <= self.day}
        table: dict[str, Record] = {}
        for record_id, record in whole.items():
            if self.days[record_id] <= self.day:
                table[record_id] = self.trim.record(record)
            elif kind in EARLIER:  # not known as it stands yet: perhaps in an earlier state
                earlier = self.trim.earlier(kind, record)
                if earlier is not None:
                    table[record_id] = earlier
        return table

    def holds(self, record_id: str) -> bool:
        """Whether this base holds the record (vocabulary always; an ITPP or a stance also in an
        earlier state)."""
        kind = self.whole.kind_of(record_id)
        if kind is None:
            return False
        if kind in VOCABULARY:
            return True
        if kind == "events":
            if self._kept_events is None:
                ids = self.whole.events.column("ids")
                self._kept_events = {ids[i] for i in self.positions}
            return record_id in self._kept_events
        if kind in EARLIER:  # may be held in an earlier state
            return record_id in self.table(kind)
        return self.days[record_id] <= self.day

    @property
    def gaps(self) -> list[Record]:
        if self._gaps is None:
            trimmed = (trimmed_gap(g, self.holds) for g in self.whole.gaps)
            self._gaps = [gap for gap in trimmed if gap is not None]
        return self._gaps

    @property
    def stated_events_through(self) -> str | None:
        if not self._reach:
            stated = self.whole.stated_events_through
            all_kept = len(self.positions) == len(self.whole.events)
            self._reach.append(
                stated if stated is None or all_kept else reach(self.whole.events, self.positions)
            )
        return self._reach[0]

    def kind_of(self, record_id: str) -> str | None:
        return self.whole.kind_of(record_id) if self.holds(record_id) else None

    def names(self, kind: str) -> dict[str, str]:
        if kind not in self._names:
            if kind in VOCABULARY:
                self._names[kind] = self.whole.names(kind)
            elif kind in NAMED_KINDS:
                self._names[kind] = name_index(list(self.table(kind).values()))
            else:
                self._names[kind] = {n: i for n, i in self.whole.names(kind).items() if self.holds(i)}
        return self._names[kind]


def trimmed_gap(gap: Record, holds: Callable[[str], bool]) -> Record | None:
    """A gap about records of which some are kept, naming only those; None when none is."""
    records = gap.get("records")
    if not records:
        return gap
    known = [r for r in records if holds(r)]
    return {**gap, "records": known} if known else None


def reach(events: Any, positions: list[int]) -> str | None:
    """The date the latest of the kept events reaches, as written (its end, else its date)."""
    if not positions:
        return None
    ends: list[str] = events.column("hi")
    furthest = max(map(ends.__getitem__, positions))
    latest = next(i for i in positions if ends[i] == furthest)  # the first of equal reaches
    event = events.record(latest)
    reached: str = event.get("end") or event["date"]
    return reached
