"""The HTML briefing: the fact base as one self-contained page (`export --format html`).

Built with f-strings and one escaping function, `esc`: every value from the fact file passes
through it (or through `href`, for URLs) on its way into the page. The CSS and the small
script (briefing.css, briefing.js) are inlined verbatim; the page's Content-Security-Policy
allows exactly those two
blocks (by their SHA-256 hashes) and nothing else, so even a value that slipped past `esc`
could not run. The page is deterministic: the same fact file gives the same bytes.

Imported only by the `export` command when the HTML format is asked for.
"""

from __future__ import annotations

import base64
import datetime
import hashlib
import html
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from asiapac_cli import __version__, vocab
from asiapac_cli.facts import model
from asiapac_cli.facts.base import FactBase
from asiapac_cli.facts.model import Record
from asiapac_cli.facts.names import resolve
from asiapac_cli.queries.citations import every_cited_source_id
from asiapac_cli.queries.rows import parse_date_option
from asiapac_cli.queries.show import about as about_fact_base
from asiapac_cli.queries.timeline import timeline as timeline_listing
from asiapac_cli.safe_text import visible_on_page

TITLE = "NATO and its Indo-Pacific partners: a briefing"


def esc(value: Any) -> str:
    """`value` as HTML text or a quoted attribute value: the page's one escaping function.

    Control, bidi and invisible characters are shown as their escapes first (`\\x1b`,
    `\\u202e`), as on a terminal; what acts only on a terminal (the soft hyphen, the bidi
    marks) and joiners inside words stay text (`safe_text.visible_on_page`).
    """
    return html.escape(visible_on_page(str(value)), quote=True)


def href(url: Any) -> str | None:
    """An escaped http(s) URL for an href, or None (no `javascript:` or other scheme)."""
    text = str(url)
    return esc(text) if model.is_url(text) else None


LEVEL_WORDS = {
    "leader": "Leader",
    "deputy-leader": "Deputy leader",
    "minister": "Minister",
    "official": "Official",
    "absent": "Absent",
    "not-known": "Not known",
}
POSITION_ORDER = ("proposed", "supported", "cautious", "neutral", "opposed")
# Shared themes for aligning the programmes' named areas: the first theme with a keyword in an
# area's name (before any parenthesis) is its row. An area that matches none gets a row of its own.
AREA_THEMES = (
    ("Cyber defence", ("cyber",)),
    ("Emerging and disruptive technologies", ("emerging",)),
    ("Science and technology", ("science", "scientific")),
    ("Space", ("space",)),
    ("Maritime security", ("maritime",)),
    ("Capability development and interoperability", ("capability", "interoperability")),
    ("Arms control, disarmament and non-proliferation", ("arms control", "non-proliferation")),
    ("Climate change and security", ("climate",)),
    ("Women, peace and security", ("women",)),
    ("Strategic communications", ("strategic communication", "disinformation")),
    ("Counter-terrorism", ("terrorism",)),
    ("Resilience", ("resilience",)),
    ("Humanitarian assistance and disaster relief", ("humanitarian", "disaster")),
    ("Dialogue and consultation", ("dialogue", "consultation")),
    ("Public diplomacy", ("public diplomacy",)),
)
NOT_NAMED = "not named in any source found"


# --- what goes on the page ------------------------------------------------------------------


