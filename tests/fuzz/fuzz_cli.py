"""Fuzz the installed `asiapac` with structurally mutated copies of the bundled fact file.

    .venv/bin/python tests/fuzz/fuzz_cli.py --minutes 10 [--seed N] [--jobs 2] [--keep DIR]

Each case is the bundled file with a few structural changes (tests/fuzz/mutate.py), run through
`validate`, `timeline -f json`, `timeline -f ics`, `itpp`, `itpp japan`, `export` (JSON and
SQLite), and tables and `cite`/`show` as if on a terminal, each as its own process. A finding is:
an exit code outside the documented ones (70 is always a finding), a traceback, an invalid
file reported without file:line:column, `validate` and a query disagreeing about validity, JSON
or ICS that does not parse, or a control character reaching a terminal. Findings are written to
--keep (default: fuzz-findings/) with the command that reproduces them; the run exits 1 if any.
Case n of seed s is always the same file, so `--seed s --only n` replays one.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import mutate  # noqa: E402
from oracle import raw_on_terminal  # noqa: E402

ASIAPAC = str(Path(sys.executable).parent / "asiapac")
DOCUMENTED = {0, 1, 2, 65, 66}
LOCATED = re.compile(r"^.+:\d+:\d+: .+$")
# ICS and BibTeX carry no control characters at all (line ends aside).
IN_EXPORTS = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")

COMMANDS: list[tuple[str, list[str], bool]] = [
    ("validate", ["validate", "{file}"], False),
    ("timeline-json", ["timeline", "-f", "json", "--cite", "--data", "{file}"], False),
    ("timeline-ics", ["timeline", "-f", "ics", "--data", "{file}"], False),
    ("itpp", ["itpp", "--data", "{file}"], False),
    ("itpp-japan", ["itpp", "japan", "-f", "csv", "--data", "{file}"], False),
    ("export-json", ["export", "-f", "json", "--data", "{file}"], False),
    ("export-sqlite", ["export", "-f", "sqlite", "-o", "{dir}/out.db", "--data", "{file}"], False),
    ("sources-bibtex", ["sources", "-f", "bibtex", "--data", "{file}"], False),
    ("timeline-table", ["timeline", "--cite", "--data", "{file}"], True),
    ("show-japan", ["show", "japan", "--data", "{file}"], True),
    ("cite", ["cite", "france-opposes-tokyo-office", "--data", "{file}"], True),
]


def run_case(text: str, folder: Path) -> tuple[list[str], int, int | None]:
    """Run every command on one fact file: the findings, the number of runs, validate's exit."""
    facts = folder / "facts.yaml"
    facts.write_text(text, encoding="utf-8")
    environment = {**os.environ, "ASIAPAC_CACHE_DIR": str(folder / "cache"), "NO_COLOR": "1"}
    environment.pop("ASIAPAC_DATA", None)
    findings: list[str] = []
    results: dict[str, subprocess.CompletedProcess[bytes]] = {}
    for name, template, on_terminal in COMMANDS:
        args = [a.replace("{file}", str(facts)).replace("{dir}", str(folder)) for a in template]
        env = {**environment, "ASIAPAC_FORCE_TTY": "120"} if on_terminal else environment
        try:
            result = subprocess.run([ASIAPAC, *args], capture_output=True, env=env, timeout=120)
        except subprocess.TimeoutExpired:
            findings.append(f"{name}: no answer within 120 s")
            continue
        results[name] = result
        stdout = result.stdout.decode("utf-8", "replace")
        stderr = result.stderr.decode("utf-8", "replace")
        if result.returncode not in DOCUMENTED:
            findings.append(f"{name}: exit {result.returncode}: {stderr.strip()[:500]}")
        if "Traceback" in stderr or "internal error" in stderr:
            findings.append(f"{name}: {stderr.strip()[:500]}")
        if result.returncode == 65 and name != "validate":
            lines = [
                line for line in stderr.splitlines() if not line.endswith("found") and "are shown" not in line
            ]
            if not lines or not all(LOCATED.match(line) for line in lines):
                findings.append(f"{name}: exit 65 without file:line:column: {stderr[:300]}")
        if result.returncode == 0:
            if name in ("timeline-json", "export-json"):
                try:
                    json.loads(stdout)
                except ValueError as error:
                    findings.append(f"{name}: output is not JSON: {error}")
            if name == "timeline-ics":
                findings += check_ics(stdout)
            if name in ("timeline-ics", "sources-bibtex") and IN_EXPORTS.search(stdout.replace("\r\n", "\n")):
                findings.append(f"{name}: a control character in the output")
            # NO_COLOR is set, so the tool itself writes no ESC either.
            raw = raw_on_terminal(stdout.replace("\r\n", "\n")) if on_terminal else []
            if raw:
                found = sorted({repr(c) for c in raw})
                findings.append(f"{name}: reached the terminal raw: {', '.join(found)}")
    validate = results.get("validate")
    if validate is not None and validate.returncode in (0, 65):
        valid = validate.returncode == 0
        for name, result in results.items():
            if name != "validate" and (result.returncode == 65) == valid:
                findings.append(f"{name}: exit {result.returncode} but validate exits {validate.returncode}")
        if validate.returncode == 65:
            out = validate.stdout.decode("utf-8", "replace").splitlines()
            if not out or not all(LOCATED.match(line) for line in out):
                findings.append("validate: a problem without file:line:column")
    return findings, len(results), validate.returncode if validate is not None else None


