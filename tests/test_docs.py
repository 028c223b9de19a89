"""The README and --help keep their promises: every command documented, examples true."""

from __future__ import annotations

import re

import pytest
import typer.main

from asiapac_cli import errors
from asiapac_cli.cli.app import build_app
from asiapac_cli.facts import schema
from conftest import REPO, run

app = build_app()

README = (REPO / "README.md").read_text(encoding="utf-8")
PAGES = sorted((REPO / "docs").glob("*.md"))
OUTPUT = (REPO / "docs" / "output.md").read_text(encoding="utf-8")
COMMANDS = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


def test_the_app_has_the_commands_the_issues_ask_for() -> None:
    assert {"timeline", "itpp", "who-opposed", "who-supported", "stances", "topics", "search", "show"} <= set(
        COMMANDS
    )


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Example:" in result.stdout
    assert re.search(rf"^\s+asiapac {command}\b", result.stdout, re.MULTILINE)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_in_the_readme(command: str) -> None:
    assert f"`asiapac {command}" in README


def test_the_ci_script_runs_the_readme_test_command_verbatim() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    quick_start = README.split("## Quick start", 1)[1].split("## ", 1)[0]
    commands = [line.strip() for line in quick_start.splitlines() if line.startswith("    ")]
    assert len(commands) == 2
    install_and_run, install_and_test = commands
    assert install_and_run.endswith("asiapac timeline")
    assert install_and_test in ci.splitlines()


def test_every_exit_code_is_documented() -> None:
    table = OUTPUT.split("## Exit codes", 1)[1].split("\n## ", 1)[0]
    documented = {int(code) for code in re.findall(r"^\| (\d+) \|", table, re.MULTILINE)}
    assert {int(status) for status in errors.ExitStatus} == documented


@pytest.mark.parametrize(
    ("command", "args"),
    [
        ("timeline", ["timeline"]),
        ("summits", ["summits"]),
        ("itpp", ["itpp"]),
        ("itpp PARTNER", ["itpp", "japan"]),
        ("stances", ["stances", "tokyo-office"]),
        ("claims", ["claims", "--data", str(REPO / "data" / "facts.yaml")]),
        ("search", ["search", "japan"]),
    ],
)
def test_documented_columns_are_the_real_header(command: str, args: list[str]) -> None:
    row = re.search(rf"^\| `{re.escape(command)}`[^|]*\| `([^`]+)`", OUTPUT, re.MULTILINE)
    assert row, f"no columns row for {command}"
    header = run(*args, "-f", "tsv").stdout.splitlines()[0].split("\t")
    documented = row.group(1).split()
    if command == "summits":  # then two columns per partner, documented in docs/terminal.md
        header, partners = header[: len(documented)], header[len(documented) :]
        assert partners and partners[1::2] == [f"{level}_person" for level in partners[::2]]
        terminal = (REPO / "docs" / "terminal.md").read_text(encoding="utf-8")
        assert "`PARTNER` (its level" in terminal and "`PARTNER_person` (who" in " ".join(terminal.split())
    assert header == documented


def test_fact_file_doc_names_every_schema_field() -> None:
    doc = (REPO / "docs" / "fact-file.md").read_text(encoding="utf-8")
    for kind, spec in schema.RECORD_SPECS.items():
        assert f"`{kind}`" in doc
        for field in spec.fields:
            assert f"`{field}`" in doc, f"{kind}.{field} is not documented"


def test_help_keeps_literal_brackets() -> None:
    # Typer can read help as Rich markup, where [text] vanishes; ours is plain text.
    result = run("itpp", "--help", env={"FORCE_COLOR": "1", "TERM": "xterm-256color"})
    assert "\x1b" not in result.stdout
    assert "asiapac itpp [OPTIONS] [PARTNER]" in result.stdout


