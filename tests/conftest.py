"""Shared fixtures: every test reads a temporary copy of a small fact file and its own cache."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from asiapac_cli.cli import app

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent
ISOLATED_ENV = (
    "ASIAPAC_DATA",
    "ASIAPAC_CACHE_DIR",
    "ASIAPAC_FORCE_TTY",
    "ASIAPAC_DEBUG",
    "ASIAPAC_NO_CACHE",
    "NO_COLOR",
    "FORCE_COLOR",
    "COLUMNS",
    "TERM",
    "XDG_CACHE_HOME",
)


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the data file and the cache at temporary paths; clear the caller's settings."""
    for name in ISOLATED_ENV:
        monkeypatch.delenv(name, raising=False)
    facts = tmp_path / "facts.yaml"
    shutil.copy(FIXTURES / "small.yaml", facts)
    monkeypatch.setenv("ASIAPAC_DATA", str(facts))
    monkeypatch.setenv("ASIAPAC_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    return facts


@pytest.fixture
def facts_file(isolated: Path) -> Path:
    return isolated


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    """Invoke the CLI in-process; stdout and stderr stay separate."""
    return CliRunner().invoke(app, list(args), env=env, catch_exceptions=False)


def tty(*args: str, width: int = 100) -> Result:
    """Invoke as if stdout were a terminal of `width` columns."""
    return run(*args, env={"ASIAPAC_FORCE_TTY": str(width)})


def write_facts(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
