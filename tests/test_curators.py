"""Tools for curators and shells: schema, validate, completion, the timeline chart."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from asiapac_cli.errors import FactFileInvalid
from asiapac_cli.facts import load
from conftest import FIXTURES, REPO, run, tty

ASIAPAC = str(Path(sys.executable).parent / "asiapac")
SCHEMA_FILE = REPO / "data" / "facts.schema.json"


def validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))


def test_shipped_schema_is_what_the_schema_command_prints() -> None:
    printed = run("schema").stdout
    assert json.loads(printed) == json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(json.loads(printed))


def test_the_fact_file_names_its_schema_for_editors() -> None:
    first_line = (REPO / "data" / "facts.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=facts.schema.json"


def test_an_independent_validator_accepts_the_bundled_file() -> None:
    validator().validate(yaml.safe_load(load.bundled_path().read_text(encoding="utf-8")))


def fixture_document() -> dict:
    """The small fixture as an ordinary YAML 1.1 reader sees it, with Norway's alias re-quoted."""
    document = yaml.safe_load((FIXTURES / "small.yaml").read_text(encoding="utf-8"))
    norway = next(a for a in document["actors"] if a["id"] == "norway")
    assert norway["aliases"] == [False]  # the Norway problem: why asiapac reads every scalar as text
    norway["aliases"] = ["NO"]
    document["sources"].append({"id": "src", "title": "S", "publisher": "P", "kind": "primary"})
    return document


def test_the_schema_accepts_the_fixture_read_as_text() -> None:
    validator().validate(fixture_document())


SHAPE_BREAKS = {
    "unknown top-level key": lambda d: d.update(sourcez=[]),
    "unknown field": lambda d: d["sources"][0].update(titel="x"),
    "missing title": lambda d: d["sources"][0].pop("title"),
    "no sources on a fact": lambda d: d["stances"][0].pop("sources"),
    "empty sources": lambda d: d["stances"][0].update(sources=[]),
    "bad enum": lambda d: d["stances"][0].update(position="against"),
    "bad date format": lambda d: d["events"][0].update(date="12/07/2023"),
    "bad id": lambda d: d["actors"][0].update(id="Not An Id"),
    "count as text": lambda d: d["itpps"][0].update(areas_total="16"),
    "list where text": lambda d: d["events"][0].update(title=["a", "b"]),
    "wrong claim without correction": lambda d: d.update(
        claims=[
            {
                "id": "c",
                "by": "japan",
                "text": "t",
                "verdict": "wrong",
                "evidence": "contested",
                "sources": ["src"],
            }
        ]
    ),
    "source with neither publisher nor author": lambda d: d["sources"][0].pop("publisher"),
}


@pytest.mark.parametrize("change", sorted(SHAPE_BREAKS))
def test_schema_and_loader_both_reject_shape_errors(change: str, tmp_path: Path) -> None:
    document = fixture_document()
    SHAPE_BREAKS[change](document)
    path = tmp_path / "broken.yaml"
    path.write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True), encoding="utf-8")
    assert list(validator().iter_errors(document)), f"the JSON Schema accepted: {change}"
    with pytest.raises(FactFileInvalid):
        load.load(path, use_cache=False)


def test_validate_lists_every_problem_with_file_line_column(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        (FIXTURES / "small.yaml")
        .read_text()
        .replace("kind: primary", "kind: primry")
        .replace("title: Madrid Summit", "titel: Madrid Summit")
    )
    result = run("validate", str(bad))
    assert result.exit_code == 65
    lines = result.stdout.splitlines()
    assert len(lines) == 4  # two bad kinds, the misspelt field, and the title it leaves missing
    assert all(line.startswith(f"{bad}:") for line in lines)
    assert (
        f"{bad}:11:11: sources[0].kind: expected one of primary, secondary, tertiary, seed; got 'primry'; did you mean 'primary'?"
        in lines
    )


