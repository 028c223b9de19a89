"""Names people type for records: how they are compared, indexed, and resolved to an id.

`resolve` answers a typed name the same way for every command: an id, name or alias in any
case, or a part of a name that only one record has; otherwise "did you mean" (exit 2).
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from asiapac_cli import vocab
from asiapac_cli.errors import UsageProblem
from asiapac_cli.facts.model import SINGULAR, Record

if TYPE_CHECKING:
    from asiapac_cli.facts.base import FactBase

KIND_WORDS = SINGULAR
NAMED_KINDS = ("actors", "topics", "groupings")  # kinds that have display names and aliases


def normalise_name(text: str) -> str:
    """How a typed name is compared: 'South Korea', 'south_korea' -> 'south-korea'."""
    folded = unicodedata.normalize("NFKC", text).casefold().strip()
    return "-".join(folded.replace("_", " ").replace("-", " ").split())


def name_index(records: list[Record]) -> dict[str, str]:
    """Names people type -> id. Ids win over names, names over aliases."""
    index: dict[str, str] = {}
    for field in ("aliases", "name", "title", "id"):
        for record in records:
            values = record.get(field) or []
            for value in [values] if isinstance(values, str) else values:
                index[normalise_name(value)] = record["id"]
    return index


def alias_collisions(records: list[Record]) -> list[tuple[str, str, str]]:
    """(name, first id, second id) for each typed name that two records of one kind claim."""
    owners: dict[str, str] = {}
    collisions = []
    for record in records:
        if "id" not in record:  # its id was invalid; that problem is already reported
            continue
        names = {normalise_name(record["id"])}
        for field in ("name", "title"):
            if isinstance(record.get(field), str):
                names.add(normalise_name(record[field]))
        names.update(normalise_name(a) for a in record.get("aliases") or [])
        for name in sorted(names):
            owner = owners.setdefault(name, record["id"])
            if owner != record["id"]:
                collisions.append((name, owner, record["id"]))
    return collisions


MAX_ARGUMENT_LENGTH = 200


def resolve(fb: FactBase, kind: str, name: str) -> str:
    """The id of the `kind` record that `name` means: an id, name or alias in any case, or a
    part of one in whole words when only one record has it ('kishida', 'macron')."""
    typed = check_argument(name, KIND_WORDS[kind])
    return resolve_in(fb.names(kind), typed, KIND_WORDS[kind])


def resolve_in(names: dict[str, str], typed: str, word: str) -> str:
    """`resolve` over one name index (normalised name -> id)."""
    key = normalise_name(typed)
    if key in names:
        return names[key]
    partial = partial_matches(key, names)
    if len(partial) == 1:
        return partial[0]
    if partial:
        raise UsageProblem(f"{typed!r} names more than one {word}{vocab.did_you_mean(sorted(partial))}")
    raise UsageProblem(f"no {word} called {typed!r}{suggest(key, names)}")


def partial_matches(key: str, names: dict[str, str]) -> list[str]:
    """Ids one of whose names holds `key` as whole words: 'kishida' is in 'fumio-kishida'."""
    if len(key) < 3:
        return []
    parts = key.split("-")
    found = []
    for name, record_id in names.items():
        words = name.split("-")
        if any(words[i : i + len(parts)] == parts for i in range(len(words) - len(parts) + 1)):
            found.append(record_id)
    return list(dict.fromkeys(found))


def suggest(key: str, names: dict[str, str]) -> str:
    """'; did you mean ...?' with the ids of the names closest to `key`, or ''."""
    return vocab.did_you_mean([names[c] for c in vocab.closest(key, list(names))])


def check_argument(text: str, what: str) -> str:
    stripped = text.strip()
    if not stripped:
        raise UsageProblem(f"the {what} is empty")
    if len(stripped) > MAX_ARGUMENT_LENGTH:
        raise UsageProblem(f"the {what} is {len(stripped)} characters; at most {MAX_ARGUMENT_LENGTH}")
    return stripped


SHOW_ORDER = ("actors", "groupings", "topics", "itpps", "stances", "events", "claims", "sources")


def find(fb: FactBase, name: str, kinds: tuple[str, ...] = SHOW_ORDER) -> list[tuple[str, str]]:
    """(kind, id) of every record `name` names, in `kinds` order: by id, name or alias, else by
    a part of a name that only one record has, or that only one actor has (first, then the
    other records that have it). A UsageProblem when nothing is named, or a part of a name
    that several records and no single actor have."""
    typed = check_argument(name, "name")
    key = normalise_name(typed)
    hits = [(kind, fb.names(kind)[key]) for kind in kinds if kind != "sources" and key in fb.names(kind)]
    if "sources" in kinds and key in fb.table("sources"):
        hits.append(("sources", key))
    if hits:
        return hits
    every: dict[str, str] = {}
    for kind in kinds:
        every.update(fb.names(kind) if kind != "sources" else {s: s for s in fb.table("sources")})
    # A part of a name means an actor, grouping or topic first ('macron'), then any record's id.
    named: dict[str, str] = {}
    for kind in kinds:
        if kind in NAMED_KINDS:
            named.update(fb.names(kind))
    partial = partial_matches(key, named) or partial_matches(key, every)
    found = [(fb.kind_of(record_id) or "sources", record_id) for record_id in partial]
    actors = [hit for hit in found if hit[0] == "actors"]
    if len(found) == 1 or len(actors) == 1:
        # One actor among them is the one meant ('stoltenberg' is the man, not the topic of his
        # visits); the rest follow it, so `show` can say what else the name matched.
        return actors + [hit for hit in found if hit not in actors]
    if partial:
        raise UsageProblem(f"{typed!r} names more than one record{vocab.did_you_mean(sorted(partial))}")
    raise UsageProblem(f"nothing called {typed!r}{suggest(key, every)}")
