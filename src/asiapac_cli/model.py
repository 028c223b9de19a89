"""Plain-data records of the fact base, their enumerations, and the partial date type.

Records are plain dicts and lists (their fields are documented in docs/fact-file.md and
declared in schema.py) rather than dataclasses: the validated fact base is cached with
`marshal`, which is fast and cannot execute code, and a record maps straight onto the
JSON the tool prints. This module imports nothing from typer, rich or yaml.
"""

from __future__ import annotations

import re
from typing import Any

Record = dict[str, Any]

EVIDENCE_LEVELS = ("well-documented", "single-source", "contested", "unverified")
SOURCE_KINDS = ("primary", "secondary", "tertiary", "seed")
ACTOR_KINDS = ("country", "organisation", "person")
EVENT_KINDS = (
    "summit",
    "meeting",
    "agreement",
    "adoption",
    "statement",
    "speech",
    "visit",
    "announcement",
    "report",
    "opening",
    "sanctions",
    "aid",
)
POSITIONS = ("proposed", "supported", "opposed", "cautious", "neutral")
ATTENDANCE_LEVELS = ("leader", "deputy-leader", "minister", "official", "absent")
VERDICTS = (
    "verified",
    "verified-with-caveat",
    "imprecise",
    "wrong",
    "unverified",
    "garbled",
    "opinion",
)
# A verdict that says the seed is not simply right must say what is right instead.
VERDICTS_NEEDING_CORRECTION = ("verified-with-caveat", "imprecise", "wrong", "garbled")

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


# The one valid date range, decided here: the schema, the JSON Schema and every renderer rely
# on it. ASCII digits only (`\d` would accept Arabic-Indic and full-width digits), and years
# 1000 to 2999, so a year is always four digits and the day after any valid date is a valid
# date too (an ICS DTEND; Python's date type ends at 9999-12-31).
MIN_YEAR, MAX_YEAR = 1000, 2999
DATE_PATTERN = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?", re.ASCII)
DATE_FORMATS = "YYYY, YYYY-MM or YYYY-MM-DD"
DATE_RANGE = f"years {MIN_YEAR} to {MAX_YEAR}"


def days_in_month(year: int, month: int) -> int:
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def check_partial_date(text: str) -> str | None:
    """Return why `text` is not a valid partial date, or None when it is."""
    match = DATE_PATTERN.fullmatch(text)
    if not match:
        if any(c.isdigit() and not c.isascii() for c in text):
            return f"{text!r}: write dates with the ASCII digits 0-9 ({DATE_FORMATS}, {DATE_RANGE})"
        return f"expected a date as {DATE_FORMATS}, got {text!r}"
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


class Listing:
    """Rows a listing command prints, in a shape that knows nothing of output formats.

    `columns` are the keys machine formats print, in order (the documented contract);
    `table_columns` the subset a terminal table shows. `title` and `notes` frame a
    terminal table only; piped output is rows and nothing else.
    """

    def __init__(
        self,
        columns: list[str],
        rows: list[dict[str, Any]],
        table_columns: list[str] | None = None,
        title: str | None = None,
        notes: list[str] | None = None,
        empty_message: str = "nothing matched",
    ) -> None:
        self.columns = columns
        self.rows = rows
        self.table_columns = table_columns or columns
        self.title = title
        self.notes = notes or []
        self.empty_message = empty_message
