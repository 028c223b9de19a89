"""How a command's answer reaches stdout: the fact base asked, the format chosen, the listing,
document or text written, a closed pipe ended quietly."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional, TextIO, TypeVar

import typer

from asiapac_cli import vocab
from asiapac_cli.errors import ExitStatus, NoMatch, UsageProblem

if TYPE_CHECKING:
    from asiapac_cli.cli.options import Output
    from asiapac_cli.facts.base import FactBase
    from asiapac_cli.facts.model import Listing
    from asiapac_cli.output.formats import Format
    from asiapac_cli.output.terminal import Terminal


def load_factbase(data: Optional[Path], use_cache: bool = True) -> FactBase:
    from asiapac_cli.facts import load

    return load.load(load.data_path(str(data) if data else None), use_cache=use_cache)


T = TypeVar("T")


def run_query(data: Optional[Path], produce: Callable[[FactBase], T]) -> T:
    """Run `produce` on the fact base that --data, ASIAPAC_DATA or the bundle names."""
    from asiapac_cli.facts import load

    return load.answer(load.data_path(str(data) if data else None), produce)


def write_out(write: Callable[[TextIO], object]) -> None:
    """Write to stdout; a closed pipe ends quietly (exit 0), a full disk with exit 74."""
    try:
        write(sys.stdout)
        sys.stdout.flush()
    except BrokenPipeError:
        silence_stdout()
        raise typer.Exit(ExitStatus.OK) from None
    except OSError as error:
        silence_stdout()
        sys.stderr.write(f"asiapac: cannot write output: {error.strerror}\n")
        raise typer.Exit(ExitStatus.IO_ERROR) from None


def silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


def chosen_format(output: Output, term: Terminal) -> Format:
    """The --format asked for, else a table on a terminal and TSV when piped."""
    from asiapac_cli.output.formats import default_for

    return output.format or default_for(term)


def select_columns(listing: Listing, wanted: str | None) -> Listing:
    """The listing with only the --columns asked for; an unknown name is a usage error."""
    if wanted is None:
        return listing
    names = [name for name in (part.strip() for part in wanted.split(",")) if name]
    if not names:
        raise UsageProblem("--columns: no column named")
    return listing.select(
        [vocab.match(name, tuple(listing.columns), "--columns", "column") for name in names]
    )


def emit(produce: Callable[[FactBase], Listing], output: Output, data: Optional[Path]) -> None:
    """Run a listing query and print it in the chosen format; exit 1 when nothing matched.

    The query raises NoMatch with its empty listing: machine formats still print their
    header (or `[]`), so a script sees the same shape; a table says so on stderr.
    """
    from asiapac_cli.safe_text import visible

    term = output.terminal
    fmt = chosen_format(output, term)
    if fmt.write is None:  # a format an export writes (ics, mermaid, bibtex): text from the facts
        from asiapac_cli.exports.listing_formats import WRITERS

        export = WRITERS[fmt.name]
        emit_text(lambda fb: export(fb, produce(fb)), data, term)
        return
    try:
        listing = select_columns(run_query(data, produce), output.columns)
    except NoMatch as nothing:
        if nothing.listing is None or fmt.name == "table":
            raise
        empty = select_columns(nothing.listing, output.columns)
        write_listing(empty, fmt, term, output)
        sys.stderr.write(visible(f"asiapac: {nothing}") + "\n")
        raise typer.Exit(ExitStatus.NO_MATCH) from None
    write_listing(listing, fmt, term, output)


def write_listing(listing: Listing, fmt: Format, term: Terminal, output: Output) -> None:
    from asiapac_cli.output.formats import render_listing

    if fmt.name != "table":
        write_out(lambda out: render_listing(listing, fmt.name, term, out, wide=output.wide))
        return
    import io

    from asiapac_cli.output.pager import page, should_page

    drawn = io.StringIO()
    render_listing(listing, fmt.name, term, drawn, wide=output.wide)
    text = drawn.getvalue()
    if should_page(text, term, output.no_pager):
        write_out(lambda out: page(text, out))
    else:
        write_out(lambda out: out.write(text))


def emit_document(
    produce: Callable[[FactBase], dict[str, Any]], fmt: str | None, data: Optional[Path], term: Terminal
) -> None:
    """Print one document (`show`, `about`): an outline on a terminal, text when piped, or the
    format asked for, which always wins."""
    from asiapac_cli.output.document import render_document

    document = run_query(data, produce)
    write_out(lambda out: render_document(document, fmt or ("table" if term.is_tty else "text"), term, out))


def emit_text(produce: Callable[[FactBase], str], data: Optional[Path], term: Terminal) -> None:
    """Print the text a query builds (an export, a chart, a citation)."""
    text = run_query(data, produce)
    from asiapac_cli.safe_text import visible_lines

    if term.is_tty:  # a calendar or BibTeX on a screen is read, not parsed
        text = visible_lines(text)
    write_out(lambda out: out.write(text))
