"""Promises of the README that a mutation run showed untested, each held here through the CLI
against an oracle read from the fact file itself (as_written: YAML with no typing, not the
tool's loader), so a wrong filter, count, message, rank or document fails."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from asiapac_cli.facts import model
from conftest import REPO, as_text, as_written, run, write_facts

BUNDLED = REPO / "data" / "facts.yaml"
FILE = as_written(BUNDLED)


def on_bundled(*args: str) -> Any:
    return run(*args, "--data", str(BUNDLED))


def json_of(*args: str) -> Any:
    result = on_bundled(*args, "-f", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def records(kind: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = FILE[kind]  # type: ignore[assignment]
    return found


def words(name: str) -> list[str]:
    """The words of a name as a typed part must match them: split at spaces, hyphens, underscores."""
    return name.casefold().replace("_", " ").replace("-", " ").split()


# --- 1. actors --kind: only that kind ---------------------------------------------------------


@pytest.mark.parametrize("kind", ["country", "organisation", "person"])
def test_actors_kind_lists_that_kind_and_nothing_else(kind: str) -> None:
    listed = [row["id"] for row in json_of("actors", "--kind", kind)]
    assert listed == [a["id"] for a in records("actors") if a["kind"] == kind]
    assert listed


# --- 2. topics: how many stances and events each has -------------------------------------------


def test_topics_count_each_topics_stances_and_events() -> None:
    counted = {row["id"]: (row["stances"], row["events"]) for row in json_of("topics")}
    expected = {
        t["id"]: (
            sum(1 for s in records("stances") if s["topic"] == t["id"]),
            sum(1 for e in records("events") if t["id"] in (e.get("topics") or [])),
        )
        for t in records("topics")
    }
    assert counted == expected
    assert any(events for _, events in expected.values()) and any(s for s, _ in expected.values())


# --- 3. a part of a name several records share lists them all -------------------------------------


def test_a_part_of_a_topic_name_several_topics_share_lists_them_all() -> None:
    sharing = sorted(
        t["id"]
        for t in records("topics")
        if any("nato" in words(name) for name in [t["id"], t["title"], *(t.get("aliases") or [])])
    )
    assert len(sharing) > 2
    result = on_bundled("timeline", "--topic", "nato")
    assert result.exit_code == 2 and result.stdout == ""
    listed = re.findall(r"'([a-z0-9-]+)'", result.stderr.split("did you mean", 1)[1])
    assert listed == sharing


def test_a_part_of_an_id_several_records_share_lists_them_all() -> None:
    every = [r["id"] for kind in model.RECORD_KINDS for r in records(kind)]
    sharing = sorted(i for i in every if "vilnius" in i.split("-"))
    assert len(sharing) > 2
    result = on_bundled("show", "vilnius")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith("asiapac: 'vilnius' names more than one record; did you mean ")
    listed = re.findall(r"'([a-z0-9-]+)'", result.stderr.split("did you mean", 1)[1])
    assert listed == sharing


# --- 4. search ranks: 0 phrase in a title, 1 all words in a title, 2 phrase in the body, 3 all words


RANKED = """\
schema_version: 1
checked_on: "2026-01-01"
sources:
  - id: s
    title: A source
    publisher: P
    kind: primary
actors:
  - id: nato
    name: NATO
    kind: organisation
topics: []
events:
  - id: body-words
    date: "2020-01-01"
    kind: meeting
    title: Meeting one
    summary: The harbour there was painted blue.
    actors: [nato]
    evidence: well-documented
    sources: [s]
  - id: body-phrase
    date: "2020-01-02"
    kind: meeting
    title: Meeting two
    summary: Talks about the blue harbour.
    actors: [nato]
    evidence: well-documented
    sources: [s]
  - id: title-words
    date: "2020-01-03"
    kind: meeting
    title: A harbour on the blue sea
    actors: [nato]
    evidence: well-documented
    sources: [s]
  - id: title-phrase
    date: "2020-01-04"
    kind: meeting
    title: Blue harbour talks
    actors: [nato]
    evidence: well-documented
    sources: [s]
