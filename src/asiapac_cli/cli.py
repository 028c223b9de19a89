"""The Typer app: thin commands that load the fact base, call query, and render."""

from __future__ import annotations

import contextlib
import functools
import inspect
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional, TextIO, TypeVar

import typer

from asiapac_cli import __version__, vocab
from asiapac_cli.errors import (
    AsiapacError,
    ExitStatus,
    FactFileInvalid,
    NoMatch,
    UsageProblem,
    exit_status_help,
)

if TYPE_CHECKING:
    from asiapac_cli.factbase import FactBase
    from asiapac_cli.model import Listing
    from asiapac_cli.terminal import Terminal

DEBUG_ENV = "ASIAPAC_DEBUG"

# Commands register here, and `build_app` turns them into a Typer app. Typer converts every
# registered command into a Click command on each run (about 1 ms apiece), so a run that
# names its command builds an app of that one command only (see `main`).
COMMANDS: dict[str, Callable[..., None]] = {}


def command(name: str | None = None) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Register a command; any AsiapacError it raises becomes its message and its exit status."""

    def register(function: Callable[..., None]) -> Callable[..., None]:
        @functools.wraps(function)
        def run(*args: Any, **kwargs: Any) -> None:
            try:
                function(*args, **kwargs)
            except AsiapacError as error:
                raise fail(error) from None

        COMMANDS[name or function.__name__] = run
        return run

    return register


# --- the shared options, declared once ----------------------------------------------------------


class Output:
    """The output options every listing command takes, as given on the command line."""

    def __init__(
        self, fmt: str | None, columns: str | None, wide: bool, no_pager: bool, no_color: bool
    ) -> None:
        self.fmt = fmt
        self.columns = columns
        self.wide = wide
        self.no_pager = no_pager
        self.no_color = no_color


def format_option(formats: tuple[str, ...], extra_help: str = "") -> Any:
    return Annotated[
        Optional[str],
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help=f"One of {', '.join(formats)}. Default: table on a terminal, tsv when piped.{extra_help}",
            autocompletion=vocab.completer(formats),
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
DocumentFormatOption = Annotated[
    Optional[str],
    typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",
        help="table (an outline) on a terminal, text when piped; or json, yaml.",
        autocompletion=vocab.completer(vocab.DOCUMENT_FORMATS),
        show_default=False,
    ),
]
CiteOption = Annotated[
    bool, typer.Option("--cite", help="Add citations: title, publisher, date, URL, quote.")
]
OUTPUT_NAMES = ("fmt", "columns", "wide", "no_pager", "no_color")


def listing_command(
    name: str | None = None, formats: tuple[str, ...] = vocab.LISTING_FORMATS, format_help: str = ""
) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Register a listing command: it takes `output: Output`, and gets the shared output options
    (--format, --columns, --wide, --no-pager, --no-color), declared here once for every listing."""

    def register(function: Callable[..., None]) -> Callable[..., None]:
        shared = [
            inspect.Parameter(
                "fmt",
                inspect.Parameter.KEYWORD_ONLY,
                default=None,
                annotation=format_option(formats, format_help),
            ),
            inspect.Parameter(
                "columns", inspect.Parameter.KEYWORD_ONLY, default=None, annotation=ColumnsOption
            ),
            inspect.Parameter("wide", inspect.Parameter.KEYWORD_ONLY, default=False, annotation=WideOption),
            inspect.Parameter(
                "no_pager", inspect.Parameter.KEYWORD_ONLY, default=False, annotation=NoPagerOption
            ),
            inspect.Parameter(
                "no_color", inspect.Parameter.KEYWORD_ONLY, default=False, annotation=NoColorOption
            ),
        ]
        own = [
            p for p in inspect.signature(function, eval_str=True).parameters.values() if p.name != "output"
        ]

        @functools.wraps(function)
        def with_output(**kwargs: Any) -> None:
            output = Output(**{n: kwargs.pop(n) for n in OUTPUT_NAMES})
            function(**kwargs, output=output)

        parameters = [p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in own] + shared
        with_output.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
        with_output.__annotations__ = {p.name: p.annotation for p in parameters}
        del with_output.__wrapped__  # Typer must read the new signature, not the function's
        return command(name or function.__name__)(with_output)

    return register


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


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"asiapac {__version__}")
        raise typer.Exit()


