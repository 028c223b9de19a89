"""Plain-data records of the fact base, the partial date type, and the shape of a listing.

Records are plain dicts and lists (their fields are documented in docs/fact-file.md and
declared in schema.py) rather than dataclasses: the validated fact base is cached with
`marshal`, which is fast and cannot execute code, and a record maps straight onto the
JSON the tool prints. Their shapes, for the type checker, are in records.py, which no run
imports. This module imports nothing from typer, rich or yaml, and is on every run's path.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

Record = dict[str, Any]  # a record as the loader and the cache give it (shapes: records.py)


# How a citation marks a title written for the fact file (`title_descriptive: true`), so it
# is never passed off as the source's own headline.
DESCRIPTIVE_TITLE_MARK = "[descriptive title]"
DESCRIPTIVE_TITLE_NOTE = "descriptive title, not the source's own headline"

# The kinds of record that carry an `id`, in the order the fact file lists them.
RECORD_KINDS = (
    "sources",
    "actors",
    "topics",
    "events",
    "itpps",
    "stances",
    "groupings",
    "claims",
)

# How each kind of record is named in a message, in the singular.
SINGULAR = {
    "actors": "actor",
    "topics": "topic",
    "groupings": "grouping",
    "sources": "source",
    "events": "event",
    "itpps": "ITPP",
    "stances": "stance",
    "claims": "claim",
    "gaps": "known gap",
}


def project(record: Mapping[str, Any], columns: list[str]) -> dict[str, Any]:
    """A record's (or a row's) values of `columns`, in that order; None where it has none."""
    return {column: record.get(column) for column in columns}


def article(noun: str) -> str:
    """'an actor', 'a topic', 'an ITPP'."""
    return ("an " if noun[0] in "aeiouAEIOU" else "a ") + noun


# The one valid date range, decided here: the schema, the JSON Schema and every renderer rely
# on it. ASCII digits only (`\d` would accept Arabic-Indic and full-width digits), and years
# 1000 to 2999, so a year is always four digits and the day after any valid date is a valid
# date too (an ICS DTEND; Python's date type ends at 9999-12-31).
MIN_YEAR, MAX_YEAR = 1000, 2999
DATE_PATTERN = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?", re.ASCII)


# A source's URL: http:// or https://, then at least one character, none of them one of these.
# One declaration for the validator and the JSON Schema (issue 18): Python's `\s` and
# ECMA-262's (JSON Schema's `pattern`, editors' YAML language servers) disagree on \x1c-\x1f,
# \x85 and U+FEFF, so neither is used; ranges written out are read alike by both. Refused:
# controls, what either language calls white space, and the invisible and bidi format
# characters, which a reader could neither see nor type. Basic plane only: without the `u`
# flag an ECMA-262 class cannot name a character beyond it.
URL_FORBIDDEN = (
    (0x00, 0x20),  # C0 controls and space
    (0x7F, 0xA0),  # DEL, the C1 controls (NEL), no-break space
    (0xAD, 0xAD),  # soft hyphen
    (0x061C, 0x061C),  # Arabic letter mark
    (0x1680, 0x1680),  # Ogham space mark
    (0x180E, 0x180E),  # Mongolian vowel separator (white space before Unicode 6.3)
    (0x2000, 0x200F),  # en quad to hair space, zero-width space and joiners, LRM, RLM
    (0x2028, 0x202F),  # line and paragraph separators, bidi embeddings and overrides, narrow NBSP
    (0x205F, 0x206F),  # medium mathematical space, word joiner, invisible operators, isolates
    (0x3000, 0x3000),  # ideographic space
    (0xFEFF, 0xFEFF),  # zero-width no-break space (byte-order mark)
    (0xFFF9, 0xFFFB),  # interlinear annotation
)
URL_CHARACTER = (
    "[^"
    + "".join(
        f"\\u{first:04x}" if first == last else f"\\u{first:04x}-\\u{last:04x}"
        for first, last in URL_FORBIDDEN
    )
    + "]"
)
# The same text in both: `^` anchors alike; `(?![\s\S])` is the end of the text in both (Python's
# `$` would also match before a final newline, ECMA-262's not).
URL_JSON_PATTERN = f"^https?://{URL_CHARACTER}+(?![\\s\\S])"
URL_PATTERN = re.compile(URL_JSON_PATTERN)


def is_url(text: str) -> bool:
    """An http(s) URL by the fact file's rule (the JSON Schema's `pattern` is the same text)."""
    return URL_PATTERN.match(text) is not None


def latest_event_date(events: list[Record]) -> str | None:
    """The date the latest event reaches (its end, else its start), as written in the file."""
    latest: str | None = None
    for event in events:
        reach = event.get("end") or event.get("date")
        if not isinstance(reach, str) or check_partial_date(reach) is not None:
            continue  # an invalid date is reported where it is written
        if latest is None or date_bounds(reach)[1] > date_bounds(latest)[1]:
            latest = reach
    return latest


DATE_FORMATS = "YYYY, YYYY-MM or YYYY-MM-DD"
DATE_RANGE = f"years {MIN_YEAR} to {MAX_YEAR}"


def days_in_month(year: int, month: int) -> int:
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def check_partial_date(text: str) -> str | None:
    """Return why `text` is not a valid partial date, or None when it is."""
    from asiapac_cli.safe_text import quoted

    match = DATE_PATTERN.fullmatch(text)
    if not match:
        if any(c.isdigit() and not c.isascii() for c in text):
            return f"{quoted(text)}: write dates with the ASCII digits 0-9 ({DATE_FORMATS}, {DATE_RANGE})"
        return f"expected a date as {DATE_FORMATS}, got {quoted(text)}"
    year, month, day = match.groups()
    if not MIN_YEAR <= int(year) <= MAX_YEAR:
        return f"{text!r} is outside the dates this tool accepts ({DATE_RANGE})"
    if month is not None and not 1 <= int(month) <= 12:
        return f"{text!r} has no month {month}"
    if day is not None:
        last = days_in_month(int(year), int(month))
        if not 1 <= int(day) <= last:
            return f"{text!r} is not a calendar date ({year}-{month} has {last} days)"
    return None


def date_bounds(text: str) -> tuple[str, str]:
    """The first and last full ISO day a partial date covers: '2023-02' -> 2023-02-01..28."""
    parts = text.split("-")
    year = int(parts[0])
    if len(parts) == 3:
        return text, text
    if len(parts) == 2:
        month = int(parts[1])
        last = days_in_month(year, month)
        return f"{text}-01", f"{text}-{last:02d}"
    return f"{text}-01-01", f"{text}-12-31"


Formatter = Callable[[Any], Any]


class Listing:
    """The rows a listing query answers with, in a shape that knows nothing of output.

    `name` says which listing it is ('timeline', 'itpp-areas'): output/views.py keys the
    terminal view by it, and output/formats.py which formats the listing takes. `columns` are
    the keys machine formats print, in order (the documented contract); a row may hold more
    keys (display values such as names, for the view). `details` are facts about the listing as
    a whole that a view may show (a title, the period the events cover, an ITPP's dates).
    `text_forms` turn a structured value (attendance, citations) into the text that TSV, CSV
    and Markdown print, while JSON and YAML keep the structure. `chosen` says the columns were
    chosen (--columns): a table then shows exactly those.
    """

    def __init__(
        self,
        columns: list[str],
        rows: list[dict[str, Any]],
        *,
        name: str = "",
        details: Mapping[str, Any] | None = None,
        empty_message: str = "nothing matched",
        text_forms: Mapping[str, Formatter] | None = None,
        chosen: bool = False,
    ) -> None:
        self.name = name
        self.columns = columns
        self.rows = rows
        self.details = dict(details or {})
        self.empty_message = empty_message
        self.text_forms = dict(text_forms or {})
        self.chosen = chosen

    def text_value(self, row: dict[str, Any], column: str) -> Any:
        """A row's value as the text formats print it."""
        value = row.get(column)
        form = self.text_forms.get(column)
        return form(value) if form is not None and value is not None else value

    def select(self, wanted: list[str]) -> Listing:
        """The same rows with exactly `wanted` columns, in that order (names already checked)."""
        return Listing(
            wanted,
            self.rows,
            name=self.name,
            details=self.details,
            empty_message=self.empty_message,
            text_forms=self.text_forms,
            chosen=True,
        )
