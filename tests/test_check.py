"""`asiapac check`: what each sentence is read to claim, and the verdict on it.

Sentences written from the records (each true one confirmed, each with one fact changed
flagged), sentences of our own for each construction real prose uses (reported speech, a
position word in another sense, the subject of the verb, the whole claim, claims over several
records, dates without a year, names and groups, modals in another clause), the seed interview,
two news-style texts with planted errors, and the command's contract.
"""

from __future__ import annotations

import functools
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from asiapac_cli import vocab
from asiapac_cli.check import check
from asiapac_cli.check.report import COLUMNS
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


def rows_of(text: str, *, markdown: bool = False, min_evidence: str | None = None) -> list[dict[str, Any]]:
    return check(bundled(), text, min_evidence=min_evidence, show_all=True, markdown=markdown).listing.rows


def one(sentence: str) -> dict[str, Any]:
    rows = rows_of(sentence)
    assert len(rows) == 1, rows
    return rows[0]


def verdict_of(sentence: str) -> str:
    return str(one(sentence)["verdict"])


def read(sentence: str) -> list[str]:
    """What the sentence was read to claim, as the `reading` column's text form."""
    return [claim["text"] for claim in one(sentence)["reading"]]


def claims(sentence: str, kind: str) -> list[dict[str, Any]]:
    return [c for c in one(sentence)["reading"] if c["kind"] == kind]


def by_line(rows: list[dict[str, Any]], line: int, start: str) -> dict[str, Any]:
    matches = [r for r in rows if r["line"] == line and r["sentence"].startswith(start)]
    assert len(matches) == 1, (line, start, [(r["line"], r["sentence"][:40]) for r in rows])
    return matches[0]


# --- precision and recall on sentences written from the records ---------------------------------


def expected(pair: prose.Pair, true: bool) -> str:
    """A record with contested evidence is `contested` either way; otherwise the plain verdict."""
    if pair.evidence == "contested":
        return "contested"
    return "confirmed" if true else "contradicted"


@pytest.mark.parametrize("style", prose.PRECISE_STYLES, ids=lambda s: s.__name__)
@pytest.mark.parametrize("words", [False, True], ids=["digits", "words"])
def test_every_true_sentence_is_confirmed_and_every_changed_one_flagged(
    style: prose.DateStyle, words: bool
) -> None:
    pairs = prose.pairs(bundled(), style, words)
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
    wrong_true = [(p.true, v) for p in pairs if (v := verdict_of(p.true)) != expected(p, True)]
    missed = [(p.false, v) for p in pairs if (v := verdict_of(p.false)) != expected(p, False)]
    assert wrong_true == []
    assert missed == []


@settings(max_examples=25, deadline=None)
@given(
    style=st.sampled_from(prose.PRECISE_STYLES),
    words=st.booleans(),
    delta=st.integers(min_value=1, max_value=4).flatmap(lambda d: st.sampled_from([d, -d])),
)
def test_any_altered_count_is_contradicted(style: prose.DateStyle, words: bool, delta: int) -> None:
    for pair in prose.pairs(bundled(), style, words, delta):
        if pair.kind == "itpp-areas":
            assert verdict_of(pair.true) == "confirmed"
            assert verdict_of(pair.false) == "contradicted", pair.false


@settings(max_examples=30, deadline=None)
@given(style=st.sampled_from(prose.PRECISE_STYLES), months=st.integers(min_value=1, max_value=6))
def test_any_date_moved_within_its_year_is_contradicted(style: prose.DateStyle, months: int) -> None:
    for pair in prose.pairs(bundled(), style, months=months):
        if pair.kind not in ("summit-date", "visit-date", "itpp-agreed"):
            continue
        if style is prose.month_year and months == 1 and verdict_of(pair.false) == "confirmed":
            continue  # "February 2023" for a visit of 31 January - 1 February 2023 is still true
        assert verdict_of(pair.true) == expected(pair, True), pair.true
        assert verdict_of(pair.false) == expected(pair, False), pair.false


def test_the_true_sentences_as_one_text_flag_nothing() -> None:
    pairs = prose.pairs(bundled())
    rows = rows_of("\n\n".join(p.true for p in pairs if p.evidence == "well-documented"))
    assert rows and {r["verdict"] for r in rows} == {"confirmed"}


# --- the constructions of real prose ---------------------------------------------------------------


