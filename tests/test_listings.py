"""Each listing's piped rows against an oracle read from the fact file (as_written: YAML with no
typing), so a filter, a count, a citation or a message that goes wrong fails here. Written for
what a mutation run of queries/ found unchecked; the README's promises are quoted beside them."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from asiapac_cli.facts import model
from asiapac_cli.output.terminal import Terminal
from conftest import REPO, as_written, run, write_facts

BUNDLED = REPO / "data" / "facts.yaml"
FILE = as_written(BUNDLED)
SOURCES = {s["id"]: s for s in FILE["sources"]}  # type: ignore[attr-defined]


def records(kind: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = FILE[kind]  # type: ignore[assignment]
    return found


def on_bundled(*args: str, **kwargs: Any) -> Any:
    return run(*args, "--data", str(BUNDLED), **kwargs)


def json_of(*args: str) -> Any:
    result = on_bundled(*args, "-f", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def tsv_of(*args: str) -> list[dict[str, str]]:
    result = on_bundled(*args, "-f", "tsv")
    assert result.exit_code == 0, result.stderr
    return list(csv.DictReader(io.StringIO(result.stdout), delimiter="\t", quoting=csv.QUOTE_NONE))


# --- --cite: "adds a citations column (title, publisher, date, URL, quote)" ---------------------


def details(citation: dict[str, Any]) -> dict[str, Any]:
    """A citation as the README's JSON promises it, from the fact file."""
    source = SOURCES[citation["source"]]
    return {
        "source": citation["source"],
        "title": source["title"],
        "publisher": source.get("publisher"),
        "author": source.get("author"),
        "date": source.get("date"),
        "url": source.get("url"),
        "quote": citation.get("quote"),
        "locator": citation.get("locator"),
        "title_descriptive": source.get("title_descriptive") == "true",
        "accessed": source.get("accessed"),
    }


def line(citation: dict[str, Any]) -> str:
    """`Title. Publisher, date. URL "quote"`: a descriptive title marked, the URL's access date."""
    found = details(citation)
    title = found["title"] + (" [descriptive title]" if found["title_descriptive"] else "")
    who = ", ".join(p for p in (found["publisher"] or found["author"], found["date"]) if p)
    url = found["url"] and found["url"] + (f" (accessed {found['accessed']})" if found["accessed"] else "")
    text = ". ".join(p for p in (title, who, url) if p)
    return text + (f' "{found["quote"]}"' if found["quote"] else "")


# (command, the kind of record a row is, how a row names its record)
CITED = [
    (["timeline"], "events", "id"),
    (["summits"], "events", "id"),
    (["itpp"], "itpps", "id"),
    (["stances", "tokyo-office"], "stances", "id"),
    (["groupings"], "groupings", "id"),
    (["claims"], "claims", "id"),
]


@pytest.mark.parametrize(("args", "kind", "key"), CITED)
def test_cite_adds_each_rows_citations_last_as_objects_and_as_text(
    args: list[str], kind: str, key: str
) -> None:
    by_id = {r["id"]: r for r in records(kind)}
    plain = json_of(*args)
    assert all("citations" not in row for row in plain)
    cited = json_of(*args, "--cite")
    assert all(list(row)[-1] == "citations" for row in cited)
    for row in cited:
        own = by_id[row[key]]["sources"]
        assert row["citations"] == [details(c) for c in own]
        assert row["sources"] == list(dict.fromkeys(c["source"] for c in own))
    for row in tsv_of(*args, "--cite"):
        assert row["citations"] == "; ".join(line(c) for c in by_id[row[key]]["sources"])


def test_cite_on_an_itpps_areas_gives_each_area_its_own_citations() -> None:
    (japan,) = [i for i in records("itpps") if i["partner"] == "japan"]
    rows = json_of("itpp", "japan", "--cite")
    assert [row["citations"] for row in rows] == [
        [details(c) for c in area["sources"]] for area in japan["areas"]
    ]


def test_cite_command_labels_the_citations_of_areas_and_of_the_predecessor() -> None:
    (japan,) = [i for i in records("itpps") if i["partner"] == "japan"]
    expected = [line(c) for c in japan["sources"]]
    for number, area in enumerate(japan["areas"], start=1):
        expected += [f"Area {number} ({' '.join(area['name'].split())}): {line(c)}" for c in area["sources"]]
    expected += [f"Predecessor: {line(c)}" for c in japan["predecessor"]["sources"]]
    printed = on_bundled("cite", "itpp-japan").stdout.splitlines()
    assert printed == list(dict.fromkeys(expected))


