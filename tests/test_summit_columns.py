"""`summits` piped: each partner has columns of its own (its level, who came), after the
documented ones, in every format, so `-c date,japan` and csvkit work; `partners` keeps every
partner's part in one value, as before."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import yaml

from conftest import REPO, run, write_facts

BUNDLED = str(REPO / "data" / "facts.yaml")
DOCUMENTED = ["date", "end", "id", "title", "place", "partners", "partner_leaders", "evidence", "sources"]
PARTNERS = {"japan": "japan", "republic-of-korea": "republic_of_korea", "australia": "australia"}
PARTNERS["new-zealand"] = "new_zealand"


def summits(*args: str) -> list[dict[str, object]]:
    rows = json.loads(run("summits", *args, "-f", "json", "--data", BUNDLED).stdout)
    assert isinstance(rows, list)
    return rows


def expected_columns() -> list[str]:
    return DOCUMENTED + [name for column in PARTNERS.values() for name in (column, f"{column}_person")]


def test_each_partner_has_a_level_and_a_person_column_after_the_documented_ones() -> None:
    header = run("summits", "--data", BUNDLED).stdout.splitlines()[0].split("\t")
    assert header == expected_columns()
    cited = run("summits", "--cite", "--data", BUNDLED).stdout.splitlines()[0].split("\t")
    assert cited == expected_columns() + ["citations"]  # --cite's column stays the last


def test_the_partner_columns_say_what_partners_says() -> None:
    for row in summits():
        parts = {p["partner"]: p for p in row["partners"]}  # type: ignore[index, union-attr]
        for partner, column in PARTNERS.items():
            part = parts.get(partner)
            assert row[column] == (part["level"] if part else None), (row["id"], partner)
            assert row[f"{column}_person"] == (part["person"] if part else None)


def test_columns_date_japan_works_in_every_piped_format() -> None:
    madrid = next(row for row in summits() if row["id"] == "madrid-summit-2022")
    vilnius = next(row for row in summits() if row["id"] == "vilnius-summit-2023")

    def out(fmt: str) -> str:
        return run("summits", "-c", "date,japan,japan_person", "-f", fmt, "--data", BUNDLED).stdout

    rows = list(csv.reader(io.StringIO(out("csv"))))
    assert rows[0] == ["date", "japan", "japan_person"]
    assert ["2022-06-29", "leader", "Fumio Kishida"] in rows
    assert "2022-06-29\tleader\tFumio Kishida" in out("tsv").splitlines()
    assert {"date": "2023-07-11", "japan": "leader", "japan_person": "Fumio Kishida"} in json.loads(
        out("json")
    )
    assert [json.loads(line) for line in out("jsonl").splitlines()] == json.loads(out("json"))
    assert yaml.safe_load(out("yaml")) == json.loads(out("json"))
    assert "| 2022-06-29 | leader | Fumio Kishida |" in out("markdown").splitlines()
    assert (madrid["japan"], vilnius["japan"]) == ("leader", "leader")


def test_a_partner_the_record_does_not_mention_has_empty_columns(tmp_path: Path) -> None:
    # The small fixture's Madrid summit names Japan only: no other partner column exists, and
    # a summit that names no partner has Japan's columns empty (null in JSON).
    facts = tmp_path / "facts.yaml"
    text = (REPO / "tests" / "fixtures" / "small.yaml").read_text(encoding="utf-8")
    extra = text.replace(
        "  - id: itpp-japan-agreed\n",
        '  - id: riga-summit-2006\n    date: "2006-11-28"\n    kind: summit\n    title: Riga Summit\n'
        "    actors: [nato]\n    evidence: single-source\n    sources: [nato-madrid-partners-2022]\n"
        "  - id: itpp-japan-agreed\n",
    )
    write_facts(facts, extra)
    rows = json.loads(run("summits", "-f", "json", "--data", str(facts)).stdout)
    assert [list(row)[len(DOCUMENTED) :] for row in rows] == [["japan", "japan_person"]] * 2
    riga = next(row for row in rows if row["id"] == "riga-summit-2006")
    assert (riga["japan"], riga["japan_person"]) == (None, None)
    tsv = run("summits", "-f", "tsv", "--data", str(facts)).stdout.splitlines()
    assert tsv[1].endswith("\t\t")  # empty, not "None"


def test_a_partner_named_like_a_column_gets_its_own_name(tmp_path: Path) -> None:
    from asiapac_cli.queries.summits import partner_columns

    named = partner_columns(["title", "japan", "new-zealand"], DOCUMENTED)
    assert named == {
        "title": ("partner_title", "partner_title_person"),
        "japan": ("japan", "japan_person"),
        "new-zealand": ("new_zealand", "new_zealand_person"),
    }


@pytest.mark.parametrize("cols", [60, 80, 120])
def test_on_a_terminal_columns_japan_shows_japans_column(cols: int) -> None:
    from test_terminal import on_pty

    screen = on_pty(["summits", "-c", "date,japan", "--data", BUNDLED, "--no-color", "--no-pager"], cols)
    lines = screen.splitlines()
    assert lines[0].split() == ["date", "Japan"]
    madrid = next(line for line in lines if line.startswith("2022-06-29"))
    assert madrid.split()[1] == "Kishida"
