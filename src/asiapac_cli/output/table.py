"""The terminal table: one screen line a record, the room given to the text that matters; the
whole table wrapped at words when that fits the screen; records as blocks when columns cannot
sit side by side without breaking a word.

Rich draws the table, but it cannot do what this view needs, so it is done here: Rich shares
width by its own rules (and with `no_wrap` cuts any cell mid-word, "Individua…", or with
`fold` breaks a word across lines), and it cannot drop a column that does not fit. So the
widths are decided here, cells are cut at a word with "…" or wrapped at spaces before Rich
sees them, and Rich is told each column's exact width and never wraps anything itself.
Imported only when a table is drawn: it imports Rich.
"""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from rich.table import Table
from rich.text import Text

from asiapac_cli.facts.model import DESCRIPTIVE_TITLE_MARK, Listing
from asiapac_cli.output import views
from asiapac_cli.output.cells import LIST_SEPARATOR, cell_text
from asiapac_cli.output.views import Column
from asiapac_cli.safe_text import visible
from asiapac_cli.vocab import STYLES

GAP = 2  # spaces between two columns
ELLIPSIS = "…"
NARROWEST = 4  # a column cut narrower than this says nothing


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
    whole = LIST_SEPARATOR.join(items)
    if cell_len(whole) <= width:
        return whole
    for shown in range(len(items) - 1, 0, -1):
        text = LIST_SEPARATOR.join(items[:shown]) + f" +{len(items) - shown}"
        if cell_len(text) <= width:
            return text
    more = f" +{len(items) - 1}"
    return cut(items[0], width - len(more)) + more


def wrap_words(text: str, width: int) -> list[str]:
    """`text` as lines of at most `width` cells, broken only at white space; each line of the
    text starts a new one. A word longer than `width` is a line of its own, whole: the caller
    cuts it, or lets the terminal fold it (a URL, which stays clickable)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split():
            if not line:
                line = word
            elif cell_len(line) + 1 + cell_len(word) <= width:
                line += " " + word
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return lines


def longest_word(text: str) -> int:
    return max((cell_len(word) for word in text.split()), default=0)


def shown_value(listing: Listing, row: dict[str, Any], column: Column) -> Any:
    """What a cell shows: the column's own form of the row, the display key's value, or the
    data column's text form."""
    if column.shows is not None:
        return column.shows(row)
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
    """The columns kept at a width (as positions), each one's width and its share of spare room,
    those dropped, whether the kept ones had to be cut below their least width, and how many
    cells their text would need beyond the width."""

    def __init__(
        self,
        kept: list[int],
        widths: list[int],
        flex: list[int],
        dropped: list[Column],
        squeezed: bool,
        shortfall: int,
    ) -> None:
        self.kept = kept
        self.widths = widths
        self.flex = flex
        self.dropped = dropped
        self.squeezed = squeezed
        self.shortfall = shortfall


