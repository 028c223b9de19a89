"""One document (`show`, `about`): JSON, YAML, or an indented text outline."""

from __future__ import annotations

from typing import Any, TextIO

from asiapac_cli.output.cells import TSV_ESCAPES, cell_text
from asiapac_cli.output.formats import to_json, write_yaml
from asiapac_cli.output.terminal import Terminal, console
from asiapac_cli.safe_text import visible


def render_document(document: dict[str, Any], fmt: str, terminal: Terminal, out: TextIO) -> None:
    """One record with its related records: JSON, YAML, or an indented text outline."""
    if fmt == "json":
        out.write(to_json(document, indent=2) + "\n")
    elif fmt == "yaml":
        write_yaml(document, out)
    elif fmt == "table":  # asked for, or on a terminal: an explicit format always wins
        from rich.text import Text

        target = console(terminal, out)
        for line, depth in outline(document):
            style = "bold" if depth == 0 and line.endswith(":") else ""
            target.print(Text("  " * depth + visible(line), style=style))
    else:
        out.write("".join("  " * depth + line + "\n" for line, depth in outline(document, safe=True)))


def outline(value: Any, depth: int = 0, safe: bool = False) -> list[tuple[str, int]]:
    """(line, depth) pairs for a nested document; `safe` escapes line breaks for plain text."""

    def one_line(text: Any) -> str:
        line = cell_text(text)
        return line.translate(TSV_ESCAPES) if safe else line

    lines: list[tuple[str, int]] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if item in (None, [], {}):
                continue
            if isinstance(item, (dict, list)) and not is_flat_list(item):
                lines.append((f"{key}:", depth))
                lines += outline(item, depth + 1, safe)
            else:
                lines.append((f"{key}: {one_line(item)}", depth))
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, dict):
                inner = outline(item, depth + 1, safe)
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
