"""Sentences of a text, each with the line and column it starts at; linear in the text's length.

Lines are counted as editors and `grep -n` count them: `\\n`, `\\r\\n` and `\\r` end a line,
nothing else (a form feed or U+2028 inside a line is white space). Markdown structure
(headings, list items, quotes, tables, code fences, rules) is read only in Markdown mode, so a
line of `~~~` or `---` in a plain text is prose. What is not checked (the inside of a code
block) is counted in `Split.skipped`, so the command can say so.

Every step is one pass: lines are classified once, blocks are joined once, candidate sentence
ends are found by one scan for `.`, `!` and `?`, and each candidate looks at most a bounded
window before and after it. Control and invisible format characters count as white space when
looking for a boundary (a zero-width space after a full stop still ends the sentence), while
the sentence keeps its own characters.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from asiapac_cli.check.lexicon import ABBREVIATIONS, TITLES

MAX_SENTENCE = 1500  # characters; a longer run is cut at a space into pieces of at most this
LONG_LINE = 200  # a plain text with a line longer than this is not hard-wrapped: a line, a paragraph
LOOK_BACK = 40  # characters looked at before a full stop for the word it ends
LINE_BREAK = re.compile(r"\r\n|\r|\n")
STOPS = re.compile(r"[.!?]+")
CLOSERS = "\"'”’)]*_»"
OPENERS = "\"'“‘([«"

# Markdown (CommonMark's shapes, indented at most three spaces).
HEADING = re.compile(r" {0,3}#{1,6}(?:[ \t]|$)")
LIST_ITEM = re.compile(r" {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]")
QUOTE = re.compile(r" {0,3}>[ ]?")
FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
THEMATIC_BREAK = re.compile(r" {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})")
TABLE_DELIMITER = re.compile(r"[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*")

# Characters that are white space to the eye or to nobody: C0 and C1 controls (tab and line ends
# aside), Unicode's format characters (zero-width space, soft hyphen, BOM, bidi controls, tags;
# zero-width joiners and non-joiners excepted: they sit inside words in Persian, Devanagari and
# emoji) and the line and paragraph separators, which do not end a line for editors.
INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891"
    "\u08e2\u180e\u200b\u200e\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f]"
)


def boundary_view(text: str) -> str:
    """`text` with every INVISIBLE character as a space, character for character."""
    return INVISIBLE.sub(" ", text)


@dataclass(frozen=True)
class Sentence:
    line: int  # 1-based, as editors count
    column: int  # 1-based character column of the sentence's first character in its line
    text: str


@dataclass(frozen=True)
class Skipped:
    first: int
    last: int
    reason: str


@dataclass(frozen=True)
class Split:
    sentences: list[Sentence]
    skipped: list[Skipped]

    @property
    def skipped_lines(self) -> int:
        return sum(s.last - s.first + 1 for s in self.skipped)


class Block:
    """Lines joined into one paragraph, with where each joined line starts (for line:column)."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.offsets: list[int] = []  # offset in the joined text where each part starts
        self.lines: list[int] = []
        self.columns: list[int] = []  # 0-based column in its line where each part starts
        self.length = 0

    def add(self, text: str, line: int, column: int) -> None:
        if self.parts:
            self.length += 1  # the joining space
        self.parts.append(text)
        self.offsets.append(self.length)
        self.lines.append(line)
        self.columns.append(column)
        self.length += len(text)

    def text(self) -> str:
        return " ".join(self.parts)

    def place(self, offset: int) -> tuple[int, int]:
        """(line, 1-based column) of an offset in the joined text."""
        index = max(bisect.bisect_right(self.offsets, offset) - 1, 0)
        return self.lines[index], self.columns[index] + offset - self.offsets[index] + 1


def split(text: str, markdown: bool = False) -> Split:
    """Every sentence of `text`, in order, with its line and column; and what was skipped."""
    lines = LINE_BREAK.split(boundary_view(text))
    originals = LINE_BREAK.split(text)
    if markdown:
        blocks, skipped = markdown_blocks(lines)
    else:
        blocks, skipped = plain_blocks(lines), []
    sentences: list[Sentence] = []
    for block in blocks:
        sentences += block_sentences(block, originals)
    return Split(sentences, skipped)


def plain_blocks(lines: list[str]) -> list[Block]:
    """Paragraphs separated by blank lines; every line a paragraph when the text is not wrapped."""
    per_line = any(len(line) > LONG_LINE for line in lines)
    blocks: list[Block] = []
    current = Block()
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if not stripped:
            if current.parts:
                blocks.append(current)
                current = Block()
            continue
        current.add(stripped, number, len(line) - len(line.lstrip()))
        if per_line:
            blocks.append(current)
            current = Block()
    if current.parts:
        blocks.append(current)
    return blocks


