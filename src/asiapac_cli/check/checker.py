"""Fact-check a text against the fact base: `asiapac check`.

Pure functions over a FactBase. A text is split into sentences (check_text), each sentence
is scanned once for the things the base knows (actors, summits, visits, programmes, topics,
groupings, dates, counts), and judges compare what the sentence asserts with structured
fields of the records: an event's dates, an ITPP's count of areas, date agreed and period,
who attended a summit and at what level, an actor's position on a topic, what a grouping is
and is not, whether a proposed office was ever opened, and the seed interview's recorded
misstatements. Precision comes first: a judge says `contradicted` only when the record it
compares with is the one the sentence must mean and the two cannot both be true.
"""

from __future__ import annotations

import datetime as dt
import gc
import re
from collections.abc import Callable, Iterable
from typing import Any

from asiapac_cli import vocab
from asiapac_cli.check import sentences as check_text
from asiapac_cli.errors import ExitStatus
from asiapac_cli.facts import model
from asiapac_cli.facts.base import FactBase
from asiapac_cli.facts.model import Column, Listing, Record

VERDICTS = vocab.CHECK_VERDICTS
SEVERITY = {"unknown": 0, "confirmed": 1, "contested": 2, "contradicted": 3}
EXIT_CONTRADICTED = ExitStatus.CONTRADICTED  # something in the text is contradicted
MAX_TEXT_BYTES = 16 * 1024 * 1024  # about 100,000 sentences; a longer text is checked in parts
COLUMNS = ["line", "sentence", "verdict", "correction", "records", "sources", "citations", "found"]
TABLE = [
    Column("line"),
    Column("verdict", styled=True),
    Column("sentence", flex=3, least=30),
]

# --- words -------------------------------------------------------------------------------

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
NUMBER_NAMES = """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty"""
NUMBER_WORDS = {word: value for value, word in enumerate(NUMBER_NAMES.split())}
NUMBER_WORDS.update({"a": 1, "an": 1})  # "a month later"

# Knowledge a reader brings that the fact file does not hold as aliases: capitals,
# demonyms, and ways of naming a country that are not its name. Each maps to an actor id;
# None marks a name that must not be read as a known actor ("North Korea" is not Korea).
EXTRA_ACTOR_NAMES: dict[str, str | None] = {
    "tokyo": "japan",
    "japanese": "japan",
    "seoul": "republic-of-korea",
    "south korean": "republic-of-korea",
    "korean": "republic-of-korea",
    "canberra": "australia",
    "australian": "australia",
    "wellington": "new-zealand",
    "new zealand's": "new-zealand",
    "paris": "france",
    "french": "france",
    "élysée": "france",
    "elysee": "france",
    "berlin": "germany",
    "german": "germany",
    "beijing": "china",
    "chinese": "china",
    "china": "china",
    "american": "united-states",
    "the united states of america": "united-states",
    "united states of america": "united-states",
    "britain": "united-kingdom",
    "british": "united-kingdom",
    "moscow": "russia",
    "russian": "russia",
    "russia": "russia",
    "kyiv": "ukraine",
    "ukrainian": "ukraine",
    "indian": "india",
    "north korea": None,
    "north korean": None,
    "dprk": None,
    "korean peninsula": None,
    "korean war": None,
    "indian ocean": None,
    "indian-pacific": None,
    "indian–pacific": None,
    "the alliance": "nato",
    "nato": "nato",
    "nato's": "nato",
    "secretary general": "nato",
    "secretary-general": "nato",
}
# Short aliases matched only as written in capitals ("US", never the pronoun "us").
CAPITAL_ALIASES = {
    "US": "united-states",
    "USA": "united-states",
    "U.S.": "united-states",
    "UK": "united-kingdom",
    "U.K.": "united-kingdom",
    "NZ": "new-zealand",
    "EU": "european-union",
    "ROK": "republic-of-korea",
    "PRC": "china",
}
# Surnames that are also ordinary words or too common to stand alone for one person.
AMBIGUOUS_SURNAMES = frozenset({"key", "park", "lee", "wi", "smith", "jin"})
# Phrases for topics and groupings beyond their aliases in the fact file.
EXTRA_TOPIC_NAMES = {
    "tokyo-office": (
        "office in tokyo",
        "office in japan",
        "office in asia",
        "tokyo office",
        "tokyo liaison office",
        "liaison office",
        "liaison office in tokyo",
        "liaison office in japan",
    ),
    "itpp": (
        "itpps",
        "ittps",
        "tailored partnership programme",
        "tailored partnership programmes",
        "tailored partnership program",
        "tailored partnership programs",
    ),
    "strategic-concept-2022": ("strategic concept",),
    "missions-to-nato": (
        "mission to nato",
        "missions to nato",
        "delegation to nato",
        "mission of japan to nato",
    ),
}
EXTRA_GROUPING_NAMES = {
    "quad": ("quadruple security dialogue", "the quad"),
    "camp-david-trilateral": ("camp david",),
}

STOPWORDS = frozenset(
    """a an the and or of to in on at by for with from as is are was were be been being has have had
    this that these those it its their his her our we they he she them which who whom whose what
    there here than then so such also very more most into over under about between during
    not no nor but if while both each all any some own same other only just can will would should
    could may might must do does did s""".split()  # noqa: SIM905
)
SEED_SPELLINGS = {"ittp": "itpp", "ittps": "itpps", "quadruple": "quadrilateral", "suspects": "sceptics"}

NEGATION = re.compile(r"\b(?:not|never|no|nor|neither|cannot)\b|n['’]t\b", re.I)
WORD = re.compile(r"[A-Za-zÀ-ÿ0-9]+(?:['’][A-Za-z]+)?")

POSITION_WORDS = [
    ("opposed", r"oppos(?:e|ed|es|ing|ition)|reject(?:ed|s|ing)?|resist(?:ed|ance|s)?|"
                r"objected|objects|against|block(?:ed|s)?|veto(?:ed|es)?|sceptics?|skeptics?|"
                r"critici[sz](?:ed|es|ing)|condemn(?:ed|s|ing)?|denounc(?:ed|es|ing)"),
    ("cautious", r"cautio(?:us|n)|hesitan(?:t|cy)|reserv(?:ed|ations)|sceptical|skeptical|wary"),
    ("supported", r"support(?:ed|s|ing|ive)?|back(?:ed|s|ing)|favou?r(?:ed|s)?|welcom(?:ed|es|ing)|"
                  r"endors(?:ed|es)|champion(?:ed|s)?|in favou?r"),
    ("proposed", r"propos(?:ed|es)|suggest(?:ed|s)|float(?:ed|s)|push(?:ed|es)? for|advanc(?:ed|es)|"
                 r"initiat(?:ed|es)|led the"),
]  # fmt: skip
POSITION_RES = [(position, re.compile(rf"\b(?:{words})\b", re.I)) for position, words in POSITION_WORDS]
CLAUSE_SPLIT = re.compile(r";|,?\s+\b(?:while|whereas|but|although|though)\b\s+", re.I)
PASSIVE = re.compile(
    r"\b(?:oppos|reject|resist|block|support|back|favou?r|welcom|endors|propos|suggest|float|advanc)\w*\s+by\b",
    re.I,
)
LOCATIVE = re.compile(r"\b(?:in|at|to|from|of)\s+(?:the\s+)?$", re.I)
PRONOUN = re.compile(r"\b(?:he|she)\b", re.I)
TOPIC_REFERENCE = re.compile(r"\bthe (?:office|plan|proposal|idea)\b", re.I)
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
MODAL = re.compile(r"\b(?:may|might|could|would|should|will)\b", re.I)
# A sentence that says a quoted statement is wrong corrects it; it does not assert it.
CORRECTING = re.compile(
    r"\b(?:is|are|was|were)\s+(?:wrong|incorrect|false|garbled|mistaken|a (?:garbled|wrong|false)\b)|"
    r"\bshould read\b|\bmistranslat",
    re.I,
)
JOIN = re.compile(r"\bjoin(?:ed|s|ing)?\b", re.I)

