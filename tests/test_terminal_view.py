"""Where output goes, decided from stdout and the environment (terminal.detect), and what each
listing's terminal view shows (output/views.py): the notes under a table, the columns that
give way first. In-process, so a mutation run sees them."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from asiapac_cli.output import terminal
from asiapac_cli.output.terminal import Terminal, detect
from conftest import REPO, run, write_facts
from test_listings import FEW

BUNDLED = str(REPO / "data" / "facts.yaml")


class FakeStdout:
    def __init__(self, tty: bool) -> None:
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.fixture
def screen(monkeypatch: pytest.MonkeyPatch) -> None:
    """A 132 x 50 terminal as shutil reports it."""
    monkeypatch.setattr(terminal.shutil, "get_terminal_size", lambda fallback: os.terminal_size((132, 50)))
    for name in ("ASIAPAC_FORCE_TTY", "NO_COLOR", "TERM"):
        monkeypatch.delenv(name, raising=False)


@pytest.mark.parametrize(
    ("tty", "env", "expected"),
    [
        (True, {}, (True, True, 132, 50, True)),  # a real terminal: its size, colour, pageable
        (False, {}, (False, False, None, 24, False)),  # piped: no width, never wraps
        (False, {"ASIAPAC_FORCE_TTY": "1"}, (True, True, 132, 50, False)),  # forced: never paged
        (False, {"ASIAPAC_FORCE_TTY": "80"}, (True, True, 80, 50, False)),  # forced, 80 columns
        (False, {"ASIAPAC_FORCE_TTY": "20"}, (True, True, 20, 50, False)),
        (False, {"ASIAPAC_FORCE_TTY": "19"}, (True, True, 132, 50, False)),  # too narrow to be a width
        (True, {"ASIAPAC_FORCE_TTY": "0"}, (False, False, None, 24, False)),  # forced off
        (True, {"NO_COLOR": "1"}, (True, False, 132, 50, True)),
        (True, {"TERM": "dumb"}, (True, False, 132, 50, True)),
        (True, {"TERM": "xterm"}, (True, True, 132, 50, True)),
    ],
)
def test_detect_decides_from_stdout_and_the_environment(
    screen: None,
    monkeypatch: pytest.MonkeyPatch,
    tty: bool,
    env: dict[str, str],
    expected: tuple[object, ...],
) -> None:
    monkeypatch.setattr(terminal.sys, "stdout", FakeStdout(tty))
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    found = detect()
    assert (found.is_tty, found.color, found.width, found.height, found.real) == expected
    plain = detect(no_color=True)
    assert plain.color is False and (plain.width, plain.height, plain.real) == expected[2:]


def test_a_closed_or_broken_stdout_is_no_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    class Broken:
        def isatty(self) -> bool:
            raise ValueError("I/O operation on closed file")

    monkeypatch.setattr(terminal.sys, "stdout", Broken())
    assert terminal.stdout_is_tty() is False
    monkeypatch.setattr(terminal.sys, "stdout", None)
    assert terminal.stdout_is_tty() is False


def test_without_color_keeps_everything_else() -> None:
    plain = Terminal(True, True, 77, 33, real=True).without_color()
    assert (plain.is_tty, plain.color, plain.width, plain.height, plain.real) == (True, False, 77, 33, True)
    assert (Terminal(True, True, 10).height, Terminal(True, True, 10).real) == (24, False)


# --- the notes views print under a table ----------------------------------------------------


def table(*args: str, data: str = BUNDLED, width: int = 200) -> str:
    result = run(*args, "--data", data, terminal=Terminal(True, False, width, 500))
    assert result.exit_code == 0, result.stderr
    return " ".join(result.stdout.split())


def test_topics_say_how_many_have_stances(tmp_path: Path) -> None:
    facts = write_facts(tmp_path / "few.yaml", FEW)
    assert "1 of 2 topics have stances: `asiapac stances TOPIC` lists who took which position." in table(
        "topics", data=str(facts)
    )


def test_groupings_give_each_correction_under_the_table() -> None:
    groupings = json.loads(run("groupings", "-f", "json", "--data", BUNDLED).stdout)
    shown = table("groupings")
    corrected = [g for g in groupings if g["correction"]]
    assert corrected
    for grouping in corrected:
        assert " ".join(f"Correction ({grouping['name']}): {grouping['correction']}".split()) in shown
    assert shown.count("Correction (") == len(corrected)


def test_an_itpp_says_what_is_not_known(tmp_path: Path) -> None:
    unknown = FEW.replace('    period_end: "2027"\n', "")
    facts = write_facts(tmp_path / "unknown.yaml", unknown)
    overview = run("itpp", "--data", str(facts), terminal=Terminal(True, False, 120, 100)).stdout.splitlines()
    assert overview[3].split()[:3] == ["Zedland", "0", "single-source"]  # no date, no period, no total
    shown = table("itpp", "zedland", data=str(facts))
    assert "Agreed: date not known. Period: not known. 0 areas named; the total is not known." in shown
    assert "Note:" not in shown and "Correction:" not in shown
    known = FEW.replace(
        "    evidence: single-source\n",
        '    agreed: "2023-07-11"\n    period_start: "2023"\n    areas_total: 5\n'
        "    note: A note.\n    correction: A correction.\n"
        "    predecessor:\n      title: The old programme\n      sources: [cited]\n"
        "    evidence: single-source\n",
        1,
    )
    facts = write_facts(tmp_path / "known.yaml", known)
    shown = table("itpp", "zedland", data=str(facts))
    assert "Agreed: 2023-07-11. Period: 2023 to 2027. 0 of 5 areas named in the sources." in shown
    assert "Replaced: The old programme (date not known). Note: A note. Correction: A correction." in shown


def test_stances_quote_what_each_said_with_its_date_and_corrections(tmp_path: Path) -> None:
    said = FEW.replace(
        "groupings: []",
        """  - id: nato-on-busy
    topic: busy-topic
    actor: nato
    position: neutral
    said: Words without a date.
    correction: A correction of it.
    evidence: contested
    sources: [cited]
