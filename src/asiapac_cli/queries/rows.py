"""What every listing query shares: the empty-listing rule,
dates typed as options, and the note on the fact base's reach."""

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


def reach_note(fb: FactBase) -> str:
    """One line under a terminal listing: the period the events cover and when sources were
    last checked, so a reader knows the list may stop before today."""
    first = fb.events.record(0)["date"] if len(fb.events) else None
    period = f"{first}–{fb.events_through}" if first else "none"
    return f"Events {period}; sources checked {fb.checked_on}; gaps: asiapac about"  # fits 80 columns
