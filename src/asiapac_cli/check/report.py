"""Findings -> rows: one row per sentence, with its verdict, what was read and what the base holds.

A sentence is `contradicted` when any claim it makes is, `contested` when any is, `confirmed`
only when every claim it makes is confirmed, and `unknown` otherwise (not judged). Its
correction says what was read and what the base holds instead ("Read: Albanese attended
Washington 2024. The base: ..."), never a record's text without the claim it answers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from asiapac_cli.check.claims import plain
from asiapac_cli.check.judges import Facts, Finding
from asiapac_cli.check.reading import Reading
from asiapac_cli.check.sentences import Sentence

SEVERITY = {"unknown": 0, "confirmed": 1, "contested": 2, "contradicted": 3}
JUDGED = ("confirmed", "contradicted", "contested")
COLUMNS = [
    "line",
    "sentence",
    "verdict",
    "correction",
    "records",
    "sources",
    "citations",
    "found",
    "column",
    "reading",
]


@dataclass(frozen=True)
class Judged:
    """A sentence with its reading and the findings on each of its claims."""

    sentence: Sentence
    reading: Reading
    findings: tuple[Finding, ...]

    @property
    def verdict(self) -> str:
        verdicts = {f.verdict for f in self.findings}
        for flag in ("contradicted", "contested"):
            if flag in verdicts:
                return flag
        # A statement the base records, judged as a whole, stands for the sentence's parts.
        if any(f.claim.kind == "repeats" and f.verdict == "confirmed" for f in self.findings):
            return "confirmed"
        # What is said in passing (a title: 'former President Yoon') can flag a sentence, never
        # vouch for it: the sentence is confirmed only by what it is about.
        main = {f.verdict for f in self.findings if not getattr(f.claim, "incidental", False)}
        return "confirmed" if main == {"confirmed"} else "unknown"


def row(judged: Judged, facts: Facts) -> dict[str, Any]:
    verdict = judged.verdict
    deciding = [f for f in judged.findings if f.verdict == verdict] if verdict != "unknown" else []
    records = list(dict.fromkeys(r for f in deciding for r in f.records))
    sources = sources_of(facts, records)
    return {
        "line": judged.sentence.line,
        "sentence": judged.sentence.text,
        "verdict": verdict,
        "correction": correction(judged, facts, verdict, deciding) or None,
        "records": records,
        "sources": sources,
        "citations": [citation(facts, s) for s in sources],
        "found": judged.reading.found(),
        "column": judged.sentence.column,
        "reading": [
            {**plain(f.claim), "verdict": f.verdict, "records": list(f.records), "text": f.claim.short(facts)}
            for f in judged.findings
        ],
    }


def correction(judged: Judged, facts: Facts, verdict: str, deciding: list[Finding]) -> str:
    """What was read and what the base holds, for a flagged sentence; the caveat of a confirmed one."""
    later = [f"Later reported: {f.later}" for f in judged.findings if f.later]
    if verdict == "confirmed":
        return " ".join(dict.fromkeys([f.base for f in deciding if f.base] + later))
    if verdict not in ("contradicted", "contested"):
        return " ".join(dict.fromkeys(later))
    parts = []
    for finding in deciding:
        read = finding.claim.sentence(facts)
        parts.append(f"Read: {read[0].upper()}{read[1:]}. The base: {finding.base}".rstrip())
    return " ".join(dict.fromkeys(parts + later))


def sources_of(facts: Facts, records: list[str]) -> list[str]:
    """The sources of `records`; the seed interview itself only when nothing else is cited."""
    from asiapac_cli.queries.citations import every_cited_source_id

    ids: list[str] = []
    for record_id in records:
        ids += every_cited_source_id(facts.fb.get(record_id) or {})
    ids = list(dict.fromkeys(ids))
    table = facts.fb.table("sources")
    evidence = [i for i in ids if (table.get(i) or {}).get("kind") != "seed"]
    return evidence or ids


def citation(facts: Facts, source_id: str) -> str:
    source = facts.fb.table("sources").get(source_id) or {}
    title = source.get("title", source_id)
    return f"{title} <{source['url']}>" if source.get("url") else str(title)


def reading_text(reading: list[dict[str, Any]]) -> str:
    """The `reading` column in text formats: 'France – opposed – Tokyo office (confirmed); ...'."""
    return "; ".join(f"{claim['text']} ({claim['verdict']})" for claim in reading)


def summary(rows: list[dict[str, Any]], total: int) -> str:
    """'150 sentences: 7 confirmed, 1 contradicted, 0 contested, 142 not judged'."""
    counts = {v: sum(1 for r in rows if r["verdict"] == v) for v in JUDGED}
    judged = sum(counts.values())
    noun = "sentence" if total == 1 else "sentences"
    parts = ", ".join(f"{counts[v]} {v}" for v in JUDGED)
    return f"{total} {noun}: {parts}, {total - judged} not judged"
