"""Does `asiapac check` stay linear on pathological texts? (issue 18, "High")

Runs the whole command, `asiapac check FILE -f tsv`, as a new process with a warm cache, on each
shape of text below at 4 sizes (8, 16, 32 and 64 KB), subtracts the start-up (the same command
on a one-line text, measured in the same run), and prints the time per KB. A shape fails when
its time per KB grows by more than 2x from the smallest size to the largest: the measure is the
growth ratio, never a wall time, so it holds on a slow or busy machine. When every size of a
shape runs fast (its largest under FAST_SECONDS), the shape is measured again at 64, 128, 256
and 512 KB, where the checker's own time dominates the noise of starting a process.

A run that takes longer than --limit seconds is stopped: the shape fails ("> limit"), and its
larger sizes are not tried.

    .venv/bin/python benchmarks/check_shapes.py                 # every shape; exit 1 if any grows
    .venv/bin/python benchmarks/check_shapes.py --shape bang-run --limit 30

It measures only through the command line (no import of the checker), so it holds any
implementation to the same promise. The shapes are also fuzz targets (tests/fuzz/texts.py).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ASIAPAC = str(Path(sys.executable).parent / "asiapac")
BUNDLED = REPO / "data" / "facts.yaml"
KB = 1024
SIZES_KB = (8, 16, 32, 64)
BIG_SIZES_KB = (64, 128, 256, 512)
FAST_SECONDS = 1.0  # a shape whose largest text takes less is measured again at BIG_SIZES_KB
MAX_GROWTH = 2.0
NOISE_SECONDS = 0.25  # checking time below this, after start-up is subtracted, is noise


def repeated(unit: str, size: int, head: str = "", tail: str = "") -> str:
    """`head`, then `unit` repeated to about `size` bytes in all, then `tail`."""
    count = max(1, (size - len(head) - len(tail)) // max(1, len(unit.encode())))
    return head + unit * count + tail


def nested_list(size: int) -> str:
    """A Markdown list nested one level deeper on each line, to about `size` bytes."""
    lines, total, depth = [], 0, 0
    while total < size:
        line = "  " * depth + f"- Japan joined NATO in {2000 + depth % 25}.\n"
        lines.append(line)
        total += len(line)
        depth += 1
    return "".join(lines)


# The table, then the two shapes it names besides: each a function of a size in bytes.
SHAPES: dict[str, Callable[[int], str]] = {
    # 'Japan joined NATO in 2023.\n' * N: hard-wrapped prose, no blank lines
    "hard-wrapped": lambda size: repeated("Japan joined NATO in 2023.\n", size),
    # 'Japan ' + '!' * N + 'x'
    "bang-run": lambda size: repeated("!", size, head="Japan ", tail="x\n"),
    # ' ' * N + 'Japan joined NATO.'
    "leading-spaces": lambda size: repeated(" ", size, tail="Japan joined NATO.\n"),
    "nested-list": nested_list,
    "dot-run": lambda size: repeated(".", size, head="Japan joined NATO in 2023", tail="\n"),
    "no-stop-line": lambda size: repeated("Japan joined NATO in 2023 and ", size, tail="\n"),
}


def timed(path: Path, env: dict[str, str], limit: float) -> float | None:
    """Seconds one `asiapac check` of `path` takes, or None when it runs past `limit`."""
    start = time.perf_counter()
    try:
        result = subprocess.run(
            [ASIAPAC, "check", str(path), "-f", "tsv", "--data", str(BUNDLED)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=env,
            timeout=limit,
        )
    except subprocess.TimeoutExpired:
        return None
    elapsed = time.perf_counter() - start
    if result.returncode not in (0, 3):
        sys.exit(f"check_shapes: asiapac exited {result.returncode}: {result.stderr.decode()[:500]}")
    return elapsed


def median_of(path: Path, env: dict[str, str], limit: float, rounds: int) -> float | None:
    """The median of `rounds` runs (one when a run is slow: its noise is small beside it)."""
    first = timed(path, env, limit)
    if first is None or first > 5:
        return first
    times = [first]
    for _ in range(rounds - 1):
        again = timed(path, env, limit)
        if again is None:
            return None
        times.append(again)
    return statistics.median(times)


def measure(
    make: Callable[[int], str],
    sizes: tuple[int, ...],
    folder: Path,
    env: dict[str, str],
    args: argparse.Namespace,
) -> list[tuple[int, float | None]]:
    """(size in KB, seconds of checking without start-up, None past the limit) per size."""
    found: list[tuple[int, float | None]] = []
    for size in sizes:
        text = folder / f"shape-{size}.txt"
        text.write_text(make(size * KB), encoding="utf-8")
        seconds = median_of(text, env, args.limit, args.rounds)
        found.append((size, None if seconds is None else max(seconds - args.startup, 1e-4)))
        if seconds is None:  # larger sizes would only take longer
            found += [(later, None) for later in sizes[sizes.index(size) + 1 :]]
            break
    return found


def growth(found: list[tuple[int, float | None]]) -> float | None:
    """Time per KB at the largest size over time per KB at the smallest (None: a run timed out).

    A shape whose largest text checks in under NOISE_SECONDS (a text of white space, say) has no
    growth to measure: its times are the noise of starting a process, and it counts as 1.
    """
    (small, first), (large, last) = found[0], found[-1]
    if first is None or last is None:
        return None
    if last < NOISE_SECONDS:
        return 1.0
    return (last / large) / (first / small)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--shape", action="append", choices=sorted(SHAPES), help="only this shape (repeatable)"
    )
    parser.add_argument("--limit", type=float, default=60.0, help="seconds one run may take (default 60)")
    parser.add_argument("--rounds", type=int, default=3, help="runs per size, median taken (default 3)")
    args = parser.parse_args()
    shapes = args.shape or list(SHAPES)
    with tempfile.TemporaryDirectory(prefix="asiapac-shapes-") as name:
        folder = Path(name)
        env = {**os.environ, "ASIAPAC_CACHE_DIR": str(folder / "cache")}
        env.pop("ASIAPAC_DATA", None)
        one_line = folder / "one-line.txt"
        one_line.write_text("Japan joined NATO in 2023.\n", encoding="utf-8")
        timed(one_line, env, args.limit)  # warm the cache
        args.startup = statistics.median(timed(one_line, env, args.limit) or 0 for _ in range(7))
        print(f"asiapac check, start-up and a one-line text: {args.startup * 1000:.0f} ms (subtracted below)")
        print(f"{'shape':<16} {'KB':>5} {'seconds':>9} {'ms per KB':>10}   growth (largest / smallest)")
        failed = []
        for shape in shapes:
            found = measure(SHAPES[shape], SIZES_KB, folder, env, args)
            largest = found[-1][1]
            if largest is not None and largest + args.startup < FAST_SECONDS:
                found = measure(SHAPES[shape], BIG_SIZES_KB, folder, env, args)
            ratio = growth(found)
            for size, seconds in found:
                shown = f"> {args.limit:.0f}" if seconds is None else f"{seconds:.3f}"
                per_kb = "" if seconds is None else f"{seconds * 1000 / size:.2f}"
                print(f"{shape:<16} {size:>5} {shown:>9} {per_kb:>10}")
            verdict = "timed out" if ratio is None else f"{ratio:.2f}x"
            bad = ratio is None or ratio > MAX_GROWTH
            print(f"{shape:<16} growth {verdict}{'  FAIL: more than 2x' if bad else ''}")
            if bad:
                failed.append(shape)
    if failed:
        print(f"check_shapes: time per KB grows more than {MAX_GROWTH:g}x on: {', '.join(failed)}")
        return 1
    print(f"check_shapes: every shape within {MAX_GROWTH:g}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
