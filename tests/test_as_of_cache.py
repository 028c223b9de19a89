"""The known-on days are computed once, when the cache is built, and read only by --as-of."""

from __future__ import annotations

import json
import zlib
from pathlib import Path

import pytest

from asiapac_cli.facts import cache, load
from conftest import run


def sections_read(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    read: list[str] = []
    original = cache.CacheReader.section

    def recording(self: cache.CacheReader, name: str) -> bytes:
        read.append(name)
        return original(self, name)

    monkeypatch.setattr(cache.CacheReader, "section", recording)
    return read


def test_the_cached_days_are_those_of_a_fresh_parse() -> None:
    path = load.data_path()
    fresh = load.load(path)  # parses, and writes the cache
    cached = load.load(path)
    assert cached.events.column("known") == fresh.events.column("known")
    assert cached.known_days() == fresh.known_days()
    assert fresh.known_days()["itpp-japan"] == "2023-07-12"


def test_a_warm_lookup_reads_the_days_only_with_as_of(monkeypatch: pytest.MonkeyPatch) -> None:
    assert run("itpp", "japan", "-f", "json").exit_code == 0  # builds the cache
    read = sections_read(monkeypatch)
    assert run("itpp", "japan", "-f", "json").exit_code == 0
    assert "known_on" not in read and "column:known" not in read

    def no_parsing(*args: object) -> None:
        raise AssertionError("parsed the YAML although the cache was fresh")

    monkeypatch.setattr(load, "parse", no_parsing)  # and nothing is recomputed from the file
    assert run("itpp", "japan", "-f", "json", "--as-of", "2023-08-01").exit_code == 0
    assert "known_on" in read and "column:known" in read


def blank_section(tmp_path: Path, name: str) -> tuple[bytes, bytes]:
    """The cache's section `name` overwritten with zeros (same size, wrong bytes): the cache's
    bytes before and after."""
    import marshal

    (path,) = sorted((tmp_path / "cache").glob("facts-*.cache"))
    data = path.read_bytes()
    length = int.from_bytes(data[len(cache.MAGIC) : len(cache.MAGIC) + 4], "big")
    start = len(cache.MAGIC) + 8 + length
    header = marshal.loads(data[len(cache.MAGIC) + 8 : start])
    offset, size, _ = header["sections"][name]
    broken = bytearray(data)
    broken[start + offset : start + offset + size] = bytes(size)
    path.write_bytes(bytes(broken))
    return data, bytes(broken)


def test_a_damaged_days_section_is_bypassed(tmp_path: Path) -> None:
    expected = run("stances", "tokyo-office", "--as-of", "2023-07-12", "-f", "json").stdout
    data, broken = blank_section(tmp_path, "known_on")
    assert zlib.crc32(broken) != zlib.crc32(data)
    result = run("stances", "tokyo-office", "--as-of", "2023-07-12", "-f", "json")
    assert result.exit_code == 0 and result.stdout == expected and json.loads(result.stdout)