VISIT = re.compile(
    r"\b(?:visit(?:ed|s|ing)?|trip to|travel(?:l)?ed to|toured|went to|was in|were in|arrived in|arrives in|"
    r"landed in)\b",
    re.I,
)
ATTEND = re.compile(
    r"\b(?:attend(?:ed|s|ing)?|took part|take part|taking part|participat(?:ed|es|ing)|represent(?:ed|s|ing)|"
    r"joined|were at|was at|went to|came to|present at|sent|sends|send)\b",
    re.I,
)
AGREE = re.compile(
    r"\b(?:sign(?:ed|s|ing)?|agree(?:d|s|ing)?|adopt(?:ed|s|ing)?|conclud(?:ed|es|ing)|finali[sz](?:ed|es|ing)|"
    r"launch(?:ed|es)?|approv(?:ed|es)|endorsed|concluded)\b",
    re.I,
)
ADOPT = re.compile(r"\b(?:adopt(?:ed|s|ing|ion)?|approv(?:ed|es|al)|endorsed|agreed)\b", re.I)
OPENED = re.compile(
    r"\b(?:opened|inaugurated|set up|established|launched|has an office|have an office|"
    r"had an office|its office in|office opened|office was opened|office, opened)\b",
    re.I,
)
NOT_ASSERTED = re.compile(
    r"\b(?:to|would|could|may|might|will|shall|should|plan(?:s|ned)?|propos(?:al|ed|es|ing)|idea|"
    r"consider(?:ed|ing)?|discuss(?:ed|ing|ion|ions)?|intend(?:ed|s)?|intention|whether|if|talks?|"
    r"decision|decided|aim(?:ed|s)?|hope[sd]?|want(?:ed|s)?|seek(?:s|ing)?|sought|attempt(?:ed|s)?)\b",
    re.I,
)
FOUNDED = re.compile(r"\b(?:founded|formed|created|established|announced|set up|revived|unveiled)\b", re.I)
MEMBERS = re.compile(
    r"\b(?:between|among|of|comprising|comprises|comprise|made up of|members?|brings together|"
    r"bringing together|includes|including|grouping)\b",
    re.I,
)
# Who a country sent to a summit, as the text says it: the attendance levels of the fact file.
LEVELS = re.compile(
    r"\b(?:deputy (?:prime ministers?|leaders?)|(?:foreign|defen[cs]e) ministers?|ministers?|officials?|"
    r"national security advis[eo]rs?|envoys?|ambassadors?|leaders?|heads? of (?:state|government)|"
    r"prime ministers?|presidents?)\b",
    re.I,
)
LEVEL_OF = {
    "deputy": "deputy-leader",
    "foreign": "minister",
    "defence": "minister",
    "defense": "minister",
    "minister": "minister",
    "ministers": "minister",
    "official": "official",
    "officials": "official",
    "national": "official",
    "envoy": "official",
    "envoys": "official",
    "ambassador": "official",
    "ambassadors": "official",
}
ALL_FOUR = re.compile(r"\b(?:all four|the four|AP4|IP4|four (?:Indo-Pacific|Asia-Pacific) partners)\b", re.I)
# Kinds of summit a fact base may not list; those no summit title of the base names are left
# unjudged (an "extraordinary summit in Brussels" is not the ordinary one held there).
SPECIAL_SUMMITS = ("extraordinary", "emergency", "virtual", "online", "informal")
REFERENCE_POINT = re.compile(
    r"\b(?:before|after|ahead of|since|until|till|following|prior to|by the time of|on the eve of)\s+"
    r"(?:the\s+|NATO['’]s\s+)?(?:\w+\s+)?$",
    re.I,
)
# The sentence is about something else that happened around the summit (its date too).
CANCELLED = re.compile(
    r"\b(?:cancel(?:l)?ed|cancels|postponed|called off|skipped|pulled out|withdrew|declined)\b", re.I
)
# "represented by Marles rather than Albanese": the second person did not attend.
NOT_THIS_ONE = re.compile(
    r"\b(?:rather than|instead of|in place of|replacing|standing in for|not|nor|unlike|except|apart from|"
    r"other than)\s+$",
    re.I,
)
DATELINE = re.compile(r"^[A-Z][A-Z .'’-]+,\s*[^-–—()]{3,30}?\s*(?:\([^)]*\)\s*)?[-–—]", re.UNICODE)
SUMMIT_WORD = re.compile(r"\bsummits?\b", re.I)
ATTENDANCE_WORDS = {
    "leader": "its leader",
    "deputy-leader": "its deputy leader",
    "minister": "a minister",
    "official": "an official",
    "absent": "nobody (it did not take part)",
    "not-known": "someone the sources do not name",
}

# --- dates ---------------------------------------------------------------------------------

MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"  # noqa: E501
DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
YEAR = r"(?:19|20)\d\d"
DASH = r"\s*(?:-|–|—|to|until|and)\s*"
DATE = re.compile(
    rf"""
    (?<![\w])(?=[0-9JFMASONDjfmasondEeLl])  # a quick test before the alternatives (speed)
    (?:(?P<dmdmy>(?P<a1>{DAY})\s+(?P<a2>{MONTH}){DASH}(?P<a3>{DAY})\s+(?P<a4>{MONTH}),?\s+(?P<a5>{YEAR}))
    |(?P<mdmdy>(?P<b1>{MONTH})\s+(?P<b2>{DAY}){DASH}(?P<b3>{MONTH})\s+(?P<b4>{DAY}),?\s+(?P<b5>{YEAR}))
    |(?P<ddmy>(?P<c1>{DAY}){DASH}(?P<c2>{DAY})\s+(?P<c3>{MONTH}),?\s+(?P<c4>{YEAR}))
    |(?P<mddy>(?P<d1>{MONTH})\s+(?P<d2>{DAY}){DASH}(?P<d3>{DAY}),?\s+(?P<d4>{YEAR}))
    |(?P<dmy>(?P<e1>{DAY})\s+(?P<e2>{MONTH}),?\s+(?P<e3>{YEAR}))
    |(?P<mdy>(?P<f1>{MONTH})\s+(?P<f2>{DAY}),\s+(?P<f3>{YEAR}))
    |(?P<iso>(?P<g1>{YEAR})-(?P<g2>[01]\d)-(?P<g3>[0-3]\d))
    |(?P<my>(?:(?:early|mid|late)[-\s])?(?P<h1>{MONTH}),?\s+(?:of\s+)?(?P<h2>{YEAR}))
    |(?P<isom>(?P<k1>{YEAR})-(?P<k2>0[1-9]|1[0-2])(?![\d-]))
    |(?P<yy>(?P<i1>{YEAR})\s*(?:-|–|—|/|to)\s*(?P<i2>{YEAR}|\d\d)\b)
    |(?P<y>(?<![\d$€£.,-])(?P<j1>{YEAR})(?![\d%]|-\d)))
    """,
    re.X | re.I,
)
ANY_YEAR = re.compile(r"(?:19|20)\d\d")
RELATIVE = re.compile(
    r"""\b(?:(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+
    (?P<unit>day|week|month|year)s?\s+(?P<dir>later|afterwards|earlier|after|before)
    |the\s+(?:next|following)\s+(?P<unit2>day|week|month|year)
    |the\s+same\s+(?P<unit3>day|week|month|year)
    |(?P<today>today|yesterday))\b""",
    re.X | re.I,
)
COUNT_QUALIFIED = re.compile(
    r"(?:\s+of\s+(?:them|these|its|the))?\s*(?:\w+\s+){0,3}?(?:are|were|is|have been|had been)?\s*"
    r"(?:named|listed|published|known|public|identified|priority|prioriti[sz]ed)\b",
    re.I,
)
# A count is the programme's total only when the text says the programme has it.
COUNT_VERB = re.compile(
    r"(?:\b(?:has|have|had|includes?|including|included|covers?|covering|covered|lists?|listing|listed|"
    r"address(?:es|ed|ing)?|comprises?|comprising|contains?|containing|spans?|spanning|sets? out|"
    r"setting out|consists? of|with|across|ranging over)\b|:)(?:\s+\S+){0,3}?\s*$",
    re.I,
)
COUNT_OF = re.compile(r"(?:\s+\w+)?\s+of\s+(?:co-?operation|partnership)\b", re.I)
PREDECESSOR = re.compile(r"\b(?:predecessor|previous|former|IPCPs?)\b", re.I)
COUNT = re.compile(
    r"\b(?P<n>\d{1,3}|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty)(?:\s+|-)(?:[a-z-]+\s+){0,2}?areas?\b",
    re.I,
)