class Page:
    """The records one page shows (after the filters), and the numbering of their sources."""

    def __init__(
        self,
        fb: FactBase,
        since: str | None = None,
        until: str | None = None,
        actors: list[str] | None = None,
        topics: list[str] | None = None,
        *,
        about: dict[str, Any],
    ) -> None:
        self.fb = fb
        self.about = about  # `asiapac about`'s document: the coverage footer prints it
        self.since, self.until = since, until
        self.first_day = parse_date_option(since, "--since")[0] if since else None
        self.last_day = parse_date_option(until, "--until")[1] if until else None
        self.actor_ids = list(dict.fromkeys(resolve(fb, "actors", a) for a in actors or []))
        self.topic_ids = list(dict.fromkeys(resolve(fb, "topics", t) for t in topics or []))
        self.filtered = bool(since or until or self.actor_ids or self.topic_ids)

        listing = timeline_listing(
            fb,
            since=since,
            until=until,
            actors=self.actor_ids or None,
            topics=self.topic_ids or None,
            cite=False,  # the page numbers its sources itself
        )
        self.events: list[Record] = []
        for row in listing.rows:
            event = fb.get(row["id"])
            assert event is not None
            self.events.append({**event, "all_actors": row["actors"]})
        self.partners = self.partner_columns()
        self.summits = [
            e for e in self.events if e["kind"] == "summit" and "nato" in e["all_actors"] and self.attended(e)
        ]
        self.itpps = [i for i in fb.table("itpps").values() if self.keeps_itpp(i)]
        self.stances = [s for s in fb.table("stances").values() if self.keeps_stance(s)]
        on_page = {e["id"] for e in self.events} | {r["id"] for r in self.itpps + self.stances}
        self.claims = [
            c
            for c in fb.table("claims").values()
            if not self.filtered or not on_page.isdisjoint(c.get("records") or [])
        ]
        self.groupings = [g for g in fb.table("groupings").values() if self.keeps_grouping(g)]
        cited: set[str] = set()
        for record in self.events + self.itpps + self.stances + self.claims + self.groupings:
            cited.update(every_cited_source_id(record))
        # Numbered in the fact file's order of sources; unfiltered, the page lists every source.
        self.sources = [s for s in fb.table("sources").values() if s["id"] in cited or not self.filtered]
        self.number = {s["id"]: n for n, s in enumerate(self.sources, start=1)}

    def partner_columns(self) -> list[str]:
        """The partners: those with an ITPP or a summit attendance, narrowed by --actor."""
        found: list[str] = [i["partner"] for i in self.fb.table("itpps").values()]
        for event in self.fb.events.records(
            i for i, kind in enumerate(self.fb.events.column("kind")) if kind == "summit"
        ):
            found += [a["actor"] for a in event.get("attendance") or []]
        partners = list(dict.fromkeys(found))
        chosen = [p for p in partners if p in self.actor_ids]
        return chosen or partners

    def attended(self, event: Record) -> bool:
        return bool(event.get("attendance")) or any(p in event["all_actors"] for p in self.partners)

    def in_period(self, date: str | None) -> bool:
        if self.first_day is None and self.last_day is None:
            return True
        if not date:
            return False  # an undated record cannot be placed in the asked period
        low, high = model.date_bounds(date)
        return (self.first_day is None or high >= self.first_day) and (
            self.last_day is None or low <= self.last_day
        )

    def keeps_itpp(self, itpp: Record) -> bool:
        if self.topic_ids and "itpp" not in self.topic_ids:
            return False
        if self.actor_ids and itpp["partner"] not in self.actor_ids:
            return False
        return self.in_period(itpp.get("agreed") or itpp.get("period_start"))

    def keeps_stance(self, stance: Record) -> bool:
        if self.topic_ids and stance["topic"] not in self.topic_ids:
            return False
        if self.actor_ids and stance["actor"] not in self.actor_ids:
            return False
        return self.in_period(stance.get("date"))

    def keeps_grouping(self, grouping: Record) -> bool:
        if self.topic_ids and "minilateral-groupings" not in self.topic_ids:
            return False
        if self.actor_ids and set(self.actor_ids).isdisjoint(grouping["members"]):
            return False
        return self.in_period(grouping.get("founded"))

    def name(self, record_id: str) -> str:
        return self.fb.display_name(record_id)

    def short_name(self, actor_id: str) -> str:
        """A column heading: the actor's name without a parenthesised abbreviation."""
        return re.sub(r"\s*\(.*\)$", "", self.name(actor_id)) or self.name(actor_id)


# --- fragments ----------------------------------------------------------------------------------


def cites(page: Page, citations: Iterable[dict[str, Any]]) -> str:
    """Links to the numbered sources of some citations: '[3, 7]'."""
    numbers = sorted({page.number[c["source"]] for c in citations if c["source"] in page.number})
    if not numbers:
        return ""
    links = ", ".join(f'<a href="#src-{n}" aria-label="source {n}">{n}</a>' for n in numbers)
    return f' <span class="cites">[{links}]</span>'


def citation_items(page: Page, citations: Iterable[dict[str, Any]]) -> str:
    """Each citation as a list item: the numbered source, the quote, its locator, a translation."""
    items = []
    for citation in citations:
        number = page.number.get(citation["source"])
        source = page.fb.table("sources").get(citation["source"], {})
        parts = [
            f'<a href="#src-{number}">[{number}]</a> ' if number else "",
            f"<cite>{esc(source.get('title', citation['source']))}</cite>",
        ]
        if citation.get("quote"):
            parts.append(f": <q>{esc(citation['quote'])}</q>")
        if citation.get("translation"):
            parts.append(f' <span class="translation">(translation: {esc(citation["translation"])})</span>')
        if citation.get("locator"):
            parts.append(f' <span class="locator">({esc(citation["locator"])})</span>')
        items.append(f"<li>{''.join(parts)}</li>")
    return f'<ul class="citations">{"".join(items)}</ul>' if items else ""


def evidence(level: str) -> str:
    return f'<span class="evidence ev-{esc(level)}">{esc(level.replace("-", " "))}</span>'


