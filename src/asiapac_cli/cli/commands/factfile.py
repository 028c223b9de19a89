"""`asiapac validate` and `asiapac schema`: the fact file itself."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from asiapac_cli.cli.app import command
from asiapac_cli.cli.emit import write_out
from asiapac_cli.cli.options import DataOption
from asiapac_cli.cli.vocabulary import ValidateFormatOption
from asiapac_cli.errors import (
    ExitStatus,
    FactFileInvalid,
)


@command()
def validate(
    file: Annotated[
        Optional[Path],
        typer.Argument(
            metavar="[FILE]",
            help="Fact file (default: --data, ASIAPAC_DATA or the bundled file).",
            show_default=False,
            readable=False,  # the loader says why a file cannot be read (66), as for --data
        ),
    ] = None,
    fmt: ValidateFormatOption = "text",
    data: DataOption = None,
) -> None:
    """Check a fact file: every problem with its line.

    Each problem as file:line:column: message; exit 65 when there is one.

    \b
    Example:
      asiapac validate my-facts.yaml
    """
    from asiapac_cli.facts import load
    from asiapac_cli.output.formats import to_json
    from asiapac_cli.safe_text import display_path, visible

    path = file or load.data_path(str(data) if data else None)
    shown = display_path(path)  # bytes that are not UTF-8 as \xff, controls escaped
    problems: list[dict[str, Any]] = []
    warnings: list[dict[str, Any]] = []
    try:
        fb = load.load(path, use_cache=False)
        warnings = [
            {"file": shown, "line": w.line, "column": w.column, "message": visible(w.message)}
            for w in fb.warnings
        ]
    except FactFileInvalid as error:
        problems = [
            {"file": shown, "line": p.line, "column": p.column, "message": visible(p.message)}
            for p in error.problems
        ]
    if fmt == "json":
        # Warnings never change `valid` or the exit status; a key of their own keeps them apart.
        report = {"file": shown, "valid": not problems, "problems": problems, "warnings": warnings}
        write_out(lambda out: out.write(to_json(report, indent=2) + "\n"))
    elif problems:
        write_out(
            lambda out: out.write(
                "".join(f"{p['file']}:{p['line']}:{p['column']}: {p['message']}\n" for p in problems)
            )
        )
    else:
        counts = ", ".join(
            f"{len(fb.table(k)) if k != 'events' else len(fb.events)} {k}"
            for k in ("sources", "events", "itpps", "stances", "claims")
        )
        write_out(lambda out: out.write(f"{shown}: valid ({counts})\n"))
        # On stderr, like a compiler's: stdout stays the one line scripts read.
        for w in warnings:
            sys.stderr.write(f"{w['file']}:{w['line']}:{w['column']}: warning: {w['message']}\n")
    if problems:
        raise typer.Exit(ExitStatus.DATA_INVALID)


@command()
def schema() -> None:
    """The JSON Schema (draft 2020-12) of the fact file.

    \b
    Example:
      asiapac schema > facts.schema.json
    """
    import json

    from asiapac_cli.facts import schema as fact_schema

    write_out(lambda out: out.write(json.dumps(fact_schema.json_schema(), indent=2) + "\n"))
