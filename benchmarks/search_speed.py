"""Time `asiapac search` in process on the bundled fact file: a query that matches, one that
matches nothing (which computes the "did you mean" hint), and the whole command, piped.

    .venv/bin/python benchmarks/search_speed.py [--rounds 7] [--other PYTHON]

`--other` names the Python of a second install (an older checkout, say): both are timed in the
same run, round after round, so their ratio holds on a busy machine. Medians, in milliseconds.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

QUERIES = {"matches": "office tokyo", "matches nothing": "liason ofice"}
REPEATS = 20  # query runs per round, in one process (the fact base loaded once)

# Run in each Python: the median time of one query on a warm fact base, in milliseconds.
IN_PROCESS = """
import statistics, sys, time
from asiapac_cli.errors import NoMatch
from asiapac_cli.facts import load
from asiapac_cli.queries.search import search
fb = load.load(load.bundled_path())
times = []
for _ in range(int(sys.argv[2])):
    start = time.perf_counter()
    try:
        search(fb, sys.argv[1])
    except NoMatch:
        pass
    times.append(time.perf_counter() - start)
print(statistics.median(times) * 1000)
"""


def in_process(python: str, query: str, env: dict[str, str]) -> float:
    result = subprocess.run(
        [python, "-c", IN_PROCESS, query, str(REPEATS)], env=env, capture_output=True, text=True, check=True
    )
    return float(result.stdout)


def whole_command(python: str, query: str, env: dict[str, str]) -> float:
    asiapac = str(Path(python).parent / "asiapac")
    start = time.perf_counter()
    subprocess.run([asiapac, "search", *query.split()], env=env, capture_output=True)
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--other", help="the Python of a second install, timed alongside")
    args = parser.parse_args()
    pythons = {"this": sys.executable} | ({"other": args.other} if args.other else {})
    work = tempfile.mkdtemp(prefix="asiapac-search-")
    env = {k: v for k, v in os.environ.items() if k not in ("ASIAPAC_DATA", "PYTHONDONTWRITEBYTECODE")}
    env["ASIAPAC_CACHE_DIR"] = work
    cases = [(label, query, kind) for label, query in QUERIES.items() for kind in ("query", "command")]
    times: dict[tuple[str, str, str], list[float]] = {}
    for python in pythons.values():  # warm each install's cache
        whole_command(python, "office", env)
    for _ in range(args.rounds):
        for name, python in pythons.items():
            for label, query, kind in cases:
                measure = in_process if kind == "query" else whole_command
                times.setdefault((name, label, kind), []).append(measure(python, query, env))
    print(f"{args.rounds} interleaved rounds, medians (a query: median of {REPEATS} runs in one process)\n")
    header = "| case | " + " | ".join(f"{name} ms" for name in pythons)
    print(header + (" | this / other |" if args.other else " |"))
    print("| --- |" + " ---: |" * (len(pythons) + (1 if args.other else 0)))
    for label, query, kind in cases:
        what = f"`search {query}` ({label}), " + ("the query" if kind == "query" else "whole command, piped")
        medians = [statistics.median(times[(name, label, kind)]) for name in pythons]
        cells = " | ".join(f"{m:.1f}" for m in medians)
        ratio = f" | {medians[0] / medians[1]:.2f}" if args.other else ""
        print(f"| {what} | {cells}{ratio} |")


if __name__ == "__main__":
    main()
