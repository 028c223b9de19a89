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


# Crashes and hangs of `asiapac check` (issue 18: month-precision dates, long aliases, super-linear
# texts) were fixed by its rewrite (issue 17); the lists stay, empty, for what is found next.
KNOWN_FINDINGS: tuple[Known, ...] = ()

# Text shapes the fuzzer skips because check is too slow on them: none since the rewrite
# (benchmarks/check_shapes.py measures each at four sizes).
SLOW_SHAPES: dict[str, str] = {}


def known(target: str, finding: str) -> Known | None:
    """The known entry a finding of `target` matches, if any."""
    for entry in KNOWN_FINDINGS:
        if (entry.target == target or target.startswith(entry.target + "-")) and re.search(
            entry.pattern, finding
        ):
            return entry
    return None
