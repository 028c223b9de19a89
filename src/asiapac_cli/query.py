"""Pure functions over the fact base: name resolution, filters and listings.

Nothing here reads files or knows output formats; every function returns a Listing (or, for
`show`, a plain document) and raises UsageProblem for a bad argument.
"""

from __future__ import annotations

from typing import Any

from asiapac_cli import model
from asiapac_cli.errors import UsageProblem
from asiapac_cli.factbase import FactBase, normalise_name
from asiapac_cli.model import Listing, Record

KIND_WORDS = {
    "actors": "actor",
    "topics": "topic",
    "groupings": "grouping",
    "sources": "source",
    "events": "event",
    "itpps": "ITPP",
    "stances": "stance",
    "claims": "claim",
}
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
SUPPORTING_POSITIONS = ("proposed", "supported")


# --- names and arguments ---------------------------------------------------------------


def resolve(fb: FactBase, kind: str, name: str) -> str:
    """The id of the `kind` record that `name` (an id, name or alias) means."""
    typed = check_argument(name, KIND_WORDS[kind])
    names = fb.names(kind)
    key = normalise_name(typed)
    if key in names:
        return names[key]
    raise UsageProblem(f"no {KIND_WORDS[kind]} called {typed!r}{suggest(key, names)}")


def suggest(key: str, names: dict[str, str]) -> str:
    import difflib  # only on the error path: it costs start-up time

    close = difflib.get_close_matches(key, list(names), n=3, cutoff=0.6)
    ids = list(dict.fromkeys(names[c] for c in close))
    if not ids:
        return ""
    return "; did you mean " + " or ".join(repr(i) for i in ids) + "?"


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


# --- citations -------------------------------------------------------------------------


def source_ids(record: Record) -> list[str]:
    """Each source a record cites, once (a record may quote one source twice)."""
    return list(dict.fromkeys(c["source"] for c in record.get("sources") or []))


def citation_text(fb: FactBase, citation: dict[str, Any]) -> str:
    """'Title. Publisher, date. URL' for one citation, followed by its quote."""
    source = fb.table("sources").get(citation["source"], {})
    who = source.get("publisher") or source.get("author") or ""
    parts = [source.get("title", citation["source"]), ", ".join(p for p in (who, source.get("date")) if p)]
    if source.get("url"):
        parts.append(source["url"])
    text = ". ".join(p for p in parts if p)
    if citation.get("quote"):
        text += f' "{citation["quote"]}"'
    return text


def with_citations(fb: FactBase, row: dict[str, Any], record: Record, cite: bool) -> dict[str, Any]:
    row["sources"] = source_ids(record)
    # A terminal table shows the first source and how many more; machine formats list all.
    extra = len(row["sources"]) - 1
    row["source"] = row["sources"][0] + (f" (+{extra})" if extra > 0 else "") if row["sources"] else None
    if cite:
        row["citations"] = [citation_text(fb, c) for c in record.get("sources") or []]
    return row


