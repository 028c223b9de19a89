"""The one neutralising function for text on its way to a person's terminal, and its helpers.

Text from a fact file, a file name or an argument is data. On a terminal, anything that could
move the cursor, talk to the terminal (ESC, C1 controls such as U+009B CSI, BEL-terminated OSC
sequences that set the clipboard or the window title), reorder text (bidi controls, U+061C) or
hide it (zero-width and invisible format characters, tag characters, the soft hyphen) is shown
as its Python escape instead: ESC as \\x1b, U+202E as \\u202e. Lone surrogates (from file
names that are not UTF-8) are shown the same way, so no path can make a write fail.
"""

from __future__ import annotations

import os
from typing import Any

# Tab and newline stay: a table cell or a message may span lines.
UNSAFE_RANGES = (
    (0x00, 0x08),  # C0 controls before the tab
    (0x0B, 0x1F),  # the rest of C0 (vertical tab, form feed, CR, ESC, ...)
    (0x7F, 0x9F),  # DEL and the C1 controls (U+0085 NEL, U+009B CSI, U+009D OSC)
    (0xAD, 0xAD),  # soft hyphen: invisible unless a line breaks there
    (0x061C, 0x061C),  # Arabic letter mark (bidi)
    (0x180E, 0x180E),  # Mongolian vowel separator (zero width)
    (0x200B, 0x200F),  # zero-width space, joiners, LRM, RLM
    (0x2028, 0x202E),  # line and paragraph separators, bidi embeddings and overrides
    (0x2060, 0x206F),  # word joiner, invisible operators, bidi isolates, deprecated format marks
    (0xD800, 0xDFFF),  # lone surrogates: a file name that is not UTF-8
    (0xFEFF, 0xFEFF),  # zero-width no-break space (BOM)
    (0xFFF9, 0xFFFB),  # interlinear annotation marks
    (0xE0000, 0xE007F),  # tag characters: invisible text
)

_table: dict[int, str] = {}


def unsafe_codes() -> list[int]:
    return [code for first, last in UNSAFE_RANGES for code in range(first, last + 1)]


def escape_of(code: int) -> str:
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def visible(text: str) -> str:
    """`text` with every control, bidi, invisible and unpaired-surrogate character as its escape."""
    if not _table:  # built on first use: most runs never print to a terminal
        _table.update({code: escape_of(code) for code in unsafe_codes()})
    return text.translate(_table)


def display_path(path: Any) -> str:
    """A file name as a person should see it: undecodable bytes as \\xff, controls escaped."""
    raw = os.fsencode(path)
    return visible(raw.decode("utf-8", "backslashreplace"))


def visible_lines(text: str) -> str:
    """`visible` for text whose lines end in CRLF (a calendar) or LF: the line ends stay."""
    return "\r\n".join(visible(part) for part in text.split("\r\n"))