def root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=version_callback, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Look up the facts of NATO's partnerships in the Indo-Pacific, with their sources."""


ROOT_HELP = """Look up the facts of NATO's partnerships in the Indo-Pacific, with their sources.

\b
Where to start:
  asiapac summits                   who came to which NATO summit
  asiapac itpp japan                what Japan's partnership programme covers
  asiapac who-opposed tokyo-office  who opposed a NATO office in Tokyo
  asiapac timeline --since 2023     what happened, in date order
  asiapac claims --verdict wrong    what the 2023 interview got wrong
  asiapac search camp david         every record that mentions it
"""


def fail(error: AsiapacError) -> typer.Exit:
    """Print an expected error on stderr and give the exit status that belongs to it."""
    from asiapac_cli.safe_text import visible

    message = str(error) if isinstance(error, FactFileInvalid) else f"asiapac: {error}"
    sys.stderr.write(visible(message) + "\n")
    return typer.Exit(int(error.status))


def load_factbase(data: Optional[Path], use_cache: bool = True) -> FactBase:
    from asiapac_cli import load

    return load.load(load.data_path(str(data) if data else None), use_cache=use_cache)


T = TypeVar("T")


def run_query(data: Optional[Path], produce: Callable[[FactBase], T]) -> T:
    """Run `produce` on the fact base that --data, ASIAPAC_DATA or the bundle names."""
    from asiapac_cli import load

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


def chosen_format(output: Output, formats: tuple[str, ...], term: Terminal) -> str:
    """The --format asked for (any case), else table on a terminal and tsv when piped."""
    if output.fmt is None:
        return "table" if term.is_tty else "tsv"
    return vocab.match(output.fmt, formats, "--format", "format")


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
    from asiapac_cli import terminal
    from asiapac_cli.safe_text import visible

    term = terminal.detect(output.no_color)
    fmt = chosen_format(output, vocab.LISTING_FORMATS, term)
    try:
        listing = select_columns(run_query(data, produce), output.columns)
    except NoMatch as nothing:
        if nothing.listing is None or fmt == "table":
            raise
        empty = select_columns(nothing.listing, output.columns)
        write_listing(empty, fmt, term, output)
        sys.stderr.write(visible(f"asiapac: {nothing}") + "\n")
        raise typer.Exit(ExitStatus.NO_MATCH) from None
    write_listing(listing, fmt, term, output)


def write_listing(listing: Listing, fmt: str, term: Terminal, output: Output) -> None:
    from asiapac_cli import render

    if fmt != "table":
        write_out(lambda out: render.render_listing(listing, fmt, term, out))
        return
    import io

    from asiapac_cli import pager

    drawn = io.StringIO()
    render.render_listing(listing, fmt, term, drawn, wide=output.wide)
    text = drawn.getvalue()
    if pager.should_page(text, term, output.no_pager):
        write_out(lambda out: pager.page(text, out))
    else:
        write_out(lambda out: out.write(text))


def emit_document(
    produce: Callable[[FactBase], dict[str, Any]], fmt: str | None, data: Optional[Path], no_color: bool
) -> None:
    """Print one document (`show`, `about`): an outline on a terminal, text when piped, or the
    format asked for, which always wins."""
    from asiapac_cli import render, terminal

    term = terminal.detect(no_color)
    chosen = vocab.match(fmt, vocab.DOCUMENT_FORMATS, "--format", "format") if fmt else None
    document = run_query(data, produce)
    write_out(
        lambda out: render.render_document(
            document, chosen or ("table" if term.is_tty else "text"), term, out
        )
    )


def term_width(no_color: bool) -> int | None:
    from asiapac_cli import terminal

    return terminal.detect(no_color).width