def paragraph(label: str, text: Any, css: str = "") -> str:
    if not text:
        return ""
    klass = f' class="{css}"' if css else ""
    return f"<p{klass}><strong>{label}:</strong> {esc(text)}</p>"


def date_range(record: Record) -> str:
    return esc(record["date"]) + (f"&#8201;&#8211;&#8201;{esc(record['end'])}" if record.get("end") else "")


# --- sections -----------------------------------------------------------------------------------


def summit_matrix(page: Page) -> str:
    heads = "".join(f'<th scope="col">{esc(page.short_name(p))}</th>' for p in page.partners)
    legend = " ".join(f'<span class="lvl lvl-{key}">{esc(word)}</span>' for key, word in LEVEL_WORDS.items())
    rows = []
    for summit in page.summits:
        attendance = {a["actor"]: a for a in summit.get("attendance") or []}
        cells = []
        for partner in page.partners:
            entry = attendance.get(partner)
            level = entry["level"] if entry else "not-known"
            word = LEVEL_WORDS.get(level, level.replace("-", " ").capitalize())
            person = (
                f'<span class="person">{esc(entry["person"])}</span>' if entry and entry.get("person") else ""
            )
            note = f'<small class="note">{esc(entry["note"])}</small>' if entry and entry.get("note") else ""
            cells.append(
                f'<td class="lvl lvl-{esc(level)}"><span class="lvl-word">{esc(word)}</span>'
                f"{person}{cites(page, summit.get('sources') or [])}{note}</td>"
            )
        rows.append(
            f'<tr><th scope="row"><a href="#ev-{esc(summit["id"])}">{esc(summit["title"])}</a>'
            f'<span class="when">{date_range(summit)}'
            + (f" · {esc(summit['place'])}" if summit.get("place") else "")
            + f"</span></th>{''.join(cells)}</tr>"
        )
    if not rows:
        body = "<p>No NATO summit matches the filters.</p>"
    else:
        body = (
            f'<p class="legend">Levels: {legend}. Each cell links to the sources of its summit.</p>'
            '<div class="scroll" tabindex="0" role="region" aria-labelledby="summits-h">'
            '<table class="matrix"><caption>Who represented each partner at NATO summits</caption>'
            f'<thead><tr><th scope="col">Summit</th>{heads}</tr></thead><tbody>{"".join(rows)}</tbody>'
            "</table></div>"
        )
    return f'<section id="summits"><h2 id="summits-h">Summit attendance</h2>{body}</section>'


def area_theme(name: str) -> str:
    base = name.split("(")[0].casefold()
    for theme, keywords in AREA_THEMES:
        if any(k in base for k in keywords):
            return theme
    return name


