"""Write a large synthetic fact file: the records of a real one, with its events replicated.

    python benchmarks/generate_facts.py 20000 /tmp/facts-20k.yaml [--from data/facts.yaml]

Replicated events keep their dates (so a query like `--since 2090` scans all and matches
none) and get ids `<id>-r<n>`; everything else is copied once.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import yaml

from asiapac_cli.facts import load


def generate(source: Path, records: int) -> dict[str, Any]:
    """A fact document with about `records` records in all, most of them events."""
    text = source.read_text(encoding="utf-8")
    kinds, schema_version, head = load.parse(text, str(source))
    others = sum(len(v) for k, v in kinds.items() if k != "events")
    originals = kinds["events"]
    events = []
    for n in range(max(records - others, len(originals))):
        event = dict(originals[n % len(originals)])
        if n >= len(originals):
            event["id"] = f"{event['id']}-r{n}"
        events.append(event)
    document: dict[str, Any] = {"schema_version": schema_version, "checked_on": head["checked_on"]}
    if head["events_through"]:
        document["events_through"] = head["events_through"]
    if head["gaps"]:
        document["gaps"] = head["gaps"]
    document.update({k: v for k, v in kinds.items() if v})
    document["events"] = events
    return document


class PlainDumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Writes shared lists out in full: the fact file refuses anchors and aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def write(document: dict[str, Any], target: Path) -> None:
    dumper = PlainDumper
    with target.open("w", encoding="utf-8") as out:
        yaml.dump(document, out, Dumper=dumper, allow_unicode=True, sort_keys=False, width=10**6)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("records", type=int)
    parser.add_argument("target", type=Path)
    parser.add_argument("--from", dest="source", type=Path, default=load.bundled_path())
    args = parser.parse_args()
    write(generate(args.source, args.records), args.target)


if __name__ == "__main__":
    main()