def test_a_citation_by_an_author_with_an_access_date_reads_so() -> None:
    sources = [s for s in SOURCES.values() if s.get("author") and not s.get("publisher")]
    accessed = [s for s in SOURCES.values() if s.get("accessed") and s.get("url")]
    assert sources and accessed
    for source in (sources[0], accessed[0]):
        assert on_bundled("cite", source["id"]).stdout == line({"source": source["id"]}) + "\n"


# --- filters ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("verdict", ["wrong", "opinion", "verified"])
def test_claims_verdict_lists_the_claims_with_that_verdict(verdict: str) -> None:
    listed = [row["id"] for row in json_of("claims", "--verdict", verdict)]
    assert listed == [c["id"] for c in records("claims") if c["verdict"] == verdict]
    assert listed


def test_stances_are_in_date_order_and_narrow_by_position() -> None:
    on_topic = [s for s in records("stances") if s["topic"] == "tokyo-office"]
    dated = sorted((s for s in on_topic if s.get("date")), key=lambda s: s["date"])
    expected = [s["id"] for s in dated] + [s["id"] for s in on_topic if not s.get("date")]
    assert [row["id"] for row in json_of("stances", "tokyo-office")] == expected
    positions = {s["id"]: s["position"] for s in on_topic}
    supported = [row["id"] for row in json_of("who-supported", "tokyo-office")]
    assert supported == [i for i in expected if positions[i] in ("proposed", "supported")]


def test_undated_stances_come_last(tmp_path: Path) -> None:
    undated = FEW.replace(
        "groupings: []",
        """  - id: nato-on-busy
    topic: busy-topic
    actor: nato
    position: neutral
    evidence: contested
    sources: [cited]
  - id: zedland-earlier-on-busy
    topic: busy-topic
    actor: zedland
    position: cautious
    date: "2021"
    evidence: contested
    sources: [cited]
groupings: []""",
    )
    facts = write_facts(tmp_path / "undated.yaml", undated)
    listed = json.loads(run("stances", "busy-topic", "-f", "json", "--data", str(facts)).stdout)
    assert [row["id"] for row in listed] == ["zedland-earlier-on-busy", "zedland-on-busy", "nato-on-busy"]


def test_since_and_until_on_the_same_day_keep_that_day() -> None:
    day = "2023-07-12"
    listed = [row["id"] for row in json_of("timeline", "--since", day, "--until", day)]
    assert listed == [
        e["id"]
        for e in records("events")
        if model.date_bounds(e["date"])[0] <= day <= model.date_bounds(e.get("end") or e["date"])[1]
    ]
    assert listed


# --- nothing matched: "exit 1; the message goes to stderr" ------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["timeline", "--since", "2099"], "no events matched"),
        (["claims", "--verdict", "garbled"], "no claims matched"),
        (["who-opposed", "busy-topic"], "no actor opposed on 'busy-topic' in the fact file"),
        (
            ["stances", "busy-topic", "--position", "neutral", "--position", "supported"],
            "no actor neutral or supported on 'busy-topic' in the fact file",
        ),
        (["summits"], "no summits in the fact file"),
    ],
)
def test_nothing_matched_says_what_in_one_line_and_exits_1(
    args: list[str], message: str, tmp_path: Path
) -> None:
    facts = write_facts(tmp_path / "few.yaml", FEW)
    result = run(*args, "--data", str(facts))
    assert result.exit_code == 1
    assert result.stderr == f"asiapac: {message}\n"


def test_a_stance_listing_with_nothing_on_a_topic_says_it_has_none(tmp_path: Path) -> None:
    facts = write_facts(tmp_path / "few.yaml", FEW)
    result = run("stances", "quiet-topic", "--data", str(facts))
    assert (result.exit_code, result.stderr) == (
        1,
        "asiapac: no actor with a position on 'quiet-topic' in the fact file\n",
    )