def test_reported_speech_gives_the_position_to_whom_it_belongs_or_to_no_one() -> None:
    # Japan's minister holds no position here, and the writer does not assert Macron's.
    row = one(
        "Japan's foreign minister refused to comment on a report that Macron opposed the office in Tokyo."
    )
    assert row["verdict"] == "unknown" and row["reading"] == []
    # A report passed on as fact is read as the writer's.
    assert read("Reuters reported that Macron opposed a NATO office in Tokyo.") == [
        "France (Macron) – opposed – office in Tokyo"
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Japan and NATO stood together amid fears of action against Taiwan.",
        "NATO and Japan formed a united front against disinformation.",
        "The Tokyo office would serve NATO partners against threats in the region.",
    ],
)
def test_a_position_word_in_another_sense_is_no_stance(sentence: str) -> None:
    assert [c for c in one(sentence)["reading"] if c["kind"] == "position"] == []


def test_the_holder_is_the_subject_of_the_position_verb() -> None:
    text = "After lobbying by Tokyo, the plan stalled when the French president voiced reservations."
    rows = rows_of("NATO proposed a liaison office in Tokyo. " + text)
    assert [c["text"] for c in rows[1]["reading"]] == ["France – cautious – office in Tokyo"]
    assert rows[1]["verdict"] == "confirmed"  # cautious agrees with France's recorded opposition
    assert read("Paris, unlike Tokyo, was against the office in Japan.") == [
        "France – opposed – office in Tokyo"
    ]
    passive = claims("NATO's plan for a Tokyo office was opposed by France.", "position")
    assert [(c["holder"], c["position"]) for c in passive] == [("france", "opposed")]
    assert read("France has rejected a proposal by NATO to open an office in Tokyo.") == [
        "France – opposed – office in Tokyo"
    ]


def test_a_modal_in_another_clause_leaves_the_position_asserted() -> None:
    assert read(
        "Macron objected to the Tokyo office because he believes the alliance should stay in the North Atlantic."
    ) == ["France (Macron) – opposed – office in Tokyo"]
    assert read("France may oppose the Tokyo office.") == []
    assert read("France did not oppose the Tokyo office.") == []


def test_a_date_range_must_be_the_whole_span() -> None:
    row = one("The Washington summit ran from 9 to 12 July 2024.")
    assert row["verdict"] == "contradicted"
    assert "9–11 July 2024" in row["correction"]
    assert verdict_of("The Washington summit ran from 9 to 11 July 2024.") == "confirmed"
    assert verdict_of("NATO leaders met in Washington on 10 July 2024 for their summit.") == "confirmed"


def test_first_is_judged_against_the_earliest_record() -> None:
    row = one("France first objected to the Tokyo office in September 2023.")
    assert row["verdict"] == "contradicted"
    assert "reported by" in row["correction"]
    assert verdict_of("France objected to the Tokyo office in September 2023.") == "confirmed"


def test_travelling_to_a_summit_is_attendance_and_names_are_judged() -> None:
    row = one("Albanese travelled to Washington for the NATO summit in July 2024.")
    assert row["verdict"] == "contradicted"
    assert "Marles" in row["correction"]
    assert verdict_of("Kishida travelled to Madrid for the NATO summit in June 2022.") == "confirmed"


def test_claims_over_several_summits_are_judged_over_every_one() -> None:
    good = "For the second year running, the leaders of all four Indo-Pacific partners attended the Vilnius summit."
    assert verdict_of(good) == "confirmed"
    together = claims(good, "attended-together")
    assert together[0]["running"] == 2 and together[0]["records"] == [
        "vilnius-summit-2023",
        "madrid-summit-2022",
    ]
    bad = "For the third year running, the leaders of all four Indo-Pacific partners attended the Washington summit."
    assert verdict_of(bad) == "contradicted"
    assert verdict_of("Kishida attended the NATO summits in Madrid and Vilnius.") == "confirmed"
    assert (
        verdict_of("Yoon attended the Madrid summit in 2022 and the Vilnius summit in 2023.") == "confirmed"
    )
    assert verdict_of("Albanese attended the NATO summits in Madrid and Washington.") == "contradicted"


def test_a_date_without_a_year_takes_the_summits_year() -> None:
    assert read("The Hague summit took place from June 24 to 26.") == [
        "The Hague 2025 – held – June 24 to 26"
    ]
    assert verdict_of("The Hague summit took place from June 24 to 26.") == "contradicted"
    assert verdict_of("The Hague summit took place from June 24 to 25.") == "confirmed"
    assert verdict_of("The Madrid summit opened on 29 June.") == "confirmed"