groupings: []""",
    ).replace('    date: "2023-02"\n', '    date: "2023-02"\n    said: Words with a date.\n    ally: false\n')
    facts = write_facts(tmp_path / "said.yaml", said)
    shown = table("stances", "busy-topic", data=str(facts))
    assert 'Zedland (2023-02, not a NATO Ally): "Words with a date."' in shown
    assert 'NATO (undated): "Words without a date." Correction (NATO): A correction of it.' in shown
    assert shown.startswith("Busy topic ")  # the topic's name is the title


def test_timeline_and_summits_say_the_period_the_events_cover(tmp_path: Path) -> None:
    facts = write_facts(tmp_path / "few.yaml", FEW)
    note = "Events 2023-07-12–2023-07-12; sources checked 2026-01-01; gaps: asiapac about"
    assert note in table("timeline", data=str(facts))
    empty = FEW.split("events:", 1)[0] + "events: []\n" + "itpps:" + FEW.split("itpps:", 1)[1]
    facts = write_facts(tmp_path / "empty.yaml", empty.replace("    sources: [cited]\nitpps", "itpps"))
    assert run("timeline", "--data", str(facts)).exit_code == 1


def test_summits_give_way_place_first_and_keep_every_partner() -> None:
    summits = json.loads(run("summits", "-f", "json", "--data", BUNDLED).stdout)
    wide = table("summits", width=120)
    assert wide.split(" ─")[0].split()[:2] == ["date", "place"]
    narrow = run("summits", "--data", BUNDLED, terminal=Terminal(True, False, 60, 500)).stdout
    header = narrow.splitlines()[0]
    assert header.startswith("date ") and "place" not in header
    assert "not shown at this width: place." in " ".join(narrow.split())
    partners = {p["partner"] for row in summits for p in row["partners"]}
    assert len(partners) == 4
    assert [name in header for name in ("Japan", "South Korea", "Australia", "New Zealand")] == [True] * 4


def test_chosen_columns_are_shown_as_the_view_shows_them() -> None:
    shown = run(
        "timeline", "--columns", "date,topics", "--data", BUNDLED, terminal=Terminal(True, False, 100, 500)
    )
    lines = shown.stdout.splitlines()
    rule = next(i for i, line in enumerate(lines) if line.startswith("──"))
    assert lines[rule - 1].split() == ["date", "topics"]


# --- the table: one line a record, cut at a word, what gives way said; --wide whole ------------

LISTINGS = [
    ["timeline"],
    ["summits"],
    ["itpp"],
    ["itpp", "japan"],
    ["stances", "tokyo-office"],
    ["topics"],
    ["actors"],
    ["groupings"],
    ["sources"],
    ["claims"],
    ["search", "tokyo"],
]


def words_of(value: object) -> set[str]:
    text = json.dumps(value, ensure_ascii=False)
    return set(re.findall(r"[^\W_]+", text))


@pytest.mark.parametrize("width", [60, 80, 100, 140])
@pytest.mark.parametrize("args", LISTINGS, ids=lambda args: " ".join(args))
def test_a_table_gives_each_record_one_line_and_cuts_text_at_a_word(args: list[str], width: int) -> None:
    """When the records outnumber the screen's lines (a table that fits wrapped is wrapped)."""
    rows = json.loads(run(*args, "-f", "json", "--data", BUNDLED).stdout)
    screen = Terminal(True, False, width, len(rows))
    drawn = run(*args, "--data", BUNDLED, terminal=screen).stdout.splitlines()
    rule = next(i for i, line in enumerate(drawn) if line.startswith("──"))
    records = drawn[rule + 1 : rule + 1 + len(rows)]
    assert all(len(line) <= width for line in drawn[: rule + 1 + len(rows)])
    assert len(records) == len(rows) and all(line.strip() for line in records)
    after = drawn[rule + 1 + len(rows) :]
    footer_at = next(
        (i for i, line in enumerate(after) if line.startswith(("… marks", "not shown"))), len(after)
    )
    assert not after[:footer_at] or after[0] == ""  # notes come after a blank line
    # A cell of several words is cut after a whole word (one long word alone is cut anywhere).
    vocabulary = words_of(rows) | FACT_FILE_WORDS
    cells = [cell for line in records for cell in re.split(r"  +", line.strip())]
    cut = [re.findall(r"[^\W_]+", cell[:-1])[-1] for cell in cells if cell.endswith("…") and " " in cell]
    assert all(word in vocabulary for word in cut), [w for w in cut if w not in vocabulary]
    footer = " ".join(" ".join(after[footer_at:]).split())
    if any("…" in line for line in records):
        assert footer.startswith("… marks cut text")
    if footer:  # `show ID` is offered only when the ids are on the screen to be typed
        header = drawn[rule - 1].split()
        assert footer.endswith(
            "All of it: --wide, or asiapac show ID." if "id" in header else "All of it: --wide."
        )


