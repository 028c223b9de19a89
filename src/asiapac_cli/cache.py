"""A cache of the validated fact base, so most runs never import or run the YAML parser.

Layout: MAGIC, a 4-byte header length, a marshal'd header, then sections. The header holds
the key (path, size, mtime, ctime, inode, tool version) and each section's offset, so a query
reads only the sections it needs: `itpp japan` never reads the events. `marshal` is used
because it is fast and, unlike pickle, cannot run code. A cache that is stale, truncated,
foreign or unreadable is ignored (and rebuilt by the caller); one that cannot be written is
skipped silently.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import zlib
from pathlib import Path
from typing import Any

from asiapac_cli import __version__
from asiapac_cli.factbase import EventStore, FactBase

MAGIC = b"asiapac-cache\x00"
FORMAT = 3  # 3: the base holds checked_on, events_through and gaps
CACHE_ENV = "ASIAPAC_CACHE_DIR"
DISABLE_ENV = "ASIAPAC_NO_CACHE"

# Everything a cache can throw at us when it is damaged or foreign.
DAMAGED = (OSError, ValueError, EOFError, TypeError, KeyError, IndexError, AttributeError)


def cache_dir() -> Path:
    explicit = os.environ.get(CACHE_ENV)
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "asiapac"


def cache_file(data_path: Path) -> Path:
    # The key inside the file holds the full path, so a checksum collision is only a miss.
    digest = f"{zlib.crc32(str(data_path.absolute()).encode()):08x}"
    return cache_dir() / f"facts-{digest}.cache"


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


def write(data_path: Path, key: tuple[Any, ...], base: dict[str, Any], events: list[Any]) -> None:
    """Store the fact base atomically; any failure leaves things as they were."""
    if not enabled():
        return
    import tempfile  # only when writing: it costs start-up time

    blobs = [marshal.dumps(event) for event in events]
    offsets = [0]
    for blob in blobs:
        offsets.append(offsets[-1] + len(blob))
    columns = EventStore.build_columns(events)
    sections = {
        "base": marshal.dumps(base),
        **{f"column:{name}": marshal.dumps(values) for name, values in columns.items()},
        "offsets": marshal.dumps(offsets),
        "events": b"".join(blobs),
    }
    layout: dict[str, tuple[int, int]] = {}
    position = 0
    for name, data in sections.items():
        layout[name] = (position, len(data))
        position += len(data)
    header = marshal.dumps({"key": key, "sections": layout, "events": len(events)})
    target = cache_file(data_path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=target.parent, prefix=".tmp-", delete=False) as tmp:
            tmp.write(MAGIC + len(header).to_bytes(4, "big") + header)
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

    def __init__(self, path: Path, body_start: int, layout: dict[str, tuple[int, int]]) -> None:
        self.path = path
        self.body_start = body_start
        self.layout = layout

    def section(self, name: str) -> bytes:
        offset, length = self.layout[name]
        with open(self.path, "rb") as handle:
            handle.seek(self.body_start + offset)
            data = handle.read(length)
        if len(data) != length:
            raise EOFError(f"cache section {name} is truncated")
        return data


def read(data_path: Path, key: tuple[Any, ...]) -> FactBase | None:
    """The cached fact base for `key`, or None when there is no trustworthy cache."""
    if not enabled():
        return None
    path = cache_file(data_path)
    try:
        with open(path, "rb") as handle:
            if handle.read(len(MAGIC)) != MAGIC:
                return None
            length = int.from_bytes(handle.read(4), "big")
            header = marshal.loads(handle.read(length))
            size = os.fstat(handle.fileno()).st_size
        if not isinstance(header, dict) or header.get("key") != key:
            return None
        body_start = len(MAGIC) + 4 + length
        if size != body_start + sum(length for _, length in header["sections"].values()):
            return None  # truncated, or written by something else
        reader = CacheReader(path, body_start, header["sections"])
        base = marshal.loads(reader.section("base"))
        if not isinstance(base, dict) or "record_kinds" not in base:
            return None
    except DAMAGED:
        return None
    return FactBase(base, lazy_events(reader, header["events"]))


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