def test_groups_have_members_and_people_carry_their_country_and_office() -> None:
    row = one("The IP4 of Japan, Korea, Australia and the United States met in Brussels.")
    assert row["verdict"] == "contradicted"
    assert "United States is not a member" in row["correction"]
    assert verdict_of("The IP4 brings together Japan, South Korea, Australia and New Zealand.") == "confirmed"
    # "the Japanese prime minister" in June 2025 is Shigeru Ishiba, from the office-holders' data
    row = one("The Japanese prime minister attended The Hague summit in June 2025.")
    assert row["verdict"] == "contradicted"
    assert claims(row["sentence"], "attended")[0]["person"] == "shigeru-ishiba"
    assert "Iwaya" in row["correction"]
    assert read("The French president opposed a NATO office in Tokyo.") == [
        "France – opposed – office in Tokyo"
    ]


def test_negated_attendance_is_judged() -> None:
    assert verdict_of("Anthony Albanese did not attend the Washington summit.") == "confirmed"
    assert verdict_of("Kishida did not attend the Madrid summit.") == "contradicted"
    assert verdict_of("Japan skipped the Brussels summit of 2021.") == "confirmed"


@pytest.mark.parametrize(
    ("sentence", "verdict"),
    [
        ("Stoltenberg visited Japan in March 2023.", "contradicted"),
        ("Stoltenberg visited Japan in February 2023.", "confirmed"),  # 31 January - 1 February
        ("The Vilnius summit took place in July 2024.", "contradicted"),
        ("The leaders of all four Indo-Pacific partners attended The Hague summit.", "contradicted"),
        ("Japan's ITPP has sixteen areas.", "confirmed"),
        ("Australia's ITPP has 12 areas.", "unknown"),  # the base does not know Australia's count
        ("Korea's ITPP covers 2024–2027.", "contradicted"),
        ("Japan opposed the Tokyo office, while China supported it.", "contradicted"),
        ("The plan to open a NATO office in Tokyo was shelved.", "unknown"),
        ("NATO wanted to open a liaison office in Tokyo.", "unknown"),
        ("NATO plans to open an office in Tokyo.", "unknown"),
        ("NATO opened its Tokyo liaison office in 2024.", "contradicted"),
        ("The Camp David summit created a collective-defence pact.", "contradicted"),
        ("The Quad is often described as an alliance.", "unknown"),  # described as, not called
        ("AUKUS was announced in 2022.", "contradicted"),
        ("NATO adopted its Strategic Concept in June 2023.", "contradicted"),
        ("The United Kingdom opposed the Tokyo office.", "unknown"),  # no UK stance recorded
        ("Stoltenberg visited Japan a month after Japan's decision in January 2023.", "contradicted"),
        ("Stoltenberg visited Japan a day after he was in Seoul on 29–30 January 2023.", "confirmed"),
        ("Stoltenberg visited Seoul on 29 January 2023 and Japan two days later.", "confirmed"),
        ("Stoltenberg visited Seoul on 29 January 2023 and Japan a month later.", "contradicted"),
        ("NATO leaders met in Brussels in March 2022 for an extraordinary summit.", "confirmed"),
        ("Rutte visited Tokyo in June 2025.", "contradicted"),  # 8-9 April 2025
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
        ("Beijing criticised the proposal for a NATO liaison office in Japan.", "confirmed"),
        ("A NATO office was opened in Brussels in 1949.", "unknown"),
        ("South Korea opened its mission to NATO in 2021.", "contradicted"),
        ("Japan's mission to NATO opened in Brussels on 16 January 2025.", "confirmed"),
    ],
)
def test_single_sentences(sentence: str, verdict: str) -> None:
    assert verdict_of(sentence) == verdict


# --- relative dates (each promise a mutation run showed untested) ------------------------------------


def test_relative_dates_count_the_right_way() -> None:
    base = "Stoltenberg visited Seoul on 29 January 2023."
    assert (
        rows_of(base + " Two weeks later, he visited Japan.")[1]["verdict"] == "contradicted"
    )  # two days later
    assert rows_of(base + " Two days later, he visited Japan.")[1]["verdict"] == "confirmed"
    # "a month before" counts back: Japan a month before Seoul is wrong, Seoul a month before Japan too
    assert (
        verdict_of("Stoltenberg visited Japan a month before his visit to Seoul on 29 January 2023.")
        == "contradicted"
    )
    # the tolerance around "a month later" widens the month; it never moves it the wrong way
    assert (
        rows_of("Stoltenberg visited Tokyo on 1 February 2023. A month later, he visited Seoul.")[1][
            "verdict"
        ]
        == "contradicted"
    )
    rows = rows_of("On 29 January 2023 Stoltenberg was in Seoul. The next day he visited Japan.")
    assert [r["verdict"] for r in rows] == ["confirmed", "contradicted"]  # Tokyo was 31 January
    assert verdict_of("A month later, Stoltenberg visited Japan.") == "unknown"  # later than what?


