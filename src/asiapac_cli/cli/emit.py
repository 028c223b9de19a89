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
    from asiapac_cli.facts.narrow import KnownOn
    from asiapac_cli.output.formats import Format
    from asiapac_cli.output.terminal import Terminal


def load_factbase(data: Optional[Path], use_cache: bool = True) -> FactBase:
    from asiapac_cli.facts import load

    return load.load(load.data_path(str(data) if data else None), use_cache=use_cache)


T = TypeVar("T")


def run_query(data: Optional[Path], produce: Callable[[FactBase], T], as_of: Optional[str] = None) -> T:
    """Run `produce` on the fact base that --data, ASIAPAC_DATA or the bundle names (as it
    stood on --as-of, when given)."""
    return run_known(data, produce, as_of)[0]


def as_of_day(as_of: str) -> str:
    """The day --as-of names: its last day, like --until (a usage error when it is no date)."""
    from asiapac_cli.queries.rows import parse_date_option

    return parse_date_option(as_of, "--as-of")[1]


def run_known(
    data: Optional[Path], produce: Callable[[FactBase], T], as_of: Optional[str]
) -> tuple[T, KnownOn | None]:
    """`run_query`, with what --as-of left out (None without --as-of).

    A query that fails as a usage error only because what it names is not known yet on the day
    ('japan' has no ITPP before 12 July 2023) is a no-match (exit 1), like any empty answer.
    """
    from asiapac_cli.facts import load

    path = load.data_path(str(data) if data else None)
    if as_of is None:
        return load.answer(path, produce), None
    day = as_of_day(as_of)
    narrowings: list[KnownOn] = []

    def narrowed(fb: FactBase) -> T:
        from asiapac_cli.facts.narrow import narrow

        known_fb = narrow(fb, day)
        assert known_fb.known is not None
        narrowings.append(known_fb.known)
        try:
            return produce(known_fb)
        except NoMatch as nothing:
            raise counted(nothing, known_fb.known) from None
        except UsageProblem as problem:
            raise counted(not_known_yet(problem, fb, produce), known_fb.known) from None

    return load.answer(path, narrowed), narrowings[-1]


def counted(error: Exception, known: KnownOn) -> Exception:
    """An --as-of no-match that says what is later, so nothing is dropped silently."""
    if not isinstance(error, NoMatch) or not known.left_out:
        return error
    return NoMatch(f"{error}; {known.summary()}", error.listing)


def not_known_yet(problem: UsageProblem, fb: FactBase, produce: Callable[[FactBase], Any]) -> Exception:
    """NoMatch when the whole fact base answers what the narrowed one called a usage error;
    else the usage error itself. The empty listing keeps the answer's shape (`[]`, a header)."""
    from asiapac_cli.facts.model import Listing

    try:
        answer = produce(fb)
    except UsageProblem:
        return problem
    except NoMatch as nothing:
        answer = nothing.listing
    empty = None
    if isinstance(answer, Listing):
        empty = Listing(
            answer.columns,
            [],
            name=answer.name,
            details=answer.details,
            empty_message=str(problem),
            text_forms=answer.text_forms,
        )
    # A "did you mean" would offer what is known on the day in place of what was asked for.
    said = str(problem).split("; did you mean")[0]
    return NoMatch(f"not known yet: {said}", empty)


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
    """The listing with only the --columns asked for; an unknown name, or one named twice, is a
    usage error."""
    if wanted is None:
        return listing
    names = [name for name in (part.strip() for part in wanted.split(",")) if name]
    if not names:
        raise UsageProblem("--columns: no column named")
    chosen = [vocab.match(name, tuple(listing.columns), "--columns", "column") for name in names]
    # JSON keys are unique: a column named twice would be two TSV columns but one JSON key.
    twice = next((name for at, name in enumerate(chosen) if name in chosen[:at]), None)
    if twice is not None:
        raise UsageProblem(f"--columns: {twice!r} is named twice; name each column once")
    return listing.select(chosen)