def cited(columns: list[str], cite: bool) -> list[str]:
    return columns + ["citations"] if cite else columns


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
    actor_ids = {resolve(fb, "actors", a) for a in actors or []}
    topic_ids = {resolve(fb, "topics", t) for t in topics or []}
    kind_set = set()
    for kind in kinds or []:
        if kind not in model.EVENT_KINDS:
            import difflib

            hint = difflib.get_close_matches(kind, model.EVENT_KINDS, n=1)
            raise UsageProblem(
                f"--kind: no event kind {kind!r}"
                + (f"; did you mean {hint[0]!r}?" if hint else "")
                + f" (kinds: {', '.join(model.EVENT_KINDS)})"
            )
        kind_set.add(kind)

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
        rows.append(with_citations(fb, row, event, cite))
    return Listing(
        cited(TIMELINE_COLUMNS, cite),
        rows,
        table_columns=cited(["date", "kind", "title", "actors", "evidence", "source"], cite),
        empty_message="no events matched",
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


def itpp_overview(fb: FactBase, cite: bool = False) -> Listing:
    rows = []
    for itpp in fb.table("itpps").values():
        predecessor = itpp.get("predecessor") or {}
        row = project(itpp, ITPP_OVERVIEW_COLUMNS)
        row.update(
            areas_named=len(itpp.get("areas") or []),
            predecessor=predecessor.get("title"),
            predecessor_signed=predecessor.get("signed"),
        )
        rows.append(with_citations(fb, row, itpp, cite))
    return Listing(
        cited(ITPP_OVERVIEW_COLUMNS, cite),
        rows,
        table_columns=cited(
            ["partner", "agreed", "period_start", "period_end", "areas_total", "areas_named", "predecessor"],
            cite,
        ),
        title="Individually Tailored Partnership Programmes (ITPPs)",
    )


def itpp_for(fb: FactBase, partner: str) -> Record:
    partner_id = resolve(fb, "actors", partner)
    for itpp in fb.table("itpps").values():
        if itpp["partner"] == partner_id:
            return itpp
    with_itpp = ", ".join(i["partner"] for i in fb.table("itpps").values())
    raise UsageProblem(f"{partner_id!r} has no ITPP in the fact file (partners with one: {with_itpp})")


def itpp_areas(fb: FactBase, partner: str, cite: bool = False) -> Listing:
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
    return Listing(
        cited(ITPP_AREA_COLUMNS, cite),
        rows,
        table_columns=cited(["area_number", "area", "source"], cite),
        title=itpp["title"],
        notes=notes,
    )


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
]


