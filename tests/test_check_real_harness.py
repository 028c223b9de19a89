"""The scoring of benchmarks/check_real.py, on synthetic rows and judgements (no real prose)."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

REPO = Path(__file__).parent.parent


def load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("check_real", REPO / "benchmarks" / "check_real.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["check_real"] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


cr = load()


def row(line: int, sentence: str, verdict: str, correction: str | None = None) -> dict[str, Any]:
    return {
        "line": line,
        "sentence": sentence,
        "verdict": verdict,
        "correction": correction,
        "records": ["r"],
    }


def judged(line: int, sentence: str, label: str) -> dict[str, Any]:
    return {"line": line, "hash": cr.sentence_hash(sentence), "label": label, "claims": [], "records": []}


def test_hash_collapses_whitespace_and_is_16_hex_digits() -> None:
    expected = hashlib.sha256(b"Kishida went to Madrid.").hexdigest()[:16]
    assert cr.sentence_hash("Kishida went to Madrid.") == expected
    assert cr.sentence_hash("  Kishida  went\tto\n Madrid. ") == expected
    assert cr.sentence_hash("Kishida went to Vilnius.") != expected
    assert len(expected) == 16


def test_every_count_of_the_score() -> None:
    pairs = [
        (1, "A true one.", "true", "confirmed"),  # true confirmed
        (2, "A true one flagged.", "true", "contradicted"),  # false alarm
        (3, "Nothing judgeable.", "none", "contested"),  # false alarm
        (4, "A false one caught.", "false", "contradicted"),  # error caught
        (5, "A false one contested.", "false", "contested"),  # error caught
        (6, "A false one confirmed.", "false", "confirmed"),  # wrong confirmation
        (7, "A disputed one confirmed.", "disputed", "confirmed"),  # wrong confirmation
        (8, "A disputed one contested.", "disputed", "contested"),  # disputed flagged
        (9, "Nothing, confirmed.", "none", "confirmed"),  # confirmed on none
        (10, "A true one missed.", "true", "unknown"),  # nothing
        (11, "A false one missed.", "false", "unknown"),  # nothing
    ]
    rows = [row(line, s, verdict, f"fix {line}") for line, s, _, verdict in pairs]
    judgements = [judged(line, s, label) for line, s, label, _ in pairs]
    score = cr.score("t.txt", rows, judgements)
    assert score.counts == {
        "sentences": 11,
        "judged_true": 3,
        "judged_false": 4,
        "disputed": 2,
        "false_alarms": 2,
        "wrong_confirmed": 2,
        "errors_caught": 2,
        "true_confirmed": 1,
        "confirmed_on_none": 1,
        "disputed_flagged": 1,
    }
    assert [(p.line, p.correction) for p in score.false_alarms] == [(2, "fix 2"), (3, "fix 3")]
    assert [p.line for p in score.wrong_confirmed] == [6, 7]
    assert [p.line for p in score.confirmed_on_none] == [9]
    assert all(p.file == "t.txt" for p in score.false_alarms + score.wrong_confirmed)
    assert not score.unmatched_rows and not score.unmatched_judgements


def test_pairs_by_line_and_hash_not_by_order() -> None:
    rows = [row(1, "Second sentence.", "contradicted"), row(1, "First sentence.", "confirmed")]
    judgements = [judged(1, "First sentence.", "true"), judged(1, "Second sentence.", "false")]
    score = cr.score("t.txt", rows, judgements)
    assert score.counts["true_confirmed"] == 1
    assert score.counts["errors_caught"] == 1
    assert score.counts["false_alarms"] == 0


def test_unpaired_rows_and_judgements_are_listed_not_dropped() -> None:
    rows = [
        row(1, "Split differently", "contradicted"),
        row(2, "Same.", "confirmed"),
        row(3, "Moved.", "confirmed"),
    ]
    judgements = [
        judged(1, "Split differently. Here.", "true"),
        judged(2, "Same.", "true"),
        judged(4, "Moved.", "true"),
    ]
    score = cr.score("t.txt", rows, judgements)
    assert score.counts["sentences"] == 3
    assert score.counts["true_confirmed"] == 1
    assert score.counts["false_alarms"] == 0  # an unpaired row is not scored
    assert sorted(r["line"] for r in score.unmatched_rows) == [1, 3]
    assert sorted(j["line"] for j in score.unmatched_judgements) == [1, 4]


def test_several_rows_for_one_sentence_count_once_with_the_strongest_verdict() -> None:
    rows = [row(1, "One.", "confirmed"), row(1, "One.", "contradicted", "wrong year")]
    score = cr.score("t.txt", rows, [judged(1, "One.", "true")])
    assert score.counts["false_alarms"] == 1
    assert score.counts["true_confirmed"] == 0
    assert score.false_alarms[0].correction == "wrong year"
    assert not score.unmatched_rows


def test_a_repeated_sentence_on_two_lines_is_two_judgements() -> None:
    rows = [row(3, "Again.", "confirmed"), row(7, "Again.", "contradicted")]
    judgements = [judged(3, "Again.", "false"), judged(7, "Again.", "false")]
    score = cr.score("t.txt", rows, judgements)
    assert score.counts["wrong_confirmed"] == 1
    assert score.counts["errors_caught"] == 1


def test_an_unknown_label_is_a_harness_error() -> None:
    with pytest.raises(cr.HarnessError):
        cr.score("t.txt", [], [judged(1, "x", "maybe")])


def test_totals_add_up_across_texts() -> None:
    one = cr.score("a.txt", [row(1, "A.", "confirmed")], [judged(1, "A.", "true")])
    two = cr.score("b.txt", [row(1, "B.", "contradicted")], [judged(1, "B.", "none")])
    total = cr.Score()
    total.add(one)
    total.add(two)
    assert total.counts["sentences"] == 2
    assert total.counts["true_confirmed"] == 1
    assert total.counts["false_alarms"] == 1
    assert [p.file for p in total.false_alarms] == ["b.txt"]


FAKE_TOOL = """#!{python}
import json, sys
path = sys.argv[2]
rows = [{{"line": n, "sentence": s.strip(), "verdict": "contradicted" if "wrong" in s else "confirmed",
          "correction": None, "records": []}}
        for n, s in enumerate(open(path, encoding="utf-8").read().splitlines(), 1) if s.strip()]
