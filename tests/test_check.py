"""`asiapac check`: precision and recall on sentences written from the records, the seed
interview, two news-style texts with planted errors, and the command's contract."""

from __future__ import annotations

import functools
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from asiapac_cli.check.checker import COLUMNS, EXIT_CONTRADICTED, VERDICTS, Checker, check
from asiapac_cli.facts import load
from conftest import FIXTURES, REPO, run

sys.path.insert(0, str(Path(__file__).parent))
import prose  # noqa: E402

FACTS = REPO / "data" / "facts.yaml"
SEED = REPO.parent / "shared" / "seeds" / "000_cab049b54525a233.txt"
FLAGGED = ("contradicted", "contested")


@functools.cache
def bundled() -> Any:
    """The bundled fact base, read once (hypothesis runs a test many times)."""
    return load.load(FACTS, use_cache=False)


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(bundled())


def verdicts(checker: Checker, text: str, show_all: bool = False) -> list[dict[str, Any]]:
    return checker.check(text, show_all).rows


def verdict_of(checker: Checker, sentence: str) -> str:
    rows = verdicts(checker, sentence)
    assert len(rows) == 1, rows
    return str(rows[0]["verdict"])


def by_line(rows: list[dict[str, Any]], line: int, start: str) -> dict[str, Any]:
    matches = [r for r in rows if r["line"] == line and r["sentence"].startswith(start)]
    assert len(matches) == 1, (line, start, rows)
    return matches[0]


# --- precision and recall on the fact base's own records -----------------------------------


def expected(pair: prose.Pair, true: bool) -> str:
    """A record with contested evidence is `contested` either way; otherwise the plain verdict."""
    if pair.evidence == "contested":
        return "contested"
    return "confirmed" if true else "contradicted"


@pytest.mark.parametrize("style", prose.PRECISE_STYLES, ids=lambda s: s.__name__)
@pytest.mark.parametrize("words", [False, True], ids=["digits", "words"])
def test_every_true_sentence_is_confirmed_and_every_changed_one_flagged(
    checker: Checker, style: prose.DateStyle, words: bool
) -> None:
    pairs = prose.pairs(checker.fb, style, words)
    assert len(pairs) >= 60
    kinds = {p.kind for p in pairs}
    assert {
        "summit-date",
        "attendance",
        "attendance-level",
        "visit-date",
        "itpp-areas",
        "itpp-agreed",
        "stance",
    } <= kinds
    wrong_true = [(p.true, v) for p in pairs if (v := verdict_of(checker, p.true)) != expected(p, True)]
    missed = [(p.false, v) for p in pairs if (v := verdict_of(checker, p.false)) != expected(p, False)]
    assert wrong_true == []
    assert missed == []


@settings(max_examples=25, deadline=None)
@given(
    style=st.sampled_from(prose.PRECISE_STYLES),
    words=st.booleans(),
    delta=st.integers(min_value=1, max_value=4).flatmap(lambda d: st.sampled_from([d, -d])),
)
def test_any_altered_count_is_contradicted(style: prose.DateStyle, words: bool, delta: int) -> None:
    checker = Checker(bundled())
    for pair in prose.pairs(checker.fb, style, words, delta):
        if pair.kind == "itpp-areas":
            assert verdict_of(checker, pair.true) == "confirmed"
            assert verdict_of(checker, pair.false) == "contradicted", pair.false


@settings(max_examples=30, deadline=None)
@given(style=st.sampled_from(prose.PRECISE_STYLES), months=st.integers(min_value=1, max_value=6))
def test_any_date_moved_within_its_year_is_contradicted(style: prose.DateStyle, months: int) -> None:
    checker = Checker(bundled())
    for pair in prose.pairs(checker.fb, style, months=months):
        if pair.kind not in ("summit-date", "visit-date", "itpp-agreed"):
            continue
        moved_into_a_month_it_touches = style is prose.month_year and months == 1
        if moved_into_a_month_it_touches and verdict_of(checker, pair.false) == "confirmed":
            # "February 2023" for a visit of 31 January - 1 February 2023 is still true.
            continue
        assert verdict_of(checker, pair.true) == expected(pair, True), pair.true
        assert verdict_of(checker, pair.false) == expected(pair, False), pair.false


