"""Files: what is not a regular file, the one way to read one (bounded, UTF-8), and the one way an
export writes one (atomically).

Fact files and the texts `check` reads follow the same rules and speak the same messages: a
regular file only (a FIFO would hang, /dev/zero never ends), never more bytes than a bound
whatever the file claims, and text that is UTF-8 or a message saying what it looks like
instead and the command that converts it.

The bottom layer: it imports only the standard library, `errors` and `safe_text`.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path

from asiapac_cli.errors import AsiapacError, OutputUnwritable
from asiapac_cli.safe_text import display_path

# What stat calls each kind of file that is not a regular one.
SPECIAL_FILES = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def kind_of(mode: int) -> str:
    """What a file that is not a regular one is, in words: 'a FIFO'."""
    return next((name for test, name in SPECIAL_FILES if test(mode)), "a special file")


class Expected:
    """What a file being read should be, for the messages when it is not.

    A plain class, not a dataclass: every lookup reads the fact file's status through here, and
    importing `dataclasses` and generating a class's methods cost more start-up time (about
    1 ms) than this module's whole work.
    """

    __slots__ = ("noun", "short", "limit", "error", "too_large_advice", "special_advice")

    def __init__(
        self,
        *,
        noun: str,  # 'a YAML fact file': what the reader expected
        short: str,  # 'a fact file': what may be at most `limit` bytes
        limit: int,  # the most bytes it may have
        error: type[AsiapacError],  # what is raised, carrying its exit status
        too_large_advice: str,  # said after the bound: '; check it in parts'
        special_advice: str = "",  # said after 'not a regular file': how to give a stream instead
    ) -> None:
        self.noun = noun
        self.short = short
        self.limit = limit
        self.error = error
        self.too_large_advice = too_large_advice
        self.special_advice = special_advice


def unreadable(path: Path, error: OSError, expected: Expected) -> AsiapacError:
    """The message for a file the system refuses to give us."""
    shown = display_path(path)
    if isinstance(error, FileNotFoundError):
        return expected.error(f"{shown}: no such file (expected {expected.noun})")
    if isinstance(error, IsADirectoryError):
        return expected.error(f"{shown}: is a directory (expected {expected.noun})")
    if isinstance(error, PermissionError):
        return expected.error(f"{shown}: permission denied")
    return expected.error(f"{shown}: cannot read: {error.strerror}")


def check_regular(path: Path, status: os.stat_result, expected: Expected) -> None:
    """Only a regular file is read: a FIFO would hang, /dev/zero never ends."""
    if stat.S_ISDIR(status.st_mode):
        raise unreadable(path, IsADirectoryError(), expected)
    if not stat.S_ISREG(status.st_mode):
        raise expected.error(
            f"{display_path(path)}: not a regular file ({kind_of(status.st_mode)}); "
            f"expected {expected.noun}{expected.special_advice}"
        )


def stat_regular(path: Path, expected: Expected) -> os.stat_result:
    """`path`'s status, when it is a regular file."""
    try:
        status = os.stat(path)
    except OSError as error:
        raise unreadable(path, error, expected) from None
    check_regular(path, status, expected)
    return status


def too_large(shown: str, size: str, expected: Expected) -> AsiapacError:
    return expected.error(
        f"{shown}: is {size}; {expected.short} may be at most {expected.limit // 2**20} MiB"
        f"{expected.too_large_advice}"
    )


def read_text(path: Path, expected: Expected) -> str:
    """The UTF-8 text of the regular file `path`."""
    return decode_utf8(read_regular(path, expected), display_path(path), expected)


def read_standard_input(expected: Expected) -> str:
    """The UTF-8 text on standard input, bounded as a file's."""
    shown = "standard input"
    if sys.stdin is None:  # started with it closed (`<&-`)
        raise expected.error(f"{shown}: cannot read: it is closed")
    try:
        data = read_bounded(sys.stdin.buffer.read, shown, expected)
    except OSError as error:
        raise expected.error(f"{shown}: cannot read: {error.strerror}") from None
    return decode_utf8(data, shown, expected)


def read_regular(path: Path, expected: Expected) -> bytes:
    """The bytes of the regular file `path`, never more than the bound whatever its size claims.

    Opened without blocking (a FIFO swapped in after a stat cannot hang us) and checked on the
    open descriptor, so what is read is a regular file; one whose size is over the bound is
    refused before anything is read.
    """
    shown = display_path(path)
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        raise unreadable(path, error, expected) from None
    try:
        status = os.fstat(descriptor)
        check_regular(path, status, expected)
        if status.st_size > expected.limit:
            raise too_large(shown, f"{status.st_size / 2**20:.0f} MiB", expected)
        return read_bounded(lambda size: os.read(descriptor, size), shown, expected)
    except OSError as error:
        raise unreadable(path, error, expected) from None
    finally:
        os.close(descriptor)


