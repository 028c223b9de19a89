"""Files: what is not a regular file, and the one way an export writes one (atomically).

The bottom layer: it imports only the standard library, `errors` and `safe_text`.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

from asiapac_cli.errors import OutputUnwritable
from asiapac_cli.safe_text import display_path

# What stat calls each kind of file that is not a regular one.
SPECIAL_FILES = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def write_atomically(path: Path, fill: Callable[[str], object]) -> None:
    """Create or replace the regular file `path` with what `fill` writes into the temporary
    file whose name it is given; readers see the old file or the whole new one, never a part.

    - A directory, FIFO, device or socket at `path` is refused (OutputUnwritable, exit 73):
      it is never replaced by a file, nor opened (a FIFO would block).
    - A symlink is written through: its target is replaced and the link stays a link.
    - The temporary file lives in the target's own folder (os.replace cannot cross file
      systems), and the new file keeps the old one's permissions, or gets 0666 less the umask.
    """
    import tempfile

    shown = display_path(path)
    target = os.path.realpath(path)
    try:
        status: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        status = None
    except OSError as error:
        raise OutputUnwritable(f"cannot write {shown}: {error.strerror}") from None
    if status is not None and not stat.S_ISREG(status.st_mode):
        kind = next((name for test, name in SPECIAL_FILES if test(status.st_mode)), "a special file")
        raise OutputUnwritable(f"cannot write {shown}: not a regular file ({kind})")
    if status is not None:
        mode = stat.S_IMODE(status.st_mode)
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    try:
        handle, temporary = tempfile.mkstemp(prefix=".asiapac-", suffix=".tmp", dir=os.path.dirname(target))
    except OSError as error:
        raise OutputUnwritable(f"cannot write {shown}: {error.strerror}") from None
    try:
        os.fchmod(handle, mode)
        os.close(handle)
        fill(temporary)
        os.replace(temporary, target)
    except OSError as error:
        raise OutputUnwritable(f"cannot write {shown}: {error.strerror}") from None
    finally:
        if os.path.lexists(temporary):
            os.unlink(temporary)