def test_the_true_sentences_as_one_text_flag_nothing(checker: Checker) -> None:
    pairs = prose.pairs(checker.fb)
    rows = verdicts(checker, "\n\n".join(p.true for p in pairs if p.evidence != "contested"))
    assert rows and all(r["verdict"] == "confirmed" for r in rows)


# --- the seed interview --------------------------------------------------------------------


@pytest.mark.skipif(not SEED.exists(), reason="the seed interview lives outside the repository")
def test_the_seed_interview_known_errors_are_flagged_and_its_facts_are_not(checker: Checker) -> None:
    rows = verdicts(checker, SEED.read_text(encoding="utf-8"))

    month_later = by_line(rows, 18, "A month later, Secretary-General Stoltenberg")
    assert month_later["verdict"] == "contradicted"
    assert "stoltenberg-visit-tokyo-2023" in month_later["records"]
    assert "31 January" in month_later["correction"]
    pact = by_line(rows, 16, "The Quadruple Security Dialogue (QUAD)")
    assert pact["verdict"] == "contradicted"
    assert "camp-david-trilateral" in pact["records"]
    germany = by_line(rows, 19, "The discussions ended with the victory of suspects")
    assert germany["verdict"] == "contested"
    assert "germany-on-tokyo-office" in germany["records"]

    assert by_line(rows, 5, "The 2022 Madrid Summit")["verdict"] == "confirmed"
    assert by_line(rows, 5, "The Madrid summit was the first time")["verdict"] == "confirmed"
    assert by_line(rows, 5, "Japan’s ITPP includes 16 areas")["verdict"] == "confirmed"
    korea = by_line(rows, 5, "South Korea’s ITPP addresses 11 areas")
    assert korea["verdict"] == "confirmed"
    assert korea["correction"].startswith("Right, with a caveat")  # "cybersecurity" is "cyber defence"
    assert by_line(rows, 5, "This trend continued in July 2023")["verdict"] == "confirmed"
    for row in rows:
        if row["verdict"] in FLAGGED:
            assert row["correction"] and row["records"] and row["sources"] and row["citations"]


@pytest.mark.skipif(not SEED.exists(), reason="the seed interview lives outside the repository")
def test_the_month_later_visit_is_wrong_by_its_dates_alone() -> None:
    # Without the recorded claim, the relative date alone refutes the sentence.
    checker = Checker(bundled())
    checker.claims, checker.claim_index = [], {}
    text = (
        "Japan decided to set up a separate delegation to NATO in January 2023. "
        "A month later, Secretary-General Stoltenberg advanced the idea during his visit to Japan."
    )
    row = verdicts(checker, text)[-1]
    assert row["verdict"] == "contradicted"
    assert row["records"] == ["stoltenberg-visit-tokyo-2023"]


# --- texts of our own, with planted errors ----------------------------------------------------

ARTICLES = {
    "vilnius_article.md": {
        "confirmed": [
            (5, "NATO leaders gathered in Vilnius"),
            (6, "For the second year running"),
            (9, "Japan and NATO agreed a new"),
            (18, "France opposed the plan"),
            (25, "AUKUS, announced on 15 September 2021"),
        ],
        "contradicted": [
            (10, "South Korea's ITPP, agreed a day earlier, lists 12 areas."),
            (12, "New Zealand's Prime Minister Christopher Luxon"),
            (14, "The Madrid summit, where the four partners first took part"),
            (19, "NATO opened its Tokyo liaison office"),
            (26, "The Quad, made up of Australia, India, Japan and South Korea"),
        ],
        "contested": [(18, "Germany also opposed the office")],
    },
    "tokyo_wire.txt": {
        "confirmed": [
            (1, "TOKYO, Jan. 31 (Wire)"),
            (2, "Two days earlier he had visited Seoul"),
            (5, "Japan's mission to NATO opened"),
            (8, "The Strategic Concept, adopted"),
            (9, "Japan's ITPP runs from 2023 to 2026"),
            (15, "China opposed the NATO office in Japan."),
        ],
        "contradicted": [
            (6, "South Korea opened its mission to NATO in 2021."),
            (12, "At The Hague summit in June 2025"),
            (14, "The Camp David summit of 18 August 2023"),
        ],
        "unknown": [(5, "Kishida said Japan would open"), (11, "Anthony Albanese did not attend")],
    },
}


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_articles_with_planted_errors(checker: Checker, name: str) -> None:
    rows = verdicts(checker, (FIXTURES / "check" / name).read_text(encoding="utf-8"))
    for verdict, expected_rows in ARTICLES[name].items():
        for line, start in expected_rows:
            assert by_line(rows, line, start)["verdict"] == verdict, (line, start)
    planted = sum(len(v) for k, v in ARTICLES[name].items() if k in FLAGGED)
    assert sum(r["verdict"] in FLAGGED for r in rows) == planted  # nothing else is flagged


