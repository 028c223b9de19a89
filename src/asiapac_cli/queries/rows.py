"""What every listing query shares: the empty-listing rule, dates typed as options, and the
fact base's reach (the period its events cover)."""

from __future__ import annotations

from asiapac_cli.errors import NoMatch, UsageProblem
from asiapac_cli.facts import model
from asiapac_cli.facts.base import FactBase
from asiapac_cli.facts.model import Listing


def or_no_match(listing: Listing) -> Listing:
    """The listing, or NoMatch (exit 1) carrying it when it has no rows."""
    if not listing.rows:
        raise NoMatch(listing.empty_message, listing)
    return listing


def parse_date_option(text: str, option: str) -> tuple[str, str]:
    """A --since/--until value as the (first, last) day it covers."""
    problem = model.check_partial_date(text.strip())
    if problem:
        raise UsageProblem(f"{option}: {problem}")
    return model.date_bounds(text.strip())


def reach(fb: FactBase) -> dict[str, str | None]:
    """The period the events cover and when the sources were last checked: a listing of events
    carries them, so a reader can know the list may stop before today."""
    first = fb.events.record(0)["date"] if len(fb.events) else None
    return {"events_from": first, "events_through": fb.events_through, "checked_on": fb.checked_on}
