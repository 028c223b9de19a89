"""A cache of the validated fact base, so most runs never import or run the YAML parser.

Layout: MAGIC, a 4-byte header length, the header's CRC-32, a marshal'd header, then sections.
The header holds the key (path, size, mtime, ctime, inode, tool version) and each section's
offset, length and CRC-32, so a query reads only the sections it needs (`itpp japan` never
reads the events, nor the actors and claims: each table of the base is a section of its own)
and checks each one it reads: a flipped or replaced byte is a damaged cache,
never a wrong answer. (CRC-32 catches accidents and casual edits; anyone who can write the
cache can also fix its checksums, as they could edit the fact file.) `marshal` is used because
it is fast and, unlike pickle, cannot run code. Only a regular file is read. A cache that is
stale, truncated, damaged, foreign or unreadable is ignored and rebuilt; one that cannot be
written is skipped silently, and with no usable home (see `cache_dir`) there is none.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import stat
import zlib
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, BinaryIO

from asiapac_cli import __version__
from asiapac_cli.facts.base import EventStore, FactBase

MAGIC = b"asiapac-cache\x00"
FORMAT = 7  # 3: checksums; 3 also (facts): checked_on, events_through and gaps; 4: both; 6: known-on
# days; 7: the base's tables in sections of their own
BASE_SECTION = "base:"  # the sections of the base: one for each of its keys ("base:sources")
REQUIRED_BASE = ("schema_version", "checked_on", "record_kinds", "names")
CACHE_ENV = "ASIAPAC_CACHE_DIR"
DISABLE_ENV = "ASIAPAC_NO_CACHE"

# Everything a cache can throw at us when it is damaged or foreign.
DAMAGED = (OSError, ValueError, EOFError, TypeError, KeyError, IndexError, AttributeError)


def cache_dir() -> Path | None:
    """Where the cache lives: ASIAPAC_CACHE_DIR, else by the XDG Base Directory rules; None when
    there is nowhere (the tool then runs uncached and says nothing).

    The XDG rules: $XDG_CACHE_HOME/asiapac when that is an absolute path (a relative one is
    invalid and ignored), else $HOME/.cache/asiapac. A home that is empty, relative or not an
    existing directory is no home: `HOME=` as root would put the cache in /.cache, and
    `HOME=/nonexistent` would create that directory.
    """
    explicit = os.environ.get(CACHE_ENV)
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    if os.path.isabs(xdg):
        return Path(xdg) / "asiapac"
    home = usable_home()
    return home / ".cache" / "asiapac" if home is not None else None


def usable_home() -> Path | None:
    """$HOME if it names an existing directory by an absolute path (unset: the password
    database's, as for `~`); None otherwise."""
    home = os.environ["HOME"] if "HOME" in os.environ else os.path.expanduser("~")
    return Path(home) if os.path.isabs(home) and os.path.isdir(home) else None


def cache_file(data_path: Path) -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    # The key inside the file holds the full path, so a checksum collision is only a miss.
    digest = f"{zlib.crc32(os.fsencode(data_path.absolute())):08x}"  # any bytes, UTF-8 or not
    return folder / f"facts-{digest}.cache"


def make_private_folder(folder: Path) -> None:
    """Create `folder` and any missing parents with mode 0700, as the XDG rules ask (Path.mkdir
    would give the parents the default mode)."""
    missing = []
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    for step in reversed(missing):
        step.mkdir(mode=0o700, exist_ok=True)


def key_for(data_path: Path, stat: os.stat_result) -> tuple[Any, ...]:
    # ctime changes on every write, even one that restores size and mtime.
    return (
        str(data_path.absolute()),
        stat.st_size,
        stat.st_mtime_ns,
        stat.st_ctime_ns,
        stat.st_ino,
        __version__,
        FORMAT,
    )


def enabled() -> bool:
    return not os.environ.get(DISABLE_ENV)


def write(
    data_path: Path, key: tuple[Any, ...], base: dict[str, Any], events: list[Any], days: dict[str, str]
) -> None:
    """Store the fact base atomically; any failure leaves things as they were. `days` are the
    known-on days of sources and fact records (facts/known_on.py), a section of their own so
    that only --as-of reads them."""
    if not enabled():
        return
    import tempfile  # only when writing: it costs start-up time

    blobs = [marshal.dumps(event) for event in events]
    offsets = [0]
    for blob in blobs:
        offsets.append(offsets[-1] + len(blob))
    columns = EventStore.build_columns(events, days)
    sections = {
        **{BASE_SECTION + key: marshal.dumps(value) for key, value in base.items()},
        "known_on": marshal.dumps(days),
        **{f"column:{name}": marshal.dumps(values) for name, values in columns.items()},
        "offsets": marshal.dumps(offsets),
        "events": b"".join(blobs),
    }
    layout: dict[str, tuple[int, int, int]] = {}
    position = 0
    for name, data in sections.items():
        layout[name] = (position, len(data), zlib.crc32(data))
        position += len(data)
    header = marshal.dumps({"key": key, "sections": layout, "events": len(events), "base": list(base)})
    target = cache_file(data_path)
    if target is None:
        return
    try:
        make_private_folder(target.parent)
        with tempfile.NamedTemporaryFile(dir=target.parent, prefix=".tmp-", delete=False) as tmp:
            tmp.write(MAGIC + len(header).to_bytes(4, "big") + zlib.crc32(header).to_bytes(4, "big") + header)
            for data in sections.values():
                tmp.write(data)
        os.replace(tmp.name, target)
    except OSError:
        with contextlib.suppress(OSError, NameError):  # NameError: the temp file never existed
            os.unlink(tmp.name)


class CacheDamaged(Exception):
    """A section that passed the size check failed to decode; the caller rebuilds."""


class CacheReader:
    """Reads sections of one cache file on demand."""

    def __init__(self, path: Path, body_start: int, layout: dict[str, tuple[int, int, int]]) -> None:
        self.path = path
        self.body_start = body_start
        self.layout = layout

    def section(self, name: str) -> bytes:
        """One section's bytes, checked against its CRC-32; a damaged cache file is removed."""
        offset, length, checksum = self.layout[name]
        with open_regular(self.path) as handle:
            handle.seek(self.body_start + offset)
            data = handle.read(length)
        if len(data) != length or zlib.crc32(data) != checksum:
            with contextlib.suppress(OSError):
                os.unlink(self.path)  # the next run rebuilds it
            raise ValueError(f"cache section {name} is damaged")
        return data


def open_regular(path: Path) -> BinaryIO:
    """`path` opened for reading if it is a regular file; a FIFO or device is an OSError."""
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise OSError(f"{path} is not a regular file")
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def read(data_path: Path, key: tuple[Any, ...]) -> FactBase | None:
    """The cached fact base for `key`, or None when there is no trustworthy cache."""
    if not enabled():
        return None
    path = cache_file(data_path)
    if path is None:
        return None
    try:
        with open_regular(path) as handle:
            if handle.read(len(MAGIC)) != MAGIC:
                return None
            length = int.from_bytes(handle.read(4), "big")
            checksum = int.from_bytes(handle.read(4), "big")
            raw = handle.read(length)
            size = os.fstat(handle.fileno()).st_size
        if zlib.crc32(raw) != checksum:
            return None
        header = marshal.loads(raw)
        if not isinstance(header, dict) or header.get("key") != key:
            return None
        body_start = len(MAGIC) + 8 + length
        if size != body_start + sum(length for _, length, _ in header["sections"].values()):
            return None  # truncated, or written by something else
        reader = CacheReader(path, body_start, header["sections"])
        keys = header["base"]
        if not isinstance(keys, list) or not set(REQUIRED_BASE) <= set(keys):
            return None
    except DAMAGED:
        return None
    return FactBase(LazyBase(reader, keys), lazy_events(reader, header["events"]), lazy_days(reader))


class LazyBase(Mapping[str, Any]):
    """The base (fact_base.build_base's mapping), each key read from its section when first
    asked: a lookup unmarshals the tables it uses, not the whole fact file (the base of the
    bundled file is 400 kB, its sources and actors most of it)."""

    def __init__(self, reader: CacheReader, keys: list[str]) -> None:
        self.reader = reader
        self.keys_in_order = keys
        self.loaded: dict[str, Any] = {}

    def __getitem__(self, key: str) -> Any:
        if key not in self.loaded:
            if key not in self.keys_in_order:
                raise KeyError(key)
            try:
                self.loaded[key] = marshal.loads(self.reader.section(BASE_SECTION + key))
            except DAMAGED as error:
                raise CacheDamaged(self.reader.path) from error
        return self.loaded[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.keys_in_order)

    def __len__(self) -> int:
        return len(self.keys_in_order)


def lazy_days(reader: CacheReader) -> Callable[[], dict[str, str]]:
    """The known-on days, read when first asked (only --as-of asks)."""

    def days() -> dict[str, str]:
        try:
            loaded = marshal.loads(reader.section("known_on"))
        except DAMAGED as error:
            raise CacheDamaged(reader.path) from error
        if not isinstance(loaded, dict):
            raise CacheDamaged(reader.path)
        return loaded

    return days


def lazy_events(reader: CacheReader, count: int) -> EventStore:
    """Events that read each column, and then their records, only when first asked."""
    blob: dict[str, Any] = {}

    def column(name: str) -> list[Any]:
        try:
            loaded = marshal.loads(reader.section(f"column:{name}"))
        except DAMAGED as error:
            raise CacheDamaged(reader.path) from error
        if not isinstance(loaded, list) or len(loaded) != count:
            raise CacheDamaged(reader.path)
        return loaded

    def fetch(position: int) -> Any:
        try:
            if not blob:
                blob["offsets"] = marshal.loads(reader.section("offsets"))
                blob["events"] = reader.section("events")
            start, end = blob["offsets"][position], blob["offsets"][position + 1]
            return marshal.loads(blob["events"][start:end])
        except DAMAGED as error:
            raise CacheDamaged(reader.path) from error

    return EventStore(count, column, fetch)