def itpp_table(page: Page) -> str:
    if not page.itpps:
        return (
            '<section id="itpps"><h2>Partnership programmes (ITPPs)</h2>'
            "<p>No ITPP matches the filters.</p></section>"
        )
    itpps = page.itpps
    heads = "".join(
        f'<th scope="col" id="itpp-{esc(i["id"])}">{esc(page.short_name(i["partner"]))}</th>' for i in itpps
    )

    def row(label: str, cells: list[str]) -> str:
        return f'<tr><th scope="row">{label}</th>{"".join(f"<td>{c}</td>" for c in cells)}</tr>'

    def period(i: Record) -> str:
        start, end = i.get("period_start"), i.get("period_end")
        if not start and not end:
            return "not known"
        return f"{esc(start or '?')}&#8211;{esc(end or '?')}"

    def named(i: Record) -> str:
        count = len(i.get("areas") or [])
        if not count:
            return f"none: the areas are {NOT_NAMED}"
        total = i.get("areas_total")
        if total and int(total) > count:
            return f"{count} of {esc(total)}; the other {int(total) - count} are {NOT_NAMED}"
        return f"{count} (all)" if total else f"{count}; the total is not known"

    def agreed(i: Record) -> str:
        if i.get("status"):  # narrowed by --as-of to an earlier state
            return f"not yet: {esc(i['status'].replace('-', ' '))}"
        return esc(i["agreed"]) if i.get("agreed") else "not known"

    def predecessor(i: Record) -> str:
        p = i.get("predecessor")
        if not p:
            return "none recorded"
        signed = esc(p.get("signed") or "date not known")
        return f"{esc(p['title'])} ({signed}){cites(page, p.get('sources') or [])}"

    rows = [
        row("Programme", [f"{esc(i['title'])}{cites(page, i.get('sources') or [])}" for i in itpps]),
        row("Agreed", [agreed(i) for i in itpps]),
        row("Period", [period(i) for i in itpps]),
        row(
            "Areas in total", [esc(i["areas_total"]) if i.get("areas_total") else "not known" for i in itpps]
        ),
        row("Areas named in sources", [named(i) for i in itpps]),
        row("Replaced", [predecessor(i) for i in itpps]),
        row("Evidence", [evidence(i["evidence"]) for i in itpps]),
    ]
    notes = []
    if any(i.get("correction") or i.get("note") for i in itpps):
        notes.append(
            row(
                "Notes",
                [
                    (f"<p>{esc(i['note'])}</p>" if i.get("note") else "")
                    + (
                        f'<p class="correction"><strong>Correction:</strong> {esc(i["correction"])}</p>'
                        if i.get("correction")
                        else ""
                    )
                    for i in itpps
                ],
            )
        )
    themes: dict[str, dict[str, list[str]]] = {}
    for i in itpps:
        for number, area in enumerate(i.get("areas") or [], start=1):
            cell = f"{number}. {esc(area['name'])}{cites(page, area.get('sources') or [])}"
            themes.setdefault(area_theme(area["name"]), {}).setdefault(i["id"], []).append(cell)
    # Themes most partners share first; then in the order they were first met.
    order = sorted(themes, key=lambda t: -len(themes[t]))
    area_rows = []
    for theme in order:
        cells = []
        for i in itpps:
            entries = themes[theme].get(i["id"])
            if entries:
                cells.append("<br>".join(entries))
            elif i.get("areas"):
                cells.append('<span class="absent">not among the named areas</span>')
            else:
                cells.append(f'<span class="absent">{NOT_NAMED}</span>')
        shared = len(themes[theme])
        label = f"{esc(theme)}" + (
            f' <span class="shared">({shared} programmes)</span>' if shared > 1 else ""
        )
        area_rows.append(row(label, cells))
    areas_head = (
        f'<tr class="subhead"><th scope="colgroup" colspan="{len(itpps) + 1}">'
        "Named areas, aligned where programmes share a theme (each partner's own wording and number)"
        "</th></tr>"
    )
    return (
        '<section id="itpps"><h2 id="itpps-h">Partnership programmes (ITPPs) side by side</h2>'
        '<div class="scroll" tabindex="0" role="region" aria-labelledby="itpps-h">'
        '<table class="itpps"><caption>Individually Tailored Partnership Programmes</caption>'
        f"<thead><tr><td></td>{heads}</tr></thead><tbody>{''.join(rows)}</tbody>"
        f"<tbody>{areas_head}{''.join(area_rows)}</tbody>"
        f'<tbody class="notes">{"".join(notes)}</tbody></table></div></section>'
    )


# --- the timeline -----------------------------------------------------------------------------

SVG_WIDTH = 960
LABEL_WIDTH = 150
AXIS_HEIGHT = 28
ROW_HEIGHT = 11
LANE_PADDING = 8


def day_number(iso_day: str) -> int:
    return datetime.date.fromisoformat(iso_day).toordinal()


def event_partners(page: Page, event: Record) -> list[str]:
    return [p for p in page.partners if p in event["all_actors"]] or ["other"]


