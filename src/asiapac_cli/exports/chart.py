"""`timeline --chart`: events counted on a year axis, one line per kind, in plain text.

The same text serves a terminal and a pipe (it has no colour to strip), and it fits 80
columns: when the years do not fit one to a column, each column covers several years.
"""

from __future__ import annotations

from asiapac_cli.errors import NoMatch
from asiapac_cli.facts.model import Listing
from asiapac_cli.vocab import EVENT_KINDS

LABEL_WIDTH = 13
CELL_WIDTH = 3
DEFAULT_WIDTH = 80


def draw(listing: Listing, width: int | None) -> str:
    """The chart of a timeline listing (NoMatch when it has no events)."""
    if not listing.rows:
        raise NoMatch(listing.empty_message)
    years = [int(row["date"][:4]) for row in listing.rows]
    first, last = min(years), max(years)
    columns = max(1, (min(width or DEFAULT_WIDTH, 200) - LABEL_WIDTH) // CELL_WIDTH)
    span = -(-(last - first + 1) // columns)  # years per column, rounded up
    count = -(-(last - first + 1) // span)

    counts: dict[str, list[int]] = {}
    for row, year in zip(listing.rows, years, strict=True):
        counts.setdefault(row["kind"], [0] * count)[(year - first) // span] += 1
    kinds = [k for k in EVENT_KINDS if k in counts]

    def cell(number: int) -> str:
        text = "·" if number == 0 else str(number) if number < 10 else "+"
        return text.rjust(CELL_WIDTH)

    axis = "".join(f"{(first + i * span) % 100:02d}".rjust(CELL_WIDTH) for i in range(count))
    totals = [sum(counts[k][i] for k in kinds) for i in range(count)]
    per = "one year" if span == 1 else f"{span} years"
    lines = [
        f"{len(listing.rows)} events, {first}–{last}; each column is {per} (from '{first % 100:02d});",
        "a digit counts that kind's events there, + means ten or more.",
        "",
        "year".ljust(LABEL_WIDTH) + axis,
    ]
    lines += [kind.ljust(LABEL_WIDTH) + "".join(cell(n) for n in counts[kind]) for kind in kinds]
    lines.append("all".ljust(LABEL_WIDTH) + "".join(cell(n) for n in totals))
    return "\n".join(line.rstrip() for line in lines) + "\n"