# --- single judges -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "verdict"),
    [
        ("Stoltenberg visited Japan in March 2023.", "contradicted"),
        ("Stoltenberg visited Japan in February 2023.", "confirmed"),  # 31 January - 1 February
        ("The Vilnius summit took place in July 2024.", "contradicted"),
        ("At Madrid 2022, the four partners attended for the first time.", "confirmed"),
        ("The leaders of all four Indo-Pacific partners attended The Hague summit.", "contradicted"),
        ("Anthony Albanese did not attend the Washington summit.", "unknown"),
        ("Japan's ITPP has sixteen areas.", "confirmed"),
        ("Australia's ITPP has 12 areas.", "unknown"),  # the base does not know Australia's count
        ("Korea's ITPP covers 2024–2027.", "contradicted"),
        ("Japan opposed the Tokyo office, while China supported it.", "contradicted"),
        ("NATO's plan for a Tokyo office was opposed by France.", "confirmed"),
        ("The plan to open a NATO office in Tokyo was shelved.", "unknown"),
        ("NATO wanted to open a liaison office in Tokyo.", "unknown"),
        ("The Camp David summit created a collective-defence pact.", "contradicted"),
        ("The Quad is often described as an alliance.", "unknown"),  # the base does not deny it
        ("AUKUS was announced in 2022.", "contradicted"),
        ("NATO adopted its Strategic Concept in June 2023.", "contradicted"),
        ("The United Kingdom opposed the Tokyo office.", "unknown"),  # no UK stance recorded
        ("Stoltenberg visited Japan a month after Japan's decision in January 2023.", "contradicted"),
        ("Stoltenberg visited Japan a day after he was in Seoul on 29–30 January 2023.", "confirmed"),
        ("Stoltenberg visited Seoul on 29 January 2023 and Japan two days later.", "confirmed"),
        ("Stoltenberg visited Seoul on 29 January 2023 and Japan a month later.", "contradicted"),
        (
            "NATO leaders met in Brussels in March 2022 for an extraordinary summit.",
            "confirmed",
        ),
        ("NATO leaders held a virtual summit in Brussels in February 2022.", "unknown"),  # not in the base
        ("Rutte visited Tokyo in June 2025.", "contradicted"),  # 8-9 April 2025
        ("The Japanese prime minister attended The Hague summit in June 2025.", "contradicted"),
        ("The French president opposed a NATO office in Tokyo.", "confirmed"),
        ("Kishida attended the NATO summits in Madrid and Vilnius.", "confirmed"),
        ("Japan and South Korea signed ITPPs with NATO in July 2023.", "confirmed"),
        ("Japan and South Korea signed ITPPs with NATO in 2024.", "unknown"),
        ("Japan signed a partnership programme with NATO in 2014.", "unknown"),  # the IPCP, not the ITPP
        ("The Quad held its first in-person leaders' summit in Washington in September 2021.", "confirmed"),
        ("Japan welcomed NATO's proposal to open a liaison office in Tokyo.", "confirmed"),
        ("Australia's prime minister attended the Washington summit.", "contradicted"),
        ("Australia sent its deputy prime minister to the Washington summit in July 2024.", "confirmed"),
        ("Japan sent its foreign minister to The Hague summit.", "confirmed"),
        ("Japan was represented by its foreign minister at the Vilnius summit.", "contradicted"),
        (
            "At the 2024 Washington summit, Australia was represented by Richard Marles rather than Albanese.",
            "confirmed",
        ),
        (
            "Japan's Prime Minister Shigeru Ishiba cancelled his trip to The Hague summit on 23 June 2025.",
            "unknown",
        ),
        ("Yoon attended the Madrid summit in 2022 and the Vilnius summit in 2023.", "confirmed"),
        ("Stoltenberg visited Tokyo in 2017 and again in 2023.", "confirmed"),
        ("The Quad was revived in November 2017 with officials' talks in Manila.", "confirmed"),
        ("In Madrid in June 2022, NATO adopted a new Strategic Concept.", "confirmed"),
        ("Was a NATO liaison office opened in Tokyo?", "unknown"),
        ('The phrase "Camp David Pact" is wrong.', "unknown"),
        (
            "Japan's ITPP sets out cooperation in areas such as space; its predecessor covered 5 areas.",
            "unknown",
        ),
        ("Under the ITPP, Japan and NATO will hold talks in two areas each year.", "unknown"),
        ("Japan's ITPP: 17 areas of cooperation.", "contradicted"),
        ("Paris, unlike Tokyo, was against the office in Japan.", "confirmed"),
        ("Beijing criticised the proposal for a NATO liaison office in Japan.", "confirmed"),
        ("A NATO office was opened in Brussels in 1949.", "unknown"),
    ],
)
def test_single_sentences(checker: Checker, sentence: str, verdict: str) -> None:
    assert verdict_of(checker, sentence) == verdict