def fit(
    columns: list[Column], cells: list[list[str]], width: int, *, keep_all: bool = False
) -> Fitted | None:
    """The essential columns (drop 0; every one with `keep_all`), then each other column, the
    last to give way first, while it fits `width`; then their widths. None when the columns
    kept whole (ids, dates) cannot sit side by side even with every other one cut short: the
    records are then shown as blocks."""

    def natural_of(i: int) -> int:
        return max([cell_len(columns[i].header)] + [cell_len(row[i]) for row in cells])

    natural = [natural_of(i) for i in range(len(columns))]
    floor = [
        min(natural[i], max(cell_len(c.header), c.least)) if c.flex and not c.whole else natural[i]
        for i, c in enumerate(columns)
    ]
    flex = [0 if c.whole else c.flex for c in columns]

    def needed(kept: list[int]) -> int:
        return sum(floor[i] for i in kept) + GAP * (len(kept) - 1)

    kept = [i for i, c in enumerate(columns) if keep_all or not c.drop]
    squeezed = needed(kept) > width
    if squeezed:
        # Even the essential columns are too wide: all but the whole ones may now be cut.
        flex = [0 if c.whole else 1 for c in columns]
        floor = [
            natural[i] if c.whole else min(natural[i], max(cell_len(c.header), NARROWEST))
            for i, c in enumerate(columns)
        ]
        if needed(kept) > width:
            return None
    else:
        optional = sorted(
            (i for i in range(len(columns)) if i not in kept), key=lambda i: (columns[i].drop, i)
        )
        for i in optional:
            # A column with nothing in it takes room and says nothing: it is left out quietly.
            if any(row[i] for row in cells) and needed([*kept, i]) <= width:
                kept.append(i)
    kept.sort()
    room = width - GAP * (len(kept) - 1)
    widths = widths_for([flex[i] for i in kept], [natural[i] for i in kept], [floor[i] for i in kept], room)
    dropped = [c for i, c in enumerate(columns) if i not in kept and any(row[i] for row in cells)]
    shortfall = max(0, sum(natural[i] for i in kept) + GAP * (len(kept) - 1) - width)
    return Fitted(kept, widths, [flex[i] for i in kept], dropped, squeezed, shortfall)


def better(first: Fitted | None, second: Fitted | None) -> bool:
    """Whether `second` shows the records better than `first`: at all, more columns, the same
    columns without cutting them below their least width, or cutting less of them."""

    def score(fitted: Fitted | None) -> tuple[bool, int, bool, int]:
        if fitted is None:
            return (False, 0, False, 0)
        return (True, len(fitted.kept), not fitted.squeezed, -fitted.shortfall if fitted.squeezed else 0)

    return score(second) > score(first)


def styled_cell(text: str, raw: Any, column: Column, color: bool) -> Text:
    style = STYLES.get(str(raw), "") if column.styled and color else ""
    return Text(text, style=style)


def new_table(title: str | None, width: int, leading: int = 0) -> Table:
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
        leading=leading,
    )


def print_prose(target: Any, text: str, width: int, style: str = "") -> None:
    """A note or a footer, wrapped at words here (Rich would break a word longer than a line)."""
    for line in wrap_words(visible(text), width):
        target.print(Text(line, style=style), soft_wrap=True)


class Cells:
    """A listing's cells as a terminal table shows them. For each record and column: the value
    that colours it, the items of a list (shown whole, one by one), and its text, in full and
    in the column's compact form."""

    def __init__(self, listing: Listing, columns: list[Column], rows: list[dict[str, Any]]) -> None:
        self.numbered = CitationNumbers()
        self.styles = [[row.get(c.key) for c in columns] for row in rows]
        shown = [[shown_value(listing, row, c) for c in columns] for row in rows]
        self.items = [
            [
                [one_line(v) for v in value]
                if isinstance(value, list) and len(value) > 1 and c.data != "citations"
                else None
                for c, value in zip(columns, values, strict=True)
            ]
            for values in shown
        ]
        self.full = [
            [
                self.numbered.refer(row.get("citations")) if c.data == "citations" else one_line(value)
                for c, value in zip(columns, values, strict=True)
            ]
            for row, values in zip(rows, shown, strict=True)
        ]
        self.compact: list[list[str]] | None = None
        if any(c.compact for c in columns):
            self.compact = [
                [
                    one_line(c.compact(row)) if c.compact else text
                    for c, text in zip(columns, full, strict=True)
                ]
                for row, full in zip(rows, self.full, strict=True)
            ]


