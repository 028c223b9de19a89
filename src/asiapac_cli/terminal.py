"""The one place that decides "terminal or not", colour and width."""

from __future__ import annotations

import os
import shutil
import sys

FORCE_TTY_ENV = "ASIAPAC_FORCE_TTY"


class Terminal:
    """Where output goes: a terminal or not, with colour or not, how wide (None: never wrap)."""

    def __init__(self, is_tty: bool, color: bool, width: int | None) -> None:
        self.is_tty = is_tty
        self.color = color
        self.width = width


def detect(no_color: bool = False) -> Terminal:
    """Decide from stdout alone. Rich's own test treats any FORCE_COLOR as a terminal; we don't.

    ASIAPAC_FORCE_TTY=1 makes stdout count as a terminal (tests, demos, `| less -R`);
    a number of 20 or more also sets the width.
    """
    forced = os.environ.get(FORCE_TTY_ENV, "")
    is_tty = forced not in ("", "0") if forced else sys.stdout.isatty()
    color = is_tty and not no_color and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"
    width = None
    if is_tty:
        if forced.isdigit() and int(forced) >= 20:
            width = int(forced)
        else:
            width = shutil.get_terminal_size(fallback=(100, 24)).columns
    return Terminal(is_tty=is_tty, color=color, width=width)
