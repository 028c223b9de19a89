"""--wide shows every column whole and never breaks a word: a table when the columns can sit side
by side with each at least as wide as its longest word, else each record as a block (psql's
`\\x auto`). Under a real pty at 60, 80 and 120 columns, and over every width from 60 to 200."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from asiapac_cli.output.terminal import Terminal
from conftest import REPO, run
from test_terminal import on_pty

BUNDLED = str(REPO / "data" / "facts.yaml")
DRAFT = str(REPO / "docs" / "draft.txt")
BOX = re.compile(r"[─━│┃┏┓┗┛┡┩└┘┌┐├┤┬┴┼╇╈┳┻╋]+")

LISTINGS = [
    ["timeline"],
    ["summits"],
    ["itpp"],
    ["itpp", "japan"],
    ["stances", "tokyo-office"],
    ["who-opposed", "tokyo-office", "--cite"],
    ["claims"],
    ["sources"],
    ["actors"],
    ["topics"],
    ["groupings", "--cite"],
    ["search", "liaison office"],
    ["check", DRAFT, "--all"],
]


BLOCK_RULE = re.compile(r"^─\[ \d+ \]─*$", re.MULTILINE)  # the line that opens a record's block


def tokens(screen: str) -> list[str]:
    """The words on a screen: what lies between white space, box drawing and block rules taken out."""
    return BOX.sub(" ", BLOCK_RULE.sub("", screen)).split()


@cache
def whole_words(args: tuple[str, ...]) -> frozenset[str]:
    """Every word --wide prints of this listing, drawn so wide that nothing wraps, with the
    column names a block labels its lines with: what a narrower screen may show, and nothing
    else. A word broken across two lines leaves two pieces that are not in it."""
    wide = run(*args, "--wide", "--data", BUNDLED, terminal=Terminal(True, False, 100_000, 100_000)).stdout
    header = run(*args, "-f", "tsv", "--data", BUNDLED).stdout.splitlines()[0].split("\t")
    return frozenset(tokens(wide)) | frozenset(header)


def assert_no_word_broken(args: list[str], screen: str, width: int) -> None:
    pieces = [token for token in tokens(screen) if token not in whole_words(tuple(args))]
    assert pieces == [], f"{' '.join(args)} --wide at {width} columns breaks words: {pieces[:10]}"
    # A line wider than the screen is one word that no line could hold (a URL), never two.
    overlong = [line for line in screen.splitlines() if len(line) > width and len(line.split()) > 1]
    assert overlong == [], overlong[:3]


@pytest.mark.parametrize("args", LISTINGS, ids=" ".join)
@settings(max_examples=4, deadline=None)
@given(width=st.integers(min_value=60, max_value=200))
@example(width=60)
@example(width=200)
def test_wide_never_breaks_a_word_at_any_width(args: list[str], width: int) -> None:
    result = run(*args, "--wide", "--data", BUNDLED, terminal=Terminal(True, False, width, 40))
    assert result.exit_code in (0, 3), result.stderr  # check exits 3 when something is contradicted
    assert_no_word_broken(args, result.stdout, width)


@pytest.mark.parametrize("cols", [60, 80, 120])
@pytest.mark.parametrize("args", [["claims"], ["check", DRAFT, "--all"], ["timeline"]], ids=" ".join)
def test_wide_under_a_real_terminal_breaks_no_word(args: list[str], cols: int) -> None:
    screen = on_pty([*args, "--wide", "--data", BUNDLED, "--no-pager", "--no-color"], cols)
    assert "Traceback" not in screen
    assert_no_word_broken(args, screen, cols)


def grid_column_widths(screen: str) -> list[int]:
    """The inner widths of a drawn grid's columns, from its top border."""
    top = next(line for line in screen.splitlines() if line.startswith("┏"))
    return [len(part) - 2 for part in top.strip("┏┓").split("┳")]


@pytest.mark.parametrize("cols", [60, 80, 120])
def test_claims_wide_is_blocks_where_eight_columns_would_break_words(cols: int) -> None:
    # Eight columns at 80: the old rule (8 x 10 <= 80) drew a grid and broke
    # "Secretary-General" across three lines.
    screen = on_pty(["claims", "--wide", "--data", BUNDLED, "--no-pager", "--no-color"], cols)
    assert "┏" not in screen and "─[ 1 ]" in screen
    assert "Secretary-General" in screen


@pytest.mark.parametrize("cols", [60, 80, 120])
def test_a_wide_grid_gives_each_column_its_longest_word(cols: int, tmp_path: Path) -> None:
    # topics: 6 columns, one of them long prose: a grid from 120 columns, blocks below.
    screen = on_pty(["topics", "--wide", "--data", BUNDLED, "--no-pager", "--no-color"], cols)
    header = run("topics", "-f", "tsv", "--data", BUNDLED).stdout.splitlines()
    rows = [line.split("\t") for line in header]
    longest = [
        max(len(word) for row in rows for word in row[i].replace("_", " ").split() or [""])
        for i in range(len(rows[0]))
    ]
    if "┏" in screen:
        assert all(w >= need for w, need in zip(grid_column_widths(screen), longest, strict=True))
    else:
        assert sum(longest) + 3 * len(longest) + 1 > cols  # blocks only when a grid cannot hold them
    assert cols != 120 or "┏" in screen
