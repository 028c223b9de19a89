"""In-process fuzzing with hypothesis: mutated fact files through the loader and every renderer.

Runs with the suite at a few examples; for a long run:

    ASIAPAC_FUZZ_EXAMPLES=20000 .venv/bin/python -m pytest tests/fuzz -q

The loader may only refuse a file with FactFileInvalid (65) or FactFileUnreadable (66); a file
it accepts must render in every format, every export and every document without an exception,
and what a terminal would show must hold no raw control, bidi or invisible character. It must
also be checked (`check` on docs/draft.txt and on sentences written from its own records: rows
of the four verdicts, a table that is safe on a terminal) and become an HTML page that is one
document with no markup from the data (tests/fuzz/oracle.py). A crash that tests/fuzz/known.py
lists is tolerated until its fix lands.
"""

from __future__ import annotations

import contextlib
import io
import os
import random
import re
from pathlib import Path
from typing import Any

import mutate
import pytest
import texts
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from known import known
from oracle import page_findings, raw_on_terminal

from asiapac_cli import vocab
from asiapac_cli.check import check as check_text
from asiapac_cli.errors import FactFileInvalid, FactFileUnreadable, NoMatch, UsageProblem
from asiapac_cli.exports.bibtex import bibtex
from asiapac_cli.exports.briefing.page import briefing
from asiapac_cli.exports.chart import draw
from asiapac_cli.exports.ics import ics
from asiapac_cli.exports.json import full_json
from asiapac_cli.exports.mermaid import mermaid
from asiapac_cli.exports.sqlite import sqlite
from asiapac_cli.facts import load
from asiapac_cli.output.document import render_document
from asiapac_cli.output.formats import LISTING_FORMATS, render_listing
from asiapac_cli.output.terminal import Terminal
from asiapac_cli.queries.catalog import actors, claims, groupings, sources, topics
from asiapac_cli.queries.citations import how_to_cite, sources_cited_by
from asiapac_cli.queries.itpp import itpp_areas, itpp_overview
from asiapac_cli.queries.search import search
from asiapac_cli.queries.show import show
from asiapac_cli.queries.stances import stances
from asiapac_cli.queries.summits import summits
from asiapac_cli.queries.timeline import timeline

EXAMPLES = int(os.environ.get("ASIAPAC_FUZZ_EXAMPLES", "25"))
BASE = mutate.bundled_document()
DRAFT = mutate.REPO / "docs" / "draft.txt"
PIPE = Terminal(is_tty=False, color=False, width=None)
SCREEN = Terminal(is_tty=True, color=False, width=120)


def listing_of(make: Any) -> Any:
    """A listing query's answer; an empty one (NoMatch) carries its listing too."""
    try:
        return make()
    except NoMatch as nothing:
        return nothing.listing


def listings(fb: Any) -> list[Any]:
    """Every listing the commands can print, for every partner and topic the file names."""
    found = [
        listing_of(lambda: timeline(fb, cite=True)),
        listing_of(lambda: summits(fb, cite=True)),
        listing_of(lambda: itpp_overview(fb, cite=True)),
        listing_of(lambda: topics(fb)),
        listing_of(lambda: actors(fb)),
        listing_of(lambda: groupings(fb, cite=True)),
        listing_of(lambda: sources(fb)),
        listing_of(lambda: claims(fb, cite=True)),
        listing_of(lambda: search(fb, "nato")),
    ]
    for itpp in fb.table("itpps").values():
        found.append(listing_of(lambda itpp=itpp: itpp_areas(fb, itpp["partner"], cite=True)))
    for topic in fb.table("topics"):
        found.append(listing_of(lambda topic=topic: stances(fb, topic, cite=True)))
    return [listing for listing in found if listing is not None]


def render_everything(fb: Any, folder: Path) -> None:
    for listing in listings(fb):
        for fmt in LISTING_FORMATS:
            for wide in (False, True) if fmt == "table" else (False,):
                out = io.StringIO()
                render_listing(listing, fmt, SCREEN if fmt == "table" else PIPE, out, wide=wide)
                if fmt in ("table", "markdown"):
                    assert not raw_on_terminal(out.getvalue()), fmt
    events = listing_of(lambda: timeline(fb, cite=False))
    if events.rows:
        for text in (ics(fb, events), bibtex(fb, sources(fb).rows)):
            assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f]", text.replace("\r\n", "\n"))
        mermaid(events)
        draw(events, 80)
        draw(events, None)
    full_json(fb)
    sqlite(fb, folder / "out.db")
    ids = [*fb.table("actors"), *fb.table("topics"), *fb.table("sources"), *fb.table("claims")]
    ids += list(fb.events.column("ids"))[:5]
    for record_id in ids[:40]:
        with contextlib.suppress(UsageProblem, NoMatch):
            how_to_cite(fb, record_id)
            bibtex(fb, sources_cited_by(fb, record_id))
        try:
            document = show(fb, record_id)
        except (UsageProblem, NoMatch):
            continue
        for fmt in ("json", "yaml", "table", "text"):
            out = io.StringIO()
            render_document(document, fmt, SCREEN if fmt == "table" else PIPE, out)


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=not os.environ.get("ASIAPAC_FUZZ_EXAMPLES"),
)
@given(st.randoms(use_true_random=False), st.integers(min_value=1, max_value=6))
def test_the_loader_and_every_renderer_on_mutated_files(
    tmp_path_factory: pytest.TempPathFactory, rng: random.Random, intensity: int
) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    facts = folder / "facts.yaml"
    facts.write_text(mutate.mutated(BASE, rng, intensity), encoding="utf-8")
    try:
        fb = load.load(facts, use_cache=False)
    except (FactFileInvalid, FactFileUnreadable) as error:
        assert str(error)
        return
    render_everything(fb, folder)


