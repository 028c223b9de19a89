"""The output contract: tables on a terminal, exact plain text when piped, every format."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import yaml

from conftest import REPO, run, tty

ESC = "\x1b"
# Every listing command, with an argument where it needs one.
LISTINGS = [
    ["timeline"],
    ["summits"],
    ["itpp"],
    ["itpp", "japan"],
    ["stances", "tokyo-office"],
    ["who-opposed", "tokyo-office"],
    ["claims"],
    ["sources"],
    ["actors"],
    ["topics"],
    ["groupings"],
    ["search", "japan"],
]

TIMELINE_TSV = (
    "date\tend\tkind\tid\ttitle\tplace\tactors\ttopics\tsummary\tevidence\tcorrection\tsources\n"
    "2022-06-29\t2022-06-30\tsummit\tmadrid-summit-2022\tMadrid Summit\tMadrid\tnato; japan\t\t\t"
    "well-documented\t\tnato-madrid-partners-2022\n"
    "2023-07-12\t\tstatement\tvilnius-macron\tMacron says the Indo-Pacific is not the North Atlantic\t"
    "Vilnius\tfrance\ttokyo-office\t\twell-documented\t\tafp-macron-vilnius-2023\n"
    "2023-07-12\t\tagreement\titpp-japan-agreed\tNATO and Japan agree their ITPP\t\tnato; japan\t\t\t"
    "well-documented\t\tnato-itpp-japan-2023\n"
)


def test_timeline_piped_is_exact_tsv_in_date_order() -> None:
    result = run("timeline")
    assert result.exit_code == 0
    assert result.stdout == TIMELINE_TSV


def test_timeline_on_a_terminal_is_a_table_of_names() -> None:
    result = run("timeline", env={"ASIAPAC_FORCE_TTY": "120", "NO_COLOR": "1"})
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].strip() == "Events, newest first"
    assert lines[1].split() == ["date", "id", "kind", "title", "actors", "ev"] and set(lines[2]) == {"─"}
    assert "Madrid Summit" in result.stdout
    # Names where a person reads: Japan attended Madrid, so attendance counts as an actor.
    assert "NATO; Japan" in result.stdout and "nato; japan" not in result.stdout


def test_no_color_removes_every_escape_code_but_keeps_the_table() -> None:
    colored = tty("timeline")
    assert ESC in colored.stdout
    for result in (
        run("timeline", env={"ASIAPAC_FORCE_TTY": "100", "NO_COLOR": "1"}),
        tty("timeline", "--no-color"),
        run("timeline", env={"ASIAPAC_FORCE_TTY": "100", "TERM": "dumb"}),
    ):
        assert ESC not in result.stdout
        assert "─" in result.stdout


def test_force_color_does_not_make_a_pipe_a_terminal() -> None:
    # Rich treats any FORCE_COLOR, even 0, as a terminal; the tool decides from stdout alone.
    for value in ("0", "1"):
        result = run("timeline", env={"FORCE_COLOR": value})
        assert result.stdout == TIMELINE_TSV


def test_piped_output_is_never_wrapped_or_truncated() -> None:
    result = run("timeline", env={"COLUMNS": "20"})
    assert result.stdout == TIMELINE_TSV


def test_itpp_pair_terminal_and_piped() -> None:
    piped = run("itpp", "japan")
    assert piped.stdout == (
        "partner\titpp\tagreed\tperiod_start\tperiod_end\tareas_total\tarea_number\tarea\tsources\tstatus\n"
        "japan\titpp-japan\t2023-07-12\t2023\t2026\t16\t1\tcyber defence\tnato-itpp-japan-2023\tagreed\n"
        "japan\titpp-japan\t2023-07-12\t2023\t2026\t16\t2\tmaritime security\tnato-itpp-japan-2023\tagreed\n"
    )
    table = tty("itpp", "japan", width=120)
    assert "cyber defence" in table.stdout
    assert "2 of 16 areas named in the sources" in table.stdout
    assert "Agreed: 2023-07-12" in table.stdout


def test_who_opposed_pair_terminal_and_piped() -> None:
    piped = run("who-opposed", "tokyo-office")
    assert piped.stdout == (
        "topic\tactor\tactor_name\tposition\tdate\tsaid\toccasion\tsummary\tevidence\tcorrection\tid\tsources\tnote\tally\n"
        "tokyo-office\tfrance\tFrance\topposed\t2023-07-12\tThe Indo-Pacific is not the North Atlantic\t\t\t"
        "well-documented\t\tfrance-opposes-tokyo-office\tafp-macron-vilnius-2023\t\ttrue\n"
    )
    table = run("who-opposed", "tokyo-office", env={"ASIAPAC_FORCE_TTY": "80", "NO_COLOR": "1"}).stdout
    lines = table.splitlines()
    assert lines[1].split() == ["actor", "date", "position", "evidence"]
    assert lines[3].split() == ["France", "2023-07-12", "opposed", "well-documented"]
    assert "Germany" not in table
    # The quote in full below the table.
    assert 'France (2023-07-12): "The Indo-Pacific is not the North Atlantic"' in table


# The small fixture has no claims or groupings: those two would print nothing.
@pytest.mark.parametrize("command", [c for c in LISTINGS if c[0] not in ("claims", "groupings")])
def test_every_listing_parses_in_every_machine_format(command: list[str]) -> None:
    tsv = run(*command, "--format", "tsv")
    assert tsv.exit_code == 0, tsv.stderr
    header, *lines = tsv.stdout.splitlines()
    columns = header.split("\t")
    assert all(len(line.split("\t")) == len(columns) for line in lines)

    as_json = json.loads(run(*command, "-f", "json").stdout)
    assert isinstance(as_json, list) and len(as_json) == len(lines)
    assert all(list(row) == columns for row in as_json)

    jsonl = [json.loads(line) for line in run(*command, "-f", "jsonl").stdout.splitlines()]
    assert jsonl == as_json

    assert yaml.safe_load(run(*command, "-f", "yaml").stdout) == as_json

    rows = list(csv.reader(io.StringIO(run(*command, "-f", "csv").stdout)))
    assert rows[0] == columns and len(rows) == len(lines) + 1

    markdown = run(*command, "-f", "markdown").stdout.splitlines()
    assert markdown[0] == "| " + " | ".join(columns) + " |"
    assert len(markdown) == len(lines) + 2

    for fmt in ("tsv", "csv", "json", "jsonl", "yaml", "markdown"):
        assert ESC not in run(*command, "-f", fmt, env={"ASIAPAC_FORCE_TTY": "1"}).stdout


def test_csv_ends_lines_with_lf_not_crlf() -> None:
    result = run("timeline", "-f", "csv")
    assert b"\r" not in result.stdout_bytes
    assert result.stdout_bytes.startswith(b"date,end,kind,id,title,")


def test_json_dates_are_iso_strings_and_keys_snake_case() -> None:
    rows = json.loads(run("timeline", "-f", "json").stdout)
    assert rows[0]["date"] == "2022-06-29" and rows[0]["end"] == "2022-06-30"
    assert all(key == key.lower() and " " not in key and "-" not in key for key in rows[0])


def test_an_explicit_format_beats_terminal_detection() -> None:
    assert tty("timeline", "-f", "tsv").stdout == TIMELINE_TSV
    assert "───" in run("timeline", "-f", "table").stdout


def test_unknown_format_is_a_usage_error() -> None:
    result = run("timeline", "-f", "xml")
    assert result.exit_code == 2
    assert "xml" in result.stderr


def test_cite_adds_the_full_citation_as_objects_in_json_and_text_in_tsv() -> None:
    rows = json.loads(run("who-opposed", "tokyo-office", "--cite", "-f", "json").stdout)
    assert rows[0]["citations"] == [
        {
            "source": "afp-macron-vilnius-2023",
            "title": "Macron says NATO office in Japan would be a mistake",
            "publisher": "AFP",
            "author": None,
            "date": "2023-07-12",
            "url": "https://taiwannews.com.tw/news/4943221",
            "quote": None,
            "locator": None,
            "title_descriptive": False,
            "accessed": None,
        }
    ]
    tsv = run("who-opposed", "tokyo-office", "--cite").stdout.splitlines()
    assert tsv[0].endswith("\tcitations")
    assert tsv[1].endswith(
        "\tMacron says NATO office in Japan would be a mistake. AFP, 2023-07-12. "
        "https://taiwannews.com.tw/news/4943221"
    )


def test_empty_result_exits_1_with_empty_structures() -> None:
    result = run("timeline", "--since", "2090", "-f", "json")
    assert result.exit_code == 1
    assert json.loads(result.stdout) == []
    csv_result = run("timeline", "--since", "2090", "-f", "csv")
    assert csv_result.exit_code == 1 and csv_result.stdout.startswith("date,end,")
    table = tty("timeline", "--since", "2090")
    assert table.exit_code == 1 and table.stdout == "" and "no events matched" in table.stderr


@pytest.mark.parametrize("command", LISTINGS)
def test_every_listing_command_offers_every_listing_format(command: list[str]) -> None:
    from asiapac_cli.output.formats import LISTING_FORMATS

    for fmt in LISTING_FORMATS:
        result = run(*command, "-f", fmt.upper() if fmt == "json" else fmt)
        assert result.exit_code in (0, 1), (command, fmt, result.stderr)
    assert (
        "one of table, tsv, csv, json, jsonl, yaml, markdown"
        in " ".join(run(*command, "--help").stdout.split()).lower()
    )


# --- what a mutation run showed untested ----------------------------------------------------------


def test_json_is_utf8_indented_and_escapes_unicode_line_separators(facts_file: Path) -> None:
    text = facts_file.read_text().replace("title: Madrid Summit", 'title: "Madrid Summit é\\u2028next"')
    facts_file.write_text(text)
    out = run("timeline", "--columns", "title", "-f", "json").stdout
    assert out.startswith('[\n  {\n    "title": "Madrid Summit é\\u2028next"\n  },\n')
    assert "\u2028" not in out  # a raw LINE SEPARATOR would split the line for some readers
    line = run("timeline", "--columns", "title", "-f", "jsonl").stdout.splitlines()[0]
    assert line == '{"title": "Madrid Summit é\\u2028next"}'


def test_booleans_are_true_and_false_in_text_formats() -> None:
    bundled = str(REPO / "data" / "facts.yaml")
    tsv = run("stances", "tokyo-office", "--columns", "actor,ally", "--data", bundled).stdout.splitlines()
    assert "china\tfalse" in tsv and "france\ttrue" in tsv


def test_csv_quotes_a_lone_empty_value_so_no_line_is_blank() -> None:
    out = run("timeline", "--columns", "correction", "-f", "csv").stdout
    assert out == 'correction\n""\n""\n""\n'