def emit_text(produce: Callable[[FactBase], str], data: Optional[Path]) -> None:
    """Print the text a query builds (an export, a chart, a citation)."""
    text = run_query(data, produce)
    from asiapac_cli import terminal
    from asiapac_cli.safe_text import visible_lines

    if terminal.detect().is_tty:  # a calendar or BibTeX on a screen is read, not parsed
        text = visible_lines(text)
    write_out(lambda out: out.write(text))


# --- commands ------------------------------------------------------------------------------


ActorFilter = Annotated[
    Optional[list[str]],
    typer.Option(
        metavar="NAME",
        help="Only events involving this actor: id, name, alias or part of a name (repeatable).",
        autocompletion=completions(("actors",)),
        show_default=False,
    ),
]
KindFilter = Annotated[
    Optional[list[str]],
    typer.Option(
        metavar="KIND",
        help=f"Only this kind of event (repeatable): {', '.join(vocab.EVENT_KINDS)}.",
        autocompletion=vocab.completer(vocab.EVENT_KINDS),
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


@listing_command(
    formats=vocab.TIMELINE_FORMATS,
    format_help=" ics: an RFC 5545 calendar; mermaid: a Mermaid timeline diagram.",
)
def timeline(
    since: SinceOption = None,
    until: UntilOption = None,
    actor: ActorFilter = None,
    kind: KindFilter = None,
    topic: TopicFilter = None,
    chart: Annotated[
        bool, typer.Option("--chart", help="Events counted by year and kind, as plain text.")
    ] = False,
    cite: CiteOption = False,
    data: DataOption = None,
    *,
    output: Output,
) -> None:
    """Events in date order; filter by date, actor, kind, topic.

    Summits, meetings, agreements, statements, visits and more, each with its evidence level
    and sources.

    \b
    Example:
      asiapac timeline --since 2023 --until 2023-08 --actor japan
    """
    from asiapac_cli import exports, query

    def events(fb: FactBase) -> Listing:
        return query.timeline(fb, since=since, until=until, actors=actor, kinds=kind, topics=topic, cite=cite)

    fmt = (
        None if output.fmt is None else vocab.match(output.fmt, vocab.TIMELINE_FORMATS, "--format", "format")
    )
    if chart:
        if fmt not in (None, "table", "tsv"):
            raise UsageProblem(f"--chart draws plain text; it cannot be given as --format {fmt}")
        from asiapac_cli import chart as timeline_chart

        emit_text(lambda fb: timeline_chart.draw(events(fb), term_width(output.no_color)), data)
    elif fmt == "ics":
        emit_text(lambda fb: exports.ics(fb, events(fb)), data)
    elif fmt == "mermaid":
        emit_text(lambda fb: exports.mermaid(events(fb)), data)
    else:
        emit(events, output, data)


@listing_command()
def summits(cite: CiteOption = False, data: DataOption = None, *, output: Output) -> None:
    """NATO summits and how each Indo-Pacific partner took part.

    On a terminal, one column per partner: who came and at what level (leader, deputy,
    minister, official; — for absent).

    \b
    Example:
      asiapac summits --format json | jq '.[] | {date, partners}'
    """
    from asiapac_cli import query

    emit(lambda fb: query.summits(fb, cite=cite), output, data)


@listing_command()
def itpp(
    partner: Annotated[
        Optional[str],
        typer.Argument(
            metavar="[PARTNER]",
            help="Partner: japan, korea, australia, nz, ...",
            autocompletion=completions(("actors",), with_itpp=True),
            show_default=False,
        ),
    ] = None,
    cite: CiteOption = False,
    data: DataOption = None,
    *,
    output: Output,
) -> None:
    """A partner's ITPP and its areas, or every ITPP.

    The date agreed, the period and the cooperation areas, each named area with its source.

    \b
    Example:
      asiapac itpp japan
    """
    from asiapac_cli import query

    if partner is None:
        emit(lambda fb: query.itpp_overview(fb, cite=cite), output, data)
    else:
        emit(lambda fb: query.itpp_areas(fb, partner, cite=cite), output, data)


@listing_command()
def stances(
    topic: TopicArgument,
    position: Annotated[
        Optional[list[str]],
        typer.Option(
            metavar="POSITION",
            help=f"Only this position (repeatable): {', '.join(vocab.POSITIONS)}.",
            autocompletion=vocab.completer(vocab.POSITIONS),
            show_default=False,
        ),
    ] = None,
    cite: CiteOption = False,
    data: DataOption = None,
    *,
    output: Output,
) -> None:
    """Every actor's position on a topic, with what they said.

    \b
    Example:
      asiapac stances tokyo-office
    """
    from asiapac_cli import query

    wanted = vocab.match_all(position, vocab.POSITIONS, "--position", "position") or None
    emit(lambda fb: query.stances(fb, topic, positions=wanted, cite=cite), output, data)


@listing_command("who-opposed")
def who_opposed(
    topic: TopicArgument, cite: CiteOption = False, data: DataOption = None, *, output: Output
) -> None:
    """Actors opposed to a topic.

    A shortcut for: asiapac stances TOPIC --position opposed.

    \b
    Example:
      asiapac who-opposed tokyo-office
    """
    from asiapac_cli import query

    emit(lambda fb: query.stances(fb, topic, positions=("opposed",), cite=cite), output, data)


@listing_command("who-supported")
def who_supported(
    topic: TopicArgument, cite: CiteOption = False, data: DataOption = None, *, output: Output
) -> None:
    """Actors who proposed or supported a topic.

    \b
    Example:
      asiapac who-supported tokyo-office --format json
    """
    from asiapac_cli import query

    emit(lambda fb: query.stances(fb, topic, positions=vocab.SUPPORTING_POSITIONS, cite=cite), output, data)


@listing_command()
def topics(data: DataOption = None, *, output: Output) -> None:
    """The topics, with how many stances and events each has.

    \b
    Example:
      asiapac topics --format tsv | cut -f1
    """
    from asiapac_cli import query

    emit(query.topics, output, data)


@listing_command()
def actors(
    kind: Annotated[
        Optional[str],
        typer.Option(
            metavar="KIND",
            help=f"Only {', '.join(vocab.ACTOR_KINDS)}.",
            autocompletion=vocab.completer(vocab.ACTOR_KINDS),
            show_default=False,
        ),
    ] = None,
    data: DataOption = None,
    *,
    output: Output,
) -> None:
    """Countries, organisations and people, with their aliases.

    \b
    Example:
      asiapac actors --kind person
    """
    from asiapac_cli import query

    wanted = vocab.match(kind, vocab.ACTOR_KINDS, "--kind", "actor kind") if kind is not None else None
    emit(lambda fb: query.actors(fb, kind=wanted), output, data)


@listing_command()
def groupings(cite: CiteOption = False, data: DataOption = None, *, output: Output) -> None:
    """The Quad, AUKUS, Camp David: members and what each is.

    \b
    Example:
      asiapac groupings --format json | jq '.[].members'
    """
    from asiapac_cli import query

    emit(lambda fb: query.groupings(fb, cite=cite), output, data)


@listing_command(formats=vocab.SOURCE_FORMATS, format_help=" bibtex: entries for reference managers.")
def sources(
    source_id: Annotated[
        Optional[str],
        typer.Argument(
            metavar="[ID]",
            help="One source id.",
            autocompletion=completions(("sources",)),
            show_default=False,
        ),
    ] = None,
    data: DataOption = None,
    *,
    output: Output,
) -> None:
    """The sources, with the records that cite each.

    \b
    Example:
      asiapac sources --format bibtex > asiapac.bib
    """
    from asiapac_cli import exports, query

    fmt = None if output.fmt is None else vocab.match(output.fmt, vocab.SOURCE_FORMATS, "--format", "format")
    if fmt == "bibtex":
        emit_text(lambda fb: exports.bibtex(fb, query.sources(fb, source_id).rows), data)
    else:
        emit(lambda fb: query.sources(fb, source_id), output, data)


@command()
def cite(
    record_id: Annotated[
        str,
        typer.Argument(
            metavar="ID",
            help="A record or source id.",
            autocompletion=completions(("stances", "itpps", "events", "groupings", "claims", "sources")),
            show_default=False,
        ),
    ],
    style: Annotated[
        str,
        typer.Option(
            "--style",
            metavar="STYLE",
            help=f"One of {', '.join(vocab.CITE_STYLES)}.",
            autocompletion=vocab.completer(vocab.CITE_STYLES),
        ),
    ] = "text",
    data: DataOption = None,
) -> None:
    """How to cite a record: its sources, as text or BibTeX.

    \b
    Example:
      asiapac cite france-opposes-tokyo-office --style bibtex
    """
    from asiapac_cli import exports, query

    chosen = vocab.match(style, vocab.CITE_STYLES, "--style", "style")
    if chosen == "bibtex":
        emit_text(lambda fb: exports.bibtex(fb, query.cited_sources(fb, record_id)), data)
    else:
        emit_text(lambda fb: query.cite_text(fb, record_id), data)


@command()
def export(
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="sqlite (needs --output), json, or html (a briefing page).",
            autocompletion=vocab.completer(vocab.EXPORT_FORMATS),
        ),
    ],
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
) -> None:
    """The whole fact base as SQLite, JSON or one HTML page.

    SQLite for sqlite3 and Datasette, with keys declared; JSON as one document; HTML as one
    self-contained page to open offline (--topic, --actor, --since, --until narrow it).

    \b
    Example:
      asiapac export --format sqlite --output asiapac.db
      asiapac export --format html --topic tokyo-office -o tokyo-office.html
    """
    from asiapac_cli import exports
    from asiapac_cli.errors import UsageProblem
    from asiapac_cli.safe_text import display_path

    chosen = vocab.match(fmt, vocab.EXPORT_FORMATS, "--format", "format")
    if chosen != "html" and (topic or actor or since or until):
        raise UsageProblem("--topic, --actor, --since and --until apply to --format html only")
    if chosen == "html":
        export_html(output, data, since, until, actor, topic)
    elif chosen == "sqlite":
        if output is None:
            raise UsageProblem("--format sqlite needs --output FILE.db")
        run_query(data, lambda fb: exports.sqlite(fb, output))
        sys.stderr.write(f"asiapac: wrote {display_path(output)}\n")
    elif output is None:
        emit_text(exports.full_json, data)
    else:
        from asiapac_cli.outfile import write_atomically

        text = run_query(data, exports.full_json)
        write_atomically(output, lambda temporary: Path(temporary).write_text(text, encoding="utf-8"))


