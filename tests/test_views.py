"""Every listing a query returns has its terminal view in output/views.py, found by name; a
listing without one (a view forgotten) would fall back to equal columns and lose its notes."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from asiapac_cli.check import check
from asiapac_cli.facts import load
from asiapac_cli.facts.base import FactBase
from asiapac_cli.facts.model import Listing
from asiapac_cli.output import views
from asiapac_cli.queries import catalog, itpp, search, stances, summits, timeline

QUERIES: dict[str, Callable[[FactBase], Listing]] = {
    "timeline": lambda fb: timeline.timeline(fb, cite=True),
    "summits": lambda fb: summits.summits(fb, cite=True),
    "itpps": lambda fb: itpp.itpp_overview(fb, cite=True),
    "itpp-areas": lambda fb: itpp.itpp_areas(fb, "japan", cite=True),
    "stances": lambda fb: stances.stances(fb, "tokyo-office", cite=True),
    "topics": catalog.topics,
    "actors": catalog.actors,
    "groupings": lambda fb: catalog.groupings(fb, cite=True),
    "sources": catalog.sources,
    "claims": lambda fb: catalog.claims(fb, cite=True),
    "search": lambda fb: search.search(fb, "tokyo"),
    "check": lambda fb: check(fb, "Japan's ITPP has 15 areas.", min_evidence=None, show_all=True).listing,
}


def test_every_view_belongs_to_a_query() -> None:
    assert set(views.VIEWS) == set(QUERIES)


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_each_listing_is_shown_by_its_own_view(name: str) -> None:
    fb = load.load(load.bundled_path())
    listing = QUERIES[name](fb)
    assert listing.name == name
    shown = views.shown(listing)
    keys = {c.key for c in shown.columns}
    # every column the view shows is a value the rows hold (a display value or a data column)
    assert all(key in listing.rows[0] for key in keys), keys - set(listing.rows[0])
    if "citations" in listing.columns and name != "check":  # check's citations are its notes
        assert shown.columns[-1].data == "citations"


def test_chosen_columns_are_shown_exactly_in_their_order() -> None:
    fb = load.load(load.bundled_path())
    chosen = timeline.timeline(fb, cite=False).select(["title", "date", "topics"])
    shown = views.shown(chosen)
    assert [(c.key, c.data) for c in shown.columns] == [
        ("title", "title"),
        ("date", "date"),
        ("topics", "topics"),
    ]
    # the view's own column is kept for a chosen data column: names for `actors`
    named = views.shown(timeline.timeline(fb, cite=False).select(["actors"]))
    assert [(c.key, c.header) for c in named.columns] == [("actor_names", "actors")]