def test_a_dateline_dates_the_story_not_the_facts() -> None:
    text = (
        "VILNIUS, 12 July 2023 (Wire) - Leaders met today.\n\n"
        "Japan and NATO agreed their ITPP today. South Korea and NATO agreed their ITPP yesterday.\n\n"
        "BRUSSELS, July 12, 2024 (Reuters) - Japan's ITPP, agreed a year ago, has 16 areas."
    )
    judged = [r for r in rows_of(text) if r["reading"]]
    assert [r["verdict"] for r in judged] == ["confirmed"] * 3
    assert (
        verdict_of("VILNIUS, 14 July 2023 - South Korea and NATO agreed their ITPP yesterday.")
        == "contradicted"
    )
    assert (
        verdict_of("Today Japan and NATO agreed their ITPP.") == "unknown"
    )  # no dateline: today is not known


# --- the seed interview and our own articles -----------------------------------------------------------


@pytest.mark.skipif(not SEED.exists(), reason="the seed interview lives outside the repository")
def test_the_seed_interview_known_errors_are_flagged_and_its_facts_are_not() -> None:
    rows = rows_of(SEED.read_text(encoding="utf-8"))
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
            assert row["correction"].startswith("Read: ")


def test_the_seed_interview_errors_are_caught_in_other_words_too() -> None:
    text = (
        "In January 2023 Japan decided to open its own delegation to NATO. "
        "Stoltenberg travelled to Japan a month later to push the idea of a NATO office. "
        "In August 2023 the US, Japan and South Korea formed a security pact at Camp David. "
        "Germany sided with France against the NATO liaison office in Tokyo."
    )
    verdicts = [r["verdict"] for r in rows_of(text)]
    assert verdicts[1:] == ["contradicted", "contradicted", "contested"]


ARTICLES = {
    "vilnius_article.md": {
        "confirmed": [
            (5, "NATO leaders gathered in Vilnius"),
            (6, "For the second year running"),
            (9, "Japan and NATO agreed a new"),
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
            (11, "Anthony Albanese did not attend"),
            (15, "China opposed the NATO office in Japan."),
        ],
        "contradicted": [
            (6, "South Korea opened its mission to NATO in 2021."),
            (12, "At The Hague summit in June 2025"),
            (14, "The Camp David summit of 18 August 2023"),
        ],
        # Japan's period is right, but Australia's count is not in the base: not vouched for.
        "unknown": [(5, "Kishida said Japan would open"), (9, "Japan's ITPP runs from 2023 to 2026")],
    },
}


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_articles_with_planted_errors(name: str) -> None:
    path = FIXTURES / "check" / name
    rows = rows_of(path.read_text(encoding="utf-8"), markdown=name.endswith(".md"))
    for verdict, expected_rows in ARTICLES[name].items():
        for line, start in expected_rows:
            assert by_line(rows, line, start)["verdict"] == verdict, (line, start)
    planted = sum(len(v) for k, v in ARTICLES[name].items() if k in FLAGGED)
    assert sum(r["verdict"] in FLAGGED for r in rows) == planted  # nothing else is flagged


def test_the_fact_base_own_prose_is_not_contradicted() -> None:
    # Titles and summaries of events, stances, groupings, ITPPs and topics are true by
    # construction; only a contested record may make one contested.
    fb = bundled()
    texts = [f"{e['title']}." for e in fb.events] + [e["summary"] for e in fb.events if e.get("summary")]
    for kind in ("stances", "groupings", "itpps", "topics"):
        for record in fb.table(kind).values():
            texts += [record[f] for f in ("summary", "nature", "description", "note") if record.get(f)]
    rows = [row for text in texts for row in rows_of(text)]
    assert len(rows) > 100
    assert [r["sentence"] for r in rows if r["verdict"] == "contradicted"] == []
    contested = {record for r in rows if r["verdict"] == "contested" for record in r["records"]}
    assert all(fb.get(record)["evidence"] in ("contested", "unverified") for record in contested)


RESEARCH = REPO.parent / "shared" / "research" / "facts-verified.md"