# A small file for edge cases: a source nobody cites, a topic with no events, a programme with no
# named area, no summit, a stance only of one position.
FEW = """\
schema_version: 1
checked_on: "2026-01-01"
sources:
  - id: cited
    title: A source
    publisher: P
    kind: primary
  - id: uncited
    title: Nobody cites this
    author: A. Writer
    kind: secondary
    url: https://example.org/a
actors:
  - id: nato
    name: NATO
    kind: organisation
  - id: zedland
    name: Zedland
    kind: country
topics:
  - id: busy-topic
    title: Busy topic
  - id: quiet-topic
    title: Quiet topic
events:
  - id: one-meeting
    date: "2023-07-12"
    kind: meeting
    title: A meeting
    actors: [nato, zedland]
    topics: [busy-topic]
    evidence: well-documented
    sources: [cited]
itpps:
  - id: itpp-zedland
    partner: zedland
    title: The Zedland programme
    period_end: "2027"
    evidence: single-source
    sources: [cited]
stances:
  - id: zedland-on-busy
    topic: busy-topic
    actor: zedland
    position: proposed
    date: "2023-02"
    evidence: well-documented
    sources: [cited]
groupings: []
claims:
  - id: a-claim
    by: zedland
    text: Something said.
    verdict: opinion
    evidence: unverified
    sources: [cited]
"""


def test_a_source_nobody_cites_is_listed_citing_nothing(tmp_path: Path) -> None:
    facts = write_facts(tmp_path / "few.yaml", FEW)
    listed = json.loads(run("sources", "-f", "json", "--data", str(facts)).stdout)
    assert [(row["id"], row["cited_by"]) for row in listed] == [
        ("cited", ["a-claim", "itpp-zedland", "one-meeting", "zedland-on-busy"]),
        ("uncited", []),
    ]
    (one,) = json.loads(run("sources", "uncited", "-f", "json", "--data", str(facts)).stdout)
    assert one["id"] == "uncited"


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "asiapac: the source id is empty\n"),
        ("uncitd", "asiapac: no source with id 'uncitd'; did you mean 'uncited' or 'cited'?\n"),
    ],
)
def test_sources_id_that_names_no_source_is_a_usage_error(typed: str, message: str, tmp_path: Path) -> None:
    facts = write_facts(tmp_path / "few.yaml", FEW)
    result = run("sources", typed, "--data", str(facts))
    assert (result.exit_code, result.stderr) == (2, message)


def test_a_topic_with_no_events_or_stances_counts_zero(tmp_path: Path) -> None:
    facts = write_facts(tmp_path / "few.yaml", FEW)
    listed = json.loads(run("topics", "-f", "json", "--data", str(facts)).stdout)
    assert [(row["id"], row["stances"], row["events"]) for row in listed] == [
        ("busy-topic", 1, 1),
        ("quiet-topic", 0, 0),
    ]


def test_an_itpp_with_no_named_area_gives_one_row_with_an_empty_area(tmp_path: Path) -> None:
    facts = write_facts(tmp_path / "few.yaml", FEW)
    (row,) = json.loads(run("itpp", "zedland", "-f", "json", "--data", str(facts)).stdout)
    assert (row["itpp"], row["area_number"], row["area"], row["sources"]) == (
        "itpp-zedland",
        None,
        None,
        ["cited"],
    )
    assert run("itpp", "zedland", "-f", "tsv", "--data", str(facts)).stdout.splitlines()[1].split("\t")[
        6:8
    ] == ["", ""]
    table = run("itpp", "zedland", "--data", str(facts), terminal=Terminal(True, False, 100, 50)).stdout
    assert "Agreed: date not known. Period: ? to 2027. 0 areas named; the total is not known." in table
    assert "Evidence: single-source." in table and "Replaced:" not in table


def test_an_actor_with_no_itpp_is_told_who_has_one() -> None:
    result = on_bundled("itpp", "france")
    partners = ", ".join(i["partner"] for i in records("itpps"))
    assert (result.exit_code, result.stderr) == (
        2,
        f"asiapac: 'france' has no ITPP in the fact file (partners with one: {partners})\n",
    )


# --- itpp: "date agreed, period, number of areas and each named area" -------------------------------


def test_itpp_overview_gives_each_programme_and_what_it_replaced() -> None:
    rows = json_of("itpp")
    assert [row["id"] for row in rows] == [i["id"] for i in records("itpps")]
    for row, itpp in zip(rows, records("itpps"), strict=True):
        predecessor = itpp.get("predecessor") or {}
        assert row["predecessor"] == predecessor.get("title")
        assert row["predecessor_signed"] == predecessor.get("signed")
        assert row["areas_named"] == len(itpp.get("areas") or [])
        assert (row["agreed"], row["period_start"], row["period_end"]) == (
            itpp.get("agreed"),
            itpp.get("period_start"),
            itpp.get("period_end"),
        )
    assert any(row["predecessor"] for row in rows)


