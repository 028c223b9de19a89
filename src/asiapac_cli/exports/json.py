"""`export --format json`: the whole fact base as one JSON document."""

from __future__ import annotations

from typing import Any

from asiapac_cli.facts import model
from asiapac_cli.facts.base import FactBase


def full_json(fb: FactBase) -> str:
    """The whole fact base as one JSON document, every kind a list (events in date order)."""
    from asiapac_cli.output.formats import to_json

    document: dict[str, Any] = {"schema_version": fb.schema_version, "checked_on": fb.checked_on}
    # The head as the file gives it: events_through and gaps only when the file states them.
    if fb.stated_events_through:
        document["events_through"] = fb.stated_events_through
    if fb.gaps:
        document["gaps"] = fb.gaps
    if fb.known is not None and fb.known.left_out:  # narrowed by --as-of: say what is left out
        document["as_of"] = fb.known.as_dict()
    for kind in model.RECORD_KINDS:
        document[kind] = list(fb.events) if kind == "events" else list(fb.table(kind).values())
    return to_json(document, indent=2) + "\n"
