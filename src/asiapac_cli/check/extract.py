"""From a reading to the claims it makes: who holds what, of which record, on which date.

The reader is conservative: a claim is made only when the sentence's structure pins down its
parts (the subject of the verb, the object it governs, the date written next to the thing it
dates). A position belongs to the subject of its verb, not to every actor in the sentence; a
clause under a frame of doubt ("refused to comment on a report that ...") or with a modal or
negation before its verb claims nothing; quantities ("every", "first", "for the second year
running") are claims over several records, made only where they can be judged over all of
them. What cannot be pinned down yields no claim, never a guess.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from asiapac_cli.check import lexicon as lx
from asiapac_cli.check.claims import (
    Agreed,
    Attended,
    AttendedTogether,
    Claim,
    Dated,
    FormerTitle,
    HasAreas,
    IsA,
    Members,
    Opened,
    Period,
    Position,
    Repeats,
    Visited,
)
from asiapac_cli.check.dates import When
from asiapac_cli.check.gazetteer import Gazetteer
from asiapac_cli.check.reading import Mention, Reading, SummitRef

CLAUSE_BREAK = re.compile(r";|\s[–—]\s|,?\s{1,3}(?:while|whereas|but|although|though|however|yet)\s", re.I)
SUBORDINATOR = lx.words(
    (
        "that",
        "when",
        "after",
        "before",
        "because",
        "since",
        "as",
        "if",
        "which",
        "who",
        "whose",
        "where",
        "until",
        "once",
        "and then",
    )
)
PREPOSITIONS = (
    "by",
    "of",
    "in",
    "to",
    "from",
    "with",
    "at",
    "for",
    "against",
    "unlike",
    "like",
    "than",
    "including",
    "besides",
    "despite",
    "toward",
    "towards",
    "about",
    "over",
    "on",
    "into",
    "among",
    "between",
    "via",
    "through",
    "behind",
    "after",
    "before",
    "during",
    "amid",
    "without",
)
PREPOSITION = lx.words(PREPOSITIONS)
# ', who said Albanese was busy,': a relative clause between a subject and its verb (bounded, so
# the search stays linear).
CLOSED_RELATIVE = re.compile(r",\s{1,3}(?:who|which|whose|whom)\b[^,;]{0,200},", re.I)
# Verbs that introduce what someone said ('said', 'adding'), after which a new subject starts.
# In lower case only, and without the forms that are as often nouns or names ('the United
# States', 'reports', 'notes').
REPORTED = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(v for v in lx.REPORTING if v not in ("states", "reports", "notes"))
    + r"|adding|saying|noting|stressing|telling)(?![\w-])"
)
SPEAKER_AGAIN = re.compile(r"(?<![\w-])(?:he|she|it|they|we)(?![\w-])", re.I)
LAST_WORD = re.compile(r"([\w'’-]+)\W{0,3}$")
PASSIVE_BY = re.compile(r"\s{0,3}by\b", re.I)
AUXILIARY = lx.words(("did", "does", "do", "was", "were", "is", "are", "has", "have", "had", "be", "been"))
OWN = re.compile(r"(?<![\w-])(?:its|their|his|her)(?![\w-])", re.I)
DATE_FILLER = re.compile(
    r"(?:[\s,(]|\b(?:was|were|is|are|has|had|been|being|be|held|took|place|ran|met|meet|gathered|convened|opened|began|"
    r"started|on|in|from|of|at|during|between|the|summit|summits|NATO['’]?s?|alliance['’]?s?|leaders['’]?)\b)*",
    re.I,
)
REFERENCE_POINT = lx.words(
    (
        "before",
        "after",
        "ahead of",
        "since",
        "until",
        "following",
        "prior to",
        "on the eve of",
        "on the sidelines of",
        "on the margins of",
        "in the run-up to",
        "by the time of",
    )
)
ITPP_OWNER_AFTER = re.compile(r"\s{0,3}(?:with|between)\s{1,3}(?:NATO\s{1,3}and\s{1,3}|the\s{1,3})?", re.I)
COUNT_VERB = re.compile(
    r"(?:\b(?:has|have|had|includes?|including|included|covers?|covering|covered|lists?|listing|listed|"
    r"address(?:es|ed|ing)?|comprises?|comprising|contains?|containing|spans?|spanning|sets?\s{1,3}out|"
    r"setting\s{1,3}out|consists?\s{1,3}of|with|across|ranging\s{1,3}over|of)\b|:)(?:\s{1,3}\S{1,30}){0,3}?\s{0,3}$",
    re.I,
)
COUNT_QUALIFIED = re.compile(
    r"(?:\s{1,3}of\s{1,3}(?:them|these|its|the))?\s{0,3}(?:\w{1,20}\s{1,3}){0,3}?(?:are|were|is|have\s{1,3}been|had\s{1,3}been)?"
    r"\s{0,3}(?:named|listed|published|known|public|identified|priority|prioriti[sz]ed)\b",
    re.I,
)
COUNT_OF = re.compile(r"(?:\s{1,3}\w{1,20})?\s{1,3}of\s{1,3}(?:co-?operation|partnership)\b", re.I)
PREDECESSOR = lx.words(
    ("predecessor", "previous", "former", "IPCP", "IPCPs", "earlier programme", "old programme")
)
GROUP_ALL = re.compile(r"(?<![\w-])(?:all|the)\s{1,3}four(?![\w-])", re.I)
RUNNING = re.compile(
    rf"(?<![\w-])(?P<n>{'|'.join(lx.ORDINALS)})\s{{1,3}}(?:(?:year|summit|time)s?\s{{1,3}})?(?:running|in\s{{1,3}}a\s{{1,3}}row)|"
    rf"(?P<m>{'|'.join(lx.ORDINALS)})\s{{1,3}}consecutive\s{{1,3}}(?:year|summit|time)s?",
    re.I,
)
# "attended the previous three summits", "has been at the last two NATO summits": a run of summits
# counted back from a reference (see Extractor.series), right after the verb.
SERIES = re.compile(
    rf"\s{{1,3}}(?:all\s{{1,3}}(?:of\s{{1,3}})?)?(?:the|its|their|his|her)\s{{1,3}}(?:previous|last|past|preceding)\s{{1,3}}"
    rf"(?P<n>{lx.NUMBER})\s{{1,3}}(?:(?:NATO|annual|alliance|leaders['’]?)\s{{1,3}}){{0,2}}summits\b",
    re.I,
)
# How long before a text's own date a summit must have ended for "the last three summits" to be
# read from that date: a text written during or just after a summit may or may not count it.
SERIES_QUIET_DAYS = 30

OBJECT_GAP = re.compile(
    r"(?:\s|,|\b(?:the|a|an|this|that|its|their|his|her|country|NATO['’]?s?|alliance['’]?s?|annual|leaders['’]?|year['’]?s?|"
    r"summits?\s{1,3}(?:in|at)|in|at|from|(?:19|20)\d\d)\b){0,16}",
    re.I,
)
COORDINATED = re.compile(
    r"(?:\s|,|\band\b|\bthe\b|\bin\b|\bat\b|\bof\b|\bsummits?\b|\bNATO['’]?s?\b|\b(?:19|20)\d\d\b)*", re.I
)
SIDED = lx.words(("sided with", "joined", "teamed up with", "lined up with", "aligned with", "stood with"))
AGAINST = re.compile(
    r"\s{1,3}(?:in\s{1,3}(?:opposing|objecting\s{1,3}to|resisting|its\s{1,3}opposition\s{1,3}to)|against)\s{1,3}",
    re.I,
)
ATTACHED = re.compile(r"\s{1,3}(?:in|on|of)\s{1,3}", re.I)  # "the next summit in June"
ADJECTIVAL = re.compile(r"\b(?:is|are|was|were|been|be|being)\s{1,3}(?:\w{2,20}ly\s{1,3})?$", re.I)
QUOTED = re.compile(r"“[^”]{0,400}”|\"[^\"]{0,400}\"")
FIRST_TOGETHER = lx.words(("for the first time", "first time", "first ever", "first-ever", "debut"))


def clauses(text: str) -> list[tuple[int, int]]:
    """Pieces of a sentence that make separate assertions: 'A opposed it, while B backed it'."""
    spans = []
    start = 0
    for m in CLAUSE_BREAK.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if b > a]


def clause_at(spans: list[tuple[int, int]], position: int) -> tuple[int, int]:
    return next(((a, b) for a, b in spans if a <= position < b), spans[-1])


class Reader:
    """The claims of one reading; the gazetteer resolves people, offices and groups."""

    def __init__(self, reading: Reading, gazetteer: Gazetteer) -> None:
        self.r = reading
        self.gz = gazetteer
        self.text = reading.text
        self.clauses = clauses(reading.text)
        self.quotes = [(q.start(), q.end()) for q in QUOTED.finditer(reading.text)]
        self.verb_start = 0

    # --- the grammar's small pieces ------------------------------------------------------------

    def words(self, start: int, end: int) -> str:
        return " ".join(self.text[start:end].split())

    def asserted(self, clause_start: int, verb_start: int, subject_end: int) -> bool:
        """No modal, negation or intention between subject and verb, no doubt framing the clause."""
        aux = self.text[subject_end:verb_start]
        if lx.NEGATION.search(aux) or lx.MODAL.search(aux) or lx.INTENTION.search(aux):
            return False
        return not lx.DOUBTING.search(self.text, clause_start, verb_start)

    def negated(self, subject_end: int, verb_start: int) -> bool:
        return lx.NEGATION.search(self.text[subject_end:verb_start]) is not None

    def subjects(self, verb_start: int, clause_start: int) -> list[Mention]:
        """The actors and offices a verb's subject names: the nearest comma-piece before the verb
        (after any subordinator) that names one not governed by a preposition; adjuncts such
        as 'unlike Tokyo' or 'after lobbying by Tokyo' are skipped."""
        self.verb_start = verb_start
        # A relative clause closed before the verb is not where its subject is ('Marles, who
        # said Albanese was busy, attended ...'): nothing inside it is read.
        closed = [(m.start(), m.end()) for m in CLOSED_RELATIVE.finditer(self.text, clause_start, verb_start)]

        def outside(position: int) -> bool:
            return not any(a <= position < b for a, b in closed)

        start = clause_start
        for m in SUBORDINATOR.finditer(self.text, clause_start, verb_start):
            if outside(m.start()):
                start = m.end()
        # What a reporting verb introduces has a subject of its own: 'Marles said Albanese
        # attended' is about Albanese, not Marles.
        reporter = start
        for m in REPORTED.finditer(self.text, start, verb_start):
            if outside(m.start()):
                start = m.end()
        # ... unless it is the speaker again: 'Macron said on Wednesday he opposed the office'.
        named = any(start <= m.start < verb_start and self.is_agent(m) for m in self.r.mentions)
        if start != reporter and not named and SPEAKER_AGAIN.search(self.text, start, verb_start):
            start = reporter
        pieces = []
        piece_start = start
        for comma in re.finditer(",", self.text[start:verb_start]):
            pieces.append((piece_start, start + comma.start()))
            piece_start = start + comma.end()
        pieces.append((piece_start, verb_start))
        pieces = [(a, b) for a, b in pieces if outside(a)]
        for a, b in reversed(pieces[-4:]):
            piece = self.text[a:b]
            if not piece.strip():
                continue
            found = [
                m
                for m in self.r.mentions
                if a <= m.start < b and outside(m.start) and self.is_agent(m) and self.free(m, a)
            ]
            if found:
                return found
            if PREPOSITION.fullmatch(piece.split()[0]):
                continue  # an adjunct ("unlike Tokyo", "after lobbying by Tokyo"): look before it
            if re.search(r"[A-Za-z]{3,}", piece):
                return []  # the subject is something else ("the plan stalled")
        return []

    def is_agent(self, mention: Mention) -> bool:
        """An actor, an office, or a grouping with members ('the four partners', 'IP4')."""
        return mention.kind in ("actor", "office") or any(
            k == "grouping" for k, _ in ((mention.kind, mention.id), *mention.others)
        )

    def free(self, mention: Mention, piece_start: int) -> bool:
        """Not governed by a preposition ('by Tokyo', 'in Tokyo'), except 'of' after a level
        ('the leaders of Japan'); not inside a quotation that the verb is outside of."""
        if any(a < mention.start < b <= self.verb_start for a, b in self.quotes):
            return False
        before = self.text[piece_start : mention.start]
        last = LAST_WORD.search(before)
        if last is None or not PREPOSITION.fullmatch(last.group(1)):
            return True
        if last.group(1).casefold() == "of":
            head = LAST_WORD.search(before[: last.start()])
            return head is not None and lx.LEVEL.fullmatch(head.group(1)) is not None
        return False

    def countries_of(self, mentions: Iterable[Mention]) -> list[str]:
        """The countries or organisations the subject mentions stand for, each once."""
        found: list[str] = []
        for m in mentions:
            if m.kind == "office" and m.of:
                found.append(m.of)
            elif m.kind == "actor":
                country = self.gz.country_of(m.id)
                if country:
                    found.append(country)
        return list(dict.fromkeys(found))

    def group_members(self, start: int, end: int) -> list[str]:
        """'the four Indo-Pacific partners', 'IP4', 'all four': a grouping's members."""
        for m in self.r.mentions:
            if start <= m.start < end:
                for kind, record in ((m.kind, m.id), *m.others):
                    if kind == "grouping":
                        return list(self.gz.fb.table("groupings")[record]["members"])
        return []

    def dates_in(self, start: int, end: int) -> list[When]:
        return [d for d in self.r.dates if start <= d.start < end]

    def year_of(self, when: When, summit: str | None = None) -> When | None:
        """A year-less date gets the year of the summit it is about, else the text's year."""
        if not when.yearless:
            return when
        year = None
        if summit is not None:
            event = self.gz.fb.get(summit)
            year = int(event["date"][:4]) if event else None
        today = self.r.context.today
        if year is None and today is not None:
            # The text's own date fixes it: the latest such day on or before the text's date.
            year = (
                today.lo.year
                if (when.lo.month, when.lo.day) <= (today.lo.month, today.lo.day)
                else today.lo.year - 1
            )
        return when.with_year(year) if year else None

    # --- the claims ---------------------------------------------------------------------------

    def claims(self) -> list[Claim]:
        if self.r.question or self.r.correcting:
            return []
        found: list[Claim] = []
        found += self.attendance()
        found += self.summit_dates()
        found += self.positions()
        found += self.programmes()
        found += self.visits()
        found += self.topic_events()
        found += self.states()
        found += self.groupings()
        found += self.former_titles()
        found += [
            Repeats(claim, self.words(0, len(self.text))) for claim in self.gz.recorded.repeated(self.text)
        ]
        return list(dict.fromkeys(found))

    def attendance(self) -> list[Claim]:
        """'Albanese attended the Washington summit', 'Australia sent its deputy prime minister to
        the Washington summit', 'Japan was represented by its foreign minister at The Hague', 'the
        leaders of all four partners attended the Vilnius summit', 'Kishida travelled to Madrid
        for the NATO summit', 'did not attend', 'skipped'."""
        if not self.r.summits and not SERIES.search(self.text):
            return []
        found: list[Claim] = []
        verbs = [(m, "attend") for m in lx.ATTEND.finditer(self.text)]
        verbs += [(m, "sent") for m in lx.SENT.finditer(self.text)]
        verbs += [(m, "away") for m in lx.STAYED_AWAY.finditer(self.text)]
        for verb, how in sorted(verbs, key=lambda v: v[0].start()):
            clause_start, clause_end = clause_at(self.clauses, verb.start())
            passive = (
                how == "sent"
                and verb.group(0).casefold().endswith("by")
                or bool(how == "attend" and PASSIVE_BY.match(self.text, verb.end()))
            )
            if how == "sent":  # "sent its foreign minister to The Hague summit"
                summits = [s for s in self.r.summits if verb.end() <= s.start < clause_end and s.events][:1]
            else:
                summits = self.objects(verb.end(), clause_end)
            counted = SERIES.match(self.text, verb.end()) if how == "attend" else None
            if counted:  # "attended the previous three summits": those, or nothing
                summits = [] if passive else self.series(counted, verb.start())
            elif not summits and len(self.r.summits) == 1 and self.r.summits[0].start < verb.start():
                summits = list(self.r.summits)  # "At Madrid 2022, the four partners attended"
            if how == "sent" and passive:
                passive = False  # "Japan was represented by Iwaya": the country is the subject
            summits = [s for s in summits if len(s.events) == 1]
            if not summits:
                continue
            subject = self.subjects(verb.start(), clause_start)
            subject_end = max((m.end for m in subject), default=clause_start)
            if not subject and not passive:
                continue
            if not self.asserted(clause_start, verb.start(), subject_end) and not (
                how == "attend" and self.negated(subject_end, verb.start())
            ):
                continue
            attended = how != "away" and not self.negated(subject_end, verb.start())
            if how == "away" and lx.NEGATION.search(self.text[subject_end : verb.start()]):
                continue  # "did not skip": too rare to read safely
            for summit in summits:
                event = summit.events[0]
                people, countries, level = self.attendees(subject, verb, how, passive, summit)
                words = self.words(min([m.start for m in subject] + [verb.start()]), summit.end)
                for person, country in people:
                    found.append(Attended(event, country, person, level, attended, words))
                for country in countries:
                    found.append(Attended(event, country, None, level, attended, words))
                group = [c for _, c in people] + countries
                if attended and len(group) > 1:
                    found += self.together(event, tuple(group), verb.start(), summit, words)
        return found

    def series(self, match: re.Match[str], verb_start: int) -> list[SummitRef]:
        """'(attended) the previous three summits': the summits counted back from a reference. A
        summit this sentence names before the phrase is it; else 'previous' counts back from the
        last summit the text named, and 'last' or 'past' from the text's own date (when no summit
        had just ended: one that just ended may or may not be counted). Nothing when the count
        reaches an extraordinary meeting (people count the annual summits; the base holds both),
        goes past the base's first summit, or the verb is negated ('not all' or 'none'?)."""
        if lx.NEGATION.search(self.text[max(0, verb_start - 12) : verb_start]):
            return []
        written = match.group("n").casefold()
        count = lx.NUMBERS[written] if written in lx.NUMBERS else int(written)
        summits = self.gz.summits
        named = [s.events[0] for s in self.r.summits if s.end <= verb_start and len(s.events) == 1]
        counted_back = re.search(r"previous|preceding", match.group(0), re.I) is not None
        reference = named[-1] if named else (self.r.context.summit if counted_back else None)
        today = self.r.context.today
        if reference is not None:
            day = str((self.gz.fb.get(reference) or {}).get("date", ""))
            before = [e for e in summits if str(e["date"]) < day]
        elif today is not None and not counted_back:
            ended = [e for e in summits if str(e.get("end") or e["date"]) < today.lo.isoformat()]
            last_end = str(ended[-1].get("end") or ended[-1]["date"]) if ended else ""
            if len(last_end) != 10 or (today.lo - dt.date.fromisoformat(last_end)).days < SERIES_QUIET_DAYS:
                return []
            before = ended
        else:
            return []
        chosen = before[-count:] if 1 < count <= len(before) else []
        if any("extraordinary" in str(e["title"]).casefold() for e in chosen):
            return []
        return [SummitRef(match.start(), match.end(), match.group(0).strip(), "", (e["id"],)) for e in chosen]

    def objects(self, verb_end: int, clause_end: int) -> list[SummitRef]:
        """The summits a verb governs: one named right after it ('attended the Vilnius summit',
        'travelled to Madrid for the NATO summit'), and those coordinated with it ('the NATO
        summits in Madrid and Vilnius'); not one in a later phrase ('..., a year after their
        debut at Madrid', 'joined France during the Vilnius summit')."""
        after = [s for s in self.r.summits if verb_end <= s.start < clause_end and s.events]
        if not after or not OBJECT_GAP.fullmatch(self.text[verb_end : after[0].start]):
            return []
        governed = [after[0]]
        for summit in after[1:]:
            if not COORDINATED.fullmatch(self.text[governed[-1].end : summit.start]):
                break
            governed.append(summit)
        return governed

    def attendees(
        self, subject: list[Mention], verb: re.Match[str], how: str, passive: bool, summit: SummitRef
    ) -> tuple[list[tuple[str, str]], list[str], str | None]:
        """(person, country) pairs, countries without a person, and the level the words give."""
        if how == "sent":
            # "Australia sent its deputy prime minister", "Japan was represented by Iwaya": the
            # subject is the country; who went is named after the verb (before the summit when the
            # summit follows).
            stop = summit.start if summit.start > verb.end() else clause_at(self.clauses, verb.start())[1]
            between = [m for m in self.r.mentions if verb.end() <= m.start < stop]
            between = [m for m in between if not lx.INSTEAD.search(self.text[max(0, m.start - 20) : m.start])]
            senders = self.countries_of(subject)
            level = self.level_in(verb.end(), summit.start)
            named = [m.id for m in between if m.kind == "actor" and self.gz.is_person(m.id)]
            offices = [m for m in between if m.kind == "office"]
            if len(senders) != 1:
                return [], [], None
            if named:
                return [(named[0], senders[0])], [], level
            if offices and offices[0].of in (None, senders[0]):
                office_person = self.holder(offices[0].id, senders[0], summit)
                if office_person:
                    return [(office_person, senders[0])], [], level
            return [], senders, level
        if passive:
            return [], [], None
        level = self.level_in(max(0, min(m.start for m in subject) - 40), verb.start())
        people: list[tuple[str, str]] = []
        countries: list[str] = []
        persons = [m for m in subject if m.kind == "actor" and self.gz.is_person(m.id)]
        for m in persons:
            if lx.INSTEAD.search(self.text[max(0, m.start - 20) : m.start]):
                continue
            country = self.gz.country_of(m.id)
            if country:
                people.append((m.id, country))
        taken = {c for _, c in people}
        for m in subject:
            if m.kind == "office" and m.of and m.of not in taken:
                person = self.holder(m.id, m.of, summit)
                if person:
                    people.append((person, m.of))
                else:
                    countries.append(m.of)
                taken.add(m.of)
        for m in subject:
            if (
                m.kind == "actor"
                and not self.gz.is_person(m.id)
                and m.id not in taken
                and m.id != self.gz.alliance
            ):
                countries.append(m.id)
                taken.add(m.id)
        start = min(m.start for m in subject)
        if GROUP_ALL.search(self.text, max(0, start - 30), verb.start()) or any(
            (k == "grouping") for m in subject for k, _ in ((m.kind, m.id), *m.others)
        ):
            for member in self.group_members(max(0, start - 30), verb.start()):
                if member not in taken:
                    countries.append(member)
        return people, countries, level

    def level_in(self, start: int, end: int) -> str | None:
        """The attendance level words between `start` and `end` give ('leaders', 'its deputy
        prime minister'); None when they give none or several."""
        said = {
            lx.LEVEL_WORDS[" ".join(m.group(0).casefold().split())]
            for m in lx.LEVEL.finditer(self.text, start, end)
        }
        return said.pop() if len(said) == 1 else None

    def holder(self, office: str, of: str, summit: SummitRef) -> str | None:
        event = self.gz.fb.get(summit.events[0])
        if event is None:
            return None
        from asiapac_cli.check.dates import bounds

        span = bounds(event["date"], event.get("end"))
        if span is None:
            return None
        holders = {t.person for t in self.gz.holders(office, of, *span) if not t.acting}
        return holders.pop() if len(holders) == 1 else None

    def together(
        self, event: str, countries: tuple[str, ...], verb_start: int, summit: SummitRef, words: str
    ) -> list[Claim]:
        """'for the first time', 'for the second year running' said of a group at one summit."""
        clause_start, clause_end = clause_at(self.clauses, verb_start)
        piece_start = (
            self.text.rfind(",", 0, summit.start) + 1
            if self.text.rfind(",", 0, summit.start) > clause_start
            else 0
        )
        found: list[Claim] = []
        window = self.text[:clause_end]
        running = RUNNING.search(window)
        if running:
            n = lx.ORDINALS[(running.group("n") or running.group("m")).casefold()]
            unit = "summit" if re.search(r"summit", running.group(0), re.I) else "year"
            found.append(AttendedTogether(event, countries, running=n, unit=unit, words=words))
        first = FIRST_TOGETHER.search(self.text, piece_start, clause_end)
        if first and not running:
            found.append(AttendedTogether(event, countries, first=True, words=words))
        return found

    def summit_dates(self) -> list[Claim]:
        """A date written next to a summit's name: 'the Vilnius summit on 11–12 July 2023', 'NATO
        leaders gathered in Vilnius on ...', 'The Madrid summit, where ..., was held in June 2021'."""
        found: list[Claim] = []
        for summit in self.r.summits:
            if len(summit.events) != 1:
                continue
            clause_start, clause_end = clause_at(self.clauses, summit.start)
            if lx.STAYED_AWAY.search(self.text, clause_start, clause_end):
                continue  # the date is the cancellation's, not the summit's
            before = REFERENCE_POINT.search(self.text, max(0, summit.start - 24), summit.start)
            pointed = before is not None and before.end() >= summit.start - 12
            named = [(s.start, s.end) for s in self.r.summits if s is not summit]
            if lx.MODAL.search(self.text, clause_start, clause_end) or lx.FUTURE.search(
                self.text, clause_start, clause_end
            ):
                continue  # "will take place in June": a forecast is not judged
            for when in self.dates_in(clause_start, clause_end):
                if any(a <= when.start < b for a, b in named):
                    continue  # "Bucharest 2008, Lisbon 2010": that year is another summit's name
                if pointed and not ATTACHED.fullmatch(self.text[summit.end : when.start]):
                    continue  # "before the Vilnius summit, on 6 July": the date is the other event's
                if when.start >= summit.end:
                    between = self.text[summit.end : when.start]
                    between = re.sub(
                        r",[^,]{0,80},", " ", between
                    )  # "The Madrid summit, where ..., was held"
                    if not DATE_FILLER.fullmatch(between) or len(between) > 60:
                        continue
                elif not DATE_FILLER.fullmatch(self.text[when.end : summit.start]):
                    continue
                dated = self.year_of(when, summit.events[0])
                if dated is not None:
                    found.append(
                        Dated(
                            summit.events[0],
                            dated,
                            what="summit",
                            words=self.words(min(summit.start, when.start), max(summit.end, when.end)),
                        )
                    )
        return found

    def positions(self) -> list[Claim]:
        """'France opposed the office', 'Beijing criticised the proposal for a NATO liaison office
        in Japan', 'NATO's plan for a Tokyo office was opposed by France', "France's opposition to
        the office", 'the French president voiced reservations' (about the topic in context)."""
        topics = [m for m in self.r.topics() if m.id in self.stance_topics()]
        found: list[Claim] = []
        for position, pattern in lx.POSITION_VERB.items():
            for verb in pattern.finditer(self.text):
                clause_start, clause_end = clause_at(self.clauses, verb.start())
                topic = self.governed_topic(verb.end(), clause_end, topics)
                passive = PASSIVE_BY.match(self.text, verb.end()) is not None and bool(
                    re.search(r"\b(?:was|were|is|are|been|being)\s{1,3}$", self.text[: verb.start()], re.I)
                )
                if not passive and ADJECTIVAL.search(self.text, max(0, verb.start() - 24), verb.start()):
                    continue  # "is weakly supported", "was widely opposed": no one is said to hold it
                if passive:
                    topic = next((t for t in topics if clause_start <= t.start < verb.start()), None)
                    if topic is None:
                        continue
                    by = PASSIVE_BY.match(self.text, verb.end())
                    assert by is not None
                    holders = [
                        m
                        for m in self.r.mentions
                        if verb.end() + by.end() - verb.end() <= m.start < clause_end
                        and m.kind in ("actor", "office")
                    ]
                    holders = holders[:1] if holders else []
                    if not self.asserted(clause_start, verb.start(), topic.end):
                        continue
                else:
                    if topic is None:
                        topic = self.topic_in_context(verb.end(), clause_end, topics)
                    if topic is None:
                        continue
                    holders = self.subjects(verb.start(), clause_start)
                    subject_end = max((m.end for m in holders), default=clause_start)
                    if not holders or not self.asserted(clause_start, verb.start(), subject_end):
                        continue
                words = self.words(
                    min([h.start for h in holders] + [verb.start()]), max(topic.end, verb.end())
                )
                first = self.first_date(clause_start, clause_end, verb)
                for holder, person in self.holders_of(holders):
                    found.append(Position(holder, topic.id, position, person, first, words))
        found += self.position_nouns(topics)
        found += self.sided(topics)
        return found

    def sided(self, topics: list[Mention]) -> list[Claim]:
        """'Germany sided with France against the office', 'joined France in opposing it': the
        subject is said to share the opposition."""
        found: list[Claim] = []
        for verb in SIDED.finditer(self.text):
            clause_start, clause_end = clause_at(self.clauses, verb.start())
            ally = next(
                (m for m in self.r.mentions if m.start >= verb.end() and m.kind in ("actor", "office")), None
            )
            if ally is None or self.text[verb.end() : ally.start].strip(" the"):
                continue
            against = AGAINST.match(self.text, ally.end)
            if against is None:
                continue
            topic = next(
                (
                    t
                    for t in topics
                    if t.start >= against.end()
                    and not self.text[against.end() : t.start].strip(" theaNATO'’s")
                ),
                None,
            )
            holders = self.subjects(verb.start(), clause_start)
            subject_end = max((m.end for m in holders), default=clause_start)
            if topic is None or not holders or not self.asserted(clause_start, verb.start(), subject_end):
                continue
            words = self.words(holders[0].start, topic.end)
            for holder, person in self.holders_of(holders):
                found.append(Position(holder, topic.id, "opposed", person, None, words))
        return found

    def stance_topics(self) -> set[str]:
        return {s["topic"] for s in self.gz.fb.table("stances").values()}

    def governed_topic(self, verb_end: int, clause_end: int, topics: list[Mention]) -> Mention | None:
        """The topic a verb governs: named right after it, past only determiners and the words
        for a plan ("NATO's plan to open an office in Tokyo")."""
        for topic in topics:
            if verb_end <= topic.start < clause_end:
                between = self.text[verb_end : topic.start]
                tokens = re.findall(r"[\w'’-]+", between)
                if len(tokens) <= 8 and all(
                    lx.OBJECT_FILLER.fullmatch(t)
                    or any(
                        m.start <= verb_end + between.find(t) < m.end and m.kind == "actor"
                        for m in self.r.mentions
                    )
                    for t in tokens
                ):
                    return topic
                return None
        return None

    def topic_in_context(self, verb_end: int, clause_end: int, topics: list[Mention]) -> Mention | None:
        """An intransitive position ('Macron objected', 'voiced reservations'): the one topic the
        sentence names, or the text's topic; none when the verb has an object of its own."""
        rest = self.text[verb_end:clause_end].strip()
        if rest and not re.match(
            r"(?:[.,;]|because|as|since|and|in|on|at|during|when|after|before|\Z)", rest, re.I
        ):
            return None
        if len({t.id for t in topics}) == 1:
            return topics[0]
        context = self.r.context.topic
        if context and not topics:
            return Mention(verb_end, verb_end, "", "topic", context, "context")
        return None

    def holders_of(self, mentions: list[Mention]) -> list[tuple[str, str | None]]:
        """(country or organisation, the person who spoke for it) for each subject mention."""
        found: list[tuple[str, str | None]] = []
        persons = {
            self.gz.country_of(m.id): m.id for m in mentions if m.kind == "actor" and self.gz.is_person(m.id)
        }
        for country in self.countries_of(mentions):
            found.append((country, persons.get(country)))
        return found

    def first_date(self, clause_start: int, clause_end: int, verb: re.Match[str]) -> When | None:
        """'first objected ... in September 2023': when a position was first held, as said."""
        if not re.search(r"\bfirst\s{1,3}$", self.text[max(0, verb.start() - 8) : verb.start()], re.I):
            return None
        dates = [d for d in self.dates_in(verb.end(), clause_end) if not d.relative]
        return self.year_of(dates[0]) if dates else None

    def position_nouns(self, topics: list[Mention]) -> list[Claim]:
        """ "France's opposition to the office", 'French objections to the plan', 'lobbying by Tokyo'."""
        found: list[Claim] = []
        for position, pattern in lx.POSITION_NOUN.items():
            if position == "proposed":
                continue  # "NATO's proposal" names the plan; it is the topic, not a position
            for noun in pattern.finditer(self.text):
                clause_start, clause_end = clause_at(self.clauses, noun.start())
                owner = [
                    m
                    for m in self.r.mentions
                    if m.kind in ("actor", "office")
                    and m.end <= noun.start()
                    and not self.text[m.end : noun.start()].strip(" '’s")
                ]
                by = re.match(r"\s{1,3}(?:by|from)\s{1,3}(?:the\s{1,3})?", self.text[noun.end() :], re.I)
                if not owner and by:
                    at = noun.end() + by.end()
                    owner = [m for m in self.r.mentions if m.start == at and m.kind in ("actor", "office")]
                if not owner:
                    continue
                topic = next(
                    (
                        t
                        for t in topics
                        if noun.end() <= t.start < clause_end
                        and re.fullmatch(r"[\s\w'’-]{0,40}", self.text[noun.end() : t.start])
                        and re.search(
                            r"\b(?:to|of|for|over|about|on|against)\b", self.text[noun.end() : t.start]
                        )
                    ),
                    None,
                )
                if topic is None:
                    topic = (
                        self.topic_in_context(noun.end(), clause_end, topics) if by or not topics else None
                    )
                if topic is None or not self.asserted(clause_start, noun.start(), owner[0].start):
                    continue
                for holder, person in self.holders_of(owner):
                    found.append(
                        Position(
                            holder,
                            topic.id,
                            position,
                            person,
                            None,
                            self.words(owner[0].start, max(noun.end(), topic.end)),
                        )
                    )
        return found

    def programmes(self) -> list[Claim]:
        """An ITPP's count of areas, its period and when it was agreed; its owner is the partner
        named with it ("Japan's ITPP", "the ITPP between NATO and Korea", "Korea's", "Japan and
        NATO agreed an ITPP")."""
        programme = self.gz.programme_topic
        mentions = [m for m in self.r.topics() if m.id == programme]
        if not mentions:
            return []
        partners = set(i["partner"] for i in self.gz.fb.table("itpps").values())
        found: list[Claim] = []
        for mention in mentions:
            clause_start, clause_end = clause_at(self.clauses, mention.start)
            owners = self.programme_owners(mention, clause_start, clause_end, partners)
            if not owners:
                continue
            for clause in self.clauses:
                if clause[0] >= clause_start and (
                    clause == (clause_start, clause_end) or self.elliptical(clause, partners)
                ):
                    found += self.programme_claims(
                        clause,
                        owners if clause[0] == clause_start else self.elliptical(clause, partners),
                        mention,
                    )
        return found

    def programme_owners(self, mention: Mention, start: int, end: int, partners: set[str]) -> list[str]:
        before = [
            m for m in self.r.mentions if m.kind in ("actor", "office") and start <= m.start < mention.start
        ]
        possessive = [
            m for m in before if m.possessive and not self.text[m.end : mention.start].strip(" '’s")
        ]
        if possessive:
            candidates = possessive[-1:]
        else:
            after = ITPP_OWNER_AFTER.match(self.text, mention.end)
            candidates = []
            if after:
                candidates = [
                    m
                    for m in self.r.mentions
                    if m.kind == "actor"
                    and mention.end <= m.start <= after.end() + 30
                    and m.id != self.gz.alliance
                ]
            if not candidates and lx.AGREE.search(self.text, start, mention.start):
                candidates = before  # "Japan and South Korea signed ITPPs with NATO"
        owners = [self.gz.country_of(m.id) if m.kind == "actor" else m.of for m in candidates]
        return [o for o in dict.fromkeys(owners) if o in partners]

    def elliptical(self, clause: tuple[int, int], partners: set[str]) -> list[str]:
        """ "...; Korea's has 12 areas": a possessive partner standing for its ITPP."""
        text = self.text[clause[0] : clause[1]]
        m = re.match(r"\s{0,3}(?:and\s{1,3})?(?:while\s{1,3})?", text)
        start = clause[0] + (m.end() if m else 0)
        for mention in self.r.mentions:
            if mention.start == start and mention.possessive and mention.kind == "actor":
                country = self.gz.country_of(mention.id)
                if country in partners and re.match(
                    r"\s{1,3}(?:has|have|had|covers|lists|includes)\b", self.text[mention.end :]
                ):
                    return [country]
        return []

    def programme_claims(self, clause: tuple[int, int], owners: list[str], mention: Mention) -> list[Claim]:
        start, end = clause
        found: list[Claim] = []
        if not self.asserted(start, end, start) and lx.NEGATION.search(self.text, start, end):
            return []
        for count in self.r.counts:
            if not start <= count.start < end or len(owners) != 1:
                continue
            if COUNT_QUALIFIED.match(self.text, count.end) or re.search(
                r"\bof\s{1,3}(?:its|the|their)\s{1,3}$", self.text[: count.start]
            ):
                continue  # "ten areas are named", "10 of its 16 areas": not the programme's total
            lead = self.text[max(start, count.start - 40) : count.start]
            if not (COUNT_VERB.search(lead) or COUNT_OF.match(self.text, count.end)):
                continue  # "talks in two areas": not its total
            if PREDECESSOR.search(self.text, max(start, count.start - 60), count.start):
                continue  # "its predecessor covered 5 areas"
            if lx.NEGATION.search(self.text, max(start, count.start - 40), count.start):
                continue
            found.append(
                HasAreas(owners[0], count.value, self.words(min(mention.start, count.start), count.end))
            )
        for when in self.dates_in(start, end):
            if when.period and len(owners) == 1:
                found.append(Period(owners[0], when.period[0], when.period[1], self.words(start, end)))
        agreed = lx.AGREE.search(self.text, start, end)
        if agreed and not PREDECESSOR.search(self.text, start, end):
            dates = [d for d in self.dates_in(start, end) if not d.period]
            if len(dates) == 1:
                dated = self.year_of(dates[0])
                if dated is not None and self.asserted(start, agreed.start(), start):
                    found.append(Agreed(tuple(owners), dated, self.words(start, end)))
        return found

    def visits(self) -> list[Claim]:
        """'Stoltenberg visited Japan in January 2023', 'A month later, he visited Seoul',
        'visited Seoul on 29 January 2023 and Japan two days later'."""
        found: list[Claim] = []
        for verb in lx.VISIT.finditer(self.text):
            clause_start, clause_end = clause_at(self.clauses, verb.start())
            subject = [
                m
                for m in self.subjects(verb.start(), clause_start)
                if m.kind == "actor" and self.gz.is_person(m.id)
            ]
            if len(subject) != 1 or not self.asserted(clause_start, verb.start(), subject[0].end):
                continue
            person = subject[0].id
            home = self.gz.country_of(person)
            places = [
                m
                for m in self.r.mentions
                if m.kind == "actor"
                and verb.end() <= m.start < clause_end
                and not self.gz.is_person(m.id)
                and m.id not in (home, self.gz.alliance)
            ]
            dates = self.dates_in(clause_start, clause_end)
            for index, place in enumerate(places):
                following = places[index + 1].start if index + 1 < len(places) else clause_end
                own = [d for d in dates if place.end <= d.start < following]
                if not own and index == 0:
                    own = [d for d in dates if d.start < place.start or d.start < following]
                if not own:
                    continue
                when = self.year_of(own[0])
                if when is not None:
                    found.append(
                        Visited(
                            person, place.id, when, self.words(subject[0].start, max(place.end, own[0].end))
                        )
                    )
        return found

    def topic_events(self) -> list[Claim]:
        """One-off events of a topic with a date: the Strategic Concept adopted, a mission opened."""
        found: list[Claim] = []
        events = self.gz.events
        for topic in {m.id for m in self.r.topics()}:
            for kind, verb in (("adoption", lx.ADOPT), ("opening", lx.OPENED)):
                match = verb.search(self.text)
                if not match or not self.r.dates:
                    continue
                clause_start, clause_end = clause_at(self.clauses, match.start())
                if not self.asserted(clause_start, match.start(), clause_start) and lx.NEGATION.search(
                    self.text, clause_start, match.start()
                ):
                    continue
                actors = {self.gz.country_of(m.id) for m in self.r.actors()} - {self.gz.alliance, None}
                candidates = [e for e in events if e["kind"] == kind and topic in (e.get("topics") or [])]
                if actors:
                    candidates = [e for e in candidates if actors & set(e.get("actors") or [])]
                dates = [d for d in self.dates_in(clause_start, clause_end)]
                if len(candidates) == 1 and dates:
                    when = self.year_of(dates[-1])
                    if when is not None:
                        found.append(
                            Dated(candidates[0]["id"], when, words=self.words(clause_start, clause_end))
                        )
        return found

    def states(self) -> list[Claim]:
        """'NATO opened its Tokyo liaison office': a proposal the base records as never carried out."""
        found: list[Claim] = []
        for topic in {m.id for m in self.r.topics()} & self.stance_topics():
            for verb in lx.OPENED.finditer(self.text):
                clause_start, clause_end = clause_at(self.clauses, verb.start())
                if not any(clause_start <= m.start < clause_end for m in self.r.topics() if m.id == topic):
                    continue
                lead = self.text[max(clause_start, verb.start() - 40) : verb.start()]
                if lx.NEGATION.search(self.text, clause_start, verb.start()):
                    continue  # "no evidence was found that the office was later opened"
                if lx.INTENTION.search(lead) or lx.MODAL.search(lead):
                    continue
                if lx.INTENTION.search(self.text, verb.end(), min(clause_end, verb.end() + 3)):
                    continue
                if lx.DOUBTING.search(self.text, clause_start, verb.start()):
                    continue
                found.append(Opened(topic, self.words(clause_start, clause_end)))
                break
        return found

    def groupings(self) -> list[Claim]:
        """What a grouping is called ('a collective-defence pact'), who its members are, when it
        was founded or revived."""
        found: list[Claim] = []
        quoted = [(q.start(), q.end()) for q in re.finditer(r"“[^”]{0,300}”|\"[^\"]{0,300}\"", self.text)]
        for mention in self.r.mentions:
            groupings = [i for k, i in ((mention.kind, mention.id), *mention.others) if k == "grouping"]
            if not groupings:
                continue
            grouping = groupings[0]
            record = self.gz.fb.table("groupings")[grouping]
            clause_start, clause_end = clause_at(self.clauses, mention.start)
            if lx.NEGATION.search(self.text, clause_start, clause_end):
                continue
            names = " ".join([record["name"], *(record.get("aliases") or [])]).casefold()
            for noun in lx.KIND_NOUNS:
                for m in re.finditer(rf"\b{noun}\b", self.text, re.I):
                    if not clause_start <= m.start() < clause_end or noun in names:
                        continue
                    if any(x.start <= m.start() < x.end for x in self.r.mentions):
                        continue  # "the Alliance" is NATO
                    if any(IsA(grouping, noun) == IsA(grouping, c.noun) for c in found if isinstance(c, IsA)):
                        continue
                    if any(a <= m.start() < b for a, b in quoted) or lx.DESCRIBED_AS.search(
                        self.text, max(0, m.start() - 40), m.start()
                    ):
                        continue
                    found.append(IsA(grouping, noun, self.words(mention.start, m.end())))
            cue = lx.MEMBERSHIP.search(self.text, mention.end, clause_end)
            if cue is not None and cue.start() - mention.end <= 40:
                listed = [
                    m.id
                    for m in self.r.mentions
                    if m.kind == "actor"
                    and m.start >= cue.start()
                    and m.start < clause_end + 200
                    and not self.gz.is_person(m.id)
                ]
                listed = list(dict.fromkeys(listed))
                if len(listed) >= 2:
                    found.append(
                        Members(grouping, tuple(listed), self.words(mention.start, self.r.mentions[-1].end))
                    )
            founded = lx.FOUNDED.search(self.text, mention.start, clause_end) or lx.FOUNDED.search(
                self.text, clause_start, mention.start
            )
            revived = lx.REVIVED.search(self.text, clause_start, clause_end)
            dates = self.dates_in(clause_start, clause_end)
            verb = revived or founded
            if verb is not None and dates:
                # The date written after the verb is its own ("proposed in 2007, and revived on 12
                # November 2017"); else the nearest.
                after = [d for d in dates if d.start >= verb.end()]
                dates = after or sorted(dates, key=lambda d: abs(d.start - verb.start()))
            if dates and (founded or revived):
                when = self.year_of(dates[0])
                if when is not None:
                    found.append(
                        Dated(
                            grouping,
                            when,
                            "revived" if revived else "founded",
                            self.words(mention.start, dates[0].end),
                        )
                    )
        return found

    def former_titles(self) -> list[Claim]:
        """'Former French President Emmanuel Macron', 'ex-Prime Minister Shinzo Abe': a title
        right before a person's name, with 'former' before the title (and its country). Only
        for an office the base records the person holding, so a gap in the file is no error."""
        found: list[Claim] = []
        mentions = self.r.mentions
        for office, person in zip(mentions, mentions[1:], strict=False):
            if office.kind != "office" or person.kind != "actor" or not self.gz.is_person(person.id):
                continue
            if self.text[office.end : person.start].strip():
                continue
            start = office.start
            country = [
                m
                for m in mentions
                if m.kind == "actor"
                and m.id == office.of
                and m.end <= office.start
                and not self.text[m.end : office.start].strip(" ’'s")
            ]
            if country:
                start = country[-1].start
            former = lx.FORMER.search(self.text, 0, start)
            if former is None:
                continue
            held = [t for t in self.gz.offices_of(person.id) if t.office == office.id]
            places = {t.of for t in held if office.of in (None, t.of)}
            if len(places) != 1:  # not on record, or 'former president' of which country is unclear
                continue
            of = places.pop()
            title = next(t.title for t in held if t.of == of)
            words = self.words(former.start(), person.end)
            found.append(FormerTitle(person.id, office.id, of, title, self.r.context.today, words))
        return found


def extract(reading: Reading, gazetteer: Gazetteer) -> list[Claim]:
    """Every claim the sentence makes that the fact base could speak to."""
    return Reader(reading, gazetteer).claims()