def test_validate_json_for_editors_and_ci(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema_version: 1\nas_of: '2023-02-30'\nsources: []\n")
    report = json.loads(run("validate", str(bad), "--format", "json").stdout)
    assert report == {
        "file": str(bad),
        "valid": False,
        "problems": [
            {
                "file": str(bad),
                "line": 2,
                "column": 8,
                "message": "as_of: '2023-02-30' is not a calendar date (2023-02 has 28 days)",
            }
        ],
        "warnings": [],  # (added later: warnings never make a file invalid)
    }
    good = json.loads(run("validate", str(FIXTURES / "small.yaml"), "-f", "json").stdout)
    assert good["valid"] is True and good["problems"] == []


def test_validate_defaults_to_the_chosen_fact_file() -> None:
    result = run("validate")
    assert result.exit_code == 0
    assert result.stdout.endswith("valid (3 sources, 3 events, 1 itpps, 2 stances, 0 claims)\n")


def test_validate_unreadable_file_exits_66(tmp_path: Path) -> None:
    assert run("validate", str(tmp_path / "missing.yaml")).exit_code == 66


def complete(shell: str, words: str) -> list[str]:
    env = {**os.environ, "_ASIAPAC_COMPLETE": f"complete_{shell}", "_TYPER_COMPLETE_ARGS": words}
    if shell == "bash":
        env.update(COMP_WORDS=words, COMP_CWORD=str(len(words.split()) - (0 if words.endswith(" ") else 1)))
    if shell == "fish":
        env["_TYPER_COMPLETE_FISH_ACTION"] = "get-args"
    result = subprocess.run([ASIAPAC], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    return [line for line in result.stdout.splitlines() if line]


def test_bash_completes_partners_that_have_an_itpp() -> None:
    assert complete("bash", "asiapac itpp ") == ["japan"]  # France and Germany have none
    assert complete("bash", "asiapac itpp ja") == ["japan"]
    assert complete("bash", "asiapac itpp zz") == []


def test_zsh_completes_topics_with_their_titles() -> None:
    (line,) = complete("zsh", "asiapac who-opposed to")
    assert '"tokyo-office":"NATO liaison office in Tokyo"' in line


def test_fish_completes_timeline_kinds_and_show_ids() -> None:
    assert complete("fish", "asiapac timeline --kind su") == ["summit"]
    shown = complete("fish", "asiapac show france")
    assert shown == ["france\tFrance", "france-opposes-tokyo-office\tfrance-opposes-tokyo-office"]


def test_completion_scripts_are_offered_for_each_shell() -> None:
    for shell in ("bash", "zsh", "fish"):
        result = run("--show-completion", shell)
        assert result.exit_code == 0 and "_ASIAPAC_COMPLETE" in result.stdout


CHART = (
    "3 events, 2022–2023; each column is one year (from '22);\n"
    "a digit counts that kind's events there, + means ten or more.\n"
    "\n"
    "year          22 23\n"
    "summit         1  ·\n"
    "agreement      ·  1\n"
    "statement      ·  1\n"
    "all            1  2\n"
)


def test_chart_piped_is_exact_plain_text() -> None:
    result = run("timeline", "--chart")
    assert result.exit_code == 0
    assert result.stdout == CHART


def test_chart_on_a_terminal_fits_80_columns_and_respects_filters() -> None:
    result = tty("timeline", "--chart", width=80)
    assert all(len(line) <= 80 for line in result.stdout.splitlines())
    assert "summit         1  ·" in result.stdout
    assert run("timeline", "--chart", "--since", "2090").exit_code == 1


UNDATED = """\
schema_version: 1
checked_on: "2026-11-27"
sources:
  - id: dated
    title: A dated page
    publisher: NATO
    date: "2023-07-12"
    kind: primary
  - id: undated-page
    title: An undated page
    publisher: NATO
    accessed: "2025-03"
    kind: primary
  - id: undated-note
    title: An undated note
    author: Jane Doe
    kind: secondary
"""


def test_validate_warns_of_undated_sources_without_failing(tmp_path: Path) -> None:
    path = tmp_path / "undated.yaml"
    path.write_text(UNDATED, encoding="utf-8")
    result = run("validate", str(path))
    assert result.exit_code == 0
    assert result.stdout == f"{path}: valid (3 sources, 0 events, 0 itpps, 0 stances, 0 claims)\n"
    assert result.stderr.splitlines() == [
        f"{path}:9:9: warning: sources: 'undated-page' has no date; --as-of counts it as published "
        "on 2025-03-31 (its accessed date, 2025-03), so it makes no record known earlier (give its "
        "publication date if known)",
        f"{path}:14:9: warning: sources: 'undated-note' has no date; --as-of counts it as published "
        "on 2026-11-27 (checked_on), so it makes no record known earlier (give its publication "
        "date if known)",
    ]
    report = json.loads(run("validate", str(path), "-f", "json").stdout)
    assert report["valid"] is True and report["problems"] == []
    assert [(w["line"], w["column"]) for w in report["warnings"]] == [(9, 9), (14, 9)]
    assert report["warnings"][0]["message"].startswith("sources: 'undated-page' has no date;")
    assert run("validate", str(path), "-f", "json").stderr == ""  # JSON carries them: stderr stays quiet


def test_validate_json_always_has_a_warnings_list() -> None:
    good = json.loads(run("validate", str(FIXTURES / "small.yaml"), "-f", "json").stdout)
    assert good["warnings"] == []
