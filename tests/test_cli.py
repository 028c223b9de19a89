"""Commands, names as people type them, and exit codes (0/1/2) on the small fixture."""

from __future__ import annotations

import json

import pytest

from conftest import run


def rows(*args: str) -> list[dict]:
    result = run(*args, "-f", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("name", ["japan", "Japan", "JP", "jpn", " japan "])
def test_names_are_case_insensitive_with_aliases(name: str) -> None:
    assert {r["partner"] for r in rows("itpp", name)} == {"japan"}


@pytest.mark.parametrize(
    "topic",
    ["tokyo-office", "Tokyo Office", "tokyo_office", "liaison office", "NATO liaison office in Tokyo"],
)
def test_topics_resolve_by_id_title_or_alias(topic: str) -> None:
    assert [r["actor"] for r in rows("who-opposed", topic)] == ["france"]


def test_unknown_name_exits_2_with_did_you_mean() -> None:
    result = run("itpp", "japn")
    assert result.exit_code == 2
    assert result.stderr == "asiapac: no actor called 'japn'; did you mean 'japan'?\n"
    assert result.stdout == ""


def test_unknown_topic_exits_2_with_did_you_mean() -> None:
    result = run("who-opposed", "tokyo-ofice")
    assert result.exit_code == 2
    assert "did you mean 'tokyo-office'?" in result.stderr


def test_actor_without_an_itpp_is_a_usage_error_naming_those_with_one() -> None:
    result = run("itpp", "france")
    assert result.exit_code == 2
    assert result.stderr == "asiapac: 'france' has no ITPP in the fact file (partners with one: japan)\n"


@pytest.mark.parametrize("bad", ["", "   ", "x" * 201])
def test_empty_and_overlong_arguments_exit_2(bad: str) -> None:
    for command in (["itpp", bad], ["who-opposed", bad], ["search", bad], ["show", bad]):
        result = run(*command)
        assert result.exit_code == 2, command
        assert result.stderr.startswith("asiapac: ")


def test_hostile_argument_is_echoed_safely() -> None:
    result = run("itpp", "\x1b[2J[bold]x")
    assert result.exit_code == 2
    assert "'\\x1b[2J[bold]x'" in result.stderr  # repr: the escape is shown, not sent


def test_who_opposed_and_who_supported_split_the_stances() -> None:
    assert [r["position"] for r in rows("stances", "tokyo-office")] == ["opposed", "cautious"]
    assert run("who-supported", "tokyo-office").exit_code == 1  # valid topic, no supporter here


def test_stances_position_filter() -> None:
    assert [r["actor"] for r in rows("stances", "tokyo-office", "--position", "cautious")] == ["germany"]
    bad = run("stances", "tokyo-office", "--position", "against")
    assert bad.exit_code == 2 and "--position" in bad.stderr


@pytest.mark.parametrize(
    ("args", "ids"),
    [
        (["--since", "2023"], ["vilnius-macron", "itpp-japan-agreed"]),
        (["--since", "2022-06-30"], ["madrid-summit-2022", "vilnius-macron", "itpp-japan-agreed"]),
        (["--until", "2022-06"], ["madrid-summit-2022"]),
        (["--since", "2022-07", "--until", "2023-06"], []),
        (["--kind", "summit"], ["madrid-summit-2022"]),
        (["--kind", "summit", "--kind", "statement"], ["madrid-summit-2022", "vilnius-macron"]),
        (["--actor", "jp"], ["madrid-summit-2022", "itpp-japan-agreed"]),
        (["--topic", "tokyo office"], ["vilnius-macron"]),
        (["--actor", "france", "--kind", "summit"], []),
    ],
)
def test_timeline_filters(args: list[str], ids: list[str]) -> None:
    result = run("timeline", *args, "-f", "json")
    assert result.exit_code == (0 if ids else 1)
    assert [r["id"] for r in json.loads(result.stdout)] == ids


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--since", "2023-02-30"], "--since: '2023-02-30' is not a calendar date (2023-02 has 28 days)"),
        (
            ["--until", "July 2023"],
            "--until: expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got 'July 2023'",
        ),
        (["--kind", "sumit"], "--kind: no event kind 'sumit'; did you mean 'summit' or 'visit'?"),
        (["--actor", "narnia"], "no actor called 'narnia'"),
    ],
)
def test_timeline_bad_filters_exit_2(args: list[str], message: str) -> None:
    result = run("timeline", *args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_itpp_overview_has_one_row_per_partner() -> None:
    (row,) = rows("itpp")
    assert row["partner"] == "japan" and row["areas_total"] == 16 and row["areas_named"] == 2


def test_summits_show_partner_attendance_as_objects_and_as_text_when_piped() -> None:
    (row,) = rows("summits")
    assert row["partners"] == [
        {"partner": "japan", "level": "leader", "person": "Fumio Kishida", "role": None, "note": None}
    ]
    assert row["partner_leaders"] == 1
    tsv = run("summits", "--columns", "id,partners").stdout
    assert tsv == "id\tpartners\nmadrid-summit-2022\tjapan: leader (Fumio Kishida)\n"


def test_search_ranks_title_matches_above_body_matches_and_knows_seed_spellings() -> None:
    found = rows("search", "north atlantic")
    assert found[0]["id"] == "vilnius-macron" and found[0]["field"] == "title"
    assert [r["field"] for r in found[1:]] == ["said"]
    assert {r["id"] for r in rows("search", "ITTP")} >= {"itpp-japan", "itpp-japan-agreed"}
    none = run("search", "zeppelin")
    assert none.exit_code == 1 and none.stdout.startswith("rank\t")


def test_show_gathers_everything_about_an_actor() -> None:
    result = run("show", "jp", "-f", "json")
    document = json.loads(result.stdout)
    assert document["kind"] == "actor" and document["id"] == "japan"
    assert [r["id"] for r in document["related"]["itpps"]] == ["itpp-japan"]
    assert [r["id"] for r in document["related"]["events"]] == ["madrid-summit-2022", "itpp-japan-agreed"]


def test_show_a_record_expands_its_citations() -> None:
    document = json.loads(run("show", "france-opposes-tokyo-office", "-f", "json").stdout)
    assert document["kind"] == "stance"
    assert document["citations"][0].startswith(
        "Macron says NATO office in Japan would be a mistake. AFP, 2023-07-12."
    )


def test_show_plain_text_when_piped() -> None:
    result = run("show", "germany-on-tokyo-office")
    assert result.exit_code == 0
    assert "position: cautious\n" in result.stdout
    assert "correction: The seed says Germany joined France; sources report only caution.\n" in result.stdout


def test_sources_lists_what_cites_each() -> None:
    (row,) = rows("sources", "afp-macron-vilnius-2023")
    assert row["cited_by"] == ["france-opposes-tokyo-office", "germany-on-tokyo-office", "vilnius-macron"]
    assert run("sources", "nope").exit_code == 2


def test_version_and_module_entry_point() -> None:
    from asiapac_cli import __version__

    assert run("--version").stdout == f"asiapac {__version__}\n"


def test_no_arguments_shows_help() -> None:
    result = run()
    assert result.exit_code == 2  # like git: bare `asiapac` is a usage error that shows help
    assert "timeline" in result.stderr and "who-opposed" in result.stderr
