"""Read a fact file strictly, validate it, and build the fact base (through the cache).

Nothing here prints: every failure is raised as FactFileUnreadable (exit 66) or
FactFileInvalid (exit 65) carrying file:line:column for each problem found.
"""

from __future__ import annotations

import gc
import os
from pathlib import Path
from typing import Any

from asiapac_cli import cache, model
from asiapac_cli.errors import FactFileInvalid, FactFileUnreadable, Located
from asiapac_cli.factbase import (
    NAMED_KINDS,
    EventStore,
    FactBase,
    alias_collisions,
    build_base,
    chronological,
)

MAX_FILE_BYTES = 64 * 1024 * 1024  # far above any curated file; refuses accidents early
DATA_ENV = "ASIAPAC_DATA"


def bundled_path() -> Path:
    """The fact file shipped in the wheel, or the repository's own in a source checkout."""
    here = Path(__file__).resolve().parent
    packaged = here / "data" / "facts.yaml"
    return packaged if packaged.exists() else here.parent.parent / "data" / "facts.yaml"


def data_path(option: str | None = None) -> Path:
    """--data wins over ASIAPAC_DATA, which wins over the bundled file."""
    chosen = option or os.environ.get(DATA_ENV)
    return Path(chosen) if chosen else bundled_path()


def load(path: Path, use_cache: bool = True) -> FactBase:
    """The validated fact base of `path`, from the cache when it is still fresh."""
    stat = stat_fact_file(path)
    key = cache.key_for(path, stat)
    if use_cache:
        cached = cache.read(path, key)
        if cached is not None:
            return cached
    text = read_text(path, stat.st_size)
    # Parsing allocates millions of objects and frees none; the cyclic collector would
    # rescan them again and again (run time growing faster than the file).
    gc.disable()
    try:
        records, schema_version, head = parse(text, str(path))
    finally:
        gc.enable()
    events = chronological(records.pop("events", []))
    base = build_base({**records, "events": events}, schema_version, head)
    if use_cache:
        cache.write(path, key, base, events)
    return FactBase(base, EventStore.in_memory(events))


def unreadable(path: Path, error: OSError) -> FactFileUnreadable:
    """The message for a fact file the system refuses to give us."""
    if isinstance(error, FileNotFoundError):
        return FactFileUnreadable(f"{path}: no such file (expected a YAML fact file)")
    if isinstance(error, IsADirectoryError):
        return FactFileUnreadable(f"{path}: is a directory (expected a YAML fact file)")
    if isinstance(error, PermissionError):
        return FactFileUnreadable(f"{path}: permission denied")
    return FactFileUnreadable(f"{path}: cannot read: {error.strerror}")


def stat_fact_file(path: Path) -> os.stat_result:
    try:
        stat = path.stat()
    except OSError as error:
        raise unreadable(path, error) from None
    if path.is_dir():
        raise unreadable(path, IsADirectoryError())
    return stat


def read_text(path: Path, size: int) -> str:
    if size > MAX_FILE_BYTES:
        raise FactFileUnreadable(
            f"{path}: is {size / 2**20:.0f} MiB; a fact file may be at most {MAX_FILE_BYTES // 2**20} MiB"
        )
    try:
        data = path.read_bytes()
    except OSError as error:
        raise unreadable(path, error) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        raise FactFileUnreadable(
            f"{path}:{line}:{column}: not UTF-8 text (byte 0x{data[error.start]:02x}); save the file as UTF-8"
        ) from None


def node_loader() -> Any:
    """A YAML loader that composes nodes and types nothing: every scalar is tagged text."""
    import yaml

    base = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
    tags = {
        yaml.ScalarNode: "tag:yaml.org,2002:str",
        yaml.SequenceNode: "tag:yaml.org,2002:seq",
        yaml.MappingNode: "tag:yaml.org,2002:map",
    }

    class NodeLoader(base):  # type: ignore[misc, valid-type]
        # The Base loaders resolve no implicit types: `NO`, `2023-07-12` and `010` stay
        # text. This is their answer, without their per-node search for path resolvers.
        def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
            return tags[kind]

    return NodeLoader


def compose(text: str, path: str) -> Any:
    """The YAML node tree, with no implicit typing (every scalar stays text)."""
    import yaml

    loader = node_loader()(text)
    try:
        return loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or error.context or "invalid YAML"
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        lines = text.splitlines()
        offending = lines[line - 1] if line <= len(lines) else ""
        if "\t" in offending[:column]:
            problem += " (a tab: YAML indents with spaces only)"
        raise FactFileInvalid(path, [Located(line, column, f"YAML syntax: {problem}")]) from None
    except yaml.YAMLError as error:
        raise FactFileInvalid(path, [Located(1, 1, f"YAML syntax: {error}")]) from None
    except RecursionError:
        raise FactFileInvalid(path, [Located(1, 1, "the YAML is nested too deeply")]) from None
    finally:
        loader.dispose()


def parse(text: str, path: str) -> tuple[dict[str, list[model.Record]], int, dict[str, Any]]:
    """Validate a fact file's text; return its records by kind, schema version and its head:
    `checked_on`, `events_through` (None when the file does not say) and `gaps`."""
    from asiapac_cli import schema

    root = compose(text, path)
    if root is None:
        raise FactFileInvalid(
            path,
            [
                Located(
                    1, 1, "the file is empty; expected a mapping with schema_version, checked_on and sources"
                )
            ],
        )
    checker = schema.Checker()
    try:
        document = schema.FACT_FILE.check(root, checker, "") if schema.enter(root, checker) else None
    except RecursionError:
        raise FactFileInvalid(path, [Located(1, 1, "the YAML is nested too deeply")]) from None
    check_references(checker, schema)
    if isinstance(document, dict):
        check_names(document, checker)
    if checker.problems:
        # An alias reused many times points at one anchor: report each place once.
        unique = {(p.line, p.column, p.message): p for p in checker.problems}
        problems = [unique[key] for key in sorted(unique, key=lambda k: (k[0], k[1]))]
        raise FactFileInvalid(path, [Located(p.line, p.column, p.message) for p in problems])
    assert isinstance(document, dict)
    records = {kind: document.get(kind) or [] for kind in model.RECORD_KINDS}
    head = {
        "checked_on": document.get("checked_on") or document["as_of"],
        "events_through": document.get("events_through"),
        "gaps": document.get("gaps") or [],
    }
    return records, document["schema_version"], head


def check_references(checker: Any, schema: Any) -> None:
    singular = {kind: kind.rstrip("s") for kind in model.RECORD_KINDS}
    singular["itpps"] = "ITPP"
    singular["gaps"] = "known gap"
    for kinds, value, mark, label in checker.references:
        found = checker.ids.get(value)
        if found and found[0] in kinds:
            continue
        wanted = " or ".join(singular[k] for k in kinds)
        if found:
            message = f"{label}: {value!r} is {article(singular[found[0]])}, expected {article(wanted)} id"
        else:
            candidates = [i for i, (kind, _) in checker.ids.items() if kind in kinds]
            message = f"{label}: no {wanted} with id {value!r}{schema.did_you_mean(value, candidates)}"
        checker.report(mark, message)


def article(noun: str) -> str:
    return ("an " if noun[0] in "aeiouAEIOU" else "a ") + noun


def check_names(document: dict[str, Any], checker: Any) -> None:
    for kind in NAMED_KINDS:
        for name, first, second in alias_collisions(document.get(kind) or []):
            mark = checker.ids[second][1]
            checker.report(mark, f"{kind}: the name {name!r} of {second!r} already names {first!r}")