def check_ics(text: str) -> list[str]:
    try:
        import icalendar
    except ImportError:
        return []
    try:
        icalendar.Calendar.from_ical(text)
    except Exception as error:  # any parse failure is a finding
        return [f"timeline-ics: icalendar cannot read it: {error}"]
    if any(len(line.encode("utf-8")) > 75 for line in text.split("\r\n")):
        return ["timeline-ics: a line longer than 75 octets"]
    return []


def case_text(base: Any, seed: int, number: int) -> str:
    return mutate.mutated(base, random.Random(f"{seed}:{number}"))


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seconds", type=float, default=None)
    parser.add_argument("--minutes", type=float, default=None)
    parser.add_argument("--seed", type=int, default=20261127)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--only", type=int, default=None, help="replay one case number")
    parser.add_argument("--keep", type=Path, default=Path("fuzz-findings"))
    options = parser.parse_args()
    budget = options.seconds if options.seconds is not None else 60 * (options.minutes or 1)
    base = mutate.bundled_document()
    started = time.monotonic()
    cases = runs = 0
    findings: dict[int, list[str]] = {}
    verdicts: dict[int | None, int] = {}

    def one(number: int) -> tuple[int, list[str], int, int | None, str]:
        text = case_text(base, options.seed, number)
        with tempfile.TemporaryDirectory(prefix="asiapac-fuzz-") as folder:
            found, count, verdict = run_case(text, Path(folder))
        return number, found, count, verdict, text

    numbers = [options.only] if options.only is not None else None
    next_number = 0
    with ThreadPoolExecutor(max_workers=options.jobs) as pool:
        while True:
            if numbers is not None:
                batch = numbers
            else:
                if time.monotonic() - started >= budget:
                    break
                batch = list(range(next_number, next_number + options.jobs))
                next_number += options.jobs
            for number, found, count, verdict, text in pool.map(one, batch):
                cases += 1
                runs += count
                verdicts[verdict] = verdicts.get(verdict, 0) + 1
                if found:
                    findings[number] = found
                    options.keep.mkdir(parents=True, exist_ok=True)
                    (options.keep / f"case-{options.seed}-{number}.yaml").write_text(text, encoding="utf-8")
                    for line in found:
                        print(f"case {number}: {line}", file=sys.stderr)
            if numbers is not None:
                break
    minutes = (time.monotonic() - started) / 60
    print(
        f"fuzz_cli: seed {options.seed}: {cases} cases, {runs} runs of asiapac in {minutes:.1f} min; "
        f"{len(findings)} case(s) with findings"
    )
    print(
        "  validate exits: "
        + ", ".join(f"{code}: {n} cases" for code, n in sorted(verdicts.items(), key=str))
    )
    for number in findings:
        print(f"  replay: {sys.executable} {__file__} --seed {options.seed} --only {number}")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