print(json.dumps(rows))
sys.exit(3 if any(r["verdict"] == "contradicted" for r in rows) else 0)
"""


def test_measure_checks_files_and_runs_the_tool(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "good.txt").write_text(
        "A right line.\nA wrong line.\nNot wrong, not judgeable.\n", encoding="utf-8"
    )
    (texts / "changed.txt").write_text("Edited since judged.\n", encoding="utf-8")
    tool = tmp_path / "asiapac"
    tool.write_text(FAKE_TOOL.format(python=sys.executable), encoding="utf-8")
    tool.chmod(0o755)
    manifest = [
        {"file": "good.txt", "sha256": cr.file_sha256(texts / "good.txt")},
        {"file": "changed.txt", "sha256": "0" * 64},
        {"file": "missing.txt", "sha256": "0" * 64},
    ]
    judgements = {
        "good.txt": [
            judged(1, "A right line.", "true"),
            judged(2, "A wrong line.", "false"),
            judged(3, "Not wrong, not judgeable.", "none"),
        ],
        "changed.txt": [judged(1, "Edited since judged.", "true")],
        "missing.txt": [],
    }
    (tmp_path / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    (tmp_path / "judgements.json").write_text(json.dumps(judgements), encoding="utf-8")
    monkeypatch.setattr(cr, "MANIFEST", tmp_path / "manifest.json")
    monkeypatch.setattr(cr, "JUDGEMENTS", tmp_path / "judgements.json")

    run = cr.measure(texts, tool)
    assert list(run.texts) == ["good.txt"]
    assert run.total.counts["true_confirmed"] == 1
    assert run.total.counts["errors_caught"] == 1
    assert [(p.file, p.line) for p in run.total.false_alarms] == [("good.txt", 3)]
    reasons = dict(run.skipped)
    assert "differs" in reasons["changed.txt"]
    assert "missing" in reasons["missing.txt"]
    assert cr.as_json(run)["totals"]["error_recall"] == 1.0
    assert cr.as_json(run)["totals"]["flag_precision"] == 0.5
    # Sentence texts appear only when asked for: the corpus is other people's prose.
    assert "Not wrong" not in json.dumps(cr.as_json(run)) + cr.report(run)
    assert "Not wrong" in cr.report(run, quote=True)
    assert cr.as_json(run, quote=True)["false_alarms"][0]["sentence"] == "Not wrong, not judgeable."


def test_main_fails_only_when_the_harness_cannot_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cr.main(["--texts", str(tmp_path), "--asiapac", str(tmp_path / "no-such-asiapac")]) == 2
    assert "no asiapac" in capsys.readouterr().err
