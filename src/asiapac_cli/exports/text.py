"""Text for formats that are not a terminal's: controls dropped, line breaks unified, one-line sources."""

from __future__ import annotations

import re
from typing import Any

from asiapac_cli.facts.model import Record

# C0 and C1 controls and DEL, but not the newline (tabs become spaces first): no export may
# carry them (RFC 5545 forbids them in TEXT; in BibTeX they reach LaTeX and terminals).
CONTROLS = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")


# Unicode's own line breaks (NEL, LINE and PARAGRAPH SEPARATOR) are line breaks.
LINE_BREAKS = re.compile(r"\r\n|[\r\x85\u2028\u2029]")


def plain(text: Any) -> str:
    """`text` with line breaks as \\n, tabs as spaces and every other control character dropped."""
    unified = LINE_BREAKS.sub("\n", str(text)).replace("\t", " ")
    return CONTROLS.sub("", unified)


def one_line(text: Any) -> str:
    return " ".join(plain(text).split())


def source_line(source: Record) -> str:
    """'Title, Publisher, date, URL': how the calendar names a source."""
    who = source.get("publisher") or source.get("author")
    return ", ".join(
        one_line(f) for f in (source.get("title"), who, source.get("date"), source.get("url")) if f
    )
