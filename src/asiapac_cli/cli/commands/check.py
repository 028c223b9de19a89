"""`asiapac check FILE`: fact-check a text."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from asiapac_cli import vocab
from asiapac_cli.errors import ExitStatus

if TYPE_CHECKING:
    from asiapac_cli.files import Expected

from asiapac_cli.cli.emit import chosen_format, run_query, select_columns, write_listing
from asiapac_cli.cli.options import AsOfOption, DataOption, Output, listing_command

# About 100,000 sentences; a longer text is checked in parts.
MAX_TEXT_BYTES = 16 * 1024 * 1024


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
    min_evidence: Annotated[
        Optional[str],
        typer.Option(
            "--min-evidence",
            metavar="LEVEL",
            help="Judge only against facts at or above this evidence level: "
            f"{', '.join(vocab.EVIDENCE_LEVELS)}.",
            autocompletion=vocab.completer(vocab.EVIDENCE_LEVELS),
            show_default=False,
        ),
    ] = None,
    show_all: Annotated[
        bool, typer.Option("--all", help="List every sentence, also those that name nothing the base knows.")
    ] = False,
    data: DataOption = None,
    as_of: AsOfOption = None,
    *,
    output: Output,
) -> None:
    """Fact-check a text against the fact base.

    Exit 0 when nothing is contradicted (also when nothing could be judged), 3 when
    something is (so CI can gate a draft), 66 when the text cannot be read.

    \b
    Example:
      asiapac check article.txt
      pbpaste | asiapac check - --format json
    """
    from asiapac_cli.check.checker import check as check_text
    from asiapac_cli.check.checker import contradicted
    from asiapac_cli.files import read_standard_input, read_text
    from asiapac_cli.output.terminal import detect

    level = (
        vocab.match(min_evidence, vocab.EVIDENCE_LEVELS, "--min-evidence", "level") if min_evidence else None
    )
    term = detect(output.no_color)
    fmt = chosen_format(output, vocab.LISTING_FORMATS, term)
    text = read_standard_input(text_to_check()) if file == "-" else read_text(Path(file), text_to_check())
    listing = select_columns(
        # --as-of: the checker is handed the fact base as it stood on that day
        run_query(data, lambda fb: check_text(fb, text, level, show_all), as_of),
        output.columns,
    )
    if not listing.rows and fmt == "table":
        sys.stderr.write(f"asiapac: {listing.empty_message}\n")
    else:
        write_listing(listing, fmt, term, output)
    if contradicted(listing):
        raise typer.Exit(ExitStatus.CONTRADICTED)