def test_itpp_on_a_terminal_names_the_partner_and_the_period() -> None:
    table = on_bundled("itpp", terminal=Terminal(True, False, 160, 50)).stdout
    for itpp in records("itpps"):
        (actor,) = [a for a in records("actors") if a["id"] == itpp["partner"]]
        period = f"{itpp.get('period_start') or '?'}–{itpp.get('period_end') or '?'}"
        (row,) = [r for r in table.splitlines() if r.startswith(actor["name"] + " ")]
        if itpp.get("period_start") or itpp.get("period_end"):
            assert period in row
        if itpp.get("predecessor"):
            assert itpp["predecessor"]["title"][:20] in row


def test_itpp_partner_on_a_terminal_says_who_reports_each_area_and_what_it_replaced() -> None:
    (japan,) = [i for i in records("itpps") if i["partner"] == "japan"]
    table = on_bundled("itpp", "japan", terminal=Terminal(True, False, 200, 80)).stdout
    first = japan["areas"][0]
    publisher = SOURCES[first["sources"][0]["source"]].get("publisher")
    (row,) = [r for r in table.splitlines() if r.lstrip().startswith("1 ")]
    assert publisher and publisher[:15] in row
    predecessor = japan["predecessor"]
    assert f"Replaced: {predecessor['title']} ({predecessor['signed']})." in " ".join(table.split())


# --- summits: "how each Indo-Pacific partner took part" ------------------------------------------


def test_summits_give_each_partners_level_person_role_and_note() -> None:
    summits = [e for e in records("events") if e["kind"] == "summit" and "nato" in (e.get("actors") or [])]
    people = {a["name"]: a for a in records("actors") if a["kind"] == "person"}
    rows = json_of("summits")
    assert [row["id"] for row in rows] == [e["id"] for e in summits]
    for row, summit in zip(rows, summits, strict=True):
        expected = [
            {
                "partner": a["actor"],
                "level": a["level"],
                "person": a.get("person"),
                "role": people[a["person"]].get("role") if a.get("person") in people else None,
                "note": a.get("note"),
            }
            for a in summit.get("attendance") or []
        ]
        assert row["partners"] == expected
        assert row["partner_leaders"] == sum(
            1 for a in summit.get("attendance") or [] if a["level"] == "leader"
        )
        assert not any(key.startswith("at:") for key in row)
    assert any(p["role"] for row in rows for p in row["partners"]) and any(
        p["note"] for row in rows for p in row["partners"]
    )
    for row in tsv_of("summits"):
        (summit,) = [e for e in summits if e["id"] == row["id"]]
        assert row["partners"] == "; ".join(
            f"{a['actor']}: {a['level']}" + (f" ({a['person']})" if a.get("person") else "")
            for a in summit.get("attendance") or []
        )


# --- show and about ----------------------------------------------------------------------------------


def test_show_of_a_name_several_kinds_share_shows_the_first_and_says_what_else_it_names(
    tmp_path: Path,
) -> None:
    shared = FEW.replace(
        "  - id: quiet-topic\n",
        "  - id: zedland-affairs\n    title: Zedland affairs\n    aliases: [zedland]\n  - id: quiet-topic\n",
    )
    facts = write_facts(tmp_path / "shared.yaml", shared)
    document = json.loads(run("show", "zedland", "-f", "json", "--data", str(facts)).stdout)
    assert (document["kind"], document["id"], document["also"]) == (
        "actor",
        "zedland",
        ["topic zedland-affairs"],
    )
    assert "also" not in json.loads(run("show", "nato", "-f", "json", "--data", str(facts)).stdout)


def test_about_counts_every_kind_and_lists_the_gaps() -> None:
    document = json_of("about")
    counts = {kind: len(records(kind)) for kind in model.RECORD_KINDS}
    gaps = FILE.get("gaps") or []
    assert document["counts"] == {**counts, "gaps": len(gaps)}  # type: ignore[arg-type]
    assert document["gaps"] == [
        {"id": g["id"], "text": g["text"], "records": list(g.get("records") or [])}
        for g in gaps  # type: ignore[union-attr]
    ]
    assert document["checked_on"] == FILE["checked_on"]
    assert document["fact_file"] == str(BUNDLED)


# --- --cite on a terminal: "the sources are numbered under the table and each row names its numbers"


