"""Pure functions over the fact base: name resolution, filters and listings.

Nothing here reads files or knows output formats; every function returns a Listing (or, for
`show`, a plain document) and raises UsageProblem for a bad argument.
"""

from __future__ import annotations

from typing import Any

from asiapac_cli import model, vocab
from asiapac_cli.errors import NoMatch, UsageProblem
from asiapac_cli.factbase import NAMED_KINDS, FactBase, normalise_name
from asiapac_cli.model import Attendance, Citation, Column, Listing, Record

KIND_WORDS = model.SINGULAR
# The seed interview's misspellings, so searches in its words still find the facts.
SEED_SPELLINGS = {
    "ittp": "itpp",
    "ittps": "itpps",
    "quadruple": "quadrilateral",
    "indian-pacific": "indo-pacific",
    "indian–pacific": "indo-pacific",
    "suspects": "sceptics",
}
MAX_ARGUMENT_LENGTH = 200


# --- names and arguments ---------------------------------------------------------------


def resolve(fb: FactBase, kind: str, name: str) -> str:
    """The id of the `kind` record that `name` means: an id, name or alias in any case, or a
    part of one in whole words when only one record has it ('kishida', 'macron')."""
    typed = check_argument(name, KIND_WORDS[kind])
    return resolve_in(fb.names(kind), typed, KIND_WORDS[kind])


def resolve_in(names: dict[str, str], typed: str, word: str) -> str:
    """`resolve` over one name index (normalised name -> id)."""
    key = normalise_name(typed)
    if key in names:
        return names[key]
    partial = partial_matches(key, names)
    if len(partial) == 1:
        return partial[0]
    if partial:
        raise UsageProblem(f"{typed!r} names more than one {word}{vocab.did_you_mean(sorted(partial))}")
    raise UsageProblem(f"no {word} called {typed!r}{suggest(key, names)}")


def partial_matches(key: str, names: dict[str, str]) -> list[str]:
    """Ids one of whose names holds `key` as whole words: 'kishida' is in 'fumio-kishida'."""
    if len(key) < 3:
        return []
    parts = key.split("-")
    found = []
    for name, record_id in names.items():
        words = name.split("-")
        if any(words[i : i + len(parts)] == parts for i in range(len(words) - len(parts) + 1)):
            found.append(record_id)
    return list(dict.fromkeys(found))


def suggest(key: str, names: dict[str, str]) -> str:
    """'; did you mean ...?' with the ids of the names closest to `key`, or ''."""
    return vocab.did_you_mean([names[c] for c in vocab.closest(key, list(names))])


def check_argument(text: str, what: str) -> str:
    stripped = text.strip()
    if not stripped:
        raise UsageProblem(f"the {what} is empty")
    if len(stripped) > MAX_ARGUMENT_LENGTH:
        raise UsageProblem(f"the {what} is {len(stripped)} characters; at most {MAX_ARGUMENT_LENGTH}")
    return stripped


def parse_date_option(text: str, option: str) -> tuple[str, str]:
    """A --since/--until value as the (first, last) day it covers."""
    problem = model.check_partial_date(text.strip())
    if problem:
        raise UsageProblem(f"{option}: {problem}")
    return model.date_bounds(text.strip())


def found(listing: Listing) -> Listing:
    """The listing, or NoMatch (exit 1) carrying it when it has no rows."""
    if not listing.rows:
        raise NoMatch(listing.empty_message, listing)
    return listing


# --- citations -------------------------------------------------------------------------


def source_ids(record: Record) -> list[str]:
    """Each source a record cites, once (a record may quote one source twice)."""
    return list(dict.fromkeys(c["source"] for c in record.get("sources") or []))


def citation_object(fb: FactBase, citation: Citation) -> dict[str, Any]:
    """One citation as the structured formats give it: the source's details and the quote."""
    source = fb.table("sources").get(citation["source"], {})
    return {
        "source": citation["source"],
        "title": source.get("title"),
        "publisher": source.get("publisher"),
        "author": source.get("author"),
        "date": source.get("date"),
        "url": source.get("url"),
        "quote": citation.get("quote"),
        "locator": citation.get("locator"),
        "title_descriptive": bool(source.get("title_descriptive")),  # the title is ours, not a headline
        "accessed": source.get("accessed"),
    }


