"""What a person sees of each listing on a terminal: its columns (which, in what order, which
get the room and which give way first), its title, and the notes under the table.

One view per listing, keyed by the listing's name. Piped formats never look here: they print
the listing's columns and nothing else. A view reads only what the query returned (rows,
their display values such as names, and the listing's `details`); it never computes a fact.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from asiapac_cli import vocab
from asiapac_cli.facts.model import Listing


class Column:
    """How a terminal table shows one column; piped formats never look at this.

    The views below are made of these.

    `key` is the row key whose value is shown (often a display-only key holding names where
    the data column holds ids); `data` is the data column it stands for, so `--columns actors`
    shows the names too. `flex` 0 means the value is shown whole (a date, an id, a number, a
    name); a positive `flex` is this column's share of the room left, and its values are cut at
    a word with "…", never narrower than `least` (other columns are dropped first). When the
    terminal is narrow, columns with the highest `drop` go first; 0 is never dropped. `styled`
    colours the value by what it says (vocab.STYLES). `whole` values are never cut: an id, a
    date (by default the `id`, `date` and `end` columns); rather than cut one, the table leaves
    the column out, or shows each record as a block.

    `shows` makes a cell's text from the row (an evidence level as a one-character mark);
    `compact` is a shorter form the whole column takes when its full form would leave another
    column out ('Kishida L' for 'Kishida (leader)'); `legend` says what the marks or the
    compact forms mean, from the rows, under the table (only when a compact form is shown).
    """

    def __init__(
        self,
        key: str,
        header: str | None = None,
        *,
        flex: int = 0,
        drop: int = 0,
        styled: bool = False,
        data: str | None = None,
        least: int = 12,
        whole: bool | None = None,
        shows: Callable[[dict[str, Any]], Any] | None = None,
        compact: Callable[[dict[str, Any]], Any] | None = None,
        legend: Callable[[list[dict[str, Any]]], str | None] | None = None,
    ) -> None:
        self.key = key
        self.least = least
        self.header = header if header is not None else key.replace("_", " ")
        self.flex = flex
        self.drop = drop
        self.styled = styled
        self.data = data or key
        self.whole = whole if whole is not None else self.data in WHOLE_COLUMNS
        self.shows = shows
        self.compact = compact
        self.legend = legend


# Data columns whose values a table never cuts: an id is typed back (`show ID`), a cut date is
# no date.
WHOLE_COLUMNS = ("id", "date", "end")


Notes = Callable[[Listing], list[str]]
Title = Callable[[Listing], "str | None"]


class View:
    """A listing's terminal view. `columns` may depend on the listing (summits has a column per
    partner); `title` and `notes` are read from its details and rows."""

    def __init__(
        self,
        columns: list[Column] | Callable[[Listing], list[Column]],
        *,
        title: str | Title | None = None,
        notes: Notes | None = None,
        headline: Title | None = None,
        numbers_citations: bool = True,
        newest_first: bool = False,
    ) -> None:
        self.columns = columns
        self.title = title
        self.notes = notes
        self.headline = headline
        # --cite's citations as numbers, listed under the table; check's are lines of text,
        # and its notes already say what each flagged sentence rests on.
        self.numbers_citations = numbers_citations
        # the records in reverse (their title says so): what is recent is on the first screen
        self.newest_first = newest_first


class Shown:
    """A listing as a terminal shows it: a first line above it (check's counts), the columns in
    order, the title, the notes, and the records in the order shown."""

    def __init__(
        self,
        columns: list[Column],
        title: str | None,
        notes: list[str],
        headline: str | None = None,
        rows: list[dict[str, Any]] | None = None,
    ) -> None:
        self.columns = columns
        self.title = title
        self.notes = notes
        self.headline = headline
        self.rows = rows or []


def shown(listing: Listing) -> Shown:
    """How a terminal shows `listing`: its view's columns (exactly the chosen ones after
    --columns, and the citations last after --cite), title and notes."""
    view = VIEWS.get(listing.name) or carried_view(listing)
    columns = view.columns(listing) if callable(view.columns) else list(view.columns)
    if "citations" in listing.columns and listing.name in VIEWS and view.numbers_citations:
        columns.append(Column("citations"))  # numbers; the sources are listed under the table
    if listing.chosen:
        by_data = {c.data: c for c in columns}
        columns = [by_data.get(c) or Column(c, flex=1) for c in listing.columns]
    title = view.title(listing) if callable(view.title) else view.title
    headline = view.headline(listing) if view.headline else None
    notes = view.notes(listing) if view.notes else []
    if listing.details.get("left_out"):  # --as-of: what is later than the day, counted
        notes.append(listing.details["left_out"])
    rows = list(reversed(listing.rows)) if view.newest_first else listing.rows
    return Shown(columns, title, notes, headline, rows)


def carried_view(listing: Listing) -> View:
    """A listing without a view of its own: every column, with an equal share."""
    return View([Column(c, flex=1) for c in listing.columns])


# --- the notes some views print under the table -------------------------------------------------


def reach_note(listing: Listing) -> list[str]:
    """The period the events cover and when the sources were last checked, so a reader knows
    the list may stop before today."""
    reach = listing.details  # a table is drawn only of rows, so there are events
    period = f"{reach['events_from']}–{reach['events_through']}"
    return [f"Events {period}; sources checked {reach['checked_on']}; gaps: asiapac about"]  # fits 80 columns


def stance_notes(listing: Listing) -> list[str]:
    """What each actor said, and the corrections, under the stances."""
    notes = []
    for row in listing.rows:
        who = row["actor_short"]
        when = row.get("date") or "undated"
        if row.get("ally") is False:  # an outside view, not one of the Allies'
            when += ", not a NATO Ally"
        if row.get("said"):
            notes.append(f'{who} ({when}): "{row["said"]}"')
        if row.get("correction"):
            notes.append(f"Correction ({who}): {row['correction']}")
    return notes


def itpp_notes(listing: Listing) -> list[str]:
    """One ITPP's dates, how many of its areas are named, its evidence, what it replaced."""
    itpp: dict[str, Any] = listing.details
    total, named = itpp["areas_total"], itpp["areas_named"]
    counted = (
        f"{named} of {total} areas named in the sources"
        if total
        else f"{named} areas named; the total is not known"
    )
    start, end = itpp["period_start"], itpp["period_end"]
    period = f"{start or '?'} to {end or '?'}" if start or end else "not known"
    notes = [
        f"Agreed: {itpp['agreed'] or 'date not known'}. Period: {period}. {counted}.",
        f"Evidence: {itpp['evidence']}.",
    ]
    if itpp["status"] != vocab.ITPP_AGREED:  # a fact base narrowed to a day before it was agreed
        state = itpp["status"].replace("-", " ").capitalize()
        notes[0] = f"{state}, not yet agreed (a source of {itpp['status_said']} says so)."
    if itpp["predecessor_title"]:
        notes.append(
            f"Replaced: {itpp['predecessor_title']} ({itpp['predecessor_signed'] or 'date not known'})."
        )
    notes += [f"Note: {itpp['note']}"] if itpp["note"] else []
    notes += [f"Correction: {itpp['correction']}"] if itpp["correction"] else []
    return notes


