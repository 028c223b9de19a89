"""Show a long table through a pager, as git and gh do.

Written by hand rather than with Rich's `Console.pager`: that delegates to `pydoc.pager`, which
knows nothing of ASIAPAC_PAGER, pages even a screenful, and has its own fallbacks.
"""

from __future__ import annotations

import os
import shlex
import subprocess
from typing import TextIO

from asiapac_cli.output.terminal import Terminal, pager_command


def should_page(text: str, terminal: Terminal, no_pager: bool) -> bool:
    """Only a real terminal, only when asked not to stay quiet, only what is taller than the screen."""
    return terminal.real and not no_pager and text.count("\n") > terminal.height - 1


def page(text: str, out: TextIO) -> None:
    """Send `text` to the pager; print it as it is when the pager cannot start or fails."""
    command = pager_command()
    try:
        argv = shlex.split(command)
    except ValueError:
        argv = []
    if not argv:
        out.write(text)
        return
    env = dict(os.environ)
    env.setdefault("LESS", "FRX")  # like git: quit when it fits, keep colour, leave the screen as is
    try:
        process = subprocess.Popen(argv, stdin=subprocess.PIPE, env=env)
    except OSError:
        out.write(text)
        return
    assert process.stdin is not None
    try:
        out.flush()
        process.stdin.write(text.encode("utf-8", "replace"))
        process.stdin.close()
    except BrokenPipeError:
        pass  # the reader quit the pager before the end: that is not an error
    except KeyboardInterrupt:
        pass
    while True:
        try:
            process.wait()
            break
        except KeyboardInterrupt:
            continue  # Ctrl-C belongs to the pager (less uses it); wait for it to end
    if process.returncode > 0:
        # It failed (ASIAPAC_PAGER=false, a pager that cannot open the terminal): most likely it
        # showed nothing, so the table is printed here, and the reason said after it, where it
        # is seen. Better twice than lost. A pager killed by a signal (Ctrl-C, a closed pipe)
        # was stopped by the reader, and a pager that exits 0 was quit by them (less's `q`).
        import sys

        from asiapac_cli.safe_text import visible

        out.write(text)
        out.flush()
        sys.stderr.write(
            visible(
                f"asiapac: the pager {command!r} exited with status {process.returncode}; the table is "
                "printed here (--no-pager or ASIAPAC_PAGER=cat print without a pager)"
            )
            + "\n"
        )
