"""Fuzz the installed `asiapac` with structurally mutated copies of the bundled fact file, and
`asiapac check` with hostile texts.

    .venv/bin/python tests/fuzz/fuzz_cli.py --minutes 10 [--seed N] [--jobs 2] [--keep DIR]

Two kinds of case, each run as processes:

- A fact-file case (two cases in three) is the bundled file with a few structural changes
  (tests/fuzz/mutate.py), run through `validate`, `timeline -f json`, `timeline -f ics`, `itpp`,
  `itpp japan`, `export` (JSON, SQLite and the HTML page), `check` on docs/draft.txt and on a
  text written from the case's own records (tests/fuzz/texts.py), and tables, `check`,
  `cite`/`show` as if on a terminal.
- A text case (one in three) is a random hostile text or a pathological shape of 8 to 64 KB
  (tests/fuzz/texts.py), checked against the bundled fact file as JSON and as a table, each
  run within a time limit that grows with the text (TEXT_SECONDS + TEXT_SECONDS_PER_KB per
  KB): a linear checker needs a small fraction of it, so a run past it is a finding.

A finding is: an exit code outside the documented ones (70 is always a finding), a traceback, an
invalid file reported without file:line:column, `validate` and a query disagreeing about
validity, JSON, ICS or an HTML page that does not parse or holds what it must not (markup from
the data, raw control or invisible characters), a verdict outside the four, or a control
character reaching a terminal. A finding that matches tests/fuzz/known.py (a bug already filed
and owned) is reported as known and does not fail the run; a text shape listed there as slow is
skipped. Findings are written to --keep (default: fuzz-findings/) with the command that
reproduces them; the run exits 1 if any. Case n of seed s is always the same, so
`--seed s --only n` replays one.
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
import texts  # noqa: E402
import yaml  # noqa: E402
from known import SLOW_SHAPES, known  # noqa: E402
from oracle import page_findings, raw_on_terminal  # noqa: E402

ASIAPAC = str(Path(sys.executable).parent / "asiapac")
DOCUMENTED = {0, 1, 2, 65, 66}
LOCATED = re.compile(r"^.+:\d+:\d+: .+$")
# ICS and BibTeX carry no control characters at all (line ends aside).
IN_EXPORTS = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")

DRAFT = mutate.REPO / "docs" / "draft.txt"
VERDICTS = ("confirmed", "contradicted", "contested", "unknown")
# `check` also exits 3 (something is contradicted).
CHECK_EXITS = DOCUMENTED | {3}

COMMANDS: list[tuple[str, list[str], bool]] = [
    ("validate", ["validate", "{file}"], False),
    ("timeline-json", ["timeline", "-f", "json", "--cite", "--data", "{file}"], False),
    ("timeline-ics", ["timeline", "-f", "ics", "--data", "{file}"], False),
    ("itpp", ["itpp", "--data", "{file}"], False),
    ("itpp-japan", ["itpp", "japan", "-f", "csv", "--data", "{file}"], False),
    ("export-json", ["export", "-f", "json", "--data", "{file}"], False),
    ("export-sqlite", ["export", "-f", "sqlite", "-o", "{dir}/out.db", "--data", "{file}"], False),
    ("export-html", ["export", "-f", "html", "--data", "{file}"], False),
    ("sources-bibtex", ["sources", "-f", "bibtex", "--data", "{file}"], False),
    ("check-draft", ["check", str(DRAFT), "-f", "json", "--data", "{file}"], False),
    ("check-generated", ["check", "{dir}/generated.txt", "-f", "json", "--all", "--data", "{file}"], False),
    ("timeline-table", ["timeline", "--cite", "--data", "{file}"], True),
    ("check-table", ["check", "{dir}/generated.txt", "--all", "--data", "{file}"], True),
    ("show-japan", ["show", "japan", "--data", "{file}"], True),
    ("cite", ["cite", "france-opposes-tokyo-office", "--data", "{file}"], True),
]
# A text case: the bundled fact file, the text in {text}.
TEXT_COMMANDS: list[tuple[str, list[str], bool]] = [
    ("check-text-json", ["check", "{text}", "-f", "json", "--all"], False),
    ("check-text-table", ["check", "{text}", "--all", "--no-pager"], True),
]
JSON_OUTPUTS = ("timeline-json", "export-json", "check-draft", "check-generated", "check-text-json")
TEXT_SECONDS = 10.0  # start-up on a busy machine, with room to spare
TEXT_SECONDS_PER_KB = 0.1  # about 15 times what a linear checker needs here


def run_case(text: str, folder: Path) -> tuple[list[str], int, int | None]:
    """Run every command on one fact file: the findings, the number of runs, validate's exit."""
    facts = folder / "facts.yaml"
    facts.write_text(text, encoding="utf-8")
    (folder / "generated.txt").write_text(texts.text_from_records(document_of(text)), encoding="utf-8")
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
        findings += output_findings(name, result, on_terminal)
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


