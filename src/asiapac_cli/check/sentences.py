"""Sentences of a text (plain or Markdown), each with the line it starts on.

Pure and linear: one pass to mark blocks (paragraphs, headings, list items), one regular
expression per block for candidate sentence ends, and a look at the word before each one
so that "U.S.", "Assoc. Prof. Dr.", "Jan." and initials do not end a sentence.
"""

from __future__ import annotations

import bisect
import re

# Words that end with a full stop without ending a sentence (compared case-insensitively,
# without the stop). Single letters (initials, "U.S." pieces) are handled separately.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof assoc asst st sr jr gen lt col maj capt cdr adm sgt gov sen rep pres
    amb hon rev vol vols pp pg fig approx ca cf vs al e.g i.e
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri sat sun
    inc ltd corp dept univ
    u.s u.k u.n e.u u.s.a
    """.split()  # noqa: SIM905
)
# After these a following capital letter still does not start a sentence ("Dr. Smith").
TITLES = frozenset(
    "mr mrs ms dr prof assoc asst st gen lt col maj capt cdr adm sgt gov sen rep amb hon rev".split()  # noqa: SIM905
)

# A candidate end: ., ! or ? (possibly repeated), closing quotes or brackets, then either
# white space or, for a full stop glued to a capitalised word ("region.The"), nothing.
END = re.compile(r"""([.!?]+)(["'”’)\]*_]*)(?=(\s+)|(?=[A-Z“"‘]))""")
WORD_BEFORE = re.compile(r"([\w.'’-]+)$")
NEXT_START = re.compile(r"""\s*["'“‘(\[]*(\S)""")

# Markdown: the start of a block that is not a continuation of the previous line.
MAX_SENTENCE = 1500  # characters; longer runs are cut into pieces of at most this length
LONG_LINE = 200  # longer lines mean a text that is not hard-wrapped
HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
LIST_ITEM = re.compile(r"^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s+")
QUOTE = re.compile(r"^\s{0,3}>\s?")
FENCE = re.compile(r"^\s{0,3}(```|~~~)")
RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")


def blocks(text: str) -> list[tuple[int, str, list[int]]]:
    """(first line, text, offset -> line table) for each paragraph, heading or list item.

    The text of a block is its lines joined by single spaces; the table gives, for each
    joined line, the offset in the block where it starts, so an offset maps back to a line.
    """
    found: list[tuple[int, str, list[int]]] = []
    parts: list[str] = []
    starts: list[int] = []
    lines_of: list[int] = []
    in_fence = False
    length = [0]

    def flush() -> None:
        if parts:
            found.append((lines_of[0], " ".join(parts), [*starts, *lines_of]))
            parts.clear()
            starts.clear()
            lines_of.clear()
            length[0] = 0

    lines = text.splitlines()
    # Plain text with one paragraph per line (the seed interview): every line is a block.
    per_line = any(len(line) > LONG_LINE for line in lines)
    for number, raw in enumerate(lines, start=1):
        if FENCE.match(raw):
            flush()
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        line = raw.strip()
        if not line or RULE.match(raw) or TABLE_RULE.match(raw):
            flush()
            continue
        heading = HEADING.match(raw)
        item = LIST_ITEM.match(raw)
        quote = QUOTE.match(raw)
        if heading or item:
            flush()
            line = raw[(heading or item).end() :].strip()  # type: ignore[union-attr]
        elif quote:
            line = raw[quote.end() :].strip()
        if line.startswith("|") and line.endswith("|"):
            # A table row: each cell is a statement of its own (a claim, a date, a source).
            flush()
            for cell in line.strip("|").split("|"):
                if cell.strip():
                    found.append((number, cell.strip(), [0, number]))
            continue
        if not line:
            continue
        parts.append(line)
        starts.append(length[0])
        length[0] += len(line) + 1
        lines_of.append(number)
        if heading or per_line:
            flush()  # a heading is a sentence of its own, with or without a stop
    flush()
    return found


def is_sentence_end(block: str, match: re.Match[str]) -> bool:
    stops = match.group(1)
    if stops != "." and not stops.startswith("."):
        return True  # ! and ? always end a sentence
    if stops.startswith("..") and len(stops) == 2:
        return True  # the seed's "countries.." is a typo for one stop
    before = WORD_BEFORE.search(block, 0, match.start())
    word = before.group(1).casefold().lstrip("'’-") if before else ""
    nxt = NEXT_START.match(block, match.end())
    following = nxt.group(1) if nxt else ""
    if match.group(3) is None:
        # "region.The": glued to a capital; an end only after a word of two or more letters
        # that is not an abbreviation (so "U.S.A" and "e.g.The" are not ends).
        return len(word) > 1 and "." not in word and word not in ABBREVIATIONS and word.isalpha()
    if not following:
        return True
    if word in TITLES:
        return False
    if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()) or re.fullmatch(r"(?:\w\.)+\w", word):
        # "U.S. officials", "Jan. 31", "J. Smith": an end only before a clear new sentence,
        # which for these is rare enough that we keep the sentence whole, unless the word
        # is a month ("in Jan. The ...") followed by a capital: then still keep it whole.
        return False
    # "approx. 16" or a lower-case continuation does not start a new sentence.
    return not (following.isdigit() or following.islower())


def split(text: str) -> list[tuple[int, str]]:
    """(line, sentence) for every sentence of `text`, in order."""
    sentences: list[tuple[int, str]] = []
    for _first_line, block, table in blocks(text):
        half = len(table) // 2
        offsets, lines = table[:half], table[half:]
        start = 0
        for match in END.finditer(block):
            if not is_sentence_end(block, match):
                continue
            end = match.end(2)
            add(sentences, block, start, end, offsets, lines)
            start = end
        add(sentences, block, start, len(block), offsets, lines)
    return sentences


def add(
    sentences: list[tuple[int, str]], block: str, start: int, end: int, offsets: list[int], lines: list[int]
) -> None:
    piece = block[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    at = start + (len(piece) - len(piece.lstrip()))
    # A run-on "sentence" (no stops for pages) is cut at spaces, so checking stays linear.
    while len(stripped) > MAX_SENTENCE:
        cut = stripped.rfind(" ", 0, MAX_SENTENCE)
        cut = cut if cut > 0 else MAX_SENTENCE
        sentences.append((lines[max(bisect.bisect_right(offsets, at) - 1, 0)], stripped[:cut].rstrip()))
        at += cut
        rest = stripped[cut:]
        at += len(rest) - len(rest.lstrip())
        stripped = rest.lstrip()
    if stripped:
        sentences.append((lines[max(bisect.bisect_right(offsets, at) - 1, 0)], stripped))