class When:
    """A date or period a sentence gives: first and last day it may cover.

    `after`/`before` hold the anchor of a relative date ("a month later"): the event it
    names must begin after (or end before) that day.
    """

    def __init__(
        self,
        lo: dt.date,
        hi: dt.date,
        text: str,
        start: int,
        end: int,
        after: dt.date | None = None,
        before: dt.date | None = None,
        period: tuple[int, int] | None = None,
    ) -> None:
        self.lo, self.hi, self.text, self.start, self.end = lo, hi, text, start, end
        self.after, self.before, self.period = after, before, period
        self.anchor: When | None = None  # for a relative date, the date it counts from
        self.is_anchor = False  # an absolute date written only to anchor a relative one

    def fits(self, lo: dt.date, hi: dt.date) -> bool:
        if self.after is not None and lo <= self.after:
            return False
        if self.before is not None and hi >= self.before:
            return False
        return lo <= self.hi and self.lo <= hi

    def years(self) -> range:
        return range(self.lo.year, self.hi.year + 1)


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, model.days_in_month(year, month))


def day(year: int, month: int, value: str) -> dt.date | None:
    number = int(re.sub(r"\D", "", value))
    if not 1 <= number <= model.days_in_month(year, month):
        return None
    return dt.date(year, month, number)


def month_of(text: str) -> int:
    return MONTHS[text.rstrip(".").casefold()]


def parse_dates(sentence: str) -> list[When]:
    """Every absolute date or period written in `sentence`."""
    found: list[When] = []
    if not ANY_YEAR.search(sentence):
        return found  # every form has a year
    for m in DATE.finditer(sentence):
        g = m.groupdict()
        lo: dt.date | None
        hi: dt.date | None
        period = None
        try:
            if g["dmdmy"]:
                year = int(g["a5"])
                lo, hi = day(year, month_of(g["a2"]), g["a1"]), day(year, month_of(g["a4"]), g["a3"])
            elif g["mdmdy"]:
                year = int(g["b5"])
                lo, hi = day(year, month_of(g["b1"]), g["b2"]), day(year, month_of(g["b3"]), g["b4"])
            elif g["ddmy"]:
                year, month = int(g["c4"]), month_of(g["c3"])
                lo, hi = day(year, month, g["c1"]), day(year, month, g["c2"])
            elif g["mddy"]:
                year, month = int(g["d4"]), month_of(g["d1"])
                lo, hi = day(year, month, g["d2"]), day(year, month, g["d3"])
            elif g["dmy"]:
                lo = hi = day(int(g["e3"]), month_of(g["e2"]), g["e1"])
            elif g["mdy"]:
                lo = hi = day(int(g["f3"]), month_of(g["f1"]), g["f2"])
            elif g["iso"]:
                lo = hi = day(int(g["g1"]), int(g["g2"]), g["g3"])
            elif g["my"]:
                year, month = int(g["h2"]), month_of(g["h1"])
                lo, hi = dt.date(year, month, 1), month_end(year, month)
            elif g["isom"]:
                year, month = int(g["k1"]), int(g["k2"])
                lo, hi = dt.date(year, month, 1), month_end(year, month)
            elif g["yy"]:
                first = int(g["i1"])
                last = int(g["i2"]) if len(g["i2"]) == 4 else first // 100 * 100 + int(g["i2"])
                if last < first:
                    continue
                lo, hi, period = dt.date(first, 1, 1), dt.date(last, 12, 31), (first, last)
            else:
                year = int(g["j1"])
                lo, hi = dt.date(year, 1, 1), dt.date(year, 12, 31)
        except ValueError:
            continue
        if lo is None or hi is None or hi < lo:
            continue
        found.append(When(lo, hi, m.group(0), m.start(), m.end(), period=period))
    return found


def add_months(value: dt.date, months: int) -> dt.date:
    index = value.year * 12 + value.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(value.day, model.days_in_month(year, month + 1)))


def shift(value: dt.date, unit: str, n: int) -> dt.date:
    if unit == "day":
        return value + dt.timedelta(days=n)
    if unit == "week":
        return value + dt.timedelta(weeks=n)
    if unit == "month":
        return add_months(value, n)
    return add_months(value, 12 * n)


SLACK = {"day": 0, "week": 2, "month": 10, "year": 60}  # days of tolerance around "a month later"


def parse_relative(
    sentence: str, absolute: list[When], previous: When | None, dateline: When | None = None
) -> tuple[list[When], set[int]]:
    """'A month later', 'the next day', 'a month after the decision in January 2023', 'today'.

    "Later" counts from the last date before it (in this sentence, else the text's last date);
    "after <something> in <date>" counts from the date that follows; "today" and "yesterday"
    from a dateline ("VILNIUS, 12 July 2023 -"), never from an earlier fact's date. Returns the
    dates and the positions of absolute dates used only as anchors.
    """
    found = []
    anchors: set[int] = set()
    for m in RELATIVE.finditer(sentence):
        unit = (m.group("unit") or m.group("unit2") or m.group("unit3") or "day").casefold()
        direction = (m.group("dir") or "later").casefold()
        explicit = direction in ("after", "before") and re.match(r"\s+\w", sentence[m.end() :]) is not None
        if explicit:
            anchor = next((w for w in absolute if w.start >= m.end()), None)
            if anchor is not None:
                anchors.add(anchor.start)
        else:
            fallback = dateline if m.group("today") else previous
            anchor = next((w for w in reversed(absolute) if w.end <= m.start()), fallback)
        if anchor is None:
            continue
        if m.group("unit3") or (m.group("today") or "").casefold() == "today":
            found.append(When(anchor.lo, anchor.hi, m.group(0), m.start(), m.end()))
            continue
        if m.group("today"):  # yesterday
            day_before = anchor.lo - dt.timedelta(days=1)
            found.append(When(day_before, day_before, m.group(0), m.start(), m.end()))
            continue
        word = (m.group("n") or "one").casefold()
        n = int(word) if word.isdigit() else NUMBER_WORDS.get(word, 1)
        backwards = direction in ("earlier", "before")
        n = -n if backwards else n
        slack = dt.timedelta(days=SLACK[unit])
        lo, hi = shift(anchor.lo, unit, n) - slack, shift(anchor.hi, unit, n) + slack
        relative = When(
            lo,
            hi,
            m.group(0),
            m.start(),
            m.end(),
            after=None if backwards else anchor.hi,
            before=anchor.lo if backwards else None,
        )
        relative.anchor = anchor
        found.append(relative)
    return found, anchors


def record_bounds(start: str | None, end: str | None = None) -> tuple[dt.date, dt.date] | None:
    if not start:
        return None
    lo = model.date_bounds(start)[0]
    hi = model.date_bounds(end or start)[1]
    return dt.date.fromisoformat(lo), dt.date.fromisoformat(hi)