"""


def test_search_ranks_phrase_and_words_in_titles_above_the_body(tmp_path: Path) -> None:
    facts = write_facts(tmp_path / "ranked.yaml", RANKED)
    found = json.loads(run("search", "blue", "harbour", "-f", "json", "--data", str(facts)).stdout)
    assert [(row["rank"], row["id"]) for row in found] == [
        (0, "title-phrase"),
        (1, "title-words"),
        (2, "body-phrase"),
        (3, "body-words"),
    ]
    assert [row["field"] for row in found] == ["title", "title", "summary", "summary"]


def test_search_office_tokyo_finds_the_topic_by_all_words_of_its_title() -> None:
    found = {row["id"]: row for row in json_of("search", "office", "tokyo")}
    assert (found["tokyo-office"]["rank"], found["tokyo-office"]["field"]) == (1, "title")
    ranks = [row["rank"] for row in json_of("search", "office", "tokyo")]
    assert ranks == sorted(ranks)


# --- 5 and 6. show: the record as the file has it, and every record that names it -----------------


def find(record_id: str) -> tuple[str, dict[str, Any]]:
    for kind in model.RECORD_KINDS:
        for record in records(kind):
            if record["id"] == record_id:
                return kind, record
    raise KeyError(record_id)


def cited_source_ids(record: dict[str, Any]) -> list[str]:
    parts = [
        record,
        *(record.get("areas") or []),
        *([record["predecessor"]] if record.get("predecessor") else []),
    ]
    return [c["source"] for part in parts for c in part.get("sources") or []]


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("france-opposes-tokyo-office", "stance"),
        ("japan", "actor"),
        ("quad", "grouping"),
        ("itpp-japan", "ITPP"),
        ("afp-taiwan-news-2023-07-12", "source"),
    ],
)
def test_show_json_gives_the_record_as_the_fact_file_has_it(name: str, kind: str) -> None:
    document = json_of("show", name)
    assert {"kind", "id", "record", "related"} <= set(document)
    assert document["kind"] == kind and document["id"] == name
    _, record = find(name)
    assert as_text(document["record"]) == record
    if kind != "source":
        assert len(document["citations"]) == len(record.get("sources") or [])


def related_ids(document: dict[str, Any]) -> dict[str, list[str]]:
    return {group: [row["id"] for row in rows] for group, rows in document["related"].items()}


def claims_about(record_id: str) -> list[str]:
    return [c["id"] for c in records("claims") if record_id in (c.get("records") or [])]


def without_empty(groups: dict[str, list[str]]) -> dict[str, list[str]]:
    return {group: ids for group, ids in groups.items() if ids}


def test_show_a_grouping_relates_its_events_and_the_claims_about_it() -> None:
    (quad,) = [g for g in records("groupings") if g["id"] == "quad"]
    assert related_ids(json_of("show", "quad")) == without_empty(
        {"events": list(quad.get("events") or []), "claims_about": claims_about("quad")}
    )


@pytest.mark.parametrize("actor", ["japan", "france", "republic-of-korea", "ikboljon-qoraboyev"])
def test_show_an_actor_relates_everything_that_names_it(actor: str) -> None:
    def takes_part(event: dict[str, Any]) -> bool:
        attending = [
            a["actor"] for a in event.get("attendance") or [] if a["level"] not in ("absent", "not-known")
        ]
        return actor in (event.get("actors") or []) + attending

    expected = {
        "itpps": [i["id"] for i in records("itpps") if i["partner"] == actor],
        "stances": [s["id"] for s in records("stances") if s["actor"] == actor],
        "events": [e["id"] for e in records("events") if takes_part(e)],
        "groupings": [g["id"] for g in records("groupings") if actor in g["members"]],
        "claims": [c["id"] for c in records("claims") if c["by"] == actor],
        "claims_about": claims_about(actor),
    }
    assert related_ids(json_of("show", actor)) == without_empty(expected)


def test_show_a_topic_relates_its_stances_and_events() -> None:
    expected = {
        "stances": [s["id"] for s in records("stances") if s["topic"] == "tokyo-office"],
        "events": [e["id"] for e in records("events") if "tokyo-office" in (e.get("topics") or [])],
        "claims_about": claims_about("tokyo-office"),
    }
    assert related_ids(json_of("show", "tokyo-office")) == without_empty(expected)


def test_show_a_source_relates_every_record_that_cites_it() -> None:
    source = "afp-taiwan-news-2023-07-12"
    citing = [
        r["id"]
        for kind in model.RECORD_KINDS
        if kind != "sources"
        for r in records(kind)
        if source in cited_source_ids(r)
    ]
    assert sorted(related_ids(json_of("show", source))["cited_by"]) == sorted(citing)


def test_show_a_related_row_briefly_says_what_the_record_is() -> None:
    document = json_of("show", "tokyo-office")
    (france,) = [row for row in document["related"]["stances"] if row["id"] == "france-opposes-tokyo-office"]
    _, stance = find("france-opposes-tokyo-office")
    assert france["actor"] == "france" and france["position"] == "opposed"
    assert france["date"] == stance["date"] and france["evidence"] == stance["evidence"]
    assert france["sources"] == list(dict.fromkeys(cited_source_ids(stance)))
    (event,) = [
        row for row in document["related"]["events"] if row["id"] == "tokyo-office-first-reported-2023-05-03"
    ]
    _, record = find(event["id"])
    assert (event["date"], event["title"]) == (record["date"], record["title"])


# --- 7. check judges who attended, not only when the summit was ------------------------------------


@pytest.mark.parametrize(
    ("sentence", "verdict"),
    [
        ("Ardern attended the Madrid summit in 2022.", "confirmed"),
        ("Hipkins attended the Madrid summit in 2022.", "contradicted"),  # Ardern was New Zealand's leader
        ("Hipkins attended the Vilnius summit in 2023.", "confirmed"),
    ],
)
def test_check_judges_who_attended_a_summit_not_only_its_date(sentence: str, verdict: str) -> None:
    result = run("check", "-", "-f", "json", "--data", str(BUNDLED), input=sentence + "\n")
    (row,) = json.loads(result.stdout)
    assert row["verdict"] == verdict, row


# --- search: what each row says (the columns `rank kind id date title field snippet`) ----------

EVERY_KIND = """\
schema_version: 1
checked_on: "2026-01-01"
sources:
  - id: s
    title: A source
    publisher: P
    kind: primary