def topic_notes(listing: Listing) -> list[str]:
    with_stances = sum(1 for row in listing.rows if row["stances"])
    return [
        f"{with_stances} of {len(listing.rows)} topics have stances: "
        "`asiapac stances TOPIC` lists who took which position."
    ]


def grouping_notes(listing: Listing) -> list[str]:
    return [
        f"Correction ({row['name']}): {row['correction']}" for row in listing.rows if row.get("correction")
    ]


def claim_notes(listing: Listing) -> list[str]:
    """Each correction in full, headed by its claim's id (`asiapac show ID` gives the rest)."""
    return [f"Correction ({row['id']}): {row['correction']}" for row in listing.rows if row.get("correction")]


# --- marks: a value as one character, what each means said under the table ---------------------


def legend(title: str, marks: dict[str, str], meanings: dict[str, str], present: list[Any]) -> str | None:
    """'Evidence: W well-documented, C contested.': the marks shown, in their vocabulary's order."""
    shown = [f"{mark} {meanings.get(value, value)}" for value, mark in marks.items() if value in present]
    return f"{title}: {', '.join(shown)}." if shown else None


EVIDENCE_MARKS = dict(zip(vocab.EVIDENCE_LEVELS, ("W", "S", "C", "U"), strict=True))


def evidence_column(drop: int) -> Column:
    """The evidence level as a one-letter mark, coloured as the word is."""
    return Column(
        "evidence",
        "ev",
        styled=True,
        drop=drop,
        shows=lambda row: EVIDENCE_MARKS.get(row.get("evidence") or "", row.get("evidence")),
        legend=lambda rows: legend("Evidence", EVIDENCE_MARKS, {}, [row.get("evidence") for row in rows]),
    )


# How a partner took part at a summit: in words, and as a mark when four partners and the place
# share a narrow screen.
LEVEL_WORDS = {"deputy-leader": "deputy", "not-known": "not known"}
LEVEL_MARKS = dict(zip(vocab.ATTENDANCE_LEVELS, ("L", "D", "M", "O", "—", "?"), strict=True))
LEVEL_MEANINGS = {"deputy-leader": "deputy leader", "not-known": "not known"}


def attendance_cell(row: dict[str, Any], partner: str, *, compact: bool) -> str:
    """'Kishida (leader)' or 'Kishida L'; '—' absent; empty when the record does not say."""
    level = row.get(f"level:{partner}")
    if not level:
        return ""
    if level == "absent":
        return "—"
    word = LEVEL_MARKS[level] if compact else LEVEL_WORDS.get(level, level)
    surname = row.get(f"surname:{partner}")
    if not surname:
        return word
    return f"{surname} {word}" if compact else f"{surname} ({word})"