def say_date(start: str, end: str | None = None) -> str:
    """'31 January – 1 February 2023', '11–12 July 2023', 'July 2023', '2023'."""

    def one(text: str, with_year: bool = True, with_month: bool = True) -> str:
        parts = text.split("-")
        names = (
            "January February March April May June July August September October November December".split()  # noqa: SIM905
        )
        if len(parts) == 1:
            return parts[0]
        month = names[int(parts[1]) - 1]
        if len(parts) == 2:
            return f"{month} {parts[0]}" if with_year else month
        bits = [str(int(parts[2]))]
        if with_month:
            bits.append(month)
        if with_year:
            bits.append(parts[0])
        return " ".join(bits)

    if not end or end == start:
        return one(start)
    a, b = start.split("-"), end.split("-")
    if len(a) == 3 and len(b) == 3 and a[0] == b[0]:
        if a[1] == b[1]:
            return f"{int(a[2])}–{one(end)}"
        return f"{one(start, with_year=False)} – {one(end)}"
    return f"{one(start)} – {one(end)}"


# --- the checker ----------------------------------------------------------------------------


class Finding:
    def __init__(self, verdict: str, records: Iterable[str], correction: str = "") -> None:
        self.verdict = verdict
        self.records = list(records)
        self.correction = correction


class Mention:
    def __init__(self, kind: str, ident: str, start: int, end: int, text: str) -> None:
        self.kind, self.id, self.start, self.end, self.text = kind, ident, start, end, text


def alternation(names: Iterable[str]) -> str:
    """A regular expression matching any of `names`, longest first, built as a trie.

    Python's `re` tries the branches of a flat alternation one by one at every position; a
    trie shares their prefixes, which makes recognising a few hundred names several times
    faster.
    """
    trie: dict[str, Any] = {}
    for name in set(names):
        node = trie
        for char in name:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return pattern(trie)