def records_of(fb: Any) -> dict[str, list[Any]]:
    """The fact base's records by kind, as text_from_records reads a fact file."""
    kinds = ("actors", "topics", "itpps", "stances", "groupings", "claims")
    return {**{kind: list(fb.table(kind).values()) for kind in kinds}, "events": list(fb.events)}


def check_and_page(fb: Any) -> list[str]:
    """`check` on the draft and on the file's own sentences, and the HTML page: what is wrong
    (empty: nothing). A crash known.py lists is returned as 'known: ...', not raised."""
    found = []
    for text in (DRAFT.read_text(encoding="utf-8"), texts.text_from_records(records_of(fb))):
        try:
            listing = check_text(fb, text, min_evidence=None, show_all=True).listing
        except Exception as error:  # a crash; known ones are tolerated until fixed
            described = f"{type(error).__name__}: {error}"
            if known("check", described) is None:
                raise
            found.append(f"known: {described}")
            continue
        assert all(row["verdict"] in vocab.CHECK_VERDICTS and row["line"] >= 1 for row in listing.rows)
        out = io.StringIO()
        render_listing(listing, "table", SCREEN, out, wide=False)
        assert not raw_on_terminal(out.getvalue())
    assert page_findings(briefing(fb, fact_file="facts.yaml")) == []
    return found


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=not os.environ.get("ASIAPAC_FUZZ_EXAMPLES"),
)
@given(st.randoms(use_true_random=False), st.integers(min_value=1, max_value=6))
def test_check_and_the_html_page_on_mutated_files(
    tmp_path_factory: pytest.TempPathFactory, rng: random.Random, intensity: int
) -> None:
    facts = tmp_path_factory.mktemp("fuzz") / "facts.yaml"
    facts.write_text(mutate.mutated(BASE, rng, intensity), encoding="utf-8")
    try:
        fb = load.load(facts, use_cache=False)
    except (FactFileInvalid, FactFileUnreadable):
        return
    check_and_page(fb)


def test_the_check_target_carries_a_records_values_into_the_text(tmp_path: Path) -> None:
    """The sentences written from a file's records hold its hostile values, so the checker meets
    them: here a period ending at month precision (issue 18's crash) and a 600-character alias."""
    document = mutate.bundled_document()
    document["itpps"][0]["period_end"] = "2026-06"
    document["actors"][0]["aliases"].append("x" * 600)
    facts = tmp_path / "facts.yaml"
    facts.write_text(mutate.dump(document), encoding="utf-8")
    fb = load.load(facts, use_cache=False)
    text = texts.text_from_records(records_of(fb))
    assert "to 2026-06." in text and "x" * 600 in text
    assert all(line.startswith("known: ") for line in check_and_page(fb))


@settings(max_examples=EXAMPLES * 4, deadline=None, derandomize=not os.environ.get("ASIAPAC_FUZZ_EXAMPLES"))
@given(st.text())
def test_any_text_is_a_fact_file_or_a_located_problem(
    tmp_path_factory: pytest.TempPathFactory, text: str
) -> None:
    facts = tmp_path_factory.mktemp("text") / "facts.yaml"
    facts.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        load.load(facts, use_cache=False)
    except FactFileInvalid as error:
        assert error.problems and all(p.line >= 1 and p.column >= 1 for p in error.problems)
    except FactFileUnreadable:
        pass


def test_the_fuzzers_unmutated_base_is_a_valid_fact_file(tmp_path: Path) -> None:
    """The mutations start from a valid file; otherwise every case would stop at the loader
    and no renderer would ever be fuzzed (as happened once when the file gained booleans)."""
    base = tmp_path / "base.yaml"
    base.write_text(mutate.dump(mutate.bundled_document()), encoding="utf-8")
    assert len(load.load(base, use_cache=False).events) > 0


def test_most_mutated_files_the_fuzzer_makes_are_still_valid(tmp_path: Path) -> None:
    """Half the cases change only free text and dates, so many files stay valid and reach the
    renderers; if almost none do, the fuzzer is only testing the loader."""
    base = mutate.bundled_document()
    valid = 0
    for number in range(20):
        case = tmp_path / f"case-{number}.yaml"
        case.write_text(mutate.mutated(base, random.Random(number)), encoding="utf-8")
        with contextlib.suppress(FactFileInvalid, FactFileUnreadable):
            load.load(case, use_cache=False)
            valid += 1
    assert valid >= 4, f"only {valid} of 20 mutated files are valid"