def test_a_relative_date_needs_a_date_before_it(checker: Checker) -> None:
    assert verdict_of(checker, "A month later, Stoltenberg visited Japan.") == "unknown"
    rows = verdicts(checker, "On 29 January 2023 Stoltenberg was in Seoul. The next day he visited Japan.")
    assert [r["verdict"] for r in rows] == ["confirmed", "contradicted"]  # Tokyo was 31 January


def test_sentences_naming_nothing_known_appear_only_with_all(checker: Checker) -> None:
    text = "It rained in Vilnius. Japan's ITPP has 16 areas."
    assert [r["sentence"] for r in verdicts(checker, text)] == ["Japan's ITPP has 16 areas."]
    rows = verdicts(checker, text, show_all=True)
    assert [(r["line"], r["verdict"]) for r in rows] == [(1, "unknown"), (1, "confirmed")]


def test_min_evidence_ignores_weaker_records() -> None:
    fb = bundled()
    sentence = "Japan opposed the NATO office in Tokyo."  # Japan's support is single-source
    assert check(fb, sentence).rows[0]["verdict"] == "contradicted"
    assert check(fb, sentence, min_evidence="well-documented").rows[0]["verdict"] == "unknown"


# --- the command ---------------------------------------------------------------------------------


def test_command_exit_status_and_columns(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Japan's ITPP has 16 areas.\n", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_text("Japan's ITPP has 18 areas.\n", encoding="utf-8")
    result = run("check", str(good), "--data", str(FACTS), "-f", "json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert list(rows[0]) == COLUMNS
    assert rows[0]["verdict"] == "confirmed"
    result = run("check", str(bad), "--data", str(FACTS), "-f", "tsv")
    assert result.exit_code == EXIT_CONTRADICTED == 3
    header, line = result.stdout.splitlines()
    assert header.split("\t")[:6] == ["line", "sentence", "verdict", "correction", "records", "sources"]
    assert "has 16 areas, not 18" in line


def test_command_reads_stdin() -> None:
    from typer.testing import CliRunner

    from asiapac_cli.cli.app import build_app

    app = build_app()

    result = CliRunner().invoke(
        app, ["check", "-", "--data", str(FACTS), "-f", "csv"], input="AUKUS was announced in 2022.\n"
    )
    assert result.exit_code == 3
    assert "contradicted" in result.stdout


def test_command_refuses_text_that_is_not_utf8(tmp_path: Path) -> None:
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Japan’s ITPP – café".encode("cp1252"))
    result = run("check", str(latin), "--data", str(FACTS))
    assert result.exit_code == 66
    assert "not UTF-8" in result.stderr and "Traceback" not in result.stderr
    assert run("check", str(tmp_path / "missing.txt"), "--data", str(FACTS)).exit_code == 66


def test_command_on_a_text_with_nothing_to_judge(tmp_path: Path) -> None:
    empty = tmp_path / "weather.txt"
    empty.write_text("It rained all day.\n", encoding="utf-8")
    result = run("check", str(empty), "--data", str(FACTS), "-f", "tsv")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == ["\t".join(COLUMNS)]


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=300))
def test_any_text_is_checked_without_error(text: str) -> None:
    checker = Checker(bundled())
    for row in checker.check(text, show_all=True).rows:
        assert row["verdict"] in VERDICTS
        assert row["line"] >= 1


