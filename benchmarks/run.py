"""Measure asiapac's start-up and scale budget; print the table the README quotes.

    .venv/bin/python benchmarks/run.py [--rounds 15] [--compare OTHER/bin/python]

Run it with the Python of the environment asiapac is installed in. It builds the baseline's
own environment (latest Typer, Rich, PyYAML) in benchmarks/.venv-baseline on first use,
generates large fact files in a temporary folder, and times every case interleaved in one
run (each round runs every command once), so the ratios hold on a noisy machine. Medians.
`--compare` also times the piped lookup of a second install (an older checkout, say) in the
same rounds, against the same `import typer`, so a change is measured before and after at once.
"""

from __future__ import annotations

import argparse
import os
import pty
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BASELINE_VENV = HERE / ".venv-baseline"
BIN = Path(sys.executable).parent
ASIAPAC = str(BIN / "asiapac")


def child_env(**extra: str) -> dict[str, str]:
    # Users' machines write bytecode; a developer's PYTHONDONTWRITEBYTECODE would skew start-up.
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHONDONTWRITEBYTECODE", "ASIAPAC_DATA", "NO_COLOR")
    }
    env.update(extra)
    return env


def baseline_python() -> str:
    python = BASELINE_VENV / "bin" / "python"
    if not python.exists():
        print("building the baseline environment (latest typer, rich, pyyaml) ...", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(BASELINE_VENV)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", "typer", "rich", "pyyaml"], check=True)
    return str(python)


def versions(python: str) -> str:
    code = (
        "import importlib.metadata as m; "
        "print(', '.join(p + ' ' + m.version(p) for p in ('typer', 'rich', 'PyYAML')))"
    )
    return subprocess.run([python, "-c", code], capture_output=True, text=True, check=True).stdout.strip()


# A small parent for memory readings: a child's max RSS counts the pages it shared with the
# process that forked it, so the benchmark (which holds large fact files) must not be it.
PEAK_MEMORY = (
    "import resource, subprocess, sys; "
    "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def peak_memory_kib(command: list[str], env: dict[str, str]) -> int:
    result = subprocess.run(
        [sys.executable, "-c", PEAK_MEMORY, *command], env=env, capture_output=True, text=True
    )
    return int(result.stdout)


def timed(command: list[str], env: dict[str, str], terminal: bool = False) -> float:
    """Wall time in seconds of one run (under a pseudo-terminal when `terminal`)."""
    start = time.perf_counter()
    if terminal:
        leader, follower = pty.openpty()
        process = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=follower, stderr=follower, env=env
        )
        os.close(follower)
        while True:
            try:
                if not os.read(leader, 65536):
                    break
            except OSError:  # EIO: the child closed the terminal
                break
        os.close(leader)
    else:
        process = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env
        )
    process.wait()
    elapsed = time.perf_counter() - start
    if process.returncode not in (0, 1):
        error = process.stderr.read().decode() if process.stderr else ""
        raise SystemExit(f"{' '.join(command)} exited {process.returncode}: {error}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--cold-rounds", type=int, default=3)
    parser.add_argument("--compare", metavar="PYTHON", help="the Python of a second install to time too")
    args = parser.parse_args()

    sys.path.insert(0, str(HERE))
    import generate_facts
    from asiapac_cli.facts import load

    baseline = baseline_python()
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(load.__file__).parent)], check=True)
    work = Path(tempfile.mkdtemp(prefix="asiapac-bench-"))
    bundled = load.bundled_path()
    sizes = (5000, 10000, 20000)
    large = {size: work / f"facts-{size}.yaml" for size in sizes}
    for size in sizes:
        generate_facts.write(generate_facts.generate(bundled, size), large[size])

    warm = child_env(ASIAPAC_CACHE_DIR=str(work / "cache"), COLUMNS="100", TERM="xterm-256color")
    base_env = child_env(BASELINE_DATA=str(bundled), COLUMNS="100", TERM="xterm-256color")
    app = str(HERE / "baseline_app.py")
    lookup = [ASIAPAC, "itpp", "japan", "--format", "json"]
    scan = ["timeline", "--since", "2090", "--format", "json"]
    cases = {
        "import typer": ([sys.executable, "-c", "import typer"], warm, False),
        "lookup": (lookup, warm, False),
        "baseline lookup": ([baseline, app, "itpp", "japan", "--format", "json"], base_env, False),
        # --no-pager: the table is taller than the pty, and the baseline has no pager to wait on
        "table": ([ASIAPAC, "timeline", "--no-pager"], warm, True),
        "baseline table": ([baseline, app, "timeline"], base_env, True),
        "scan bundled": ([ASIAPAC, *scan], warm, False),
        "scan 20k": ([ASIAPAC, *scan, "--data", str(large[20000])], warm, False),
    }
    if args.compare:
        other = str(Path(args.compare).parent / "asiapac")
        other_env = child_env(ASIAPAC_CACHE_DIR=str(work / "other"))
        cases["other lookup"] = ([other, *lookup[1:]], other_env, False)
        cases["other import typer"] = ([args.compare, "-c", "import typer"], warm, False)
    for command, env, terminal in cases.values():  # warm the caches and the page cache
        timed(command, env, terminal)
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(args.rounds):
        for name, (command, env, terminal) in cases.items():
            times[name].append(timed(command, env, terminal))

    cold: dict[int, list[float]] = {size: [] for size in sizes}
    for _ in range(args.cold_rounds):
        for size in sizes:
            cache = work / f"cold-{size}"
            shutil.rmtree(cache, ignore_errors=True)
            cold[size].append(
                timed([ASIAPAC, *scan, "--data", str(large[size])], child_env(ASIAPAC_CACHE_DIR=str(cache)))
            )

    memory = {
        "bundled file, warm": peak_memory_kib(cases["scan bundled"][0], warm),
        "20,000 records, warm": peak_memory_kib(cases["scan 20k"][0], warm),
        "bundled file, cold": peak_memory_kib(cases["scan bundled"][0], child_env(ASIAPAC_NO_CACHE="1")),
        "20,000 records, cold": peak_memory_kib(cases["scan 20k"][0], child_env(ASIAPAC_NO_CACHE="1")),
        "baseline lookup": peak_memory_kib(cases["baseline lookup"][0], base_env),
    }

    ms = {name: statistics.median(values) * 1000 for name, values in times.items()}
    cold_ms = {size: statistics.median(values) * 1000 for size, values in cold.items()}
    rows = [
        ('piped lookup vs `python -c "import typer"`', "lookup", "import typer", 1.3),
        ("piped lookup vs the baseline's", "lookup", "baseline lookup", 0.3),
        ("terminal table vs the baseline's (pty)", "table", "baseline table", 0.5),
        ("20,000 records, warm scan vs the bundled file", "scan 20k", "scan bundled", 1.5),
    ]
    if args.compare:
        rows += [
            ("the other install's lookup vs its `import typer`", "other lookup", "other import typer", 1.3),
            ("this piped lookup vs the other install's", "lookup", "other lookup", 1.0),
        ]
    print(f"asiapac env: {versions(sys.executable)}; baseline env: {versions(baseline)}")
    print(f"{args.rounds} interleaved rounds, medians; Python {sys.version.split()[0]}\n")
    print("| case | asiapac ms | reference ms | ratio | target | holds |")
    print("| --- | ---: | ---: | ---: | ---: | --- |")
    for label, ours, reference, target in rows:
        ratio = ms[ours] / ms[reference]
        holds = "yes" if ratio <= target else "NO"
        print(f"| {label} | {ms[ours]:.1f} | {ms[reference]:.1f} | {ratio:.2f} | <= {target} | {holds} |")
    print()
    print("| cold run (no cache), `timeline --since 2090` | ms | ms per 1,000 records |")
    print("| --- | ---: | ---: |")
    for size in sizes:
        print(f"| {size:,} records | {cold_ms[size]:.0f} | {cold_ms[size] / size * 1000:.0f} |")
    print()
    print("| peak memory (max RSS) | MiB |")
    print("| --- | ---: |")
    for name, kib in memory.items():
        print(f"| {name} | {kib / 1024:.1f} |")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