def markdown_blocks(lines: list[str]) -> tuple[list[Block], list[Skipped]]:
    """Paragraphs, headings, list items, quotes and table cells; code blocks skipped."""
    blocks: list[Block] = []
    skipped: list[Skipped] = []
    current = Block()

    def flush() -> None:
        nonlocal current
        if current.parts:
            blocks.append(current)
            current = Block()

    fence: tuple[str, int] | None = None  # (marker, line it opened on)
    for number, raw in enumerate(lines, start=1):
        if fence is not None:
            marker, opened = fence
            closing = FENCE.match(raw)
            closed = closing is not None and closing.group(1)[0] == marker[0]
            if closed and len(closing.group(1)) >= len(marker):  # type: ignore[union-attr]
                if number - 1 > opened:
                    skipped.append(Skipped(opened + 1, number - 1, "a code block"))
                fence = None
            elif not raw.strip():
                # An unclosed fence would hide the rest of the text: it ends at the next blank line.
                if number - 1 > opened:
                    skipped.append(Skipped(opened + 1, number - 1, unclosed(opened)))
                fence = None
            continue
        opening = FENCE.match(raw)
        if opening:
            flush()
            fence = (opening.group(1), number)
            continue
        if not raw.strip() or THEMATIC_BREAK.fullmatch(raw) or is_table_delimiter(raw):
            flush()
            continue
        heading = HEADING.match(raw)
        item = LIST_ITEM.match(raw)
        quote = QUOTE.match(raw)
        start = (heading or item or quote).end() if (heading or item or quote) else 0  # type: ignore[union-attr]
        body = raw[start:]
        column = start + len(body) - len(body.lstrip())
        body = body.strip()
        if heading or item:
            flush()
        if body.startswith("|") and body.endswith("|") and len(body) > 1:
            flush()  # a table row: each cell is a statement of its own
            position = raw.index("|", column)
            for cell in body[1:-1].split("|"):
                cell_start = position + 1
                position = cell_start + len(cell)
                if cell.strip():
                    row = Block()
                    row.add(cell.strip(), number, cell_start + len(cell) - len(cell.lstrip()))
                    blocks.append(row)
            continue
        if body:
            current.add(body, number, column)
        if heading:
            flush()  # a heading is a sentence of its own, with or without a stop
    if fence is not None:
        marker, opened = fence
        if len(lines) > opened:
            skipped.append(Skipped(opened + 1, len(lines), unclosed(opened)))
    flush()
    return blocks, skipped


def unclosed(opened: int) -> str:
    return f"a code block opened at line {opened} and never closed (taken to end at a blank line)"


def is_table_delimiter(line: str) -> bool:
    """'|---|:--:|': the line under a Markdown table's header (it needs a pipe, so prose is not one)."""
    return "|" in line and "-" in line and TABLE_DELIMITER.fullmatch(line) is not None


def word_before(view: str, end: int) -> str:
    """The word a full stop at `end` closes ("U.S", "Dr", "2023"), looking back a bounded window."""
    start = end
    floor = max(0, end - LOOK_BACK)
    while start > floor and (view[start - 1].isalnum() or view[start - 1] in ".'’-_"):
        start -= 1
    return view[start:end].casefold().lstrip("'’-")


def is_initialism(word: str) -> bool:
    """'u.s', 'e.g', 'j.r.r': letters each followed by a stop."""
    parts = word.split(".")
    return len(parts) > 1 and all(len(p) == 1 and p.isalpha() for p in parts)


def sentence_end(view: str, stop: re.Match[str]) -> int | None:
    """Where the sentence a run of stops closes ends (after closing quotes), or None."""
    end = stop.end()
    limit = min(len(view), end + 3)
    while end < limit and view[end] in CLOSERS:
        end += 1
    if end >= len(view):
        return end
    glued = not view[end].isspace()
    following = end
    if not glued:
        while following < len(view) and view[following].isspace():
            following += 1
        if following >= len(view):
            return end
    while following < min(len(view), end + 8) and view[following] in OPENERS:
        following += 1
    nxt = view[following] if following < len(view) else ""
    stops = stop.group(0)
    if not stops.startswith("."):
        return end if not glued or nxt.isupper() else None  # ! and ? end a sentence
    if stops == "..":
        return end  # the seed's "countries.." is a typo for one stop
    word = word_before(view, stop.start())
    if glued:
        # "region.The": glued to a capital; an end only after a word of two or more letters that is
        # not an abbreviation (so "U.S.A" and "e.g.The" are not ends).
        ok = nxt.isupper() and len(word) > 1 and word.isalpha() and word not in ABBREVIATIONS
        return end if ok else None
    if not nxt:
        return end
    if word in TITLES:
        return None
    if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()) or is_initialism(word):
        return None  # "U.S. officials", "Jan. 31", "J. Smith": kept whole
    if nxt.isdigit() or nxt.islower():
        return None  # "approx. 16" or a lower-case continuation
    return end


def block_sentences(block: Block, originals: list[str]) -> list[Sentence]:
    view = block.text()
    # The block's own characters (the view has invisible characters as spaces).
    original = " ".join(
        originals[line - 1][column : column + len(part)]
        for part, line, column in zip(block.parts, block.lines, block.columns, strict=True)
    )
    found: list[Sentence] = []
    start = 0
    for stop in STOPS.finditer(view):
        if stop.start() < start:
            continue
        end = sentence_end(view, stop)
        if end is not None:
            found += pieces(block, view, original, start, end)
            start = end
    found += pieces(block, view, original, start, len(view))
    return found


def pieces(block: Block, view: str, original: str, start: int, end: int) -> list[Sentence]:
    """The sentence view[start:end], stripped, cut at spaces into pieces of at most MAX_SENTENCE."""
    while start < end and view[start].isspace():
        start += 1
    while end > start and view[end - 1].isspace():
        end -= 1
    found = []
    while end - start > MAX_SENTENCE:
        cut = view.rfind(" ", start, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        found.append(sentence_at(block, original, start, cut))
        start = cut
        while start < end and view[start].isspace():
            start += 1
    if end > start:
        found.append(sentence_at(block, original, start, end))
    return found


def sentence_at(block: Block, original: str, start: int, end: int) -> Sentence:
    line, column = block.place(start)
    return Sentence(line, column, original[start:end].rstrip())
