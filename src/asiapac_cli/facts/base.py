"""The validated fact base: small tables in memory, events behind a columnar index.

Events are the one kind of record that grows without bound, so a query first scans compact
columns (dates, kinds, actors, topics) and only then fetches the few full records it needs.
The same shape is built from a freshly parsed file or read lazily from the cache.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from asiapac_cli import vocab
from asiapac_cli.facts import model
from asiapac_cli.facts.model import Record
from asiapac_cli.facts.names import NAMED_KINDS, name_index

if TYPE_CHECKING:
    from asiapac_cli.errors import Located
    from asiapac_cli.facts.narrow import KnownOn

# Columns kept for every event, in chronological order; `known` is the day each became known.
EVENT_COLUMNS = ("ids", "lo", "hi", "kind", "actors", "topics", "known")
SHORT_NAME = 12  # a name longer than this is shown by a shorter alias in tables, if it has one


class EventStore:
    """Chronological events: columns for scanning, full records fetched by position.

    Each column is loaded on first use, so a query reads only the columns its filters need.
    """

    def __init__(
        self,
        count: int,
        load_column: Callable[[str], list[Any]],
        fetch: Callable[[int], Record],
    ) -> None:
        self._count = count
        self._load_column = load_column
        self._columns: dict[str, list[Any]] = {}
        self._fetch = fetch
        self._positions: dict[str, int] | None = None

    def column(self, name: str) -> list[Any]:
        """One of EVENT_COLUMNS, a value per event in chronological order."""
        if name not in self._columns:
            self._columns[name] = self._load_column(name)
        return self._columns[name]

    def __len__(self) -> int:
        return self._count

    def record(self, position: int) -> Record:
        return self._fetch(position)

    def records(self, positions: Iterable[int]) -> list[Record]:
        return [self._fetch(i) for i in positions]

    def __iter__(self) -> Iterator[Record]:
        return iter(self.records(range(len(self))))

    def position(self, event_id: str) -> int | None:
        if self._positions is None:
            self._positions = {eid: i for i, eid in enumerate(self.column("ids"))}
        return self._positions.get(event_id)

    @staticmethod
    def build_columns(events: list[Record], days: Mapping[str, str]) -> dict[str, list[Any]]:
        """Columns for `events`, which must already be in chronological order; `days` are the
        days the sources count as published (facts/known_on.py)."""
        from asiapac_cli.facts.known_on import event_days

        columns: dict[str, list[Any]] = {name: [] for name in EVENT_COLUMNS}
        for event in events:
            lo = model.date_bounds(event["date"])[0]
            hi = model.date_bounds(event.get("end") or event["date"])[1]
            columns["ids"].append(event["id"])
            columns["lo"].append(lo)
            columns["hi"].append(hi)
            columns["kind"].append(event["kind"])
            columns["actors"].append(tuple(event_actors(event)))
            columns["topics"].append(tuple(event.get("topics") or ()))
        columns["known"] = event_days(events, days)
        return columns

    @classmethod
    def in_memory(cls, events: list[Record], days: Mapping[str, str]) -> EventStore:
        columns = cls.build_columns(events, days)
        return cls(len(events), columns.__getitem__, events.__getitem__)


def event_actors(event: Record) -> list[str]:
    """Actors of an event, with those who took part in a summit (unless marked absent)."""
    names = list(event.get("actors") or [])
    for entry in event.get("attendance") or []:
        if entry["level"] not in vocab.NOT_ATTENDING and entry["actor"] not in names:
            names.append(entry["actor"])
    return names


def chronological(events: list[Record]) -> list[Record]:
    """Events by start date; a stable sort keeps the file's order for equal dates."""
    return sorted(events, key=lambda e: (model.date_bounds(e["date"])[0], e["date"]))


