"""Dates as journalists write them, read into the days they may cover.

Absolute dates ("11–12 July 2023", "July 12, 2024", "2023-07-12", "June 2022", "2022"),
ranges of years ("2023–2026"), dates without a year ("from June 24 to 26", "on 12 July"; the
reader gives them the year of the summit or text they belong to), and relative ones ("a month
later", "two days earlier", "the next day", "a month after the decision in January 2023",
"today" under a dateline). Each pattern is an alternation of bounded pieces: no nested or
adjacent unbounded quantifiers.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from asiapac_cli.check.lexicon import (
    MONTH,
    MONTH_NAMES,
    MONTHS,
    NUMBER,
    TIME_UNITS,
    UNIT_SLACK_DAYS,
    number_value,
)
from asiapac_cli.facts import model

DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
YEAR = r"(?:1[89]\d\d|2[01]\d\d)"
DASH = r"\s{0,2}(?:-|–|—|to|until|through|and)\s{0,2}"
SP = r"\s{1,3}"
DATE = re.compile(
    rf"""
    (?<![\w$€£])(?=[0-9JFMASONDEjfmasondel])  # a quick test before the alternatives (speed)
    (?:(?P<dmdmy>(?P<a1>{DAY}){SP}(?P<a2>{MONTH}){DASH}(?P<a3>{DAY}){SP}(?P<a4>{MONTH}),?{SP}(?P<a5>{YEAR}))
    |(?P<mdmdy>(?P<b1>{MONTH}){SP}(?P<b2>{DAY}){DASH}(?P<b3>{MONTH}){SP}(?P<b4>{DAY}),?{SP}(?P<b5>{YEAR}))
    |(?P<ddmy>(?P<c1>{DAY}){DASH}(?P<c2>{DAY}){SP}(?P<c3>{MONTH}),?{SP}(?P<c4>{YEAR}))
    |(?P<mddy>(?P<d1>{MONTH}){SP}(?P<d2>{DAY}){DASH}(?P<d3>{DAY}),?{SP}(?P<d4>{YEAR}))
    |(?P<dmy>(?P<e1>{DAY}){SP}(?P<e2>{MONTH}),?{SP}(?P<e3>{YEAR}))
    |(?P<mdy>(?P<f1>{MONTH}){SP}(?P<f2>{DAY}),?{SP}(?P<f3>{YEAR}))
    |(?P<iso>(?P<g1>{YEAR})-(?P<g2>[01]\d)-(?P<g3>[0-3]\d))
    |(?P<my>(?:(?:early|mid|late){SP}|(?:early|mid|late)-)?(?P<h1>{MONTH}),?{SP}(?:of{SP})?(?P<h2>{YEAR}))
    |(?P<isom>(?P<k1>{YEAR})-(?P<k2>0[1-9]|1[0-2])(?![\d-]))
    |(?P<yy>(?P<i1>{YEAR})\s{{0,2}}(?:-|–|—|/|to)\s{{0,2}}(?P<i2>{YEAR}|\d\d)(?!\d))
    |(?P<ymd>(?P<m1>{DAY}){DASH}(?P<m2>{DAY}){SP}(?P<m3>{MONTH})(?!,?{SP}{YEAR}))
    |(?P<mdd>(?P<n1>{MONTH}){SP}(?P<n2>{DAY}){DASH}(?P<n3>{DAY})(?!,?{SP}{YEAR}|\d))
    |(?P<dm>(?P<p1>{DAY}){SP}(?P<p2>{MONTH})(?!,?{SP}{YEAR}|\w))
    |(?P<md>(?P<q1>{MONTH}){SP}(?P<q2>{DAY})(?![\d,]|,?{SP}{YEAR}|{DASH}\d))
    |(?P<y>(?<![\d.,/-])(?P<j1>{YEAR})(?![\d%]|-\d))
    |(?P<mo>(?<=in\s)(?:(?:early|mid|late)[-\s])?(?P<o1>{MONTH})(?![\w-]|\.?\s{{0,3}}\d)))
    """,
    re.X | re.I,
)
RELATIVE = re.compile(
    rf"""(?<![\w-])(?:(?P<n>{NUMBER}|a|an){SP}(?P<unit>day|week|month|year)s?{SP}(?P<dir>later|afterwards|earlier|after|before|on)
    |the{SP}(?:next|following){SP}(?P<unit2>day|week|month|year)
    |the{SP}same{SP}(?P<unit3>day|week|month|year)
    |(?P<today>today|yesterday|tomorrow))(?![\w-])""",
    re.X | re.I,
)
FULL_MONTHS = {name.casefold() for name in MONTH_NAMES}
# A date that names no year (as "12 July"), or month words that are not dates ("may", "march").
MONTH_ONLY_WORDS = ("may", "march")


@dataclass(frozen=True)
class When:
    """The days a date written in a sentence may cover, and where it was written.

    `precision` is how much it says: day, days (a range), month, year, years (a period such as
    2023–2026). `after`/`before` hold the anchor of a relative date ("a month later"): what it
    dates must begin after (or end before) that day. `yearless` marks "12 July": the reader
    gives it a year from its context. `period` is a range of years as written.
    """

    lo: dt.date
    hi: dt.date
    text: str
    start: int
    end: int
    precision: str
    after: dt.date | None = None
    before: dt.date | None = None
    period: tuple[int, int] | None = None
    yearless: bool = False
    relative: bool = False

    def fits(self, lo: dt.date, hi: dt.date) -> bool:
        """True when what is dated lo..hi can be what this date says."""
        if self.after is not None and lo <= self.after:
            return False
        if self.before is not None and hi >= self.before:
            return False
        return lo <= self.hi and self.lo <= hi

    def matches(self, lo: dt.date, hi: dt.date) -> bool:
        """The whole claim: a range of days must be the span itself, a day must fall in it, a
        month or year must hold it (or, for a span, overlap it)."""
        if self.relative:
            return self.fits(lo, hi)
        if self.precision == "days":
            return (self.lo, self.hi) == (lo, hi)
        if self.precision == "day":
            return lo <= self.lo <= hi
        if self.precision == "years":
            return (self.lo.year, self.hi.year) == (lo.year, hi.year)
        return lo <= self.hi and self.lo <= hi

    def years(self) -> range:
        return range(self.lo.year, self.hi.year + 1)

    def with_year(self, year: int) -> When | None:
        """A year-less date given the year of its context."""
        try:
            lo, hi = self.lo.replace(year=year), self.hi.replace(year=year)
        except ValueError:  # 29 February
            return None
        return replace(self, lo=lo, hi=hi, yearless=False)


def month_of(text: str) -> int:
    return MONTHS[text.rstrip(".").casefold()]


def day(year: int, month: int, text: str) -> dt.date | None:
    number = int(re.sub(r"\D", "", text))
    if not 1 <= number <= model.days_in_month(year, month):
        return None
    return dt.date(year, month, number)


def month_span(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, model.days_in_month(year, month))


PLACEHOLDER_YEAR = 2000  # a leap year: "29 February" without a year stays a date


def absolute(sentence: str) -> list[When]:
    """Every date or period written in `sentence`, year-less ones marked as such."""
    found: list[When] = []
    for m in DATE.finditer(sentence):
        g = m.groupdict()
        text, end = m.group(0), m.end()
        if text.endswith(".") and text[:-1].split()[-1].casefold() in FULL_MONTHS:
            text, end = text[:-1], end - 1  # "in June." ends the sentence, not the month
        if g["dm"] or g["md"] or g["mo"]:
            month_word = (g["p2"] or g["q1"] or g["o1"]).rstrip(".").casefold()
            if month_word in MONTH_ONLY_WORDS and (g["o1"] or text)[:1].islower() and not g["dm"]:
                continue  # "may 16" and "in may" are rarely dates; "the 16 May" and "in May" are
        try:
            when = parse(g, text, m.start(), end)
        except ValueError:
            continue
        if when is not None and when.lo <= when.hi:
            found.append(when)
    return found


def parse(g: dict[str, str | None], text: str, start: int, end: int) -> When | None:  # noqa: C901
    def w(lo: dt.date | None, hi: dt.date | None, precision: str, **extra: object) -> When | None:
        if lo is None or hi is None:
            return None
        return When(lo, hi, text, start, end, precision, **extra)  # type: ignore[arg-type]

    def n(key: str) -> str:
        value = g[key]
        assert value is not None
        return value

    if g["dmdmy"]:
        year = int(n("a5"))
        return w(day(year, month_of(n("a2")), n("a1")), day(year, month_of(n("a4")), n("a3")), "days")
    if g["mdmdy"]:
        year = int(n("b5"))
        return w(day(year, month_of(n("b1")), n("b2")), day(year, month_of(n("b3")), n("b4")), "days")
    if g["ddmy"]:
        year, month = int(n("c4")), month_of(n("c3"))
        return w(day(year, month, n("c1")), day(year, month, n("c2")), "days")
    if g["mddy"]:
        year, month = int(n("d4")), month_of(n("d1"))
        return w(day(year, month, n("d2")), day(year, month, n("d3")), "days")
    if g["dmy"]:
        one = day(int(n("e3")), month_of(n("e2")), n("e1"))
        return w(one, one, "day")
    if g["mdy"]:
        one = day(int(n("f3")), month_of(n("f1")), n("f2"))
        return w(one, one, "day")
    if g["iso"]:
        one = day(int(n("g1")), int(n("g2")), n("g3"))
        return w(one, one, "day")
    if g["my"]:
        lo, hi = month_span(int(n("h2")), month_of(n("h1")))
        return w(lo, hi, "month")
    if g["isom"]:
        lo, hi = month_span(int(n("k1")), int(n("k2")))
        return w(lo, hi, "month")
    if g["yy"]:
        first = int(n("i1"))
        last = int(n("i2")) if len(n("i2")) == 4 else first // 100 * 100 + int(n("i2"))
        if last <= first:
            return None
        return w(dt.date(first, 1, 1), dt.date(last, 12, 31), "years", period=(first, last))
    if g["ymd"]:
        month = month_of(n("m3"))
        return w(
            day(PLACEHOLDER_YEAR, month, n("m1")),
            day(PLACEHOLDER_YEAR, month, n("m2")),
            "days",
            yearless=True,
        )
    if g["mdd"]:
        month = month_of(n("n1"))
        return w(
            day(PLACEHOLDER_YEAR, month, n("n2")),
            day(PLACEHOLDER_YEAR, month, n("n3")),
            "days",
            yearless=True,
        )
    if g["dm"]:
        one = day(PLACEHOLDER_YEAR, month_of(n("p2")), n("p1"))
        return w(one, one, "day", yearless=True)
    if g["md"]:
        one = day(PLACEHOLDER_YEAR, month_of(n("q1")), n("q2"))
        return w(one, one, "day", yearless=True)
    if g["mo"]:
        lo, hi = month_span(PLACEHOLDER_YEAR, month_of(n("o1")))
        return w(lo, hi, "month", yearless=True)
    year = int(n("j1"))
    return w(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")


CALENDAR = re.compile(
    rf"""(?<![\w-])(?:(?P<month>{MONTH})\s{{1,3}}(?P<which>last|this|next)\s{{1,3}}year
    |(?P<which2>last|this|next)\s{{1,3}}(?P<month2>{MONTH})(?![\w-])
    |(?P<which3>last|this|next)\s{{1,3}}(?P<unit>year|month))(?![\w-])""",
    re.X | re.I,
)
STEP = {"last": -1, "this": 0, "next": 1}


def calendar(sentence: str, today: When | None) -> list[When]:
    """'last year', 'July last year', 'last November', 'next month': the text's own date (its
    dateline or date line) fixes them; without one they are no dates."""
    if today is None:
        return []
    found = []
    for m in CALENDAR.finditer(sentence):
        year = today.lo.year
        if m.group("month"):
            month, step = month_of(m.group("month")), STEP[m.group("which").casefold()]
            lo, hi = month_span(year + step, month)
        elif m.group("month2"):
            month, which = month_of(m.group("month2")), m.group("which2").casefold()
            # "last November" is the latest November before the text; "next June" the first after.
            shift_year = {"last": -1 if month >= today.lo.month else 0, "this": 0}.get(
                which, 1 if month <= today.lo.month else 0
            )
            lo, hi = month_span(year + shift_year, month)
        elif m.group("unit").casefold() == "year":
            step = STEP[m.group("which3").casefold()]
            lo, hi = dt.date(year + step, 1, 1), dt.date(year + step, 12, 31)
        else:
            moved = add_months(today.lo, STEP[m.group("which3").casefold()])
            lo, hi = month_span(moved.year, moved.month)
        precision = "year" if m.group("unit") and m.group("unit").casefold() == "year" else "month"
        text = m.group(0).rstrip(".")  # "last November." ends the sentence, not the month
        found.append(When(lo, hi, text, m.start(), m.start() + len(text), precision))
    return found


# A line that is only the text's date ("29 Jan. 2023", "Published: 12 July 2023").
DATE_LINE = re.compile(
    r"\s{0,8}(?:(?:date|published|updated|posted|posted on|first published)\s{0,3}:?\s{0,3})?"
    r"(?P<date>.{6,40}?)\s{0,8}",
    re.I,
)


# "VILNIUS, 12 July 2023 (Wire) -": where and when a story was filed.
DATELINE = re.compile(r"^[A-Z][A-Z .'’-]{1,40},\s{0,3}[^-–—()]{3,30}?\s{0,3}(?:\([^)]{0,40}\)\s{0,3})?[-–—]")


def text_date(text: str) -> When | None:
    """The date a text gives itself on one of its first lines, at day precision: a line that is
    only a date ("Published: 12 July 2023"), or a dateline."""
    for line in text.splitlines()[:8]:
        dateline = DATELINE.match(line.strip())
        if dateline:
            stamped = [d for d in absolute(dateline.group(0)) if d.precision == "day" and not d.yearless]
            if stamped:
                return stamped[0]
        m = DATE_LINE.fullmatch(line)
        if not m:
            continue
        dates = absolute(m.group("date"))
        if (
            len(dates) == 1
            and dates[0].precision == "day"
            and dates[0].text.strip() == m.group("date").strip(" ,.")
        ):
            return dates[0]
    return None


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


def relative(
    sentence: str, dates: list[When], previous: When | None, dateline: When | None
) -> tuple[list[When], set[int]]:
    """'A month later', 'the next day', 'a month after the decision in January 2023', 'today'.

    "Later" counts from the last date before it (in this sentence, else the text's last date);
    "a month after <something> in <date>" counts from the date that follows; "today" and
    "yesterday" from a dateline, never from an earlier fact's date. Returns the dates and the
    positions of absolute dates used only as anchors.
    """
    found = []
    anchors: set[int] = set()
    for m in RELATIVE.finditer(sentence):
        word = m.group("today")
        unit = (m.group("unit") or m.group("unit2") or m.group("unit3") or "day").casefold()
        assert unit in TIME_UNITS
        direction = (m.group("dir") or "later").casefold()
        anchor: When | None
        if direction in ("after", "before", "on") and re.match(r"\s{1,3}\w", sentence[m.end() :]):
            anchor = next((w for w in dates if w.start >= m.end() and not w.yearless), None)
            if anchor is not None:
                anchors.add(anchor.start)
        elif word:
            anchor = dateline
        else:
            anchor = next((w for w in reversed(dates) if w.end <= m.start() and not w.yearless), previous)
        if anchor is None or direction == "on":
            continue
        text, start, end = m.group(0), m.start(), m.end()
        if m.group("unit3") or (word or "").casefold() == "today":
            found.append(When(anchor.lo, anchor.hi, text, start, end, anchor.precision, relative=True))
            continue
        if word:
            step = -1 if word.casefold() == "yesterday" else 1
            moved = anchor.lo + dt.timedelta(days=step)
            found.append(When(moved, moved, text, start, end, "day", relative=True))
            continue
        count = number_value(m.group("n") or "one") or 1
        backwards = direction in ("earlier", "before")
        count = -count if backwards else count
        slack = dt.timedelta(days=UNIT_SLACK_DAYS[unit])
        lo, hi = shift(anchor.lo, unit, count) - slack, shift(anchor.hi, unit, count) + slack
        found.append(
            When(
                lo,
                hi,
                text,
                start,
                end,
                "relative",
                after=None if backwards else anchor.hi,
                before=anchor.lo if backwards else None,
                relative=True,
            )
        )
    return found, anchors


def say(start: str, end: str | None = None) -> str:
    """'31 January – 1 February 2023', '11–12 July 2023', 'July 2023', '2023'."""
    from asiapac_cli.check.lexicon import MONTH_NAMES

    def one(text: str, with_year: bool = True, with_month: bool = True) -> str:
        parts = text.split("-")
        if len(parts) == 1:
            return parts[0]
        month = MONTH_NAMES[int(parts[1]) - 1]
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


def say_when(when: When) -> str:
    """A date as the sentence gave it, in normal case: "July 2023" (not "july 2023"), "a month
    later" (not "A month later")."""
    text = " ".join(when.text.split())
    if when.relative:
        return text[:1].lower() + text[1:]
    return re.sub(
        r"\b[a-z]+\b", lambda m: m.group(0).capitalize() if m.group(0) in MONTHS else m.group(0), text
    )


def bounds(start: str | None, end: str | None = None) -> tuple[dt.date, dt.date] | None:
    """The first and last day a record's partial dates cover."""
    if not start:
        return None
    lo = model.date_bounds(start)[0]
    hi = model.date_bounds(end or start)[1]
    return dt.date.fromisoformat(lo), dt.date.fromisoformat(hi)