@settings(max_examples=100, deadline=None)
@given(
    pieces=st.lists(
        st.sampled_from(
            [
                "Stoltenberg",
                "visited",
                "Japan",
                "Seoul",
                "the Vilnius summit",
                "in July 2023",
                "on 12 July 2023",
                "a month later",
                "ITPP",
                "16 areas",
                "opposed",
                "the Tokyo office",
                "Camp David",
                "Quad",
                ".",
                ",",
                "not",
                "\n",
                "U.S.",
                "Dr.",
            ]
        ),
        max_size=40,
    )
)
def test_word_salad_of_known_names_never_crashes(pieces: list[str]) -> None:
    checker = Checker(bundled())
    rows = checker.check(" ".join(pieces), show_all=True).rows
    assert all(r["verdict"] in VERDICTS for r in rows)


def test_the_seed_interview_errors_are_caught_in_other_words_too() -> None:
    # With the recorded claims switched off, the structured judges still flag each error.
    checker = Checker(bundled())
    checker.claims, checker.claim_index = [], {}
    text = (
        "In January 2023 Japan decided to open its own delegation to NATO. "
        "Stoltenberg travelled to Japan a month later to push the idea of a NATO office. "
        "In August 2023 the US, Japan and South Korea formed a security pact at Camp David. "
        "Germany sided with France against the NATO liaison office in Tokyo."
    )
    assert [r["verdict"] for r in verdicts(checker, text)][1:] == [
        "contradicted",
        "contradicted",
        "contested",
    ]


def test_the_fact_base_own_prose_is_not_contradicted(checker: Checker) -> None:
    # Titles and summaries of events, stances, groupings, ITPPs and topics are true by
    # construction; only a contested record may make one contested.
    fb = checker.fb
    texts = [f"{e['title']}." for e in fb.events] + [e["summary"] for e in fb.events if e.get("summary")]
    for kind in ("stances", "groupings", "itpps", "topics"):
        for record in fb.table(kind).values():
            texts += [record[f] for f in ("summary", "nature", "description", "note") if record.get(f)]
    rows = [row for text in texts for row in verdicts(checker, text)]
    assert len(rows) > 100
    assert [r["sentence"] for r in rows if r["verdict"] == "contradicted"] == []
    contested = {record for r in rows if r["verdict"] == "contested" for record in r["records"]}
    assert all(fb.get(record)["evidence"] == "contested" for record in contested)


RESEARCH = REPO.parent / "shared" / "research" / "facts-verified.md"


@pytest.mark.skipif(not RESEARCH.exists(), reason="the research notes live outside the repository")
def test_the_research_notes_are_flagged_only_where_a_source_disagrees(checker: Checker) -> None:
    # Notes of verified facts, with tables, quotes of the seed's errors and sources' dates.
    rows = verdicts(checker, RESEARCH.read_text(encoding="utf-8"))
    flagged = [(r["verdict"], r["records"][0]) for r in rows if r["verdict"] in FLAGGED]
    assert flagged == [
        ("contradicted", "itpp-republic-of-korea"),  # a policy brief dates it 13 July; the base 11 July
        ("contested", "germany-on-tokyo-office"),  # a think tank says Germany backed France
    ]
    assert sum(r["verdict"] == "confirmed" for r in rows) >= 30