def export_html(
    output: Optional[Path],
    data: Optional[Path],
    since: Optional[str],
    until: Optional[str],
    actor: Optional[list[str]],
    topic: Optional[list[str]],
) -> None:
    """The HTML briefing to `output` (atomically) or stdout; its module is imported only here."""
    from asiapac_cli import briefing, load
    from asiapac_cli.outfile import write_atomically
    from asiapac_cli.safe_text import display_path

    fact_file = str(load.data_path(str(data) if data else None))

    def page(fb: FactBase) -> str:
        return briefing.briefing(
            fb, since=since, until=until, actors=actor, topics=topic, fact_file=fact_file
        )

    if output is None:
        emit_text(page, data)
        return
    text = run_query(data, page)
    write_atomically(output, lambda temporary: Path(temporary).write_text(text, encoding="utf-8"))
    sys.stderr.write(f"asiapac: wrote {display_path(output)}\n")


@listing_command()
def claims(
    verdict: Annotated[
        Optional[str],
        typer.Option(
            metavar="VERDICT",
            help=f"Only this verdict: {', '.join(vocab.VERDICTS)}.",
            autocompletion=vocab.completer(vocab.VERDICTS),
            show_default=False,
        ),
    ] = None,
    cite: CiteOption = False,
    data: DataOption = None,
    *,
    output: Output,
) -> None:
    """The 2023 interview's claims, with verdicts and corrections.

    \b
    Example:
      asiapac claims --verdict wrong
    """
    from asiapac_cli import query

    wanted = vocab.match(verdict, vocab.VERDICTS, "--verdict", "verdict") if verdict is not None else None
    emit(lambda fb: query.claims(fb, verdict=wanted, cite=cite), output, data)