def citation_line(cited: dict[str, Any]) -> str:
    """'Title. Publisher, date. URL "quote"': a citation object as one line of text. A title
    written for the fact file is marked '[descriptive title]'; a URL carries its access date."""
    who = cited.get("publisher") or cited.get("author") or ""
    title = cited.get("title") or cited["source"]
    if cited.get("title_descriptive"):
        title += " " + model.DESCRIPTIVE_TITLE_MARK
    parts = [title, ", ".join(p for p in (who, cited.get("date")) if p)]
    if cited.get("url"):
        parts.append(cited["url"] + (f" (accessed {cited['accessed']})" if cited.get("accessed") else ""))
    text = ". ".join(p for p in parts if p)
    if cited.get("quote"):
        text += f' "{cited["quote"]}"'
    return text


def citation_text(fb: FactBase, citation: Citation) -> str:
    """'Title. Publisher, date. URL' for one citation, followed by its quote."""
    return citation_line(citation_object(fb, citation))


def citation_lines(citations: list[dict[str, Any]]) -> list[str]:
    return [citation_line(c) for c in citations]


CITATION_TEXT = {"citations": citation_lines}


def with_citations(fb: FactBase, row: dict[str, Any], record: Record, cite: bool) -> dict[str, Any]:
    row["sources"] = source_ids(record)
    if cite:
        row["citations"] = [citation_object(fb, c) for c in record.get("sources") or []]
    return row


def cited(columns: list[str], cite: bool) -> list[str]:
    return columns + ["citations"] if cite else columns


def cited_table(table: list[Column], cite: bool) -> list[Column]:
    return table + [Column("citations")] if cite else table


# --- timeline ----------------------------------------------------------------------------

TIMELINE_COLUMNS = [
    "date",
    "end",
    "kind",
    "id",
    "title",
    "place",
    "actors",
    "topics",
    "summary",
    "evidence",
    "correction",
    "sources",
]


def timeline(
    fb: FactBase,
    *,
    since: str | None = None,
    until: str | None = None,
    actors: list[str] | None = None,
    kinds: list[str] | None = None,
    topics: list[str] | None = None,
    cite: bool = False,
) -> Listing:
    """Events in date order; filters combine with AND, repeated values of one filter with OR."""
    since_day = parse_date_option(since, "--since")[0] if since else None
    until_day = parse_date_option(until, "--until")[1] if until else None
    if since_day and until_day and since_day > until_day:
        raise UsageProblem(f"--since {since} is after --until {until}: no date is in between")
    actor_ids = {resolve(fb, "actors", a) for a in actors or []}
    topic_ids = {resolve(fb, "topics", t) for t in topics or []}
    kind_set = set(vocab.match_all(kinds, vocab.EVENT_KINDS, "--kind", "event kind"))

    events = fb.events
    positions: list[int] = list(range(len(events)))
    # Each filter reads only its own column (from the cache, only when asked).
    if since_day is not None:
        ends = events.column("hi")
        positions = [i for i in positions if ends[i] >= since_day]
    if until_day is not None:
        starts = events.column("lo")
        positions = [i for i in positions if starts[i] <= until_day]
    if kind_set:
        event_kinds = events.column("kind")
        positions = [i for i in positions if event_kinds[i] in kind_set]
    if actor_ids:
        event_actors = events.column("actors")
        positions = [i for i in positions if not actor_ids.isdisjoint(event_actors[i])]
    if topic_ids:
        event_topics = events.column("topics")
        positions = [i for i in positions if not topic_ids.isdisjoint(event_topics[i])]
    rows = []
    for position, event in zip(positions, fb.events.records(positions), strict=True):
        row = project(event, TIMELINE_COLUMNS)
        row["actors"] = list(events.column("actors")[position])
        row["actor_names"] = [fb.short_name(a) for a in row["actors"]]
        rows.append(with_citations(fb, row, event, cite))
    return found(
        Listing(
            cited(TIMELINE_COLUMNS, cite),
            rows,
            table=cited_table(
                [
                    Column("date"),
                    Column("kind", drop=2),
                    Column("title", flex=3, least=30),
                    Column("actor_names", "actors", flex=1, drop=3, data="actors"),
                    Column("evidence", styled=True, drop=1),
                ],
                cite,
            ),
            notes=[reach_note(fb)],
            empty_message="no events matched",
            text_forms=CITATION_TEXT,
        )
    )


def project(record: Record, columns: list[str]) -> dict[str, Any]:
    return {column: record.get(column) for column in columns}


# --- ITPPs -------------------------------------------------------------------------------

ITPP_OVERVIEW_COLUMNS = [
    "partner",
    "id",
    "title",
    "agreed",
    "period_start",
    "period_end",
    "areas_total",
    "areas_named",
    "predecessor",
    "predecessor_signed",
    "evidence",
    "note",
    "sources",
]
ITPP_AREA_COLUMNS = [
    "partner",
    "itpp",
    "agreed",
    "period_start",
    "period_end",
    "areas_total",
    "area_number",
    "area",
    "sources",
]


