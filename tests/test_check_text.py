"""Sentence splitting for `asiapac check`: abbreviations, dates, Markdown, lines and columns as
editors count them, invisible characters, and what is skipped (and said to be)."""

from __future__ import annotations

from pathlib import Path

import pytest

from asiapac_cli.check.sentences import INVISIBLE, MAX_SENTENCE, split
from conftest import REPO, run

FACTS = REPO / "data" / "facts.yaml"


def sentences(text: str, markdown: bool = False) -> list[str]:
    return [s.text for s in split(text, markdown).sentences]


def places(text: str, markdown: bool = False) -> list[tuple[int, int, str]]:
    return [(s.line, s.column, s.text) for s in split(text, markdown).sentences]


def test_abbreviations_and_titles_do_not_end_a_sentence() -> None:
    text = "Assoc. Prof. Dr. Ikboljon Qoraboyev met U.S. officials. Then Mr. Kishida left. It rained!"
    assert sentences(text) == [
        "Assoc. Prof. Dr. Ikboljon Qoraboyev met U.S. officials.",
        "Then Mr. Kishida left.",
        "It rained!",
    ]


def test_dates_and_numbers_stay_whole() -> None:
    text = "The summit opened on 11 July 2023. It ended on Jan. 31 at 5 p.m. in Vilnius. Approx. 16 areas."
    assert sentences(text) == [
        "The summit opened on 11 July 2023.",
        "It ended on Jan. 31 at 5 p.m. in Vilnius.",
        "Approx. 16 areas.",
    ]


def test_a_stop_glued_to_the_next_sentence_still_ends_it() -> None:
    assert sentences("with partners in the region.The 2022 Madrid Summit was a milestone.") == [
        "with partners in the region.",
        "The 2022 Madrid Summit was a milestone.",
    ]


def test_quotes_after_the_stop_belong_to_the_sentence() -> None:
    assert sentences("He said “the Indo-Pacific is not the North Atlantic.” Then he left.") == [
        "He said “the Indo-Pacific is not the North Atlantic.”",
        "Then he left.",
    ]
    # At the end of a paragraph too: the closing quote is not a sentence of its own.
    assert sentences("He said “it is not the North Atlantic.”\n\nNext.") == [
        "He said “it is not the North Atlantic.”",
        "Next.",
    ]


def test_line_and_column_of_wrapped_markdown() -> None:
    text = (
        "# A heading\n"
        "\n"
        "First sentence on\n"
        "two lines. Second\n"
        "sentence here.\n"
        "\n"
        "- a list item\n"
        "- another. With two.\n"
        "```\n"
        "code. Is. Skipped.\n"
        "```\n"
        "> A quoted line.\n"
    )
    assert places(text, markdown=True) == [
        (1, 3, "A heading"),
        (3, 1, "First sentence on two lines."),
        (4, 12, "Second sentence here."),
        (7, 3, "a list item"),
        (8, 3, "another."),
        (8, 12, "With two."),
        (12, 3, "A quoted line."),
    ]
    assert [(s.first, s.last) for s in split(text, markdown=True).skipped] == [(10, 10)]


def test_plain_text_has_no_markdown() -> None:
    text = "```\nJapan's ITPP has 16 areas.\n~~~\n--- Japan's ITPP has 16 areas.\n# Not a heading. Two sentences.\n"
    assert sentences(text) == [
        "``` Japan's ITPP has 16 areas.",
        "~~~ --- Japan's ITPP has 16 areas.",
        "# Not a heading.",
        "Two sentences.",
    ]
    assert split(text).skipped == []


def test_an_unclosed_fence_ends_at_the_next_blank_line_and_is_reported() -> None:
    text = "```\nnot prose\n\nJapan's ITPP has 16 areas.\n"
    result = split(text, markdown=True)
    assert [s.text for s in result.sentences] == ["Japan's ITPP has 16 areas."]
    assert [(s.first, s.last) for s in result.skipped] == [(2, 2)]
    assert "never closed" in result.skipped[0].reason


def test_a_line_of_dashes_in_prose_is_prose_in_markdown_too() -> None:
    text = "Intro.\n\n--- Japan's ITPP has 16 areas.\n\n| a | b |\n|---|:-:|\n| Japan | 16 areas |\n\n---\n"
    assert sentences(text, markdown=True) == [
        "Intro.",
        "--- Japan's ITPP has 16 areas.",
        "a",
        "b",
        "Japan",
        "16 areas",
    ]


