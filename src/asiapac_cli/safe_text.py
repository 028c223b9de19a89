"""The one neutralising function for text on its way to a person's terminal, its variant for the
HTML page, and their helpers.

Text from a fact file, a file name or an argument is data. On a terminal, anything that could
move the cursor, talk to the terminal (ESC, C1 controls such as U+009B CSI, BEL-terminated OSC
sequences that set the clipboard or the window title), reorder text (bidi controls, U+061C) or
hide it (zero-width and invisible format characters, tag characters, the soft hyphen) is shown
as its Python escape instead: ESC as \\x1b, U+202E as \\u202e. Lone surrogates (from file
names that are not UTF-8) are shown the same way, so no path can make a write fail.

Two invisible characters are also letters' business: the zero-width non-joiner and joiner
(U+200C, U+200D) spell Persian words, Devanagari half-forms and emoji sequences. Between two
letters, marks or symbols they are text and stay; anywhere else they join nothing and only hide
themselves, and are escaped.
"""

from __future__ import annotations

import os
import re
from typing import Any

# Tab and newline stay: a table cell or a message may span lines.
UNSAFE_RANGES = (
    (0x00, 0x08),  # C0 controls before the tab
    (0x0B, 0x1F),  # the rest of C0 (vertical tab, form feed, CR, ESC, ...)
    (0x7F, 0x9F),  # DEL and the C1 controls (U+0085 NEL, U+009B CSI, U+009D OSC)
    (0xAD, 0xAD),  # soft hyphen: invisible unless a line breaks there
    (0x061C, 0x061C),  # Arabic letter mark (bidi)
    (0x180E, 0x180E),  # Mongolian vowel separator (zero width)
    (0x200B, 0x200B),  # zero-width space
    (0x200E, 0x200F),  # LRM, RLM (bidi marks)
    (0x2028, 0x202E),  # line and paragraph separators, bidi embeddings and overrides
    (0x2060, 0x206F),  # word joiner, invisible operators, bidi isolates, deprecated format marks
    (0xD800, 0xDFFF),  # lone surrogates: a file name that is not UTF-8
    (0xFEFF, 0xFEFF),  # zero-width no-break space (BOM)
    (0xFFF9, 0xFFFB),  # interlinear annotation marks
    (0xE0000, 0xE007F),  # tag characters: invisible text
)
# What a web page shows as it is, of the above: it has no terminal to protect, and these neither
# act on a browser nor hide other text. A soft hyphen is a hyphenation hint (quotes copied from
# web pages carry them); the bidi marks LRM, RLM and ALM order the neutral characters next to
# them in Arabic, Hebrew and Persian text and cannot reorder a run, as the overrides, embeddings
# and isolates can (those stay escaped: they make a page say what it does not).
PAGE_SAFE = frozenset({0xAD, 0x061C, 0x200E, 0x200F})
JOINERS = re.compile("[\u200c\u200d]")

_terminal: dict[int, str] = {}
_page: dict[int, str] = {}


def unsafe_codes() -> list[int]:
    return [code for first, last in UNSAFE_RANGES for code in range(first, last + 1)]


def escape_of(code: int) -> str:
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def visible(text: str) -> str:
    """`text` for a terminal: every control, bidi, invisible and unpaired-surrogate character as
    its escape, and every joiner that joins nothing."""
    if not _terminal:  # built on first use: most runs never print to a terminal
        _terminal.update({code: escape_of(code) for code in unsafe_codes()})
    return escape_stray_joiners(text).translate(_terminal)


def visible_on_page(text: str) -> str:
    """`text` for the HTML page: as `visible`, but the soft hyphen and the bidi marks stay."""
    if not _page:
        _page.update({code: escape_of(code) for code in unsafe_codes() if code not in PAGE_SAFE})
    return escape_stray_joiners(text).translate(_page)


def escape_stray_joiners(text: str) -> str:
    """`text` with each U+200C/U+200D that is not between two letters, marks or symbols escaped."""
    if "\u200c" not in text and "\u200d" not in text:
        return text
    import unicodedata

    def joins(c: str) -> bool:
        category = unicodedata.category(c)
        return category[0] in "LM" or category in ("So", "Sk")

    def shown(found: re.Match[str]) -> str:
        at = found.start()
        inside = 0 < at < len(text) - 1 and joins(text[at - 1]) and joins(text[at + 1])
        return found.group() if inside else escape_of(ord(found.group()))

    return JOINERS.sub(shown, text)


# How much of a value a message echoes: a name, a date, a format is never longer (names are
# refused above it), and an error must not repeat a 100 KB argument back at its author.
SHOWN_LIMIT = 200
# A path is shown whole up to PATH_MAX; no longer one names a file.
PATH_LIMIT = 4096


def cut(text: str, limit: int = SHOWN_LIMIT) -> str:
    """`text`, or its first `limit` characters and how long it was: 'xxx… (100,000 characters)'."""
    return text if len(text) <= limit else f"{text[:limit]}… ({len(text):,} characters)"


def quoted(value: str) -> str:
    """A value as a message echoes it: quoted as repr quotes it, and cut when long. The one way
    every option value, date or name is echoed."""
    if len(value) <= SHOWN_LIMIT:
        return repr(value)
    return f"{value[:SHOWN_LIMIT]!r}… ({len(value):,} characters)"


def display_path(path: Any) -> str:
    """A file name as a person should see it: undecodable bytes as \\xff, controls escaped, and
    cut if it is longer than any path can be."""
    raw = os.fsencode(path)
    return visible(cut(raw.decode("utf-8", "backslashreplace"), PATH_LIMIT))


def visible_lines(text: str) -> str:
    """`visible` for text whose lines end in CRLF (a calendar) or LF: the line ends stay."""
    return "\r\n".join(visible(part) for part in text.split("\r\n"))