def timeline_svg(page: Page, lanes: list[tuple[str, str]], lane_of: dict[str, list[str]], mode: str) -> str:
    """One SVG: a lane per partner or per kind, each event a link to its details."""
    lows = [model.date_bounds(e["date"])[0] for e in page.events]
    highs = [model.date_bounds(e.get("end") or e["date"])[1] for e in page.events]
    first_year, last_year = int(min(lows)[:4]), int(max(highs)[:4]) + 1
    start, stop = day_number(f"{first_year}-01-01"), day_number(f"{last_year}-01-01")
    span = max(stop - start, 1)
    plot = SVG_WIDTH - LABEL_WIDTH - 16

    def x_of(iso_day: str) -> float:
        return LABEL_WIDTH + plot * (day_number(iso_day) - start) / span

    parts: list[str] = []
    y = AXIS_HEIGHT
    for lane_key, lane_label in lanes:
        rows_end: list[float] = []  # right edge of the last mark in each row of this lane
        marks = []
        for event in page.events:
            if lane_key not in lane_of[event["id"]]:
                continue
            low = model.date_bounds(event["date"])[0]
            high = model.date_bounds(event.get("end") or event["date"])[1]
            x0, x1 = x_of(low), x_of(high)
            wide = x1 - x0 > 6
            left, right = (x0, x1) if wide else (x0 - 4, x0 + 4)
            row = next((r for r, end in enumerate(rows_end) if end + 2 < left), len(rows_end))
            if row == len(rows_end):
                rows_end.append(right)
            else:
                rows_end[row] = right
            marks.append((event, row, x0, x1, wide))
        height = max(len(rows_end), 1) * ROW_HEIGHT + LANE_PADDING * 2
        parts.append(
            f'<g class="lane" data-lane="{esc(lane_key)}">'
            f'<rect class="lane-bg" x="0" y="{y}" width="{SVG_WIDTH}" height="{height}"/>'
            f'<text class="lane-label" x="6" y="{y + LANE_PADDING + 9}">{esc(lane_label)}</text>'
        )
        for event, row, x0, x1, wide in marks:
            cy = y + LANE_PADDING + row * ROW_HEIGHT + ROW_HEIGHT / 2
            if wide:
                shape = f'<rect x="{x0:.1f}" y="{cy - 4:.1f}" width="{x1 - x0:.1f}" height="8" rx="3"/>'
            else:
                shape = f'<circle cx="{x0:.1f}" cy="{cy:.1f}" r="4.5"/>'
            parts.append(
                f'<a href="#ev-{esc(event["id"])}" class="mark k-{esc(event["kind"])}"'
                f"{filter_data(page, event)}><title>{esc(event['date'])}: {esc(event['title'])} "
                f"({esc(event['kind'])})</title>{shape}</a>"
            )
        parts.append("</g>")
        y += height
    step = 1 if last_year - first_year <= 12 else 2 if last_year - first_year <= 30 else 5
    ticks = []
    for year in range(first_year, last_year + 1):
        x = x_of(f"{year}-01-01")
        ticks.append(f'<line class="tick" x1="{x:.1f}" y1="{AXIS_HEIGHT - 4}" x2="{x:.1f}" y2="{y}"/>')
        if (year - first_year) % step == 0 and year < last_year:
            ticks.append(f'<text class="year" x="{x + 3:.1f}" y="{AXIS_HEIGHT - 10}">{year}</text>')
    label = "partner" if mode == "partner" else "kind of event"
    return (
        f'<svg class="lanes" data-lanes="{mode}" viewBox="0 0 {SVG_WIDTH} {y + 4}" width="{SVG_WIDTH}" '
        f'height="{y + 4}" role="group" '
        f'aria-label="Timeline of {len(page.events)} events, one lane per {label}">'
        f"{''.join(ticks)}{''.join(parts)}</svg>"
    )


def filter_data(page: Page, event: Record) -> str:
    partners = " ".join(event_partners(page, event))
    topics = " ".join(event.get("topics") or []) or "none"
    return f' data-kind="{esc(event["kind"])}" data-partners="{esc(partners)}" data-topics="{esc(topics)}"'


def checkbox(group: str, value: str, label: str, count: int) -> str:
    ident = f"f-{group}-{value}"
    return (
        f'<label for="{esc(ident)}"><input type="checkbox" id="{esc(ident)}" name="{group}" '
        f'value="{esc(value)}" checked> {esc(label)} <span class="count">({count})</span></label>'
    )


def timeline(page: Page) -> str:
    if not page.events:
        return '<section id="timeline"><h2>Timeline</h2><p>No event matches the filters.</p></section>'
    kinds = [k for k in vocab.EVENT_KINDS if any(e["kind"] == k for e in page.events)]
    kinds += sorted({e["kind"] for e in page.events} - set(kinds))
    partner_lanes = [(p, page.short_name(p)) for p in page.partners]
    others = any(event_partners(page, e) == ["other"] for e in page.events)
    if others:
        partner_lanes.append(("other", "No partner"))
    by_partner = {e["id"]: event_partners(page, e) for e in page.events}
    by_kind = {e["id"]: [e["kind"]] for e in page.events}
    topic_ids = [t for t in page.fb.table("topics") if any(t in (e.get("topics") or []) for e in page.events)]

    def count(test: Any) -> int:
        return sum(1 for e in page.events if test(e))

    partner_boxes = "".join(
        checkbox("partner", key, label, count(lambda e, k=key: k in by_partner[e["id"]]))
        for key, label in partner_lanes
    )
    kind_boxes = "".join(checkbox("kind", k, k, count(lambda e, k=k: e["kind"] == k)) for k in kinds)
    topic_boxes = "".join(
        checkbox("topic", t, page.name(t), count(lambda e, t=t: t in (e.get("topics") or [])))
        for t in topic_ids
    )
    if any(not e.get("topics") for e in page.events):
        topic_boxes += checkbox("topic", "none", "No topic", count(lambda e: not e.get("topics")))

    def group(name: str, legend: str, boxes: str) -> str:
        return (
            f'<fieldset class="group" data-group="{name}"><legend>{legend}</legend>'
            f'<div class="boxes">{boxes}</div>'
            f'<p class="bulk"><button type="button" data-all="{name}">All</button> '
            f'<button type="button" data-none="{name}">None</button></p></fieldset>'
        )

    filters = (
        '<form id="filters" class="filters" aria-label="Filter the timeline">'
        '<fieldset class="group"><legend>Lanes</legend>'
        '<label for="lanes-partner"><input type="radio" id="lanes-partner" name="lanes" '
        'value="partner" checked> one per partner</label> '
        '<label for="lanes-kind"><input type="radio" id="lanes-kind" name="lanes" value="kind">'
        " one per kind</label>"
        "</fieldset>"
        + group("partner", "Partner", partner_boxes)
        + group("kind", "Kind of event", kind_boxes)
        + group("topic", "Topic", topic_boxes)
        + "</form>"
        + f'<p id="shown" class="shown" role="status">{len(page.events)} events.</p>'
    )
    svgs = timeline_svg(page, partner_lanes, by_partner, "partner") + timeline_svg(
        page, [(k, k) for k in kinds], by_kind, "kind"
    )
    details = "".join(event_article(page, e) for e in page.events)
    return (
        '<section id="timeline"><h2 id="timeline-h">Timeline</h2>'
        "<p>Every event on a time axis. Choose the lanes and narrow the events with the filters "
        "(a partner, kind or topic must be ticked for an event to show); select an event to read its "
        "summary, evidence and sources in the list below the chart.</p>"
        f'{filters}<p class="skip"><a href="#events-h">Skip the chart to the list of events</a></p>'
        f'<div class="scroll" tabindex="0" role="region" aria-labelledby="timeline-h">{svgs}</div>'
        '<p class="mark-key">Marks: <span class="key k-summit"></span> summit, '
        '<span class="key k-agreement"></span> agreement or adoption, '
        '<span class="key k-statement"></span> statement, speech or announcement, '
        '<span class="key"></span> any other kind; a bar spans an event known only to the month or year, '
        "or lasting days. Hover or focus a mark for its title.</p>"
        f'<h3 id="events-h">The events</h3><ol class="events">{details}</ol></section>'
    )


