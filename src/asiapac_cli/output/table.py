"""The terminal table: one screen line a record, the room given to the text that matters.

Rich draws the table, but it cannot do two things this view needs, so they are done here:
it shares width by its own rules (and with `no_wrap` cuts any cell mid-word, "Individua…"),
and it cannot drop a column that does not fit. So the widths are decided here, cells are cut
at a word with "…" before Rich sees them, and Rich is told each column's exact width.
Imported only when a table is drawn: it imports Rich.
"""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from rich.table import Table
from rich.text import Text

from asiapac_cli.facts.model import DESCRIPTIVE_TITLE_MARK, Column, Listing
from asiapac_cli.output import views
from asiapac_cli.output.cells import cell_text
from asiapac_cli.safe_text import visible
from asiapac_cli.vocab import STYLES

GAP = 2  # spaces between two columns
ELLIPSIS = "…"


def one_line(value: Any) -> str:
    """A value as one neutralised line: runs of whitespace (newlines too) become one space."""
    return " ".join(visible(cell_text(value)).split())


def cut(text: str, width: int) -> str:
    """`text` in at most `width` cells; when cut, it ends at a word, with '…'."""
    if cell_len(text) <= width:
        return text
    if width <= 1:
        return ELLIPSIS[:width]
    kept = []
    used = 0
    for char in text:
        used += cell_len(char)
        if used > width - 1:
            break
        kept.append(char)
    prefix = "".join(kept)
    # End at a word when one ends in the room we have (a single long word is cut, with "…").
    if text[len(prefix)] != " ":
        space = prefix.rfind(" ")
        if space > 0:
            prefix = prefix[:space]
    return prefix.rstrip(" ,;:(–—-") + ELLIPSIS


def cut_list(items: list[str], width: int) -> str:
    """Whole items while they fit, then '+N' for the rest, so a name is not cut in half; only
    when not even the first item fits beside its '+N' is that one cut, at a word."""
    whole = "; ".join(items)
    if cell_len(whole) <= width:
        return whole
    for shown in range(len(items) - 1, 0, -1):
        text = "; ".join(items[:shown]) + f" +{len(items) - shown}"
        if cell_len(text) <= width:
            return text
    more = f" +{len(items) - 1}"
    return cut(items[0], width - len(more)) + more


def shown_value(listing: Listing, row: dict[str, Any], column: Column) -> Any:
    """What a cell shows: the display key's value, or the data column's text form."""
    if column.key == column.data:
        return listing.text_value(row, column.key)
    return row.get(column.key)