actors:
  - id: nato
    name: NATO
    kind: organisation
  - id: zedland
    name: Zedland
    kind: country
    aliases: [Zebra Land, Stripe Country]
  - id: ann-smith
    name: Ann Smith
    kind: person
    role: keeper of the zebra herd
topics:
  - id: grazing
    title: Grazing rights
    description: Who may graze a zebra where.
events:
  - id: zebra-talks
    date: "2021-03"
    kind: meeting
    title: Talks in Geneva
    summary: "They spoke   about the zebra.\\nAt length."
    actors: [nato]
    evidence: well-documented
    sources:
      - source: s
        quote: no stripes here
itpps:
  - id: itpp-zedland
    partner: zedland
    title: The Zedland programme
    agreed: "2022-05-06"
    areas:
      - name: zebra crossings
        sources: [s]
    evidence: well-documented
    sources: [s]
stances:
  - id: zedland-on-grazing
    topic: grazing
    actor: zedland
    position: opposed
    said: Not one zebra more.
    evidence: single-source
    sources: [s]
groupings:
  - id: herd
    name: The Herd
    members: [nato, zedland]
    founded: "2019"
    nature: A club for the zebra-minded.
    evidence: well-documented
    sources: [s]
claims:
  - id: claim-horse
    by: ann-smith
    text: A zebra is a horse.
    verdict: opinion
    evidence: unverified
    sources:
      - source: s
        quote: "Long quote: once upon a time, in a land far away where the grass grew tall and the rivers ran wide and slow through the plains, there lived a zebra called Zed who liked to run."