def event_article(page: Page, event: Record) -> str:
    actors = ", ".join(esc(page.name(a)) for a in event["all_actors"])
    topics = ", ".join(esc(page.name(t)) for t in event.get("topics") or [])
    attendance = ""
    if event.get("attendance"):
        items = "".join(
            f"<li>{esc(page.name(a['actor']))}: {esc(LEVEL_WORDS.get(a['level'], a['level']))}"
            + (f" ({esc(a['person'])})" if a.get("person") else "")
            + (f" <small>{esc(a['note'])}</small>" if a.get("note") else "")
            + "</li>"
            for a in event["attendance"]
        )
        attendance = f'<ul class="attendance">{items}</ul>'
    correction = (
        f'<p class="correction"><strong>Correction:</strong> {esc(event["correction"])}</p>'
        if event.get("correction")
        else ""
    )
    facts = [f"<strong>Evidence:</strong> {evidence(event['evidence'])}"]
    facts += [f"<strong>Actors:</strong> {actors}"] if actors else []
    facts += [f"<strong>Topics:</strong> {topics}"] if topics else []
    return (
        f'<li id="ev-{esc(event["id"])}" class="event k-{esc(event["kind"])}"{filter_data(page, event)}>'
        f'<details><summary><span class="when">{date_range(event)}</span> '
        f'<span class="title">{esc(event["title"])}</span> <span class="kind">{esc(event["kind"])}</span>'
        "</summary>"
        + (f'<p class="place">{esc(event["place"])}</p>' if event.get("place") else "")
        + (f"<p>{esc(event['summary'])}</p>" if event.get("summary") else "")
        + correction
        + paragraph("Note", event.get("note"), "note")
        + f'<p class="facts">{" · ".join(facts)}</p>'
        + attendance
        + citation_items(page, event.get("sources") or [])
        + "</details></li>"
    )


# --- stances, claims, groupings, sources ---------------------------------------------------------