def emit(
    produce: Callable[[FactBase], Listing], output: Output, data: Optional[Path], as_of: Optional[str] = None
) -> None:
    """Run a listing query and print it in the chosen format; exit 1 when nothing matched.

    The query raises NoMatch with its empty listing: machine formats still print their
    header (or `[]`), so a script sees the same shape; a table says so on stderr. With
    --as-of, a table ends with what was left out, and so does a no-match message.
    """
    from asiapac_cli.safe_text import visible

    term = output.terminal
    fmt = chosen_format(output, term)
    if fmt.write is None:  # a format an export writes (ics, mermaid, bibtex): text from the facts
        from asiapac_cli.exports.listing_formats import WRITERS

        export = WRITERS[fmt.name]
        emit_text(lambda fb: export(fb, produce(fb)), data, term, as_of)
        return
    try:
        answer, known = run_known(data, produce, as_of)
        listing = select_columns(answer, output.columns)
    except NoMatch as nothing:
        if nothing.listing is None or fmt.name == "table":
            raise
        empty = select_columns(nothing.listing, output.columns)
        write_listing(empty, fmt, term, output)
        sys.stderr.write(visible(f"asiapac: {nothing}") + "\n")
        raise typer.Exit(ExitStatus.NO_MATCH) from None
    if known is not None and known.left_out:
        listing.details["left_out"] = known.summary()  # shown under a terminal table only
    write_listing(listing, fmt, term, output)


def write_listing(listing: Listing, fmt: Format, term: Terminal, output: Output) -> None:
    from asiapac_cli.output.formats import render_listing

    if fmt.name != "table":
        write_out(lambda out: render_listing(listing, fmt.name, term, out, wide=output.wide))
        return
    import io

    drawn = io.StringIO()
    render_listing(listing, fmt.name, term, drawn, wide=output.wide)
    write_paged(drawn.getvalue(), term, output.no_pager)


def write_paged(text: str, term: Terminal, no_pager: bool) -> None:
    """Write what was drawn for a terminal: through the pager when it is taller than the screen."""
    from asiapac_cli.output.pager import page, should_page

    if should_page(text, term, no_pager):
        write_out(lambda out: page(text, out))
    else:
        write_out(lambda out: out.write(text))


def emit_document(
    produce: Callable[[FactBase], dict[str, Any]],
    fmt: str | None,
    data: Optional[Path],
    term: Terminal,
    as_of: Optional[str] = None,
    footer: bool = True,
    no_pager: bool = False,
    sources: Callable[[FactBase, dict[str, Any]], list[dict[str, Any]]] | None = None,
) -> None:
    """Print one document (`show`, `about`): an outline on a terminal, text when piped, or the
    format asked for, which always wins. The outline is paged when taller than the screen, and
    lists `sources` (the sources a record cites, with their quotes) at the end. With --as-of,
    the outline ends with what was left out (unless the document says it itself:
    `footer=False`)."""
    import io

    from asiapac_cli.output.document import render_document
    from asiapac_cli.safe_text import visible

    shown = fmt or ("table" if term.is_tty else "text")

    def answer(fb: FactBase) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        document = produce(fb)
        return document, sources(fb, document) if sources is not None and shown == "table" else []

    (document, cited), known = run_known(data, answer, as_of)
    note = known.summary() if footer and known is not None and known.left_out and shown == "table" else None
    drawn = io.StringIO()
    render_document(document, shown, term, drawn, cited)
    if note:
        drawn.write("\n" + visible(note) + "\n")
    if shown == "table":
        write_paged(drawn.getvalue(), term, no_pager)
    else:
        write_out(lambda out: out.write(drawn.getvalue()))


def emit_drawn(
    produce: Callable[[FactBase], T],
    draw: Callable[[T], str],
    data: Optional[Path],
    term: Terminal,
    as_of: Optional[str] = None,
    no_pager: bool = False,
) -> None:
    """Print what a query answers as `draw` lays it out for this terminal (`cite`), paged when
    taller than the screen. With --as-of, what was left out is said on stderr, as `emit_text`
    says it."""
    answer, known = run_known(data, produce, as_of)
    write_paged(draw(answer), term, no_pager)
    if known is not None and known.left_out:
        from asiapac_cli.safe_text import visible

        sys.stderr.write(visible(f"asiapac: {known.summary()}") + "\n")


def emit_text(
    produce: Callable[[FactBase], str], data: Optional[Path], term: Terminal, as_of: Optional[str] = None
) -> None:
    """Print the text a query builds (an export, a chart, a citation). With --as-of, on a
    terminal, what was left out is said on stderr, so the text itself stays as it would be
    written to a file."""
    text, known = run_known(data, produce, as_of)
    from asiapac_cli.safe_text import visible, visible_lines

    if term.is_tty:  # a calendar or BibTeX on a screen is read, not parsed
        text = visible_lines(text)
    write_out(lambda out: out.write(text))
    if term.is_tty and known is not None and known.left_out:
        sys.stderr.write(visible(f"asiapac: {known.summary()}") + "\n")