def itpp_overview(fb: FactBase, *, cite: bool = False) -> Listing:
    rows = []
    for itpp in fb.table("itpps").values():
        predecessor = itpp.get("predecessor") or {}
        row = project(itpp, ITPP_OVERVIEW_COLUMNS)
        row.update(
            areas_named=len(itpp.get("areas") or []),
            predecessor=predecessor.get("title"),
            predecessor_signed=predecessor.get("signed"),
            partner_name=fb.display_name(itpp["partner"]),
            period=period_of(itpp),
        )
        rows.append(with_citations(fb, row, itpp, cite))
    return found(
        Listing(
            cited(ITPP_OVERVIEW_COLUMNS, cite),
            rows,
            table=cited_table(
                [
                    Column("partner_name", "partner", data="partner"),
                    Column("agreed"),
                    Column("period"),
                    Column("areas_total", "areas"),
                    Column("areas_named", "named"),
                    Column("evidence", styled=True, drop=1),
                    Column("predecessor", "replaced", flex=1, drop=2),
                ],
                cite,
            ),
            title="Individually Tailored Partnership Programmes (ITPPs)",
            text_forms=CITATION_TEXT,
        )
    )


def period_of(itpp: Record) -> str | None:
    """'2023–2026', or None when neither end is known."""
    start, end = itpp.get("period_start"), itpp.get("period_end")
    return f"{start or '?'}–{end or '?'}" if start or end else None


def itpp_for(fb: FactBase, partner: str) -> Record:
    partner_id = resolve(fb, "actors", partner)
    for itpp in fb.table("itpps").values():
        if itpp["partner"] == partner_id:
            return itpp
    with_itpp = ", ".join(i["partner"] for i in fb.table("itpps").values())
    raise UsageProblem(f"{partner_id!r} has no ITPP in the fact file (partners with one: {with_itpp})")


def itpp_areas(fb: FactBase, partner: str, *, cite: bool = False) -> Listing:
    """One row per named area; a programme with no named area gives one row with none."""
    itpp = itpp_for(fb, partner)
    common = project(itpp, ITPP_AREA_COLUMNS)
    common["itpp"] = itpp["id"]
    areas = itpp.get("areas") or []
    rows = []
    for number, area in enumerate(areas, start=1):
        row = {**common, "area_number": number, "area": area["name"]}
        rows.append(with_citations(fb, row, area, cite))
    if not areas:
        rows.append(with_citations(fb, {**common, "area_number": None, "area": None}, itpp, cite))
    for row in rows:
        row["source_names"] = [source_name(fb, s) for s in row["sources"]]
    total = itpp.get("areas_total")
    named = (
        f"{len(areas)} of {total} areas named in the sources"
        if total
        else f"{len(areas)} areas named; the total is not known"
    )
    start, end = itpp.get("period_start"), itpp.get("period_end")
    period = f"{start or '?'} to {end or '?'}" if start or end else "not known"
    predecessor = itpp.get("predecessor") or {}
    notes = [
        f"Agreed: {itpp.get('agreed') or 'date not known'}. Period: {period}. {named}.",
        f"Evidence: {itpp['evidence']}.",
    ]
    if predecessor:
        notes.append(f"Replaced: {predecessor['title']} ({predecessor.get('signed') or 'date not known'}).")
    notes += [f"Note: {itpp['note']}"] if itpp.get("note") else []
    notes += [f"Correction: {itpp['correction']}"] if itpp.get("correction") else []
    return found(
        Listing(
            cited(ITPP_AREA_COLUMNS, cite),
            rows,
            table=cited_table(
                [
                    Column("area_number", "#"),
                    Column("area", flex=3, least=66),
                    Column("source_names", "source", flex=1, drop=1, data="sources"),
                ],
                cite,
            ),
            title=itpp["title"],
            notes=notes,
            text_forms=CITATION_TEXT,
        )
    )


def source_name(fb: FactBase, source_id: str) -> str:
    """Who a source is by, for a person reading a table: its publisher, else its author."""
    source = fb.table("sources").get(source_id, {})
    return str(source.get("publisher") or source.get("author") or source_id)


# --- stances and topics ------------------------------------------------------------------

STANCE_COLUMNS = [
    "topic",
    "actor",
    "actor_name",
    "position",
    "date",
    "said",
    "occasion",
    "summary",
    "evidence",
    "correction",
    "id",
    "sources",
    "note",
    "ally",  # added later: new columns go last, so piped columns keep their place
]


