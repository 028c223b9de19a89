"""Every closed-vocabulary option is declared once (cli/vocabulary.py) and behaves the same
everywhere: any case, one "did you mean" for a typo with the values listed, and shell
completion of its values."""

from __future__ import annotations

import ast

import pytest

from conftest import REPO, run
from test_curators import complete

BUNDLED = str(REPO / "data" / "facts.yaml")
DRAFT = str(REPO / "docs" / "draft.txt")

# (command and its arguments, option, a value in another case, a typo, what the typo suggests)
OPTIONS = [
    (["timeline"], "--kind", "Summit", "sumit", "summit"),
    (["stances", "tokyo-office"], "--position", "OPPOSED", "opossed", "opposed"),
    (["actors"], "--kind", "Person", "persn", "person"),
    (["claims"], "--verdict", "Wrong", "wromg", "wrong"),
    (["check", DRAFT], "--min-evidence", "Well-Documented", "well-documnted", "well-documented"),
    (["cite", "france-opposes-tokyo-office"], "--style", "BibTeX", "bibtx", "bibtex"),
    (["show", "japan"], "--format", "JSON", "jsn", "json"),
    (["about"], "--format", "Yaml", "yamll", "yaml"),
    (["validate"], "--format", "Json", "jsom", "json"),
    (["export"], "--format", "JSON", "jsn", "json"),
]


@pytest.mark.parametrize(("args", "option", "value", "typo", "meant"), OPTIONS)
def test_every_vocabulary_option_matches_any_case_and_answers_a_typo_alike(
    args: list[str], option: str, value: str, typo: str, meant: str
) -> None:
    good = run(*args, option, value, "--data", BUNDLED)
    assert good.exit_code in (0, 3), good.stderr  # check exits 3: the draft has contradictions
    bad = run(*args, option, typo, "--data", BUNDLED)
    assert bad.exit_code == 2
    assert bad.stdout == ""
    assert bad.stderr.startswith(f"asiapac: {option}: no ")
    assert f" {typo!r}; did you mean {meant!r}" in bad.stderr
    assert bad.stderr.rstrip().endswith(")") and "(one of: " in bad.stderr


@pytest.mark.parametrize(("args", "option", "value", "typo", "meant"), OPTIONS)
def test_every_vocabulary_option_completes_its_values(
    args: list[str], option: str, value: str, typo: str, meant: str
) -> None:
    assert complete("fish", f"asiapac {args[0]} {option} {meant[:-1]}") == [meant]


def test_no_command_matches_or_completes_a_vocabulary_itself() -> None:
    # One declaration per option: the commands use cli/vocabulary.py's, never vocab.match. The
    # listings' --format comes from the format registry (output/formats.py); --columns matches
    # the names of the listing's own columns, which no vocabulary holds.
    cli = REPO / "src" / "asiapac_cli" / "cli"
    users = []
    for path in sorted(cli.rglob("*.py")):
        if path.name == "vocabulary.py":
            continue
        for function in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(function, ast.FunctionDef):
                continue
            for node in ast.walk(function):
                if (
                    isinstance(node, ast.Attribute)
                    and node.attr in ("match", "match_all", "completer")
                    and isinstance(node.value, ast.Name)
                    and node.value.id == "vocab"
                ):
                    users.append(f"{path.relative_to(cli)}:{function.name}")
    assert users == ["emit.py:select_columns"]