def widths_for(flex: list[int], natural: list[int], floor: list[int], room: int) -> list[int]:
    """Each column's width: a fixed column (flex 0) gets its natural width; flexible ones share
    the rest by their flex, never below their floor nor above their natural width."""
    widths = [floor[i] if share else natural[i] for i, share in enumerate(flex)]
    spare = room - sum(widths)
    growing = [i for i, share in enumerate(flex) if share and widths[i] < natural[i]]
    while spare > 0 and growing:
        shares = sum(flex[i] for i in growing)
        given = 0
        for i in growing:
            extra = min(max(spare * flex[i] // shares, 1), natural[i] - widths[i], spare - given)
            widths[i] += extra
            given += extra
        spare -= given
        growing = [i for i in growing if widths[i] < natural[i]]
        if given == 0:
            break
    return widths


class Fitted:
    """The columns kept at a width (as positions), each one's width, and those dropped."""

    def __init__(self, kept: list[int], widths: list[int], dropped: list[Column]) -> None:
        self.kept = kept
        self.widths = widths
        self.dropped = dropped


def fit(columns: list[Column], cells: list[list[str]], width: int) -> Fitted:
    """Drop columns (highest `drop` first) until the rest fits `width`, then size them."""
    natural = [
        max([cell_len(column.header)] + [cell_len(row[i]) for row in cells])
        for i, column in enumerate(columns)
    ]
    floor = [
        min(natural[i], max(cell_len(c.header), c.least)) if c.flex else natural[i]
        for i, c in enumerate(columns)
    ]
    flex = [c.flex for c in columns]
    # A droppable column with nothing in it takes room and says nothing: leave it out quietly.
    kept = [i for i, c in enumerate(columns) if not c.drop or any(row[i] for row in cells)]
    empty = set(range(len(columns))) - set(kept)

    def needed() -> int:
        return sum(floor[i] for i in kept) + GAP * (len(kept) - 1)

    while needed() > width and any(columns[i].drop for i in kept):
        highest = max(columns[i].drop for i in kept)
        kept.remove(max(i for i in kept if columns[i].drop == highest))
    if needed() > width:
        # Even the essential columns are too wide: every one of them may now be cut.
        flex = [1] * len(columns)
        floor = [min(natural[i], max(cell_len(c.header), 4)) for i, c in enumerate(columns)]
    room = width - GAP * (len(kept) - 1)
    widths = widths_for([flex[i] for i in kept], [natural[i] for i in kept], [floor[i] for i in kept], room)
    return Fitted(kept, widths, [c for i, c in enumerate(columns) if i not in kept and i not in empty])


def styled_cell(text: str, raw: Any, column: Column, color: bool) -> Text:
    style = STYLES.get(str(raw), "") if column.styled and color else ""
    return Text(text, style=style)


def new_table(title: str | None, width: int) -> Table:
    from rich import box

    return Table(
        title=Text(cut(one_line(title), width), style="bold") if title else None,
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        padding=(0, 1),
        collapse_padding=True,
        header_style="bold",
        expand=False,
    )


def draw_fitted(listing: Listing, target: Any, width: int, color: bool) -> None:
    """One line a record at `width`; long text below the table; a footer says what was cut."""
    numbered = CitationNumbers()
    view = views.shown(listing)
    columns = []
    for column in view.columns:
        if column.data == "citations":
            columns.append(Column("citations", "cites"))  # numbers; the citations follow the table
        else:
            columns.append(column)
    raw = [
        [row.get("citations") if c.data == "citations" else shown_value(listing, row, c) for c in columns]
        for row in listing.rows
    ]
    cells = [
        [
            numbered.refer(value) if c.data == "citations" else one_line(value)
            for c, value in zip(columns, row, strict=True)
        ]
        for row in raw
    ]
    fitted = fit(columns, cells, width)
    if view.headline:
        target.print(Text(visible(view.headline)), soft_wrap=True)
    table = new_table(view.title, width)
    for position, column_width in zip(fitted.kept, fitted.widths, strict=True):
        table.add_column(columns[position].header, width=column_width, no_wrap=True, overflow="ellipsis")
    was_cut = False
    for row_raw, row_cells in zip(raw, cells, strict=True):
        shown = []
        for position, column_width in zip(fitted.kept, fitted.widths, strict=True):
            column, value, text = columns[position], row_raw[position], row_cells[position]
            if isinstance(value, list) and len(value) > 1 and column.data != "citations":
                fitted_text = cut_list([one_line(v) for v in value], column_width)
            else:
                fitted_text = cut(text, column_width)
            was_cut = was_cut or fitted_text != text
            shown.append(styled_cell(fitted_text, value, column, color))
        table.add_row(*shown)
    target.print(table)
    if view.notes or numbered.sources:
        target.print()  # a blank line between the records and the text about them
    for note in view.notes:
        target.print(Text(visible(note), style="dim" if color else ""))
    numbered.print_list(target)
    # The footer's words are also in --wide's help, so a reader can look them up.
    footer = []
    if was_cut:
        footer.append("… marks cut text")
    if fitted.dropped:
        footer.append("not shown at this width: " + ", ".join(c.header for c in fitted.dropped))
    if footer:
        hint = "; ".join(footer) + ". All of it: --wide, or asiapac show ID."
        target.print(Text(hint, style="dim" if color else ""))


WIDE_COLUMN = 10  # narrower than this a wrapped column breaks even its header: show records instead


def draw_wide(listing: Listing, target: Any, width: int, color: bool) -> None:
    """Every data column, values whole and wrapped. When that many columns cannot fit side by
    side, each record is a block of `column  value` lines, as psql's expanded display does."""
    view = views.shown(listing)
    title = Text(visible(view.title), style="bold") if view.title else None
    if view.headline:
        target.print(Text(visible(view.headline)), soft_wrap=True)
    if len(listing.columns) * WIDE_COLUMN <= width:
        table = Table(title=title, header_style="bold", expand=False)
        for column in listing.columns:
            table.add_column(column.replace("_", " "), overflow="fold")
        for row in listing.rows:
            table.add_row(*(Text(visible(cell_text(listing.text_value(row, c)))) for c in listing.columns))
        target.print(table)
    else:
        if title:
            target.print(title)
        label_width = max(len(c) for c in listing.columns)
        for number, row in enumerate(listing.rows, start=1):
            target.print(Text(f"─[ {number} ]" + "─" * max(0, width - 7 - len(str(number))), style="dim"))
            grid = Table.grid(padding=(0, 2))
            grid.add_column(width=label_width, no_wrap=True, style="bold")
            grid.add_column(overflow="fold")
            for column in listing.columns:
                value = listing.text_value(row, column)
                if value not in (None, "", []):
                    grid.add_row(column, Text(visible(cell_text(value))))
            target.print(grid)
    for note in view.notes:
        target.print(Text(visible(note), style="dim" if color else ""))


class CitationNumbers:
    """A number for each source cited, shared by every row, listed under the table."""

    def __init__(self) -> None:
        self.numbers: dict[str, int] = {}
        self.sources: list[dict[str, Any]] = []

    def refer(self, citations: Any) -> str:
        refs = []
        for citation in citations or []:
            if citation["source"] not in self.numbers:
                self.sources.append(citation)
                self.numbers[citation["source"]] = len(self.sources)
            refs.append(str(self.numbers[citation["source"]]))
        return " ".join(dict.fromkeys(refs))

    def print_list(self, target: Any) -> None:
        """Title, publisher and date of each; the URL whole on a line of its own, never wrapped
        by us, so the terminal keeps it clickable. Quotes are one `show ID` or `--wide` away."""
        for number, cited in enumerate(self.sources, start=1):
            who = cited.get("publisher") or cited.get("author")
            when = ", ".join(x for x in (who, cited.get("date")) if x)
            title = cited["title"]
            if cited.get("title_descriptive"):  # our title, never passed off as a headline
                title += " " + DESCRIPTIVE_TITLE_MARK
            target.print(Text(visible(f"[{number}] {title}. {when}.")))
            if cited.get("url"):
                target.print(Text("    " + visible(cited["url"])), soft_wrap=True)
