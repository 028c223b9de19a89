"""Text from the fact file is data: never markup, never escape sequences, always quoted."""

from __future__ import annotations

import csv
import io
import json

import pytest
import yaml

from conftest import FIXTURES, run, tty

TITLE = "[red]Alarm[/red] \x1b[31mred\x1b[0m"
SUMMARY = "line one\nline two\twith a tab and a \\ backslash"
PLACE = '=HYPERLINK("https://evil.example")'


@pytest.fixture(autouse=True)
def hostile(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASIAPAC_DATA", str(FIXTURES / "hostile.yaml"))


def test_table_shows_markup_literally_and_neutralises_escapes() -> None:
    result = run("timeline", "-f", "table", env={"ASIAPAC_FORCE_TTY": "200", "NO_COLOR": "1"})
    assert result.exit_code == 0
    assert "[red]Alarm[/red]" in result.stdout
    assert "\\x1b[31mred\\x1b[0m" in result.stdout
    assert "\x1b" not in result.stdout
    names = run("actors", "-f", "table", env={"ASIAPAC_FORCE_TTY": "200"}).stdout
    assert "\u202e" not in names and "Mallory\\u202eesrever" in names


def test_colour_table_still_carries_no_escape_from_the_data() -> None:
    result = tty("sources", width=300)
    assert "[bold]Not bold[/bold]" in result.stdout
    assert "\x1b]8;;" not in result.stdout and "\x1b[2J" not in result.stdout


def test_json_carries_the_text_unchanged() -> None:
    (row,) = json.loads(run("timeline", "-f", "json").stdout)
    assert row["title"] == TITLE and row["summary"] == SUMMARY and row["place"] == PLACE


def test_yaml_and_jsonl_round_trip() -> None:
    (row,) = yaml.safe_load(run("timeline", "-f", "yaml").stdout)
    assert row["title"] == TITLE and row["summary"] == SUMMARY
    (line,) = run("timeline", "-f", "jsonl").stdout.splitlines()
    assert json.loads(line)["summary"] == SUMMARY


def test_csv_quotes_newlines_and_keeps_formulas_byte_exact() -> None:
    rows = list(csv.reader(io.StringIO(run("timeline", "-f", "csv").stdout)))
    header, row = rows
    assert row[header.index("summary")] == SUMMARY
    assert row[header.index("place")] == PLACE


def test_tsv_keeps_one_record_per_line_with_escapes() -> None:
    lines = run("timeline", "-f", "tsv").stdout.splitlines()
    assert len(lines) == 2
    header, row = (line.split("\t") for line in lines)
    assert len(row) == len(header)
    assert row[header.index("summary")] == "line one\\nline two\\twith a tab and a \\\\ backslash"


def test_markdown_escapes_pipes_and_html() -> None:
    result = run("search", "pipe", "-f", "markdown").stdout
    assert "\\|" in result and "<script>" not in result and "&lt;script&gt;" in result


def test_show_as_plain_text_stays_one_field_per_line() -> None:
    lines = run("show", "hostile").stdout.splitlines()
    assert "  summary: line one\\nline two\\twith a tab and a \\\\ backslash" in lines