def stances(
    fb: FactBase,
    topic: str,
    *,
    positions: tuple[str, ...] | None = None,
    cite: bool = False,
) -> Listing:
    """Positions on a topic, in date order (undated last); `positions` narrows them."""
    topic_id = resolve(fb, "topics", topic)
    matching = [
        s
        for s in fb.table("stances").values()
        if s["topic"] == topic_id and (positions is None or s["position"] in positions)
    ]
    matching.sort(key=lambda s: (s.get("date") is None, s.get("date") or ""))
    rows = []
    for stance in matching:
        row = project(stance, STANCE_COLUMNS)
        row["actor_name"] = fb.display_name(stance["actor"])
        row["actor_short"] = fb.short_name(stance["actor"])
        rows.append(with_citations(fb, row, stance, cite))
    notes = []
    for stance in matching:
        who = fb.short_name(stance["actor"])
        when = stance.get("date") or "undated"
        if stance.get("ally") is False:  # an outside view, not one of the Allies'
            when += ", not a NATO Ally"
        if stance.get("said"):
            notes.append(f'{who} ({when}): "{stance["said"]}"')
        if stance.get("correction"):
            notes.append(f"Correction ({who}): {stance['correction']}")
    wanted = " or ".join(positions) if positions else "with a position"
    return found(
        Listing(
            cited(STANCE_COLUMNS, cite),
            rows,
            table=cited_table(
                [
                    Column("actor_short", "actor", data="actor"),
                    Column("occasion", "who spoke, where", flex=1, drop=2, least=16),
                    Column("date"),
                    Column("position", styled=True),
                    Column("evidence", styled=True, drop=1),
                ],
                cite,
            ),
            title=fb.display_name(topic_id),
            notes=notes,
            empty_message=f"no actor {wanted} on {topic_id!r} in the fact file",
            text_forms=CITATION_TEXT,
        )
    )


TOPIC_COLUMNS = ["id", "title", "aliases", "stances", "events", "description"]


def topics(fb: FactBase) -> Listing:
    stance_counts: dict[str, int] = {}
    for stance in fb.table("stances").values():
        stance_counts[stance["topic"]] = stance_counts.get(stance["topic"], 0) + 1
    event_counts: dict[str, int] = {}
    for event_topics in fb.events.column("topics"):
        for topic in event_topics:
            event_counts[topic] = event_counts.get(topic, 0) + 1
    rows = [
        {
            **project(t, TOPIC_COLUMNS),
            "stances": stance_counts.get(t["id"], 0),
            "events": event_counts.get(t["id"], 0),
        }
        for t in fb.table("topics").values()
    ]
    with_stances = sum(1 for r in rows if r["stances"])
    return found(
        Listing(
            TOPIC_COLUMNS,
            rows,
            table=[Column("id"), Column("title", flex=1), Column("stances"), Column("events")],
            notes=[
                f"{with_stances} of {len(rows)} topics have stances: "
                "`asiapac stances TOPIC` lists who took which position."
            ],
        )
    )


# --- actors, groupings, summits, sources, claims -------------------------------------------

ACTOR_COLUMNS = ["id", "name", "kind", "role", "country", "aliases"]


def actors(fb: FactBase, *, kind: str | None = None) -> Listing:
    rows = [
        project(a, ACTOR_COLUMNS) for a in fb.table("actors").values() if kind is None or a["kind"] == kind
    ]
    return found(
        Listing(
            ACTOR_COLUMNS,
            rows,
            table=[
                Column("name", flex=2),
                Column("kind"),
                Column("role", flex=2, drop=2),
                Column("aliases", flex=1, drop=1),
            ],
        )
    )


GROUPING_COLUMNS = ["id", "name", "members", "founded", "nature", "evidence", "correction", "sources"]


def groupings(fb: FactBase, *, cite: bool = False) -> Listing:
    rows = []
    for grouping in fb.table("groupings").values():
        row = with_citations(fb, project(grouping, GROUPING_COLUMNS), grouping, cite)
        row["member_names"] = [fb.short_name(m) for m in grouping["members"]]
        rows.append(row)
    return found(
        Listing(
            cited(GROUPING_COLUMNS, cite),
            rows,
            table=cited_table(
                [
                    Column("name", flex=1),
                    Column("member_names", "members", flex=1, drop=2, data="members"),
                    Column("founded", drop=1),
                    Column("nature", flex=2),
                ],
                cite,
            ),
            notes=[
                f"Correction ({g['name']}): {g['correction']}"
                for g in fb.table("groupings").values()
                if g.get("correction")
            ],
            text_forms=CITATION_TEXT,
        )
    )