@pytest.mark.skipif(not RESEARCH.exists(), reason="the research notes live outside the repository")
def test_the_research_notes_are_flagged_only_where_a_source_disagrees() -> None:
    rows = rows_of(RESEARCH.read_text(encoding="utf-8"), markdown=True)
    flagged = sorted({(r["verdict"], r["records"][0]) for r in rows if r["verdict"] in FLAGGED})
    # A policy brief the notes quote dates the ROK's ITPP 13 July; the base has 11 July. The notes'
    # quotes of the seed's errors are corrections ("is a garbled sentence"), and a think tank's
    # "apparently supported by Germany" is a quotation, not the notes' own claim.
    assert flagged == [("contradicted", "itpp-republic-of-korea")]
    # A summit named by a place only ("in Washington, September 2021") is the alliance's there,
    # never the Quad's unless the Quad is named: the notes' facts still confirm in numbers.
    assert sum(r["verdict"] == "confirmed" for r in rows) >= 28


# --- what a row says ----------------------------------------------------------------------------------


def test_a_flagged_row_says_what_was_read_and_what_the_base_holds() -> None:
    row = one("Albanese attended the Washington summit.")
    assert row["correction"] == (
        "Read: Albanese attended Washington 2024. The base: Australia was represented by its deputy "
        "leader, Richard Marles, at Washington 2024."
    )
    assert row["records"] == ["washington-summit-2024"]
    assert row["reading"][0]["kind"] == "attended" and row["reading"][0]["person"] == "anthony-albanese"


def test_the_citations_column_names_each_source_and_its_address() -> None:
    row = one("AUKUS was announced in 2022.")
    sources = bundled().table("sources")
    assert row["sources"] and len(row["citations"]) == len(row["sources"])
    for source_id, cited in zip(row["sources"], row["citations"], strict=True):
        source = sources[source_id]
        assert cited == (f"{source['title']} <{source['url']}>" if source.get("url") else source["title"])


def test_min_evidence_ignores_weaker_records() -> None:
    sentence = "Japan opposed the NATO office in Tokyo."  # Japan's support is single-source
    assert one(sentence)["verdict"] == "contradicted"
    strict = check(bundled(), sentence, min_evidence="well-documented", show_all=True).listing.rows
    assert strict[0]["verdict"] == "unknown"


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=300))
def test_any_text_is_checked_without_error(text: str) -> None:
    for row in rows_of(text):
        assert row["verdict"] in vocab.CHECK_VERDICTS
        assert row["line"] >= 1 and row["column"] >= 1


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
                "on 12 July",
                "a month later",
                "ITPP",
                "16 areas",
                "opposed",
                "the Tokyo office",
                "Camp David",
                "Quad",
                "IP4",
                "the French president",
                "attended",
                "first",
                ".",
                ",",
                "not",
                "\n",
                "U.S.",
                "Dr.",
                "every",
                "since",
                "for the second year running",
            ]
        ),
        max_size=40,
    )
)
def test_word_salad_of_known_names_never_crashes(pieces: list[str]) -> None:
    rows = rows_of(" ".join(pieces))
    assert all(r["verdict"] in vocab.CHECK_VERDICTS for r in rows)


# --- the command ----------------------------------------------------------------------------------------


def write(tmp_path: Path, text: str, name: str = "draft.txt") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_only_judged_sentences_are_listed_unless_all(tmp_path: Path) -> None:
    text = write(tmp_path, "It rained in Vilnius. Japan's ITPP has 16 areas.\nNATO leaders like tea.\n")
    rows = json.loads(run("check", text, "--data", str(FACTS), "-f", "json").stdout)
    assert [(r["line"], r["column"], r["verdict"]) for r in rows] == [(1, 23, "confirmed")]
    everything = json.loads(run("check", text, "--data", str(FACTS), "-f", "json", "--all").stdout)
    assert [r["sentence"] for r in everything] == [
        "It rained in Vilnius.",
        "Japan's ITPP has 16 areas.",
        "NATO leaders like tea.",
    ]


def test_verdict_filters_with_the_vocabularys_rules(tmp_path: Path) -> None:
    text = write(tmp_path, "Japan's ITPP has 16 areas. AUKUS was announced in 2022.\n")
    result = run(
        "check", text, "--data", str(FACTS), "-f", "tsv", "-c", "verdict", "--verdict", "Contradicted"
    )
    assert result.stdout == "verdict\ncontradicted\n" and result.exit_code == 3
    both = run(
        "check",
        text,
        "--data",
        str(FACTS),
        "-f",
        "tsv",
        "-c",
        "verdict",
        "--verdict",
        "confirmed,contradicted",
    )
    assert both.stdout == "verdict\nconfirmed\ncontradicted\n"
    typo = run("check", text, "--data", str(FACTS), "--verdict", "contradictd")
    assert typo.exit_code == 2 and "did you mean 'contradicted'" in typo.stderr