class Checker:
    """Indexes built once from the fact base; `sentence` judges one sentence."""

    def __init__(self, fb: FactBase, min_evidence: str | None = None) -> None:
        self.fb = fb
        limit = vocab.EVIDENCE_LEVELS.index(min_evidence) if min_evidence else len(vocab.EVIDENCE_LEVELS)
        self.allowed = set(vocab.EVIDENCE_LEVELS[: limit + 1])
        self.events: list[Record] = [e for e in fb.events if self.usable(e)]
        self.actors = fb.table("actors")
        self.sources = fb.table("sources")
        self.itpps = {r["partner"]: r for r in fb.table("itpps").values() if self.usable(r)}
        self.groupings = {gid: g for gid, g in fb.table("groupings").items() if self.usable(g)}
        self.stances: dict[str, dict[str, Record]] = {}
        for stance in fb.table("stances").values():
            if self.usable(stance):
                self.stances.setdefault(stance["topic"], {})[stance["actor"]] = stance
        self.build_names()
        self.build_summits()
        self.build_claims()
        self.dateline: When | None = None  # the date of the text's dateline, for "today"

    def usable(self, record: Record) -> bool:
        return record.get("evidence", "well-documented") in self.allowed

    # --- indexes ----------------------------------------------------------------------

    def build_names(self) -> None:
        names: dict[str, tuple[str, str] | None] = {}

        def add(text: str, kind: str, ident: str | None) -> None:
            key = text.casefold().strip()
            if len(key) >= 3 and key not in names:
                names[key] = (kind, ident) if ident else None

        for text, ident in EXTRA_ACTOR_NAMES.items():
            add(text, "actor", ident)
        for gid, grouping in self.fb.table("groupings").items():
            for text in (
                grouping["name"],
                *(grouping.get("aliases") or []),
                *EXTRA_GROUPING_NAMES.get(gid, ()),
            ):
                add(text, "grouping", gid)
        for tid, topic in self.fb.table("topics").items():
            for text in (*EXTRA_TOPIC_NAMES.get(tid, ()), *(topic.get("aliases") or []), topic["title"]):
                add(text, "topic", tid)
        self.surnames: dict[str, str] = {}
        for aid, actor in self.actors.items():
            full = re.sub(r"\s*\(.*?\)", "", actor["name"])
            for text in (full, actor["name"], aid.replace("-", " "), *(actor.get("aliases") or [])):
                add(text, "actor", aid)
            for inner in re.findall(r"\((.*?)\)", actor["name"]):
                add(inner, "actor", aid)
            if actor["kind"] == "person":
                parts = full.split()
                surname = parts[0] if actor.get("country") == "republic-of-korea" else parts[-1]
                if surname.casefold() not in AMBIGUOUS_SURNAMES:
                    self.surnames[surname] = aid
        self.roles = self.build_roles()
        for text, ident in self.roles.items():
            add(text, "actor", ident)
        self.names = names
        self.names_re = re.compile(rf"(?<![\w-])(?:{alternation(names)})(?![\w-])", re.I)
        capitals = {**CAPITAL_ALIASES, **self.surnames}
        self.capitals = capitals
        self.capitals_re = re.compile(rf"(?<![\w.-])(?:{alternation(capitals)})(?![\w-]|\.\w)")

    def build_roles(self) -> dict[str, str]:
        """'French president', 'President of France' -> the one person who held the office."""
        holders: dict[str, set[str]] = {}
        demonyms: dict[str, list[str]] = {}
        for text, ident in EXTRA_ACTOR_NAMES.items():
            if (
                ident
                and text.islower()
                and text.isalpha()
                and text not in ("tokyo", "seoul", "nato", "china")
            ):
                demonyms.setdefault(ident, []).append(text)
        for aid, actor in self.actors.items():
            role = actor.get("role") or ""
            m = re.match(r"(President|Prime Minister) of (?:the )?([A-Z][\w ]+?)(?: \(|;|,|$)", role)
            if not m or actor["kind"] != "person":
                continue
            office, country = m.group(1).casefold(), actor.get("country") or ""
            phrases = [f"{office} of {m.group(2).casefold()}"]
            phrases += [f"{d} {office}" for d in demonyms.get(country, [])]
            for phrase in phrases:
                holders.setdefault(phrase, set()).add(aid)
        # An office several people held ("the Japanese prime minister") names the country.
        return {
            phrase: ids.pop() if len(ids) == 1 else self.actors[next(iter(ids))].get("country") or ""
            for phrase, ids in holders.items()
        }

    def build_summits(self) -> None:
        self.summits_at: dict[str, list[Record]] = {}
        for event in self.events:
            if event["kind"] != "summit" or not event.get("place"):
                continue
            place = re.split(r"[(,]", event["place"])[0].strip()
            if place.casefold() in ("virtual",):
                continue
            for key in {place, place.removeprefix("The ")}:
                self.summits_at.setdefault(key.casefold(), []).append(event)
        titles = " ".join(
            e["title"].casefold()
            for e in self.events
            if e["kind"] == "summit" and "nato" in (e.get("actors") or [])
        )
        special = [word for word in SPECIAL_SUMMITS if word not in titles]
        self.unrecorded = re.compile(rf"\b(?:{'|'.join(special)})\b", re.I) if special else None
        places = alternation(self.summits_at)
        self.place_re = re.compile(rf"(?<![\w-])(?:{places})(?![\w-])", re.I)
        years = [
            int(e["date"][:4])
            for e in self.events
            if e["kind"] == "summit" and "nato" in (e.get("actors") or [])
        ]
        self.summit_years = range(min(years), max(years) + 1) if years else range(0)

    def build_claims(self) -> None:
        self.claims: list[tuple[Record, frozenset[str], frozenset[tuple[str, str]]]] = []
        self.claim_index: dict[str, list[int]] = {}
        for claim in self.fb.table("claims").values():
            if not self.usable(claim) or claim["verdict"] == "opinion":
                continue
            sequence = content_words(claim["text"])
            words = frozenset(sequence)
            if len(words) < 4:
                continue
            for word in words:
                self.claim_index.setdefault(word, []).append(len(self.claims))
            self.claims.append((claim, words, frozenset(zip(sequence, sequence[1:], strict=False))))

    # --- recognition ---------------------------------------------------------------------

    def mentions(self, sentence: str) -> list[Mention]:
        found: list[Mention] = []
        taken: list[tuple[int, int]] = []
        for m in self.names_re.finditer(sentence):
            entry = self.names.get(m.group(0).casefold())
            taken.append(m.span())
            if entry:
                found.append(Mention(entry[0], entry[1], m.start(), m.end(), m.group(0)))
        for m in self.capitals_re.finditer(sentence):
            if any(a <= m.start() < b for a, b in taken):
                continue
            found.append(Mention("actor", self.capitals[m.group(0)], m.start(), m.end(), m.group(0)))
        found.sort(key=lambda x: x.start)
        return found

    # --- one sentence --------------------------------------------------------------------

    def sentence(
        self, text: str, anchor: When | None, before: list[Mention] | None = None
    ) -> tuple[list[Finding], list[str], list[When], list[Mention]]:
        """Findings, names recognised, dates given (for the next sentence) and the mentions.

        `before` holds the previous sentence's mentions: "he" is its first person named, and
        "the office" ("the plan", "the idea") its topic.
        """
        mentions = self.mentions(text)
        if before:
            mentions = self.resolve_references(text, mentions, before)
        absolute = parse_dates(text)
        dateline = DATELINE.match(text)
        if dateline is not None:
            self.dateline = next((w for w in absolute if w.end <= dateline.end()), self.dateline)
        relative, anchors = parse_relative(text, absolute, anchor, self.dateline)
        for when in absolute:
            # "BRUSSELS, July 12, 2024 (Reuters) -": when the story was filed, not a fact's date.
            when.is_anchor = when.start in anchors or (dateline is not None and when.end <= dateline.end())
        every_date = sorted(absolute + relative, key=lambda w: w.start)
        dates = [w for w in every_date if not w.is_anchor]
        counts = [m for m in COUNT.finditer(text)]
        summits = self.summit_mentions(text)
        found = [f"{m.kind}:{m.id}" for m in mentions]
        found += [f"summit:{e['id']}" for e, _ in summits if len(summits) <= 3]
        found += [f"date:{w.text}" for w in dates] + [f"count:{c.group(0)}" for c in counts]
        found = list(dict.fromkeys(found))
        if not mentions and not summits:
            return [], found, dates, mentions
        correcting = bool(CORRECTING.search(text))
        negated = correcting or bool(NEGATION.search(text))
        if text.rstrip("\"'”’)*_ ").endswith("?"):
            return [], found, every_date, mentions  # a question asserts nothing
        findings: list[Finding] = []
        if not correcting:
            findings += self.judge_claims(text)
        findings += self.judge_summits(text, summits, mentions, dates, negated)
        findings += self.judge_visits(text, mentions, every_date, negated)
        findings += self.judge_itpps(text, mentions, dates, counts, negated)
        findings += self.judge_topic_events(text, mentions, dates, negated)
        findings += self.judge_stances(text, mentions)
        findings += self.judge_states(text, mentions, negated)
        findings += self.judge_groupings(text, mentions, dates, negated)
        return findings, found, every_date, mentions

    def resolve_references(self, text: str, mentions: list[Mention], before: list[Mention]) -> list[Mention]:
        added = []
        pronoun = PRONOUN.search(text)
        if pronoun and not any(self.is_person(m) and m.start < pronoun.start() for m in mentions):
            person = next((m for m in before if self.is_person(m)), None)
            if person:
                added.append(Mention("actor", person.id, pronoun.start(), pronoun.end(), pronoun.group(0)))
        reference = TOPIC_REFERENCE.search(text)
        if reference and not any(m.kind == "topic" for m in mentions):
            for topic in dict.fromkeys(m.id for m in before if m.kind == "topic" and m.id in self.stances):
                added.append(Mention("topic", topic, reference.start(), reference.end(), reference.group(0)))
        return sorted(mentions + added, key=lambda m: m.start) if added else mentions

    def is_person(self, mention: Mention) -> bool:
        return mention.kind == "actor" and self.actors.get(mention.id, {}).get("kind") == "person"

    # --- claims --------------------------------------------------------------------------

    def judge_claims(self, text: str) -> list[Finding]:
        """The seed's recorded claims that this sentence repeats, in its words or close to them.

        A claim matches when most of its content words and word pairs are in the sentence, or
        when the sentence is most of a longer claim (a claim may span two sentences).
        """
        sequence = content_words(text)
        words = frozenset(sequence)
        if len(words) < 4:
            return []
        pairs = frozenset(zip(sequence, sequence[1:], strict=False))
        hits: dict[int, int] = {}
        for word in words:
            for index in self.claim_index.get(word, ()):
                hits[index] = hits.get(index, 0) + 1
        findings = []
        for index, shared in hits.items():
            claim, claim_words, claim_pairs = self.claims[index]
            if shared < 4:
                continue
            common = len(pairs & claim_pairs)
            covers_claim = shared / len(claim_words) >= 0.7 and common / max(len(claim_pairs), 1) >= 0.4
            # A sentence that is one half of a claim written as two sentences.
            inside_claim = (
                len(words) >= 6
                and len(words) >= 0.4 * len(claim_words)
                and shared / len(words) >= 0.85
                and common / max(len(pairs), 1) >= 0.75
            )
            if covers_claim or inside_claim:
                findings.append(self.claim_finding(claim))
        return findings

    def claim_finding(self, claim: Record) -> Finding:
        records = [claim["id"], *(claim.get("records") or [])]
        verdict = claim["verdict"]
        correction = claim.get("correction") or claim.get("note") or ""
        if verdict in ("wrong", "imprecise"):
            return Finding("contradicted", records, correction)
        if verdict == "garbled" or (verdict == "unverified" and claim.get("correction")):
            return Finding("contested", records, correction)
        if verdict == "unverified":
            return Finding("contested", records, correction or "The fact base found no source for this.")
        if verdict == "verified-with-caveat":
            return Finding("confirmed", records, f"Right, with a caveat: {correction}")
        return Finding("confirmed", records)

    # --- events with dates ----------------------------------------------------------------

    def summit_mentions(self, text: str) -> list[tuple[Record, int]]:
        """(summit, position) for each summit the sentence names by its place."""
        has_word = bool(SUMMIT_WORD.search(text)) or bool(
            re.search(r"\bleaders\b.*\b(?:met|gathered)\b", text, re.I)
        )
        found: list[tuple[Record, int]] = []
        lowered = text.casefold()
        for m in self.place_re.finditer(text):
            key = m.group(0).casefold()
            near_year = re.match(r"\s+(?:19|20)\d\d\b", text[m.end() :]) or re.search(
                r"\b(?:19|20)\d\d\s+$", text[: m.start()]
            )
            if not (has_word or near_year) or (self.unrecorded and self.unrecorded.search(text)):
                continue
            candidates = self.summits_at.get(key, [])
            grouped = [
                g
                for g in self.groupings.values()
                if any(a.casefold() in lowered for a in g.get("aliases") or [])
            ]
            in_groupings = {e for g in grouped for e in g.get("events") or []}
            narrowed = [e for e in candidates if e["id"] in in_groupings]
            if not narrowed:
                narrowed = [e for e in candidates if "nato" in (e.get("actors") or [])] or candidates
            for event in narrowed:
                found.append((event, m.start()))
        return found

    def judge_dates(
        self,
        events: list[Record],
        position: int,
        dates: list[When],
        comparable: Callable[[When, list[tuple[dt.date, dt.date]]], bool],
        what: str,
    ) -> Finding | None:
        """Compare the sentence's dates with `events` (the record the text must mean).

        Confirmed when any date fits one of them; contradicted when none does and the date
        written nearest `position` is `comparable` with them (the same year, say), so that a
        date the base cannot speak for is left alone; otherwise nothing.
        """
        if not dates or not events:
            return None
        spans = [(e, record_bounds(e["date"], e.get("end"))) for e in events]
        for event, bounds in spans:
            if bounds and any(w.fits(*bounds) for w in dates):
                return Finding("confirmed", [event["id"]])
        nearest = min(dates, key=lambda w: min(abs(w.start - position), abs(w.end - position)))
        if not comparable(nearest, [b for _, b in spans if b]):
            return None
        near = [e for e, b in spans if b and comparable(nearest, [b])] or [e for e, _ in spans]
        told = "; ".join(f"{e['title']}: {say_date(e['date'], e.get('end'))}" for e in near)
        said = nearest.text[0].lower() + nearest.text[1:] if nearest.text[:2].istitle() else nearest.text
        if nearest.after is not None:
            said += f" than {say_iso(nearest.after)}"
        elif nearest.before is not None:
            said += f" than {say_iso(nearest.before)}"
        correction = f"{what}: {told}, not {said}."
        return Finding("contradicted", [e["id"] for e in near], correction)

    def judge_summits(
        self,
        text: str,
        summits: list[tuple[Record, int]],
        mentions: list[Mention],
        dates: list[When],
        negated: bool,
    ) -> list[Finding]:
        findings = []
        by_place: dict[int, list[Record]] = {}
        for event, position in summits:
            by_place.setdefault(position, []).append(event)
        for position, events in by_place.items():
            # A date that fits another summit named in the sentence is not this one's.
            others = [e for p, es in by_place.items() if p != position for e in es]
            own = [
                w
                for w in dates
                if not any(w.fits(*b) for b in (record_bounds(e["date"], e.get("end")) for e in others) if b)
            ]
            # A date far from the summit's name is likely another fact's (a source's date, say).
            bound = [w for w in own if abs(w.start - position) <= 80 or abs(w.end - position) <= 80]

            def same_span(when: When, spans: list[tuple[dt.date, dt.date]]) -> bool:
                if any(y in self.summit_years for y in when.years()):
                    return True
                return any(lo.year in when.years() for lo, _ in spans)

            # "Concluded before the Vilnius summit, on 6 July": the summit is a reference point.
            reference = REFERENCE_POINT.search(text, max(0, position - 30), position) or CANCELLED.search(
                text
            )
            if not negated and not reference:
                found = self.judge_dates(events, position, bound, same_span, "The fact base dates the summit")
                if found:
                    findings.append(found)
            if len(events) == 1 and not negated and not CANCELLED.search(text):
                nearest = [
                    m
                    for m in mentions
                    if min(by_place, key=lambda p, m=m: abs(p - m.start)) == position  # type: ignore[misc]
                ]
                # With several summits named, levels are judged only for the one the verb governs
                # ("... attended the Vilnius summit, a year after their debut at Madrid").
                verb = ATTEND.search(text)
                governed = len(by_place) == 1 or (
                    verb is not None
                    and min((p for p in by_place if p >= verb.end()), default=-1) == position
                    and position - verb.end() <= 40
                )
                findings += self.judge_attendance(text, events[0], nearest, levels=governed)
        return findings

    def judge_attendance(
        self, text: str, summit: Record, mentions: list[Mention], levels: bool
    ) -> list[Finding]:
        """Who attended: named people, or (with one summit in the sentence) a level per country."""
        attendance = {a["actor"]: a for a in summit.get("attendance") or []}
        if not attendance or not ATTEND.search(text):
            return []
        findings = []
        people = [
            m
            for m in mentions
            if self.is_person(m) and not NOT_THIS_ONE.search(text, max(0, m.start - 20), m.start)
        ]
        for mention in people:
            person = self.actors[mention.id]
            entry = attendance.get(person.get("country") or "")
            if entry is None or entry["level"] == "not-known":
                continue  # the sources do not say who came: nothing to judge
            if entry.get("person") == person["name"] and entry["level"] != "absent":
                findings.append(Finding("confirmed", [summit["id"]]))
            else:
                findings.append(Finding("contradicted", [summit["id"]], self.attendance_note(summit, entry)))
        said = {LEVEL_OF.get(m.group(0).casefold().split()[0], "leader") for m in LEVELS.finditer(text)}
        if people or len(said) != 1 or not levels:
            return findings  # no level said, or several: which country sent whom is not clear
        level = said.pop()
        countries = {m.id for m in mentions if m.kind == "actor" and m.id in attendance}
        if ALL_FOUR.search(text):
            countries |= set(attendance)
        for country in sorted(countries):
            entry = attendance[country]
            if entry["level"] == "not-known":
                continue
            if entry["level"] == level:
                findings.append(Finding("confirmed", [summit["id"]]))
            else:
                findings.append(Finding("contradicted", [summit["id"]], self.attendance_note(summit, entry)))
        return findings

    def attendance_note(self, summit: Record, entry: Record) -> str:
        who = ATTENDANCE_WORDS[entry["level"]]
        person = f", {entry['person']}" if entry.get("person") else ""
        country = self.fb.display_name(entry["actor"])
        return f"At the {summit['title']}, {country} was represented by {who}{person}."

    def judge_visits(
        self, text: str, mentions: list[Mention], dates: list[When], negated: bool
    ) -> list[Finding]:
        if negated or not dates or not VISIT.search(text):
            return []
        people = [
            m for m in mentions if m.kind == "actor" and self.actors.get(m.id, {}).get("kind") == "person"
        ]
        findings = []
        for person in people:
            home = self.actors[person.id].get("country")
            places = list(
                {
                    m.id: m
                    for m in reversed(mentions)
                    if m.kind == "actor"
                    and m.id not in (home, "nato", person.id)
                    and self.actors.get(m.id, {}).get("kind") == "country"
                }.values()
            )

            def nearest(when: When, places: list[Mention] = places) -> str:
                return min(places, key=lambda p: abs(p.start - when.start)).id

            for place in places:
                visits = [
                    e
                    for e in self.events
                    if e["kind"] == "visit"
                    and person.id in (e.get("actors") or [])
                    and place.id in (e.get("actors") or [])
                ]
                # Each place has the dates written nearest to it; a date that only anchors a
                # relative one ("a day after ... 29 January") is not this place's own date.
                own = [
                    w
                    for w in dates
                    if nearest(w) == place.id
                    and not (w.is_anchor and any(r.anchor is w and nearest(r) == place.id for r in dates))
                ]
                if not visits or not own:
                    continue

                def same_year(when: When, spans: list[tuple[dt.date, dt.date]]) -> bool:
                    return any(lo.year in when.years() or hi.year in when.years() for lo, hi in spans)

                name = self.actors[person.id]["name"]
                found = self.judge_dates(
                    visits, place.start, own, same_year, f"The fact base dates {name}'s visit"
                )
                if found:
                    findings.append(found)
        return findings

    def judge_itpps(
        self,
        text: str,
        mentions: list[Mention],
        dates: list[When],
        counts: list[re.Match[str]],
        negated: bool,
    ) -> list[Finding]:
        if not any(m.kind == "topic" and m.id == "itpp" for m in mentions):
            return []
        partners = [m for m in mentions if m.kind == "actor" and self.partner_of(m.id) in self.itpps]
        if not partners:
            return []
        findings = []
        for count in counts:
            if COUNT_QUALIFIED.match(text, count.end()) or re.search(
                r"\bof\s+(?:its|the|their)\s+$", text[: count.start()]
            ):
                continue  # "ten areas are named", "10 of its 16 areas": not the programme's total
            lead = text[max(0, count.start() - 40) : count.start()]
            said_total = COUNT_VERB.search(lead) or COUNT_OF.match(text, count.end())
            if not said_total or PREDECESSOR.search(text, max(0, count.start() - 60), count.start()):
                continue  # "talks in two areas", "its predecessor covered 5 areas": not its total
            itpp = self.itpps[self.owner(partners, count.start())]
            word = count.group("n").casefold()
            claimed = int(word) if word.isdigit() else NUMBER_WORDS[word]
            total = itpp.get("areas_total")
            if total is None or negated:
                continue
            if claimed == total:
                findings.append(Finding("confirmed", [itpp["id"]]))
            else:
                findings.append(
                    Finding(
                        "contradicted", [itpp["id"]], f"The {itpp['title']} has {total} areas, not {claimed}."
                    )
                )
        if negated:
            return findings
        for w in dates:
            itpp = self.itpps[self.owner(partners, w.start)]
            if not w.period or not itpp.get("period_start") or not itpp.get("period_end"):
                continue
            want = (int(itpp["period_start"]), int(itpp["period_end"]))
            if w.period == want:
                findings.append(Finding("confirmed", [itpp["id"]]))
            else:
                findings.append(
                    Finding(
                        "contradicted",
                        [itpp["id"]],
                        f"The {itpp['title']} runs {want[0]}–{want[1]}, not {w.text}.",
                    )
                )
        # "The ITPP replaced the IPCP that Japan signed in 2014": that date is the IPCP's.
        programmes = [m for m in mentions if m.kind == "topic" and m.id in ("itpp", "ipcp")]
        plain = [
            w
            for w in dates
            if not w.period and min(programmes, key=lambda m: abs(m.start - w.start)).id == "itpp"
        ]
        if not plain or not AGREE.search(text):
            return findings
        owners = [self.itpps[o] for o in dict.fromkeys(self.partner_of(p.id) or "" for p in partners)]
        if len(owners) > 1:
            # "Japan and Korea agreed their ITPPs in July 2023": confirmed when it holds for
            # each; otherwise too loose to say which date belongs to which programme.
            spans = [record_bounds(i.get("agreed")) for i in owners]
            if all(b and any(w.fits(*b) for w in plain) for b in spans):
                findings.append(Finding("confirmed", [i["id"] for i in owners]))
            return findings
        itpp = owners[0]
        if itpp.get("agreed"):
            agreed = {"id": itpp["id"], "date": itpp["agreed"], "title": itpp["title"]}
            found = self.judge_dates(
                [agreed], partners[0].start, plain, lambda _w, _s: True, "The fact base dates its agreement"
            )
            if found:
                findings.append(found)
        return findings

    def owner(self, partners: list[Mention], position: int) -> str:
        """The partner whose ITPP a count or date at `position` is about: the last one named before it."""
        before = [p for p in partners if p.start < position]
        return self.partner_of((before[-1] if before else partners[0]).id) or ""

    def partner_of(self, actor_id: str) -> str | None:
        actor = self.actors.get(actor_id) or {}
        if actor.get("kind") == "person":
            return actor.get("country")
        return actor_id

    def judge_topic_events(
        self, text: str, mentions: list[Mention], dates: list[When], negated: bool
    ) -> list[Finding]:
        """One-off events of a topic: the Strategic Concept adopted, a mission opened."""
        if negated or not dates:
            return []
        topics = {m.id for m in mentions if m.kind == "topic"}
        actors = {m.id for m in mentions if m.kind == "actor"} - {"nato"}
        findings = []
        for kind, verb in (("adoption", ADOPT), ("opening", OPENED)):
            if not verb.search(text):
                continue
            for topic in sorted(topics):
                events = [e for e in self.events if e["kind"] == kind and topic in (e.get("topics") or [])]
                if actors:
                    events = [e for e in events if actors & set(e.get("actors") or [])]
                if len(events) != 1:
                    continue
                position = next(m.start for m in mentions if m.kind == "topic" and m.id == topic)
                found = self.judge_dates(
                    events, position, dates, lambda _w, _s: True, "The fact base dates it"
                )
                if found:
                    findings.append(found)
        return findings

    # --- positions and states of affairs ---------------------------------------------------

    def judge_stances(self, text: str, mentions: list[Mention]) -> list[Finding]:
        topics = [m.id for m in mentions if m.kind == "topic" and m.id in self.stances]
        if not topics:
            return []
        findings = []
        for clause_start, clause in clauses(text):
            if NEGATION.search(clause) or MODAL.search(clause):
                continue  # "did not oppose", "may need more time": no position asserted
            # "the proposed office" names the proposal; it says nothing of anyone's position.
            wording = re.sub(
                r"\b(?:the|a|an|its|their|'s|’s)\s+proposed\b",
                lambda m: " " * len(m.group(0)),
                clause,
                flags=re.I,
            )
            said = [(m.start(), p) for p, pattern in POSITION_RES for m in pattern.finditer(wording)]
            passive = PASSIVE.search(clause)
            inside = [
                m
                for m in mentions
                if m.kind == "actor"
                and clause_start <= m.start < clause_start + len(clause)
                and not LOCATIVE.search(text, max(0, m.start - 6), m.start)  # "office in Tokyo"
                and not NOT_THIS_ONE.search(text, max(0, m.start - 20), m.start)  # "unlike Tokyo"
            ]
            if passive is not None:  # "opposed by France": who holds the position follows "by"
                subjects = [m for m in inside if m.start >= clause_start + passive.end()]
            elif said:  # "France opposed NATO's plan": who holds it comes before the verb
                first = min(said)[0]
                subjects = [m for m in inside if m.start < clause_start + first]
            else:
                subjects = inside
            for topic in dict.fromkeys(topics):
                stances = self.stances[topic]
                holders = [(m, s) for m in subjects if (s := self.stance_of(stances, m.id)) is not None]
                position = min(said)[1] if said else None
                if position is None and JOIN.search(clause):
                    # "Germany joined France": the joiner is said to share the other's position.
                    known = [(m, s) for m in inside if (s := self.stance_of(stances, m.id)) is not None]
                    if len(known) >= 2:
                        holders, position = known, known[0][1]["position"]
                if position is None:
                    continue
                for _mention, stance in holders:
                    findings.append(self.compare_position(position, stance))
        return findings

    def stance_of(self, stances: dict[str, Record], actor_id: str) -> Record | None:
        if actor_id in stances:
            return stances[actor_id]
        actor = self.actors.get(actor_id) or {}
        if actor.get("kind") == "person" and actor.get("country") in stances:
            return stances[actor["country"]]
        return None

    def compare_position(self, claimed: str, stance: Record) -> Finding:
        actual = stance["position"]
        contested = stance.get("evidence") == "contested"
        supportive = ("supported", "proposed")
        agree = (
            claimed == actual
            or (claimed == "supported" and actual == "proposed")
            or (claimed == "cautious" and actual == "opposed")
        )
        disagree = (
            (claimed == "opposed" and actual in supportive + ("cautious",))
            or (claimed in supportive and actual in ("opposed", "cautious"))
            or (claimed == "cautious" and actual in supportive)
        )
        name = self.fb.display_name(stance["actor"])
        topic = self.fb.display_name(stance["topic"])
        note = f"{name}: {actual} on {topic} (evidence {stance['evidence']})"
        if stance.get("correction"):
            note += f". {stance['correction']}"
        elif stance.get("summary"):
            note += f". {stance['summary']}"
        if contested and (agree or disagree):
            return Finding("contested", [stance["id"]], note)
        if agree:
            return Finding("confirmed", [stance["id"]])
        if disagree:
            return Finding("contradicted", [stance["id"]], note)
        return Finding("unknown", [stance["id"]])

    def judge_states(self, text: str, mentions: list[Mention], negated: bool) -> list[Finding]:
        """A proposal the base records as never carried out, asserted as done."""
        findings = []
        for topic in dict.fromkeys(m.id for m in mentions if m.kind == "topic"):
            stances = self.stances.get(topic, {})
            proposals = [s for s in stances.values() if s["position"] == "proposed"]
            if not proposals or any(
                e["kind"] == "opening" and topic in (e.get("topics") or []) for e in self.events
            ):
                continue
            for m in OPENED.finditer(text):
                lead = text[max(0, m.start() - 40) : m.start()]
                if negated or NOT_ASSERTED.search(lead) or NOT_ASSERTED.search(text[m.start() : m.end() + 3]):
                    continue
                description = (self.fb.table("topics").get(topic) or {}).get("description", "")
                later = [e["id"] for e in self.events if topic in (e.get("topics") or [])][-1:]
                findings.append(
                    Finding(
                        "contradicted",
                        [*(s["id"] for s in proposals), *later],
                        f"It was never opened. {description}",
                    )
                )
                break
        return findings

    def judge_groupings(
        self, text: str, mentions: list[Mention], dates: list[When], negated: bool
    ) -> list[Finding]:
        findings = []
        lowered = text.casefold()
        for gid in dict.fromkeys(m.id for m in mentions if m.kind == "grouping"):
            grouping = self.groupings.get(gid)
            if grouping is None:
                continue
            position = next(m.start for m in mentions if m.id == gid)
            own_names = " ".join([grouping["name"], *(grouping.get("aliases") or [])]).casefold()
            # What it is not, unless the word is in one of its own names ("Commitment to Consult").
            denied = [t for t in denied_terms(grouping.get("nature") or "") if t not in own_names]
            quoted = [(q.start(), q.end()) for q in QUOTED.finditer(text)]
            said = [
                t
                for t in denied
                for m in re.finditer(rf"\b{t}\b", lowered)
                if not any(a <= m.start() < b for a, b in quoted)  # quoting the error to correct it
            ]
            if said and not negated:
                article = "an" if said[0][0] in "aeiou" else "a"
                findings.append(
                    Finding("contradicted", [gid], f"Not {article} {said[0]}: {grouping['nature']}")
                )
            findings += self.judge_members(text, grouping, position, mentions, negated)
            if dates and FOUNDED.search(text) and grouping.get("founded") and not negated:
                events = [e for e in self.events if e["id"] in (grouping.get("events") or [])]
                verb = FOUNDED.search(text)
                assert verb is not None
                if verb.group(0).casefold() == "revived":
                    events = [e for e in events if "revived" in e["title"].casefold()]
                else:
                    events = [{"id": gid, "date": grouping["founded"], "title": grouping["name"]}]
                found = self.judge_dates(
                    events, position, dates, lambda _w, _s: True, "The fact base dates it"
                )
                if found:
                    findings.append(found)
        return findings

    def judge_members(
        self, text: str, grouping: Record, position: int, mentions: list[Mention], negated: bool
    ) -> list[Finding]:
        cue = MEMBERS.search(text, position)
        if cue is None or negated:
            return []
        listed = [
            m.id
            for m in mentions
            if m.kind == "actor"
            and m.start >= cue.start()
            and self.actors.get(m.id, {}).get("kind") == "country"
        ]
        listed = list(dict.fromkeys(listed))
        if len(listed) < 2:
            return []
        members = set(grouping.get("members") or [])
        strangers = [a for a in listed if a not in members]
        if strangers:
            names = ", ".join(self.fb.display_name(m) for m in grouping["members"])
            stranger = self.fb.display_name(strangers[0])
            return [
                Finding(
                    "contradicted", [grouping["id"]], f"{stranger} is not a member; the members are {names}."
                )
            ]
        return [Finding("confirmed", [grouping["id"]])]

    # --- the whole text -----------------------------------------------------------------

    def check(self, text: str, show_all: bool = False) -> Listing:
        """One row per sentence the base can say something about (every sentence with `show_all`).

        The cyclic garbage collector is paused meanwhile: the rows are acyclic, and its full
        scans of a growing list would otherwise make long texts slower per sentence.
        """
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return self.check_sentences(text, show_all)
        finally:
            if was_enabled:
                gc.enable()

    def check_sentences(self, text: str, show_all: bool) -> Listing:
        rows = []
        self.dateline = None
        anchor: When | None = None
        before: list[Mention] = []
        for line, sentence in check_text.split(text):
            findings, found, dates, before = self.sentence(sentence, anchor, before)
            if dates:
                anchor = dates[-1]
            row = self.row(line, sentence, findings, found)
            if row is not None or show_all:
                rows.append(row or blank_row(line, sentence, found))
        # A terminal table has no room for corrections and record ids (an id is never cut):
        # they go below it, whole.
        notes = [
            f"line {r['line']} ({r['verdict']}): {r['correction']} Records: {', '.join(r['records'])}."
            for r in rows
            if r["correction"]
        ]
        return Listing(
            COLUMNS,
            rows,
            table=TABLE,
            title="Fact check",
            notes=notes,
            empty_message="no statement the fact base can judge",
        )

    def row(
        self, line: int, sentence: str, findings: list[Finding], found: list[str]
    ) -> dict[str, Any] | None:
        recognised = [f for f in found if not f.startswith(("date:", "count:"))]
        if not findings and not recognised:
            return None
        verdict = max((f.verdict for f in findings), key=SEVERITY.__getitem__, default="unknown")
        shown = [f for f in findings if f.verdict == verdict] if verdict != "unknown" else []
        records = list(dict.fromkeys(r for f in shown for r in f.records))
        corrections = list(dict.fromkeys(f.correction for f in shown if f.correction))
        sources = self.sources_of(records)
        return {
            "line": line,
            "sentence": sentence,
            "verdict": verdict,
            # A confirmed row carries a correction only when the base confirms with a caveat.
            "correction": " | ".join(corrections) if verdict != "unknown" and corrections else None,
            "records": records,
            "sources": sources,
            "citations": [self.citation(s) for s in sources],
            "found": found,
        }

    def sources_of(self, records: list[str]) -> list[str]:
        """The sources of `records`; the seed interview itself only when nothing else is cited."""
        ids: list[str] = []
        for record_id in records:
            record = self.fb.get(record_id) or {}
            for citation in record.get("sources") or []:
                source = citation if isinstance(citation, str) else citation.get("source")
                if source:
                    ids.append(source)
        ids = list(dict.fromkeys(ids))
        evidence = [i for i in ids if (self.sources.get(i) or {}).get("kind") != "seed"]
        return evidence or ids

    def citation(self, source_id: str) -> str:
        source = self.sources.get(source_id) or {}
        title = source.get("title", source_id)
        return f"{title} <{source['url']}>" if source.get("url") else str(title)


