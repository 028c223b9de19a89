"""How `asiapac check` does on real prose: a hand-judged corpus of news, official and think-tank texts.

The texts are other people's prose and are not in this repository. `check_real/manifest.json`
names each one (file, address, publisher, SHA-256) and `check_real/judgements.json` holds a
hand judgement for every sentence, keyed by its line and a hash of its text, never the text:

- `none`: states nothing the fact base records or can decide;
- `true`: states at least one thing the base records, and all of it is right;
- `false`: states something the base records, wrongly;
- `disputed`: states something the base records as contested or unverified.

For each text this runs `asiapac check FILE --all -f json`, pairs every output row with its
judgement by (line, hash) and counts

- false alarms: `contradicted` or `contested` on a sentence judged `true` or `none`;
- wrong confirmations: `confirmed` on a sentence judged `false` or `disputed`;
- errors caught: `contradicted` or `contested` on a sentence judged `false`;
- true confirmed: `confirmed` on a sentence judged `true`;
- confirmed on `none`, listed for review.

A text whose file is missing or whose SHA-256 differs from the manifest's is reported and left
out, and so is one the tool fails on; rows without a judgement and judgements without a row
(a changed sentence splitter) are listed. It measures and does not gate: the exit status is 0
whatever the scores, 2 only when the harness itself cannot run.

Run: .venv/bin/python benchmarks/check_real.py [--texts DIR] [--asiapac PATH] [--json] [--quote]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "check_real"
MANIFEST = DATA / "manifest.json"
JUDGEMENTS = DATA / "judgements.json"

LABELS = ("none", "true", "false", "disputed")
FLAGS = frozenset({"contradicted", "contested"})
LABEL_COUNTS = {"true": "judged_true", "false": "judged_false", "disputed": "disputed"}
# When one sentence gets several rows, the row that counts is the strongest verdict.
STRENGTH = {"contradicted": 4, "contested": 3, "confirmed": 2, "unknown": 1}
COUNTS = (
    "sentences",
    "judged_true",
    "judged_false",
    "disputed",
    "false_alarms",
    "wrong_confirmed",
    "errors_caught",
    "true_confirmed",
    "confirmed_on_none",
    "disputed_flagged",
)
HEADINGS = {
    "sentences": "sent",
    "judged_true": "true",
    "judged_false": "false",
    "disputed": "disp",
    "false_alarms": "false alarms",
    "wrong_confirmed": "wrong conf",
    "errors_caught": "caught",
    "true_confirmed": "true conf",
    "confirmed_on_none": "conf on none",
    "disputed_flagged": "disp flagged",
}


class HarnessError(Exception):
    """The harness cannot run (no manifest, no asiapac): exit status 2."""


def sentence_hash(sentence: str) -> str:
    """The key of a sentence: the first 16 hex digits of the SHA-256 of its whitespace-collapsed text."""
    return hashlib.sha256(" ".join(sentence.split()).encode("utf-8")).hexdigest()[:16]


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass
class Pair:
    """One judged sentence and what the tool said of it."""

    file: str
    line: int
    hash: str
    label: str
    verdict: str
    correction: str
    records: list[str]
    note: str = ""
    sentence: str = ""


@dataclass
class Score:
    """The counts and lists for one text, or for all of them."""

    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNTS, 0))
    false_alarms: list[Pair] = field(default_factory=list)
    wrong_confirmed: list[Pair] = field(default_factory=list)
    confirmed_on_none: list[Pair] = field(default_factory=list)
    unmatched_rows: list[dict[str, Any]] = field(default_factory=list)
    unmatched_judgements: list[dict[str, Any]] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for key in COUNTS:
            self.counts[key] += other.counts[key]
        self.false_alarms += other.false_alarms
        self.wrong_confirmed += other.wrong_confirmed
        self.confirmed_on_none += other.confirmed_on_none
        self.unmatched_rows += other.unmatched_rows
        self.unmatched_judgements += other.unmatched_judgements


def merge_rows(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Several rows for one sentence as one: the strongest verdict, every correction and record."""
    best = max(rows, key=lambda r: STRENGTH.get(str(r.get("verdict")), 0))
    corrections = [str(r["correction"]) for r in rows if r.get("correction")]
    records = [rec for r in rows for rec in (r.get("records") or [])]
    return {**best, "correction": " | ".join(corrections) or None, "records": list(dict.fromkeys(records))}