def test_lines_are_counted_as_editors_count_them() -> None:
    # \f, \x1c-\x1e, \x85, U+2028/9 end no line for grep -n or an editor; \r and \r\n do.
    for separator in ("\f", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"):
        text = f"One.{separator}Two.\nThree.\nFour.\nFive is on line 4."
        assert [s.line for s in split(text).sentences][-1] == 4, repr(separator)
    assert [s.line for s in split("One.\r\nTwo.\rThree.").sentences] == [1, 2, 3]


@pytest.mark.parametrize("invisible", ["\u200b", "\u00ad", "\ufeff", "\x00", "\u2060", "\u202e"])
def test_an_invisible_character_never_hides_a_sentence_boundary(invisible: str) -> None:
    text = f"Japan attended the Madrid summit in 2022.{invisible} France opposed the Tokyo office."
    result = sentences(text)
    assert len(result) == 2
    assert result[1] == "France opposed the Tokyo office."


def test_invisible_covers_every_format_character_of_this_python() -> None:
    import unicodedata

    missing = [
        hex(code)
        for code in range(0x110000)
        if unicodedata.category(chr(code)) == "Cf"
        and code not in (0x200C, 0x200D)
        and not INVISIBLE.match(chr(code))
    ]
    assert missing == []
    assert (
        INVISIBLE.match("\u200d") is None and INVISIBLE.match("\u200c") is None
    )  # joiners stay inside words


def test_plain_text_with_a_paragraph_per_line() -> None:
    long_line = "NATO met in Vilnius. " * 12
    text = f"{long_line}\n1-Can you explain the office\nThe answer is long."
    assert places(text)[-2:] == [(2, 1, "1-Can you explain the office"), (3, 1, "The answer is long.")]


def test_empty_and_blank_texts() -> None:
    assert split("").sentences == []
    assert split("\n\n   \n").sentences == []


def test_a_run_on_text_is_cut_into_bounded_pieces_with_their_lines() -> None:
    text = "word " * 1000 + "\nend of it"
    pieces = split(text).sentences
    assert all(len(s.text) <= MAX_SENTENCE for s in pieces)
    assert " ".join(s.text for s in pieces).split() == text.split()
    assert pieces[0].line == 1 and pieces[-1].line == 2


# --- through the command ---------------------------------------------------------------------------


def test_check_says_what_it_skipped(tmp_path: Path) -> None:
    text = tmp_path / "draft.md"
    text.write_text(
        "Intro.\n\n```\nJapan's ITPP has 18 areas.\nmore code\n```\n\nAUKUS was announced in 2021.\n"
    )
    result = run("check", str(text), "--data", str(FACTS), "-f", "tsv", "-c", "line,verdict")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "line\tverdict\n8\tconfirmed\n"
    assert result.stderr == f"asiapac: {text}: lines 4-5 not checked: a code block\n"
    # The same file read as plain text checks every line (and so finds the error).
    plain = run("check", str(text), "--data", str(FACTS), "--text", "-f", "tsv", "-c", "line,verdict")
    assert plain.exit_code == 3 and plain.stderr == ""


def test_check_line_numbers_match_grep(tmp_path: Path) -> None:
    text = tmp_path / "formfeed.txt"
    text.write_bytes(b"Intro.\fmore\n\nText.\n\nAUKUS was announced in 2022.\n")
    result = run("check", str(text), "--data", str(FACTS), "-f", "tsv", "-c", "line,column")
    assert result.stdout == "line\tcolumn\n5\t1\n"  # grep -n 'AUKUS' says 5


def test_a_long_alias_and_a_month_precision_period_do_not_crash_check(tmp_path: Path) -> None:
    facts = FACTS.read_text(encoding="utf-8")
    alias = "Japan " + "very " * 120 + "long name"
    facts = facts.replace("aliases: [jp, jpn, nippon]", f'aliases: [jp, jpn, nippon, "{alias}"]', 1)
    facts = facts.replace('period_end: "2026"', 'period_end: "2026-06"', 1)
    path = tmp_path / "facts.yaml"
    path.write_text(facts, encoding="utf-8")
    assert run("validate", str(path)).exit_code == 0
    draft = tmp_path / "draft.txt"
    draft.write_text(f"{alias} attended the Madrid summit. Japan's ITPP runs from 2023 to 2026.\n")
    result = run("check", str(draft), "--data", str(path), "-f", "tsv", "-c", "verdict")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "verdict\nconfirmed\nconfirmed\n"
