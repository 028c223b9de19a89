"""States that changed (issue #22): an ITPP before its agreement is "under negotiation" where a
source dated then says so, else absent. The sourced cases in data/facts.yaml: Nikkei Asia of 13
June 2023 ("Australia's negotiations are the most advanced, with South Korea and New Zealand
still in earlier stages"), Reuters of 14 June 2023 (New Zealand's foreign minister: "the exact
areas of work are yet to be agreed") and of 5 April 2024 (New Zealand expects "to conclude this
partnership in the coming months"). No source before 12 July 2023 says Japan's was negotiated.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from asiapac_cli.facts import load
from conftest import FIXTURES, run, tty, write_facts

BUNDLED = str(load.bundled_path())


@pytest.fixture(autouse=True)
def shared_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASIAPAC_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "as-of-cache"))
    monkeypatch.setenv("ASIAPAC_DATA", BUNDLED)


def programmes(day: str | None = None) -> dict[str, dict[str, Any]]:
    args = ["itpp", "-f", "json"] + (["--as-of", day] if day else [])
    return {row["partner"]: row for row in json.loads(run(*args).stdout)}


def test_before_vilnius_three_programmes_are_under_negotiation_and_japans_is_absent() -> None:
    assert programmes("2023-06-12") == {}  # no source yet says any is being negotiated
    june = programmes("2023-06-13")
    assert set(june) == {"australia", "republic-of-korea", "new-zealand"}
    for row in june.values():
        assert row["status"] == "under-negotiation"
        assert row["agreed"] is None and row["areas_total"] is None and row["areas_named"] == 0
    assert june["new-zealand"]["sources"] == ["nikkei-via-nighthawk-2023-06-13"]
    assert programmes("2023-06-14")["new-zealand"]["sources"] == [
        "nikkei-via-nighthawk-2023-06-13",
        "reuters-whbl-2023-06-14",
    ]


def test_each_programme_is_agreed_from_the_day_its_record_is_known() -> None:
    vilnius = programmes("2023-07-12")
    assert vilnius["japan"]["status"] == vilnius["republic-of-korea"]["status"] == "agreed"
    assert vilnius["republic-of-korea"]["agreed"] == "2023-07-11"
    assert vilnius["new-zealand"]["status"] == "under-negotiation"
    # Still negotiating on 5 April 2024, and the record says only "signed in 2024".
    april = programmes("2024-04-05")
    assert april["new-zealand"]["status"] == "under-negotiation"
    assert "reuters-chronicle-2024-04-05" in april["new-zealand"]["sources"]
    assert programmes("2024-12-31")["new-zealand"]["status"] == "agreed"


def test_without_as_of_every_programme_is_agreed() -> None:
    assert {row["status"] for row in programmes().values()} == {"agreed"}
    header = run("itpp", "-f", "tsv").stdout.splitlines()[0].split("\t")
    assert header[-1] == "status"  # a column added later goes last


def test_a_partners_programme_under_negotiation_says_so() -> None:
    rows = json.loads(run("itpp", "korea", "--as-of", "2023-07-01", "-f", "json").stdout)
    assert [(r["status"], r["agreed"], r["area"]) for r in rows] == [("under-negotiation", None, None)]
    table = tty("itpp", "korea", "--as-of", "2023-07-01", "--no-pager", width=120).stdout
    assert "Under negotiation, not yet agreed" in table
    assert "Replaced" not in table  # the IPCP was replaced only when the ITPP was agreed


def test_the_summary_counts_programmes_under_negotiation() -> None:
    about = json.loads(run("about", "-f", "json", "--as-of", "2023-06-20").stdout)
    assert about["counts"]["itpps"] == 3 and about["as_of"]["under_negotiation"] == 3
    assert ", 3 ITPPs under negotiation, " in about["as_of"]["summary"]
    assert about["as_of"]["known"]["itpps"] == 0 and about["as_of"]["later"]["itpps"] == 4
    # Australia's record counts from the end of June: Guardian Australia, dated only "2023-06".
    about = json.loads(run("about", "-f", "json", "--as-of", "2023-07-01").stdout)
    assert "1 ITPP (and 2 under negotiation), " in about["as_of"]["summary"]


def test_cite_gives_the_states_sources() -> None:
    cited = run("cite", "itpp-new-zealand", "--as-of", "2023-06-14").stdout
    assert cited.startswith("NATO to upgrade ties with Australia, New Zealand, South Korea. Nikkei Asia")
    assert "New Zealand says new NATO partnership" in cited and "RNZ" not in cited
    whole = run("cite", "itpp-new-zealand").stdout
    assert "Under negotiation (2023-06-13): NATO to upgrade ties" in whole


def test_exports_carry_the_states(tmp_path: Path) -> None:
    document = json.loads(run("export", "-f", "json").stdout)
    korea = next(i for i in document["itpps"] if i["id"] == "itpp-republic-of-korea")
    assert korea["states"][0]["date"] == "2023-06-13" and "status" not in korea
    narrowed = json.loads(run("export", "-f", "json", "--as-of", "2023-07-01").stdout)
    korea = next(i for i in narrowed["itpps"] if i["id"] == "itpp-republic-of-korea")
    assert korea["status"] == "under-negotiation" and korea["agreed"] is None
    path = tmp_path / "facts.db"
    assert run("export", "-f", "sqlite", "-o", str(path)).exit_code == 0
    db = sqlite3.connect(path)
    assert db.execute("select count(*) from itpp_states").fetchone() == (3,)  # Korea, Australia, NZ
    assert set(db.execute("select status from itpps")) == {("agreed",)}
    parts = db.execute(
        "select part from citations where record_id = 'itpp-new-zealand' and part like 'state%'"
    )
    assert {p for (p,) in parts} == {"state 1"}
    narrowed_path = tmp_path / "june.db"
    assert run("export", "-f", "sqlite", "-o", str(narrowed_path), "--as-of", "2023-06-20").exit_code == 0
    statuses = dict(sqlite3.connect(narrowed_path).execute("select partner, status from itpps"))
    assert statuses == {p: "under-negotiation" for p in ("australia", "republic-of-korea", "new-zealand")}


def test_the_briefing_says_under_negotiation() -> None:
    page = run("export", "-f", "html", "--as-of", "2023-07-01").stdout
    assert "not yet: under negotiation" in page
    assert "not yet: under negotiation" not in run("export", "-f", "html").stdout


def state_file(state_date: str) -> str:
    text = (FIXTURES / "small.yaml").read_text(encoding="utf-8")
    return text.replace(
        "    evidence: well-documented\n    sources: [nato-itpp-japan-2023]\nstances:",
        "    evidence: well-documented\n    sources: [nato-itpp-japan-2023]\n"
        "    states:\n"
        f'      - date: "{state_date}"\n'
        "        status: under-negotiation\n"
        "        evidence: single-source\n"
        "        sources: [nato-madrid-partners-2022]\n"
        "stances:",
    )


def test_validate_accepts_a_state_before_the_agreement_and_refuses_one_after(tmp_path: Path) -> None:
    good = write_facts(tmp_path / "good.yaml", state_file("2022-06-29"))
    assert run("validate", str(good)).exit_code == 0
    bad = write_facts(tmp_path / "bad.yaml", state_file("2023-08"))
    result = run("validate", str(bad))
    assert result.exit_code == 65
    assert "itpps[0].states[0]: a state dated '2023-08' must come before agreed '2023-07-12'" in result.stdout
    wrong = write_facts(
        tmp_path / "wrong.yaml", state_file("2022-06-29").replace("under-negotiation", "signed")
    )
    assert "expected one of under-negotiation" in run("validate", str(wrong)).stdout


def stance_state_file(state_date: str, stance_date: str | None = '"2023-07-12"') -> str:
    text = (FIXTURES / "small.yaml").read_text(encoding="utf-8")
    dated = f"    date: {stance_date}\n" if stance_date else ""
    return text.replace(
        '    position: opposed\n    date: "2023-07-12"\n    said: The Indo-Pacific is not the North Atlantic\n',
        f"    position: opposed\n{dated}    said: The Indo-Pacific is not the North Atlantic\n"
        "    states:\n"
        f'      - date: "{state_date}"\n'
        "        position: opposed\n"
        "        summary: Reported before Vilnius.\n"
        "        evidence: single-source\n"
        "        sources: [nato-madrid-partners-2022]\n",
    )


def test_validate_refuses_a_stance_state_after_its_statement_or_without_one(tmp_path: Path) -> None:
    good = write_facts(tmp_path / "good.yaml", stance_state_file("2023-06"))
    assert run("validate", str(good)).exit_code == 0
    late = run("validate", str(write_facts(tmp_path / "late.yaml", stance_state_file("2023-08"))))
    assert late.exit_code == 65
    assert "stances[0].states[0]: a state dated '2023-08' must come before date '2023-07-12'" in late.stdout
    undated = run("validate", str(write_facts(tmp_path / "undated.yaml", stance_state_file("2023-06", None))))
    assert undated.exit_code == 65
    assert "a stance with 'states' needs a 'date'" in undated.stdout
    assert all(
        line.split(":")[1].isdigit() for line in late.stdout.splitlines() if "states" in line
    )  # file:line


def test_a_stance_is_shown_as_first_reported_in_every_format(tmp_path: Path) -> None:
    data = str(write_facts(tmp_path / "good.yaml", stance_state_file("2023-06")))
    (row,) = json.loads(
        run("who-opposed", "tokyo-office", "--as-of", "2023-07-01", "-f", "json", "--data", data).stdout
    )
    assert (row["date"], row["summary"], row["said"]) == ("2023-06", "Reported before Vilnius.", None)
    tsv = run("who-opposed", "tokyo-office", "--as-of", "2023-07-01", "--data", data).stdout
    assert "Reported before Vilnius." in tsv and "North Atlantic" not in tsv
    database = tmp_path / "db.sqlite"
    assert run("export", "-f", "sqlite", "-o", str(database), "--data", data).exit_code == 0
    with sqlite3.connect(database) as db:
        rows = db.execute("select stance_id, number, date, position, summary from stance_states").fetchall()
    assert rows == [("france-opposes-tokyo-office", 1, "2023-06", "opposed", "Reported before Vilnius.")]
