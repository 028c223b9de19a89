"""`asiapac check FILE`: fact-check a text."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from asiapac_cli.cli.emit import chosen_format, run_query, select_columns, write_listing
from asiapac_cli.cli.options import DataOption, Output, listing_command
from asiapac_cli.cli.vocabulary import MinEvidenceOption
from asiapac_cli.errors import (
    ExitStatus,
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
        bool, typer.Option("--all", help="List every sentence, also those that name nothing the base knows.")
    ] = False,
    data: DataOption = None,
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
    from asiapac_cli.check.checker import MAX_TEXT_BYTES, contradicted
    from asiapac_cli.check.checker import check as check_text
    from asiapac_cli.errors import TextUnreadable

    term = output.terminal
    fmt = chosen_format(output, term)
    name = "standard input" if file == "-" else file
    try:
        if file == "-":
            raw = sys.stdin.buffer.read(MAX_TEXT_BYTES + 1)
        else:
            with open(file, "rb") as handle:
                raw = handle.read(MAX_TEXT_BYTES + 1)
    except OSError as error:
        raise TextUnreadable(f"cannot read {name}: {error.strerror}") from None
    if len(raw) > MAX_TEXT_BYTES:
        raise TextUnreadable(f"{name} is more than {MAX_TEXT_BYTES // 2**20} MiB; check it in parts")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise TextUnreadable(
            f"{name} is not UTF-8 text (byte 0x{raw[error.start]:02x} at offset {error.start}); "
            "convert it first, for example: iconv -f latin1 -t utf-8"
        ) from None
    listing = select_columns(
        run_query(data, lambda fb: check_text(fb, text, min_evidence, show_all)), output.columns
    )
    if not listing.rows and fmt.name == "table":
        sys.stderr.write(f"asiapac: {listing.empty_message}\n")
    else:
        write_listing(listing, fmt, term, output)
    if contradicted(listing):
        raise typer.Exit(ExitStatus.CONTRADICTED)
