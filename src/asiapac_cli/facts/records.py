"""The records' shapes, for the type checker: TypedDicts of the fact file's records.

At run time records stay plain dicts (the marshal cache stores them as they are), so nothing
imports this module at run time: modules that name a shape import it under TYPE_CHECKING.
(Building these classes costs a few milliseconds, every annotation compiled: too much for a
lookup's start-up.) Fields are declared in schema.py; a test keeps these in step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypedDict

if TYPE_CHECKING:  # Python 3.10 has no typing.Required; the annotations are never evaluated
    from typing_extensions import Required


class Citation(TypedDict, total=False):
    source: Required[str]
    quote: str
    locator: str
    translation: str


class Source(TypedDict, total=False):
    id: Required[str]
    title: Required[str]
    publisher: str
    author: str
    date: str
    url: str
    accessed: str
    title_descriptive: bool
    via: str
    kind: Required[str]
    language: str
    note: str


class Actor(TypedDict, total=False):
    id: Required[str]
    name: Required[str]
    kind: Required[str]
    aliases: list[str]
    country: str
    role: str
    family_name: str
    capital: str
    demonyms: list[str]
    abbreviations: list[str]
    not_names: list[str]
    offices: list[dict[str, Any]]  # office, of, title, from, until, ...: `from` is a keyword
    phrases: list[str]
    misspellings: list[str]


class Topic(TypedDict, total=False):
    id: Required[str]
    title: Required[str]
    aliases: list[str]
    description: str
    phrases: list[str]
    misspellings: list[str]


class Attendance(TypedDict, total=False):
    actor: Required[str]
    level: Required[str]
    person: str
    note: str


class Fact(TypedDict, total=False):
    """What every fact record has: an id, an evidence level and its citations."""

    id: Required[str]
    evidence: Required[str]
    correction: str
    note: str
    sources: Required[list[Citation]]


class Event(Fact, total=False):
    date: Required[str]
    end: str
    kind: Required[str]
    title: Required[str]
    summary: str
    place: str
    actors: list[str]
    topics: list[str]
    attendance: list[Attendance]


class Area(TypedDict):
    name: str
    sources: list[Citation]


class Predecessor(TypedDict, total=False):
    title: Required[str]
    signed: str
    note: str
    sources: Required[list[Citation]]


class ItppState(TypedDict, total=False):
    date: Required[str]
    status: Required[str]
    evidence: Required[str]
    note: str
    sources: Required[list[Citation]]


class Itpp(Fact, total=False):
    partner: Required[str]
    title: Required[str]
    agreed: str | None
    period_start: str | None
    period_end: str | None
    areas_total: int | None
    areas: list[Area]
    predecessor: Predecessor
    states: list[ItppState]


class StanceState(TypedDict, total=False):
    date: Required[str]
    position: Required[str]
    summary: str
    evidence: Required[str]
    note: str
    sources: Required[list[Citation]]


class Stance(Fact, total=False):
    topic: Required[str]
    actor: Required[str]
    ally: bool
    position: Required[str]
    date: str
    said: str
    occasion: str
    summary: str
    states: list[StanceState]


class Grouping(Fact, total=False):
    name: Required[str]
    aliases: list[str]
    phrases: list[str]
    misspellings: list[str]
    members: Required[list[str]]
    founded: str
    nature: Required[str]
    events: list[str]


class Claim(Fact, total=False):
    by: Required[str]
    text: Required[str]
    verdict: Required[str]
    records: list[str]


class Gap(TypedDict, total=False):
    id: Required[str]
    text: Required[str]
    records: list[str]


RECORD_TYPES: dict[str, type] = {
    "sources": Source,
    "actors": Actor,
    "topics": Topic,
    "events": Event,
    "itpps": Itpp,
    "stances": Stance,
    "groupings": Grouping,
    "claims": Claim,
}
