"""The options commands share, declared once: output options for every listing (`listing_command`),
the fact file, citations, filters, and shell completion of names."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from asiapac_cli.cli.app import TERMINAL, command
from asiapac_cli.cli.emit import load_factbase
from asiapac_cli.output.terminal import Terminal

if TYPE_CHECKING:
    from asiapac_cli.output.formats import Format


class Output:
    """The output options every listing command takes, as given on the command line; the
    listing they are for (its name decides which formats it takes); and where this run writes
    (its terminal, detected once per run, without colour after --no-color)."""

    def __init__(
        self,
        fmt: str | None,
        columns: str | None,
        wide: bool,
        no_pager: bool,
        no_color: bool,
        *,
        listing: str,
        terminal: Terminal,
    ) -> None:
        self.fmt = fmt
        self.columns = columns
        self.wide = wide
        self.no_pager = no_pager
        self.no_color = no_color
        self.listing = listing
        self.terminal = terminal.without_color(no_color)

    @functools.cached_property
    def format(self) -> Format | None:
        """The --format asked for, matched once (any case); None when none was given."""
        from asiapac_cli.output.formats import match_format

        return None if self.fmt is None else match_format(self.fmt, self.listing)


def format_option(listing: str) -> Any:
    """--format, its help and completion read from the format registry for one listing."""
    from asiapac_cli.output.formats import format_completer, format_help

    return Annotated[
        Optional[str],
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help=format_help(listing),
            autocompletion=format_completer(listing),
            show_default=False,
        ),
    ]


ColumnsOption = Annotated[
    Optional[str],
    typer.Option(
        "--columns",
        "-c",
        metavar="A,B,C",
        help="Only these columns, in this order, in every format (names as in the tsv header).",
        show_default=False,
    ),
]


WideOption = Annotated[
    bool,
    typer.Option(
        "--wide",
        "-w",
        help="Every column, all of it, wrapped: nothing cut (a table marks cut text with … "
        "and says what is not shown at this width).",
    ),
]


NoPagerOption = Annotated[bool, typer.Option("--no-pager", help="Never page a long table.")]


NoColorOption = Annotated[bool, typer.Option("--no-color", help="No colour (also: NO_COLOR=1).")]


DataOption = Annotated[
    Optional[Path],
    typer.Option(
        "--data",
        metavar="FILE",
        help="Fact file to read instead of the bundled one (or set ASIAPAC_DATA).",
        show_default=False,
        dir_okay=True,
        readable=False,  # the loader says why a file cannot be read (66), as for ASIAPAC_DATA
    ),
]


CiteOption = Annotated[
    bool, typer.Option("--cite", help="Add citations: title, publisher, date, URL, quote.")
]


OUTPUT_NAMES = ("fmt", "columns", "wide", "no_pager", "no_color")


def listing_command(
    name: str | None = None, *, listing: str | None = None
) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Register a listing command: it takes `output: Output`, and gets the shared output options
    (--format, --columns, --wide, --no-pager, --no-color), declared here once for every listing.
    `listing` names the listing it prints, whose formats --format offers (default: the
    command's name)."""

    def register(function: Callable[..., None]) -> Callable[..., None]:
        command_name = name or function.__name__
        prints = listing or command_name
        return command(command_name, adapt=lambda f: with_output_options(f, prints))(function)

    return register


def with_output_options(function: Callable[..., None], listing: str) -> Callable[..., None]:
    """`function` taking the shared output options and this run's terminal, in place of `output`."""
    keyword = inspect.Parameter.KEYWORD_ONLY
    shared = [
        inspect.Parameter("fmt", keyword, default=None, annotation=format_option(listing)),
        inspect.Parameter("columns", keyword, default=None, annotation=ColumnsOption),
        inspect.Parameter("wide", keyword, default=False, annotation=WideOption),
        inspect.Parameter("no_pager", keyword, default=False, annotation=NoPagerOption),
        inspect.Parameter("no_color", keyword, default=False, annotation=NoColorOption),
        inspect.Parameter(TERMINAL, keyword, annotation=Terminal),
    ]
    own = [p for p in inspect.signature(function, eval_str=True).parameters.values() if p.name != "output"]

    def with_output(**kwargs: Any) -> None:
        options = {n: kwargs.pop(n) for n in OUTPUT_NAMES}
        output = Output(**options, listing=listing, terminal=kwargs.pop(TERMINAL))
        function(**kwargs, output=output)

    parameters = [p.replace(kind=keyword) for p in own] + shared
    with_output.__name__ = function.__name__
    with_output.__doc__ = function.__doc__
    with_output.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    return with_output


def completions(kinds: tuple[str, ...], with_itpp: bool = False) -> Callable[[str], list[tuple[str, str]]]:
    """Shell completion of ids of `kinds` (from the cached fact base), with their names."""

    def complete(incomplete: str) -> list[tuple[str, str]]:
        try:
            fb = load_factbase(None)
        except Exception:  # completion must never print a traceback into the shell
            return []
        from asiapac_cli.safe_text import visible  # the shell shows the names on the terminal

        partners = {i["partner"] for i in fb.table("itpps").values()}
        found = []
        for kind in kinds:
            ids = fb.events.column("ids") if kind == "events" else list(fb.table(kind))
            for record_id in ids:
                if record_id.startswith(incomplete.lower()) and (not with_itpp or record_id in partners):
                    name = fb.display_name(record_id) if kind != "events" else ""
                    found.append((record_id, visible(name)))
        return found

    return complete


TopicArgument = Annotated[
    str,
    typer.Argument(
        metavar="TOPIC",
        help="Topic id or name, e.g. tokyo-office.",
        autocompletion=completions(("topics",)),
        show_default=False,
    ),
]


ActorFilter = Annotated[
    Optional[list[str]],
    typer.Option(
        metavar="NAME",
        help="Only events involving this actor: id, name, alias or part of a name (repeatable).",
        autocompletion=completions(("actors",)),
        show_default=False,
    ),
]


TopicFilter = Annotated[
    Optional[list[str]],
    typer.Option(
        metavar="TOPIC",
        help="Only events on this topic (repeatable).",
        autocompletion=completions(("topics",)),
        show_default=False,
    ),
]


SinceOption = Annotated[
    Optional[str], typer.Option(metavar="DATE", help="From this date: 2023, 2023-07 or 2023-07-12.")
]


UntilOption = Annotated[
    Optional[str], typer.Option(metavar="DATE", help="Up to this date, inclusive (same forms).")
]


# --as-of (issue #22): every command that answers from the fact base takes it; emit.py narrows.
AsOfOption = Annotated[
    Optional[str],
    typer.Option(
        "--as-of",
        metavar="DATE",
        help="Answer from the fact base as it stood on this day: only records that had happened "
        "and had a source published by then (2023, 2023-07 or 2023-07-12; a month or year means "
        "its last day).",
        show_default=False,
    ),
]
