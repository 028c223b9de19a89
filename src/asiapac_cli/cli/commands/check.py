"""`asiapac check FILE`: fact-check a text."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from asiapac_cli.cli.emit import chosen_format, run_query, select_columns, write_listing
from asiapac_cli.cli.options import AsOfOption, DataOption, Output, listing_command
from asiapac_cli.cli.vocabulary import CheckVerdictFilter, MinEvidenceOption
from asiapac_cli.errors import ExitStatus

if TYPE_CHECKING:
    from asiapac_cli.check import Report
    from asiapac_cli.files import Expected

# About 100,000 sentences; a longer text is checked in parts.
MAX_TEXT_BYTES = 16 * 1024 * 1024
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".mkdn")


def text_to_check() -> Expected:
    """What a text given to `check` must be: the fact file's rules, its own bound and advice."""
    from asiapac_cli.errors import TextUnreadable
    from asiapac_cli.files import Expected

    return Expected(
        noun="a text to check",
        short="a text to check",
        limit=MAX_TEXT_BYTES,
        error=TextUnreadable,
        too_large_advice="; check it in parts",
        special_advice=" (to check a stream, pipe it to: asiapac check -)",
    )


@listing_command()
def check(
    file: Annotated[
        str,
        typer.Argument(
            metavar="FILE", help="Text to check (UTF-8, plain or Markdown); - for stdin.", show_default=False
        ),
    ],
    min_evidence: MinEvidenceOption = None,
    show_all: Annotated[
        bool,
        typer.Option(
            "--all", help="List every sentence, also those not judged (by default only judged ones)."
        ),
    ] = False,
    verdict: CheckVerdictFilter = None,
    markdown: Annotated[
        Optional[bool],
        typer.Option(
            "--markdown/--text",
            help="Read the text as Markdown (headings, lists, tables, code blocks skipped) or as plain "
            "text. Default: Markdown for .md and .markdown files, plain text otherwise.",
            show_default=False,
        ),
    ] = None,
    data: DataOption = None,
    as_of: AsOfOption = None,
    *,
    output: Output,
) -> None:
    """Fact-check a text against the fact base.

    Each sentence is read into claims (who attended which summit, who holds which position, a
    date, a count, ...); each claim is judged against the records. Only judged sentences are
    listed (--all for every one); a terminal table starts with a count of each verdict. A text
    that gives its own date, or --as-of, is judged against what was known that day. Exit 0 when
    nothing is contradicted (also when nothing could be judged), 3 when something is (so CI can
    gate a draft), 66 when the text cannot be read.

    \b
    Example:
      asiapac check article.txt
      asiapac check draft.md --verdict contradicted,contested
      pbpaste | asiapac check - --format json
    """
    from asiapac_cli.check import check as check_text
    from asiapac_cli.cli.emit import as_of_day
    from asiapac_cli.files import read_standard_input, read_text

    as_markdown = markdown if markdown is not None else file.casefold().endswith(MARKDOWN_SUFFIXES)
    day = dt.date.fromisoformat(as_of_day(as_of)) if as_of else None
    term = output.terminal
    fmt = chosen_format(output, term)
    text = read_standard_input(text_to_check()) if file == "-" else read_text(Path(file), text_to_check())
    name = "standard input" if file == "-" else file
    wanted = tuple(verdict) if verdict else None
    report: Report = run_query(
        data,
        # --as-of: the checker is handed the fact base as it stood on that day
        lambda fb: check_text(
            fb,
            text,
            min_evidence=min_evidence,
            show_all=show_all,
            verdicts=wanted,
            markdown=as_markdown,
            as_of=day,
        ),
        as_of,
    )
    listing = select_columns(report.listing, output.columns)
    for skipped in report.skipped:
        first, last = skipped.first, skipped.last
        span = f"line {first}" if first == last else f"lines {first}-{last}"
        sys.stderr.write(f"asiapac: {name}: {span} not checked: {skipped.reason}\n")
    if not listing.rows and fmt.name == "table":
        summary = listing.details["summary"]
        sys.stderr.write(f"asiapac: {summary}; {listing.empty_message} (--all lists every sentence)\n")
    else:
        write_listing(listing, fmt, term, output)
    if report.contradicted:
        raise typer.Exit(ExitStatus.CONTRADICTED)
