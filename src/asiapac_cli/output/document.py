"""One document (`show`, `about`): JSON, YAML, or an indented text outline."""

from __future__ import annotations

from typing import Any, TextIO

from asiapac_cli.output.cells import TSV_ESCAPES, cell_text
from asiapac_cli.output.formats import to_json, write_yaml
from asiapac_cli.output.terminal import Terminal, console
from asiapac_cli.safe_text import visible


def render_document(
    document: dict[str, Any],
    fmt: str,
    terminal: Terminal,
    out: TextIO,
    sources: list[dict[str, Any]] | None = None,
) -> None:
    """One record with its related records: JSON, YAML, or an indented text outline. The
    outline for a terminal (`table`) is drawn at its width, with `sources` (each source the
    record cites, with its quotes: queries.citations.sources_with_quotes) listed at the end."""
    if fmt == "json":
        out.write(to_json(document, indent=2) + "\n")
    elif fmt == "yaml":
        write_yaml(document, out)
    elif fmt == "table":  # asked for, or on a terminal: an explicit format always wins
        draw_outline(document, sources or [], terminal, out)
    else:
        out.write("".join("  " * depth + line + "\n" for line, depth in outline(document, safe=True)))


# How the counts that open a record's outline name each group of related records.
RELATED_WORDS = {
    "itpps": ("ITPP", "ITPPs"),
    "stances": ("stance", "stances"),
    "events": ("event", "events"),
    "groupings": ("grouping", "groupings"),
    "claims": ("claim", "claims"),
    "claims_about": ("claim about it", "claims about it"),
    "cited_by": ("record cites it", "records cite it"),
}


def counted(n: int, words: tuple[str, str]) -> str:
    return f"{n} {words[0] if n == 1 else words[1]}"


def headline(document: dict[str, Any], sources: list[dict[str, Any]]) -> str:
    """'Japan (actor): 1 ITPP, 2 stances, 51 events': what the record is and how much is about it."""
    record = document.get("record") or {}
    name = record.get("name") or record.get("title") or document.get("id", "")
    said = f"{cell_text(name)} ({document.get('kind', 'record')})"
    counts = [
        counted(len(rows), RELATED_WORDS.get(group, (group, group)))
        for group, rows in (document.get("related") or {}).items()
    ]
    if sources:
        counts.append(counted(len(sources), ("source", "sources")))
    return said + (": " + ", ".join(counts) if counts else "")


def draw_outline(
    document: dict[str, Any], sources: list[dict[str, Any]], terminal: Terminal, out: TextIO
) -> None:
    """The outline a person reads: for a record, a line of counts first and what else the name
    matched; every line wrapped at words under its own text (a list item's under its key);
    citations as numbers that refer to the sources listed at the end, each URL whole."""
    from rich.text import Text

    from asiapac_cli.output.sources import source_list_lines
    from asiapac_cli.output.wrap import wrap

    width = terminal.width or 100
    target = console(terminal, out)

    def show(line: str, style: str = "") -> None:
        target.print(Text(line, style=style), soft_wrap=True)  # wrapped here; a URL may run on

    numbers = {entry["source"]: number for number, entry in enumerate(sources, start=1)}
    shown = dict(document)
    also = shown.pop("also", None)
    if "related" in document:  # a record (`show`), not `about`
        for said_above in ("kind", "id", "citations"):  # the headline; the record; the list at the end
            shown.pop(said_above, None)
        for line in wrap(visible(headline(document, sources)), width):
            show(line, "bold")
        if also:
            for line in wrap(visible("The name also matches: " + "; ".join(also) + "."), width):
                show(line)
        show("")
    for line, depth in outline(shown, cite=lambda cited: refer(cited, numbers)):
        indent = 2 * depth
        key_at = indent + 2 if line.startswith("- ") else indent
        hang = key_at + 2 if ": " in line or line.endswith(":") else key_at
        style = "bold" if depth == 0 and line.endswith(":") else ""
        for piece in wrap(visible(line), width, indent, hang):
            show(piece, style)
    if sources:
        show("")
        show("sources:", "bold")
        for line in source_list_lines(sources, width):
            show(line)


def refer(citations: list[dict[str, Any]], numbers: dict[str, int]) -> str:
    """A record's citations as the numbers of the sources listed at the end: '[1] [3]'."""
    return " ".join(dict.fromkeys(f"[{numbers[c['source']]}]" for c in citations if c["source"] in numbers))


def outline(value: Any, depth: int = 0, safe: bool = False, cite: Any = None) -> list[tuple[str, int]]:
    """(line, depth) pairs for a nested document; `safe` escapes line breaks for plain text;
    `cite`, when given, writes a record's `sources` (its citations) as one line."""

    def one_line(text: Any) -> str:
        line = cell_text(text)
        return line.translate(TSV_ESCAPES) if safe else line

    lines: list[tuple[str, int]] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if item in (None, [], {}):
                continue
            if cite is not None and key == "sources" and is_citation_list(item):
                lines.append((f"{key}: {cite(item)}", depth))
            elif isinstance(item, (dict, list)) and not is_flat_list(item):
                lines.append((f"{key}:", depth))
                lines += outline(item, depth + 1, safe, cite)
            else:
                lines.append((f"{key}: {one_line(item)}", depth))
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, dict):
                inner = outline(item, depth + 1, safe, cite)
                if inner:
                    first, _ = inner[0]
                    lines.append(("- " + first, depth))
                    lines += inner[1:]
            else:
                lines.append(("- " + one_line(item), depth))
    else:
        lines.append((one_line(value), depth))
    return lines


def is_flat_list(value: Any) -> bool:
    return isinstance(value, list) and all(not isinstance(v, (dict, list)) for v in value)


def is_citation_list(value: Any) -> bool:
    """A record's `sources`: citations, each a mapping with a `source` id."""
    return isinstance(value, list) and all(isinstance(v, dict) and "source" in v for v in value)
