"""Questions a researcher asks, answered from the bundled fact base.

The expected answers are written from the sources (NATO, governments, and the checked
research notes), not from the implementation: a wrong edit to data/facts.yaml fails here.
"""

from __future__ import annotations

import json
import re

import pytest

from asiapac_cli import load, model, vocab
from conftest import REPO, run

BUNDLED = load.bundled_path()
SEED = REPO.parent / "shared" / "seeds" / "000_cab049b54525a233.txt"
AP4 = {"australia", "japan", "new-zealand", "republic-of-korea"}


@pytest.fixture(autouse=True)
def bundled(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASIAPAC_DATA", str(BUNDLED))


@pytest.fixture(scope="module")
def fb():
    return load.load(BUNDLED, use_cache=False)


def rows(*args: str) -> list[dict]:
    result = run(*args, "-f", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def summit(summit_id: str) -> dict:
    (row,) = [r for r in rows("summits") if r["id"] == summit_id]
    return row


def attendance(fb, event_id: str) -> dict[str, tuple[str, str | None]]:
    event = fb.get(event_id)
    return {a["actor"]: (a["level"], a.get("person")) for a in event["attendance"]}


def test_nato_summits_2021_to_2025_with_dates_and_places() -> None:
    found = {r["id"]: (r["date"], r["end"]) for r in rows("summits")}
    assert (
        found["madrid-summit-2022"][0] in ("2022-06-28", "2022-06-29")
        and found["madrid-summit-2022"][1] == "2022-06-30"
    )
    assert found["vilnius-summit-2023"] == ("2023-07-11", "2023-07-12")
    assert found["washington-summit-2024"] == ("2024-07-09", "2024-07-11")
    assert found["the-hague-summit-2025"] == ("2025-06-24", "2025-06-25")
    assert found["brussels-summit-2021"][0] == "2021-06-14"


def test_madrid_2022_was_the_first_summit_with_all_four_leaders(fb) -> None:
    madrid = attendance(fb, "madrid-summit-2022")
    assert {actor for actor, (level, _) in madrid.items() if level == "leader"} == AP4
    assert madrid["japan"][1] == "Fumio Kishida" and madrid["new-zealand"][1] == "Jacinda Ardern"
    assert not any(level == "leader" for level, _ in attendance(fb, "brussels-summit-2021").values())


def test_washington_2024_australia_sent_its_deputy_prime_minister(fb) -> None:
    assert attendance(fb, "washington-summit-2024")["australia"] == ("deputy-leader", "Richard Marles")


def test_the_hague_2025_only_new_zealand_came_at_leader_level(fb) -> None:
    hague = attendance(fb, "the-hague-summit-2025")
    assert [actor for actor, (level, _) in hague.items() if level == "leader"] == ["new-zealand"]
    assert hague["japan"][0] == "minister"


def test_strategic_concept_2022_adopted_at_madrid_with_its_wording(fb) -> None:
    (event,) = [
        e
        for e in fb.events
        if e["kind"] == "adoption" and "Strategic Concept" in e["title"] and e["date"].startswith("2022")
    ]
    assert event["date"] == "2022-06-29"
    quotes = " ".join(c.get("quote", "") for e in fb.events for c in e["sources"])
    assert "stated ambitions and coercive policies challenge our interests, security and values" in quotes
    assert "most significant and direct threat" in quotes


def test_china_was_named_in_leaders_texts_before_the_strategic_concept(fb) -> None:
    dates = {e["date"] for e in fb.events}
    assert "2019-12-04" in dates  # London Declaration
    assert "2021-06-14" in dates  # Brussels Communiqué


@pytest.mark.parametrize(
    ("partner", "agreed", "start", "end", "total"),
    [
        ("japan", "2023-07-12", "2023", "2026", 16),
        ("korea", "2023-07-11", "2023", "2026", 11),
        ("australia", None, "2023", "2026", None),
        ("nz", "2024", None, None, None),
    ],
)
def test_itpp_dates_periods_and_totals(partner: str, agreed, start, end, total) -> None:
    (row,) = [r for r in rows("itpp") if r["partner"] == load_resolve(partner)]
    assert (row["agreed"], row["period_start"], row["period_end"], row["areas_total"]) == (
        agreed,
        start,
        end,
        total,
    )


def load_resolve(name: str) -> str:
    return {"korea": "republic-of-korea", "nz": "new-zealand"}.get(name, name)


def test_japan_itpp_names_ten_of_sixteen_areas_and_says_so() -> None:
    areas = rows("itpp", "jp")
    assert len(areas) == 10 and {a["areas_total"] for a in areas} == {16}
    names = " ".join(a["area"] for a in areas).lower()
    for expected in (
        "cyber",
        "maritime",
        "climate",
        "women, peace and security",
        "space",
        "interoperability",
    ):
        assert expected in names
    overview = {r["partner"]: r for r in rows("itpp")}["japan"]
    assert overview["areas_named"] == 10 and "6" in overview["note"]


def test_korea_itpp_names_all_eleven_areas() -> None:
    areas = [a["area"].lower() for a in rows("itpp", "rok")]
    assert len(areas) == 11
    assert any("public diplomacy" in a for a in areas) and any("counter-terrorism" in a for a in areas)


def test_each_itpp_replaced_an_ipcp(fb) -> None:
    signed = {i["partner"]: i["predecessor"]["signed"] for i in fb.table("itpps").values()}
    assert signed == {
        "japan": "2014-05-06",
        "republic-of-korea": "2012-09",
        "australia": "2013-02-21",
        "new-zealand": "2012-06-04",
    }


def test_france_opposed_the_tokyo_office_and_germany_only_hesitated() -> None:
    opposed = {r["actor"]: r for r in rows("who-opposed", "tokyo office")}
    assert "france" in opposed and "germany" not in opposed
    assert opposed["france"]["evidence"] == "well-documented"
    assert opposed["france"]["date"] == "2023-07-12"
    assert "The Indo-Pacific is not the North Atlantic" in opposed["france"]["said"]
    germany = [r for r in rows("stances", "tokyo-office") if r["actor"] == "germany"]
    assert [(g["position"], g["evidence"]) for g in germany] == [("cautious", "contested")]
    assert "Germany" in germany[0]["correction"]


def test_the_tokyo_office_was_proposed_by_nato_and_never_opened(fb) -> None:
    positions = {r["actor"]: r["position"] for r in rows("stances", "tokyo-office")}
    assert positions.get("jens-stoltenberg") == "proposed" or positions.get("nato") == "proposed"
    dates = {e["date"] for e in fb.events if "tokyo-office" in (e.get("topics") or [])}
    assert {"2023-05-03", "2023-06-05", "2023-07-12"} <= dates


def test_missions_and_visits(fb) -> None:
    dated = {(e["date"], e.get("end")) for e in fb.events}
    assert any(d == "2025-01-16" for d, _ in dated)  # Japan's independent mission to NATO
    assert ("2023-01-31", "2023-02-01") in dated  # Stoltenberg in Tokyo
    assert any(d == "2023-01-29" for d, _ in dated)  # Stoltenberg in Seoul
    assert any(d == "2018-05-24" for d, _ in dated)  # Japan's embassy accredited to NATO


@pytest.mark.parametrize(
    ("grouping", "members", "founded"),
    [
        ("quad", {"australia", "india", "japan", "united-states"}, "2007"),
        ("aukus", {"australia", "united-kingdom", "united-states"}, "2021-09-15"),
        ("camp-david-trilateral", {"japan", "republic-of-korea", "united-states"}, "2023-08-18"),
    ],
)
def test_groupings_members_and_dates(grouping: str, members: set[str], founded: str) -> None:
    (row,) = [r for r in rows("groupings") if r["id"] == grouping]
    assert set(row["members"]) == members
    assert row["founded"].startswith(founded)


def test_camp_david_is_not_a_collective_defence_pact() -> None:
    (row,) = [r for r in rows("groupings") if r["id"] == "camp-david-trilateral"]
    assert "pact" in row["correction"].lower()
    assert "not" in row["nature"].lower()


def test_abe_2007_speech_and_foip_2016(fb) -> None:
    dates = {e["date"] for e in fb.events}
    assert {"2007-08-22", "2016-08-27", "2017-11-12", "2021-09-15", "2023-08-18"} <= dates


def test_seed_errors_are_recorded_as_corrections() -> None:
    wrong = rows("claims", "--verdict", "wrong")
    text = " ".join(r["correction"] for r in wrong)
    assert "2025" in text  # Japan's mission opened in January 2025, not January 2023
    assert any("Camp David" in r["text"] for r in rows("claims") if r["verdict"] != "verified")


def test_the_interviewees_opinions_are_attributed(fb) -> None:
    opinions = [c for c in fb.table("claims").values() if c["verdict"] == "opinion"]
    assert opinions
    assert all(c["by"] == "ikboljon-qoraboyev" for c in opinions)
    assert all(c["sources"][0]["source"] == "seed-ankasam-2023" for c in opinions)


@pytest.mark.skipif(not SEED.exists(), reason="the seed interview is not beside this checkout")
def test_every_claim_quotes_the_seed_verbatim(fb) -> None:
    seed = " ".join(SEED.read_text(encoding="utf-8").split())
    for claim in fb.table("claims").values():
        assert " ".join(claim["text"].split()) in seed, claim["id"]


def test_every_source_is_cited_and_every_citation_complete(fb) -> None:
    cited = set()
    for kind in ("itpps", "stances", "groupings", "claims"):
        for record in fb.table(kind).values():
            cited |= {c["source"] for c in record["sources"]}
            for part in (record.get("areas") or []) + (
                [record["predecessor"]] if record.get("predecessor") else []
            ):
                cited |= {c["source"] for c in part["sources"]}
    cited |= {c["source"] for e in fb.events for c in e["sources"]}
    assert set(fb.table("sources")) - cited == set()
    for source in fb.table("sources").values():
        assert source.get("publisher") or source.get("author")
        if source["kind"] != "seed":
            assert source.get("url") or source.get("note"), source["id"]


def test_every_record_has_evidence_and_valid_dates(fb) -> None:
    for event in fb.events:
        assert model.check_partial_date(event["date"]) is None
        assert event["evidence"] in vocab.EVIDENCE_LEVELS and event["sources"]


def test_no_seed_misspelling_outside_quoted_claims(fb) -> None:
    text = BUNDLED.read_text(encoding="utf-8")
    outside_claims = text.split("\nclaims:", 1)[0]
    for wrong in (r"\bITTP\b", r"Quadruple", r"Indian[-–]Pacific"):
        for line in outside_claims.splitlines():
            if re.search(wrong, line):
                # Aliases keep the seed's spellings on purpose, so `asiapac stances ittp` works.
                assert any(word in line.lower() for word in ("seed", "interview", "quote", "aliases:")), line


# The verdicts of the research notes' table of the seed's sixteen checkable claims (§0).
SEED_VERDICTS = {
    "seed-claim-sc-china-first-time": {"verified-with-caveat"},
    "seed-claim-madrid-first-ap4": {"verified"},
    "seed-claim-vilnius-ap4-again": {"verified"},
    "seed-claim-all-four-itpps": {"verified", "verified-with-caveat"},
    "seed-claim-japan-16-areas": {"verified"},
    "seed-claim-rok-11-areas": {"verified", "verified-with-caveat"},
    "seed-claim-macron-quote": {"verified"},
    "seed-claim-germany-joined-france": {"unverified"},
    "seed-claim-office-dropped-from-outcome": {"verified", "verified-with-caveat"},
    "seed-claim-japan-delegation-jan-2023": {"wrong"},
    "seed-claim-stoltenberg-month-later": {"wrong"},
    "seed-claim-abe-indo-pacific-2007": {"imprecise"},
    "seed-claim-abe-revived-quad": {"verified"},
    "seed-claim-camp-david-pact": {"wrong"},
    "seed-claim-japan-rok-ukraine-support": {"verified"},
    "seed-claim-security-is-global": {"verified"},
}


@pytest.mark.parametrize(("claim_id", "verdicts"), sorted(SEED_VERDICTS.items()))
def test_each_checkable_seed_claim_has_the_researched_verdict(fb, claim_id: str, verdicts: set[str]) -> None:
    claim = fb.table("claims")[claim_id]
    assert claim["verdict"] in verdicts
    assert claim["sources"][0]["source"] == "seed-ankasam-2023"
    assert claim.get("records") or claim["verdict"] == "unverified"
    for record_id in claim.get("records") or []:
        assert fb.kind_of(record_id) is not None


def test_an_itpp_with_no_named_area_still_answers_and_says_what_is_unknown() -> None:
    (row,) = rows("itpp", "nz")
    assert (row["agreed"], row["area_number"], row["area"]) == ("2024", None, None)
    table = run("itpp", "nz", env={"ASIAPAC_FORCE_TTY": "120", "NO_COLOR": "1"}).stdout
    assert "Agreed: 2024. Period: not known. 0 areas named; the total is not known." in table
