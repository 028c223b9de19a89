"""The tool's exit statuses, declared once, and the error types that each carry their own."""

from __future__ import annotations

from enum import IntEnum
from typing import Any


class ExitStatus(IntEnum):
    """Like grep and sysexits.h. `asiapac --help` prints this table (see `exit_status_help`)."""

    OK = 0  # results printed
    NO_MATCH = 1  # the query was valid but nothing matched
    USAGE = 2  # usage error: unknown name, bad value or date, conflicting options
    CONTRADICTED = 3  # `check`: the text states something the fact base contradicts
    DATA_INVALID = 65  # EX_DATAERR: the fact file is invalid
    NO_INPUT = 66  # EX_NOINPUT: the fact file (or the text to check) cannot be read
    INTERNAL = 70  # EX_SOFTWARE: a bug in asiapac itself
    CANNOT_CREATE = 73  # EX_CANTCREAT: an export's output file cannot be written
    IO_ERROR = 74  # EX_IOERR: output could not be written (a full disk)
    INTERRUPTED = 130  # the shell's code for Ctrl-C


EXIT_MEANINGS = {
    ExitStatus.OK: "results printed",
    ExitStatus.NO_MATCH: "nothing matched",
    ExitStatus.USAGE: "usage error or unknown name",
    ExitStatus.CONTRADICTED: "check found a contradiction",
    ExitStatus.DATA_INVALID: "invalid fact file",
    ExitStatus.NO_INPUT: "unreadable fact file or text",
    ExitStatus.INTERNAL: "internal error",
    ExitStatus.CANNOT_CREATE: "export file not writable",
    ExitStatus.IO_ERROR: "output failed",
    ExitStatus.INTERRUPTED: "interrupted",
}


def exit_status_help() -> str:
    """The exit-status table as one line of help text, from the enum itself."""
    return "Exit codes: " + ", ".join(f"{int(s)} {EXIT_MEANINGS[s]}" for s in ExitStatus) + "."


class AsiapacError(Exception):
    """An expected failure with a message for the user (never shown as a traceback).

    Each type carries the exit status it ends the run with, as click.ClickException does.
    """

    status = ExitStatus.INTERNAL


class NoMatch(AsiapacError):
    """The query was valid but nothing matched.

    A listing query raises it with its empty listing, so that machine formats can still print
    their header (or `[]`): a script sees the same shape whether or not anything matched.
    """

    status = ExitStatus.NO_MATCH

    def __init__(self, message: str, listing: Any = None) -> None:
        super().__init__(message)
        self.listing = listing


class UsageProblem(AsiapacError):
    """A bad argument: an unknown name or topic, a malformed date, an empty string."""

    status = ExitStatus.USAGE


class FactFileUnreadable(AsiapacError):
    """The fact file cannot be read: missing, a directory, no permission, not UTF-8, too large."""

    status = ExitStatus.NO_INPUT


class TextUnreadable(AsiapacError):
    """The text given to `check` cannot be read: missing, not UTF-8, too large."""

    status = ExitStatus.NO_INPUT


class Located:
    """One problem in a fact file, at a 1-based line and column."""

    def __init__(self, line: int, column: int, message: str) -> None:
        self.line = line
        self.column = column
        self.message = message


class FactFileInvalid(AsiapacError):
    """The fact file was read but breaks the schema; every problem found is listed."""

    status = ExitStatus.DATA_INVALID

    def __init__(self, path: str, problems: list[Located]) -> None:
        super().__init__(path)
        self.path = path
        self.problems = problems

    SHOWN = 100  # a broken generated file can have thousands; `asiapac validate` lists all

    def __str__(self) -> str:
        lines = [f"{self.path}:{p.line}:{p.column}: {p.message}" for p in self.problems[: self.SHOWN]]
        count = len(self.problems)
        summary = f"{self.path}: {count} problem{'s' if count != 1 else ''} found"
        if count > self.SHOWN:
            summary += f"; the first {self.SHOWN} are shown (asiapac validate lists them all)"
        lines.append(summary)
        return "\n".join(lines)


class OutputUnwritable(AsiapacError):
    """An output file (an export) cannot be created or written."""

    status = ExitStatus.CANNOT_CREATE
