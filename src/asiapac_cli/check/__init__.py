"""`asiapac check`: fact-check a text against the fact base, as a pipeline of small stages.

    split(text) -> [Sentence]                                  sentences.py
    read(Sentence, Gazetteer, Context) -> Reading, Context      reading.py (names: gazetteer.py)
    extract(Reading) -> [Claim]                                 extract.py (claim types: claims.py)
    judge(Claim, Facts) -> Finding                              judges.py
    row(Judged) -> dict                                         report.py

Words about English live in lexicon.py; words about the world in the fact file. It may import
`facts`, `queries`, `errors` and `vocab`; never `output` or `cli`.
"""

from __future__ import annotations

import datetime as dt
import gc
from dataclasses import dataclass, replace

from asiapac_cli.check.dates import When, text_date
from asiapac_cli.check.extract import extract
from asiapac_cli.check.gazetteer import Gazetteer
from asiapac_cli.check.judges import Facts, Finding, judge
from asiapac_cli.check.reading import Context, read
from asiapac_cli.check.report import COLUMNS, JUDGED, Judged, reading_text, row, summary
from asiapac_cli.check.sentences import Skipped, split
from asiapac_cli.facts.base import FactBase
from asiapac_cli.facts.model import Listing


@dataclass(frozen=True)
class Report:
    listing: Listing
    contradicted: bool  # anywhere in the text, whatever the listing shows
    skipped: list[Skipped]
    sentences: int


def check(
    fb: FactBase,
    text: str,
    *,
    min_evidence: str | None,
    show_all: bool,
    verdicts: tuple[str, ...] | None = None,
    markdown: bool = False,
    as_of: dt.date | None = None,
) -> Report:
    """Every sentence of `text` read, its claims judged; rows for the judged ones (every one with
    `show_all`), narrowed to `verdicts` when given.

    The cyclic garbage collector is paused meanwhile: the rows are acyclic, and its full scans
    of a growing list would otherwise make long texts slower per sentence.
    """
    dated = text_date(text)
    read_as_of = f"; read as of {as_of.isoformat()} (--as-of)" if as_of else ""
    whole: FactBase = getattr(fb, "whole", fb)  # a base narrowed by --as-of keeps the whole one
    if as_of is None and dated is not None:
        # A dated text is read against what was on record that day: nothing later contradicts it.
        from asiapac_cli.facts.narrow import narrow

        fb = narrow(fb, dated.lo.isoformat())
        read_as_of = f"; read as of {dated.lo.isoformat()}, the text's date"
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        gazetteer = Gazetteer.build(fb)
        facts = Facts(gazetteer, min_evidence)
        # Read as of a day, a claim is judged again against everything known since: what a later
        # source says that changes the picture is told ("Later reported: ...").
        hindsight = Facts(Gazetteer.build(whole), min_evidence) if whole is not fb else None
        pieces = split(text, markdown)
        # The text's own date, else the day it is read as of (--as-of).
        today = dated or (When(as_of, as_of, as_of.isoformat(), 0, 0, "day") if as_of else None)
        context = Context(as_of=as_of, today=today)
        judged = []
        for sentence in pieces.sentences:
            reading, context = read(sentence, gazetteer, context)
            findings = tuple(later(judge(claim, facts), hindsight) for claim in extract(reading, gazetteer))
            judged.append(Judged(sentence, reading, findings))
        rows = [row(j, facts) for j in judged]
    finally:
        if was_enabled:
            gc.enable()
    title = summary(rows, len(rows)) + read_as_of
    contradicted = any(r["verdict"] == "contradicted" for r in rows)
    shown = [r for r in rows if show_all or r["verdict"] in JUDGED]
    if verdicts is not None:
        shown = [r for r in shown if r["verdict"] in verdicts]
    for r in shown:
        r["at"] = f"{r['line']}:{r['column']}"  # the table's place column; piped formats carry line, column
    listing = Listing(
        COLUMNS,
        shown,
        name="check",
        details={"summary": title},
        empty_message=(
            "no statement the fact base can judge" if verdicts is None else "no sentence with that verdict"
        ),
        text_forms={"reading": reading_text},
    )
    return Report(listing, contradicted, pieces.skipped, len(rows))


def later(finding: Finding, hindsight: Facts | None) -> Finding:
    """The finding, with what the whole base says when that turns a claim that stood then."""
    if hindsight is None or finding.verdict in ("contradicted", "contested"):
        return finding
    now = judge(finding.claim, hindsight)
    if now.verdict in ("contradicted", "contested") and now.base:
        return replace(finding, later=now.base)
    return finding


def contradicted(listing: Listing) -> bool:
    return any(row["verdict"] == "contradicted" for row in listing.rows)
