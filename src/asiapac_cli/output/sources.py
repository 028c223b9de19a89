"""The sources of a record as a terminal shows them (`cite`, `show`): one numbered entry per
source, its title, publisher and date wrapped at words, its URL whole on a line of its own,
and each quote of it indented beneath. Imported only when drawing for a terminal.
"""

from __future__ import annotations

from typing import Any

from asiapac_cli.facts.model import DESCRIPTIVE_TITLE_MARK
from asiapac_cli.output.terminal import Terminal
from asiapac_cli.output.wrap import wrap
from asiapac_cli.safe_text import visible

BODY = 4  # where an entry's URL and quotes start, under its title


def heading(entry: dict[str, Any]) -> str:
    """'Title [descriptive title]. Publisher, date (accessed date).' as --cite's list says it."""
    title = entry.get("title") or entry["source"]
    if entry.get("title_descriptive"):  # our title, never passed off as a headline
        title += " " + DESCRIPTIVE_TITLE_MARK
    who = entry.get("publisher") or entry.get("author")
    when = ", ".join(part for part in (who, entry.get("date")) if part)
    if entry.get("accessed"):
        when += f" (accessed {entry['accessed']})"
    return f"{title}. {when}." if when else f"{title}."


def citation_line(cited: dict[str, Any]) -> str:
    """'Area 3 (cyber defence): "the quote" (p. 4)': a label, a quote and a locator, as given."""
    said = f'"{cited["quote"]}"' if cited.get("quote") else ""
    if cited.get("locator"):
        said = f"{said} ({cited['locator']})".strip()
    if cited.get("label"):
        return f"{cited['label']}: {said}" if said else cited["label"]
    return said


def source_entry_lines(number: int, entry: dict[str, Any], width: int) -> list[str]:
    """One source's lines: '[n] heading', its URL, then each citation of it."""
    prefix = f"[{number}] "
    lines = wrap(visible(prefix + heading(entry)), width, 0, len(prefix))
    if entry.get("url"):
        lines.append(" " * BODY + visible(entry["url"]))  # never wrapped by us: it stays clickable
    for cited in entry.get("cited") or []:
        text = citation_line(cited)
        if text:
            # A quote hangs under its own first letter; a labelled line under its label.
            hang = BODY + 1 if text.startswith('"') else BODY + 2
            lines += wrap(visible(text), width, BODY, hang)
    return lines


def source_list_lines(entries: list[dict[str, Any]], width: int) -> list[str]:
    """Every entry's lines, numbered from 1 in the order given."""
    lines: list[str] = []
    for number, entry in enumerate(entries, start=1):
        lines += source_entry_lines(number, entry, width)
    return lines


def draw_sources(entries: list[dict[str, Any]], terminal: Terminal) -> str:
    """`cite` on a terminal: the numbered sources at the terminal's width, as text."""
    return "".join(line + "\n" for line in source_list_lines(entries, terminal.width or 100))
