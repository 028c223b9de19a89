"""`timeline --format mermaid`: a Mermaid timeline diagram."""

from __future__ import annotations

import re

from asiapac_cli.errors import NoMatch
from asiapac_cli.exports.text import one_line
from asiapac_cli.facts.model import Listing

MERMAID_TITLE = "NATO and its Indo-Pacific partners"


def mermaid(listing: Listing) -> str:
    """The listing's events as a Mermaid `timeline`: a section per year, a period per date."""
    if not listing.rows:
        raise NoMatch(listing.empty_message)
    by_date: dict[str, list[str]] = {}
    for row in listing.rows:  # already in date order
        by_date.setdefault(row["date"], []).append(mermaid_text(row["title"]))
    lines = ["timeline", f"    title {MERMAID_TITLE}"]
    year = None
    for date, titles in by_date.items():
        if date[:4] != year:
            year = date[:4]
            lines.append(f"    section {year}")
        lines.append(f"        {date} : {' : '.join(titles)}")
    return "\n".join(lines) + "\n"


def mermaid_text(text: str) -> str:
    """An event's text made safe for Mermaid's timeline grammar, which would misread some of it.

    ': ' separates events, so a colon becomes ' -' (before a space) or '.' (elsewhere, as in
    '10:30'); '#' and '%%' start comments, so '#' becomes 'no.' and '%%' a single '%'; ';' ends
    a statement in other diagrams, so it becomes ','. Line breaks and controls become spaces.
    """
    text = re.sub(r"\s*:(?=\s)", " -", one_line(text)).replace(":", ".")
    text = text.replace("#", "no.").replace(";", ",")
    text = re.sub(r"%{2,}", "%", text)
    return text or "(untitled)"
