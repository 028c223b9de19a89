"""The output contract's details a mutation run of output/ found unchecked: JSON's escaped line
separators, YAML's order and text, Markdown's escapes, `show` in every format, the --format
help, when a table is paged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from asiapac_cli.output.pager import should_page
from asiapac_cli.output.terminal import Terminal
from conftest import REPO, run, write_facts

ODD = "Tab\there, a pipe | and <b>&amp;</b>\nsecond line\r\nthird é 日本 \u2028 \u2029 \x85 end"


@pytest.fixture
def odd_facts(facts_file: Path) -> Path:
    text = facts_file.read_text(encoding="utf-8").replace(
        "title: Madrid Summit", "title: " + json.dumps(ODD), 1
    )
    return write_facts(facts_file, text)


def test_json_escapes_every_unicode_line_break_and_keeps_the_rest_as_utf8(odd_facts: Path) -> None:
    for fmt in ("json", "jsonl"):
        out = run("timeline", "--columns", "title", "-f", fmt).stdout
        assert "\u2028" not in out and "\u2029" not in out and "\x85" not in out
        assert "\\u2028" in out and "\\u2029" in out and "\\u0085" in out
        assert "é 日本" in out  # UTF-8, not \\u escapes
        assert ODD in [row["title"] for row in map(json.loads, out.splitlines())] if fmt == "jsonl" else True
    assert ODD in [row["title"] for row in json.loads(run("timeline", "-f", "json").stdout)]


def test_yaml_is_a_list_of_mappings_in_column_order_with_text_as_written(odd_facts: Path) -> None:
    out = run("timeline", "-f", "yaml").stdout
    columns = run("timeline", "-f", "tsv").stdout.splitlines()[0].split("\t")
    rows = yaml.safe_load(out)
    assert [list(row) for row in rows] == [columns] * len(rows)  # not sorted: the TSV header's order
    assert ODD in [row["title"] for row in rows]
    assert "é 日本" in out  # literal, not \\u escapes
    text = odd_facts.read_text(encoding="utf-8")
    long_title = " ".join(["A title of many words"] * 8)
    write_facts(odd_facts, text.replace("title: Macron says the", f"title: {long_title} Macron says the", 1))
    long = run("timeline", "-f", "yaml", "--columns", "title").stdout
    assert (
        f"- title: {long_title} Macron says the Indo-Pacific is not the North Atlantic" in long.splitlines()
    )


def test_markdown_escapes_pipes_html_and_line_breaks(odd_facts: Path) -> None:
    out = run("timeline", "--columns", "id,title", "-f", "markdown").stdout
    lines = out.splitlines()
    assert lines[:2] == ["| id | title |", "|---|---|"]
    # a carriage return is a control: shown as its escape (safe_text.visible), as on a terminal
    cell = "Tab\there, a pipe \\| and &lt;b&gt;&amp;amp;&lt;/b&gt;<br>second line\\x0d<br>third é 日本 \\u2028 \\u2029 \\x85 end"
    assert f"| madrid-summit-2022 | {cell} |" in lines
    assert len(lines) == 2 + len(json.loads(run("timeline", "-f", "json").stdout))


@pytest.mark.parametrize("fmt", ["json", "yaml", "text"])
def test_show_prints_one_document_in_each_format(fmt: str) -> None:
    document = json.loads(run("show", "germany-on-tokyo-office", "-f", "json").stdout)
    out = run("show", "germany-on-tokyo-office", "-f", fmt).stdout
    if fmt == "json":
        assert out == json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    elif fmt == "yaml":
        assert yaml.safe_load(out) == document
    else:
        assert out == run("show", "germany-on-tokyo-office").stdout  # text is the piped default
        assert out.startswith(
            "kind: stance\nid: germany-on-tokyo-office\nrecord:\n  id: germany-on-tokyo-office\n"
        )
        assert "\n  sources:\n    - source: afp-macron-vilnius-2023\n" in out
        assert "\nrelated:\n  stances:\n" not in out
        assert "\n  claims_about:\n" not in out or "    - id: " in out


def test_show_outlines_nested_records_and_lists_indented() -> None:
    out = run("show", "japan", "-f", "text").stdout
    assert out.startswith("kind: actor\nid: japan\nrecord:\n  id: japan\n  name: Japan\n  kind: country\n")
    assert "  aliases: jp; jpn\n" in out  # a flat list on one line
    related = out.split("related:\n", 1)[1]
    assert related.startswith("  itpps:\n    - id: itpp-japan\n      date: 2023-07-12\n")
    assert (
        "  events:\n    - id: madrid-summit-2022\n      date: 2022-06-29\n      title: Madrid Summit\n"
        in related
    )
    assert "\n      sources: nato-madrid-partners-2022\n" in related


def test_show_on_a_terminal_is_the_same_outline_under_a_line_of_counts() -> None:
    # Wide enough that nothing wraps, and Japan cites nothing itself: the piped outline, with
    # what the record is and how much is about it in place of its `kind` and `id` lines.
    text = run("show", "japan", "-f", "text").stdout
    table = run("show", "japan", terminal=Terminal(True, False, 200, 50)).stdout
    assert text.startswith("kind: actor\nid: japan\nrecord:\n")
    assert table == "Japan (actor): 1 ITPP, 2 events\n\n" + text.split("\n", 2)[2]


def test_the_format_help_lists_the_formats_and_the_defaults() -> None:
    def option(command: str) -> str:
        shown = " ".join(run(command, "--help").stdout.split())
        return shown.split("--format FORMAT ", 1)[1].split(" -c, --columns", 1)[0]

    base = "table, tsv, csv, json, jsonl, yaml, markdown"
    assert option("timeline") == (
        f"One of {base}, ics, mermaid. Default: table on a terminal, tsv when piped. "
        "ics: an RFC 5545 calendar; mermaid: a Mermaid timeline diagram."
    )
    assert option("sources") == (
        f"One of {base}, bibtex. Default: table on a terminal, tsv when piped. "
        "bibtex: entries for reference managers."
    )
    assert option("claims") == f"One of {base}. Default: table on a terminal, tsv when piped."


@pytest.mark.parametrize(
    ("lines", "height", "real", "no_pager", "paged"),
    [
        (23, 24, True, False, False),  # fits, with a line left for the prompt
        (24, 24, True, False, True),  # fills the screen: the first line would scroll away
        (100, 24, True, True, False),  # --no-pager
        (100, 24, False, False, False),  # a forced terminal (ASIAPAC_FORCE_TTY) is never paged
    ],
)
def test_a_table_is_paged_only_when_taller_than_a_real_screen(
    lines: int, height: int, real: bool, no_pager: bool, paged: bool
) -> None:
    terminal = Terminal(True, False, 80, height, real=real)
    assert should_page("row\n" * lines, terminal, no_pager) is paged


def test_wide_on_a_narrow_terminal_shows_each_record_as_a_block() -> None:
    out = run("itpp", "japan", "--wide", terminal=Terminal(True, False, 60, 200)).stdout
    blocks = out.split("─[ ")[1:]
    assert len(blocks) == len(json.loads(run("itpp", "japan", "-f", "json").stdout))
    first = blocks[0].splitlines()
    assert first[0].startswith("1 ]─")
    assert first[1].split() == ["partner", "japan"]
    assert REPO.exists()