def draw_fitted(listing: Listing, target: Any, width: int, color: bool, height: int = 24) -> None:
    """One line a record at `width`, or each record's text wrapped at words when the whole
    table then fits the screen's `height`; long text below the table; a footer says what was
    cut or left out. When even the ids and dates cannot sit side by side, records as blocks."""
    view = views.shown(listing)
    columns = [Column("citations", "cites") if c.data == "citations" else c for c in view.columns]
    cells = Cells(listing, columns, view.rows)
    fitted = fit(columns, cells.full, width, keep_all=listing.chosen)
    texts, compact = cells.full, False
    if cells.compact is not None:
        shorter = fit(columns, cells.compact, width, keep_all=listing.chosen)
        if better(fitted, shorter):
            fitted, texts, compact = shorter, cells.compact, True
    if fitted is None:
        headers = [c.header for c in columns]
        draw_blocks(view.title, [list(zip(headers, row, strict=True)) for row in texts], target, width)
        print_notes(view, columns, Footer(), compact, target, width, color, cells.numbered)
        return
    layout = Layout(view, columns, cells, texts, fitted, compact, width, color)
    # Wrapped at words when that fits the screen (a line left for the prompt): each record in
    # full if it can, else in as many lines as the screen allows, the rest cut at a word.
    heights = layout.heights()
    cap = max(heights, default=1) if len(texts) < height else 1
    while cap > 1:
        with target.capture() as captured:
            layout.draw(target, lines=cap)
        drawn = captured.get()
        total = drawn.count("\n")
        if total <= height - 1:
            target.file.write(drawn)
            return
        around = total - body_lines(heights, cap)
        cap = max((c for c in range(2, cap) if around + body_lines(heights, c) <= height - 1), default=1)
    layout.draw(target, lines=1)


def width_for_lines(texts: list[str], narrowest: int, widest: int, lines: int) -> int:
    """The narrowest width from `narrowest` to `widest` at which every text wraps in at most
    `lines` lines (wrapping takes no more lines at a wider width)."""
    low, high = narrowest, widest
    while low < high:
        middle = (low + high) // 2
        if all(len(wrap_words(text, middle)) <= lines for text in texts):
            high = middle
        else:
            low = middle + 1
    return low


def body_lines(heights: list[int], cap: int) -> int:
    """The lines a table's records take, each in at most `cap` lines, with a blank line
    between records when any takes more than one."""
    shown = [min(cap, h) for h in heights]
    return sum(shown) + (len(shown) - 1 if max(shown, default=1) > 1 else 0)


class Footer:
    """What the last line says was cut or left out at this width, and where the rest is: `show
    ID` only when the ids are on the screen to be typed."""

    def __init__(self, was_cut: bool = False, dropped: list[Column] | None = None, ids: bool = False) -> None:
        self.was_cut = was_cut
        self.dropped = dropped or []
        self.ids = ids

    def text(self) -> str | None:
        # The footer's words are also in --wide's help, so a reader can look them up.
        said = []
        if self.was_cut:
            said.append("… marks cut text")
        if self.dropped:
            said.append("not shown at this width: " + ", ".join(c.header for c in self.dropped))
        if not said:
            return None
        return "; ".join(said) + (
            ". All of it: --wide, or asiapac show ID." if self.ids else ". All of it: --wide."
        )


