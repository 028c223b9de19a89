"""What must never reach a terminal, and what must never reach the HTML page: the promises of the
README's output contract, written once for both fuzzers (fuzz_cli.py, test_fuzz_harness.py)."""

from __future__ import annotations

import re
import unicodedata

# Controls, the soft hyphen, bidi controls and marks, zero-width and invisible characters, tag
# characters. The joiners U+200C/U+200D are judged apart: inside a word they are text.
ON_TERMINAL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\xad\u061c\u200b\u200e\u200f\u2028-\u202e\u2060-\u206f\ufeff"
    "\U000e0000-\U000e007f]"
)
# A page keeps the soft hyphen and the bidi marks (LRM, RLM, ALM); tab, newline and carriage
# return are markup's own white space there.
ON_PAGE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u2028-\u202e\u2060-\u206f\ufeff\U000e0000-\U000e007f]"
)


def word_part(c: str) -> bool:
    category = unicodedata.category(c)
    return category[0] in "LM" or category in ("So", "Sk")


def stray_joiners(text: str) -> list[str]:
    """Each U+200C/U+200D that is not between two letters, marks or symbols."""
    found = []
    for at, c in enumerate(text):
        if c in "\u200c\u200d" and not (
            0 < at < len(text) - 1 and word_part(text[at - 1]) and word_part(text[at + 1])
        ):
            found.append(c)
    return found


def raw_on_terminal(text: str) -> list[str]:
    """The characters of `text` a terminal must never receive raw (empty: none)."""
    return ON_TERMINAL.findall(text) + stray_joiners(text)


def raw_on_page(text: str) -> list[str]:
    """The characters of an HTML page's text that must have been shown as escapes."""
    return ON_PAGE.findall(text) + stray_joiners(text)


def page_findings(page: str) -> list[str]:
    """What is wrong with an HTML briefing page (empty: nothing): it is one whole document, data
    never became markup (one script block, the page's own; no event-handler attribute), and its
    text and attribute values hold nothing that `visible_on_page` should have escaped."""
    from html.parser import HTMLParser

    class Reader(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.scripts = 0
            self.handlers: list[str] = []
            self.values: list[str] = []
            self.inside: str | None = None

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.scripts += tag == "script"
            self.inside = tag if tag in ("script", "style") else None
            self.handlers += [name for name, _ in attrs if name.startswith("on")]
            self.values += [value for _, value in attrs if value]

        def handle_endtag(self, tag: str) -> None:
            self.inside = None

        def handle_data(self, data: str) -> None:
            if self.inside is None:
                self.values.append(data)

    found = []
    if not page.startswith("<!DOCTYPE html>") or not page.endswith("</html>\n"):
        found.append("the page is not one whole HTML document")
    reader = Reader()
    reader.feed(page)
    if reader.scripts != 1:
        found.append(f"{reader.scripts} script elements (the page has one)")
    if reader.handlers:
        found.append(f"event-handler attributes: {sorted(set(reader.handlers))}")
    raw = sorted({repr(c) for value in reader.values for c in raw_on_page(value)})
    if raw:
        found.append(f"reached the page raw: {', '.join(raw)}")
    return found
