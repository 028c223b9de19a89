"""How fast `asiapac check` is, and whether it stays linear in the length of the text.

Builds texts of 1,000 to 16,000 sentences from the fact base's own true and altered sentences
(tests/prose.py) and, when present, the seed interview, then times

- `check` in process (the splitting, recognition and judging; median of 5 runs), and
- the whole command, `asiapac check FILE -f tsv > /dev/null`, as a new process with a warm cache
  (median of 5 runs), for the 1,000-sentence text.

Run: .venv/bin/python benchmarks/check_speed.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

import prose  # noqa: E402
from asiapac_cli.check import check  # noqa: E402
from asiapac_cli.check.gazetteer import Gazetteer  # noqa: E402
from asiapac_cli.check.sentences import split  # noqa: E402
from asiapac_cli.facts import load  # noqa: E402

FACTS = REPO / "data" / "facts.yaml"
SEED = REPO.parent / "shared" / "seeds" / "000_cab049b54525a233.txt"
SIZES = (1000, 2000, 4000, 8000, 16000)
ROUNDS = 5


def corpus(fb: object) -> list[str]:
    """Sentences to repeat: true and altered ones from the records, and the seed's."""
    sentences = []
    for style in prose.PRECISE_STYLES:
        for pair in prose.pairs(fb, style):
            sentences += [pair.true, pair.false]
    if SEED.exists():
        sentences += [s.text for s in split(SEED.read_text(encoding="utf-8")).sentences]
    return sentences


def text_of(sentences: list[str], count: int) -> str:
    """`count` sentences, five to a paragraph."""
    chosen = [sentences[i % len(sentences)] for i in range(count)]
    return "\n\n".join(" ".join(chosen[i : i + 5]) for i in range(0, count, 5)) + "\n"


def median_time(run: object, rounds: int = ROUNDS) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    fb = load.load(FACTS)
    sentences = corpus(fb)
    print(f"corpus: {len(sentences)} distinct sentences (seed included: {SEED.exists()})")
    print()
    build = median_time(lambda: Gazetteer.build(fb))
    print(
        f"building the gazetteer (names, offices, recorded statements): {build * 1000:.1f} ms "
        f"(median of {ROUNDS})"
    )

    def run_check(text: str) -> object:
        return check(fb, text, min_evidence=None, show_all=False)

    print()
    print("| sentences | split | in process ms | ms per 1,000 sentences | rows |")
    print("| ---: | ---: | ---: | ---: | ---: |")
    for size in SIZES:
        text = text_of(sentences, size)
        pieces = len(split(text).sentences)
        rows = len(check(fb, text, min_evidence=None, show_all=False).listing.rows)
        seconds = median_time(lambda text=text: run_check(text))
        print(f"| {size} | {pieces} | {seconds * 1000:.0f} | {seconds * 1000 * 1000 / size:.0f} | {rows} |")

    asiapac = Path(sys.executable).with_name("asiapac")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "article.txt"
        path.write_text(text_of(sentences, 1000), encoding="utf-8")
        command = [str(asiapac), "check", str(path), "--data", str(FACTS), "-f", "tsv"]
        subprocess.run(command, stdout=subprocess.DEVNULL, check=False)  # warm the cache
        seconds = median_time(lambda: subprocess.run(command, stdout=subprocess.DEVNULL, check=False))
    print()
    print(f"whole command, 1,000 sentences, warm cache: {seconds * 1000:.0f} ms (median of {ROUNDS})")


if __name__ == "__main__":
    main()
