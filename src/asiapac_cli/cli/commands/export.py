"""`asiapac export`: the whole fact base as SQLite, JSON or one HTML page."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

if TYPE_CHECKING:
    from asiapac_cli.facts.base import FactBase

from asiapac_cli.cli.app import command
from asiapac_cli.cli.emit import emit_text, run_query
from asiapac_cli.cli.options import DataOption
from asiapac_cli.cli.vocabulary import ExportFormatOption
from asiapac_cli.output.terminal import Terminal


@command()
def export(
    fmt: ExportFormatOption,
    output: Annotated[
        Optional[Path],
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="File to write (json, html: default stdout).",
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
    from asiapac_cli.exports.sqlite import sqlite
    from asiapac_cli.safe_text import display_path

    if fmt != "html" and (topic or actor or since or until):
        raise UsageProblem("--topic, --actor, --since and --until apply to --format html only")
    if fmt == "html":
        export_html(output, data, since, until, actor, topic, terminal)
    elif fmt == "sqlite":
        if output is None:
            raise UsageProblem("--format sqlite needs --output FILE.db")
        run_query(data, lambda fb: sqlite(fb, output))
        sys.stderr.write(f"asiapac: wrote {display_path(output)}\n")
    elif output is None:
        emit_text(full_json, data, terminal)
    else:
        from asiapac_cli.files import write_atomically

        text = run_query(data, full_json)
        write_atomically(output, lambda temporary: Path(temporary).write_text(text, encoding="utf-8"))


def export_html(
    output: Optional[Path],
    data: Optional[Path],
    since: Optional[str],
    until: Optional[str],
    actor: Optional[list[str]],
    topic: Optional[list[str]],
    terminal: Terminal,
) -> None:
    """The HTML briefing to `output` (atomically) or stdout; its module is imported only here."""
    from asiapac_cli.exports.briefing.page import briefing
    from asiapac_cli.facts import load
    from asiapac_cli.files import write_atomically
    from asiapac_cli.safe_text import display_path

    fact_file = str(load.data_path(str(data) if data else None))

    def page(fb: FactBase) -> str:
        return briefing(fb, since=since, until=until, actors=actor, topics=topic, fact_file=fact_file)

    if output is None:
        emit_text(page, data, terminal)
        return
    text = run_query(data, page)
    write_atomically(output, lambda temporary: Path(temporary).write_text(text, encoding="utf-8"))
    sys.stderr.write(f"asiapac: wrote {display_path(output)}\n")