def blank_row(line: int, sentence: str, found: list[str]) -> dict[str, Any]:
    return {
        "line": line,
        "sentence": sentence,
        "verdict": "unknown",
        "correction": None,
        "records": [],
        "sources": [],
        "citations": [],
        "found": found,
    }


def say_iso(value: dt.date) -> str:
    return say_date(value.isoformat())


def clauses(text: str) -> list[tuple[int, str]]:
    """Pieces of a sentence that make separate assertions: 'A opposed it, while B backed it'."""
    pieces = []
    start = 0
    for m in CLAUSE_SPLIT.finditer(text):
        pieces.append((start, text[start : m.start()]))
        start = m.end()
    pieces.append((start, text[start:]))
    return pieces


def denied_terms(nature: str) -> list[str]:
    """What a grouping's description says it is not: 'Not a treaty, an alliance or a pact'."""
    terms: list[str] = []
    for m in re.finditer(r"\bnot an? ([^.;:]+)", nature, re.I):
        for part in re.split(r",|\bor\b|\bnor\b", m.group(1)):
            words = re.sub(r"^\s*(?:an?|the)\s+", "", part.strip(), flags=re.I).casefold().split()
            if words:
                terms.append(words[-1])
    terms = [t.strip("\"'”") for t in terms]
    return list(dict.fromkeys(t for t in terms if t and t.isalpha()))


def content_words(text: str) -> list[str]:
    """The words of `text` that carry content, in order, lightly normalised."""
    words = []
    for raw in WORD.findall(text.casefold().replace("’", "'")):
        word = raw.split("'")[0]
        word = SEED_SPELLINGS.get(word, word)
        if word in STOPWORDS or len(word) < 2:
            continue
        if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        words.append(word)
    return words


def check(fb: FactBase, text: str, min_evidence: str | None = None, show_all: bool = False) -> Listing:
    """The fact-check listing of `text`: one row per sentence the base can say something about."""
    return Checker(fb, min_evidence).check(text, show_all)


def contradicted(listing: Listing) -> bool:
    return any(row["verdict"] == "contradicted" for row in listing.rows)
