"""Known findings: bugs already filed and owned, which the fuzzers report as known instead of
failing on, so that the bounded CI run (.ci/run: fuzz_cli.py --seconds 60 --seed 20261127) stays
green for everything else. This list is meant to be emptied: when a fix lands, its owner deletes
the entry, and from then on the fuzzers fail if the bug comes back.

Each entry says what it matches, which issue it belongs to, and who owns the fix. The
reproductions are in docs/hostile-input.md ("What the fuzzers find today").
"""

from __future__ import annotations

import re
from typing import NamedTuple


class Known(NamedTuple):
    target: str  # the fuzz target it shows in: 'check' (any check command) or a text shape's name
    pattern: str  # a regular expression searched in the finding's text
    why: str  # the issue, and who fixes it


# Crashes and hangs of `asiapac check` (src/asiapac_cli/check/), owned by the lead's rewrite.
KNOWN_FINDINGS = (
    Known(
        "check",
        r"ValueError: invalid literal for int\(\) with base 10: '\d{4}-\d",
        "issue 18 (Medium): a valid fact file with a date at month or day precision where the "
        "checker reads a year (period_end: '2026-06') crashes check (exit 70); check/ (lead)",
    ),
    Known(
        "check",
        r"RecursionError",
        "issue 18 (Medium): the name-pattern builder recurses once per character, so a name or "
        "alias of about 500 characters crashes check (exit 70); check/ (lead)",
    ),
)

# Text shapes on which `check` is super-linear today (issue 18, High): at 64 KB each takes from
# several seconds to minutes, so the fuzzer skips them instead of spending its minute on them.
# benchmarks/check_shapes.py measures the same families.
SLOW_SHAPES = {
    "hard-wrapped": "issue 18 (High): hard-wrapped prose, no blank lines; check/ (lead)",
    "crlf-wrapped": "issue 18 (High): hard-wrapped prose with CRLF line ends; check/ (lead)",
    "bang-run": "issue 18 (High): a run of '!' after a name; check/ (lead)",
    "question-run": "issue 18 (High): a run of '?'; check/ (lead)",
    "mixed-stops": "issue 18 (High): a run of '!?.'; check/ (lead)",
    "dot-run": "issue 18 (High): a run of '.'; check/ (lead)",
    "leading-spaces": "issue 18 (High): a run of spaces before a sentence; check/ (lead)",
    "tab-run": "issue 18 (High): a run of tabs before a sentence; check/ (lead)",
}


def known(target: str, finding: str) -> Known | None:
    """The known entry a finding of `target` matches, if any."""
    for entry in KNOWN_FINDINGS:
        if (entry.target == target or target.startswith(entry.target + "-")) and re.search(
            entry.pattern, finding
        ):
            return entry
    return None