class FactBase:
    """Everything a query may ask of the fact file, with indexes built once per load."""

    def __init__(
        self,
        base: Mapping[str, Any],
        events: EventStore,
        known_days: Callable[[], dict[str, str]] | None = None,
    ) -> None:
        self.base = base
        self.events = events
        self._load_known_days = known_days
        self._known_days: dict[str, str] | None = None
        # Set on a base narrowed to a day (facts.narrow): what it kept and left out.
        self.known: KnownOn | None = None
        # Set by a fresh parse: what is valid but worth a curator's look (undated sources).
        self.warnings: list[Located] = []

    def known_days(self) -> dict[str, str]:
        """Record id -> the day it became known, for sources and fact records but events
        (whose days are the events' `known` column); read from the cache only when asked."""
        if self._known_days is None:
            if self._load_known_days is not None:
                self._known_days = self._load_known_days()
            else:
                from asiapac_cli.facts.known_on import known_days

                self._known_days = known_days(self.base)
        return self._known_days

    @property
    def checked_on(self) -> str:
        """When the sources were last searched and the facts checked against them."""
        return str(self.base["checked_on"])

    @property
    def events_through(self) -> str | None:
        """The latest date the events reach: the file's `events_through`, else the latest event's."""
        return self.stated_events_through or model.latest_event_date(list(self.events))

    @property
    def stated_events_through(self) -> str | None:
        """`events_through` as the fact file states it (None when it does not)."""
        stated: str | None = self.base.get("events_through")
        return stated

    @property
    def gaps(self) -> list[Record]:
        """Known gaps: what the fact base does not cover or could not find."""
        gaps: list[Record] = self.base.get("gaps") or []
        return gaps

    @property
    def schema_version(self) -> int:
        return int(self.base["schema_version"])

    def table(self, kind: str) -> dict[str, Record]:
        """Records of one kind (not events) by id, in file order."""
        table: dict[str, Record] = self.base[kind]
        return table

    def kind_of(self, record_id: str) -> str | None:
        kind: str | None = self.base["record_kinds"].get(record_id)
        return kind

    def get(self, record_id: str) -> Record | None:
        kind = self.kind_of(record_id)
        if kind is None:
            return None
        if kind == "events":
            position = self.events.position(record_id)
            return None if position is None else self.events.record(position)
        return self.table(kind).get(record_id)

    def names(self, kind: str) -> dict[str, str]:
        """Normalised name, alias or id -> id, for one kind of record."""
        names: dict[str, str] = self.base["names"].get(kind, {})
        return names

    def display_name(self, record_id: str) -> str:
        record = self.get(record_id) or {}
        return str(record.get("name") or record.get("title") or record_id)

    def short_name(self, record_id: str) -> str:
        """The name a table shows: 'NATO' for 'North Atlantic Treaty Organization (NATO)',
        'South Korea' for 'Republic of Korea' (the shortest alias written as a name)."""
        name = self.display_name(record_id)
        if name.endswith(")") and " (" in name:
            return name[name.rindex(" (") + 2 : -1]
        if len(name) > SHORT_NAME:
            record = self.get(record_id) or {}
            written = [a for a in record.get("aliases") or [] if a[:1].isupper() and len(a) >= 4]
            shorter = sorted((a for a in written if len(a) < len(name)), key=len)
            if shorter:
                return str(shorter[0])
        return name


def build_base(records: dict[str, list[Record]], schema_version: int, head: dict[str, Any]) -> dict[str, Any]:
    """The marshal-able part of the fact base (everything but the events); `head` holds the
    top-level `checked_on`, `events_through` and `gaps`."""
    base: dict[str, Any] = {
        "schema_version": schema_version,
        "checked_on": head["checked_on"],
        "events_through": head.get("events_through"),
        "gaps": head.get("gaps") or [],
    }
    record_kinds: dict[str, str] = {}
    for kind in model.RECORD_KINDS:
        for record in records.get(kind, []):
            record_kinds[record["id"]] = kind
        if kind != "events":
            base[kind] = {r["id"]: r for r in records.get(kind, [])}
    base["record_kinds"] = record_kinds
    base["names"] = {
        kind: name_index(records.get(kind, []))
        if kind in NAMED_KINDS
        else {r["id"]: r["id"] for r in records.get(kind, [])}
        for kind in model.RECORD_KINDS
    }
    return base
