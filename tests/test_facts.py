"""Questions a researcher asks, answered from the bundled fact base.

The expected answers are written from the sources (NATO, governments, and the checked
research notes), not from the implementation: a wrong edit to data/facts.yaml fails here.
"""

from __future__ import annotations

import json
import re

import pytest

from asiapac_cli import vocab
from asiapac_cli.facts import load, model
from conftest import run, shared_file

BUNDLED = load.bundled_path()
SEED = shared_file("seeds/000_cab049b54525a233.txt")
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
    corrected = [r for r in rows("claims") if r["verdict"] not in ("verified", "opinion", "unverified")]
    text = " ".join(r["correction"] for r in corrected)
    assert "2025" in text  # Japan's mission opened only in January 2025 (AP via Japan Today)
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
    cited |= {
        c["source"] for a in fb.table("actors").values() for o in a.get("offices") or [] for c in o["sources"]
    }
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
                # Aliases and misspellings keep the seed's spellings on purpose, so `asiapac stances
                # ittp` works and `check` reads the seed's words; nowhere else are they stated.
                assert any(
                    word in line.lower()
                    for word in ("seed", "interview", "quote", "aliases:", "misspellings:", "not_names:")
                ), line


# The verdicts of the research notes' table of the seed's sixteen checkable claims (§0).
SEED_VERDICTS = {
    "seed-claim-sc-china-first-time": {"verified-with-caveat"},
    # First for the four together and for Japan and Korea; not for Australia (NATO news_88351,
    # Parliamentary Library of Australia 2010): the research table's "verified" is corrected.
    "seed-claim-madrid-first-ap4": {"verified-with-caveat"},
    "seed-claim-vilnius-ap4-again": {"verified"},
    "seed-claim-all-four-itpps": {"verified", "verified-with-caveat"},
    "seed-claim-japan-16-areas": {"verified"},
    "seed-claim-rok-11-areas": {"verified", "verified-with-caveat"},
    "seed-claim-macron-quote": {"verified"},
    "seed-claim-germany-joined-france": {"unverified"},
    "seed-claim-office-dropped-from-outcome": {"verified", "verified-with-caveat"},
    # The decision was announced on 31 January 2023 (NHK); only the opening came later (AP, 2025).
    "seed-claim-japan-delegation-jan-2023": {"verified-with-caveat"},
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


# --- Issue 11: corrections and coverage, each written from the source named ----------------


def test_madrid_was_the_four_partners_first_summit_together_not_australias_first(fb) -> None:
    # NATO news_197287 (29 Jun 2022): the four "participated in a NATO Summit for the first time";
    # the Parliamentary Library of Australia (Dec 2010): Gillard "attended the Lisbon Summit";
    # NATO news_88351 (Jun 2012): Gillard "attended NATO's Chicago Summit in May".
    claim = fb.table("claims")["seed-claim-madrid-first-ap4"]
    assert claim["verdict"] == "verified-with-caveat"
    assert "Lisbon" in claim["correction"] and "Chicago" in claim["correction"]
    assert "Japan and the Republic of Korea" in claim["correction"]
    madrid = fb.get("madrid-summit-2022")
    assert "together for the first time" in madrid["summary"]
    cited = {c["source"] for c in madrid["sources"]}
    assert {"aph-library-2010-12-17", "nato-news-88351", "yonhap-2022-07-01"} <= cited


def test_japans_delegation_decision_came_in_january_2023_and_the_mission_opened_in_2025(fb) -> None:
    # NHK, 31 Jan 2023: Kishida said Japan may establish an independent delegation; Anadolu,
    # 5 Apr 2023: Stoltenberg "welcomed Japan's decision"; AP, 16 Jan 2025: mission inaugurated.
    claim = fb.table("claims")["seed-claim-japan-delegation-jan-2023"]
    assert claim["verdict"] == "verified-with-caveat"
    assert "31 January" in claim["correction"] and "16 January 2025" in claim["correction"]
    assert fb.get("japan-mission-intention-announced-2023")["date"] == "2023-01-31"
    assert fb.get("japan-mission-to-nato-inaugurated-2025")["date"] == "2025-01-16"


def test_the_hague_partners_meeting_took_place_on_25_june_2025(fb) -> None:
    # Japan's Foreign Ministry summary (via the etjapan blog): on 25 June the Secretary General
    # met the four partners; Yonhap (via iget.news): Wi "took part in a separate session with
    # Rutte"; NATO's release of 26 Sep 2025 cites "the statement by the NATO Secretary General
    # and the four Indo-Pacific partners ... during the NATO Summit in The Hague".
    meeting = fb.get("the-hague-partners-meeting-2025")
    assert (meeting["date"], meeting["kind"]) == ("2025-06-25", "meeting")
    assert {"wi-sung-lac", "takeshi-iwaya", "richard-marles", "christopher-luxon", "mark-rutte"} <= set(
        meeting["actors"]
    )
    assert "statement" in meeting["summary"]
    summit_summary = fb.get("the-hague-summit-2025")["summary"]
    assert "with the US President was dropped" in summit_summary
    assert "not held" not in summit_summary


def test_ankara_2026_is_listed_and_the_partners_attendance_is_not_known() -> None:
    # NATO's announcement of 19 Aug 2025 (Axar.az; DCNews/Agerpres): Ankara, 7-8 July 2026.
    # No source found says how the four partners took part; Politico (via the Kyiv Independent,
    # Feb 2026) reported US pressure not to invite them to the formal meetings.
    ankara = summit("ankara-summit-2026")
    assert (ankara["date"], ankara["end"]) == ("2026-07-07", "2026-07-08")
    assert {p["partner"] for p in ankara["partners"]} == AP4
    assert {p["level"] for p in ankara["partners"]} == {"not-known"}
    assert ankara["partner_leaders"] == 0
    report = [
        r for r in rows("timeline", "--since", "2026-02", "--until", "2026-02") if r["kind"] == "report"
    ]
    assert [r["id"] for r in report] == ["us-opposes-partner-invitations-ankara-report-2026"]


def test_summits_are_the_full_list_for_2022() -> None:
    # NATO opinions_192454 (25 Feb 2022): "welcome to this meeting of NATO leaders with our close
    # partners, Finland, Sweden and the European Union" - the four were not among them.
    # Reuters (15 Mar 2022): Stoltenberg "convened an extraordinary Summit on 24 March at NATO HQ";
    # NATO news_197287: the partners' first summit was Madrid, so they are absent from it.
    in_2022 = [r["id"] for r in rows("summits") if r["date"].startswith("2022")]
    assert in_2022 == [
        "nato-virtual-summit-2022-02-25",
        "nato-extraordinary-summit-2022-03-24",
        "madrid-summit-2022",
    ]
    assert summit("nato-extraordinary-summit-2022-03-24")["partner_leaders"] == 0
    virtual = summit("nato-virtual-summit-2022-02-25")
    assert {p["level"] for p in virtual["partners"]} == {"absent"}
    assert all("Finland, Sweden and the European Union" in p["note"] for p in virtual["partners"])


@pytest.mark.parametrize(
    ("event_id", "date", "end"),
    [
        ("abe-addresses-north-atlantic-council-2007", "2007-01-12", None),  # NATO speech s070112b
        ("nato-australia-joint-political-declaration-2012", "2012-06-14", None),  # NATO news_88426
        ("nato-japan-joint-political-declaration-2013", "2013-04-15", None),  # NATO news_99655
        ("australia-enhanced-opportunities-partner-2014", "2014-09-04", "2014-09-05"),  # Defence AU, GMF
        ("japan-to-join-ccdcoe-announced-2018", "2018-01-12", None),  # Estonian World
        ("foreign-ministers-meeting-partners-2022", "2022-04-07", None),  # KBS World, Jiji
        ("rok-joins-ccdcoe-2022", "2022-05-05", None),  # KBS World (NIS, Thursday 5 May)
        ("ip4-leaders-joint-statement-washington-2024", "2024-07-11", None),  # Kantei, Jiji, Yonhap
        ("defence-ministers-meeting-partners-2024", "2024-10-17", None),  # NATO news_229541: first session
        ("rutte-visit-tokyo-2025", "2025-04-08", "2025-04-09"),  # NATO release, Kantei
        ("lee-rutte-call-2025-07-03", "2025-07-03", None),  # KBS World (Japanese service: "3日")
        ("nato-rok-defence-industry-dialogue-2025", "2025-09-26", None),  # NATO release
        ("nato-japan-defence-industry-dialogue-2025", "2025-10-31", None),  # NATO release (Italian)
        ("lee-rutte-call-2026-02-10", "2026-02-10", None),  # Korea.net
    ],
)
def test_new_dated_events(fb, event_id: str, date: str, end: str | None) -> None:
    event = fb.get(event_id)
    assert (event["date"], event.get("end")) == (date, end)
    assert event["sources"]


def test_defence_ministers_met_the_four_partners_for_the_first_time_in_october_2024(fb) -> None:
    # NATO news_229541: an expanded format "that for the first time included partners Australia,
    # Japan, New Zealand and South Korea".
    event = fb.get("defence-ministers-meeting-partners-2024")
    assert set(event["actors"]) >= AP4
    assert "for the first time included partners" in event["sources"][0]["quote"]


def test_chinas_first_objection_is_dated_4_may_2023_and_china_is_not_an_ally() -> None:
    # China's Foreign Ministry transcript of 4 May 2023 (Mao Ning's regular press conference).
    stances = {r["actor"]: r for r in rows("stances", "tokyo-office")}
    china = stances["china"]
    assert (china["date"], china["evidence"], china["ally"]) == ("2023-05-04", "well-documented", False)
    assert "mfa-china-2023-05-04-via-mna" in china["sources"]
    assert {a for a, r in stances.items() if r["ally"] is True} == {"france", "germany", "united-states"}


def test_macrons_vilnius_sentence_is_quoted_whole() -> None:
    # AFP via Taiwan News, 12 Jul 2023.
    (france,) = [r for r in rows("who-opposed", "tokyo-office") if r["actor"] == "france"]
    assert france["said"].endswith(
        "building legitimacy and a geographically established presence in other areas"
    )


def test_a_nato_page_confirms_stoltenbergs_welcome_of_japans_sanctions(fb) -> None:
    # NATO opinions_210901: "Joint press point ... with Prime Minister Fumio Kishida", 31 Jan. 2023.
    source = fb.table("sources")["nato-opinions-210901"]
    assert source["date"] == "2023-01-31" and source["title"].startswith("Joint press point")
    assert source["url"].endswith("opinions_210901.htm")
    assert fb.get("stoltenberg-welcomes-japan-sanctions")["evidence"] == "well-documented"


def test_about_reports_the_reach_of_the_data(fb) -> None:
    about = json.loads(run("about", "--format", "json").stdout)
    assert list(about) == ["checked_on", "events_through", "counts", "gaps", "fact_file", "version"]
    latest = max((e.get("end") or e["date"] for e in fb.events), key=lambda d: model.date_bounds(d)[1])
    assert about["events_through"] == latest == "2026-07-08"  # Ankara, the latest event
    assert about["checked_on"] == "2026-12-06"
    assert about["counts"]["events"] == len(fb.events)
    assert about["counts"]["sources"] == len(fb.table("sources"))
    assert about["counts"]["gaps"] == len(about["gaps"]) == len(fb.gaps)
    assert {"gap-japan-itpp-areas", "gap-ankara-2026-attendance"} <= {g["id"] for g in about["gaps"]}
    assert about["fact_file"] == str(BUNDLED)


def test_terminal_summits_and_timeline_say_what_period_they_cover() -> None:
    for command in ("summits", "timeline"):
        table = run(command, env={"ASIAPAC_FORCE_TTY": "200", "NO_COLOR": "1"}).stdout
        reach = [line for line in table.splitlines() if line.startswith("Events ")]
        assert reach == ["Events 2006-11-28–2026-07-08; sources checked 2026-12-06; gaps: asiapac about"]
        assert "Events 2006" not in run(command).stdout  # piped output is rows only


def test_descriptive_titles_are_marked_in_every_citation_format(fb) -> None:
    descriptive = fb.table("sources")["afp-taiwan-news-2023-07-12"]
    assert descriptive["title_descriptive"] is True
    text = run("cite", "france-opposes-tokyo-office").stdout
    assert f"{descriptive['title']} {model.DESCRIPTIVE_TITLE_MARK}" in text
    (france,) = [r for r in rows("who-opposed", "tokyo-office", "--cite") if r["actor"] == "france"]
    assert any(c["title_descriptive"] for c in france["citations"])
    tsv = run("who-opposed", "tokyo-office", "--cite").stdout
    assert f"{descriptive['title']} {model.DESCRIPTIVE_TITLE_MARK}" in tsv
    bib = run("cite", "afp-taiwan-news-2023-07-12", "--style", "bibtex").stdout
    assert model.DESCRIPTIVE_TITLE_NOTE in bib
    real = run("cite", "nato-opinions-210901", "--style", "bibtex").stdout
    assert model.DESCRIPTIVE_TITLE_NOTE not in real and "urldate = {2026-11-27}" in real


def test_every_countrys_stance_says_whether_it_is_an_ally(fb) -> None:
    # NATO's members: France, Germany and the United States are Allies; Japan and China are not.
    for stance in fb.table("stances").values():
        actor = fb.get(stance["actor"])
        assert ("ally" in stance) == (actor["kind"] == "country"), stance["id"]
    assert fb.table("stances")["japan-supports-tokyo-office"]["ally"] is False


def holders(fb, office: str, of: str) -> list[tuple[str, str, str | None]]:
    """(person, from, until) for each holder of an office, in order of taking it."""
    found = [
        (actor["id"], held.get("from") or "", held.get("until"))
        for actor in fb.table("actors").values()
        for held in actor.get("offices") or []
        if held["office"] == office and held["of"] == of and not held.get("acting")
    ]
    return sorted(found, key=lambda h: h[1])


def test_japans_prime_ministers_since_2021_follow_each_other(fb) -> None:
    # Jiji, 4 Oct 2021: the Diet "elected ... Fumio Kishida as prime minister to succeed Yoshihide
    # Suga"; Kyodo, 1 Oct 2024: Ishiba "was elected Japan's new prime minister ... to replace Fumio
    # Kishida".
    chain = holders(fb, "prime-minister", "japan")
    assert [h[0] for h in chain][:3] == ["yoshihide-suga", "fumio-kishida", "shigeru-ishiba"]
    assert chain[1][1:] == ("2021-10-04", "2024-10-01")
    for (_, _, until), (_, start, _) in zip(chain, chain[1:], strict=False):
        assert until == start, chain  # no gap and no overlap: each took over the day the last left


def test_nato_secretaries_general_hand_over_on_1_october_2024(fb) -> None:
    chain = holders(fb, "secretary-general", "nato")
    assert [(h[0], h[2]) for h in chain] == [("jens-stoltenberg", "2024-10-01"), ("mark-rutte", None)]
    assert chain[1][1] == "2024-10-01"


def test_a_person_with_offices_can_be_cited() -> None:
    result = run("cite", "fumio-kishida")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Prime Minister of Japan (2021-10-04 to 2024-10-01): ")
    assert "Jiji" in result.stdout


# --- Issue 21: every summit since 2006, ministerial meetings, the IP4, corrections ---------------
# Each expected value below was read in the source named in the comment, not taken from the data.


def levels(summit_id: str) -> dict[str, tuple[str, str | None]]:
    return {p["partner"]: (p["level"], p["person"]) for p in summit(summit_id)["partners"]}


def cited(fb, record_id: str) -> set[str]:
    return {c["source"] for c in fb.get(record_id)["sources"]}


def test_summits_2006_to_2009_riga_bucharest_strasbourg_kehl(fb) -> None:
    # Riga: French embassy in Canada, "The Summit took place on November 28 and 29"; no source
    # says how the partners took part (ABC Lateline, 20 Mar 2008: Rudd would be "the first
    # Australian Prime Minister to attend a NATO summit").
    riga = summit("riga-summit-2006")
    assert (riga["date"], riga["end"]) == ("2006-11-28", "2006-11-29")
    assert set(levels("riga-summit-2006").values()) == {("not-known", None)}
    # Bucharest: Romanian MFA "2-4 April 2008"; ABC Lateline 4 Apr 2008 and SMH 3 Apr 2009 (Rudd);
    # NATO's New Zealand page: "the then Prime Minister Helen Clark attended the meeting of ISAF
    # troop-contributin nations"; MOFA: "Statement by Mr. Kenichiro SASAE Deputy Minister for
    # Foreign Affairs at the Meeting on Afghanistan April 3, 2008".
    bucharest = levels("bucharest-summit-2008")
    assert (summit("bucharest-summit-2008")["date"], summit("bucharest-summit-2008")["end"]) == (
        "2008-04-02",
        "2008-04-04",
    )
    assert bucharest["australia"] == ("leader", "Kevin Rudd")
    assert bucharest["new-zealand"] == ("leader", "Helen Clark")
    assert bucharest["japan"] == ("official", "Kenichiro Sasae")
    assert bucharest["republic-of-korea"][0] == "not-known"
    notes = " ".join(p["note"] for p in summit("bucharest-summit-2008")["partners"])
    assert "not in the North Atlantic Council" in notes
    assert {
        "abc-lateline-2008-04-04",
        "nato-topic-new-zealand-cooperation",
        "mofa-sasae-2008-04-03",
    } <= cited(fb, "bucharest-summit-2008")
    # Strasbourg/Kehl: SMH 3 Apr 2009, "non-NATO members were not invited to the summit".
    kehl = summit("strasbourg-kehl-summit-2009")
    assert (kehl["date"], kehl["end"]) == ("2009-04-03", "2009-04-04")
    assert set(levels("strasbourg-kehl-summit-2009").values()) == {("absent", None)}
    assert "smh-2009-04-03" in cited(fb, "strasbourg-kehl-summit-2009")


def test_summits_2010_and_2012_lisbon_and_chicago(fb) -> None:
    # Lisbon: Parliamentary Library (Dec 2010) "19–20 November 2010", Gillard attended; Hansard
    # 22 Nov 2010: she "attended there the meeting of the 48 countries" of ISAF; MOFA: "Speech by
    # Yutaka Banno, State Secretary for Foreign Affairs, at the Meeting on Afghanistan".
    lisbon = levels("lisbon-summit-2010")
    assert (summit("lisbon-summit-2010")["date"], summit("lisbon-summit-2010")["end"]) == (
        "2010-11-19",
        "2010-11-20",
    )
    assert lisbon["australia"] == ("leader", "Julia Gillard")
    assert lisbon["japan"] == ("official", "Yutaka Banno")
    assert lisbon["new-zealand"][0] == lisbon["republic-of-korea"][0] == "not-known"
    assert {"hansard-au-2010-11-22", "mofa-banno-2010-11-20"} <= cited(fb, "lisbon-summit-2010")
    # Chicago: NATO news_87504 (opened 20 May), White House fact sheet (the thirteen partners
    # include Australia, Japan, New Zealand and the Republic of Korea), NATO news_88351
    # (Gillard), MOFA 28 May 2012 ("Koichiro Gemba represented the Government of Japan").
    chicago = levels("chicago-summit-2012")
    assert (summit("chicago-summit-2012")["date"], summit("chicago-summit-2012")["end"]) == (
        "2012-05-20",
        "2012-05-21",
    )
    assert chicago["australia"] == ("leader", "Julia Gillard")
    assert chicago["japan"] == ("minister", "Koichiro Gemba")
    assert chicago["new-zealand"][0] == chicago["republic-of-korea"][0] == "not-known"
    assert "whitehouse-chicago-partnerships-2012" in cited(fb, "chicago-summit-2012")


def test_summits_2014_to_2019_wales_to_london(fb) -> None:
    # Wales: FCO blog "Thursday 4 and Friday 5 September ... Newport"; Australian Defence release
    # (Bishop and Johnston); MOFA 5 Sep 2014 (坂場 ambassador). The ROK is known only from Asia
    # Economy's report of an announcement the day before (김창범), so it stays not known.
    wales = levels("wales-summit-2014")
    assert (summit("wales-summit-2014")["date"], summit("wales-summit-2014")["end"]) == (
        "2014-09-04",
        "2014-09-05",
    )
    assert wales["australia"] == ("minister", "Julie Bishop")
    assert wales["japan"] == ("official", "Sakaba")
    assert wales["republic-of-korea"][0] == "not-known"
    # Warsaw: MOFA (8-9 July); Asia Economy 7 Jul 2016 announced First Vice Foreign Minister 임성남
    # for the next day's meeting - an announcement only, so the ROK stays not known.
    warsaw = levels("warsaw-summit-2016")
    assert (summit("warsaw-summit-2016")["date"], summit("warsaw-summit-2016")["end"]) == (
        "2016-07-08",
        "2016-07-09",
    )
    assert warsaw["republic-of-korea"][0] == "not-known"
    assert "Lim Sung-nam" in summit("warsaw-summit-2016")["partners"][3]["note"]
    assert warsaw["australia"][0] == warsaw["new-zealand"][0] == "not-known"
    # Brussels 2017: NATO PR (2017) 055, a "Meeting of the North Atlantic Council" on 25 May.
    assert summit("brussels-summit-2017")["date"] == "2017-05-25"
    assert set(levels("brussels-summit-2017").values()) == {("absent", None)}
    # Brussels 2018: declaration "11-12 July 2018"; Afghan Chief Executive's office, speakers
    # include the "Defense Minister of Australia".
    assert (summit("brussels-summit-2018")["date"], summit("brussels-summit-2018")["end"]) == (
        "2018-07-11",
        "2018-07-12",
    )
    assert levels("brussels-summit-2018")["australia"][0] == "minister"
    # London: European Sources Online, "3 to 4 December 2019 ... attended by leaders of the NATO
    # member states".
    london = summit("london-leaders-meeting-2019")
    assert (london["date"], london["end"]) == ("2019-12-03", "2019-12-04")
    assert set(levels("london-leaders-meeting-2019").values()) == {("absent", None)}
    # Every absence is explained by the format in the note.
    for summit_id in ("strasbourg-kehl-summit-2009", "brussels-summit-2017", "london-leaders-meeting-2019"):
        assert all("format" in p["note"] for p in summit(summit_id)["partners"])


def test_every_nato_summit_since_2006_is_listed_once() -> None:
    listed = [r["id"] for r in rows("summits") if r["id"] in NATO_SUMMITS]
    assert listed == NATO_SUMMITS
    for r in rows("summits"):
        if r["id"] in NATO_SUMMITS:
            assert {p["partner"] for p in r["partners"]} == AP4, r["id"]


NATO_SUMMITS = [
    "riga-summit-2006",
    "bucharest-summit-2008",
    "strasbourg-kehl-summit-2009",
    "lisbon-summit-2010",
    "chicago-summit-2012",
    "wales-summit-2014",
    "warsaw-summit-2016",
    "brussels-summit-2017",
    "brussels-summit-2018",
    "london-leaders-meeting-2019",
    "brussels-summit-2021",
    "nato-virtual-summit-2022-02-25",
    "nato-extraordinary-summit-2022-03-24",
    "madrid-summit-2022",
    "vilnius-summit-2023",
    "washington-summit-2024",
    "the-hague-summit-2025",
    "ankara-summit-2026",
]


def test_foreign_ministers_met_the_four_online_in_december_2020_and_in_april_2024(fb) -> None:
    # NATO news_179806 (2 Dec 2020): "joined by Asia-Pacific partners Australia, Japan, New
    # Zealand and South Korea"; MOFA 3 Dec 2020: Ambassador Shimokawa "read the statement of Mr.
    # MOTEGI Toshimitsu".
    first = fb.get("foreign-ministers-meeting-partners-2020")
    assert first["date"] == "2020-12-02" and set(first["actors"]) >= AP4
    assert {"makita-shimokawa", "toshimitsu-motegi"} <= set(first["actors"])
    assert "not the four partners' first" in fb.get("foreign-ministers-meeting-partners-2022")["note"]
    # MOFA 5 Apr 2024 (Tsuji, 4 April partner session); Reuters (Peters); Yonhap (Cho Tae-yul).
    april = fb.get("foreign-ministers-meeting-partners-2024")
    assert april["date"] == "2024-04-04"
    assert {"winston-peters", "kiyoto-tsuji", "cho-tae-yul"} <= set(april["actors"])
    gap = {g["id"]: g for g in fb.gaps}["gap-ministerial-meetings"]
    assert "2021 and 2026" in gap["text"]


def test_the_hague_statement_was_read_in_mofas_provisional_translation(fb) -> None:
    # worldjpn.net 20250625.D1J: "サプライチェーン・セキュリティ、開発、生産及び調達プロセス", and
    # "宇宙・海洋領域及び弾薬".
    meeting = fb.get("the-hague-partners-meeting-2025")
    quotes = " ".join(c.get("quote", "") for c in meeting["sources"])
    assert "サプライチェーン・セキュリティ、開発、生産及び調達プロセス" in quotes
    assert "宇宙・海洋領域及び弾薬" in quotes
    assert "supply-chain security" in meeting["summary"] and "munitions" in meeting["summary"]


def test_meetings_of_2025_and_2026(fb) -> None:
    # MOFA (24 Sep 2025): Iwaya and Rutte in New York; the same page mentions this month's visit of
    # the NATO Military Committee Chair Cavo Dragone; MOFA (14 Feb 2026): Motegi and Rutte in
    # Munich; Kyodo and TBS: "1500万ユーロ" for Ukraine.
    assert fb.get("iwaya-rutte-new-york-2025")["date"] == "2025-09-24"
    assert fb.get("nato-military-committee-chair-visits-japan-2025")["date"] == "2025-09"
    munich = fb.get("motegi-rutte-munich-2026")
    assert munich["date"] == "2026-02-14" and munich["place"] == "Munich"
    assert "€15 million" in munich["summary"]


def test_the_ip4_is_a_grouping_of_the_four_resolvable_by_its_names() -> None:
    # USIP (Jul 2023): "known informally as the Indo-Pacific Four or IP4"; Dong-A Ilbo (Jul 2024):
    # "originally called AP4"; MOFA (2025): "IP4:日本、豪州、ニュージーランド、韓国".
    (ip4,) = [r for r in rows("groupings") if r["id"] == "ip4"]
    assert set(ip4["members"]) == AP4
    assert ip4["founded"] is None  # a designation, never founded
    for name in ("ip4", "IP-4", "AP4", "Indo-Pacific partners", "Asia-Pacific partners", "the four partners"):
        shown = json.loads(run("show", name, "-f", "json").stdout)
        assert (shown["kind"], shown["id"]) == ("grouping", "ip4"), name


def test_issue_21_corrections(fb) -> None:
    # The Record: the Ministry of Defense post of "November 4, 2022"; CCDCOE (2023) raised the flags
    # of "Iceland, Ireland, Japan, and Ukraine"; Postimees ("on Tuesday") and the Kyiv Independent
    # (16 May 2023) give the day.
    announced = fb.get("japan-joins-ccdcoe-2022")
    assert (announced["date"], announced["kind"]) == ("2022-11-04", "announcement")
    assert fb.get("japan-ccdcoe-member-2023")["date"] == "2023-05-16"
    # NATO's release of 26 Sep 2025 names no place for the ROK dialogue.
    assert "place" not in fb.get("nato-rok-defence-industry-dialogue-2025")
    # NATO's PII page, last updated 7 March 2024.
    assert "as of March 2024" in fb.get("australia-enhanced-opportunities-partner-2014")["summary"]
    # KBS World (German), Oct 2024: "Südkorea wird durch den stellvertretenden
    # Verteidigungsminister Kim Seon-ho vertreten"; Kyodo: the partners met on "17日".
    dmm = fb.get("defence-ministers-meeting-partners-2024")
    assert "vice-minister level" in dmm["summary"] and "kbs-world-de-2024-10-17" in cited(fb, dmm["id"])
    # ABC Lateline (4 Apr 2008) replaces the blog; the Madrid correction names Bucharest 2008.
    assert "natomonitor-2008-04-04" not in fb.table("sources")
    assert "Helen Clark at Bucharest in 2008" in fb.get("madrid-summit-2022")["correction"]
    assert "abc-lateline-2008-04-04" in cited(fb, "seed-claim-madrid-first-ap4")
    gap_ids = {g["id"] for g in fb.gaps}
    assert not gap_ids & {"gap-summits-2006-2018", "gap-summits-2022-virtual", "gap-japan-ccdcoe"}
