"""A sentence read: what it names, the dates and counts it gives, and the cues that change what
it asserts. `read` is a pure function of the sentence, the gazetteer and a `Context` (what the
text said before: its dateline, its last date and year, the person "he" means, the topic "the
office" means), and returns the next context with the reading.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from typing import Any

from asiapac_cli.check import dates as datelib
from asiapac_cli.check.dates import DATELINE, When
from asiapac_cli.check.gazetteer import Gazetteer
from asiapac_cli.check.lexicon import CORRECTING, NUMBER, OFFICE_WORDS, number_value, words
from asiapac_cli.check.sentences import INVISIBLE, Sentence

OFFICE = words(OFFICE_WORDS)
# "NATO chief", "the alliance's chief": the Secretary General.
CHIEF = re.compile(r"(?<![\w-])(?:chief|head|boss)(?![\w-])", re.I)
SUMMIT_WORD = re.compile(r"(?<![\w-])summit(?:s|ry)?(?![\w-])", re.I)
# "was absent from The Hague", "skipped Vilnius": verbs whose object is an event, so the place
# after them stands for the event held there. Not "travelled to": one travels to a city for a
# state visit too ("Yoon flew to Washington" in April 2023).
GONE_TO = re.compile(
    r"(?<![\w-])(?:absent\s{1,3}from|attended|attend|attends|skipped|skip|skips|missed|snubbed)\s{1,3}$",
    re.I,
)
# "leaders met in Madrid", "gathered in Vilnius": a summit named without the word.
LEADERS_MET = re.compile(
    r"(?<![\w-])(?:leaders|heads\s{1,3}of\s{1,3}(?:state|government))\b[^.;]{0,40}?\b(?:met|gathered|convened)\b",
    re.I,
)
COUNT = re.compile(
    rf"(?<![\w-])(?P<n>{NUMBER})(?:\s{{1,3}}|-)(?:[a-z-]{{1,30}}\s{{1,3}}){{0,2}}?areas?(?![\w-])", re.I
)
DATELINE_LINES = 10
RELATIVE_YEAR = re.compile(r"\s{1,3}(?:last|this|next)\s{1,3}year\b", re.I)
PRONOUN = re.compile(r"(?<![\w-])(?:he|she|him|his|her)(?![\w-])", re.I)
TOPIC_REFERENCE = re.compile(r"(?<![\w-])the\s{1,3}(?:office|plan|proposal|idea|outpost)(?![\w-])", re.I)
QUESTION_END = re.compile(r"\?[\"'”’)\]*_ ]{0,4}$")


@dataclass(frozen=True)
class Mention:
    """A name in the sentence and what it means. `kind` is actor, topic, grouping, place or
    office; for an office, `id` is the office and `of` the country or organisation."""

    start: int
    end: int
    text: str
    kind: str
    id: str
    via: str
    possessive: bool = False
    of: str | None = None
    others: tuple[tuple[str, str], ...] = ()  # (kind, id) this name may also mean


@dataclass(frozen=True)
class SummitRef:
    """A summit the sentence names by its place ("the Vilnius summit", "Madrid 2022")."""

    start: int
    end: int
    text: str
    place: str
    events: tuple[str, ...]  # the summits held there that the words can mean


@dataclass(frozen=True)
class Count:
    value: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Context:
    """What the text said before this sentence, as an immutable value."""

    dateline: When | None = None
    last_date: When | None = None
    year: int | None = None
    person: str | None = None
    topic: str | None = None
    as_of: dt.date | None = None
    today: When | None = None  # the text's own date: its date line, else its dateline
    summit: str | None = None  # the last summit named, for "the previous three summits"
    summit_talk: bool = False  # the text has spoken of a summit: "absent from The Hague" is one


@dataclass(frozen=True)
class Reading:
    sentence: Sentence
    text: str  # the sentence with invisible characters as spaces
    mentions: tuple[Mention, ...]
    summits: tuple[SummitRef, ...]
    dates: tuple[When, ...]  # dates of facts (a dateline's or an anchor's date is not one)
    counts: tuple[Count, ...]
    question: bool
    correcting: bool
    dateline_end: int = 0
    context: Context = field(default_factory=Context)

    def actors(self) -> list[Mention]:
        return [m for m in self.mentions if m.kind == "actor"]

    def topics(self) -> list[Mention]:
        return [m for m in self.mentions if m.kind == "topic"]

    def found(self) -> list[str]:
        """What was recognised, for the `found` column: `actor:japan`, `date:July 2023`, ..."""
        items = [f"{m.kind}:{m.id}" for m in self.mentions if m.kind != "office"]
        items += [
            f"office:{m.id}" + (f"@{m.of}" if m.of else "") for m in self.mentions if m.kind == "office"
        ]
        items += [f"summit:{e}" for s in self.summits for e in s.events][:6]
        items += [f"date:{d.text}" for d in self.dates] + [f"count:{c.text}" for c in self.counts]
        return list(dict.fromkeys(items))


def read(sentence: Sentence, gazetteer: Gazetteer, context: Context) -> tuple[Reading, Context]:
    """The reading of one sentence, and the context the next sentence is read in."""
    text = INVISIBLE.sub(" ", sentence.text)
    mentions = names(text, gazetteer)
    mentions = offices(text, mentions, gazetteer)
    mentions = references(text, mentions, gazetteer, context)
    written = datelib.absolute(text)
    summits = summit_refs(text, mentions, gazetteer, written, context.summit_talk)
    # A place that names a summit is not its country's capital there ("the Washington summit").
    inside = [(s.start, s.end) for s in summits]
    mentions = [
        m
        for m in mentions
        if not (m.kind == "actor" and m.via == "capital" and any(a <= m.start < b for a, b in inside))
    ]
    # A dateline opens a story: only at the head of a line, near the top of the text.
    dateline = DATELINE.match(text) if sentence.line <= DATELINE_LINES and sentence.column == 1 else None
    dateline_end = dateline.end() if dateline else 0
    if dateline is not None:
        stamped = next((w for w in written if w.end <= dateline_end and not w.yearless), None)
        if stamped is not None:
            context = replace(context, dateline=stamped, today=context.today or stamped)
    relative, anchors = datelib.relative(text, written, context.last_date, context.dateline)
    relative += datelib.calendar(text, context.today)
    # "in July last year": the month is the calendar phrase's, not a date of its own; without the
    # text's date it is no date at all.
    written = [
        w
        for w in written
        if not any(r.start <= w.start < r.end for r in relative if not r.relative)
        and not (w.yearless and RELATIVE_YEAR.match(text, w.end))
    ]
    facts = [w for w in written if w.start not in anchors and w.end > dateline_end]
    facts = sorted(facts + relative, key=lambda w: w.start)
    counts = tuple(
        Count(number_value(m.group("n")) or 0, m.start(), m.end(), m.group(0)) for m in COUNT.finditer(text)
    )
    reading = Reading(
        sentence,
        text,
        tuple(mentions),
        tuple(summits),
        tuple(facts),
        counts,
        question=QUESTION_END.search(text.rstrip()) is not None,
        correcting=CORRECTING.search(text) is not None,
        dateline_end=dateline_end,
        context=context,
    )
    return reading, following(reading, gazetteer, context)


def following(reading: Reading, gazetteer: Gazetteer, context: Context) -> Context:
    """The context after `reading`: its last full date and year, its first person and topic, its
    last summit named by one place and date that leave no doubt which."""
    absolute = [d for d in reading.dates if not d.yearless and not d.relative and d.precision != "years"]
    last = reading.dates[-1] if reading.dates and not reading.dates[-1].yearless else None
    person = next((m.id for m in reading.actors() if gazetteer.is_person(m.id)), None)
    topic = next((m.id for m in reading.topics() if m.id in stance_topics(gazetteer)), None)
    summit = next((s.events[0] for s in reversed(reading.summits) if len(s.events) == 1), None)
    talk = context.summit_talk or bool(reading.summits) or SUMMIT_WORD.search(reading.text) is not None
    return replace(
        context,
        last_date=last or context.last_date,
        year=absolute[-1].hi.year if absolute else context.year,
        person=person or context.person,
        topic=topic or context.topic,
        summit=summit or context.summit,
        summit_talk=talk,
    )


def stance_topics(gazetteer: Gazetteer) -> set[str]:
    return {s["topic"] for s in gazetteer.fb.table("stances").values()}


def names(text: str, gazetteer: Gazetteer) -> list[Mention]:
    found = []
    for match in gazetteer.matches(text):
        entities = [e.entity for e in match.entries if e.entity is not None]
        first = entities[0]
        found.append(
            Mention(
                match.start,
                match.end,
                match.text,
                first.kind,
                first.id,
                match.via,
                match.possessive,
                others=tuple((e.kind, e.id) for e in entities[1:]),
            )
        )
    return found


def offices(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """'the French president', "Japan's prime minister", 'President of France', 'NATO chief'."""
    found = list(mentions)
    countries = [m for m in mentions if m.kind == "actor" and not gazetteer.is_person(m.id)]
    for m in OFFICE.finditer(text):
        office = OFFICE_WORDS[" ".join(m.group(0).casefold().replace("-", " ").split())]
        if any(
            x.start <= m.start() < x.end for x in mentions if x.kind != "actor" or gazetteer.is_person(x.id)
        ):
            continue
        before = [c for c in countries if c.end <= m.start() and not text[c.end : m.start()].strip(" ’'s")]
        after = re.match(r"\s{1,3}of\s{1,3}(?:the\s{1,3})?", text[m.end() :])
        of: str | None = before[-1].id if before else None
        if of is None and after:
            at = m.end() + after.end()
            of = next((c.id for c in countries if c.start == at), None)
        if of is None and office == "secretary-general":
            of = gazetteer.alliance
        found.append(Mention(m.start(), m.end(), m.group(0), "office", office, "office", of=of))
    for m in CHIEF.finditer(text):
        before = [c for c in countries if c.end <= m.start() and not text[c.end : m.start()].strip(" ’'s")]
        if before and before[-1].id == gazetteer.alliance:
            found.append(
                Mention(
                    m.start(),
                    m.end(),
                    m.group(0),
                    "office",
                    "secretary-general",
                    "office",
                    of=gazetteer.alliance,
                )
            )
    return sorted(found, key=lambda x: x.start)


def references(text: str, mentions: list[Mention], gazetteer: Gazetteer, context: Context) -> list[Mention]:
    """'he' or 'his' is the previous sentence's first person when this one names none before it;
    'the office' ('the plan') its topic."""
    added = []
    pronoun = PRONOUN.search(text)
    if (
        pronoun
        and context.person
        and not any(
            m.kind == "actor" and gazetteer.is_person(m.id) and m.start < pronoun.start() for m in mentions
        )
    ):
        added.append(
            Mention(pronoun.start(), pronoun.end(), pronoun.group(0), "actor", context.person, "pronoun")
        )
    reference = TOPIC_REFERENCE.search(text)
    if reference and context.topic and not any(m.kind == "topic" for m in mentions):
        added.append(
            Mention(
                reference.start(), reference.end(), reference.group(0), "topic", context.topic, "reference"
            )
        )
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


def fits(when: When, event: dict[str, Any]) -> bool:
    span = datelib.bounds(event["date"], event.get("end"))
    return span is not None and when.lo <= span[1] and span[0] <= when.hi


def summit_refs(
    text: str, mentions: list[Mention], gazetteer: Gazetteer, written: list[When], summit_talk: bool = False
) -> list[SummitRef]:
    """Summits named by place with the word "summit" near ("the Vilnius summit", "the summit in
    Madrid"), by place and year ("Madrid 2022", "the 2024 Washington summit"), or as leaders
    meeting at a place; narrowed to the year written next to the place when there is one. In a
    text that has spoken of a summit, a place right after a verb whose object is an event ("was
    absent from The Hague", "skipped Vilnius") is the summit held there, when it held exactly one
    of the alliance's."""
    found = []
    summit_words = [m.start() for m in SUMMIT_WORD.finditer(text)]
    met = LEADERS_MET.search(text)
    for mention in mentions:
        places = [i for k, i in ((mention.kind, mention.id), *mention.others) if k == "place"]
        if not places:
            continue
        place = places[0]
        events = gazetteer.summits_at.get(place, [])
        year_after = re.match(r"[\s,]{1,3}((?:19|20)\d\d)\b", text[mention.end :])
        year_before = re.search(r"\b((?:19|20)\d\d)\s{1,3}$", text[max(0, mention.start - 8) : mention.start])
        near_word = any(
            mention.end <= s <= mention.end + 14 or mention.start - 36 <= s < mention.start
            for s in summit_words
        )
        is_met = met is not None and met.end() <= mention.start <= met.end() + 20
        gone_to = (
            summit_talk
            and GONE_TO.search(text, max(0, mention.start - 24), mention.start) is not None
            and sum(map(gazetteer.of_alliance, events)) == 1
        )
        if not (near_word or year_after or year_before or is_met or gone_to):
            continue
        year = year_after or year_before
        if year is not None:
            events = [e for e in events if e["date"][:4] == year.group(1)]
        # A grouping named in the sentence means its own summit there ("The Quad held its first
        # in-person summit in Washington"); otherwise the alliance's, not a Quad summit there.
        grouped = {
            event
            for m in mentions
            for kind, record in ((m.kind, m.id), *m.others)
            if kind == "grouping"
            for event in gazetteer.fb.table("groupings")[record].get("events") or []
        }
        of_groupings = [e for e in events if e["id"] in grouped]
        of_alliance = [e for e in events if gazetteer.of_alliance(e)]
        events = of_groupings or of_alliance
        if len(events) > 1 and written:
            # Brussels hosted several summits: the one a date in the sentence falls in.
            fitting = [e for e in events if any(fits(w, e) for w in written if not w.yearless)]
            events = fitting if len(fitting) == 1 else events
        end = year_after.end() + mention.end if year_after else mention.end
        start = mention.start - len(year_before.group(0)) if year_before else mention.start
        found.append(SummitRef(start, end, text[start:end], place, tuple(e["id"] for e in events)))
    return found
