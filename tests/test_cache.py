"""The cache: never stale, never trusted when damaged, never an error when unwritable."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from asiapac_cli.facts import cache, load
from conftest import run


def cache_files(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "cache").glob("facts-*.cache"))


def titles(*args: str) -> list[str]:
    return [r["title"] for r in json.loads(run("timeline", "-f", "json", *args).stdout)]


def test_first_run_writes_a_cache_the_second_run_uses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert titles()[0] == "Madrid Summit"
    assert len(cache_files(tmp_path)) == 1

    def no_parsing(*args: object) -> None:
        raise AssertionError("parsed the YAML although the cache was fresh")

    monkeypatch.setattr(load, "parse", no_parsing)
    assert titles()[0] == "Madrid Summit"


def test_an_edit_is_never_answered_from_a_stale_cache(facts_file: Path) -> None:
    assert titles()[0] == "Madrid Summit"
    stat = facts_file.stat()
    text = facts_file.read_text().replace("title: Madrid Summit", "title: Madrid Summix")
    facts_file.write_text(text)  # same size
    os.utime(facts_file, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # and the old mtime
    assert titles()[0] == "Madrid Summix"


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"",
        lambda data: data[: len(data) // 2],
        lambda data: data[:-1],
        lambda data: b"not a cache at all",
        lambda data: data[:40] + bytes(200) + data[240:],
        lambda data: cache.MAGIC + (2**31).to_bytes(4, "big"),
    ],
)
def test_damaged_or_foreign_cache_is_ignored_and_rebuilt(tmp_path: Path, damage) -> None:
    expected = titles()
    (path,) = cache_files(tmp_path)
    path.write_bytes(damage(path.read_bytes()))
    result = run("timeline", "-f", "json")
    assert result.exit_code == 0 and result.stderr == ""
    assert [r["title"] for r in json.loads(result.stdout)] == expected
    # The rebuilt cache answers the next run with the same facts.
    assert [event["title"] for event in load.load(load.data_path()).events] == expected


def test_a_section_that_fails_to_decode_is_bypassed(tmp_path: Path) -> None:
    expected = titles()
    (path,) = cache_files(tmp_path)
    data = bytearray(path.read_bytes())
    data[-5:] = b"\xff\xff\xff\xff\xff"  # the end of the events section: same size, bad bytes
    path.write_bytes(bytes(data))
    assert titles() == expected


def test_unwritable_cache_directory_is_not_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the cache directory should be")
    monkeypatch.setenv("ASIAPAC_CACHE_DIR", str(blocker / "asiapac"))
    result = run("timeline", "-f", "json")
    assert result.exit_code == 0 and result.stderr == ""


def test_cache_can_be_switched_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASIAPAC_NO_CACHE", "1")
    assert titles()
    assert cache_files(tmp_path) == []


def test_xdg_cache_home_is_honoured(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ASIAPAC_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert titles()
    assert list((tmp_path / "xdg" / "asiapac").glob("facts-*.cache"))


def test_concurrent_writers_leave_one_whole_cache(tmp_path: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    path = load.data_path()
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda _: load.load(path), range(16)))
    assert all(len(r.events) == 3 for r in results)
    assert len(cache_files(tmp_path)) == 1
    assert not list((tmp_path / "cache").glob(".tmp-*"))
    assert titles()[0] == "Madrid Summit"