def test_cite_on_a_terminal_numbers_the_sources_under_the_table() -> None:
    rows = json_of("who-opposed", "tokyo-office", "--cite")
    numbers: dict[str, int] = {}
    for row in rows:
        for citation in row["citations"]:
            numbers.setdefault(citation["source"], len(numbers) + 1)
    table = on_bundled(
        "who-opposed", "tokyo-office", "--cite", terminal=Terminal(True, False, 100, 200)
    ).stdout
    lines = table.splitlines()
    rule = next(i for i, line in enumerate(lines) if line.startswith("───"))
    # each record's first line (a record wrapped at words goes on, below, under its text)
    first_lines = [line for line in lines[rule + 1 :] if line[:1].strip()][: len(rows)]
    for row, shown in zip(rows, first_lines, strict=True):
        cites = " ".join(str(numbers[s]) for s in dict.fromkeys(c["source"] for c in row["citations"]))
        assert shown.rstrip().endswith(" " + cites)
    listed = "\n".join(lines[lines.index(next(line for line in lines if line.startswith("[1] "))) :]) + "\n"
    for source_id, number in numbers.items():
        source = SOURCES[source_id]
        title = source["title"] + (
            " [descriptive title]" if source.get("title_descriptive") == "true" else ""
        )
        when = ", ".join(
            p for p in (source.get("publisher") or source.get("author"), source.get("date")) if p
        )
        entry = " ".join(listed.split(f"[{number}] ", 1)[1].split(f"\n    {source['url']}\n", 1)[0].split())
        assert entry == f"{title}. {when}."
        assert f"\n    {source['url']}\n" in listed + "\n"  # the URL whole, on its own line


# --- edges a mutation run found: names, places, partners without a programme, authors -----------

EDGES = (
    FEW.replace(
        "  - id: zedland\n    name: Zedland\n    kind: country\n",
        "  - id: zedland\n    name: Zedland\n    kind: country\n"
        "  - id: ostland\n    name: Ostland\n    kind: country\n"
        "  - id: mary-ann-smith\n    name: Mary Ann Smith\n    kind: person\n    role: Prime Minister of Zedland\n",
    )
    .replace(
        "itpps:",
        """  - id: first-summit
    date: "2024-01-01"
    kind: summit
    title: The first summit
    actors: [nato]
    attendance:
      - actor: zedland
        level: leader
        person: Mary Ann Smith
      - actor: ostland
        level: deputy-leader
        person: Olaf Ost
    evidence: well-documented
    sources: [cited]
  - id: second-summit
    date: "2025-01-01"
    kind: summit
    title: The second summit
    place: Geneva
    actors: [nato]
    attendance:
      - actor: zedland
        level: absent
    evidence: well-documented
    sources: [cited]
itpps:""",
    )
    .replace(
        "    evidence: single-source\n    sources: [cited]\nstances:",
        "    areas:\n      - name: Herding\n        sources: [uncited]\n    evidence: single-source\n    sources: [cited]\n"
        '  - id: itpp-ostland\n    partner: ostland\n    title: The Ostland programme\n    period_start: "2024"\n'
        "    evidence: single-source\n    sources: [cited]\nstances:",
    )
    .replace(
        "    title: A source\n    publisher: P\n",
        "    title: A source\n    publisher: P\n    author: An Author\n",
    )
    .replace(
        '    date: "2023-02"\n    evidence: well-documented\n',
        '    date: "2023-02"\n    summary: Zedland proposed it.\n    evidence: well-documented\n',
    )
    .replace(
        "groupings: []",
        """groupings:
  - id: herd
    name: The Herd
    members: [nato, zedland]
    founded: "2019"
    nature: A club.
    evidence: well-documented
    sources: [cited]""",
    )
)


def edges(tmp_path: Path) -> str:
    return str(write_facts(tmp_path / "edges.yaml", EDGES))


def test_summits_show_every_partner_that_took_part_with_its_family_name(tmp_path: Path) -> None:
    data = edges(tmp_path)
    drawn = run("summits", "--data", data, terminal=Terminal(True, False, 120, 100)).stdout.splitlines()
    assert drawn[0].split() == ["date", "place", "Zedland", "Ostland"]  # Ostland has no ITPP, still a column
    first, second = (line.split("  ") for line in drawn[2:4])
    cells = [[c.strip() for c in row if c.strip()] for row in (first, second)]
    assert cells[0] == [
        "2024-01-01",
        "Smith (leader)",
        "Ost (deputy)",
    ]  # no place recorded: none shown (docs/terminal.md)
    assert cells[1] == ["2025-01-01", "Geneva", "—"]  # absent; Ostland not listed: a blank cell
    assert "Mary Ann Smith" in run("summits", "-f", "tsv", "--data", data).stdout