def read_bounded(read: Callable[[int], bytes], shown: str, expected: Expected) -> bytes:
    """At most the bound's bytes from `read` (a file's, standard input's); more is refused."""
    chunks, total = [], 0
    while total <= expected.limit:
        chunk = read(min(1 << 20, expected.limit + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    if total > expected.limit:
        raise too_large(shown, f"more than {expected.limit // 2**20} MiB", expected)
    return b"".join(chunks)


# Byte-order marks of the encodings people mistake for UTF-8, longest first (UTF-32LE's
# starts with UTF-16LE's).
WIDE_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# UTF-8 text has no NUL bytes; UTF-16 of Latin script has one in two, UTF-32 three in four. A
# text with at least this share of NULs is not UTF-8, whatever a decoder makes of it; a stray
# NUL in a real text stays far below it and is left to the reader.
NUL_SHARE = 0.1
SAMPLE = 1 << 16  # the first bytes judged: enough for any encoding guess
NOT_UTF8_ADVICE = "convert it first, for example: iconv -f cp1252 -t utf-8"


def decode_utf8(data: bytes, shown: str, expected: Expected) -> str:
    """`data` as text (a UTF-8 byte-order mark dropped), or `expected.error` saying what it is.

    - A UTF-16 or UTF-32 byte-order mark: that encoding, and `iconv -f utf-16 -t utf-8`.
    - A share of NUL bytes no UTF-8 text has: UTF-16 or UTF-32 without a byte-order mark (it
      decodes as UTF-8 full of NULs, and would be read as nothing); the likeliest one named.
    - Any other byte that is not UTF-8: its line, column and value.
    """
    for mark, family in WIDE_BOMS:
        if data.startswith(mark):
            name = family.upper()
            raise expected.error(
                f"{shown}: {name} text (it starts with a {name} byte-order mark), not UTF-8; "
                f"convert it first: iconv -f {family} -t utf-8"
            )
    sample = data[:SAMPLE]
    if sample and sample.count(0) >= NUL_SHARE * len(sample):
        share = sample.count(0) / len(sample)
        encoding = wide_encoding(sample)
        advice = (
            f"it looks like {encoding.upper()} without a byte-order mark; "
            f"convert it first: iconv -f {encoding} -t utf-8"
            if encoding
            else "it is UTF-16 or UTF-32 without a byte-order mark, or not text; convert it to UTF-8 first"
        )
        raise expected.error(f"{shown}: not UTF-8 text: {share:.0%} of its bytes are NUL; {advice}")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        raise expected.error(
            f"{shown}:{line}:{column}: not UTF-8 text (byte 0x{data[error.start]:02x}); {NOT_UTF8_ADVICE}"
        ) from None


def wide_encoding(sample: bytes) -> str | None:
    """The UTF-16 or UTF-32 byte order `sample` (no byte-order mark) decodes to most plausibly:
    the one whose characters are most often printable ASCII, as a text in Latin script's are;
    None when no decoding gives mostly such text."""
    sample = sample[: len(sample) // 4 * 4]
    best, best_share = None, 0.5
    for encoding in ("utf-32le", "utf-32be", "utf-16le", "utf-16be"):
        try:
            text = sample.decode(encoding)
        except UnicodeDecodeError:
            continue
        printable = sum(1 for c in text if " " <= c <= "~" or c in "\t\n\r")
        if text and printable / len(text) > best_share:
            best, best_share = encoding, printable / len(text)
    return best


def is_standard_output(path: Path) -> bool:
    """Whether an --output of `path` means standard output: `-`, as for curl and wget, or a name
    of the very file standard output already is (/dev/stdout, /dev/fd/1, the file it was
    redirected to), which is then written as stdout is rather than replaced."""
    if str(path) == "-":
        return True
    try:
        named, ours = os.stat(path), os.fstat(1)
    except OSError:
        return False
    return (named.st_dev, named.st_ino) == (ours.st_dev, ours.st_ino)


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
    try:
        # The path itself, through its links: /dev/stdout names a pipe that realpath cannot.
        status: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        status = None
    except OSError as error:
        raise OutputUnwritable(f"cannot write {shown}: {error.strerror}") from None
    if status is not None and not stat.S_ISREG(status.st_mode):
        raise OutputUnwritable(
            f"cannot write {shown}: not a regular file ({kind_of(status.st_mode)}); --output writes a "
            "regular file: for a pipe or a device, write to standard output (-o -) and redirect it"
        )
    target = os.path.realpath(path)
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
