"""Shared fixtures: every test reads a temporary copy of a small fact file and its own cache."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner, Result

from asiapac_cli.cli.app import build_app
from asiapac_cli.output.terminal import Terminal


def app() -> typer.Typer:
    """The app, built for each run as a real run builds it (about 2 ms): built once for every
    test, the work of building it would be credited to one test, and a mutation run would not
    see a change to it fail the others."""
    return build_app()


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


def run(
    *args: str, env: dict[str, str] | None = None, terminal: Terminal | None = None, input: str | None = None
) -> Result:
    """Invoke the CLI in-process; stdout and stderr stay separate. `terminal` stands in for the
    one the run would detect (as httpie's MockEnvironment does); `input` is stdin."""
    return CliRunner().invoke(app(), list(args), env=env, catch_exceptions=False, obj=terminal, input=input)


def tty(*args: str, width: int = 100) -> Result:
    """Invoke as if stdout were a terminal of `width` columns."""
    return run(*args, env={"ASIAPAC_FORCE_TTY": str(width)})


def shared_file(relative: str) -> Path:
    """A file of the project's shared folder (the seed interview, the research notes), which
    lives beside the main checkout: found from any worktree by looking up the parents of this
    one, so a test that needs it runs wherever the folder exists instead of skipping."""
    for folder in REPO.parents:
        candidate = folder / "shared" / relative
        if candidate.exists():
            return candidate
    return REPO.parent / "shared" / relative


def write_facts(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def as_written(path: Path) -> dict[str, object]:
    """A fact file read with no typing at all (every scalar the text written), in the shape the
    JSON export promises: events in date order, a citation given as a bare source id spelled
    out as {"source": id}, `~` as null. An oracle independent of the tool's own loader."""
    import yaml

    from asiapac_cli.facts import model

    raw = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)

    def shaped(value: object, key: str = "") -> object:
        if isinstance(value, dict):
            return {k: shaped(v, k) for k, v in value.items()}
        if isinstance(value, list):
            if key == "sources":
                return [{"source": v} if isinstance(v, str) else shaped(v) for v in value]
            return [shaped(v) for v in value]
        return None if value in ("~", "null") else value

    # `as_of` is the older name of `checked_on`; every kind of record is a list, empty or not.
    document = {("checked_on" if k == "as_of" else k): shaped(v, k) for k, v in raw.items()}
    document["sources"] = [shaped(s) for s in raw.get("sources", [])]  # records, not citations
    for kind in model.RECORD_KINDS:
        document.setdefault(kind, [])
    if "events" in document:
        document["events"] = sorted(document["events"], key=lambda e: model.date_bounds(e["date"])[0])
    return document


def as_text(value: object) -> object:
    """JSON read back with every scalar as the text a YAML file would hold."""
    if isinstance(value, dict):
        return {k: as_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_text(v) for v in value]
    if isinstance(value, bool):
        return "true" if value else "false"
    return None if value is None else str(value)