def stances(page: Page) -> str:
    if not page.stances:
        return '<section id="stances"><h2>Stances</h2><p>No stance matches the filters.</p></section>'
    by_topic: dict[str, list[Record]] = {}
    for stance in page.stances:
        by_topic.setdefault(stance["topic"], []).append(stance)
    blocks = []
    for topic_id, group in by_topic.items():
        group.sort(
            key=lambda s: (
                POSITION_ORDER.index(s["position"]) if s["position"] in POSITION_ORDER else 99,
                s.get("date") or "9999",
            )
        )
        rows = []
        for s in group:
            body = f"<p><q>{esc(s['said'])}</q></p>" if s.get("said") else ""
            body += f"<p><small>{esc(s['occasion'])}</small></p>" if s.get("occasion") else ""
            body += f"<p>{esc(s['summary'])}</p>" if s.get("summary") else ""
            body += paragraph("Note", s.get("note"), "note")
            if s.get("correction"):
                body += f'<p class="correction"><strong>Correction:</strong> {esc(s["correction"])}</p>'
            rows.append(
                f'<tr id="st-{esc(s["id"])}"><th scope="row">{esc(page.name(s["actor"]))}</th>'
                f'<td><span class="pos pos-{esc(s["position"])}">{esc(s["position"])}</span></td>'
                f"<td>{esc(s.get('date') or 'undated')}</td><td>{body}</td>"
                f"<td>{evidence(s['evidence'])}{cites(page, s.get('sources') or [])}</td></tr>"
            )
        topic = page.fb.table("topics").get(topic_id, {})
        blocks.append(
            f"<h3>{esc(page.name(topic_id))}</h3>"
            + (f"<p>{esc(topic['description'])}</p>" if topic.get("description") else "")
            + '<div class="scroll" tabindex="0" role="region" aria-label="Stances">'
            f'<table class="stances"><caption>Positions on {esc(page.name(topic_id))}</caption>'
            '<thead><tr><th scope="col">Actor</th><th scope="col">Position</th><th scope="col">Date</th>'
            '<th scope="col">What was said or done</th><th scope="col">Evidence and sources</th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table></div>"
        )
    return f'<section id="stances"><h2>Stances</h2>{"".join(blocks)}</section>'


def claims(page: Page) -> str:
    if not page.claims:
        return ""
    rows = "".join(
        f'<tr id="cl-{esc(c["id"])}"><td>{esc(c["text"])}</td>'
        f'<td><span class="verdict v-{esc(c["verdict"])}">{esc(c["verdict"].replace("-", " "))}</span></td>'
        f"<td>{esc(c.get('correction') or '')}</td>"
        f"<td>{evidence(c['evidence'])}{cites(page, c.get('sources') or [])}</td></tr>"
        for c in page.claims
    )
    return (
        '<section id="claims"><h2 id="claims-h">The seed interview, checked</h2>'
        "<p>What the 2023 interview the project started from says, and what the sources say instead.</p>"
        '<div class="scroll" tabindex="0" role="region" aria-labelledby="claims-h">'
        '<table class="claims"><caption>Claims, verdicts and corrections</caption>'
        '<thead><tr><th scope="col">Claim</th><th scope="col">Verdict</th><th scope="col">Correction</th>'
        f'<th scope="col">Evidence and sources</th></tr></thead><tbody>{rows}</tbody></table></div></section>'
    )


def groupings(page: Page) -> str:
    if not page.groupings:
        return ""
    rows = "".join(
        f'<tr id="gr-{esc(g["id"])}"><th scope="row">{esc(g["name"])}</th>'
        f"<td>{', '.join(esc(page.name(m)) for m in g['members'])}</td>"
        f"<td>{esc(g.get('founded') or 'not known')}</td>"
        f"<td>{esc(g['nature'])}"
        + (
            f'<p class="correction"><strong>Correction:</strong> {esc(g["correction"])}</p>'
            if g.get("correction")
            else ""
        )
        + f"</td><td>{evidence(g['evidence'])}{cites(page, g.get('sources') or [])}</td></tr>"
        for g in page.groupings
    )
    return (
        '<section id="groupings"><h2 id="groupings-h">Groupings in the region</h2>'
        '<div class="scroll" tabindex="0" role="region" aria-labelledby="groupings-h">'
        '<table class="groupings"><caption>Minilateral groupings</caption>'
        '<thead><tr><th scope="col">Grouping</th><th scope="col">Members</th><th scope="col">Founded</th>'
        f'<th scope="col">What it is</th><th scope="col">Evidence and sources</th></tr></thead><tbody>{rows}'
        "</tbody></table></div></section>"
    )


def source_list(page: Page) -> str:
    items = []
    for source in page.sources:
        who = source.get("publisher") or source.get("author")
        title = esc(source["title"])
        link = href(source["url"]) if source.get("url") else None
        title_html = f'<a href="{link}" rel="noreferrer">{title}</a>' if link else title
        details = [esc(x) for x in (who, source.get("date")) if x]
        details.append(f"{esc(source['kind'])} source")
        if source.get("via"):
            details.append(f"via {esc(source['via'])}")
        if source.get("language"):
            details.append(f"language: {esc(source['language'])}")
        url_text = f'<br><span class="url">{esc(source["url"])}</span>' if source.get("url") else ""
        items.append(
            f'<li id="src-{page.number[source["id"]]}"><cite>{title_html}</cite>. {". ".join(details)}.'
            f"{url_text}</li>"
        )
    return (
        '<section id="sources"><h2>Sources</h2>'
        f"<p>{len(page.sources)} sources; every fact above links to its numbers here.</p>"
        f'<ol class="sources">{"".join(items)}</ol></section>'
    )


