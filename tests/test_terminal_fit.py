"""The terminal table's second round (issue 20), under a real pty at 60, 80 and 120 columns and
40 rows: claims' corrections and ids below the table; an id never cut; summits' places, whole
dates and level marks; a table wrapped at words when that fits the screen; the timeline newest
first with its evidence as marks."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from conftest import REPO, run, write_facts
from test_terminal import broken_words, data_words, on_pty

BUNDLED = str(REPO / "data" / "facts.yaml")
WIDTHS = [60, 80, 120]


def screen(args: list[str], cols: int, rows: int = 40, data: str = BUNDLED) -> str:
    return on_pty([*args, "--data", data, "--no-pager", "--no-color"], cols, rows=rows)


def records(args: list[str], data: str = BUNDLED) -> list[dict[str, Any]]:
    result = json.loads(run(*args, "-f", "json", "--data", data).stdout)
    assert isinstance(result, list)
    return result


def flat(text: str) -> str:
    return " ".join(text.split())


def cells(line: str) -> list[str]:
    """A line as the screen's cells: a wide character (CJK) takes two, the second empty."""
    out: list[str] = []
    for char in line:
        out.append(char)
        if unicodedata.east_asian_width(char) in ("W", "F"):
            out.append("")
    return out


class Table:
    """A drawn table read back: its header's columns by the cell where each starts, and each
    record's lines: one line a record, or, `wrapped`, records parted by a blank line."""

    def __init__(self, shown: str, count: int, wrapped: bool = False) -> None:
        lines = shown.splitlines()
        rule = next(i for i, line in enumerate(lines) if line.startswith("──"))
        self.header = lines[rule - 1]
        self.title = lines[rule - 2] if rule >= 2 else ""
        self.starts = [m.start() for m in re.finditer(r"(?<!\S)\S+(?: \S+)*", self.header)]
        self.names = [self.header[s:].split("  ")[0].strip() for s in self.starts]
        body = lines[rule + 1 :]
        groups: list[list[str]] = [[]]
        for line in body:
            if line.strip():
                groups[-1].append(line)
            elif groups[-1]:
                groups.append([])
        if wrapped:
            self.records = groups[:count]
        else:  # one line a record (a footer may follow with no blank line)
            self.records = [[line] for line in groups[0][:count]]
        assert len(self.records) == count, (len(self.records), count, shown)
        last = rule + 1 + body.index(self.records[-1][-1])
        self.after = "\n".join(lines[last + 1 :])

    def cell(self, record: int, name: str) -> str:
        """A record's text in a column, its lines joined by a space."""
        at = self.names.index(name)
        start = self.starts[at]
        end = self.starts[at + 1] if at + 1 < len(self.starts) else None
        return flat(" ".join("".join(cells(line)[start:end]) for line in self.records[record]))

    def column(self, name: str) -> list[str]:
        return [self.cell(r, name) for r in range(len(self.records))]


@pytest.fixture(scope="module")
def words() -> set[str]:
    return data_words()


# --- 1. claims: the corrections below the table, with their ids --------------------------------


@pytest.mark.parametrize("cols", WIDTHS)
def test_claims_wrong_shows_each_claim_whole_and_its_correction_with_its_id(cols: int) -> None:
    wrong = records(["claims", "--verdict", "wrong"])
    assert wrong and all(claim["correction"] for claim in wrong)
    shown = screen(["claims", "--verdict", "wrong"], cols)
    table = Table(shown, len(wrong), wrapped=True)
    # two claims fit a 40-row screen wrapped: each is shown whole, not cut at the width
    assert table.column("claim") == [flat(claim["text"]) for claim in wrong]
    for claim in wrong:
        assert flat(f"Correction ({claim['id']}): {claim['correction']}") in flat(table.after)
    assert max(len(line) for line in shown.splitlines()) <= cols


@pytest.mark.parametrize("cols", WIDTHS)
def test_every_claim_with_a_correction_has_it_under_the_table(cols: int) -> None:
    claims = records(["claims"])
    shown = flat(screen(["claims"], cols))
    corrected = [claim for claim in claims if claim["correction"]]
    for claim in corrected:
        assert flat(f"Correction ({claim['id']}): {claim['correction']}") in shown
    assert shown.count("Correction (") == len(corrected)


# --- 3. an id is never cut -------------------------------------------------------------------------

WITH_IDS = [["timeline"], ["claims"], ["sources"], ["search", "liaison", "office"]]


