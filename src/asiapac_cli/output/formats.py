"""The output contract: every --format of the listings, by name, in one registry, and the
writers of the listing formats (a table on a terminal, stable plain text when piped).

Piped formats are written with plain `write` calls and never go through Rich, so they carry
no ANSI codes, box drawing, wrapping or truncation. Rich is imported only to draw a table.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TextIO

from asiapac_cli import vocab
from asiapac_cli.facts.model import Listing, project
from asiapac_cli.output.cells import TSV_ESCAPES, cell_text
from asiapac_cli.output.terminal import Terminal, console
from asiapac_cli.safe_text import visible  # the one neutralising function; tables use it

Writer = Callable[[Listing, TextIO, Terminal, bool], None]  # (listing, out, terminal, wide)


class Format:
    """One --format of the listing commands.

    `listings` names the listings that take it (None: every listing); `about` is what --help
    says of a format only some listings take. `write` draws or writes a listing; None marks a
    format an export writes (ics, mermaid, bibtex), which needs the fact base as well as the
    rows: its writer is in exports/listing_formats.py, under the same name.
    """

    def __init__(
        self, name: str, write: Writer | None, *, listings: tuple[str, ...] | None = None, about: str = ""
    ) -> None:
        self.name = name
        self.write = write
        self.listings = listings
        self.about = about

    def takes(self, listing: str) -> bool:
        return self.listings is None or listing in self.listings


def formats_for(listing: str) -> tuple[str, ...]:
    """The --format names a listing takes, in the order --help lists them."""
    return tuple(name for name, fmt in FORMATS.items() if fmt.takes(listing))


def format_help(listing: str) -> str:
    """--format's help for one listing: its formats, the defaults, what the special ones are."""
    names = formats_for(listing)
    special = [f"{name}: {FORMATS[name].about}" for name in names if FORMATS[name].listings is not None]
    extra = " " + "; ".join(special) + "." if special else ""
    return f"One of {', '.join(names)}. Default: table on a terminal, tsv when piped.{extra}"


def format_completer(listing: str) -> Callable[[str], list[str]]:
    """Shell completion of the formats a listing takes."""
    return vocab.completer(formats_for(listing))


def match_format(typed: str, listing: str) -> Format:
    """The format `typed` names (any case) among those `listing` takes; a usage error (exit 2,
    with 'did you mean') otherwise."""
    return FORMATS[vocab.match(typed, formats_for(listing), "--format", "format")]


def default_for(terminal: Terminal) -> Format:
    """A table on a terminal, TSV when piped."""
    return FORMATS["table" if terminal.is_tty else "tsv"]


def render_listing(listing: Listing, fmt: str, terminal: Terminal, out: TextIO, *, wide: bool) -> None:
    """Write `listing` in one of the formats this module writes (not an export's)."""
    write = FORMATS[fmt].write
    if write is None:  # the CLI sends an export's format to its writer; this guards the contract
        raise ValueError(f"{fmt!r} is written by an export, not here")
    write(listing, out, terminal, wide)


def write_tsv(listing: Listing, out: TextIO) -> None:
    """Header line, then one line per row; tab, newline, CR and backslash escaped."""

    def escape(value: Any) -> str:
        return cell_text(value).translate(TSV_ESCAPES)

    lines = ["\t".join(listing.columns)]
    lines += ["\t".join(escape(listing.text_value(row, c)) for c in listing.columns) for row in listing.rows]
    out.write("\n".join(lines) + "\n")


def write_csv(listing: Listing, out: TextIO) -> None:
    """RFC 4180 quoting with LF line ends (not the csv module's default CRLF).

    Written by hand, as the csv module of Python 3.11+ writes it (QUOTE_MINIMAL): a value is
    quoted when it holds a comma, a quote, CR or LF, and quotes are doubled. The csv module
    of Python 3.10 refuses a NUL in a value ("need to escape"); a NUL is data like any other.
    """
    for values in [listing.columns] + [
        [cell_text(listing.text_value(row, c)) for c in listing.columns] for row in listing.rows
    ]:
        out.write(csv_line(values))


def csv_line(values: list[str]) -> str:
    if values == [""]:
        return '""\n'  # a lone empty value, quoted so the line is not blank
    return ",".join(csv_value(value) for value in values) + "\n"


def csv_value(value: str) -> str:
    if any(c in value for c in CSV_SPECIAL):
        return '"' + value.replace('"', '""') + '"'
    return value


CSV_SPECIAL = (",", '"', "\r", "\n")


def to_json(data: Any, indent: int | None = None) -> str:
    """JSON with text as UTF-8, but Unicode line separators escaped so no reader splits a line."""
    import json

    text = json.dumps(data, ensure_ascii=False, indent=indent)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("\x85", "\\u0085")


def write_json(listing: Listing, out: TextIO) -> None:
    out.write(to_json([project(row, listing.columns) for row in listing.rows], indent=2) + "\n")


def write_jsonl(listing: Listing, out: TextIO) -> None:
    for row in listing.rows:
        out.write(to_json(project(row, listing.columns)) + "\n")


def write_yaml(data: Any, out: TextIO) -> None:
    import yaml

    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    out.write(yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=10**9))


def markdown_cell(value: Any) -> str:
    """A cell of a Markdown table: controls shown as escapes (a CR too), HTML as entities, `|`
    escaped, a line break as <br>."""
    text = visible(cell_text(value))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("|", "\\|").replace("\n", "<br>")


def write_markdown(listing: Listing, out: TextIO) -> None:
    """A GitHub-flavoured Markdown table; `|` escaped, HTML neutralised."""
    columns = listing.columns
    lines = ["| " + " | ".join(columns) + " |", "|" + "|".join("---" for _ in columns) + "|"]
    for row in listing.rows:
        lines.append("| " + " | ".join(markdown_cell(listing.text_value(row, c)) for c in columns) + " |")
    out.write("\n".join(lines) + "\n")


def draw_table(listing: Listing, out: TextIO, terminal: Terminal, wide: bool) -> None:
    """A table for a person: one screen line a record, or every column wrapped with `wide`."""
    from asiapac_cli.output import table

    target = console(terminal, out)
    if wide:
        table.draw_wide(listing, target, terminal.width or 100, terminal.color)
    else:
        table.draw_fitted(listing, target, terminal.width or 100, terminal.color, terminal.height)


FORMATS: dict[str, Format] = {
    fmt.name: fmt
    for fmt in (
        Format("table", draw_table),
        Format("tsv", lambda listing, out, _terminal, _wide: write_tsv(listing, out)),
        Format("csv", lambda listing, out, _terminal, _wide: write_csv(listing, out)),
        Format("json", lambda listing, out, _terminal, _wide: write_json(listing, out)),
        Format("jsonl", lambda listing, out, _terminal, _wide: write_jsonl(listing, out)),
        Format(
            "yaml",
            lambda listing, out, _terminal, _wide: write_yaml(
                [project(row, listing.columns) for row in listing.rows], out
            ),
        ),
        Format("markdown", lambda listing, out, _terminal, _wide: write_markdown(listing, out)),
        Format("ics", None, listings=("timeline",), about="an RFC 5545 calendar"),
        Format("mermaid", None, listings=("timeline",), about="a Mermaid timeline diagram"),
        Format("bibtex", None, listings=("sources",), about="entries for reference managers"),
    )
}
# The formats every listing takes.
LISTING_FORMATS = formats_for("")
