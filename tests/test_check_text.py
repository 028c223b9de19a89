"""Sentence splitting for `asiapac check`: abbreviations, dates, Markdown, line numbers."""

from __future__ import annotations

from asiapac_cli.check.sentences import split


def sentences(text: str) -> list[str]:
    return [s for _, s in split(text)]


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


def test_line_numbers_of_wrapped_markdown() -> None:
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
    assert split(text) == [
        (1, "A heading"),
        (3, "First sentence on two lines."),
        (4, "Second sentence here."),
        (7, "a list item"),
        (8, "another."),
        (8, "With two."),
        (12, "A quoted line."),
    ]


def test_plain_text_with_a_paragraph_per_line() -> None:
    long_line = "NATO met in Vilnius. " * 12
    text = f"{long_line}\n1-Can you explain the office\nThe answer is long."
    result = split(text)
    assert result[-2:] == [(2, "1-Can you explain the office"), (3, "The answer is long.")]


def test_empty_and_blank_texts() -> None:
    assert split("") == []
    assert split("\n\n   \n") == []


def test_a_run_on_text_is_cut_into_bounded_pieces_with_their_lines() -> None:
    text = "word " * 1000 + "\nend of it"
    pieces = split(text)
    assert all(len(s) <= 1500 for _, s in pieces)
    assert " ".join(s for _, s in pieces).split() == text.split()
    assert pieces[0][0] == 1 and pieces[-1][0] == 2