@listing_command()
def search(
    words: Annotated[
        list[str],
        typer.Argument(metavar="WORDS...", help="Words to find (all must appear).", show_default=False),
    ],
    data: DataOption = None,
    *,
    output: Output,
) -> None:
    """Find records by words; title matches first.

    Searches titles, summaries, quotes and areas; every word must appear.

    \b
    Example:
      asiapac search liaison office
    """
    from asiapac_cli import query

    emit(lambda fb: query.search(fb, " ".join(words)), output, data)


@command()
def show(
    name: Annotated[
        str,
        typer.Argument(
            metavar="NAME",
            help="An actor, topic, grouping, or any record or source id (part of a name will do).",
            autocompletion=completions(
                ("actors", "topics", "groupings", "itpps", "stances", "events", "claims")
            ),
            show_default=False,
        ),
    ],
    fmt: DocumentFormatOption = None,
    data: DataOption = None,
    no_color: NoColorOption = False,
) -> None:
    """Everything about one actor, topic or record.

    \b
    Example:
      asiapac show japan
    """
    from asiapac_cli import query

    emit_document(lambda fb: query.show(fb, name), fmt, data, no_color)


@command()
def about(
    fmt: DocumentFormatOption = None,
    data: DataOption = None,
    no_color: NoColorOption = False,
) -> None:
    """What the fact base covers, and what it does not know.

    When the sources were last searched, how far the events reach, counts, the known gaps.

    \b
    Example:
      asiapac about --format json | jq .events_through
    """
    from asiapac_cli import load, query

    fact_file = str(load.data_path(str(data) if data else None))
    emit_document(lambda fb: query.about(fb, fact_file), fmt, data, no_color)


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
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="text (file:line:column: message) or json.",
            autocompletion=vocab.completer(vocab.VALIDATE_FORMATS),
        ),
    ] = "text",
    data: DataOption = None,
) -> None:
    """Check a fact file: every problem with its line.

    Each problem as file:line:column: message; exit 65 when there is one.

    \b
    Example:
      asiapac validate my-facts.yaml
    """
    from asiapac_cli import load, render
    from asiapac_cli.safe_text import display_path, visible

    chosen = vocab.match(fmt, vocab.VALIDATE_FORMATS, "--format", "format")
    path = file or load.data_path(str(data) if data else None)
    shown = display_path(path)  # bytes that are not UTF-8 as \xff, controls escaped
    problems: list[dict[str, Any]] = []
    try:
        fb = load.load(path, use_cache=False)
    except FactFileInvalid as error:
        problems = [
            {"file": shown, "line": p.line, "column": p.column, "message": visible(p.message)}
            for p in error.problems
        ]
    if chosen == "json":
        report = {"file": shown, "valid": not problems, "problems": problems}
        write_out(lambda out: out.write(render.to_json(report, indent=2) + "\n"))
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

    from asiapac_cli import schema as fact_schema

    write_out(lambda out: out.write(json.dumps(fact_schema.json_schema(), indent=2) + "\n"))


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
    from asiapac_cli import check as checker
    from asiapac_cli import terminal
    from asiapac_cli.errors import TextUnreadable

    level = (
        vocab.match(min_evidence, vocab.EVIDENCE_LEVELS, "--min-evidence", "level") if min_evidence else None
    )
    term = terminal.detect(output.no_color)
    fmt = chosen_format(output, vocab.LISTING_FORMATS, term)
    name = "standard input" if file == "-" else file
    try:
        if file == "-":
            raw = sys.stdin.buffer.read(checker.MAX_TEXT_BYTES + 1)
        else:
            with open(file, "rb") as handle:
                raw = handle.read(checker.MAX_TEXT_BYTES + 1)
    except OSError as error:
        raise TextUnreadable(f"cannot read {name}: {error.strerror}") from None
    if len(raw) > checker.MAX_TEXT_BYTES:
        raise TextUnreadable(f"{name} is more than {checker.MAX_TEXT_BYTES // 2**20} MiB; check it in parts")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise TextUnreadable(
            f"{name} is not UTF-8 text (byte 0x{raw[error.start]:02x} at offset {error.start}); "
            "convert it first, for example: iconv -f latin1 -t utf-8"
        ) from None
    listing = select_columns(
        run_query(data, lambda fb: checker.check(fb, text, level, show_all)), output.columns
    )
    if not listing.rows and fmt == "table":
        sys.stderr.write(f"asiapac: {listing.empty_message}\n")
    else:
        write_listing(listing, fmt, term, output)
    if checker.contradicted(listing):
        raise typer.Exit(ExitStatus.CONTRADICTED)