FACT_FILE_WORDS = set(re.findall(r"[^\W_]+", (REPO / "data" / "facts.yaml").read_text(encoding="utf-8")))


def flat(text: str) -> str:
    return "".join(text.split())


def test_wide_shows_every_column_whole_side_by_side_when_they_fit() -> None:
    rows = json.loads(run("itpp", "-f", "json", "--data", BUNDLED).stdout)
    out = run("itpp", "--wide", "--data", BUNDLED, terminal=Terminal(True, False, 1000, 1000)).stdout
    assert "…" not in out and "─[ " not in out
    header = " ".join(out.splitlines()[:4])
    for column in rows[0]:
        assert column.replace("_", " ").split()[0] in header
    shown = set(re.findall(r"[^\W_]+", out))
    for row in rows:
        for value in row.values():
            if isinstance(value, str):
                assert set(re.findall(r"[^\W_]+", value)) <= shown, value
    assert out.splitlines()[0].strip() == "Individually Tailored Partnership Programmes (ITPPs)"


def test_wide_as_blocks_gives_every_filled_column_of_every_record() -> None:
    rows = json.loads(run("itpp", "japan", "-f", "json", "--data", BUNDLED).stdout)
    out = run("itpp", "japan", "--wide", "--data", BUNDLED, terminal=Terminal(True, False, 70, 1000)).stdout
    blocks = out.split("─[ ")[1:]
    assert len(blocks) == len(rows)
    assert out.startswith("Individually Tailored Partnership Programme between NATO and Japan")
    for number, (block, row) in enumerate(zip(blocks, rows, strict=True), start=1):
        head, *lines = block.splitlines()
        assert head.startswith(f"{number} ]─")
        labels = [line.split()[0] for line in lines if line and line.split()[0] in row]
        assert labels == [c for c, v in row.items() if v not in (None, "", [])]
        for value in row.values():
            if isinstance(value, str) and value:
                assert flat(value) in flat(block)
    notes = " ".join(out.split("─[ ")[-1].split())
    assert "Evidence: well-documented." in notes  # the notes follow the records, as in a table


def test_colour_marks_evidence_verdicts_and_positions_only_in_their_columns() -> None:
    coloured = run("claims", "--data", BUNDLED, terminal=Terminal(True, True, 120, 1000)).stdout
    wrong = next(line for line in coloured.splitlines() if "\x1b[1;31mwrong" in line)  # bold red
    assert wrong.count("\x1b[") == 2  # the verdict and its reset: the claim itself is plain
    assert any("\x1b[32mverified" in line for line in coloured.splitlines())  # green
    plain = run("claims", "--data", BUNDLED, terminal=Terminal(True, False, 120, 1000)).stdout
    assert "\x1b[" not in plain


def test_a_listing_without_a_view_shows_every_column() -> None:
    import io

    from asiapac_cli.facts.model import Listing
    from asiapac_cli.output.formats import render_listing

    out = io.StringIO()
    listing = Listing(["first", "second"], [{"first": "one " * 30, "second": "two"}])
    render_listing(listing, "table", Terminal(True, False, 40, 1), out, wide=False)  # one line a record
    lines = out.getvalue().splitlines()
    assert lines[0].split() == ["first", "second"]
    assert lines[2].rstrip().endswith("two") and "…" in lines[2] and len(lines[2]) <= 40
