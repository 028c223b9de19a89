"""The writers of the listing formats an export writes (ics, mermaid, bibtex): each turns a
listing, with the fact base it came from, into text. Their names, the listings that take them
and their --help are declared with every other format in output/formats.py."""

from __future__ import annotations

from collections.abc import Callable

from asiapac_cli.facts.base import FactBase
from asiapac_cli.facts.model import Listing


def ics(fb: FactBase, listing: Listing) -> str:
    from asiapac_cli.exports.ics import ics as calendar

    return calendar(fb, listing)


def mermaid(fb: FactBase, listing: Listing) -> str:
    from asiapac_cli.exports.mermaid import mermaid as diagram

    return diagram(listing)


def bibtex(fb: FactBase, listing: Listing) -> str:
    from asiapac_cli.exports.bibtex import bibtex as entries

    return entries(fb, listing.rows)


WRITERS: dict[str, Callable[[FactBase, Listing], str]] = {"ics": ics, "mermaid": mermaid, "bibtex": bibtex}
