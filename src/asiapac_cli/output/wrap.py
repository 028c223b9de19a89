"""Text wrapped at words for a terminal, with a hanging indent, and never a URL broken.

Rich wraps a line it prints from column 0 and breaks a URL wherever the line ends; an outline
or a list of sources needs its continuation lines under their own text, and a URL whole on one
line, so that the terminal keeps it clickable. Widths are counted in terminal cells (a CJK
character takes two). Imported only when something is drawn for a terminal: it imports Rich.
"""

from __future__ import annotations

from rich.cells import cell_len

URL_STARTS = ("http://", "https://")


def wrap(text: str, width: int, indent: int = 0, hang: int | None = None) -> list[str]:
    """`text` as lines of at most `width` cells, broken only between words: the first line
    indented by `indent` spaces, the others by `hang` (default: `indent`). Each line break of
    the text starts a new line at `hang`.

    A word too long for a line is not broken: a URL keeps a line of its own and runs past the
    width (the terminal shows the rest below, and the URL stays one), and so does any other
    word, unless it is of wide characters (Chinese, Japanese, Korean), which may break anywhere.
    """
    hang = indent if hang is None else hang
    lines: list[str] = []
    for number, paragraph in enumerate(text.split("\n")):
        lines += wrap_paragraph(paragraph, width, indent if number == 0 else hang, hang)
    return lines


def wrap_paragraph(text: str, width: int, indent: int, hang: int) -> list[str]:
    lines: list[str] = []
    line = " " * indent
    used = indent
    fresh = True  # nothing but the indent on `line` yet
    for word in text.replace("\t", " ").split(" "):
        if not word:
            continue
        size = cell_len(word)
        wide = size > len(word) and not word.startswith(URL_STARTS)
        if not fresh and (used + 1 + size <= width or (wide and used + 3 <= width)):
            # It fits; or it is of wide characters, which fill the rest of this line.
            line += " "
            used += 1
        elif not fresh:
            lines.append(line)
            line, used = " " * hang, hang
        room = max(width - used, 1)
        if size > room and wide:
            # Wide characters: fill this line, then as many more as the word needs.
            pieces = fold(word, room, max(width - hang, 1))
            for piece in pieces[:-1]:
                lines.append(line + piece)
                line, used = " " * hang, hang
            word = pieces[-1]
            size = cell_len(word)
        line += word
        used += size
        fresh = False
    lines.append(line if not fresh else line.rstrip())
    return lines


def fold(word: str, first: int, rest: int) -> list[str]:
    """`word` cut into pieces of at most `first` cells, then `rest` cells (never a character
    split: a wide character that does not fit goes to the next piece)."""
    pieces: list[str] = []
    piece = ""
    room = first
    for char in word:
        if piece and cell_len(piece + char) > room:
            pieces.append(piece)
            piece, room = "", rest
        piece += char
    pieces.append(piece)
    return pieces
