"""Properties: a mutated fact file loads or fails with the tool's own error; formats round-trip."""

from __future__ import annotations

import csv
import io
import json
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from asiapac_cli.errors import FactFileInvalid, FactFileUnreadable
from asiapac_cli.facts import load
from asiapac_cli.facts.model import Listing
from asiapac_cli.output.cells import cell_text
from asiapac_cli.output.formats import render_listing
from asiapac_cli.output.terminal import Terminal
from conftest import FIXTURES

VALID = (FIXTURES / "small.yaml").read_text(encoding="utf-8")
LINES = VALID.splitlines(keepends=True)
PIPED = Terminal(is_tty=False, color=False, width=None)


def load_text(text: str) -> object:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "facts.yaml"
        path.write_text(text, encoding="utf-8")
        return load.load(path, use_cache=False)


mutations = st.one_of(
    st.tuples(st.just("delete"), st.integers(0, len(LINES) - 1), st.just("")),
    st.tuples(st.just("duplicate"), st.integers(0, len(LINES) - 1), st.just("")),
    st.tuples(st.just("insert"), st.integers(0, len(VALID)), st.text(min_size=1, max_size=5)),
    st.tuples(st.just("replace-line"), st.integers(0, len(LINES) - 1), st.text(max_size=30)),
)


def mutate(document: str, mutation: tuple[str, int, str]) -> str:
    kind, at, text = mutation
    if kind == "insert":
        at %= len(document) + 1
        return document[:at] + text + document[at:]
    lines = document.splitlines(keepends=True) or [""]
    at %= len(lines)
    if kind == "delete":
        del lines[at]
    elif kind == "duplicate":
        lines.insert(at, lines[at])
    else:
        lines[at] = text + "\n"
    return "".join(lines)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(mutations, min_size=1, max_size=3))
def test_a_mutated_fact_file_loads_or_fails_with_a_located_error(chain: list[tuple[str, int, str]]) -> None:
    text = VALID
    for mutation in chain:
        text = mutate(text, mutation)
    try:
        load_text(text)
    except FactFileInvalid as error:
        assert error.problems
        assert all(p.line >= 1 and p.column >= 1 and p.message for p in error.problems)
    except FactFileUnreadable:
        pass


cell = st.one_of(st.none(), st.text(max_size=20), st.lists(st.text(max_size=8), max_size=3))
rows_strategy = st.lists(st.fixed_dictionaries({"a": cell, "b": cell, "c": cell}), max_size=5)


def listing(rows: list[dict]) -> Listing:
    return Listing(["a", "b", "c"], rows)


def written(fmt: str, rows: list[dict]) -> str:
    out = io.StringIO()
    render_listing(listing(rows), fmt, PIPED, out, wide=False)
    return out.getvalue()


@settings(max_examples=200, deadline=None)
@given(rows_strategy)
def test_json_jsonl_and_yaml_round_trip_exactly(rows: list[dict]) -> None:
    assert json.loads(written("json", rows)) == rows
    assert [json.loads(line) for line in written("jsonl", rows).splitlines()] == rows
    assert (yaml.safe_load(written("yaml", rows)) or []) == rows


@settings(max_examples=200, deadline=None)
@given(rows_strategy)
def test_csv_round_trips_as_cell_text(rows: list[dict]) -> None:
    # Python 3.10's csv reader refuses NUL (its writer did too; ours writes it), so NUL is
    # swapped for a noncharacter on both sides of the comparison.
    text = written("csv", rows).replace("\x00", "\ufffe")
    parsed = list(csv.reader(io.StringIO(text, newline="")))
    assert parsed[0] == ["a", "b", "c"]
    assert parsed[1:] == [[cell_text(row[k]).replace("\x00", "\ufffe") for k in "abc"] for row in rows]


def unescape_tsv(field: str) -> str:
    return re_unescape.sub(lambda m: {"\\\\": "\\", "\\t": "\t", "\\n": "\n", "\\r": "\r"}[m.group()], field)


re_unescape = __import__("re").compile(r"\\[\\tnr]")


@settings(max_examples=200, deadline=None)
@given(rows_strategy)
def test_tsv_is_one_line_per_row_and_unescapes_to_the_cell_text(rows: list[dict]) -> None:
    text = written("tsv", rows)
    lines = text.split("\n")
    assert lines[-1] == "" and len(lines) == len(rows) + 2
    for line, row in zip(lines[1:-1], rows, strict=True):
        assert [unescape_tsv(f) for f in line.split("\t")] == [cell_text(row[k]) for k in "abc"]
