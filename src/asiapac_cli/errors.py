"""The tool's error types and the one table that maps them to exit codes."""

from __future__ import annotations


class AsiapacError(Exception):
    """An expected failure with a message for the user (never shown as a traceback)."""


class NoMatch(AsiapacError):
    """The query was valid but nothing matched."""


class UsageProblem(AsiapacError):
    """A bad argument: an unknown name or topic, a malformed date, an empty string."""


class FactFileUnreadable(AsiapacError):
    """The fact file cannot be read: missing, a directory, no permission, not UTF-8, too large."""


class Located:
    """One problem in a fact file, at a 1-based line and column."""

    def __init__(self, line: int, column: int, message: str) -> None:
        self.line = line
        self.column = column
        self.message = message


class FactFileInvalid(AsiapacError):
    """The fact file was read but breaks the schema; every problem found is listed."""

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


# Like grep and sysexits.h: 0 results, 1 nothing matched, 2 usage, 65 bad data, 66 no input.
EXIT_CODES: dict[type[AsiapacError], int] = {
    NoMatch: 1,
    UsageProblem: 2,
    FactFileInvalid: 65,
    FactFileUnreadable: 66,
    OutputUnwritable: 73,  # sysexits EX_CANTCREAT
}
EXIT_INTERNAL_ERROR = 70  # sysexits EX_SOFTWARE: a bug in asiapac itself


def exit_code_for(error: AsiapacError) -> int:
    for error_type, code in EXIT_CODES.items():
        if isinstance(error, error_type):
            return code
    return EXIT_INTERNAL_ERROR