def score(file: str, rows: list[dict[str, Any]], judgements: list[dict[str, Any]]) -> Score:
    """Pair the tool's rows with the judgements by (line, hash) and count.

    Rows and judgements sharing a key are paired in order; when one judgement has several rows
    (a tool that splits a sentence into statements), they count as one row with the strongest
    verdict. Whatever is left on either side is listed, never dropped.
    """
    result = Score()
    by_key_rows: dict[tuple[int, str], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_key_rows[(int(row["line"]), sentence_hash(str(row["sentence"])))].append(row)
    by_key_judged: dict[tuple[int, str], list[dict[str, Any]]] = defaultdict(list)
    for judged in judgements:
        by_key_judged[(int(judged["line"]), str(judged["hash"]))].append(judged)

    for judged in judgements:
        label = str(judged["label"])
        if label not in LABELS:
            raise HarnessError(f"{file}: line {judged['line']}: unknown label {label!r}")
        result.counts["sentences"] += 1
        if label in LABEL_COUNTS:
            result.counts[LABEL_COUNTS[label]] += 1

    for key, judged_here in by_key_judged.items():
        rows_here = by_key_rows.pop(key, [])
        if len(judged_here) == 1 and len(rows_here) > 1:
            rows_here = [merge_rows(rows_here)]
        for judged, row in zip(judged_here, rows_here, strict=False):
            tally(result, file, judged, row)
        for judged in judged_here[len(rows_here) :]:
            result.unmatched_judgements.append({"file": file, **judged})
        for row in rows_here[len(judged_here) :]:
            result.unmatched_rows.append({"file": file, **row})
    for rows_left in by_key_rows.values():
        result.unmatched_rows += [{"file": file, **row} for row in rows_left]
    return result


def tally(result: Score, file: str, judged: dict[str, Any], row: dict[str, Any]) -> None:
    label = str(judged["label"])
    verdict = str(row.get("verdict") or "")
    pair = Pair(
        file=file,
        line=int(judged["line"]),
        hash=str(judged["hash"]),
        label=label,
        verdict=verdict,
        correction=str(row.get("correction") or ""),
        records=[str(r) for r in row.get("records") or []],
        note=str(judged.get("note") or ""),
        sentence=str(row.get("sentence") or ""),
    )
    flagged = verdict in FLAGS
    if flagged and label in ("true", "none"):
        result.counts["false_alarms"] += 1
        result.false_alarms.append(pair)
    if verdict == "confirmed" and label in ("false", "disputed"):
        result.counts["wrong_confirmed"] += 1
        result.wrong_confirmed.append(pair)
    if flagged and label == "false":
        result.counts["errors_caught"] += 1
    if flagged and label == "disputed":
        result.counts["disputed_flagged"] += 1
    if verdict == "confirmed" and label == "true":
        result.counts["true_confirmed"] += 1
    if verdict == "confirmed" and label == "none":
        result.counts["confirmed_on_none"] += 1
        result.confirmed_on_none.append(pair)


def default_texts() -> Path:
    """$ASIAPAC_ARTICLES, else ../articles/texts beside the repository (or beside the main checkout)."""
    if os.environ.get("ASIAPAC_ARTICLES"):
        return Path(os.environ["ASIAPAC_ARTICLES"])
    candidates = [REPO.parent / "articles" / "texts"]
    try:
        common = subprocess.run(
            ["git", "rev-parse", "--path-format=absolute", "--git-common-dir"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        candidates.append(Path(common).parent.parent / "articles" / "texts")
    except (OSError, subprocess.CalledProcessError):
        pass
    return next((c for c in candidates if c.is_dir()), candidates[0])


def default_asiapac() -> Path:
    here = Path(sys.executable).parent
    return next((p for p in (here / "asiapac", here / "asiapac.exe") if p.exists()), here / "asiapac")


def load_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise HarnessError(f"cannot read {path}: {exc}") from exc


def run_tool(asiapac: Path, path: Path) -> list[dict[str, Any]]:
    """The rows of `asiapac check PATH --all -f json` (exit 0, or 3 when something is contradicted)."""
    done = subprocess.run(
        [str(asiapac), "check", str(path), "--all", "-f", "json"], capture_output=True, text=True
    )
    if done.returncode not in (0, 3):
        raise ValueError(f"asiapac exited {done.returncode}: {done.stderr.strip()[:300]}")
    rows = json.loads(done.stdout)
    if not isinstance(rows, list):
        raise ValueError("asiapac's JSON is not a list of rows")
    return rows


@dataclass
class Run:
    texts: dict[str, Score] = field(default_factory=dict)
    total: Score = field(default_factory=Score)
    skipped: list[tuple[str, str]] = field(default_factory=list)


def measure(texts_dir: Path, asiapac: Path) -> Run:
    if not asiapac.exists():
        raise HarnessError(f"no asiapac at {asiapac} (use --asiapac PATH)")
    manifest = load_json(MANIFEST)
    judgements = load_json(JUDGEMENTS)
    run = Run()
    for entry in manifest:
        name = str(entry["file"])
        path = texts_dir / name
        if not path.is_file():
            run.skipped.append((name, f"missing: {path}"))
            continue
        digest = file_sha256(path)
        if digest != entry["sha256"]:
            expected = str(entry["sha256"])
            run.skipped.append((name, f"SHA-256 {digest[:12]}… differs from the manifest's {expected[:12]}…"))
            continue
        if name not in judgements:
            run.skipped.append((name, "no judgements for this text"))
            continue
        try:
            rows = run_tool(asiapac, path)
        except (OSError, ValueError) as exc:
            run.skipped.append((name, f"tool failed: {exc}"))
            continue
        text_score = score(name, rows, judgements[name])
        run.texts[name] = text_score
        run.total.add(text_score)
    return run


def table(run: Run) -> str:
    columns = ["text", *(HEADINGS[key] for key in COUNTS)]
    body = [[name, *(str(s.counts[key]) for key in COUNTS)] for name, s in run.texts.items()]
    total = ["TOTAL", *(str(run.total.counts[key]) for key in COUNTS)]
    widths = [max(len(r[i]) for r in [columns, *body, total]) for i in range(len(columns))]

    def line(cells: list[str]) -> str:
        return "  ".join(
            c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        )

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(columns), rule, *(line(r) for r in body), rule, line(total)])


def pair_lines(pairs: list[Pair], quote: bool) -> list[str]:
    out = []
    for p in pairs:
        head = f"  {p.file}:{p.line} #{p.hash}  judged {p.label}, tool {p.verdict}"
        if p.records:
            head += f"  [{', '.join(p.records)}]"
        out.append(head)
        if quote:
            out.append(f"      sentence: {p.sentence}")
        if p.correction:
            out.append(f"      correction: {p.correction}")
        if p.note:
            out.append(f"      judgement note: {p.note}")
    return out


def report(run: Run, quote: bool = False) -> str:
    """The table, then every false alarm, wrong confirmation and confirmation on `none`, and what did
    not pair. Sentences are named by file, line and hash; `quote` adds their text (keep such output out
    of the repository: the texts are other people's prose)."""
    t = run.total
    out = [table(run), ""]
    out.append(f"False alarms ({len(t.false_alarms)}): contradicted/contested on a sentence judged true/none")
    out += pair_lines(t.false_alarms, quote) or ["  none"]
    out.append("")
    out.append(
        f"Wrong confirmations ({len(t.wrong_confirmed)}): confirmed on a sentence judged false/disputed"
    )
    out += pair_lines(t.wrong_confirmed, quote) or ["  none"]
    out.append("")
    out.append(f"Confirmed on 'none' ({len(t.confirmed_on_none)}), for review")
    out += pair_lines(t.confirmed_on_none, quote) or ["  none"]
    out.append("")
    out.append(f"Rows without a judgement ({len(t.unmatched_rows)})")
    for r in t.unmatched_rows:
        out.append(f"  {r['file']}:{r['line']} #{sentence_hash(str(r['sentence']))}  tool {r.get('verdict')}")
        if quote:
            out.append(f"      sentence: {r['sentence']}")
    if not t.unmatched_rows:
        out.append("  none")
    out.append(f"Judgements without a row ({len(t.unmatched_judgements)})")
    out += [
        f"  {j['file']}:{j['line']} #{j['hash']}  judged {j['label']}" for j in t.unmatched_judgements
    ] or ["  none"]
    out.append(f"Texts left out ({len(run.skipped)})")
    out += [f"  {name}: {why}" for name, why in run.skipped] or ["  none"]
    return "\n".join(out)


def as_json(run: Run, quote: bool = False) -> dict[str, Any]:
    def pairs(items: list[Pair]) -> list[dict[str, Any]]:
        return [{k: v for k, v in vars(p).items() if quote or k != "sentence"} for p in items]

    def rows(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [
            {
                **{k: v for k, v in r.items() if quote or k != "sentence"},
                "hash": sentence_hash(str(r["sentence"])),
            }
            for r in items
        ]

    t = run.total
    caught, alarms = t.counts["errors_caught"], t.counts["false_alarms"]
    return {
        "totals": {
            **t.counts,
            "texts": len(run.texts),
            "flag_precision": round(caught / (caught + alarms), 3) if caught + alarms else None,
            "error_recall": round(caught / t.counts["judged_false"], 3) if t.counts["judged_false"] else None,
        },
        "texts": {name: s.counts for name, s in run.texts.items()},
        "false_alarms": pairs(t.false_alarms),
        "wrong_confirmed": pairs(t.wrong_confirmed),
        "confirmed_on_none": pairs(t.confirmed_on_none),
        "unmatched_rows": rows(t.unmatched_rows),
        "unmatched_judgements": t.unmatched_judgements,
        "skipped": [{"file": name, "reason": why} for name, why in run.skipped],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Score `asiapac check` on a hand-judged corpus of real texts."
    )
    parser.add_argument(
        "--texts",
        type=Path,
        default=None,
        help="directory of the texts (default: "
        "$ASIAPAC_ARTICLES, else ../articles/texts beside the repository)",
    )
    parser.add_argument(
        "--asiapac", type=Path, default=None, help="the asiapac to run (default: the one next to this Python)"
    )
    parser.add_argument("--json", action="store_true", help="print the totals and lists as JSON")
    parser.add_argument(
        "--quote",
        action="store_true",
        help="show the text of each listed sentence (never commit such output)",
    )
    args = parser.parse_args(argv)
    texts_dir = args.texts or default_texts()
    asiapac = args.asiapac or default_asiapac()
    try:
        run = measure(texts_dir, asiapac)
    except HarnessError as exc:
        print(f"check_real: {exc}", file=sys.stderr)
        return 2
    if os.environ.get("ASIAPAC_DATA"):
        print(
            f"check_real: note: ASIAPAC_DATA={os.environ['ASIAPAC_DATA']} is set; the judgements are "
            "against the bundled data/facts.yaml",
            file=sys.stderr,
        )
    if args.json:
        print(json.dumps(as_json(run, args.quote), indent=2, ensure_ascii=False))
    else:
        print(f"texts: {texts_dir}\nasiapac: {asiapac}\n")
        print(report(run, args.quote))
    return 0


if __name__ == "__main__":
    sys.exit(main())