@pytest.mark.parametrize("cols", WIDTHS)
@pytest.mark.parametrize("args", WITH_IDS, ids=" ".join)
def test_an_id_is_shown_whole_or_said_to_be_left_out(args: list[str], cols: int) -> None:
    rows = records(args)
    shown = screen(args, cols)
    table = Table(shown, len(rows))
    if "id" in table.names:
        ids = table.column("id")
        assert sorted(ids) == sorted(row["id"] for row in rows)  # every one whole, none cut
    else:
        assert "not shown at this width: id" in flat(shown)
        assert "asiapac show ID" not in flat(shown)  # no id on the screen to type


def test_the_ids_are_shown_at_120_columns_and_in_search_at_80() -> None:
    for args in WITH_IDS:
        assert "id" in Table(screen(args, 120), len(records(args))).names, args
    search = ["search", "liaison", "office"]
    assert "id" in Table(screen(search, 80), len(records(search))).names


def test_long_columns_give_way_before_the_id() -> None:
    timeline = Table(screen(["timeline"], 120), len(records(["timeline"])))
    assert "id" in timeline.names and "actors" not in timeline.names
    search = ["search", "liaison", "office"]
    at_80 = Table(screen(search, 80), len(records(search)))
    assert "id" in at_80.names and "snippet" not in at_80.names


@pytest.mark.parametrize("cols", WIDTHS)
def test_chosen_ids_are_never_cut(cols: int) -> None:
    # `timeline -c date,id,title` cut ids ("japan-mission-to…"); ids are never cut, and when
    # they cannot sit beside the rest, each record is a block.
    events = records(["timeline"])
    shown = screen(["timeline", "-c", "date,id,title"], cols)
    on_screen = set(shown.split())
    assert {event["id"] for event in events} <= on_screen
    cut_short = [
        word
        for word in on_screen
        if word.endswith("…") and "-" in word and any(e["id"].startswith(word[:-1]) for e in events)
    ]
    assert cut_short == []
    assert max(len(line) for line in shown.splitlines()) <= cols


# --- 4. summits: which summit, whole dates, levels as marks ------------------------------------


def legend(shown: str, title: str) -> dict[str, str]:
    """A legend under a table read back: 'Levels: L leader, D deputy leader.' -> {L: leader, ...}."""
    text = flat(shown).split(f"{title}: ", 1)[1].split(".", 1)[0]
    return dict(entry.split(" ", 1) for entry in text.split(", "))


@pytest.mark.parametrize("cols", WIDTHS)
def test_summits_never_cut_a_date(cols: int) -> None:
    summits = records(["summits"])
    table = Table(screen(["summits"], cols), len(summits))
    assert table.column("date") == [summit["date"] for summit in summits]


@pytest.mark.parametrize("cols", [80, 120])
def test_summits_say_where_each_was_with_a_short_place_of_its_own_record(cols: int) -> None:
    summits = records(["summits"])
    table = Table(screen(["summits"], cols), len(summits))
    places = dict(zip([s["id"] for s in summits], table.column("place"), strict=True))
    assert places["madrid-summit-2022"] == "Madrid"  # "Madrid (IFEMA)" in the record
    assert places["the-hague-summit-2025"] == "The Hague"
    assert places["washington-summit-2024"] == "Washington"  # "Washington, D.C."
    for summit in summits:  # never invented: the start of the record's own place
        shown = places[summit["id"]]
        assert shown and summit["place"].startswith(shown)


def test_a_summit_without_a_place_shows_none(tmp_path: Path) -> None:
    text = Path(BUNDLED).read_text(encoding="utf-8")
    marker = "    title: NATO Summit in The Hague 2025\n"
    block = text.split(marker, 1)[1]
    without = text.replace(marker + block, marker + block.replace("    place: The Hague\n", "", 1), 1)
    facts = write_facts(tmp_path / "facts.yaml", without)
    summits = records(["summits"], data=str(facts))
    table = Table(screen(["summits"], 120, data=str(facts)), len(summits))
    places = dict(zip([s["id"] for s in summits], table.column("place"), strict=True))
    assert summits[[s["id"] for s in summits].index("the-hague-summit-2025")]["place"] is None
    assert places["the-hague-summit-2025"] == ""  # not the title, not a guess
    assert places["madrid-summit-2022"] == "Madrid"


LEVEL_NAMES = {"deputy-leader": "deputy leader", "not-known": "not known"}


