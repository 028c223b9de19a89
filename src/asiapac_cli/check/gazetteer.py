"""Names in prose -> the fact base's records, built once per fact base from the data alone.

Every name comes from the fact file: actors' names, aliases, abbreviations, demonyms, capitals,
family names and offices held by date; topics' and groupings' titles, aliases, phrases and
known misspellings; the places of summits. `not_names` ("Korean War", "Indian Ocean") are
names that mean nothing known. Text is matched as tokens against a trie of token sequences,
longest match first, left to right: linear in the text, with no regular expression built from
the names (so a name's length costs nothing but its tokens).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from asiapac_cli.check.lexicon import ENGLISH_WORDS
from asiapac_cli.check.recorded import RecordedStatements
from asiapac_cli.facts import model
from asiapac_cli.facts.base import FactBase
from asiapac_cli.facts.model import Record

# The two records `check`'s questions hinge on, named in this one place: whose summits and
# partnership programmes the fact file records. The gazetteer checks that both exist.
ALLIANCE = "nato"
PROGRAMME_TOPIC = "itpp"

# A word (letters and digits, with inner apostrophes: "NATO's"), or one other character.
TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|[^\w\s]")
JOINERS = frozenset("-–—‐‑")  # "Secretary-General" reads as "Secretary General"
POSSESSIVE = re.compile(r"['’]s$", re.I)
FAR_FUTURE = dt.date(9999, 12, 31)


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str  # as written, without a possessive 's
    norm: str  # case-folded, apostrophes unified
    possessive: bool


def tokens(text: str) -> list[Token]:
    """The tokens names are matched on; hyphens and dashes join words and are left out."""
    found = []
    for m in TOKEN.finditer(text):
        word = m.group(0)
        if word in JOINERS:
            continue
        possessive = POSSESSIVE.search(word) is not None and len(word) > 2
        if possessive:
            word = word[:-2]
        found.append(Token(m.start(), m.end(), word, word.casefold().replace("’", "'"), possessive))
    return found


@dataclass(frozen=True)
class Entity:
    """Something a name may mean: an actor, topic, grouping or summit place (`kind`, `id`)."""

    kind: str
    id: str


@dataclass(frozen=True)
class Entry:
    entity: Entity | None  # None: a name that means nothing the base knows ("Korean War")
    via: str  # name, alias, phrase, misspelling, abbreviation, demonym, capital, family-name, place
    exact: str | None = None  # matched only as written ("US", not "us"; "Kishida", not "kishida")


@dataclass(frozen=True)
class Match:
    start: int  # character offsets in the text
    end: int
    text: str
    entries: tuple[Entry, ...]
    possessive: bool

    def of(self, kind: str) -> list[Entity]:
        return [e.entity for e in self.entries if e.entity is not None and e.entity.kind == kind]

    @property
    def via(self) -> str:
        return self.entries[0].via


@dataclass(frozen=True)
class Tenure:
    person: str
    office: str
    of: str
    first: dt.date
    last: dt.date
    acting: bool
    days: tuple[dt.date, ...] = ()  # when only days in office are known
    title: str = ""  # 'President of the French Republic', as the fact file writes it
    open: bool = False  # no `until`: the sources show the person still in office

    def covers(self, lo: dt.date, hi: dt.date) -> bool:
        if self.days:
            return any(lo <= d <= hi for d in self.days)
        return self.first <= hi and lo <= self.last


@dataclass
class Gazetteer:
    """Every name the fact base gives, and the facts about people that reading prose needs."""

    fb: FactBase
    trie: dict[str, Any] = field(default_factory=dict)  # token -> subtrie; "" -> the entries ending here
    tenures: list[Tenure] = field(default_factory=list)
    summits_at: dict[str, list[Record]] = field(default_factory=dict)
    places: dict[str, str] = field(default_factory=dict)  # place id -> its name as the file writes it
    alliance: str | None = None
    programme_topic: str | None = None
    recorded: RecordedStatements = field(default_factory=RecordedStatements)
    events: list[Record] = field(default_factory=list)
    summits: list[Record] = field(default_factory=list)  # the alliance's summits, in date order
    labels: dict[str, str] = field(default_factory=dict)  # read once: the cache fetches each lazily

    # --- building ---------------------------------------------------------------------------

    def add(self, name: str, entry: Entry) -> None:
        sequence = [t.norm for t in tokens(name)]
        if not sequence:
            return
        node = self.trie
        for norm in sequence:
            node = node.setdefault(norm, {})
        entries: list[Entry] = node.setdefault("", [])
        if entry not in entries:
            entries.append(entry)

    def add_name(self, name: str, entity: Entity, via: str) -> None:
        """A name as prose writes it: a short all-capital form ("IP4", "ROK") only as written; a
        short lower-case typing shortcut ("jp", "au", "us") not at all."""
        letters = [c for c in name if c.isalnum()]
        if len(letters) < 4 and name == name.casefold():
            return
        exact = name if len(letters) <= 4 and name.upper() == name else None
        self.add(name, Entry(entity, via, exact))

    @classmethod
    def build(cls, fb: FactBase) -> Gazetteer:
        gazetteer = cls(fb)
        gazetteer.events = list(fb.events)
        actors = fb.table("actors")
        gazetteer.alliance = ALLIANCE if ALLIANCE in actors else None
        gazetteer.summits = [
            e for e in gazetteer.events if e["kind"] == "summit" and gazetteer.of_alliance(e)
        ]
        gazetteer.programme_topic = PROGRAMME_TOPIC if PROGRAMME_TOPIC in fb.table("topics") else None
        for actor_id, actor in actors.items():
            gazetteer.add_actor(Entity("actor", actor_id), actor)
        for kind, table in (("topic", "topics"), ("grouping", "groupings")):
            for record_id, record in fb.table(table).items():
                entity = Entity(kind, record_id)
                for name in [record.get("title") or record.get("name"), *(record.get("aliases") or [])]:
                    if name:
                        gazetteer.add_titled(name, entity, "name")
                for name in record.get("phrases") or []:
                    gazetteer.add_name(name, entity, "phrase")
                for name in record.get("misspellings") or []:
                    gazetteer.add(name, Entry(entity, "misspelling"))
        gazetteer.add_summits()
        gazetteer.add_family_names(actors)
        gazetteer.recorded = RecordedStatements.build(fb)
        return gazetteer

    def add_titled(self, name: str, entity: Entity, via: str) -> None:
        """'North Atlantic Treaty Organization (NATO)': the name without its brackets, and each
        bracketed part, as names of their own."""
        self.add_name(re.sub(r"\s*\([^)]*\)", "", name), entity, via)
        for inner in re.findall(r"\(([^)]*)\)", name):
            self.add_name(inner, entity, via)

    def add_actor(self, entity: Entity, actor: Record) -> None:
        self.add_titled(actor["name"], entity, "name")
        for alias in actor.get("aliases") or []:
            self.add_name(alias, entity, "alias")
        for phrase in actor.get("phrases") or []:
            self.add_name(phrase, entity, "phrase")
        for form in actor.get("abbreviations") or []:
            self.add(form, Entry(entity, "abbreviation", form))
        for demonym in actor.get("demonyms") or []:
            self.add(demonym, Entry(entity, "demonym"))
        if actor.get("capital"):
            self.add(actor["capital"], Entry(entity, "capital"))
        for phrase in actor.get("not_names") or []:
            self.add(phrase, Entry(None, "not-a-name"))
        for office in actor.get("offices") or []:
            self.tenures.append(tenure(entity.id, office))

    def add_family_names(self, actors: dict[str, Record]) -> None:
        """A person's family name alone ("Kishida") when no one else in the base has it and it is
        not an English word; matched only capitalised."""
        holders: dict[str, list[str]] = {}
        for actor_id, actor in actors.items():
            if actor["kind"] == "person" and actor.get("family_name"):
                holders.setdefault(actor["family_name"], []).append(actor_id)
        for family, ids in holders.items():
            if len(ids) == 1 and family.casefold() not in ENGLISH_WORDS:
                self.add(family, Entry(Entity("actor", ids[0]), "family-name", family))

    def add_summits(self) -> None:
        """Summit places ("Madrid", "The Hague", "Newport, Wales") -> the summits held there."""
        for event in self.events:
            if event["kind"] != "summit" or not event.get("place"):
                continue
            for place in place_names(event["place"]):
                key = "-".join(t.norm for t in tokens(place))
                self.summits_at.setdefault(key, []).append(event)
                self.places.setdefault(key, place)
                self.add(place, Entry(Entity("place", key), "place"))
                if place.casefold().startswith("the "):
                    self.add(place[4:], Entry(Entity("place", key), "place"))

    # --- reading ------------------------------------------------------------------------------

    def matches(self, text: str) -> list[Match]:
        """Names in `text`, longest first, left to right, not overlapping."""
        toks = tokens(text)
        found: list[Match] = []
        i = 0
        while i < len(toks):
            node = self.trie
            best: tuple[int, list[Entry]] | None = None
            j = i
            while j < len(toks) and toks[j].norm in node:
                node = node[toks[j].norm]
                if "" in node:
                    written = text[toks[i].start : toks[j].start + len(toks[j].text)]
                    usable = [e for e in node[""] if e.exact is None or e.exact == written]
                    if usable:
                        best = (j, usable)
                j += 1
            if best is None:
                i += 1
                continue
            last, entries = best
            if any(e.entity is not None for e in entries):
                end = toks[last].end
                found.append(
                    Match(
                        toks[i].start,
                        end,
                        text[toks[i].start : end],
                        tuple(e for e in entries if e.entity is not None),
                        toks[last].possessive,
                    )
                )
            i = last + 1
        return found

    def holders(self, office: str, of: str, lo: dt.date, hi: dt.date) -> list[Tenure]:
        """Who held `office` of `of` at some time between `lo` and `hi`."""
        return [t for t in self.tenures if t.office == office and t.of == of and t.covers(lo, hi)]

    def offices_of(self, person: str) -> list[Tenure]:
        return [t for t in self.tenures if t.person == person]

    def of_alliance(self, event: Record) -> bool:
        """Whether the alliance took part in an event (a summit there is its own, not the Quad's)."""
        return self.alliance in (event.get("actors") or [])

    def country_of(self, actor_id: str) -> str | None:
        """A person's country, an organisation's or country's own id."""
        actor = self.fb.table("actors").get(actor_id) or {}
        if actor.get("kind") == "person":
            return actor.get("country")
        return actor_id if actor else None

    def is_person(self, actor_id: str) -> bool:
        return (self.fb.table("actors").get(actor_id) or {}).get("kind") == "person"

    def name(self, record_id: str) -> str:
        """What a reading calls a record: 'Washington 2024', 'Tokyo office', 'Kishida', 'South Korea'."""
        if record_id not in self.labels:
            self.labels[record_id] = self.label(record_id)
        return self.labels[record_id]

    def label(self, record_id: str) -> str:
        record = self.fb.get(record_id) or {}
        if record.get("kind") == "summit" and record.get("place") and place_names(record["place"]):
            return f"{next(iter(place_names(record['place'])))} {record['date'][:4]}"
        if record.get("family_name"):
            return str(record["family_name"])
        if "title" in record and "partner" not in record and "date" not in record:  # a topic
            written = [
                a for a in [*(record.get("aliases") or []), *(record.get("phrases") or [])] if a != a.lower()
            ]
            if len(record["title"]) > 24 and written:
                return str(written[0])
        return self.fb.short_name(record_id)


def tenure(person: str, office: Record) -> Tenure:
    first = dt.date.fromisoformat(model.date_bounds(office["from"])[0]) if office.get("from") else dt.date.min
    last = dt.date.fromisoformat(model.date_bounds(office["until"])[1]) if office.get("until") else FAR_FUTURE
    days: tuple[dt.date, ...] = ()
    if not office.get("from") and office.get("in_office_on"):
        days = tuple(dt.date.fromisoformat(model.date_bounds(d)[0]) for d in office["in_office_on"])
    return Tenure(
        person,
        office["office"],
        office["of"],
        first,
        last,
        bool(office.get("acting")),
        days,
        str(office.get("title") or ""),
        not office.get("until"),
    )


NOT_PLACES = ("virtual", "video conference", "videoconference", "online")


def place_names(place: str) -> list[str]:
    """'Madrid (IFEMA)' -> Madrid; 'Newport, Wales' -> Newport, Wales; 'Strasbourg–Kehl' -> both."""
    head = re.split(r"[(]", place)[0].strip().rstrip(",")
    parts = [p.strip() for p in head.split(",") if p.strip()]
    if not parts or parts[0].casefold() in NOT_PLACES:
        return []
    names = [parts[0]]
    if len(parts) > 1 and not re.fullmatch(r"[A-Z]\.?[A-Z]\.?", parts[1]):
        names.append(parts[1])  # "Newport, Wales": the summit is also called after Wales
    for name in list(names):
        names += [p.strip() for p in re.split(r"[–/-]", name) if p.strip() and p.strip() != name]
    return list(dict.fromkeys(names))
