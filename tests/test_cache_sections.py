"""Each table of the cached base is a section of its own: a warm lookup unmarshals the tables it
uses and no others, and a damaged table is bypassed like any damaged section."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run
from test_as_of_cache import blank_section, sections_read


def test_a_warm_lookup_reads_only_the_tables_it_uses(monkeypatch: pytest.MonkeyPatch) -> None:
    cold = run("itpp", "japan", "-f", "json")  # builds the cache
    read = sections_read(monkeypatch)
    warm = run("itpp", "japan", "-f", "json")
    assert warm.exit_code == 0 and warm.stdout == cold.stdout
    assert "base:itpps" in read
    assert not {"base:actors", "base:claims", "base:groupings", "base:stances"} & set(read), read
    assert not [name for name in read if name.startswith("column:") or name == "events"]
    read.clear()
    assert run("stances", "tokyo-office", "-f", "json").exit_code == 0
    assert {"base:stances", "base:actors"} <= set(read) and "base:itpps" not in read


def test_a_damaged_table_is_bypassed(tmp_path: Path) -> None:
    expected = run("itpp", "japan", "-f", "json").stdout
    blank_section(tmp_path, "base:itpps")
    result = run("itpp", "japan", "-f", "json")
    assert result.exit_code == 0 and result.stderr == "" and result.stdout == expected
    assert json.loads(result.stdout)
