"""The view a person reads, under a real pseudo-terminal: one screen line a record, nothing wider
than the screen, no word broken, and a pager only when the table is taller than the screen."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
from pathlib import Path
from typing import Any

import pytest

from conftest import REPO, run

ASIAPAC = str(Path(sys.executable).parent / "asiapac")
BUNDLED = str(REPO / "data" / "facts.yaml")
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)")
WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’.\-]*[A-Za-z0-9]|[A-Za-z0-9]")

# Lines a table adds around its records: the title, the header and its rule, the footer.
FRAME = 4
LISTINGS = [
    (["timeline"], 1),
    (["summits"], 1),
    (["itpp"], 2),
    (["who-opposed", "tokyo-office"], 1),
    (["stances", "tokyo-office"], 1),
    (["claims"], 3),  # each correction below the table, with its claim's id
    (["sources"], 1),
    (["actors"], 1),
    (["topics"], 2),
    (["groupings"], 1),
    (["search", "liaison", "office"], 1),
]


def on_terminal(
    args: list[str], cols: int, rows: int = 40, env: dict[str, str] | None = None
) -> tuple[str, int]:
    """Run asiapac with stdin, stdout and stderr on a pty of cols x rows: what the screen shows
    (colour codes removed) and the exit status."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    full_env = {**os.environ, "TERM": "xterm-256color", "ASIAPAC_PAGER": "cat", **(env or {})}
    for name in ("COLUMNS", "LINES", "ASIAPAC_FORCE_TTY", "NO_COLOR"):
        if name not in (env or {}):
            full_env.pop(name, None)
    process = subprocess.Popen([ASIAPAC, *args], stdin=slave, stdout=slave, stderr=slave, env=full_env)
    os.close(slave)
    chunks = []
    while True:
        ready, _, _ = select.select([master], [], [], 30)
        if not ready:
            process.kill()
            break
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    status = process.wait()
    os.close(master)
    return ANSI.sub("", b"".join(chunks).decode("utf-8", "replace").replace("\r\n", "\n")), status


def on_pty(args: list[str], cols: int, rows: int = 40, env: dict[str, str] | None = None) -> str:
    """What asiapac printed on a pty of cols x rows, without colour codes."""
    return on_terminal(args, cols, rows, env)[0]


def data_words() -> set[str]:
    """Every word of the bundled data and of the help: what a screen may show whole."""
    export = run("export", "--format", "json", "--data", BUNDLED).stdout
    text = export + " ".join(json.loads(export).keys())
    for command in ("timeline", "summits", "itpp", "stances", "claims", "sources", "search"):
        text += run(command, "--help").stdout
    return {w.lower() for w in WORD.findall(text)}


@pytest.fixture(scope="module")
def words() -> set[str]:
    return data_words()


def records(args: list[str]) -> int:
    return len(json.loads(run(*args, "-f", "json", "--data", BUNDLED).stdout))


def broken_words(screen: str, allowed: set[str]) -> list[str]:
    """Tokens that are the start or the end of a longer word of the data but no word themselves,
    and not cut with '…': what a wrap in the middle of a word leaves on screen."""
    pieces = {w[:i] for w in allowed for i in range(1, len(w))} | {
        w[i:] for w in allowed for i in range(1, len(w))
    }
    bad = []
    for line in screen.splitlines():
        for match in WORD.finditer(line):
            word = match.group(0).lower()
            if word in allowed or line[match.end() : match.end() + 1] == "…" or word not in pieces:
                continue
            parts = [p for p in re.split(r"[-.’']", word) if p]
            if len(word) > 3 and parts and all(p in allowed for p in parts):
                continue
            bad.append(word)
    return bad


@pytest.mark.parametrize("cols", [80, 120])
@pytest.mark.parametrize(("args", "lines_per_record"), LISTINGS)
def test_one_screen_line_a_record_no_line_too_wide_no_word_broken(
    args: list[str], lines_per_record: int, cols: int, words: set[str]
) -> None:
    screen = on_pty([*args, "--data", BUNDLED, "--no-pager", "--no-color"], cols)
    count = records(args)
    table = screen.split("\n\n")[0]  # notes below the table are prose, wrapped at words
    table_lines = [line for line in screen.splitlines() if line.strip()]
    assert all(len(line) <= cols for line in table_lines), [line for line in table_lines if len(line) > cols]
    rows_on_screen = [line for line in table.splitlines() if line.strip()]
    assert count <= len(rows_on_screen) - 2  # header and rule
    # One record, one line: the table part has no more lines than records and its frame.
    header_at = next(i for i, line in enumerate(rows_on_screen) if set(line.strip()) == {"─"})
    body = rows_on_screen[header_at + 1 : header_at + 1 + count]
    assert len(body) == count
    assert broken_words(screen, words) == []
    assert len(screen.splitlines()) <= count * lines_per_record + FRAME + 40  # notes at most a screenful