def build_app(only: str | None = None) -> typer.Typer:
    """The Typer app with every command, or with the one named `only`."""
    built = typer.Typer(
        name="asiapac",
        no_args_is_help=True,
        rich_markup_mode=None,  # help text is plain: a literal [bracket] must never vanish
        pretty_exceptions_show_locals=False,  # a traceback must never print local variables
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    built.callback(help=ROOT_HELP, epilog=exit_status_help())(root)
    for name, function in COMMANDS.items():
        if only is None or name == only:
            built.command(name)(function)
    return built


app = build_app()


def main() -> None:
    """Entry point: expected errors are messages; a bug prints no traceback unless asked."""
    from asiapac_cli.terminal import ClosedOutput, GuardedOutput

    if sys.stdout is None:  # started with stdout closed (`asiapac timeline >&-`)
        with contextlib.suppress(OSError):
            os.open(os.devnull, os.O_RDWR)  # hold fd 1, so no file we open becomes "stdout"
        sys.stdout = ClosedOutput()
    # Whatever writes stdout (our commands, Click's --help and --version, completion scripts),
    # a failed write is an output failure (74), not an internal error.
    stdout = GuardedOutput(sys.stdout)
    sys.stdout = stdout
    arguments = sys.argv[1:]
    named = arguments[0] if arguments and arguments[0] in COMMANDS else None
    code: Any = 0
    try:
        # standalone: Typer handles usage errors (2) and Ctrl-C (130)
        (build_app(named) if named else app)(prog_name="asiapac")
    except SystemExit as done:
        code = done.code
    except KeyboardInterrupt:
        code = ExitStatus.INTERRUPTED
    except OSError as error:
        # a write to stdout failed somewhere (Click's --help, a completion script); any other
        # OSError that reaches here is a bug
        code = output_failed(error) if stdout.failure is not None else report_unexpected(error)
    except Exception as error:  # the last line of defence against tracebacks
        code = report_unexpected(error)
    try:
        stdout.flush()  # now, not in the interpreter's exit, where a failure could not be reported
    except OSError as error:
        code = output_failed(error)
    sys.exit(code)


def output_failed(error: OSError) -> int:
    silence_stdout()
    if isinstance(error, BrokenPipeError):
        return 0
    sys.stderr.write(f"asiapac: cannot write output: {error.strerror}\n")
    return ExitStatus.IO_ERROR


def report_unexpected(error: Exception) -> int:
    if os.environ.get(DEBUG_ENV):
        import traceback

        traceback.print_exception(type(error), error, error.__traceback__)
    else:
        from asiapac_cli.safe_text import visible

        sys.stderr.write(
            visible(f"asiapac: internal error: {type(error).__name__}: {error}") + "\n"
            f"asiapac: run again with {DEBUG_ENV}=1 for details, and please report it\n"
        )
    return ExitStatus.INTERNAL