def coverage(page: Page) -> str:
    about = page.about
    # events_through is None only when the file states none and has no events
    through = about["events_through"] or "no events"
    gap_items = "".join(f"<li>{esc(gap['text'])}</li>" for gap in about["gaps"])
    gaps_html = (
        f'<p><strong>Known gaps:</strong></p><ul class="gaps">{gap_items}</ul>'
        if gap_items
        else "<p><strong>Known gaps:</strong> none recorded in the fact file.</p>"
    )
    return (
        '<footer id="coverage"><h2>Coverage</h2>'
        f"<p><strong>Sources checked on:</strong> {esc(about['checked_on'])}. "
        f"<strong>Events through:</strong> {esc(through)}.</p>{gaps_html}"
        f"<p>{esc(scope_text(page))} Made with asiapac {esc(__version__)}; "
        "the page is a snapshot of the fact file, not a live view.</p></footer>"
    )


def scope_text(page: Page) -> str:
    as_of = page.about.get("as_of")  # narrowed by --as-of: say to what, and what is left out
    known = f" Only what was known on {as_of['date']} is shown ({as_of['summary']})." if as_of else ""
    return narrowing_text(page) + known


def narrowing_text(page: Page) -> str:
    if not page.filtered:
        return "This page shows the whole fact base."
    parts = []
    if page.topic_ids:
        parts.append("topic " + " or ".join(f"“{page.name(t)}”" for t in page.topic_ids))
    if page.actor_ids:
        parts.append("actor " + " or ".join(f"“{page.name(a)}”" for a in page.actor_ids))
    if page.since:
        parts.append(f"from {page.since}")
    if page.until:
        parts.append(f"until {page.until}")
    return "This page is narrowed to: " + "; ".join(parts) + "."


# --- the page ---------------------------------------------------------------------------------


def csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def content_security_policy() -> str:
    """Nothing but the page's own style and script blocks, identified by their hashes."""
    return (
        f"default-src 'none'; style-src {csp_hash(CSS)}; script-src {csp_hash(SCRIPT)}; "
        "img-src 'none'; base-uri 'none'; form-action 'none'"
    )


def render(page: Page) -> str:
    """The whole page as text."""
    nav = (
        '<nav aria-label="Contents"><ul>'
        '<li><a href="#summits">Summits</a></li><li><a href="#itpps">ITPPs</a></li>'
        '<li><a href="#timeline">Timeline</a></li><li><a href="#stances">Stances</a></li>'
        + ('<li><a href="#claims">Seed claims</a></li>' if page.claims else "")
        + ('<li><a href="#groupings">Groupings</a></li>' if page.groupings else "")
        + '<li><a href="#sources">Sources</a></li><li><a href="#coverage">Coverage</a></li></ul></nav>'
    )
    counted = (
        (page.summits, "summit"),
        (page.itpps, "programme"),
        (page.events, "event"),
        (page.stances, "stance"),
        (page.sources, "source"),
    )
    counts = (
        ", ".join(f"{len(items)} {word}{'' if len(items) == 1 else 's'}" for items, word in counted) + "."
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy()}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="color-scheme" content="light dark">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{esc(TITLE)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f'<header><h1>{esc(TITLE)}</h1><p class="lede">Japan, the Republic of Korea, Australia and New '
        "Zealand in their dealings with NATO, from a curated fact file: every statement links to its "
        f"sources. {esc(scope_text(page))} {counts}</p>{nav}</header>\n<main>\n"
        + summit_matrix(page)
        + "\n"
        + itpp_table(page)
        + "\n"
        + timeline(page)
        + "\n"
        + stances(page)
        + "\n"
        + claims(page)
        + "\n"
        + groupings(page)
        + "\n"
        + source_list(page)
        + "\n</main>\n"
        + coverage(page)
        + f"\n<script>{SCRIPT}</script>\n</body>\n</html>\n"
    )


def briefing(
    fb: FactBase,
    *,
    since: str | None = None,
    until: str | None = None,
    actors: list[str] | None = None,
    topics: list[str] | None = None,
    fact_file: str | None = None,
) -> str:
    """The HTML briefing of the fact base, narrowed like the timeline's filters."""
    return render(Page(fb, since, until, actors, topics, about=about_fact_base(fb, fact_file or "")))


# --- style and script -----------------------------------------------------------------------------

HERE = Path(__file__).parent
# The page's style and script, inlined verbatim (their hashes are in the page's CSP).
CSS = (HERE / "briefing.css").read_text(encoding="utf-8")
SCRIPT = (HERE / "briefing.js").read_text(encoding="utf-8")