def test_a_terminal_table_starts_with_the_count_of_each_verdict(tmp_path: Path) -> None:
    text = write(tmp_path, "It rained. Japan's ITPP has 16 areas. AUKUS was announced in 2022.\n")
    table = run("check", text, "--data", str(FACTS), env={"ASIAPAC_FORCE_TTY": "100", "NO_COLOR": "1"})
    assert table.exit_code == 3
    first = table.stdout.splitlines()[0].strip()
    assert first == "3 sentences: 1 confirmed, 1 contradicted, 0 contested, 1 not judged"
    assert "1:39 contradicted “AUKUS was announced in 2022.”: Read: AUKUS was founded in 2022." in " ".join(
        table.stdout.split()
    )


def test_command_exit_status_and_columns(tmp_path: Path) -> None:
    good = write(tmp_path, "Japan's ITPP has 16 areas.\n", "good.txt")
    result = run("check", good, "--data", str(FACTS), "-f", "json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert list(rows[0]) == COLUMNS
    assert rows[0]["verdict"] == "confirmed"
    assert rows[0]["reading"] == [
        {
            "kind": "has-areas",
            "partner": "japan",
            "count": 16,
            "words": "ITPP has 16 areas",
            "verdict": "confirmed",
            "records": ["itpp-japan"],
            "text": "Japan's ITPP – 16 areas",
        }
    ]
    bad = write(tmp_path, "Japan's ITPP has 18 areas.\n", "bad.txt")
    result = run("check", bad, "--data", str(FACTS), "-f", "tsv")
    assert result.exit_code == 3
    header, line = result.stdout.splitlines()
    assert header.split("\t") == COLUMNS
    assert "has 16 areas" in line and line.split("\t")[-1] == "Japan's ITPP – 18 areas (contradicted)"


def test_command_reads_stdin() -> None:
    from typer.testing import CliRunner

    from asiapac_cli.cli.app import build_app

    result = CliRunner().invoke(
        build_app(), ["check", "-", "--data", str(FACTS), "-f", "csv"], input="AUKUS was announced in 2022.\n"
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
    result = run("check", write(tmp_path, "It rained all day.\n"), "--data", str(FACTS), "-f", "tsv")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == ["\t".join(COLUMNS)]


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


def test_command_min_evidence(tmp_path: Path) -> None:
    text = write(tmp_path, "Japan opposed the NATO office in Tokyo.\n")
    assert run("check", text, "--data", str(FACTS)).exit_code == 3
    strict = run("check", text, "--data", str(FACTS), "--min-evidence", "well-documented", "--all")
    assert strict.exit_code == 0 and "unknown" in strict.stdout
    assert run("check", text, "--data", str(FACTS), "--min-evidence", "rumour").exit_code == 2


def test_command_columns_choose_the_output(tmp_path: Path) -> None:
    text = write(tmp_path, "AUKUS was announced in 2022.\n")
    result = run("check", text, "--data", str(FACTS), "-f", "csv", "-c", "line,verdict,records")
    assert result.exit_code == 3
    assert result.stdout == "line,verdict,records\n1,contradicted,aukus\n"
    assert run("check", text, "--data", str(FACTS), "-c", "nope").exit_code == 2


def test_the_texts_own_date_fixes_last_year_and_the_next_summit() -> None:
    body = (
        "The President of the Republic of Korea met NATO leaders at the NATO Summit in Madrid in July last year. "
        "South Korea opened a diplomatic mission to NATO last November. "
        "NATO and Japan will sign an agreement before the next NATO summit in June."
    )
    dated = [r for r in rows_of("30 Jan. 2023\n\n" + body) if r["reading"]]
    assert [(r["verdict"], r["records"]) for r in dated] == [
        ("contradicted", ["madrid-summit-2022"]),  # June 2022, not July
        ("confirmed", ["rok-mission-to-nato-opened-2022"]),  # November 2022
    ]
    # The Read line quotes the text; the base says which July that was.
    assert dated[0]["correction"].startswith("Read: Madrid 2022 took place in July last year. ")
    assert dated[0]["correction"].endswith("(not July 2022).")
    # Read as of its date, the next summit had not happened: a statement about the future is
    # not judged, and nothing later than the text's date contradicts it.
    later = rows_of("15 Aug. 2023\n\nThe next NATO summit will take place in Washington in June 2024.")
    assert [r["reading"] for r in later] == [[], []]
    assert (
        "read as of 2023-08-15, the text's date"
        in check(
            bundled(), "15 Aug. 2023\n\nJapan's ITPP has 16 areas.", min_evidence=None, show_all=False
        ).listing.details["summary"]
    )
    # Without the text's date, "last year" and "the next summit" name no day: nothing is judged.
    assert [r["verdict"] for r in rows_of(body)] == ["unknown", "unknown", "unknown"]


def test_a_text_read_as_of_a_day_says_what_was_later_reported(tmp_path: Path) -> None:
    draft = write(tmp_path, "France supported the NATO office in Tokyo.\n")
    then = json.loads(
        run("check", draft, "--data", str(FACTS), "--as-of", "2023-06-01", "--all", "-f", "json").stdout
    )
    # On 1 June 2023 no source had France's position on record: nothing contradicts the sentence
    # then, and the correction says what a later source changed.
    assert then[0]["verdict"] == "unknown"
    assert then[0]["correction"].startswith("Later reported: France opposed the office in Tokyo")
    now = json.loads(run("check", draft, "--data", str(FACTS), "-f", "json").stdout)
    assert now[0]["verdict"] == "contradicted" and "Later reported" not in now[0]["correction"]


def former_title(text: str) -> tuple[str, list[tuple[str, str]]]:
    """The last row's verdict, and (kind, verdict) of what it read."""
    row = rows_of(text)[-1]
    return row["verdict"], [(c["kind"], c["verdict"]) for c in row["reading"]]


def test_former_before_a_title_is_judged_on_the_texts_day() -> None:
    # Macron has held the office since 2017 with no end on record: never 'former' on any day.
    verdict, read = former_title("Former French President Emmanuel Macron opposed the Tokyo office.")
    assert verdict == "contradicted"
    assert ("former-title", "contradicted") in read
    row = rows_of("Former French President Emmanuel Macron spoke.")[0]
    assert "has been President of the French Republic since 14 May 2017" in row["correction"]
    assert "emmanuel-macron" in row["records"] and row["sources"]
    # Kishida left office in October 2024: right today, wrong in a text dated during his tenure.
    assert former_title("Former Prime Minister Fumio Kishida spoke.")[1] == [("former-title", "confirmed")]
    dated = "12 July 2023\n\nFormer Prime Minister Fumio Kishida spoke."
    assert former_title(dated) == ("contradicted", [("former-title", "contradicted")])
    assert "was Prime Minister of Japan on 12 July 2023" in rows_of(dated)[-1]["correction"]
    # The title without 'former', or a person the base records in no such office: nothing read.
    assert former_title("President Emmanuel Macron spoke.")[1] == []
    assert former_title("Former Prime Minister Emmanuel Macron spoke.")[1] == []


def test_former_is_never_flagged_when_it_was_true_on_some_day_of_an_undated_text() -> None:
    # Trump left office in 2021 and returned in 2025: an undated 'former President Trump' may
    # have been written in 2023, when it was right.
    assert former_title("Former US President Donald Trump spoke.")[1] == [("former-title", "unknown")]
    assert former_title("1 March 2022\n\nFormer US President Donald Trump spoke.")[1] == [
        ("former-title", "confirmed")
    ]
    assert former_title("1 March 2020\n\nFormer US President Donald Trump spoke.")[0] == "contradicted"


def test_a_title_said_in_passing_never_confirms_a_sentence_by_itself() -> None:
    verdict, read = former_title("Former Prime Minister Fumio Kishida spoke.")
    assert (verdict, read) == ("unknown", [("former-title", "confirmed")])
    # With a claim the sentence is about, confirmed, the row is confirmed.
    verdict, read = former_title("Former Prime Minister Fumio Kishida attended the Vilnius summit.")
    assert verdict == "confirmed"
    assert ("former-title", "confirmed") in read and len(read) == 2


# --- "the previous three summits": every summit the count covers, or nothing -------------------


def series_rows(text: str) -> list[tuple[str, list[tuple[str, str]]]]:
    return [
        (r["verdict"], [(c["summit"], c["verdict"]) for c in r["reading"] if c["kind"] == "attended"])
        for r in rows_of(text)
        if r["reading"]
    ]


def test_the_previous_summits_are_counted_back_from_the_summit_the_text_is_about() -> None:
    # Albanese led Australia at Madrid and Vilnius; Marles, his deputy, at Washington (BBC, 2025:
    # "Australia's prime minister had attended the previous three summits").
    text = (
        "Australia's prime minister skipped the summit in The Hague. "
        "Marles said Australia's prime minister had attended the previous three summits."
    )
    (row,) = [r for r in rows_of(text) if r["sentence"].startswith("Marles said")]
    assert row["verdict"] == "contradicted"
    assert [(c["summit"], c["verdict"]) for c in row["reading"]] == [
        ("madrid-summit-2022", "confirmed"),
        ("vilnius-summit-2023", "confirmed"),
        ("washington-summit-2024", "contradicted"),
    ]
    assert "Richard Marles" in row["correction"] and "Washington 2024" in row["correction"]
    # Two back from Washington: Madrid and Vilnius, both led by Albanese.
    at_washington = "At the Washington summit, Albanese had attended the previous two summits."
    assert series_rows(at_washington) == [
        ("confirmed", [("madrid-summit-2022", "confirmed"), ("vilnius-summit-2023", "confirmed")])
    ]


def test_the_last_summits_count_back_from_the_texts_own_date() -> None:
    dated = "1 March 2025\n\nAlbanese has attended the last three summits."
    assert series_rows(dated)[0][0] == "contradicted"  # Washington 2024 was Marles
    kishida = "1 March 2025\n\nKishida attended the last three summits."
    assert series_rows(kishida) == [
        (
            "confirmed",
            [
                ("madrid-summit-2022", "confirmed"),
                ("vilnius-summit-2023", "confirmed"),
                ("washington-summit-2024", "confirmed"),
            ],
        )
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Albanese has attended the last three summits.",  # no date, no summit: from when?
        "Albanese attended the previous three summits.",  # 'previous' to no summit named
        "15 July 2024\n\nAlbanese has attended the last two summits.",  # Washington, 4 days before: counted?
        "At the Vilnius summit, Kishida had attended the previous three summits.",  # the extraordinary 2022 ones
        "At the Washington summit, Albanese had not attended the previous two summits.",  # none, or not all?
    ],
)
def test_a_count_of_summits_without_a_sure_reference_claims_nothing(text: str) -> None:
    assert series_rows(text) == []


def attended_by(sentence: str) -> list[tuple[str, str, str]]:
    return [(c["summit"], c["person"] or c["country"], c["verdict"]) for c in claims(sentence, "attended")]


def test_what_a_reporting_verb_introduces_has_its_own_subject() -> None:
    # Marles did not attend Madrid; Albanese did. The sentence is about Albanese.
    assert attended_by("Marles said Albanese attended the Madrid summit.") == [
        ("madrid-summit-2022", "anthony-albanese", "confirmed")
    ]
    assert attended_by("Marles said Australia's prime minister attended the Madrid summit.")[0][1:] == (
        "anthony-albanese",
        "confirmed",
    )
    # 'The United States' is no reporting verb.
    assert verdict_of("United States supported a NATO liaison office in Tokyo.") == "confirmed"
    # The speaker named again by a pronoun is still the subject.
    assert attended_by("Marles said he attended the Madrid summit.") == [
        ("madrid-summit-2022", "richard-marles", "contradicted")
    ]
    assert (
        verdict_of("Macron said on Wednesday he opposed plans for a NATO liaison office in Japan.")
        == "confirmed"
    )


def test_a_relative_clause_between_subject_and_verb_is_not_the_subject() -> None:
    # Marles led Australia at Washington; Albanese did not come.
    assert attended_by("Marles, who said Albanese was busy, attended the Washington summit.") == [
        ("washington-summit-2024", "richard-marles", "confirmed")
    ]


def test_a_place_after_an_event_verb_is_the_summit_held_there_once_the_text_speaks_of_summits() -> None:
    # Albanese stayed away from The Hague (Marles went): read only once the text has spoken of a
    # summit, and only for a place that held one of the alliance's summits.
    text = "The partners' leaders met at the annual NATO summit. Albanese was absent from The Hague."
    (row,) = [r for r in rows_of(text) if r["sentence"].startswith("Albanese")]
    assert [(c["summit"], c["attended"], c["verdict"]) for c in row["reading"]] == [
        ("the-hague-summit-2025", False, "confirmed")
    ]
    assert rows_of("Albanese was absent from The Hague.")[0]["reading"] == []  # no summit spoken of
    several = "The partners' leaders met at the annual NATO summit. Kishida skipped Brussels."
    assert all(r["reading"] == [] for r in rows_of(several))  # Brussels held several
    travelled = "The partners' leaders met at the annual NATO summit. Yoon flew to Washington."
    assert all(r["reading"] == [] for r in rows_of(travelled))  # a city, not an event