def stances(
    fb: FactBase,
    topic: str,
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
        rows.append(with_citations(fb, row, stance, cite))
    wanted = " or ".join(positions) if positions else "with a position"
    return Listing(
        cited(STANCE_COLUMNS, cite),
        rows,
        table_columns=cited(["actor_name", "position", "date", "said", "evidence", "source"], cite),
        title=fb.display_name(topic_id),
        notes=[f"Correction ({s['actor']}): {s['correction']}" for s in matching if s.get("correction")],
        empty_message=f"no actor {wanted} on {topic_id!r} in the fact file",
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
    return Listing(TOPIC_COLUMNS, rows, table_columns=["id", "title", "stances", "events"])


# --- actors, groupings, summits, sources, claims -------------------------------------------

ACTOR_COLUMNS = ["id", "name", "kind", "role", "country", "aliases"]


def actors(fb: FactBase, kind: str | None = None) -> Listing:
    if kind is not None and kind not in model.ACTOR_KINDS:
        raise UsageProblem(f"--kind: expected one of {', '.join(model.ACTOR_KINDS)}, got {kind!r}")
    rows = [
        project(a, ACTOR_COLUMNS) for a in fb.table("actors").values() if kind is None or a["kind"] == kind
    ]
    return Listing(ACTOR_COLUMNS, rows)


GROUPING_COLUMNS = ["id", "name", "members", "founded", "nature", "evidence", "correction", "sources"]


def groupings(fb: FactBase, cite: bool = False) -> Listing:
    rows = [with_citations(fb, project(g, GROUPING_COLUMNS), g, cite) for g in fb.table("groupings").values()]
    return Listing(
        cited(GROUPING_COLUMNS, cite),
        rows,
        table_columns=cited(["name", "members", "founded", "nature"], cite),
        notes=[
            f"Correction ({g['id']}): {g['correction']}"
            for g in fb.table("groupings").values()
            if g.get("correction")
        ],
    )


SUMMIT_COLUMNS = ["date", "end", "id", "title", "place", "partners", "partner_leaders", "evidence", "sources"]


def summits(fb: FactBase, cite: bool = False) -> Listing:
    """NATO summits (summits NATO takes part in) with how each Indo-Pacific partner took part."""
    events = fb.events
    positions = [
        i
        for i, (kind, actors) in enumerate(zip(events.column("kind"), events.column("actors"), strict=True))
        if kind == "summit" and "nato" in actors
    ]
    rows = []
    for event in fb.events.records(positions):
        attendance = event.get("attendance") or []
        row = project(event, SUMMIT_COLUMNS)
        row["partners"] = [
            f"{a['actor']}: {a['level']}" + (f" ({a['person']})" if a.get("person") else "")
            for a in attendance
        ]
        row["partner_leaders"] = sum(1 for a in attendance if a["level"] == "leader")
        rows.append(with_citations(fb, row, event, cite))
    return Listing(
        cited(SUMMIT_COLUMNS, cite),
        rows,
        table_columns=cited(["date", "end", "place", "partners"], cite),
        empty_message="no summits in the fact file",
    )


SOURCE_COLUMNS = ["id", "title", "publisher", "author", "date", "url", "via", "kind", "language", "cited_by"]


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
        {**project(s, SOURCE_COLUMNS), "cited_by": sorted(set(cited_by.get(s["id"], [])))} for s in chosen
    ]
    return Listing(SOURCE_COLUMNS, rows, table_columns=["id", "title", "publisher", "date", "kind"])


def citation_parts(record: Record) -> list[tuple[str | None, dict[str, Any]]]:
    """(part, citation) for every citation of a record: its own (part None), then those of
    its ITPP areas ('area 3') and of its predecessor ('predecessor')."""
    parts: list[tuple[str | None, dict[str, Any]]] = [(None, c) for c in record.get("sources") or []]
    for number, area in enumerate(record.get("areas") or [], start=1):
        parts += [(f"area {number}", c) for c in area.get("sources") or []]
    predecessor = record.get("predecessor") or {}
    parts += [("predecessor", c) for c in predecessor.get("sources") or []]
    return parts


def citations_of(record: Record) -> list[str]:
    """Source ids a record cites, including those of its areas and predecessor."""
    return [citation["source"] for _, citation in citation_parts(record)]


CLAIM_COLUMNS = ["id", "verdict", "text", "correction", "records", "evidence", "sources"]


def claims(fb: FactBase, verdict: str | None = None, cite: bool = False) -> Listing:
    if verdict is not None and verdict not in model.VERDICTS:
        raise UsageProblem(f"--verdict: expected one of {', '.join(model.VERDICTS)}, got {verdict!r}")
    rows = [
        with_citations(fb, project(c, CLAIM_COLUMNS), c, cite)
        for c in fb.table("claims").values()
        if verdict is None or c["verdict"] == verdict
    ]
    return Listing(
        cited(CLAIM_COLUMNS, cite),
        rows,
        table_columns=cited(["id", "verdict", "text", "correction"], cite),
        empty_message="no claims matched",
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
            "title": record.get("title") or record.get("name") or record.get("text"),
            "field": field,
            "snippet": snippet,
        }
        for rank, field, snippet, record in ranked
    ]
    return Listing(
        SEARCH_COLUMNS,
        rows,
        table_columns=["kind", "id", "date", "title", "field", "snippet"],
        empty_message=f"nothing matches {text.strip()!r}",
    )


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


def show(fb: FactBase, name: str) -> dict[str, Any]:
    """Everything about one actor, topic, grouping or record, with its sources expanded."""
    typed = check_argument(name, "name")
    key = normalise_name(typed)
    found = [(kind, fb.names(kind)[key]) for kind in SHOW_ORDER if key in fb.names(kind)]
    if key in fb.table("sources"):
        found.append(("sources", key))
    if not found:
        every: dict[str, str] = {}
        for kind in SHOW_ORDER:
            every.update(fb.names(kind))
        raise UsageProblem(f"nothing called {typed!r}{suggest(key, every)}")
    kind, record_id = found[0]
    record = fb.table("sources")[record_id] if kind == "sources" else fb.get(record_id)
    assert record is not None
    document: dict[str, Any] = {"kind": KIND_WORDS[kind], "id": record_id, "record": record}
    if kind != "sources":
        document["citations"] = [citation_text(fb, c) for c in record.get("sources") or []]
    document["related"] = related(fb, kind, record_id)
    if len(found) > 1:
        document["also"] = [f"{KIND_WORDS[k]} {i}" for k, i in found[1:]]
    return document


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
