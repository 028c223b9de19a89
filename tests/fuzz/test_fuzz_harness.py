"""In-process fuzzing with hypothesis: mutated fact files through the loader and every renderer.

Runs with the suite at a few examples; for a long run:

    ASIAPAC_FUZZ_EXAMPLES=20000 .venv/bin/python -m pytest tests/fuzz -q

The loader may only refuse a file with FactFileInvalid (65) or FactFileUnreadable (66); a file
it accepts must render in every format, every export and every document without an exception,
and what a terminal would show must hold no raw control, bidi or invisible character.
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
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from asiapac_cli.errors import FactFileInvalid, FactFileUnreadable, NoMatch, UsageProblem
from asiapac_cli.exports.bibtex import bibtex
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
RAW = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\xad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\U000e0000-\U000e007f]"
)
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
                    assert not RAW.search(out.getvalue()), fmt
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