SUMMIT_COLUMNS = ["date", "end", "id", "title", "place", "partners", "partner_leaders", "evidence", "sources"]
# How a level reads in a table cell: short, since four partners share one line.
LEVEL_WORDS = {"deputy-leader": "deputy", "not-known": "not known"}


def summits(fb: FactBase, *, cite: bool = False) -> Listing:
    """NATO summits (summits NATO takes part in) with how each Indo-Pacific partner took part."""
    events = fb.events
    positions = [
        i
        for i, (kind, actors) in enumerate(zip(events.column("kind"), events.column("actors"), strict=True))
        if kind == "summit" and "nato" in actors
    ]
    rows = []
    # One column per partner: those with an ITPP first, in the file's order, then any other.
    partners: dict[str, None] = dict.fromkeys(i["partner"] for i in fb.table("itpps").values())
    for event in fb.events.records(positions):
        attendance = event.get("attendance") or []
        row = project(event, SUMMIT_COLUMNS)
        row["partners"] = [attendance_object(fb, a) for a in attendance]
        row["partner_leaders"] = sum(1 for a in attendance if a["level"] == "leader")
        row["summit"] = event.get("place") or event["title"]
        for taking_part in attendance:
            partners.setdefault(taking_part["actor"])
            row[f"at:{taking_part['actor']}"] = attendance_cell(taking_part)
        rows.append(with_citations(fb, row, event, cite))
    partners = {p: None for p in partners if any(f"at:{p}" in row for row in rows)}
    for row in rows:
        for partner in partners:
            row.setdefault(f"at:{partner}", "")
    return found(
        Listing(
            cited(SUMMIT_COLUMNS, cite),
            rows,
            table=cited_table(
                [Column("date"), Column("summit", flex=1, drop=1, data="place")]
                + [Column(f"at:{p}", fb.short_name(p)) for p in partners],
                cite,
            ),
            notes=[reach_note(fb)],
            empty_message="no summits in the fact file",
            text_forms={**CITATION_TEXT, "partners": attendance_lines},
        )
    )


def attendance_object(fb: FactBase, taking_part: Attendance) -> dict[str, Any]:
    """How one partner took part, as the structured formats give it."""
    person = taking_part.get("person")
    role = None
    if person:
        actor = fb.get(fb.names("actors").get(normalise_name(person), ""))
        role = actor.get("role") if actor else None
    return {
        "partner": taking_part["actor"],
        "level": taking_part["level"],
        "person": person,
        "role": role,
        "note": taking_part.get("note"),
    }


def attendance_lines(partners: list[dict[str, Any]]) -> list[str]:
    """'japan: leader (Fumio Kishida)' for each partner: the text formats' form."""
    return [
        f"{p['partner']}: {p['level']}" + (f" ({p['person']})" if p.get("person") else "") for p in partners
    ]


def attendance_cell(taking_part: Attendance) -> str:
    """'Kishida (leader)', '—' for absent: one partner at one summit, for a table cell."""
    level = taking_part["level"]
    if level == "absent":
        return "—"
    word = LEVEL_WORDS.get(level, level)
    person = taking_part.get("person")
    return f"{family_name(person, taking_part['actor'])} ({word})" if person else word


def family_name(person: str, country: str) -> str:
    """'Fumio Kishida' -> 'Kishida'; Korean names are written family name first ('Yoon Suk Yeol')."""
    words = person.split()
    return words[0] if country == "republic-of-korea" else words[-1]


SOURCE_COLUMNS = [
    *["id", "title", "publisher", "author", "date", "url", "via", "kind", "language", "cited_by"],
    *["title_descriptive", "accessed"],  # added later, so last: piped columns keep their place
]


def sources(fb: FactBase, source_id: str | None = None) -> Listing:
    """Every source with the records that cite it; or one source."""
    cited_by: dict[str, list[str]] = {}
    for record in all_records(fb):
        for citation in citations_of(record):
            cited_by.setdefault(citation, []).append(record["id"])
    table = fb.table("sources")
    if source_id is not None:
        key = check_argument(source_id, "source id")
        if key not in table:
            raise UsageProblem(f"no source with id {key!r}{suggest(key, {s: s for s in table})}")
        chosen = [table[key]]
    else:
        chosen = list(table.values())
    rows = [
        {
            **project(s, SOURCE_COLUMNS),
            "cited_by": sorted(set(cited_by.get(s["id"], []))),
            "by": s.get("publisher") or s.get("author"),
        }
        for s in chosen
    ]
    return found(
        Listing(
            SOURCE_COLUMNS,
            rows,
            table=[
                Column("title", flex=3, least=30),
                Column("by", "publisher", flex=1, data="publisher"),
                Column("date"),
                Column("kind", drop=1),
            ],
        )
    )


