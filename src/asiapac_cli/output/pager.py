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
    """Send `text` to the pager; print it as it is when the pager cannot start."""
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
