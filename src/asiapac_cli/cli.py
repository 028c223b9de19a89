"""The Typer app: thin commands that load the fact base, call query, and render."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from asiapac_cli import __version__
from asiapac_cli.errors import (
    EXIT_INTERNAL_ERROR,
    AsiapacError,
    FactFileInvalid,
    exit_code_for,
)

DEBUG_ENV = "ASIAPAC_DEBUG"
EXIT_OUTPUT_FAILED = 74  # sysexits EX_IOERR: stdout could not be written (a full disk)
EXIT_INTERRUPTED = 130  # the shell's code for Ctrl-C

# Commands register here, and `build_app` turns them into a Typer app. Typer converts every
# registered command into a Click command on each run (about 1 ms apiece), so a run that
# names its command builds an app of that one command only (see `main`).
COMMANDS: dict[str, Callable[..., None]] = {}


def command(name: str | None = None) -> Callable[[Callable[..., None]], Callable[..., None]]:
    def register(function: Callable[..., None]) -> Callable[..., None]:
        COMMANDS[name or function.__name__] = function
        return function

    return register


class Format(str, Enum):
    table = "table"
    tsv = "tsv"
    csv = "csv"
    json = "json"
    jsonl = "jsonl"
    yaml = "yaml"
    markdown = "markdown"


class TimelineFormat(str, Enum):
    """The listing formats, plus two that only a timeline has."""

    table = "table"
    tsv = "tsv"
    csv = "csv"
    json = "json"
    jsonl = "jsonl"
    yaml = "yaml"
    markdown = "markdown"
    ics = "ics"
    mermaid = "mermaid"


class SourceFormat(str, Enum):
    table = "table"
    tsv = "tsv"
    csv = "csv"
    json = "json"
    jsonl = "jsonl"
    yaml = "yaml"
    markdown = "markdown"
    bibtex = "bibtex"


class ExportFormat(str, Enum):
    sqlite = "sqlite"
    json = "json"


class CiteStyle(str, Enum):
    text = "text"
    bibtex = "bibtex"


class ValidateFormat(str, Enum):
    text = "text"
    json = "json"


class DocumentFormat(str, Enum):
    table = "table"
    text = "text"
    json = "json"
    yaml = "yaml"


# The output options, declared once and reused by every listing command.
FormatOption = Annotated[
    Optional[Format],
    typer.Option("--format", "-f", help="Output format; default: table on a terminal, tsv when piped."),
]
DataOption = Annotated[
    Optional[Path],
    typer.Option(
        "--data",
        help="Fact file to read instead of the bundled one (or set ASIAPAC_DATA).",
        show_default=False,
        dir_okay=True,
        readable=False,  # the loader says why a file cannot be read (66), as for ASIAPAC_DATA
    ),
]
NoColorOption = Annotated[bool, typer.Option("--no-color", help="No colour (also: NO_COLOR=1).")]
CiteOption = Annotated[
    bool, typer.Option("--cite", help="Add a citations column: title, publisher, date, URL, quote.")
]


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


def complete_kind(incomplete: str) -> list[tuple[str, str]]:
    from asiapac_cli import model

    return [(kind, "") for kind in model.EVENT_KINDS if kind.startswith(incomplete)]


TopicArgument = Annotated[
    str,
    typer.Argument(help="Topic id or name, e.g. tokyo-office.", autocompletion=completions(("topics",))),
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
    """Look up the facts of NATO's partnerships in the Indo-Pacific, with their sources.

    \b
    Exit codes: 0 results, 1 nothing matched, 2 usage error or unknown name,
    65 invalid fact file, 66 unreadable fact file, 70 internal error,
    73 export file not writable, 74 output failed, 130 interrupted.
    """


def fail(error: AsiapacError) -> typer.Exit:
    """Print an expected error on stderr and give the exit code that belongs to it."""
    from asiapac_cli.safe_text import visible

    message = f"asiapac: {error}" if not isinstance(error, FactFileInvalid) else f"{error}"
    sys.stderr.write(visible(message) + "\n")
    return typer.Exit(exit_code_for(error))


def load_factbase(data: Optional[Path], use_cache: bool = True) -> Any:
    from asiapac_cli import load

    return load.load(load.data_path(str(data) if data else None), use_cache=use_cache)


def run_query(data: Optional[Path], produce: Callable[[Any], Any]) -> Any:
    """Load the fact base and run `produce` on it.

    A cache section that turns out damaged only when a query reads it (its header and size
    were sound) is bypassed: the query runs again on the fact file itself.
    """
    from asiapac_cli import cache

    try:
        try:
            return produce(load_factbase(data))
        except cache.CacheDamaged:
            return produce(load_factbase(data, use_cache=False))
    except AsiapacError as error:
        raise fail(error) from None


def write_out(write: Callable[[Any], None]) -> None:
    """Write to stdout; a closed pipe ends quietly (exit 0), a full disk with exit 74."""
    try:
        write(sys.stdout)
        sys.stdout.flush()
    except BrokenPipeError:
        silence_stdout()
        raise typer.Exit(0) from None
    except OSError as error:
        silence_stdout()
        sys.stderr.write(f"asiapac: cannot write output: {error.strerror}\n")
        raise typer.Exit(EXIT_OUTPUT_FAILED) from None


def silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


def emit(
    produce: Callable[[Any], Any],
    fmt: Optional[Format],
    data: Optional[Path],
    no_color: bool,
) -> None:
    """Run a listing query and print it; exit 1 when it has no rows."""
    from asiapac_cli import render, terminal

    listing = run_query(data, produce)
    term = terminal.detect(no_color)
    chosen = fmt.value if fmt else render.default_format(term)
    if not listing.rows and chosen == "table":
        from asiapac_cli.safe_text import visible

        sys.stderr.write(visible(f"asiapac: {listing.empty_message}") + "\n")
        raise typer.Exit(1)
    write_out(lambda out: render.render_listing(listing, chosen, term, out))
    if not listing.rows:
        raise typer.Exit(1)


def term_width(no_color: bool) -> int | None:
    from asiapac_cli import terminal

    return terminal.detect(no_color).width


def emit_text(produce: Callable[[Any], str | None], data: Optional[Path]) -> None:
    """Print the text a query builds (an export, a chart); exit 1 when it is None (no match)."""
    text = run_query(data, produce)
    if text is None:
        sys.stderr.write("asiapac: nothing matched\n")
        raise typer.Exit(1)
    from asiapac_cli import terminal
    from asiapac_cli.safe_text import visible_lines

    if terminal.detect().is_tty:  # a calendar or BibTeX on a screen is read, not parsed
        text = visible_lines(text)
    write_out(lambda out: out.write(text))


# --- commands ------------------------------------------------------------------------------


@command()
def timeline(
    since: Annotated[Optional[str], typer.Option(help="From this date: 2023, 2023-07 or 2023-07-12.")] = None,
    until: Annotated[Optional[str], typer.Option(help="Up to this date (same forms).")] = None,
    actor: Annotated[
        Optional[list[str]],
        typer.Option(
            help="Only events involving this actor (repeatable).", autocompletion=completions(("actors",))
        ),
    ] = None,
    kind: Annotated[
        Optional[list[str]],
        typer.Option(
            help="Only this kind: summit, agreement, visit, ... (repeatable).", autocompletion=complete_kind
        ),
    ] = None,
    topic: Annotated[
        Optional[list[str]],
        typer.Option(help="Only events on this topic (repeatable).", autocompletion=completions(("topics",))),
    ] = None,
    chart: Annotated[
        bool, typer.Option("--chart", help="A year axis with the events placed on it, by kind.")
    ] = False,
    cite: CiteOption = False,
    fmt: Annotated[
        Optional[TimelineFormat],
        typer.Option(
            "--format",
            "-f",
            help="Output format; default: table on a terminal, tsv when piped. "
            "ics: an RFC 5545 calendar; mermaid: a Mermaid timeline diagram.",
        ),
    ] = None,
    data: DataOption = None,
    no_color: NoColorOption = False,
) -> None:
    """Events in date order: summits, agreements, statements, visits, ...

    \b
    Example:
      asiapac timeline --since 2023 --until 2023-08 --actor japan
    """
    from asiapac_cli import exports, query

    def events(fb: Any) -> Any:
        return query.timeline(fb, since, until, actor, kind, topic, cite)

    if chart:
        from asiapac_cli import chart as timeline_chart

        emit_text(lambda fb: timeline_chart.draw(events(fb), term_width(no_color)), data)
    elif fmt is TimelineFormat.ics:
        emit_text(lambda fb: exports.ics(fb, events(fb)), data)
    elif fmt is TimelineFormat.mermaid:
        emit_text(lambda fb: exports.mermaid(events(fb)), data)
    else:
        emit(events, Format(fmt.value) if fmt else None, data, no_color)


@command()
def summits(
    cite: CiteOption = False,
    fmt: FormatOption = None,
    data: DataOption = None,
    no_color: NoColorOption = False,
) -> None:
    """NATO summits and how each Indo-Pacific partner took part.

    \b
    Example:
      asiapac summits --format json | jq '.[] | {date, partners}'
    """
    from asiapac_cli import query

    emit(lambda fb: query.summits(fb, cite), fmt, data, no_color)


@command()
def itpp(
    partner: Annotated[
        Optional[str],
        typer.Argument(
            metavar="PARTNER",
            help="Partner: japan, korea, australia, nz, ...",
            autocompletion=completions(("actors",), with_itpp=True),
        ),
    ] = None,
    cite: CiteOption = False,
    fmt: FormatOption = None,
    data: DataOption = None,
    no_color: NoColorOption = False,
) -> None:
    """A partner's ITPP: date agreed, period, areas; with no partner, one row each.

    \b
    Example:
      asiapac itpp japan
    """
    from asiapac_cli import query

    if partner is None:
        emit(lambda fb: query.itpp_overview(fb, cite), fmt, data, no_color)
    else:
        emit(lambda fb: query.itpp_areas(fb, partner, cite), fmt, data, no_color)


@command()
def stances(
    topic: TopicArgument,
    position: Annotated[Optional[list[str]], typer.Option(help="Only this position (repeatable).")] = None,
    cite: CiteOption = False,
    fmt: FormatOption = None,
    data: DataOption = None,
    no_color: NoColorOption = False,
) -> None:
    """Every actor's position on a topic, with what they said and the source.

    \b
    Example:
      asiapac stances tokyo-office
    """
    from asiapac_cli import model, query
    from asiapac_cli.errors import UsageProblem

    wanted = None
    if position:
        unknown = [p for p in position if p not in model.POSITIONS]
        if unknown:
            raise fail(
                UsageProblem(f"--position: expected one of {', '.join(model.POSITIONS)}, got {unknown[0]!r}")
            )
        wanted = tuple(position)
    emit(lambda fb: query.stances(fb, topic, wanted, cite), fmt, data, no_color)


@command("who-opposed")
def who_opposed(
    topic: TopicArgument,
    cite: CiteOption = False,
    fmt: FormatOption = None,
    data: DataOption = None,
    no_color: NoColorOption = False,
) -> None:
    """Actors opposed to a topic (a shortcut for stances TOPIC --position opposed).

    \b
    Example:
      asiapac who-opposed tokyo-office
    """
    from asiapac_cli import query

    emit(lambda fb: query.stances(fb, topic, ("opposed",), cite), fmt, data, no_color)


@command("who-supported")
def who_supported(
    topic: TopicArgument,
    cite: CiteOption = False,
    fmt: FormatOption = None,
    data: DataOption = None,
    no_color: NoColorOption = False,
) -> None:
    """Actors who proposed or supported a topic.

    \b
    Example:
      asiapac who-supported tokyo-office --format json
    """
    from asiapac_cli import query

    emit(lambda fb: query.stances(fb, topic, query.SUPPORTING_POSITIONS, cite), fmt, data, no_color)


@command()
def topics(fmt: FormatOption = None, data: DataOption = None, no_color: NoColorOption = False) -> None:
    """The topics that have stances or events.

    \b
    Example:
      asiapac topics --format tsv | cut -f1
    """
    from asiapac_cli import query

    emit(query.topics, fmt, data, no_color)


@command()
def actors(
    kind: Annotated[Optional[str], typer.Option(help="Only country, organisation or person.")] = None,
    fmt: FormatOption = None,
    data: DataOption = None,
    no_color: NoColorOption = False,
) -> None:
    """Countries, organisations and people, with the aliases you can type.

    \b
    Example:
      asiapac actors --kind person
    """
    from asiapac_cli import query

    emit(lambda fb: query.actors(fb, kind), fmt, data, no_color)


@command()
def groupings(
    cite: CiteOption = False,
    fmt: FormatOption = None,
    data: DataOption = None,
    no_color: NoColorOption = False,
) -> None:
    """The Quad, AUKUS and the Camp David trilateral: members and what each really is.

    \b
    Example:
      asiapac groupings --format json | jq '.[].members'
    """
    from asiapac_cli import query

    emit(lambda fb: query.groupings(fb, cite), fmt, data, no_color)


@command()
def sources(
    source_id: Annotated[
        Optional[str],
        typer.Argument(metavar="ID", help="One source id.", autocompletion=completions(("sources",))),
    ] = None,
    fmt: Annotated[
        Optional[SourceFormat],
        typer.Option("--format", "-f", help="Output format; bibtex: entries for reference managers."),
    ] = None,
    data: DataOption = None,
    no_color: NoColorOption = False,
) -> None:
    """The sources behind the facts, with the records that cite each.

    \b
    Example:
      asiapac sources --format bibtex > asiapac.bib
    """
    from asiapac_cli import exports, query

    if fmt is SourceFormat.bibtex:
        emit_text(lambda fb: exports.bibtex(fb, query.sources(fb, source_id).rows), data)
    else:
        emit(lambda fb: query.sources(fb, source_id), Format(fmt.value) if fmt else None, data, no_color)


@command()
def cite(
    record_id: Annotated[
        str,
        typer.Argument(
            metavar="ID",
            help="A record or source id.",
            autocompletion=completions(("stances", "itpps", "events", "groupings", "claims", "sources")),
        ),
    ],
    style: Annotated[CiteStyle, typer.Option("--style", help="text or bibtex.")] = CiteStyle.text,
    data: DataOption = None,
) -> None:
    """How to cite a record: its sources, as text or BibTeX.

    \b
    Example:
      asiapac cite france-opposes-tokyo-office --style bibtex
    """
    from asiapac_cli import exports

    emit_text(lambda fb: exports.cite(fb, record_id, style.value), data)


@command()
def export(
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="sqlite (needs --output) or json.")],
    output: Annotated[
        Optional[Path], typer.Option("--output", "-o", help="File to write (json: default stdout).")
    ] = None,
    data: DataOption = None,
) -> None:
    """The whole fact base as an SQLite database (for sqlite3, Datasette) or one JSON document.

    \b
    Example:
      asiapac export --format sqlite --output asiapac.db
    """
    from asiapac_cli import exports
    from asiapac_cli.errors import UsageProblem
    from asiapac_cli.safe_text import display_path

    if fmt is ExportFormat.sqlite:
        if output is None:
            raise fail(UsageProblem("--format sqlite needs --output FILE.db"))
        run_query(data, lambda fb: exports.sqlite(fb, output))
        sys.stderr.write(f"asiapac: wrote {display_path(output)}\n")
    elif output is None:
        emit_text(exports.full_json, data)
    else:
        from asiapac_cli.outfile import write_atomically

        text = run_query(data, exports.full_json)
        try:
            write_atomically(output, lambda temporary: Path(temporary).write_text(text, encoding="utf-8"))
        except AsiapacError as error:
            raise fail(error) from None


@command()
def claims(
    verdict: Annotated[
        Optional[str], typer.Option(help="Only this verdict: wrong, imprecise, opinion, ...")
    ] = None,
    cite: CiteOption = False,
    fmt: FormatOption = None,
    data: DataOption = None,
    no_color: NoColorOption = False,
) -> None:
    """The seed interview's claims, each with its verdict and correction.

    \b
    Example:
      asiapac claims --verdict wrong
    """
    from asiapac_cli import query

    emit(lambda fb: query.claims(fb, verdict, cite), fmt, data, no_color)


@command()
def search(
    text: Annotated[str, typer.Argument(help="Words to find (all must appear).")],
    fmt: FormatOption = None,
    data: DataOption = None,
    no_color: NoColorOption = False,
) -> None:
    """Search titles, summaries, quotes and areas; title matches first.

    \b
    Example:
      asiapac search "liaison office"
    """
    from asiapac_cli import query

    emit(lambda fb: query.search(fb, text), fmt, data, no_color)


@command()
def show(
    name: Annotated[
        str,
        typer.Argument(
            help="An actor, topic, grouping, or any record or source id.",
            autocompletion=completions(
                ("actors", "topics", "groupings", "itpps", "stances", "events", "claims")
            ),
        ),
    ],
    fmt: Annotated[
        Optional[DocumentFormat],
        typer.Option("--format", "-f", help="table on a terminal, text when piped; or json, yaml."),
    ] = None,
    data: DataOption = None,
    no_color: NoColorOption = False,
) -> None:
    """Everything about one actor, topic or record, with its sources.

    \b
    Example:
      asiapac show japan
    """
    from asiapac_cli import query, render, terminal

    document = run_query(data, lambda fb: query.show(fb, name))
    term = terminal.detect(no_color)
    chosen = fmt.value if fmt else ("table" if term.is_tty else "text")
    write_out(lambda out: render.render_document(document, chosen, term, out))


@command()
def validate(
    file: Annotated[
        Optional[Path],
        typer.Argument(help="Fact file (default: --data, ASIAPAC_DATA or the bundled file).", readable=False),
    ] = None,
    fmt: Annotated[
        ValidateFormat,
        typer.Option("--format", "-f", help="text (file:line:column: message) or json."),
    ] = ValidateFormat.text,
    data: DataOption = None,
) -> None:
    """Check a fact file; list every problem as file:line:column: message (exit 65).

    \b
    Example:
      asiapac validate my-facts.yaml
    """
    from asiapac_cli import load, render
    from asiapac_cli.safe_text import display_path, visible

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
    except AsiapacError as error:
        raise fail(error) from None
    if fmt is ValidateFormat.json:
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
        raise typer.Exit(65)


@command()
def schema() -> None:
    """Print the JSON Schema (draft 2020-12) of the fact file.

    \b
    Example:
      asiapac schema > facts.schema.json
    """
    import json

    from asiapac_cli import schema as fact_schema

    write_out(lambda out: out.write(json.dumps(fact_schema.json_schema(), indent=2) + "\n"))


def build_app(only: str | None = None) -> typer.Typer:
    """The Typer app with every command, or with the one named `only`."""
    built = typer.Typer(
        name="asiapac",
        help="Look up the facts of NATO's partnerships in the Indo-Pacific, with their sources.",
        no_args_is_help=True,
        rich_markup_mode=None,  # help text is plain: a literal [bracket] must never vanish
        pretty_exceptions_show_locals=False,  # a traceback must never print local variables
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    built.callback()(root)
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
        code = EXIT_INTERRUPTED
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
    return EXIT_OUTPUT_FAILED


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
    return EXIT_INTERNAL_ERROR