def test_command_lists_every_sentence_with_all_and_reads_bom_and_crlf(tmp_path: Path) -> None:
    text = tmp_path / "windows.txt"
    text.write_bytes("\ufeffIt rained.\r\nAUKUS was announced on 15 September 2021.\r\n".encode())
    result = run("check", str(text), "--data", str(FACTS), "-f", "json", "--all")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert [(r["line"], r["sentence"], r["verdict"]) for r in rows] == [
        (1, "It rained.", "unknown"),
        (2, "AUKUS was announced on 15 September 2021.", "confirmed"),
    ]


def test_command_min_evidence_and_terminal_table(tmp_path: Path) -> None:
    text = tmp_path / "japan.txt"
    text.write_text("Japan opposed the NATO office in Tokyo.\n", encoding="utf-8")
    assert run("check", str(text), "--data", str(FACTS)).exit_code == 3
    strict = run("check", str(text), "--data", str(FACTS), "--min-evidence", "well-documented")
    assert strict.exit_code == 0
    assert "unknown" in strict.stdout
    table = run("check", str(text), "--data", str(FACTS), env={"ASIAPAC_FORCE_TTY": "100", "NO_COLOR": "1"})
    assert table.exit_code == 3
    assert "contradicted" in table.stdout and "\x1b" not in table.stdout
    bad_level = run("check", str(text), "--data", str(FACTS), "--min-evidence", "rumour")
    assert bad_level.exit_code == 2


def test_a_dateline_dates_the_story_not_the_facts(checker: Checker) -> None:
    text = (
        "VILNIUS, 12 July 2023 (Wire) - Leaders met today.\n\n"
        "Japan and NATO agreed their ITPP today. South Korea and NATO agreed their ITPP yesterday.\n\n"
        "BRUSSELS, July 12, 2024 (Reuters) - Japan's ITPP, agreed a year ago, has 16 areas."
    )
    assert [r["verdict"] for r in verdicts(checker, text)] == ["confirmed"] * 4
    late = "VILNIUS, 14 July 2023 - South Korea and NATO agreed their ITPP yesterday."
    assert verdict_of(checker, late) == "contradicted"
    assert verdict_of(checker, "Today Japan and NATO agreed their ITPP.") == "unknown"  # today is not known


def test_recognises_the_names_the_issue_lists(checker: Checker) -> None:
    text = (
        "The French president and Stoltenberg met in Seoul before the Vilnius summit and after "
        "Madrid 2022 to discuss the ITTP, a tailored partnership programme of 16 areas or eleven "
        "areas, a NATO office in Tokyo and the liaison office, the Quad and AUKUS, in March 2023 "
        "and on 12 July 2023."
    )
    found = set(verdicts(checker, text)[0]["found"])
    assert {
        "actor:emmanuel-macron",
        "actor:jens-stoltenberg",
        "actor:republic-of-korea",
        "summit:vilnius-summit-2023",
        "summit:madrid-summit-2022",
        "topic:itpp",
        "topic:tokyo-office",
        "grouping:quad",
        "grouping:aukus",
        "count:16 areas",
        "count:eleven areas",
        "date:March 2023",
        "date:12 July 2023",
    } <= found


def test_command_columns_choose_the_output(tmp_path: Path) -> None:
    text = tmp_path / "draft.txt"
    text.write_text("AUKUS was announced in 2022.\n", encoding="utf-8")
    result = run("check", str(text), "--data", str(FACTS), "-f", "csv", "-c", "line,verdict,records")
    assert result.exit_code == 3
    assert result.stdout == "line,verdict,records\n1,contradicted,aukus\n"
    assert run("check", str(text), "--data", str(FACTS), "-c", "nope").exit_code == 2