@pytest.mark.parametrize("cols", [60, 80])
def test_narrow_summits_mark_levels_and_say_what_each_mark_means(cols: int) -> None:
    summits = records(["summits"])
    shown = screen(["summits"], cols)
    table = Table(shown, len(summits))
    marks = legend(shown, "Levels")
    partners = {"Japan": "japan", "South Korea": "republic-of-korea", "Australia": "australia"}
    partners["New Zealand"] = "new-zealand"
    for at, summit in enumerate(summits):
        came = {p["partner"]: p for p in summit["partners"]}
        for header, partner in partners.items():
            cell = table.cell(at, header)
            if partner not in came:
                assert cell == ""
                continue
            level, person = came[partner]["level"], came[partner]["person"]
            *name, mark = cell.split(" ")
            assert marks[mark] == LEVEL_NAMES.get(level, level), (summit["id"], cell)
            assert (person is None and not name) or (name and name[0] in person.split())
    assert max(len(line) for line in shown.splitlines()) <= cols


def test_wide_enough_summits_say_levels_in_words() -> None:
    shown = screen(["summits"], 120)
    assert "Kishida (leader)" in shown and "Marles (deputy)" in shown and "Levels:" not in shown


# --- 5. a table that fits the screen wrapped is wrapped, not cut ---------------------------------


@pytest.mark.parametrize("cols", WIDTHS)
def test_groupings_wrapped_on_a_tall_enough_screen_show_every_member(cols: int, words: set[str]) -> None:
    # 4 groupings and their corrections on a 40-row screen: at 80 and 120 columns every member
    # is shown (the United States was hidden even at 120); at 60 the records take as many lines
    # as the screen has, and what is still cut is cut at a word, with "…".
    groupings = records(["groupings"])
    shown = screen(["groupings"], cols)
    assert len(shown.splitlines()) <= 39  # it fits the 40 rows, with the prompt: no pager
    table = Table(shown, len(groupings), wrapped=True)
    assert max(len(lines) for lines in table.records) > 1
    for at, grouping in enumerate(groupings):
        members = table.cell(at, "members")
        assert "+" not in members  # never "Australia +2" when there are lines to spare
        if cols > 60:
            assert len(members.split("; ")) == len(grouping["members"]), members
            assert "…" not in members
    aukus = table.cell([g["id"] for g in groupings].index("aukus"), "members")
    assert cols == 60 or aukus == "Australia; United Kingdom; United States"
    assert broken_words(shown, words) == []


def test_a_table_that_cannot_fit_wrapped_keeps_one_line_a_record() -> None:
    groupings = records(["groupings"])
    shown = screen(["groupings"], 80, rows=15)
    table = Table(shown, len(groupings))
    assert all(len(lines) == 1 for lines in table.records)
    assert "+" in " ".join(table.column("members"))  # cut to whole names and a count


# --- 9. the timeline: newest first on a terminal, evidence as a mark -----------------------------


@pytest.mark.parametrize("cols", WIDTHS)
def test_the_timeline_on_a_terminal_is_newest_first_and_says_so(cols: int) -> None:
    events = records(["timeline"])
    shown = screen(["timeline"], cols)
    table = Table(shown, len(events))
    assert "newest first" in table.title
    assert table.column("date") == [event["date"] for event in reversed(events)]


def test_piped_the_timeline_stays_oldest_first() -> None:
    events = records(["timeline"])
    tsv = run("timeline", "--data", BUNDLED).stdout.splitlines()
    assert [line.split("\t")[0] for line in tsv[1:]] == [event["date"] for event in events]
    assert events[0]["date"] <= events[-1]["date"]


@pytest.mark.parametrize("cols", WIDTHS)
def test_the_timeline_marks_evidence_with_one_character_and_a_legend(cols: int) -> None:
    events = list(reversed(records(["timeline"])))
    shown = screen(["timeline"], cols)
    table = Table(shown, len(events))
    marks = legend(shown, "Evidence")
    column = table.column("ev")
    assert all(len(mark) == 1 for mark in column)
    assert [marks[mark] for mark in column] == [event["evidence"] for event in events]
    assert set(marks) == set(column)  # the legend explains what is shown, nothing else


def test_the_timeline_help_names_the_marks_the_legend_uses() -> None:
    shown = screen(["timeline", "--since", "2022"], 120)
    help_text = flat(run("timeline", "--help").stdout)
    for mark, level in legend(shown, "Evidence").items():
        assert f"{mark} {level}" in help_text
