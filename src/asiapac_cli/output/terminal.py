"""The one place that decides "terminal or not", colour, width and height, and whether to page."""

from __future__ import annotations

import os
import shutil
import sys
from typing import Any, TextIO

FORCE_TTY_ENV = "ASIAPAC_FORCE_TTY"
PAGER_ENV = "ASIAPAC_PAGER"
DEFAULT_PAGER = "less -FRX"


class Terminal:
    """Where output goes: a terminal or not, with colour or not, how wide (None: never wrap),
    how tall, and whether it really is a terminal (a forced one is never paged)."""

    def __init__(
        self, is_tty: bool, color: bool, width: int | None, height: int = 24, real: bool = False
    ) -> None:
        self.is_tty = is_tty
        self.color = color
        self.width = width
        self.height = height
        self.real = real

    def without_color(self, off: bool = True) -> Terminal:
        """The same terminal with colour off when `off` (--no-color); else this one."""
        return Terminal(self.is_tty, False, self.width, self.height, self.real) if off else self


def stdout_is_tty() -> bool:
    # stdout may be None (closed before start-up: `asiapac timeline >&-`); that is no terminal.
    try:
        return sys.stdout is not None and sys.stdout.isatty()
    except (ValueError, OSError):
        return False


def detect(no_color: bool = False) -> Terminal:
    """Decide from stdout alone. Rich's own test treats any FORCE_COLOR as a terminal; we don't.

    ASIAPAC_FORCE_TTY=1 makes stdout count as a terminal (tests, demos, `| less -R`);
    a number of 20 or more also sets the width.
    """
    forced = os.environ.get(FORCE_TTY_ENV, "")
    real = stdout_is_tty()
    is_tty = forced not in ("", "0") if forced else real
    color = is_tty and not no_color and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"
    width = None
    height = 24
    if is_tty:
        size = shutil.get_terminal_size(fallback=(100, 24))
        height = size.lines
        width = int(forced) if forced.isdigit() and int(forced) >= 20 else size.columns
    return Terminal(is_tty=is_tty, color=color, width=width, height=height, real=real and not forced)


def pager_command() -> str:
    """ASIAPAC_PAGER, else PAGER, else `less -FRX`, as git and gh choose theirs."""
    return os.environ.get(PAGER_ENV) or os.environ.get("PAGER") or DEFAULT_PAGER


class ClosedOutput:
    """Stands in for a stdout the tool was started without (`asiapac timeline >&-`)."""

    encoding = "utf-8"
    errors = "strict"

    def write(self, text: str) -> int:
        import errno

        raise OSError(errno.EBADF, "standard output is closed")

    def flush(self) -> None:
        """Nothing was ever buffered."""

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        import io

        raise io.UnsupportedOperation("standard output is closed")


class GuardedOutput:
    """stdout, remembering the first write that failed, so the caller can tell an output
    failure (exit 74) from any other OSError however deep in a library it surfaced."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream
        self.failure: OSError | None = None

    def write(self, text: str) -> int:
        try:
            return int(self.stream.write(text))
        except OSError as error:
            self.failure = self.failure or error
            raise

    def flush(self) -> None:
        try:
            self.stream.flush()
        except OSError as error:
            self.failure = self.failure or error
            raise

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


def console(terminal: Terminal, out: TextIO) -> Any:
    from rich.console import Console

    return Console(
        file=out,
        force_terminal=terminal.is_tty,
        color_system="auto" if terminal.color else None,
        width=terminal.width or 100,
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=False,
    )
