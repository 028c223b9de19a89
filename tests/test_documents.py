"""`show` and `cite` as a person reads them on a terminal (issue 20, items 6, 7 and 10), under a
real pseudo-terminal at 60, 80 and 120 columns: paged like the listings, every wrapped line under
its own text, citations as numbered sources with each URL whole; and the small ones: `export -f
html` refused on a terminal, `show stoltenberg` meaning the man, a root --help whose usage line
stays on a 40-row screen, and the README's `sort` example true."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from asiapac_cli.cli.app import COMMAND_MODULES
from asiapac_cli.output.terminal import Terminal
from conftest import REPO, run
from test_terminal import ANSI, ASIAPAC, BUNDLED, on_terminal

WIDTHS = [60, 80, 120]
KEY_LINE = re.compile(r"^( *)(- )?[a-z_]+:( |$)")
ENTRY = re.compile(r"^\[(\d+)\] ")


def screen_of(*args: str, cols: int, rows: int = 40) -> str:
    colourless = ["--no-color"] if args[0] == "show" else []  # `cite` has no colour to turn off
    shown, status = on_terminal([*args, "--data", BUNDLED, *colourless], cols, rows)
    assert status == 0, shown
    return shown


def json_of(*args: str) -> Any:
    return json.loads(run(*args, "-f", "json", "--data", BUNDLED).stdout)


def words(text: str) -> str:
    return " ".join(text.split())


def quoted_in(quote: str, screen: str) -> bool:
    """The quote is on the screen, word for word; a run of Chinese or Japanese, which has no
    spaces to wrap at, may be wrapped anywhere."""
    if all(ord(char) < 0x2E80 for char in quote):
        return words(quote) in words(screen)
    return "".join(quote.split()) in "".join(screen.split())


def source_details(source_id: str) -> dict[str, Any]:
    (details,) = json_of("sources", source_id)
    return dict(details)


def too_wide(screen: str, cols: int) -> list[str]:
    """Lines wider than the screen that are not a URL on a line of its own (which the terminal
    wraps, so that it stays one URL)."""
    return [line for line in screen.splitlines() if len(line) > cols and not line.strip().startswith("http")]


def lines_under(screen: str, opening: str) -> list[str]:
    """The line that starts with `opening` and the continuation lines below it: those indented
    deeper than it that are not a key of their own."""
    lines = screen.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith(opening))
    depth = len(opening) - len(opening.lstrip())
    block = [lines[at]]
    for line in lines[at + 1 :]:
        indent = len(line) - len(line.lstrip())
        if not line.strip() or indent <= depth or KEY_LINE.match(line):
            break
        block.append(line)
    return block


def cited_source_ids(record: dict[str, Any]) -> list[str]:
    """Every source a record cites, itself or in its parts, once, in order (from its JSON)."""
    parts = [
        record,
        *record.get("areas", []),
        *([record["predecessor"]] if record.get("predecessor") else []),
    ]
    parts += record.get("offices", [])
    return list(dict.fromkeys(c["source"] for part in parts for c in part.get("sources") or []))


def every_quote(record: dict[str, Any]) -> list[str]:
    parts = [
        record,
        *record.get("areas", []),
        *([record["predecessor"]] if record.get("predecessor") else []),
    ]
    return [c["quote"] for part in parts for c in part.get("sources") or [] if c.get("quote")]


# --- item 6: show --------------------------------------------------------------------------------

PLURALS = {
    "itpps": "ITPP",
    "stances": "stance",
    "events": "event",
    "groupings": "grouping",
    "claims": "claim",
}


@pytest.mark.parametrize("cols", WIDTHS)
def test_show_opens_with_what_the_record_is_and_counts_of_what_is_about_it(cols: int) -> None:
    related = json_of("show", "japan")["related"]
    assert set(related) <= set(PLURALS)
    counts = [
        f"{len(rows)} {PLURALS[group]}{'' if len(rows) == 1 else 's'}" for group, rows in related.items()
    ]
    expected = "Japan (actor): " + ", ".join(counts)
    screen = screen_of("show", "japan", cols=cols)
    assert words(screen).startswith(expected)
    assert words("\n".join(screen.splitlines()[:2])).startswith(expected)  # the very first lines

    stance = json_of("show", "france-opposes-tokyo-office")
    sources = cited_source_ids(stance["record"])
    claims = len(stance["related"]["claims_about"])
    assert words(screen_of("show", "france-opposes-tokyo-office", cols=cols)).startswith(
        f"france-opposes-tokyo-office (stance): {claims} claims about it, {len(sources)} sources"
    )


@pytest.mark.parametrize("cols", WIDTHS)
def test_show_wraps_each_value_under_its_own_key_and_breaks_no_word(cols: int) -> None:
    record = json_of("show", "france-opposes-tokyo-office")["record"]
    screen = screen_of("show", "france-opposes-tokyo-office", cols=cols)
    assert too_wide(screen, cols) == []
    wrapped = 0
    for key in ("said", "occasion", "summary"):
        block = lines_under(screen, f"  {key}: ")
        # the whole value, word for word: no word broken, nothing lost
        assert words(" ".join(block)) == words(f"{key}: {record[key]}")
        assert all(line.startswith("    ") and not line.startswith("     ") for line in block[1:]), block
        wrapped += len(block) - 1
    assert wrapped >= 3  # long enough to wrap at every width tested
    # a related record's wrapped title hangs under its key too, inside the list item
    claim = lines_under(screen, "    - id: seed-claim-macron-rejected-at-vilnius")
    title = lines_under(screen, "      title: This geographic focus")
    assert len(claim) == 1 and len(title) > 1
    assert all(line.startswith("        ") for line in title[1:]), title


@pytest.mark.parametrize("cols", WIDTHS)
def test_show_lists_the_sources_as_cite_does_each_url_whole(cols: int) -> None:
    record = json_of("show", "itpp-japan")["record"]
    screen = screen_of("show", "itpp-japan", cols=cols)
    assert too_wide(screen, cols) == []
    ids = cited_source_ids(record)
    listed = screen.split("\nsources:\n", 1)[1]
    numbers = [int(m.group(1)) for line in listed.splitlines() if (m := ENTRY.match(line))]
    assert numbers == list(range(1, len(ids) + 1))  # one entry per source
    for number, source_id in enumerate(ids, start=1):
        details = source_details(source_id)
        if details["url"]:
            assert f"    {details['url']}" in listed.splitlines()  # whole, on a line of its own
        entry = listed.split(f"[{number}] ", 1)[1].split(f"\n[{number + 1}] ", 1)[0]
        assert quoted_in(details["title"], entry.split(" " * 4 + "http")[0]), details["title"]
    for quote in every_quote(record):
        assert quoted_in(quote, listed), quote
    # the record refers to them by number, as a table does after --cite
    own = [ids.index(c["source"]) + 1 for c in record["sources"]]
    refs = " ".join(dict.fromkeys(f"[{n}]" for n in own))
    assert words(" ".join(lines_under(screen, "  sources: "))) == f"sources: {refs}"


@pytest.fixture
def fake_pager(tmp_path: Path) -> tuple[str, Path]:
    record = tmp_path / "paged.txt"
    script = tmp_path / "pager.sh"
    script.write_text(f"#!/bin/sh\ncat > {record}\necho PAGED\n")
    script.chmod(0o755)
    return str(script), record


@pytest.mark.parametrize("cols", WIDTHS)
def test_show_is_paged_when_taller_than_the_screen(cols: int, fake_pager: tuple[str, Path]) -> None:
    pager, record = fake_pager
    env = {"ASIAPAC_PAGER": pager}
    shown, status = on_terminal(["show", "japan", "--data", BUNDLED], cols, rows=24, env=env)
    assert status == 0 and "PAGED" in shown
    assert words(ANSI.sub("", record.read_text())).startswith("Japan (actor): ")
    record.unlink()
    shown, status = on_terminal(["show", "japan", "--data", BUNDLED, "--no-pager"], cols, rows=24, env=env)
    assert status == 0 and "PAGED" not in shown and not record.exists() and "Japan (actor)" in shown
    shown, status = on_terminal(["show", "aukus", "--data", BUNDLED], cols, rows=80, env=env)
    assert status == 0 and "PAGED" not in shown and not record.exists()  # it fits: no pager
    piped = subprocess.run(
        [ASIAPAC, "show", "japan", "--data", BUNDLED, "-f", "table"],
        capture_output=True,
        text=True,
        env={**os.environ, "ASIAPAC_PAGER": pager},
    )
    assert piped.returncode == 0 and "Japan (actor)" in piped.stdout and not record.exists()


def test_show_on_a_terminal_says_every_field_the_piped_outline_does() -> None:
    text = run("show", "germany-on-tokyo-office").stdout
    shown = words(run("show", "germany-on-tokyo-office", terminal=Terminal(True, False, 80, 50)).stdout)
    said = [
        line.strip()
        for line in text.splitlines()
        if ": " in line and not line.startswith(("kind:", "id:", "citations:", "- ", "  - "))
    ]
    said = [line for line in said if not line.startswith(("sources:", "- source:", "quote:"))]
    assert said
    for line in said:
        assert words(line) in shown, line


# --- item 7: cite --------------------------------------------------------------------------------


@pytest.mark.parametrize("cols", WIDTHS)
@pytest.mark.parametrize("record_id", ["france-opposes-tokyo-office", "itpp-japan", "fumio-kishida"])
def test_cite_on_a_terminal_gives_each_source_once_with_its_quotes_beneath(cols: int, record_id: str) -> None:
    record = json_of("show", record_id)["record"]
    screen = screen_of("cite", record_id, cols=cols)
    assert too_wide(screen, cols) == []
    ids = cited_source_ids(record)
    entries = [line for line in screen.splitlines() if ENTRY.match(line)]
    assert len(entries) == len(ids)
    for number, source_id in enumerate(ids, start=1):
        details = source_details(source_id)
        entry = screen.split(f"[{number}] ", 1)[1].split(f"\n[{number + 1}] ", 1)[0]
        assert quoted_in(details["title"], entry.split(" " * 4 + "http")[0]), details["title"]
        if details["url"]:
            assert entry.count(details["url"]) == 1
            assert f"    {details['url']}" in entry.splitlines()
    body = [line for line in screen.splitlines() if line.strip() and not ENTRY.match(line)]
    assert all(line.startswith("    ") for line in body)  # beneath its source, indented
    joined = words(screen)
    for quote in every_quote(record):
        assert quoted_in(quote, screen), quote
    for number, area in enumerate(record.get("areas", []), start=1):
        if area.get("sources"):
            assert words(f"Area {number} ({area['name']})") in joined


def test_cite_on_a_terminal_exactly() -> None:
    # The small fact file's ITPP cites one source three times: for itself and for two areas.
    expected = (
        "[1] Individually Tailored Partnership Programme between NATO and Japan for 2023\n"
        "    – 2026. NATO, 2023-07-12.\n"
        "    https://www.nato.int/cps/en/natolive/official_texts_217797.htm\n"
        "    Area 1 (cyber defence)\n"
        "    Area 2 (maritime security)\n"
    )
    assert run("cite", "itpp-japan", terminal=Terminal(True, False, 80, 50)).stdout == expected
    quoted = run(
        "cite", "france-opposes-tokyo-office", "--data", BUNDLED, terminal=Terminal(True, False, 80, 99)
    )
    assert quoted.stdout.startswith(
        "[1] AFP report on Macron's Vilnius press conference [descriptive title]. AFP,\n"
        "    2023-07-12.\n"
        "    https://taiwannews.com.tw/news/4943221\n"
        '    "Whatever people say, geography is stubborn"\n'
        '    "The Indo-Pacific is not the North Atlantic, so we must not give the\n'
        "     impression that NATO is somehow building legitimacy and a geographically\n"
        '     established presence in other areas"\n'
        "[2] "
    )


def test_cite_piped_stays_one_line_per_citation_exactly() -> None:
    # Unchanged by the terminal view: a line per citation, self-contained, so `grep` finds a
    # quote with its source; a part of the record that cites it says so first.
    line = (
        "Individually Tailored Partnership Programme between NATO and Japan for 2023 – 2026. "
        "NATO, 2023-07-12. https://www.nato.int/cps/en/natolive/official_texts_217797.htm"
    )
    assert run("cite", "itpp-japan").stdout == (
        f"{line}\nArea 1 (cyber defence): {line}\nArea 2 (maritime security): {line}\n"
    )
    piped = subprocess.run([ASIAPAC, "cite", "itpp-japan"], capture_output=True, text=True)
    assert piped.stdout == run("cite", "itpp-japan").stdout


@pytest.mark.parametrize("cols", WIDTHS)
def test_cite_is_paged_when_taller_than_the_screen(cols: int, fake_pager: tuple[str, Path]) -> None:
    pager, record = fake_pager
    env = {"ASIAPAC_PAGER": pager}
    shown, status = on_terminal(["cite", "itpp-japan", "--data", BUNDLED], cols, rows=24, env=env)
    assert status == 0 and "PAGED" in shown and record.read_text().startswith("[1] ")
    record.unlink()
    shown, status = on_terminal(
        ["cite", "itpp-japan", "--data", BUNDLED, "--no-pager"], cols, rows=24, env=env
    )
    assert status == 0 and "PAGED" not in shown and not record.exists()


# --- item 10: the small ones ---------------------------------------------------------------------


@pytest.mark.parametrize("cols", WIDTHS)
def test_export_html_to_a_terminal_is_refused_with_a_hint(cols: int, tmp_path: Path) -> None:
    shown, status = on_terminal(["export", "--format", "html", "--data", BUNDLED], cols)
    assert status == 2
    assert "<html" not in shown.lower() and len(shown.splitlines()) <= 4
    assert "--output FILE.html" in words(shown) and "> briefing.html" in words(shown)
    # -o - asks for standard output by name, and gets it; so does a pipe
    shown, status = on_terminal(["export", "--format", "html", "-o", "-", "--data", BUNDLED], cols)
    assert status == 0 and "<html" in shown.lower()
    piped = subprocess.run([ASIAPAC, "export", "--format", "html", "--data", BUNDLED], capture_output=True)
    assert piped.returncode == 0 and piped.stdout.lower().startswith(b"<!doctype html>")
    shown, status = on_terminal(
        ["export", "-f", "html", "-o", str(tmp_path / "b.html"), "--data", BUNDLED], cols
    )
    assert status == 0 and (tmp_path / "b.html").read_text(encoding="utf-8").lower().startswith(
        "<!doctype html>"
    )


@pytest.mark.parametrize("cols", WIDTHS)
def test_a_part_of_a_name_an_actor_shares_means_the_actor_and_names_the_rest(cols: int) -> None:
    document = json_of("show", "stoltenberg")
    assert document["id"] == "jens-stoltenberg" and document["also"] == ["topic stoltenberg-visits"]
    screen = screen_of("show", "stoltenberg", cols=cols)
    assert words(screen).startswith("Jens Stoltenberg (actor): ")
    assert "The name also matches: topic stoltenberg-visits." in words("\n".join(screen.splitlines()[:4]))
    assert (
        run("cite", "stoltenberg", "--data", BUNDLED).stdout
        == run("cite", "jens-stoltenberg", "--data", BUNDLED).stdout
    )


def test_a_part_of_a_name_two_actors_share_is_still_a_question(tmp_path: Path) -> None:
    small = (REPO / "tests" / "fixtures" / "small.yaml").read_text(encoding="utf-8")
    two = small.replace(
        "topics:\n",
        "  - id: jane-doe\n    name: Jane Doe\n    kind: person\n"
        "  - id: jane-roe\n    name: Jane Roe\n    kind: person\ntopics:\n",
        1,
    )
    facts = tmp_path / "two.yaml"
    facts.write_text(two, encoding="utf-8")
    result = run("show", "jane", "--data", str(facts))
    assert result.exit_code == 2 and result.stdout == ""
    assert "'jane' names more than one record; did you mean 'jane-doe' or 'jane-roe'?" in result.stderr


@pytest.mark.parametrize("cols", WIDTHS)
def test_root_help_keeps_its_usage_line_on_a_40_row_screen(cols: int) -> None:
    shown, status = on_terminal(["--help"], cols, rows=40)
    lines = shown.rstrip("\n").splitlines()
    assert status == 0 and lines[0].startswith("Usage: asiapac ")
    assert len(lines) <= 38  # with the command above it and the prompt below: 40 rows
    assert all(len(line) <= cols for line in lines), [line for line in lines if len(line) > cols]
    listed = shown.split("Commands", 1)[1].split("\n\n", 1)[0].splitlines()[1:]
    names = [line.split()[0] for line in listed]
    assert names == list(COMMAND_MODULES)  # every command, in order, each on a line with its summary
    assert all(len(line.split()) > 1 and "..." not in line for line in listed)
    assert "--version" in lines[0] and "-h" in lines[0] and "--install-completion" in shown


def test_the_readme_sort_example_sorts_the_rows_without_the_header(tmp_path: Path) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    (example,) = [line.strip() for line in readme.splitlines() if line.strip().startswith("asiapac itpp |")]
    command = example.split("  #", 1)[0].replace("asiapac", ASIAPAC, 1)
    env = {**os.environ, "ASIAPAC_DATA": BUNDLED}
    out = subprocess.run(["bash", "-c", command], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    rows = out.stdout.splitlines()
    agreed = {row["partner"]: row["agreed"] or "" for row in json_of("itpp")}
    assert [row.split("\t")[0] for row in rows] == sorted(agreed, key=lambda p: agreed[p])
    assert "partner" not in out.stdout.split("\t")  # the header is not sorted into the rows
