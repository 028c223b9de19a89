"""One registry of formats: each listing offers the same formats in its --help, its shell
completion and its error message, and only the listings that take a special format accept it
(ics and mermaid: timeline; bibtex: sources)."""

from __future__ import annotations

import re

import pytest

from conftest import run
from test_curators import complete

EVERY_LISTING = ["table", "tsv", "csv", "json", "jsonl", "yaml", "markdown"]
SPECIAL = {"timeline": ["ics", "mermaid"], "sources": ["bibtex"]}
COMMANDS = {
    "timeline": [],
    "summits": [],
    "itpp": [],
    "stances": ["tokyo-office"],
    "who-opposed": ["tokyo-office"],
    "who-supported": ["tokyo-office"],
    "topics": [],
    "actors": [],
    "groupings": [],
    "sources": [],
    "claims": [],
    "search": ["japan"],
    "check": ["-"],
}


def formats_in_help(command: str) -> list[str]:
    text = " ".join(run(command, "--help").stdout.split())
    found = re.search(r"--format FORMAT One of ([a-z, ]+)\. Default", text)
    assert found, text
    return found.group(1).split(", ")


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_help_completion_and_errors_offer_the_same_formats(command: str) -> None:
    expected = EVERY_LISTING + SPECIAL.get(command, [])
    assert formats_in_help(command) == expected
    assert complete("fish", f"asiapac {command} --format ") == expected
    wrong = run(command, *COMMANDS[command], "--format", "pdf")
    assert wrong.exit_code == 2
    assert wrong.stderr.endswith(f"(one of: {', '.join(expected)})\n")


@pytest.mark.parametrize(("command", "fmt"), [(c, f) for c, fs in SPECIAL.items() for f in fs])
def test_a_special_format_is_refused_by_every_other_listing(command: str, fmt: str) -> None:
    for other in sorted(set(COMMANDS) - {command}):
        refused = run(other, *COMMANDS[other], "--format", fmt)
        assert refused.exit_code == 2, (other, fmt)
        assert f"--format: no format '{fmt}'" in refused.stderr
        assert refused.stdout == ""


def test_special_formats_are_written_by_their_exports() -> None:
    assert run("timeline", "-f", "ICS").stdout.startswith("BEGIN:VCALENDAR")  # CliRunner hides CRLF
    assert run("timeline", "--format", "mermaid").stdout.startswith("timeline\n")
    assert run("sources", "-f", "bibtex").stdout.startswith("@")