def citation_parts(record: Record) -> list[tuple[str | None, Citation]]:
    """(part, citation) for every citation of a record: its own (part None), then those of
    its ITPP areas ('area 3') and of its predecessor ('predecessor')."""
    parts: list[tuple[str | None, Citation]] = [(None, c) for c in record.get("sources") or []]
    for number, area in enumerate(record.get("areas") or [], start=1):
        parts += [(f"area {number}", c) for c in area.get("sources") or []]
    predecessor = record.get("predecessor") or {}
    parts += [("predecessor", c) for c in predecessor.get("sources") or []]
    return parts


def citations_of(record: Record) -> list[str]:
    """Source ids a record cites, including those of its areas and predecessor."""
    return [citation["source"] for _, citation in citation_parts(record)]


CLAIM_COLUMNS = ["id", "verdict", "text", "correction", "records", "evidence", "sources", "note"]


def claims(fb: FactBase, *, verdict: str | None = None, cite: bool = False) -> Listing:
    rows = [
        with_citations(fb, project(c, CLAIM_COLUMNS), c, cite)
        for c in fb.table("claims").values()
        if verdict is None or c["verdict"] == verdict
    ]
    return found(
        Listing(
            cited(CLAIM_COLUMNS, cite),
            rows,
            table=cited_table(
                [Column("verdict", styled=True), Column("text", "claim", flex=1, least=30)], cite
            ),
            empty_message="no claims matched",
            text_forms=CITATION_TEXT,
        )
    )


def all_records(fb: FactBase) -> list[Record]:
    records: list[Record] = []
    for kind in model.RECORD_KINDS:
        if kind == "events":
            records += list(fb.events)
        elif kind != "sources":
            records += fb.table(kind).values()
    return records


# --- search ------------------------------------------------------------------------------

SEARCH_COLUMNS = ["rank", "kind", "id", "date", "title", "field", "snippet"]
TITLE_FIELDS = ("title", "name", "aliases", "id")
BODY_FIELDS = (
    "summary",
    "said",
    "occasion",
    "nature",
    "text",
    "correction",
    "note",
    "description",
    "place",
    "role",
)


def search(fb: FactBase, text: str) -> Listing:
    """Records whose title, summary, quotes or areas contain every word of `text`.

    Title matches rank above body matches; the seed's spellings (ITTP) also find the facts.
    """
    query = check_argument(text, "search text").casefold()
    alternatives = {query, " ".join(SEED_SPELLINGS.get(w, w) for w in query.split())}
    ranked = []
    for record in all_records(fb):
        best = best_match(record, alternatives)
        if best is not None:
            rank, field, snippet = best
            ranked.append((rank, field, snippet, record))
    ranked.sort(key=lambda item: item[0])
    rows = [
        {
            "rank": rank,
            "kind": KIND_WORDS[fb.kind_of(record["id"]) or "events"],
            "id": record["id"],
            "date": record.get("date") or record.get("agreed") or record.get("founded"),
            "title": record_title(fb, record),
            "field": field,
            "snippet": snippet,
        }
        for rank, field, snippet, record in ranked
    ]
    listing = Listing(
        SEARCH_COLUMNS,
        rows,
        table=[
            Column("kind", drop=3),
            Column("date", drop=2),
            Column("title", flex=2),
            Column("id", drop=4),
            Column("snippet", flex=3, drop=1),
        ],
        empty_message=f"nothing matches {text.strip()!r}{spelling_hint(fb, query)}",
    )
    return found(listing)


def record_title(fb: FactBase, record: Record) -> str | None:
    """What a record is called; a stance, which has no title, as 'France: opposed (topic)'."""
    if "position" in record:
        return f"{fb.short_name(record['actor'])}: {record['position']} ({fb.display_name(record['topic'])})"
    title = record.get("title") or record.get("name") or record.get("text")
    return str(title) if title is not None else None


def spelling_hint(fb: FactBase, query: str) -> str:
    """'; did you mean 'liaison office'?' when a word of the query is no word of the data."""
    if not query:
        return ""
    import re

    vocabulary: set[str] = set()
    for record in all_records(fb):
        for _, value, _ in searchable_fields(record):
            vocabulary.update(re.findall(r"[^\W_]+", value.casefold()))
    words = query.split()
    fixed = []
    for word in words:
        if word in vocabulary or len(word) < 4:
            fixed.append(word)
        else:
            fixed += vocab.closest(word, sorted(vocabulary), n=1) or [word]
    return vocab.did_you_mean([" ".join(fixed)]) if fixed != words else ""