def short_place(place: str | None) -> str | None:
    """Where a summit was, as people name it: 'Madrid (IFEMA)' -> 'Madrid', 'Washington, D.C.'
    -> 'Washington'. Only ever a part of the record's own place; nothing when it has none."""
    if not place:
        return None
    return place.split(" (", 1)[0].split(",", 1)[0].strip() or place


def summit_columns(listing: Listing) -> list[Column]:
    """The date, the place, then one column per partner, headed by its short name, standing for
    the partner's own data column (`-c date,japan`)."""
    partners: dict[str, str] = listing.details["partners"]
    data: dict[str, str] = listing.details["partner_columns"]

    def levels(rows: list[dict[str, Any]]) -> str | None:
        present = [row.get(f"level:{p}") for row in rows for p in partners]
        return legend("Levels", LEVEL_MARKS, LEVEL_MEANINGS, present)

    def partner_column(partner: str, name: str) -> Column:
        return Column(
            f"level:{partner}",
            name,
            data=data[partner],
            shows=lambda row: attendance_cell(row, partner, compact=False),
            compact=lambda row: attendance_cell(row, partner, compact=True),
            legend=levels,
        )

    return [
        Column("date"),
        Column("place", flex=1, drop=1, shows=lambda row: short_place(row.get("place"))),
    ] + [partner_column(partner, name) for partner, name in partners.items()]


FIRST_WORDS = 6  # how much of a sentence a note under check's table quotes


def check_notes(listing: Listing) -> list[str]:
    """Each correction in full, with where it is ('1:44'), the verdict, the sentence's first
    words and the records it rests on."""
    notes = []
    for row in listing.rows:
        if not row.get("correction"):
            continue
        words = row["sentence"].split()
        opening = " ".join(words[:FIRST_WORDS]) + ("…" if len(words) > FIRST_WORDS else "")
        records = f" Records: {', '.join(row['records'])}." if row["records"] else ""
        place = f"{row['line']}:{row['column']}"
        notes.append(f"{place} {row['verdict']} “{opening}”: {row['correction']}{records}")
    return notes


VIEWS: dict[str, View] = {
    "timeline": View(
        [
            Column("date"),
            Column("id", drop=1),
            Column("kind", drop=3),
            Column("title", flex=3, least=30),
            Column("actor_names", "actors", flex=1, drop=4, data="actors", least=20),
            evidence_column(drop=2),
        ],
        title="Events, newest first",
        notes=reach_note,
        newest_first=True,
    ),
    "summits": View(summit_columns, notes=reach_note),
    "check": View(
        [Column("at", "line"), Column("verdict", styled=True), Column("sentence", flex=3, least=30)],
        notes=check_notes,
        headline=lambda listing: listing.details["summary"],
        numbers_citations=False,
    ),
    "itpps": View(
        [
            Column("partner_name", "partner", data="partner"),
            Column("agreed_shown", "agreed", data="agreed"),
            Column("period"),
            Column("areas_total", "areas"),
            Column("areas_named", "named"),
            Column("evidence", styled=True, drop=1),
            Column("predecessor", "replaced", flex=1, drop=2),
        ],
        title="Individually Tailored Partnership Programmes (ITPPs)",
    ),
    "itpp-areas": View(
        [
            Column("area_number", "#"),
            Column("area", flex=3, least=66),
            Column("source_names", "source", flex=1, drop=1, data="sources"),
        ],
        title=lambda listing: listing.details["title"],
        notes=itpp_notes,
    ),
    "stances": View(
        [
            Column("actor_short", "actor", data="actor"),
            Column("occasion", "who spoke, where", flex=1, drop=2, least=16),
            Column("date"),
            Column("position", styled=True),
            Column("evidence", styled=True, drop=1),
        ],
        title=lambda listing: listing.details["topic_name"],
        notes=stance_notes,
    ),
    "topics": View(
        [Column("id"), Column("title", flex=1), Column("stances"), Column("events")], notes=topic_notes
    ),
    "actors": View(
        [
            Column("name", flex=2),
            Column("kind"),
            Column("role", flex=2, drop=2),
            Column("aliases", flex=1, drop=1),
        ]
    ),
    "groupings": View(
        [
            Column("name", flex=1),
            Column("member_names", "members", flex=1, drop=2, data="members"),
            Column("founded", drop=1),
            Column("nature", flex=2),
        ],
        notes=grouping_notes,
    ),
    "sources": View(
        [
            Column("title", flex=3, least=30),
            Column("id", drop=1),
            Column("by", "publisher", flex=1, drop=3, data="publisher"),
            Column("date"),
            Column("kind", drop=2),
        ]
    ),
    "claims": View(
        [Column("verdict", styled=True), Column("id", drop=1), Column("text", "claim", flex=1, least=30)],
        notes=claim_notes,
    ),
    "search": View(
        [
            Column("kind", drop=3),
            Column("date", drop=2),
            Column("title", flex=2, least=20),
            Column("id", drop=1),
            Column("snippet", flex=3, drop=4),
        ]
    ),
}
