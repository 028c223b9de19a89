"""`asiapac export`: the whole fact base as SQLite, JSON or one HTML page."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional, TextIO

import typer

from asiapac_cli.cli.app import command
from asiapac_cli.cli.emit import emit_text, run_query, write_out
from asiapac_cli.cli.options import AsOfOption, DataOption
from asiapac_cli.cli.vocabulary import ExportFormatOption
from asiapac_cli.output.terminal import Terminal

if TYPE_CHECKING:
    from asiapac_cli.facts.base import FactBase


@command()
def export(
    fmt: ExportFormatOption,
    output: Annotated[
        Optional[Path],
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="File to write; - for stdout (the default for json, and for html when piped: "
            "html on a terminal needs --output).",
            show_default=False,
        ),
    ] = None,
    topic: Annotated[
        Optional[list[str]],
        typer.Option(metavar="TOPIC", help="html: only this topic (repeatable).", show_default=False),
    ] = None,
    actor: Annotated[
        Optional[list[str]],
        typer.Option(metavar="NAME", help="html: only this actor (repeatable).", show_default=False),
    ] = None,
    since: Annotated[Optional[str], typer.Option(metavar="DATE", help="html: from this date.")] = None,
    until: Annotated[Optional[str], typer.Option(metavar="DATE", help="html: up to this date.")] = None,
    data: DataOption = None,
    as_of: AsOfOption = None,
    *,
    terminal: Terminal,
) -> None:
    """The whole fact base as SQLite, JSON or one HTML page.

    SQLite for sqlite3 and Datasette, with keys declared; JSON as one document; HTML as one
    self-contained page to open offline (--topic, --actor, --since, --until narrow it).

    \b
    Example:
      asiapac export --format sqlite --output asiapac.db
      asiapac export --format html --topic tokyo-office -o tokyo-office.html
    """
    from asiapac_cli.errors import UsageProblem
    from asiapac_cli.exports.json import full_json
    from asiapac_cli.files import is_standard_output, write_atomically

    chosen = fmt
    if chosen != "html" and (topic or actor or since or until):
        raise UsageProblem("--topic, --actor, --since and --until apply to --format html only")
    # `-o -` is stdout, as is a name of the file stdout already is (`-o /dev/stdout | cat`).
    to_stdout = output is None or is_standard_output(output)
    if chosen == "sqlite":
        if output is None:
            raise UsageProblem("--format sqlite needs --output FILE.db (or -o - for standard output)")
        if to_stdout:
            export_sqlite_to_stdout(data, as_of)
        else:
            from asiapac_cli.exports.sqlite import sqlite

            run_query(data, lambda fb: sqlite(fb, output), as_of)
            wrote(output)
        return
    if chosen == "html" and output is None and terminal.is_tty:
        # As httpie does with a binary body: a page of about 400 kB is for a browser, not a
        # screen. `-o -` (asked for by name) and a pipe still get it.
        raise UsageProblem(
            "an HTML page is for a browser, not the terminal: give --output FILE.html "
            "(or redirect: > briefing.html; -o - prints it here anyway)"
        )
    produce = html_page(data, since, until, actor, topic) if chosen == "html" else full_json
    if to_stdout or output is None:
        emit_text(produce, data, terminal, as_of)
        return
    text = run_query(data, produce, as_of)
    write_atomically(output, lambda temporary: Path(temporary).write_text(text, encoding="utf-8"))
    if chosen == "html":
        wrote(output)


def wrote(output: Path) -> None:
    from asiapac_cli.safe_text import display_path

    sys.stderr.write(f"asiapac: wrote {display_path(output)}\n")


def html_page(
    data: Optional[Path],
    since: Optional[str],
    until: Optional[str],
    actor: Optional[list[str]],
    topic: Optional[list[str]],
) -> Callable[[FactBase], str]:
    """The HTML briefing's query; its module is imported only here."""
    from asiapac_cli.exports.briefing.page import briefing
    from asiapac_cli.facts import load

    fact_file = str(load.data_path(str(data) if data else None))

    def page(fb: FactBase) -> str:
        return briefing(fb, since=since, until=until, actors=actor, topics=topic, fact_file=fact_file)

    return page


def export_sqlite_to_stdout(data: Optional[Path], as_of: Optional[str]) -> None:
    """The database's bytes on standard output, never on a terminal (where they would be noise
    and could carry escape sequences)."""
    from asiapac_cli.errors import UsageProblem
    from asiapac_cli.exports.sqlite import sqlite_bytes
    from asiapac_cli.output.terminal import stdout_is_tty

    if stdout_is_tty():
        raise UsageProblem(
            "a SQLite database is binary: redirect standard output to a file (> asiapac.db), "
            "or give --output FILE.db"
        )
    database = run_query(data, sqlite_bytes, as_of)

    def write(out: TextIO) -> None:
        out.flush()
        out.buffer.write(database)

    write_out(write)