class Layout:
    """A fitted table drawn either way: one line a record, or each cell wrapped at words."""

    def __init__(
        self,
        view: views.Shown,
        columns: list[Column],
        cells: Cells,
        texts: list[list[str]],
        fitted: Fitted,
        compact: bool,
        width: int,
        color: bool,
    ) -> None:
        self.view = view
        self.columns = columns
        self.cells = cells
        self.texts = texts
        self.fitted = fitted
        self.compact = compact
        self.width = width
        self.color = color

    def wrapped_widths(self, lines: int | None = None) -> list[int]:
        """The widths of the table wrapped in at most `lines` lines a record (None: no limit).
        Each flexible column is at least as wide as its longest word, so no word is cut, and a
        column that can be whole in `lines` lines at a width it can have gets that width; what
        room is left goes to the others (long prose), cut after `lines` lines. The fitted
        widths when even the longest words do not fit."""
        fitted = self.fitted
        natural, floor, need = [], [], []
        for at, position in enumerate(fitted.kept):
            if not fitted.flex[at]:
                natural.append(fitted.widths[at])
                floor.append(fitted.widths[at])
                need.append(fitted.widths[at])
                continue
            header = cell_len(self.columns[position].header)
            column = [row[position] for row in self.texts]
            natural.append(max([header] + [cell_len(text) for text in column]))
            floor.append(min(natural[-1], max([header] + [longest_word(text) for text in column])))
            need.append(
                floor[-1] if lines is None else width_for_lines(column, floor[-1], natural[-1], lines)
            )
        room = self.width - GAP * (len(fitted.kept) - 1)
        if sum(floor) > room:
            return fitted.widths
        whole = []
        for at in sorted(range(len(floor)), key=lambda at: need[at] - floor[at]):
            if need[at] > floor[at] and sum(floor) - floor[at] + need[at] <= room:
                floor[at] = need[at]
                whole.append(at)
        if any(fitted.flex[at] and at not in whole and floor[at] < natural[at] for at in range(len(floor))):
            natural = [floor[at] if at in whole else width for at, width in enumerate(natural)]
        return widths_for(fitted.flex, natural, floor, room)

    def heights(self) -> list[int]:
        """How many lines each record takes wrapped in full."""
        widths = self.wrapped_widths()
        return [
            max(
                (len(wrap_words(self.texts[r][p], w)) for p, w in zip(self.fitted.kept, widths, strict=True)),
                default=1,
            )
            for r in range(len(self.texts))
        ]

    def cell(self, row: int, position: int, width: int, lines: int) -> tuple[str, bool]:
        """A cell's text at `width` in at most `lines` lines, and whether any of it was cut."""
        text = self.texts[row][position]
        if lines == 1:
            items = self.cells.items[row][position]
            shown = cut_list(items, width) if items is not None and not self.compact else cut(text, width)
            return shown, shown != text
        wrapped = wrap_words(text, width)
        fitted = [cut(line, width) for line in wrapped]
        if len(fitted) > lines:  # the rest, cut at a word, on the last line it may have
            fitted = fitted[: lines - 1] + [cut(" ".join(wrapped[lines - 1 :]), width)]
        return "\n".join(fitted), fitted != wrapped

    def draw(self, target: Any, *, lines: int) -> None:
        """The table with each record in at most `lines` lines (1: one line, cut at a word),
        then its notes."""
        view, fitted = self.view, self.fitted
        widths = self.wrapped_widths(lines) if lines > 1 else fitted.widths
        if view.headline:
            print_prose(target, view.headline, self.width)
        rows = []
        was_cut = False
        for r in range(len(self.texts)):
            shown = []
            for position, width in zip(fitted.kept, widths, strict=True):
                text, cut_here = self.cell(r, position, width, lines)
                was_cut = was_cut or cut_here
                shown.append(
                    styled_cell(text, self.cells.styles[r][position], self.columns[position], self.color)
                )
            rows.append(shown)
        tall = any("\n" in cell.plain for row in rows for cell in row)
        table = new_table(view.title, self.width, leading=1 if tall else 0)  # a blank line between tall rows
        for position, width in zip(fitted.kept, widths, strict=True):
            table.add_column(self.columns[position].header, width=width, no_wrap=True, overflow="ellipsis")
        for shown in rows:
            table.add_row(*shown)
        target.print(table)
        kept = [self.columns[i] for i in fitted.kept]
        footer = Footer(was_cut, fitted.dropped, ids=any(c.data == "id" for c in kept))
        print_notes(view, kept, footer, self.compact, target, self.width, self.color, self.cells.numbered)


