"""Read a fact file strictly, validate it, and build the fact base (through the cache).

Nothing here prints: every failure is raised as FactFileUnreadable (exit 66) or
FactFileInvalid (exit 65) carrying file:line:column for each problem found.
"""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from asiapac_cli import files
from asiapac_cli.errors import FactFileInvalid, FactFileUnreadable, Located
from asiapac_cli.facts import cache, model
from asiapac_cli.facts.base import EventStore, FactBase, build_base, chronological
from asiapac_cli.facts.names import NAMED_KINDS, alias_collisions
from asiapac_cli.safe_text import display_path

# Memory. Validation keeps PyYAML's node tree (every value needs its line and column), which
# costs about 30 MiB per MB of a file shaped like the bundled one (measured: 7.6 MB -> 228 MiB,
# 30.6 MB -> 866 MiB, linear). The byte cap keeps such a file well under 1 GiB; a file of
# unusually dense small values could need far more per byte, so the parse also runs under a
# data-size limit of MEMORY_LIMIT and is refused (66) when it would exceed it, never a crash.
MAX_FILE_BYTES = 24 * 1024 * 1024  # about 720 MiB to validate; the curated file is 0.2 MB
MEMORY_LIMIT = 960 * 1024 * 1024  # with the interpreter itself, peak RSS stays under 1 GiB
MEMORY_BASE_MIB = 60  # the bound the tests hold validation to: BASE + PER_MB per MB of YAML
MEMORY_PER_MB_MIB = 38
DATA_ENV = "ASIAPAC_DATA"


def bundled_path() -> Path:
    """The fact file shipped in the wheel, or the repository's own in a source checkout."""
    package = Path(__file__).resolve().parent.parent  # asiapac_cli/
    packaged = package / "data" / "facts.yaml"
    return packaged if packaged.exists() else package.parent.parent / "data" / "facts.yaml"


def data_path(option: str | None = None) -> Path:
    """--data wins over ASIAPAC_DATA, which wins over the bundled file."""
    chosen = option or os.environ.get(DATA_ENV)
    return Path(chosen) if chosen else bundled_path()


def load(path: Path, use_cache: bool = True, reuse_cache: bool = True) -> FactBase:
    """The validated fact base of `path`, from the cache when it is still fresh.

    `reuse_cache=False` parses the file and writes a new cache without reading the old one
    (which was found damaged); `use_cache=False` neither reads nor writes one."""
    status = stat_fact_file(path)
    key = cache.key_for(path, status)
    if use_cache and reuse_cache:
        cached = cache.read(path, key)
        if cached is not None:
            return cached
    text = files.read_text(path, fact_file())
    # Parsing allocates millions of objects and frees none; the cyclic collector would
    # rescan them again and again (run time growing faster than the file).
    gc.disable()
    try:
        with memory_limit():
            records, schema_version, head = parse(text, display_path(path))
            del text
            events = chronological(records.pop("events", []))
            base = build_base({**records, "events": events}, schema_version, head)
    except MemoryError:
        raise FactFileUnreadable(
            f"{display_path(path)}: not enough memory to validate it (validating may use at most "
            f"{MEMORY_LIMIT // 2**20} MiB); split the file or simplify it"
        ) from None
    finally:
        gc.enable()
    from asiapac_cli.facts.known_on import known_days  # only a fresh parse computes the days

    days = known_days(base)
    if use_cache:
        cache.write(path, key, base, events, days)
    fb = FactBase(base, EventStore.in_memory(events, days), lambda: days)
    fb.warnings = head["warnings"]  # only a fresh parse has them: `validate` never reads the cache
    return fb


T = TypeVar("T")


def answer(path: Path, question: Callable[[FactBase], T]) -> T:
    """`question` asked of the fact base of `path`.

    A cache section that turns out damaged only when the question reads it (its header and
    size were sound) is bypassed: the question is asked again of the fact file itself, and a
    sound cache is written in its place for the next run.
    """
    try:
        return question(load(path))
    except cache.CacheDamaged:
        return question(load(path, reuse_cache=False))


