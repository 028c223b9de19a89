"""`timeline --format ics`: an RFC 5545 calendar of the events."""

from __future__ import annotations

from typing import Any

from asiapac_cli import __version__
from asiapac_cli.errors import NoMatch
from asiapac_cli.exports.text import one_line, plain, source_line
from asiapac_cli.facts import model
from asiapac_cli.facts.base import FactBase
from asiapac_cli.facts.model import Listing

ICS_LINE_OCTETS = 75


def ics(fb: FactBase, listing: Listing) -> str:
    """The listing's events as an RFC 5545 calendar of all-day events."""
    if not listing.rows:
        raise NoMatch(listing.empty_message)
    stamp = fb.checked_on.replace("-", "") + "T000000Z"  # from the data, so output is reproducible
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//asiapac//asiapac {__version__}//EN",
        "CALSCALE:GREGORIAN",
    ]
    for row in listing.rows:
        lines += ics_event(fb, row, stamp)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) for line in lines)


def ics_event(fb: FactBase, row: dict[str, Any], stamp: str) -> list[str]:
    first = model.date_bounds(row["date"])[0]
    last = model.date_bounds(row.get("end") or row["date"])[1]
    sources = [fb.table("sources")[s] for s in row.get("sources") or [] if s in fb.table("sources")]
    description = [plain(row["summary"])] if row.get("summary") else []
    precisions = {len(d.split("-")) for d in (row["date"], row.get("end")) if d}
    if min(precisions) < 3:
        description.append(f"Date precision: {'year' if min(precisions) == 1 else 'month'}")
    description.append(f"Evidence: {row['evidence']}")
    if row.get("correction"):
        description.append(f"Correction: {plain(row['correction'])}")
    description += [f"Source: {source_line(s)}" for s in sources]
    lines = [
        "BEGIN:VEVENT",
        f"UID:{row['id']}@asiapac",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{first.replace('-', '')}",
        f"DTEND;VALUE=DATE:{day_after(last).replace('-', '')}",  # DTEND is exclusive
        f"SUMMARY:{ics_text(row['title'])}",
    ]
    if row.get("place"):
        lines.append(f"LOCATION:{ics_text(row['place'])}")
    lines.append(f"CATEGORIES:{ics_text(row['kind'])}")
    lines.append(f"DESCRIPTION:{ics_text(chr(10).join(description))}")
    url = next((s["url"] for s in sources if s.get("url")), None)
    if url:
        lines.append(f"URL:{one_line(url)}")
    lines.append("END:VEVENT")
    return lines


def day_after(iso_day: str) -> str:
    import datetime

    return (datetime.date.fromisoformat(iso_day) + datetime.timedelta(days=1)).isoformat()


def ics_text(text: Any) -> str:
    """A TEXT value: backslash, semicolon, comma and newline escaped (RFC 5545 3.3.11)."""
    escaped = plain(text).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return escaped.replace("\n", "\\n")


def fold(line: str) -> str:
    """One content line, folded at 75 octets without splitting a UTF-8 character, ending CRLF."""
    pieces, current, size, limit = [], "", 0, ICS_LINE_OCTETS
    for character in line:
        width = len(character.encode("utf-8"))
        if size + width > limit:
            pieces.append(current)
            current, size, limit = "", 0, ICS_LINE_OCTETS - 1  # a continuation starts with a space
        current += character
        size += width
    pieces.append(current)
    return "\r\n ".join(pieces) + "\r\n"
