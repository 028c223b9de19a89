"""What --as-of costs at start-up (issue #22), measured in one interleaved run.

    .venv/bin/python benchmarks/as_of_speed.py [--rounds 21] [--before REV]

Two budgets: a warm lookup without --as-of is unchanged by the feature (compared with the
code at REV, by default where this branch left main, run from a `git archive` of it), and a
lookup with --as-of is within 10% of the same lookup without it. Every command runs as
`python -m asiapac_cli` with the same interpreter, each version on its own warm cache, on the
fact file as it was at REV (which both versions read), and on a 20,000-record file generated
from it. Medians of interleaved rounds, so the ratios hold on a noisy machine.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent


def git(*args: str) -> bytes:
    return subprocess.run(["git", "-C", str(REPO), *args], capture_output=True, check=True).stdout


def export_tree(rev: str, target: Path) -> None:
    """The source and data of `rev`, unpacked into `target` (no worktree, no checkout)."""
    archive = git("archive", "--format=tar", rev, "src", "data")
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(target, filter="data")


def env_for(src: Path, cache: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "ASIAPAC_DATA")}
    env.update(PYTHONPATH=str(src), ASIAPAC_CACHE_DIR=str(cache))
    return env


def timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    elapsed = time.perf_counter() - start
    if result.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} exited {result.returncode}: {result.stderr.decode()}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=21)
    parser.add_argument(
        "--before", default=None, help="the revision without --as-of (default: merge-base with main)"
    )
    args = parser.parse_args()
    before_rev = args.before or git("merge-base", "HEAD", "main").decode().strip()

    work = Path(tempfile.mkdtemp(prefix="asiapac-as-of-bench-"))
    export_tree(before_rev, work / "before")
    facts = work / "before" / "data" / "facts.yaml"  # a file both versions read
    sys.path.insert(0, str(HERE))
    sys.path.insert(0, str(REPO / "src"))
    import generate_facts

    large = work / "facts-20000.yaml"
    generate_facts.write(generate_facts.generate(facts, 20000), large)
    for src in (work / "before" / "src", REPO / "src"):
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(src / "asiapac_cli")], check=True)

    before = env_for(work / "before" / "src", work / "cache-before")
    after = env_for(REPO / "src", work / "cache-after")
    tool = [sys.executable, "-m", "asiapac_cli"]
    lookup = ["itpp", "japan", "--format", "json", "--data", str(facts)]
    listing = ["stances", "tokyo-office", "--format", "json", "--data", str(facts)]
    scan = ["timeline", "--since", "2090", "--format", "json", "--data", str(large)]
    as_of = ["--as-of", "2023-08-01"]
    cases = {
        "lookup, before": (tool + lookup, before),
        "lookup": (tool + lookup, after),
        "lookup --as-of": (tool + lookup + as_of, after),
        "stances": (tool + listing, after),
        "stances --as-of": (tool + listing + as_of, after),
        "20k scan, before": (tool + scan, before),
        "20k scan": (tool + scan, after),
        "20k scan --as-of": (tool + scan + as_of, after),
    }
    for command, env in cases.values():  # build the caches, warm the page cache
        timed(command, env)
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(args.rounds):
        for name, (command, env) in cases.items():
            times[name].append(timed(command, env))
    ms = {name: statistics.median(values) * 1000 for name, values in times.items()}
    # The fastest run too: on a shared machine it is the one least disturbed by other work.
    best = {name: min(values) * 1000 for name, values in times.items()}

    rows = [
        (
            "warm lookup (`itpp japan -f json`), this branch vs before",
            "lookup",
            "lookup, before",
            "unchanged",
        ),
        ("the same lookup with --as-of 2023-08-01 vs without", "lookup --as-of", "lookup", "<= 1.10"),
        ("`stances tokyo-office -f json` with --as-of vs without", "stances --as-of", "stances", "<= 1.10"),
        (
            "20,000 records, warm `timeline --since 2090`, this branch vs before",
            "20k scan",
            "20k scan, before",
            "unchanged",
        ),
        ("the same scan with --as-of vs without", "20k scan --as-of", "20k scan", "<= 1.10"),
    ]
    print(f"before: {before_rev[:12]}; {args.rounds} interleaved rounds; Python {sys.version.split()[0]}\n")
    print("| case | median ms | reference | ratio | fastest ms | reference | ratio | target |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    for label, ours, reference, target in rows:
        medians = f"{ms[ours]:.1f} | {ms[reference]:.1f} | {ms[ours] / ms[reference]:.3f}"
        fastest = f"{best[ours]:.1f} | {best[reference]:.1f} | {best[ours] / best[reference]:.3f}"
        print(f"| {label} | {medians} | {fastest} | {target} |")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