def test_the_readme_screens_are_what_the_tool_shows() -> None:
    """The 80-column screens in the README and docs/ are real (refresh: python docs/screens.py)."""
    import subprocess
    import sys

    check = subprocess.run([sys.executable, str(REPO / "docs" / "screens.py"), "--check"])
    assert check.returncode == 0, "screens are out of date: run python docs/screens.py"


def test_root_help_fits_80_columns_and_opens_with_examples() -> None:
    result = run("--help", env={"COLUMNS": "80"})
    lines = result.stdout.splitlines()
    assert all(len(line) <= 80 for line in lines)
    examples = result.stdout.split("Where to start:", 1)[1].split("Commands", 1)[0]
    assert 4 <= len([line for line in examples.splitlines() if line.strip().startswith("asiapac ")]) <= 6
    commands = result.stdout.split("Commands (each has --help):", 1)[1].split("\n\n", 1)[0]
    assert "..." not in commands  # no description cut


SCREEN = re.compile(r"<!-- screen: (?P<args>[^>]*?) -->\n```\n(?P<body>.*?)```\n<!-- /screen -->", re.DOTALL)


SCREENS = [
    block
    for page in [REPO / "README.md", *PAGES]
    for block in SCREEN.findall(page.read_text(encoding="utf-8"))
]


def test_the_readme_and_the_docs_show_screens() -> None:
    shown = [args for args, _ in SCREENS]
    assert "summits" in [args for args, _ in SCREEN.findall(README)]  # the README's one screen
    assert len(shown) >= 3


@pytest.mark.parametrize("block", SCREENS, ids=lambda block: block[0])
def test_each_readme_screen_is_what_the_command_draws(
    block: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # In-process, with the terminal injected: the same promise as the screens check above,
    # seen by a mutation run (which cannot see into a subprocess).
    import shlex

    from asiapac_cli.output.terminal import Terminal

    args, body = block
    monkeypatch.chdir(REPO)  # the screens name docs/draft.txt
    result = run(
        *shlex.split(args),
        "--data",
        str(REPO / "data" / "facts.yaml"),
        terminal=Terminal(True, False, 80, 24),
    )
    drawn = "".join(line.rstrip() + "\n" for line in result.stdout.splitlines())
    assert f"$ asiapac {args}\n" + drawn == body


LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


@pytest.mark.parametrize("page", [REPO / "README.md", *PAGES], ids=lambda page: page.name)
def test_links_stay_inside_the_repository_and_lead_somewhere(page: object) -> None:
    """A clone has only the repository: no link may leave it (../shared, a sibling checkout)."""
    assert isinstance(page, type(REPO))
    text = page.read_text(encoding="utf-8")
    assert "../shared" not in text
    for target in LINK.findall(text):
        if target.startswith(("http://", "https://", "mailto:")):
            continue
        resolved = (page.parent / target).resolve()
        assert resolved.is_relative_to(REPO), target
        assert resolved.exists(), f"{page.name} links to {target}, which does not exist"


def test_the_readme_links_every_page_of_the_docs() -> None:
    linked = set(LINK.findall(README))
    assert {f"docs/{page.name}" for page in PAGES} <= linked


def test_the_readme_is_short_and_opens_with_what_a_newcomer_needs() -> None:
    lines = README.splitlines()
    assert len(lines) <= 160
    first_screen = "\n".join(lines[:40])
    assert "## Quick start" in first_screen and ".venv/bin/asiapac" in first_screen
    assert "PATH" in first_screen  # the venv's bin/ must be on PATH to type `asiapac`
    where_to_start = README.split("## Where to start", 1)[1].split("\n## ", 1)[0]
    listed = [
        line.split("#")[0].split() for line in where_to_start.splitlines() if line.startswith("    asiapac ")
    ]
    helped = run("--help", env={"COLUMNS": "80"}).stdout.split("Where to start:", 1)[1].split("\n\n", 1)[0]
    asked = [
        line.split()[: len(words)] for line, words in zip(helped.strip().splitlines(), listed, strict=True)
    ]
    assert listed == asked  # the README's six questions are --help's, in its order