def test_an_itpp_with_no_named_area_cites_the_programme(tmp_path: Path) -> None:
    facts = write_facts(tmp_path / "few.yaml", FEW)
    (row,) = json.loads(run("itpp", "zedland", "--cite", "-f", "json", "--data", str(facts)).stdout)
    assert [c["source"] for c in row["citations"]] == ["cited"]
    (text,) = csv.DictReader(
        io.StringIO(run("itpp", "zedland", "--cite", "--data", str(facts)).stdout), delimiter="\t"
    )
    assert text["citations"] == "A source. P"


def test_itpp_tables_name_an_unknown_period_end_and_an_areas_author(tmp_path: Path) -> None:
    data = edges(tmp_path)
    overview = run("itpp", "--data", data, terminal=Terminal(True, False, 120, 100)).stdout
    assert "?–2027" in overview.splitlines()[3] and "2024–?" in overview.splitlines()[4]
    areas = run("itpp", "zedland", "--data", data, terminal=Terminal(True, False, 120, 100)).stdout
    (herding,) = [line for line in areas.splitlines() if "Herding" in line]
    assert herding.split()[-2:] == ["A.", "Writer"]  # the source's author, as it has no publisher
    sources = run("sources", "--data", data, terminal=Terminal(True, False, 120, 100)).stdout
    (uncited,) = [line for line in sources.splitlines() if line.startswith("Nobody cites this")]
    assert "A. Writer" in uncited
    (cited,) = [line for line in sources.splitlines() if line.startswith("A source")]
    assert cited.split()[3] == "P" and "An Author" not in cited  # the publisher, when there is one


def test_groupings_on_a_terminal_name_their_members(tmp_path: Path) -> None:
    drawn = run("groupings", "--data", edges(tmp_path), terminal=Terminal(True, False, 120, 100)).stdout
    assert "NATO; Zedland" in drawn


def test_show_related_rows_say_when_and_what_for_every_kind(tmp_path: Path) -> None:
    document = json.loads(run("show", "zedland", "-f", "json", "--data", edges(tmp_path)).stdout)
    related = document["related"]
    assert related["groupings"] == [
        {
            "id": "herd",
            "date": "2019",
            "title": "The Herd",
            "evidence": "well-documented",
            "sources": ["cited"],
        }
    ]
    assert related["claims"] == [
        {"id": "a-claim", "title": "Something said.", "evidence": "unverified", "sources": ["cited"]}
    ]
    assert related["itpps"][0]["title"] == "The Zedland programme"
    assert related["itpps"][0]["sources"] == ["cited", "uncited"]  # the areas' sources too
    assert related["stances"][0] == {
        "id": "zedland-on-busy",
        "date": "2023-02",
        "title": "Zedland proposed it.",  # a stance has no title: its summary
        "position": "proposed",
        "actor": "zedland",
        "evidence": "well-documented",
        "sources": ["cited"],
    }
    source = json.loads(run("show", "uncited", "-f", "json", "--data", edges(tmp_path)).stdout)
    assert (source["kind"], "citations" in source) == ("source", False)
    assert source["related"] == {
        "cited_by": [
            {
                "id": "itpp-zedland",
                "title": "The Zedland programme",
                "evidence": "single-source",
                "sources": ["cited", "uncited"],
            }
        ]
    }


@pytest.mark.parametrize(
    ("words", "message"),
    [
        (["natp"], "nothing matches 'natp'; did you mean 'nato'?"),  # four letters: corrected
        (["liason", "ofice"], "nothing matches 'liason ofice'; did you mean 'liaison office'?"),
        (["teh", "liason"], "nothing matches 'teh liason'; did you mean 'teh liaison'?"),  # three: kept
        (["qqqqqq"], "nothing matches 'qqqqqq'"),
    ],
)
def test_search_suggests_each_misspelt_word_of_four_letters_or_more(words: list[str], message: str) -> None:
    result = on_bundled("search", *words)
    assert (result.exit_code, result.stderr) == (1, f"asiapac: {message}\n")


def test_search_in_the_interviews_spelling_finds_several_words() -> None:
    found = {row["id"] for row in json_of("search", "ittp", "japan")}
    assert found == {row["id"] for row in json_of("search", "itpp", "japan")} and found
