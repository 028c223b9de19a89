"""The Typer app: the command registry, the one error boundary, and the entry point."""

from __future__ import annotations

import contextlib
import gc
import inspect
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperCommand, TyperGroup

from asiapac_cli import __version__
from asiapac_cli.cli.emit import silence_stdout
from asiapac_cli.errors import AsiapacError, ExitStatus, FactFileInvalid, exit_status_help

if TYPE_CHECKING:
    from asiapac_cli.output.terminal import Terminal

DEBUG_ENV = "ASIAPAC_DEBUG"


# Commands register here, and `build_app` turns them into a Typer app. Typer converts every
# registered command into a Click command on each run (about 1 ms apiece), so a run that
# names its command builds an app of that one command only (see `main`); and each command's
# callback (its signature rewritten, its annotations evaluated) is made only when it is built.
COMMANDS: dict[str, Callable[[], Callable[..., None]]] = {}
# Every command, in the order `asiapac --help` lists them, with the module (under
# cli/commands) that defines it: a run imports only the module of the command it names.
COMMAND_MODULES = {
    **dict.fromkeys(["timeline", "summits", "itpp", "stances", "who-opposed", "who-supported"], "lookups"),
    **dict.fromkeys(["topics", "actors", "groupings", "sources", "cite"], "lookups"),
    "export": "export",
    **dict.fromkeys(["claims", "search", "show", "about"], "lookups"),
    "validate": "factfile",
    "schema": "factfile",
    "check": "check",
}


Adapter = Callable[[Callable[..., None]], Callable[..., None]]


def command(name: str | None = None, adapt: Adapter | None = None) -> Adapter:
    """Register a command; `adapt` (as `listing_command` does) reshapes it when it is built."""

    def register(function: Callable[..., None]) -> Callable[..., None]:
        COMMANDS[name or function.__name__] = lambda: callback(adapt(function) if adapt else function)
        return function

    return register


class StrictCommand(TyperCommand):
    """A command whose options are read strictly, before Click keeps the last of each:

    - a single-valued option given twice is a usage error. The output contract makes options
      that contradict each other a usage error, and `-f json -f tsv` (a script's arguments
      assembled from pieces, an alias's default plus the user's) is such a pair: Click would
      print the last one's format silently, and the script would parse the wrong one;
    - an empty value (`--since ''`, `--min-evidence ''`) is a usage error, never "no filter";
    - Click's own messages echo what was typed cut to a readable length (`safe_text.cut`).

    Repeatable options (--actor, --kind, --topic, --position) and flags may repeat.
    (Built on Typer's vendored Click: typer is pinned below 0.29 in pyproject.toml.)
    """

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        from typer._click.exceptions import UsageError

        try:
            if not ctx.resilient_parsing:  # shell completion reads half-typed lines
                self.refuse_repeated_and_empty(ctx, list(args))
            return super().parse_args(ctx, args)
        except UsageError as error:
            from asiapac_cli.safe_text import cut

            error.message = " ".join(cut(word) for word in error.message.split(" "))
            raise

    def refuse_repeated_and_empty(self, ctx: Any, args: list[str]) -> None:
        from typer._click.exceptions import UsageError
        from typer.core import TyperOption

        try:
            values, _, order = self.make_parser(ctx).parse_args(args=args)
        except UsageError:
            return  # Click says what is wrong with these arguments, as it would anyway
        seen: set[str] = set()
        for param in order:
            if isinstance(param, TyperOption) and not (param.multiple or param.is_flag or param.count):
                if param.name in seen:
                    raise UsageError(f"{long_name(param)} was given more than once; give it once", ctx)
                seen.add(str(param.name))
        for param in self.get_params(ctx):
            if isinstance(param, TyperOption) and not param.is_flag and param.name in values:
                given = values[param.name] if param.multiple else [values[param.name]]
                if any(isinstance(value, str) and not value.strip() for value in given):
                    raise UsageError(f"{long_name(param)} was given an empty value", ctx)


def long_name(param: Any) -> str:
    """How an option is named in a message: its long form (--format, not -f)."""
    return str(next((name for name in param.opts if name.startswith("--")), param.opts[0]))


TERMINAL = "terminal"  # the parameter a command declares to be given this run's Terminal


def callback(function: Callable[..., None]) -> Callable[..., None]:
    """The callback Typer runs for a command: any AsiapacError the command raises becomes its
    message and its exit status; its closed-vocabulary options (cli/vocabulary.py) reach it
    matched; and a keyword-only `terminal` parameter (hidden from the command line) receives
    this run's Terminal, detected once here, or the one a test injects as the Click context's
    `obj` (as httpie's tests pass a MockEnvironment)."""
    from asiapac_cli.cli.vocabulary import match_vocabularies

    own = inspect.signature(function, eval_str=True).parameters
    annotations = {name: p.annotation for name, p in own.items()}
    wants_terminal = TERMINAL in own
    parameters = [p for p in own.values() if p.name != TERMINAL]
    parameters.append(inspect.Parameter("context", inspect.Parameter.KEYWORD_ONLY, annotation=typer.Context))

    def run(**kwargs: Any) -> None:
        context = kwargs.pop("context")
        try:
            match_vocabularies(annotations, kwargs)  # every closed-vocabulary option, matched here
            if wants_terminal:
                kwargs[TERMINAL] = run_terminal(context.obj)
            function(**kwargs)
        except AsiapacError as error:
            raise fail(error) from None

    run.__name__ = function.__name__
    run.__doc__ = function.__doc__
    run.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    run.__annotations__ = {p.name: p.annotation for p in parameters}
    return run


