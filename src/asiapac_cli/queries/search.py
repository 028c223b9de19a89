"""`search`: records whose titles, summaries, quotes or areas hold every word; title matches first."""

from __future__ import annotations

from asiapac_cli import vocab
from asiapac_cli.facts.base import FactBase
from asiapac_cli.facts.model import Listing, Record
from asiapac_cli.facts.names import (
    KIND_WORDS,
    check_argument,
)
from asiapac_cli.queries.catalog import all_records
from asiapac_cli.queries.rows import or_no_match

# The seed interview's misspellings, so searches in its words still find the facts.
SEED_SPELLINGS = {
    "ittp": "itpp",
    "ittps": "itpps",
    "quadruple": "quadrilateral",
    "indian-pacific": "indo-pacific",
    "indian–pacific": "indo-pacific",
    "suspects": "sceptics",
}


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
    # the query as typed, then in the fact file's spelling, in that order: the same output on every run
    respelled = " ".join(SEED_SPELLINGS.get(w, w) for w in query.split())
    alternatives = tuple(dict.fromkeys((query, respelled)))
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
    listing = Listing(SEARCH_COLUMNS, rows, name="search")
    if not rows:  # the hint reads every record's words: only worth it when nothing matched
        listing.empty_message = f"nothing matches {text.strip()!r}{spelling_hint(fb, query)}"
    return or_no_match(listing)


def record_title(fb: FactBase, record: Record) -> str:
    """What a record is called; a stance, which has no title, as 'France: opposed (topic)'. Every
    other kind the search reads has a title, a name (actors, groupings) or a text (claims)."""
    if "position" in record:
        return f"{fb.short_name(record['actor'])}: {record['position']} ({fb.display_name(record['topic'])})"
    return str(record.get("title") or record.get("name") or record["text"])


def spelling_hint(fb: FactBase, query: str) -> str:
    """'; did you mean 'liaison office'?' when a word of the query is no word of the data."""
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


def best_match(record: Record, alternatives: tuple[str, ...]) -> tuple[int, str, str] | None:
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