def test_summits_one_column_per_partner_with_who_came() -> None:
    screen = on_pty(["summits", "--data", BUNDLED, "--no-color"], 120)
    header = screen.splitlines()[0].split()
    assert header[:3] == ["date", "place", "Japan"] and "Zealand" in header
    madrid = next(line for line in screen.splitlines() if line.startswith("2022-06-29"))
    assert madrid.split() == [
        "2022-06-29",
        "Madrid",
        "Kishida",
        "(leader)",
        "Yoon",
        "(leader)",
        "Albanese",
        "(leader)",
        "Ardern",
        "(leader)",
    ]
    assert "Marles (deputy)" in screen
    assert re.search(r"^2021-06-14  Brussels +— ", screen, re.MULTILINE)  # absent


def test_wide_shows_every_column_whole_as_records_when_they_cannot_sit_side_by_side() -> None:
    screen = on_pty(["who-opposed", "tokyo-office", "--data", BUNDLED, "--wide", "--no-color"], 80)
    assert "─[ 1 ]" in screen and "─[ 2 ]" in screen
    for column in ("topic", "actor", "said", "occasion", "sources"):
        assert re.search(rf"^{column} +\S", screen, re.MULTILINE), column
    assert "france-opposes-tokyo-office" in screen  # ids too: every column
    assert all(len(line) <= 80 for line in screen.splitlines())


def test_wide_is_a_wrapped_table_when_the_columns_fit() -> None:
    screen = on_pty(["topics", "--data", BUNDLED, "--wide", "--no-color"], 120)
    assert screen.splitlines()[0].startswith("┏") and "description" in screen


def test_cite_on_a_terminal_numbers_the_sources_under_the_table() -> None:
    screen = on_pty(["who-opposed", "tokyo-office", "--cite", "--data", BUNDLED, "--no-color"], 80, rows=60)
    france = re.search(r"^France .*?((?: \d+)+)\s*$", screen, re.MULTILINE)
    assert france, screen
    numbers = france.group(1).split()
    assert len(numbers) >= 3 and all(f"[{n}] " in screen for n in numbers)
    urls = [line.strip() for line in screen.splitlines() if line.strip().startswith("http")]
    assert urls and all(" " not in url for url in urls)  # each URL whole, on a line of its own
    assert len(screen.splitlines()) <= 59  # the 60-row screen holds it: it is not paged


def test_colour_marks_evidence_and_verdicts() -> None:
    env = {"ASIAPAC_FORCE_TTY": "120"}
    claims = run("claims", "--data", BUNDLED, env=env).stdout
    assert "\x1b[1;31mwrong" in claims  # bold red
    stances = run("stances", "tokyo-office", "--data", BUNDLED, env=env).stdout
    assert "\x1b[1;33mcontested" in stances  # bold yellow
    assert "\x1b[" not in run("claims", "--data", BUNDLED, "--no-color", env=env).stdout


# --- the pager -------------------------------------------------------------------------------


@pytest.fixture
def fake_pager(tmp_path: Path) -> tuple[str, Path]:
    """A pager command that records what it was given."""
    record = tmp_path / "paged.txt"
    script = tmp_path / "pager.sh"
    script.write_text(f"#!/bin/sh\ncat > {record}\necho PAGED\n")
    script.chmod(0o755)
    return str(script), record


def test_a_table_taller_than_the_screen_goes_to_the_pager(fake_pager: tuple[str, Path]) -> None:
    pager, record = fake_pager
    screen = on_pty(["timeline", "--data", BUNDLED], 80, rows=24, env={"ASIAPAC_PAGER": pager})
    assert "PAGED" in screen
    assert "First Quad officials' meeting" in record.read_text()


def test_pager_falls_back_to_page_then_less(fake_pager: tuple[str, Path]) -> None:
    pager, record = fake_pager
    screen = on_pty(["timeline", "--data", BUNDLED], 80, rows=24, env={"ASIAPAC_PAGER": "", "PAGER": pager})
    assert "PAGED" in screen and record.exists()


def test_a_table_that_fits_is_printed_without_the_pager(fake_pager: tuple[str, Path]) -> None:
    pager, record = fake_pager
    screen = on_pty(["summits", "--data", BUNDLED], 80, rows=40, env={"ASIAPAC_PAGER": pager})
    assert "Kishida" in screen and not record.exists()