def run_terminal(injected: object) -> Terminal:
    """The terminal a test injected, else the one stdout and the environment say this run has."""
    from asiapac_cli.output.terminal import Terminal, detect

    return injected if isinstance(injected, Terminal) else detect()


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


# What `asiapac --help` says. It is kept short enough that its usage line stays on a 40-row
# screen with the command above it and the prompt below (at most 38 lines, at 60 columns too):
# one line of what the tool is, six questions to start with (each answer short enough to sit
# beside its command at 60 columns), each command in a summary of at most 39 characters (what
# fits beside its name at 60 columns; its own --help says the rest).
ROOT_HELP = "Look up NATO's Indo-Pacific partnerships, with sources."
WHERE_TO_START = (
    ("asiapac summits", "who came to summits"),
    ("asiapac itpp japan", "Japan's ITPP, by area"),
    ("asiapac who-opposed tokyo-office", "who opposed the office"),
    ("asiapac timeline --since 2023", "events since 2023"),
    ("asiapac claims --verdict wrong", "the interview's errors"),
    ("asiapac search camp david", "records that name it"),
)
SUMMARIES = {
    "timeline": "Events in date order, with filters.",
    "summits": "Who came to each NATO summit.",
    "itpp": "Partnership programmes and their areas.",
    "stances": "Who took which position on a topic.",
    "who-opposed": "Who opposed a topic.",
    "who-supported": "Who proposed or supported a topic.",
    "topics": "The topics, with counts.",
    "actors": "Countries, organisations and people.",
    "groupings": "The Quad, AUKUS, Camp David.",
    "sources": "The sources, with what cites each.",
    "cite": "How to cite a record: text or BibTeX.",
    "export": "Everything as SQLite, JSON or HTML.",
    "claims": "The 2023 interview's claims, judged.",
    "search": "Find records by words.",
    "show": "Everything about one name or record.",
    "about": "What the fact base covers and lacks.",
    "validate": "Check a fact file, problem by line.",
    "schema": "The fact file's JSON Schema.",
    "check": "Fact-check a text against the facts.",
}
COMPLETION_HINT = "Shell completion: asiapac --install-completion"


class RootGroup(TyperGroup):
    """`asiapac --help`: the usage line names --version and -h, so there is no Options section
    (the completion options still work, and the epilog names them); the questions to start with
    follow the one line of what the tool is, as a definition list Click wraps at the width."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        return ["[--version] [-h]", *super().collect_usage_pieces(ctx)[1:]]  # not [OPTIONS]

    def format_help(self, ctx: Any, formatter: Any) -> None:
        self.format_usage(ctx, formatter)
        self.format_help_text(ctx, formatter)
        with formatter.indentation():
            formatter.write_text("Where to start:")
            with formatter.indentation():
                formatter.write_dl(WHERE_TO_START, col_max=max(len(command) for command, _ in WHERE_TO_START))
        with formatter.section("Commands (each has --help)"):
            formatter.write_dl([(name, command.short_help or "") for name, command in self.commands.items()])
        self.format_epilog(ctx, formatter)
        with formatter.indentation():
            formatter.write_text(COMPLETION_HINT)  # under the exit codes: a line of its own, never split


def fail(error: AsiapacError) -> typer.Exit:
    """Print an expected error on stderr and give the exit status that belongs to it."""
    from asiapac_cli.safe_text import visible

    message = str(error) if isinstance(error, FactFileInvalid) else f"asiapac: {error}"
    sys.stderr.write(visible(message) + "\n")
    return typer.Exit(int(error.status))


def build_app(only: str | None = None) -> typer.Typer:
    """The Typer app with every command, or with the one named `only`."""
    built = typer.Typer(
        name="asiapac",
        cls=RootGroup,
        no_args_is_help=True,
        rich_markup_mode=None,  # help text is plain: a literal [bracket] must never vanish
        pretty_exceptions_show_locals=False,  # a traceback must never print local variables
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    built.callback(help=ROOT_HELP, epilog=exit_status_help())(root)
    import importlib

    for name, module in COMMAND_MODULES.items():
        if only is None or name == only:
            importlib.import_module(f"asiapac_cli.cli.commands.{module}")  # registers its commands
            built.command(name, cls=StrictCommand, short_help=SUMMARIES[name])(COMMANDS[name]())
    return built


def main() -> None:
    """Entry point: expected errors are messages; a bug prints no traceback unless asked."""
    from asiapac_cli.output.terminal import ClosedOutput, GuardedOutput

    if sys.stdout is None:  # started with stdout closed (`asiapac timeline >&-`)
        with contextlib.suppress(OSError):
            os.open(os.devnull, os.O_RDWR)  # hold fd 1, so no file we open becomes "stdout"
        sys.stdout = ClosedOutput()
    # Whatever writes stdout (our commands, Click's --help and --version, completion scripts),
    # a failed write is an output failure (74), not an internal error.
    stdout = GuardedOutput(sys.stdout)
    sys.stdout = stdout
    arguments = sys.argv[1:]
    named = arguments[0] if arguments and arguments[0] in COMMAND_MODULES else None
    code: Any = 0
    try:
        # standalone: Typer handles usage errors (2) and Ctrl-C (130)
        build_app(named)(prog_name="asiapac")
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
    # The interpreter's exit runs the cyclic garbage collector over every object still alive
    # (Typer's, Click's and ours: some 18,000), more than once, only to free memory the system
    # takes back anyway: about 15 ms of a 100 ms lookup, more than all of asiapac's own work.
    # Frozen objects are left out of those passes. Nothing here needs them collected: output
    # is flushed above, files and databases are closed where they are written, a pager has been
    # waited for, and atexit handlers still run.
    gc.freeze()
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