"""


def test_search_rows_say_what_each_record_is_when_where_and_why(tmp_path: Path) -> None:
    facts = write_facts(tmp_path / "kinds.yaml", EVERY_KIND)
    found = json.loads(run("search", "zebra", "-f", "json", "--data", str(facts)).stdout)
    rows = {row["id"]: row for row in found}
    said = {
        i: (r["rank"], r["kind"], r["date"], r["title"], r["field"], r["snippet"]) for i, r in rows.items()
    }
    assert said == {
        "zedland": (0, "actor", None, "Zedland", "aliases", "Zebra Land Stripe Country"),
        "claim-horse": (2, "claim", None, "A zebra is a horse.", "text", "A zebra is a horse."),
        "ann-smith": (2, "actor", None, "Ann Smith", "role", "keeper of the zebra herd"),
        "grazing": (2, "topic", None, "Grazing rights", "description", "Who may graze a zebra where."),
        "zebra-talks": (0, "event", "2021-03", "Talks in Geneva", "id", "zebra-talks"),
        "itpp-zedland": (2, "ITPP", "2022-05-06", "The Zedland programme", "area", "zebra crossings"),
        "zedland-on-grazing": (
            2,
            "stance",
            None,
            "Zedland: opposed (Grazing rights)",
            "said",
            "Not one zebra more.",
        ),
        "herd": (2, "grouping", "2019", "The Herd", "nature", "A club for the zebra-minded."),
    }
    assert [row["rank"] for row in found] == sorted(row["rank"] for row in found)


def test_search_finds_words_in_summaries_and_quotes_and_shows_them_on_one_line(tmp_path: Path) -> None:
    facts = write_facts(tmp_path / "kinds.yaml", EVERY_KIND)
    (talks,) = json.loads(run("search", "spoke", "length", "-f", "json", "--data", str(facts)).stdout)
    assert (talks["id"], talks["field"]) == ("zebra-talks", "summary")
    assert talks["snippet"] == "They spoke about the zebra. At length."  # runs of whitespace as one space
    (quoted,) = json.loads(run("search", "stripes", "-f", "json", "--data", str(facts)).stdout)
    assert (quoted["id"], quoted["rank"], quoted["field"], quoted["snippet"]) == (
        "zebra-talks",
        2,
        "quote",
        "no stripes here",
    )


def test_a_search_snippet_is_a_window_around_the_word_cut_at_words(tmp_path: Path) -> None:
    facts = write_facts(tmp_path / "kinds.yaml", EVERY_KIND)
    quote = (
        "Long quote: once upon a time, in a land far away where the grass grew tall and the rivers ran "
        "wide and slow through the plains, there lived a zebra called Zed who liked to run."
    )
    (row,) = json.loads(run("search", "rivers", "-f", "json", "--data", str(facts)).stdout)
    snippet = row["snippet"]
    assert snippet.startswith("…") and snippet.endswith("…")
    inner = snippet[1:-1]
    assert len(inner) == 80 and inner in quote and "rivers" in inner
    at = quote.index(inner)
    assert quote[at - 1] == " "  # it begins at a word
    assert quote.index("rivers") - at <= 80 // 3  # about a third of the room before the word
    (start,) = json.loads(run("search", "long", "quote", "-f", "json", "--data", str(facts)).stdout)
    assert start["snippet"] == quote[:80] + "…"  # nothing before the word: no leading …
    (end,) = json.loads(run("search", "liked", "-f", "json", "--data", str(facts)).stdout)
    assert end["snippet"].startswith("…") and end["snippet"][1:] == quote[-len(end["snippet"]) + 1 :]


@pytest.mark.parametrize("text", ["", "   "])
def test_an_empty_search_is_a_usage_error(text: str) -> None:
    result = run("search", text)
    assert result.exit_code == 2
    assert result.stderr == "asiapac: the search text is empty\n"


def test_a_snippet_shows_the_first_place_the_word_is_and_no_ellipsis_when_nothing_is_cut(
    tmp_path: Path,
) -> None:
    exactly = "Quokka " + "x" * 67 + " tail."  # 80 characters
    twice = "A quokka came first; " + "then much else happened, " * 6 + "and a quokka came last."
    text = EVERY_KIND.replace(
        'summary: "They spoke   about the zebra.\\nAt length."', f'summary: "{exactly} {twice}"'
    )
    assert len(exactly) == 80
    facts = write_facts(tmp_path / "snippets.yaml", text.replace(f"{exactly} ", "", 1))
    (row,) = json.loads(run("search", "quokka", "-f", "json", "--data", str(facts)).stdout)
    assert row["snippet"].startswith("A quokka came first") and row["snippet"].endswith("…")
    facts = write_facts(tmp_path / "exact.yaml", text.replace(f" {twice}", "", 1))
    (row,) = json.loads(run("search", "quokka", "-f", "json", "--data", str(facts)).stdout)
    assert row["snippet"] == exactly