def document_of(text: str) -> Any:
    """A fact file's text as plain data, for writing sentences from it; the bundled document when
    the mutation left no YAML a reader can load (its commands then fail on the file anyway)."""
    try:
        return yaml.load(text, Loader=getattr(yaml, "CBaseLoader", yaml.BaseLoader))
    except Exception:  # a broken file, or nesting too deep to load
        return mutate.bundled_document()


def output_findings(name: str, result: subprocess.CompletedProcess[bytes], on_terminal: bool) -> list[str]:
    """What is wrong with one command's run: its exit code, messages and output."""
    findings = []
    stdout = result.stdout.decode("utf-8", "replace")
    stderr = result.stderr.decode("utf-8", "replace")
    allowed = CHECK_EXITS if name.startswith("check") else DOCUMENTED
    if result.returncode not in allowed:
        findings.append(f"{name}: exit {result.returncode}: {stderr.strip()[:500]}")
    elif "Traceback" in stderr or "internal error" in stderr:
        findings.append(f"{name}: {stderr.strip()[:500]}")
    if result.returncode == 65 and name != "validate":
        lines = [
            line for line in stderr.splitlines() if not line.endswith("found") and "are shown" not in line
        ]
        if not lines or not all(LOCATED.match(line) for line in lines):
            findings.append(f"{name}: exit 65 without file:line:column: {stderr[:300]}")
    if result.returncode not in (0, 3):
        return findings
    if name in JSON_OUTPUTS:
        findings += json_findings(name, stdout)
    if name == "export-html":
        findings += [f"{name}: {problem}" for problem in page_findings(stdout)]
    if name == "timeline-ics":
        findings += check_ics(stdout)
    if name in ("timeline-ics", "sources-bibtex") and IN_EXPORTS.search(stdout.replace("\r\n", "\n")):
        findings.append(f"{name}: a control character in the output")
    # NO_COLOR is set, so the tool itself writes no ESC either.
    raw = raw_on_terminal(stdout.replace("\r\n", "\n")) if on_terminal else []
    if raw:
        found = sorted({repr(c) for c in raw})
        findings.append(f"{name}: reached the terminal raw: {', '.join(found)}")
    return findings


def json_findings(name: str, stdout: str) -> list[str]:
    try:
        document = json.loads(stdout)
    except ValueError as error:
        return [f"{name}: output is not JSON: {error}"]
    if name.startswith("check"):
        rows = document if isinstance(document, list) else []
        wrong = [r for r in rows if r.get("verdict") not in VERDICTS or not isinstance(r.get("line"), int)]
        if not isinstance(document, list) or wrong or any(r["line"] < 1 for r in rows):
            return [f"{name}: rows that are not line and verdict: {str(wrong or document)[:300]}"]
    return []


def run_text_case(text: str, folder: Path) -> tuple[list[str], int]:
    """`check` on one text, against the bundled fact file, within the text's time limit."""
    path = folder / "text.txt"
    path.write_text(text, encoding="utf-8")
    size_kb = len(text.encode()) / 1024
    limit = TEXT_SECONDS + TEXT_SECONDS_PER_KB * size_kb
    environment = {**os.environ, "ASIAPAC_CACHE_DIR": str(folder / "cache"), "NO_COLOR": "1"}
    environment.pop("ASIAPAC_DATA", None)
    findings: list[str] = []
    for name, template, on_terminal in TEXT_COMMANDS:
        args = [a.replace("{text}", str(path)) for a in template]
        env = {**environment, "ASIAPAC_FORCE_TTY": "120"} if on_terminal else environment
        try:
            result = subprocess.run([ASIAPAC, *args], capture_output=True, env=env, timeout=limit)
        except subprocess.TimeoutExpired:
            findings.append(f"{name}: no answer within {limit:.0f} s on {size_kb:.0f} KB: super-linear?")
            continue
        findings += output_findings(name, result, on_terminal)
    return findings, len(TEXT_COMMANDS)


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


