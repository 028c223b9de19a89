"""What a sentence claims, in the fact base's terms: one type per kind of claim.

Each claim holds its subject, what is said of it, and the words it came from; `short()` is the
text form a reader sees ("France – opposed – Tokyo office"), `as_dict()` the JSON form. Claims
are made by `extract.py` and judged by `judges.py`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Protocol

from asiapac_cli.check.dates import When, say_when


class Names(Protocol):
    def name(self, record_id: str) -> str: ...


LEVELS = {
    "leader": "leader",
    "deputy-leader": "deputy leader",
    "minister": "a minister",
    "official": "an official",
}
POSITION_VERBS = {
    "opposed": "opposed",
    "supported": "supported",
    "proposed": "proposed",
    "cautious": "was cautious about",
    "neutral": "was neutral on",
}


def on(when: When) -> str:
    """'on 12 July 2023', 'in July 2023', 'a month later'."""
    text = say_when(when)
    if when.relative:
        return text
    return f"on {text}" if when.precision in ("day", "days") else f"in {text}"


def article(noun: str) -> str:
    return ("an " if noun[:1] in "aeiou" else "a ") + noun


def ordinal(n: int) -> str:
    return {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth"}.get(n, f"{n}th")


def plain(claim: Any) -> dict[str, Any]:
    """A claim as JSON: its kind first, dates as {text, from, to}."""
    fields = asdict(claim)
    for key, value in fields.items():
        if isinstance(getattr(claim, key), When):
            when = getattr(claim, key)
            fields[key] = {"text": say_when(when), "from": when.lo.isoformat(), "to": when.hi.isoformat()}
        elif isinstance(value, tuple):
            fields[key] = list(value)
    return {"kind": claim.kind, **fields}


@dataclass(frozen=True)
class Attended:
    """A country (through a person, an office or a level, or none of these) took part in a
    summit, or did not."""

    summit: str
    country: str
    person: str | None = None
    level: str | None = None
    attended: bool = True
    words: str = ""
    kind = "attended"

    def short(self, names: Names) -> str:
        parts = [
            names.name(self.summit),
            names.name(self.country),
            self.level or "",
            names.name(self.person or ""),
        ]
        text = " – ".join(p for p in parts if p)
        return text if self.attended else text + " – did not attend"

    def sentence(self, names: Names) -> str:
        who = names.name(self.person) if self.person else names.name(self.country)
        how = f" ({LEVELS.get(self.level, self.level)})" if self.level else ""
        verb = "attended" if self.attended else "did not attend"
        return f"{who}{how} {verb} {names.name(self.summit)}"


@dataclass(frozen=True)
class AttendedTogether:
    """Countries took part in a summit together for the first time, or for the n-th summit running."""

    summit: str
    countries: tuple[str, ...]
    first: bool = False
    running: int = 0
    unit: str = "summit"  # "for the second year running" counts years, "summit" summits
    words: str = ""
    kind = "attended-together"

    def short(self, names: Names) -> str:
        who = ", ".join(names.name(c) for c in self.countries)
        how = "first time together" if self.first else f"{self.running} {self.unit}s running"
        return f"{names.name(self.summit)} – {who} – {how}"

    def sentence(self, names: Names) -> str:
        who = ", ".join(names.name(c) for c in self.countries)
        how = (
            "together for the first time"
            if self.first
            else f"for the {ordinal(self.running)} {self.unit} running"
        )
        return f"{who} attended {names.name(self.summit)} {how}"


@dataclass(frozen=True)
class Visited:
    person: str
    country: str
    when: When
    words: str = ""
    kind = "visited"

    def short(self, names: Names) -> str:
        return f"{names.name(self.person)} – visited {names.name(self.country)} – {say_when(self.when)}"

    def sentence(self, names: Names) -> str:
        return f"{names.name(self.person)} visited {names.name(self.country)} {on(self.when)}"


@dataclass(frozen=True)
class HasAreas:
    partner: str
    count: int
    words: str = ""
    kind = "has-areas"

    def short(self, names: Names) -> str:
        return f"{names.name(self.partner)}'s ITPP – {self.count} areas"

    def sentence(self, names: Names) -> str:
        return f"{names.name(self.partner)}'s ITPP has {self.count} areas"


@dataclass(frozen=True)
class Period:
    partner: str
    first: int
    last: int
    words: str = ""
    kind = "period"

    def short(self, names: Names) -> str:
        return f"{names.name(self.partner)}'s ITPP – {self.first}–{self.last}"

    def sentence(self, names: Names) -> str:
        return f"{names.name(self.partner)}'s ITPP runs {self.first}–{self.last}"


@dataclass(frozen=True)
class Agreed:
    partners: tuple[str, ...]
    when: When
    words: str = ""
    kind = "agreed"

    def short(self, names: Names) -> str:
        who = " and ".join(names.name(p) for p in self.partners)
        return f"{who} – ITPP agreed – {say_when(self.when)}"

    def sentence(self, names: Names) -> str:
        who = " and ".join(f"{names.name(p)}'s" for p in self.partners)
        noun = "ITPPs were" if len(self.partners) > 1 else "ITPP was"
        return f"{who} {noun} agreed {on(self.when)}"


@dataclass(frozen=True)
class Dated:
    """An event happened, or a grouping was founded or revived, on the date given."""

    record: str
    when: When
    what: str = "event"  # summit | event | founded | revived
    words: str = ""
    kind = "dated"

    def short(self, names: Names) -> str:
        verb = {"founded": "founded", "revived": "revived"}.get(self.what, "held")
        return f"{names.name(self.record)} – {verb} – {say_when(self.when)}"

    def sentence(self, names: Names) -> str:
        verb = {"founded": " was founded", "revived": " was revived", "summit": " took place"}.get(
            self.what, ","
        )
        return f"{names.name(self.record)}{verb} {on(self.when)}"


@dataclass(frozen=True)
class Position:
    holder: str
    topic: str
    position: str
    person: str | None = None
    first: When | None = None  # "first objected in September 2023"
    words: str = ""
    kind = "position"

    def short(self, names: Names) -> str:
        who = names.name(self.holder) + (f" ({names.name(self.person)})" if self.person else "")
        text = f"{who} – {self.position} – {names.name(self.topic)}"
        return text + (f" – first in {say_when(self.first)}" if self.first else "")

    def sentence(self, names: Names) -> str:
        who = names.name(self.person) if self.person else names.name(self.holder)
        verb = POSITION_VERBS[self.position] + (" first" if self.first else "")
        when = f" {on(self.first)}" if self.first else ""
        return f"{who} {verb} the {names.name(self.topic)}{when}"


@dataclass(frozen=True)
class Opened:
    topic: str
    words: str = ""
    kind = "opened"

    def short(self, names: Names) -> str:
        return f"{names.name(self.topic)} – opened"

    def sentence(self, names: Names) -> str:
        return f"the {names.name(self.topic)} was opened"


@dataclass(frozen=True)
class IsA:
    grouping: str
    noun: str
    words: str = ""
    kind = "is-a"

    def short(self, names: Names) -> str:
        return f"{names.name(self.grouping)} – {article(self.noun)}"

    def sentence(self, names: Names) -> str:
        return f"{names.name(self.grouping)} is {article(self.noun)}"


@dataclass(frozen=True)
class Members:
    grouping: str
    listed: tuple[str, ...]
    words: str = ""
    kind = "members"

    def short(self, names: Names) -> str:
        return f"{names.name(self.grouping)} – members – " + ", ".join(names.name(m) for m in self.listed)

    def sentence(self, names: Names) -> str:
        return f"{names.name(self.grouping)} is made up of " + ", ".join(names.name(m) for m in self.listed)


@dataclass(frozen=True)
class Repeats:
    """The sentence repeats a statement the fact file records from the seed interview."""

    claim: str
    words: str = ""
    kind = "repeats"

    def short(self, names: Names) -> str:
        return f"the interview's statement {self.claim}"

    def sentence(self, names: Names) -> str:
        return f"the sentence repeats the interview's statement {self.claim}"


@dataclass(frozen=True)
class FormerTitle:
    """'Former French President Emmanuel Macron': the person held the office before the text's
    day and no longer held it then. Said in passing, so it can flag a sentence but never
    confirm one by itself."""

    person: str
    office: str
    of: str
    title: str
    when: When | None = None  # the text's own date; None: judged on the base's day
    words: str = ""
    kind = "former-title"
    incidental = True

    def short(self, names: Names) -> str:
        return f"{names.name(self.person)} – former {self.title}"

    def sentence(self, names: Names) -> str:
        day = f" {on(self.when)}" if self.when else ""
        return f"{names.name(self.person)} was no longer {self.title}{day}"


Claim = (
    Attended
    | AttendedTogether
    | Visited
    | HasAreas
    | Period
    | Agreed
    | Dated
    | Position
    | Opened
    | IsA
    | Members
    | Repeats
    | FormerTitle
)