def print_notes(
    view: views.Shown,
    shown: list[Column],
    footer: Footer,
    compact: bool,
    target: Any,
    width: int,
    color: bool,
    numbered: CitationNumbers,
) -> None:
    """Under the table: the legends of the marks shown, the view's notes, the sources cited,
    then the footer."""
    said_once = {
        column.legend(view.rows): None
        for column in shown
        if column.legend is not None and (compact or column.compact is None)
    }
    legends = [legend for legend in said_once if legend]
    dim = "dim" if color else ""
    if legends or view.notes or numbered.sources:
        target.print()  # a blank line between the records and the text about them
    for text in legends + view.notes:
        print_prose(target, text, width, dim)
    numbered.print_list(target)
    said = footer.text()
    if said:
        print_prose(target, said, width, dim)


def draw_blocks(title: str | None, records: list[list[tuple[str, str]]], target: Any, width: int) -> None:
    """Each record as a block of `label  value` lines under a numbered rule, as psql's expanded
    display shows it; values wrapped at words. A value with a word too long to sit beside its
    label goes below it, indented, each line as long as the screen allows; a word longer than
    that (a URL) is printed whole on a line of its own."""
    if title:
        print_prose(target, title, width, "bold")
    label_width = max((cell_len(label) for record in records for label, _ in record), default=0)
    beside = width - label_width - GAP
    for number, record in enumerate(records, start=1):
        target.print(Text(f"─[ {number} ]" + "─" * max(0, width - 7 - len(str(number))), style="dim"))
        for label, text in record:
            if not text:
                continue
            padded = label + " " * (label_width - cell_len(label))
            if beside >= NARROWEST and longest_word(text) <= beside:
                for at, line in enumerate(wrap_words(text, beside)):
                    lead = Text(padded, style="bold") if at == 0 else Text(" " * label_width)
                    target.print(Text.assemble(lead, " " * GAP, line), soft_wrap=True)
            else:
                target.print(Text(label, style="bold"), soft_wrap=True)
                for line in wrap_words(text, width - GAP):
                    target.print(Text(" " * GAP + line), soft_wrap=True)


WIDE_BORDERS = 3  # a wrapped table's column takes its width, a space each side and one border


def draw_wide(listing: Listing, target: Any, width: int, color: bool) -> None:
    """Every data column, values whole and wrapped at words. A table when the columns can sit
    side by side, each at least as wide as its longest word; else each record is a block of
    `column  value` lines, as psql's `\\x auto` chooses."""
    view = views.shown(listing)
    if view.headline:
        print_prose(target, view.headline, width)
    names = listing.columns
    texts = [[visible(cell_text(listing.text_value(row, c))) for c in names] for row in view.rows]
    headers = [c.replace("_", " ") for c in names]
    floor = [
        max([longest_word(headers[i])] + [longest_word(row[i]) for row in texts]) for i in range(len(names))
    ]
    room = width - WIDE_BORDERS * len(names) - 1
    if sum(floor) <= room:
        natural = [
            max(
                cell_len(line)
                for text in [headers[i]] + [row[i] for row in texts]
                for line in text.split("\n")
            )
            for i in range(len(names))
        ]
        widths = widths_for([1] * len(names), natural, floor, room)
        title = Text(visible(view.title), style="bold") if view.title else None
        table = Table(title=title, header_style="bold", expand=False)
        for header, column_width in zip(headers, widths, strict=True):
            table.add_column(
                Text("\n".join(wrap_words(header, column_width))), width=column_width, no_wrap=True
            )
        for row in texts:
            table.add_row(
                *(Text("\n".join(wrap_words(text, w))) for text, w in zip(row, widths, strict=True))
            )
        target.print(table)
    else:
        draw_blocks(view.title, [list(zip(names, row, strict=True)) for row in texts], target, width)
    for note in view.notes:
        print_prose(target, note, width, "dim" if color else "")


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
            print_prose(target, f"[{number}] {title}. {when}.", target.width)
            if cited.get("url"):
                target.print(Text("    " + visible(cited["url"])), soft_wrap=True)