def is_text_case(number: int) -> bool:
    return number % 3 == 2


def text_case(seed: int, number: int) -> tuple[str, str]:
    """(a label saying what it is, the text) for text case `number`."""
    rng = random.Random(f"{seed}:{number}")
    if rng.random() < 0.5:
        return "a random text", texts.random_text(rng)
    name, size, text = texts.shape_case(rng)
    return f"shape {name} at {size} KB", text


class Outcome:
    """One case's result."""

    def __init__(self, number: int, text: str, suffix: str) -> None:
        self.number = number
        self.text = text
        self.suffix = suffix  # of the saved case: .yaml or .txt
        self.findings: list[str] = []
        self.known: list[tuple[str, str]] = []  # (why it is known, the finding)
        self.runs = 0
        self.verdict: int | None = None
        self.skipped = ""


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
    known_found: dict[str, list[int]] = {}
    skipped: dict[str, int] = {}
    verdicts: dict[int | None, int] = {}
    kinds = {"fact file": 0, "text": 0}

    def one(number: int) -> Outcome:
        with tempfile.TemporaryDirectory(prefix="asiapac-fuzz-") as name:
            folder = Path(name)
            if not is_text_case(number):
                outcome = Outcome(number, case_text(base, options.seed, number), ".yaml")
                found, outcome.runs, outcome.verdict = run_case(outcome.text, folder)
                target = "check"
            else:
                label, text = text_case(options.seed, number)
                outcome = Outcome(number, text, ".txt")
                shape = label.split()[1] if label.startswith("shape ") else ""
                if shape in SLOW_SHAPES:
                    outcome.skipped = f"{shape} ({SLOW_SHAPES[shape]})"
                    return outcome
                found, outcome.runs = run_text_case(text, folder)
                found = [f"{line} [{label}]" for line in found]
                target = "check"
        for line in found:
            entry = known(target, line) if line.startswith("check") else None
            if entry is None:
                outcome.findings.append(line)
            else:
                outcome.known.append((entry.why, line))
        return outcome

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
            for outcome in pool.map(one, batch):
                cases += 1
                runs += outcome.runs
                kinds["text" if outcome.suffix == ".txt" else "fact file"] += 1
                if outcome.skipped:
                    skipped[outcome.skipped] = skipped.get(outcome.skipped, 0) + 1
                    continue
                if outcome.suffix == ".yaml":
                    verdicts[outcome.verdict] = verdicts.get(outcome.verdict, 0) + 1
                for why, line in outcome.known:
                    known_found.setdefault(why, []).append(outcome.number)
                    print(f"case {outcome.number}: known: {line[:300]}", file=sys.stderr)
                if outcome.findings:
                    findings[outcome.number] = outcome.findings
                    options.keep.mkdir(parents=True, exist_ok=True)
                    saved = options.keep / f"case-{options.seed}-{outcome.number}{outcome.suffix}"
                    saved.write_text(outcome.text, encoding="utf-8")
                    for line in outcome.findings:
                        print(f"case {outcome.number}: {line}", file=sys.stderr)
            if numbers is not None:
                break
    minutes = (time.monotonic() - started) / 60
    print(
        f"fuzz_cli: seed {options.seed}: {cases} cases ({kinds['fact file']} fact files, {kinds['text']} "
        f"texts), {runs} runs of asiapac in {minutes:.1f} min; {len(findings)} case(s) with findings"
    )
    if verdicts:
        print(
            "  validate exits: "
            + ", ".join(f"{code}: {n} cases" for code, n in sorted(verdicts.items(), key=str))
        )
    for why, numbers_found in known_found.items():
        shown = ", ".join(str(n) for n in sorted(set(numbers_found))[:10])
        print(f"  known, not counted (tests/fuzz/known.py): {why}: case(s) {shown} (--only N replays)")
    for why, count in skipped.items():
        print(f"  skipped as known slow (tests/fuzz/known.py): {why}: {count} case(s)")
    for number in findings:
        print(f"  replay: {sys.executable} {__file__} --seed {options.seed} --only {number}")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