def test_no_pager_and_pipes_never_start_it(fake_pager: tuple[str, Path]) -> None:
    pager, record = fake_pager
    screen = on_pty(["timeline", "--data", BUNDLED, "--no-pager"], 80, rows=24, env={"ASIAPAC_PAGER": pager})
    assert "First Quad" in screen and not record.exists()
    piped = subprocess.run(
        [ASIAPAC, "timeline", "--data", BUNDLED, "-f", "table"],
        capture_output=True,
        text=True,
        env={**os.environ, "ASIAPAC_PAGER": pager},
    )
    assert piped.returncode == 0 and "First Quad" in piped.stdout and not record.exists()


def test_a_pager_that_cannot_start_falls_back_to_printing() -> None:
    screen = on_pty(["timeline", "--data", BUNDLED], 80, rows=24, env={"ASIAPAC_PAGER": "/nonexistent/pager"})
    assert "First Quad" in screen and "Traceback" not in screen


# --- --columns ---------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["tsv", "csv", "json", "jsonl", "yaml", "markdown", "table"])
def test_columns_gives_exactly_those_columns_in_that_order_in_every_format(fmt: str) -> None:
    result = run("timeline", "--columns", "title,DATE", "-f", fmt, env={"NO_COLOR": "1"})
    assert result.exit_code == 0
    out = result.stdout
    if fmt == "tsv":
        assert out.splitlines()[0] == "title\tdate"
        assert out.splitlines()[1] == "Madrid Summit\t2022-06-29"
    elif fmt == "csv":
        assert out.splitlines()[0] == "title,date"
    elif fmt == "json":
        assert list(json.loads(out)[0]) == ["title", "date"]
    elif fmt == "jsonl":
        assert list(json.loads(out.splitlines()[0])) == ["title", "date"]
    elif fmt == "yaml":
        assert out.startswith("- title: Madrid Summit\n  date: '2022-06-29'\n")
    elif fmt == "markdown":
        assert out.splitlines()[0] == "| title | date |"
    else:  # under the timeline's title ("Events, newest first"), the header
        lines = out.splitlines()
        rule = next(i for i, line in enumerate(lines) if line.startswith("──"))
        assert lines[rule - 1].split() == ["title", "date"]


def test_unknown_column_is_a_usage_error_with_the_nearest_name() -> None:
    result = run("timeline", "--columns", "titel")
    assert result.exit_code == 2
    assert result.stderr.startswith("asiapac: --columns: no column 'titel'; did you mean 'title'?")


# --- cutting a cell ------------------------------------------------------------------------------


def test_a_cell_is_cut_at_a_word_with_an_ellipsis() -> None:
    from asiapac_cli.output.table import cut, cut_list

    assert cut("NATO and Japan agree their ITPP", 31) == "NATO and Japan agree their ITPP"
    assert cut("NATO and Japan agree their ITPP", 20) == "NATO and Japan…"
    assert cut("Individually", 8) == "Individ…"  # one word longer than the cell: cut, and marked
    assert cut("北大西洋条約機構 NATO", 10) == "北大西洋…"  # wide characters take two cells
    assert cut_list(["NATO", "Japan", "Australia"], 30) == "NATO; Japan; Australia"
    assert cut_list(["NATO", "Japan", "Australia"], 14) == "NATO; Japan +1"
    assert cut_list(["Republic of Korea", "NATO"], 12) == "Republic… +1"


# --- the terminal is decided once per run, and a test can stand in for it ---------------------


@pytest.mark.parametrize(
    "args",
    [
        ["timeline", "--chart"],  # the chart's width and the text's escaping both ask
        ["timeline", "-f", "ics"],
        ["itpp", "japan"],
        ["show", "japan"],
        ["cite", "france-opposes-tokyo-office"],
        ["export", "-f", "json"],
    ],
)
def test_the_terminal_is_detected_once_per_run(args: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from asiapac_cli.output import terminal

    calls = []
    real = terminal.detect

    def counted(*a: Any, **k: Any) -> Any:
        calls.append(1)
        return real(*a, **k)

    monkeypatch.setattr(terminal, "detect", counted)
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    assert len(calls) == 1


def test_a_test_can_inject_the_terminal_like_a_mock_environment() -> None:
    from asiapac_cli.output.terminal import Terminal

    narrow = Terminal(is_tty=True, color=False, width=40, height=200)
    shown = run("itpp", "japan", terminal=narrow).stdout
    assert "\x1b[" not in shown and "─" in shown  # a table, without colour
    assert max(len(line) for line in shown.splitlines()) <= 40
    coloured = run("who-opposed", "tokyo-office", terminal=Terminal(True, True, 100, 200)).stdout
    assert "\x1b[" in coloured
    assert (
        "\x1b["
        not in run(
            "who-opposed", "tokyo-office", "--no-color", terminal=Terminal(True, True, 100, 200)
        ).stdout
    )
    piped = run("itpp", "japan", terminal=Terminal(is_tty=False, color=False, width=None)).stdout
    assert piped.startswith("partner\titpp\t")