def searchable_fields(record: Record) -> list[tuple[str, str, bool]]:
    """(field, text, is_title) pairs of a record, quotes and areas included."""
    fields = []
    for name in TITLE_FIELDS + BODY_FIELDS:
        value = record.get(name)
        if isinstance(value, list):
            value = " ".join(str(v) for v in value)
        if value:
            fields.append((name, str(value), name in TITLE_FIELDS))
    for citation in record.get("sources") or []:
        if citation.get("quote"):
            fields.append(("quote", citation["quote"], False))
    for area in record.get("areas") or []:
        fields.append(("area", area["name"], False))
    return fields


def best_match(record: Record, alternatives: set[str]) -> tuple[int, str, str] | None:
    """Rank 0: phrase in a title; 1: all words in a title; 2: phrase in the body; 3: all words."""
    best: tuple[int, str, str] | None = None
    for field, value, is_title in searchable_fields(record):
        folded = value.casefold()
        for query in alternatives:
            if query in folded:
                rank = 0 if is_title else 2
            elif all(word in folded for word in query.split()):
                rank = 1 if is_title else 3
            else:
                continue
            if best is None or rank < best[0]:
                best = (rank, field, snippet_of(value, query.split()[0]))
    return best


def snippet_of(text: str, word: str, width: int = 80) -> str:
    flat = " ".join(text.split())
    at = max(flat.casefold().find(word), 0)
    start = max(at - width // 3, 0)
    if start:  # begin at a word, not inside one
        start = flat.find(" ", start) + 1 or start
    snippet = flat[start : start + width]
    return ("…" if start else "") + snippet + ("…" if start + width < len(flat) else "")


# --- show --------------------------------------------------------------------------------

SHOW_ORDER = ("actors", "groupings", "topics", "itpps", "stances", "events", "claims", "sources")


def find(fb: FactBase, name: str, kinds: tuple[str, ...] = SHOW_ORDER) -> list[tuple[str, str]]:
    """(kind, id) of every record `name` names, in `kinds` order: by id, name or alias, else by
    a part of a name that only one record has. A UsageProblem when nothing is named."""
    typed = check_argument(name, "name")
    key = normalise_name(typed)
    hits = [(kind, fb.names(kind)[key]) for kind in kinds if kind != "sources" and key in fb.names(kind)]
    if "sources" in kinds and key in fb.table("sources"):
        hits.append(("sources", key))
    if hits:
        return hits
    every: dict[str, str] = {}
    for kind in kinds:
        every.update(fb.names(kind) if kind != "sources" else {s: s for s in fb.table("sources")})
    # A part of a name means an actor, grouping or topic first ('macron'), then any record's id.
    named: dict[str, str] = {}
    for kind in kinds:
        if kind in NAMED_KINDS:
            named.update(fb.names(kind))
    partial = partial_matches(key, named) or partial_matches(key, every)
    if len(partial) == 1:
        return [(fb.kind_of(partial[0]) or "sources", partial[0])]
    if partial:
        raise UsageProblem(f"{typed!r} names more than one record{vocab.did_you_mean(sorted(partial))}")
    raise UsageProblem(f"nothing called {typed!r}{suggest(key, every)}")


def show(fb: FactBase, name: str) -> dict[str, Any]:
    """Everything about one actor, topic, grouping or record, with its sources expanded."""
    hits = find(fb, name)
    kind, record_id = hits[0]
    record = fb.table("sources")[record_id] if kind == "sources" else fb.get(record_id)
    assert record is not None
    document: dict[str, Any] = {"kind": KIND_WORDS[kind], "id": record_id, "record": record}
    if kind != "sources":
        document["citations"] = [citation_text(fb, c) for c in record.get("sources") or []]
    document["related"] = related(fb, kind, record_id)
    if len(hits) > 1:
        document["also"] = [f"{KIND_WORDS[k]} {i}" for k, i in hits[1:]]
    return document


CITED_KINDS = ("stances", "itpps", "events", "groupings", "claims", "sources")


def cited_record(fb: FactBase, name: str) -> tuple[str, str]:
    """(kind, id) of the record or source `name` names; NoMatch for what carries no citations."""
    kind, record_id = find(fb, name)[0]
    if kind not in CITED_KINDS:
        raise NoMatch(
            f"{record_id!r} is {model.article(KIND_WORDS[kind])}, which cites no source itself; "
            f"`asiapac show {record_id}` lists the records about it, each citable"
        )
    return kind, record_id


def cite_parts(fb: FactBase, name: str) -> list[tuple[str, Citation]]:
    """(label, citation) for every citation of a record, or the one of a source."""
    kind, record_id = cited_record(fb, name)
    if kind == "sources":
        return [("", {"source": record_id})]
    record = fb.get(record_id)
    assert record is not None
    labelled: list[tuple[str, Citation]] = []
    for part, citation in citation_parts(record):
        if part is None:
            label = ""
        elif part == "predecessor":
            label = "Predecessor: "
        else:
            number = int(part.split()[1])
            label = f"Area {number} ({' '.join(record['areas'][number - 1]['name'].split())}): "
        labelled.append((label, citation))
    return labelled


def cite_text(fb: FactBase, name: str) -> str:
    """How to cite a record: one line per citation, each source with its quote."""
    lines = dict.fromkeys(label + citation_text(fb, citation) for label, citation in cite_parts(fb, name))
    return "".join(f"{line}\n" for line in lines)


def cited_sources(fb: FactBase, name: str) -> list[Record]:
    """The sources a record cites (or the one source named), each once, in citation order."""
    ids = dict.fromkeys(citation["source"] for _, citation in cite_parts(fb, name))
    return [fb.table("sources")[s] for s in ids]


def related(fb: FactBase, kind: str, record_id: str) -> dict[str, list[dict[str, Any]]]:
    """Short rows for records that name `record_id`."""

    def brief(record: Record) -> dict[str, Any]:
        return {
            "id": record["id"],
            "date": record.get("date") or record.get("agreed") or record.get("founded"),
            "title": record.get("title") or record.get("name") or record.get("summary") or record.get("text"),
            "position": record.get("position"),
            "actor": record.get("actor"),
            "evidence": record.get("evidence"),
            "sources": list(dict.fromkeys(citations_of(record))),
        }

    def tidy(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [{k: v for k, v in row.items() if v is not None} for row in rows]

    result: dict[str, list[dict[str, Any]]] = {}
    events = fb.events
    if kind == "actors":
        result["itpps"] = [brief(i) for i in fb.table("itpps").values() if i["partner"] == record_id]
        result["stances"] = [brief(s) for s in fb.table("stances").values() if s["actor"] == record_id]
        positions = [i for i, a in enumerate(events.column("actors")) if record_id in a]
        result["events"] = [brief(e) for e in fb.events.records(positions)]
        result["groupings"] = [brief(g) for g in fb.table("groupings").values() if record_id in g["members"]]
        result["claims"] = [brief(c) for c in fb.table("claims").values() if c["by"] == record_id]
    elif kind == "topics":
        result["stances"] = [brief(s) for s in fb.table("stances").values() if s["topic"] == record_id]
        positions = [i for i, t in enumerate(events.column("topics")) if record_id in t]
        result["events"] = [brief(e) for e in fb.events.records(positions)]
    elif kind == "groupings":
        grouping = fb.table("groupings")[record_id]
        ids = grouping.get("events") or []
        result["events"] = [brief(e) for e in (fb.get(i) for i in ids) if e]
    elif kind == "sources":
        result["cited_by"] = [brief(r) for r in all_records(fb) if record_id in citations_of(r)]
    result["claims_about"] = [
        brief(c) for c in fb.table("claims").values() if record_id in (c.get("records") or [])
    ]
    return {k: tidy(v) for k, v in result.items() if v}


# --- the fact base's reach -----------------------------------------------------------------


def reach_note(fb: FactBase) -> str:
    """One line under a terminal listing: the period the events cover and when sources were
    last checked, so a reader knows the list may stop before today."""
    first = fb.events.record(0)["date"] if len(fb.events) else None
    period = f"{first}–{fb.events_through}" if first else "none"
    return f"Events {period}; sources checked {fb.checked_on}; gaps: asiapac about"  # fits 80 columns


def about(fb: FactBase, fact_file: str) -> dict[str, Any]:
    """What the fact base covers: when its sources were checked, the latest date its events
    reach, how many records of each kind it holds, and its known gaps."""
    from asiapac_cli import __version__

    counts = {
        kind: len(fb.events) if kind == "events" else len(fb.table(kind)) for kind in model.RECORD_KINDS
    }
    counts["gaps"] = len(fb.gaps)
    return {
        "checked_on": fb.checked_on,
        "events_through": fb.events_through,
        "counts": counts,
        "gaps": [
            {"id": gap["id"], "text": gap["text"], "records": list(gap.get("records") or [])}
            for gap in fb.gaps
        ],
        "fact_file": fact_file,
        "version": __version__,
    }