@contextlib.contextmanager
def memory_limit() -> Iterator[None]:
    """Run with the data size capped at MEMORY_LIMIT (where the system allows), so a file
    that would need more ends in MemoryError, not in the machine swapping or the OOM killer."""
    previous = None
    try:
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
        wanted = MEMORY_LIMIT if hard == resource.RLIM_INFINITY else min(MEMORY_LIMIT, hard)
        if soft == resource.RLIM_INFINITY or soft > wanted:
            resource.setrlimit(resource.RLIMIT_DATA, (wanted, hard))
            previous = (soft, hard)
    except (ImportError, ValueError, OSError):  # no such limit here: validate unbounded
        pass
    try:
        yield
    finally:
        if previous is not None:
            resource.setrlimit(resource.RLIMIT_DATA, previous)


def fact_file() -> files.Expected:
    """What a fact file must be (built when asked, so the bound is read when it is used)."""
    return files.Expected(
        noun="a YAML fact file",
        short="a fact file",
        limit=MAX_FILE_BYTES,
        error=FactFileUnreadable,
        too_large_advice=f" (validating it takes about {MEMORY_PER_MB_MIB} MiB per MB)",
    )


def stat_fact_file(path: Path) -> os.stat_result:
    return files.stat_regular(path, fact_file())


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
    except yaml.reader.ReaderError as error:
        # A character YAML forbids in a file (a raw control character): its place, not 1:1.
        position = error.position if isinstance(error.position, int) else 0
        if isinstance(loader, getattr(yaml, "CBaseLoader", ())):  # libyaml counts UTF-8 bytes
            position = len(text.encode("utf-8")[:position].decode("utf-8", "ignore"))
        line = text.count("\n", 0, position) + 1
        column = position - (text.rfind("\n", 0, position) + 1) + 1
        character = chr(error.character) if isinstance(error.character, int) else error.character
        message = (
            f"YAML syntax: the control character {character!r} is not allowed in a YAML file; "
            "inside double quotes, write it as an escape such as \\x1b"
        )
        raise FactFileInvalid(path, [Located(line, column, message)]) from None
    except yaml.YAMLError as error:
        message = " ".join(str(error).split())  # one line, so every problem stays file:line:column
        raise FactFileInvalid(path, [Located(1, 1, f"YAML syntax: {message}")]) from None
    except RecursionError:
        raise FactFileInvalid(path, [Located(1, 1, "the YAML is nested too deeply")]) from None
    finally:
        loader.dispose()


def parse(text: str, path: str) -> tuple[dict[str, list[model.Record]], int, dict[str, Any]]:
    """Validate a fact file's text; return its records by kind, schema version and its head:
    `checked_on`, `events_through` (None when the file does not say), `gaps`, and `warnings`
    (what is valid but worth a curator's look, located like problems)."""
    from asiapac_cli.facts import schema

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
    checker = schema.SchemaCheck()
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
    from asiapac_cli.facts.known_on import undated_source_warnings

    checked_on = document.get("checked_on") or document["as_of"]
    head = {
        "checked_on": checked_on,
        "events_through": document.get("events_through"),
        "gaps": document.get("gaps") or [],
        "warnings": [
            Located(mark.line + 1, mark.column + 1, message)
            for source_id, message in undated_source_warnings(records["sources"], checked_on)
            for mark in [checker.ids[source_id][1]]
        ],
    }
    return records, document["schema_version"], head


def check_references(checker: Any, schema: Any) -> None:
    singular = model.SINGULAR
    for kinds, value, mark, label in checker.references:
        found = checker.ids.get(value)
        if found and found[0] in kinds:
            continue
        wanted = " or ".join(singular[k] for k in kinds)
        if found:
            is_a, expected = model.article(singular[found[0]]), model.article(wanted)
            message = f"{label}: {value!r} is {is_a}, expected {expected} id"
        else:
            candidates = [i for i, (kind, _) in checker.ids.items() if kind in kinds]
            message = f"{label}: no {wanted} with id {value!r}{schema.did_you_mean(value, candidates)}"
        checker.report(mark, message)


def check_names(document: dict[str, Any], checker: Any) -> None:
    for kind in NAMED_KINDS:
        for name, first, second in alias_collisions(document.get(kind) or []):
            mark = checker.ids[second][1]
            checker.report(mark, f"{kind}: the name {name!r} of {second!r} already names {first!r}")
