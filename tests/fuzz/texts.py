"""Texts for fuzzing `asiapac check`: random texts, pathological shapes, and texts written from a
fact file's own records. Every choice comes from one Random, so a seed reproduces a case.

- `random_text`: words the checker recognises (names, aliases, places, years, counts, verbs) mixed
  with punctuation, Markdown, every kind of line break and white space, invisible and bidi
  characters, stray NULs (fewer than the share that makes a text "not UTF-8"), other scripts.
- `SHAPES`: the benchmark's shapes (benchmarks/check_shapes.py, the issue's table) and more of
  the same kind, each a function of a size in bytes: where a super-linear pattern would show.
- `text_from_records`: sentences built from the records of a (mutated) fact file, so the judges
  meet its hostile values: a 5,000-character alias, a period ending at month precision.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

BENCHMARKS = Path(__file__).resolve().parent.parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))
import check_shapes  # noqa: E402

sys.path.remove(str(BENCHMARKS))

repeated = check_shapes.repeated

WORDS = [
    "Japan",
    "Korea",
    "Australia",
    "New",
    "Zealand",
    "NATO",
    "France",
    "Germany",
    "China",
    "Kishida",
    "Macron",
    "Stoltenberg",
    "Albanese",
    "Yoon",
    "Seoul",
    "Tokyo",
    "Canberra",
    "Wellington",
    "Paris",
    "Berlin",
    "Madrid",
    "Vilnius",
    "Washington",
    "Brussels",
    "Quad",
    "AUKUS",
    "Camp",
    "David",
    "ITPP",
    "ITTP",
    "IP4",
    "AP4",
    "summit",
    "office",
    "liaison",
    "programme",
    "areas",
    "partners",
    "leaders",
    "attended",
    "opposed",
    "supported",
    "joined",
    "visited",
    "signed",
    "agreed",
    "announced",
    "opened",
    "proposed",
    "cautious",
    "alliance",
    "pact",
    "in",
    "on",
    "at",
    "the",
    "a",
    "of",
    "and",
    "not",
    "never",
    "may",
    "later",
    "month",
    "year",
    "January",
    "July",
    "December",
    "2019",
    "2021",
    "2022",
    "2023",
    "2024",
    "2025",
    "2026",
    "16",
    "11",
    "12",
    "ten",
    "eleven",
    "sixteen",
    "Strategic",
    "Concept",
    "Indo-Pacific",
    "President",
    "Prime",
    "Minister",
    "Secretary",
    "General",
    "Chancellor",
]
PUNCTUATION = [".", "!", "?", ";", ":", ",", "…", "—", "--", "'", "’", '"', "(", ")", "[", "]", "...", "?!"]
MARKDOWN = [
    "\n# ",
    "\n## ",
    "\n- ",
    "\n* ",
    "\n1. ",
    "\n> ",
    "\n```\n",
    "\n~~~\n",
    "\n| a | b |\n",
    "\n---\n",
]
BREAKS = ["\n", "\n\n", "\r\n", "\r", "\f", "\v", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]
SPACES = [" ", "  ", "\t", "\xa0", "\u2002", "\u3000", "\u202f"]
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\xad", "\ufeff", "\u2060", "\u202e", "\u2066", "\u061c", "\x00"]
OTHER_SCRIPTS = ["東京", "서울", "می\u200cخواهم", "क्\u200dष", "👩\u200d💻", "e\u0301", "Ελλάδα", "שלום"]


def random_text(rng: random.Random) -> str:
    """A few hundred to a few thousand tokens of hostile prose (at most a few tens of KB)."""
    parts: list[str] = []
    for _ in range(rng.randint(1, 1500)):
        roll = rng.random()
        if roll < 0.55:
            parts.append(rng.choice(WORDS))
        elif roll < 0.7:
            parts.append(rng.choice(PUNCTUATION) * rng.choice([1, 1, 1, 2, 3, 50]))
        elif roll < 0.8:
            parts.append(rng.choice(SPACES) * rng.choice([1, 1, 2, 40]))
        elif roll < 0.87:
            parts.append(rng.choice(BREAKS))
        elif roll < 0.92:
            parts.append(rng.choice(MARKDOWN))
        elif roll < 0.97:
            parts.append(rng.choice(INVISIBLE))
        elif roll < 0.99:
            parts.append(rng.choice(OTHER_SCRIPTS))
        else:
            parts.append(rng.choice(WORDS) * rng.choice([20, 200]))  # a very long word
        if roll < 0.55 or rng.random() < 0.3:
            parts.append(" ")
    return "".join(parts)


def interleaved(separator: str) -> Callable[[int], str]:
    """Sentences with `separator` after every word: invisible characters, NULs, odd breaks."""

    def make(size: int) -> str:
        sentence = separator.join(["Japan", "attended", "the", "Madrid", "summit", "in", "2022."]) + separator
        return repeated(sentence, size)

    return make


def nested_quotes(size: int) -> str:
    lines, total, depth = [], 0, 1
    while total < size:
        line = ">" * depth + " France opposed the Tokyo office.\n"
        lines.append(line)
        total += len(line)
        depth += 1
    return "".join(lines)


# The shapes (the benchmark's), then more of the same families.
SHAPES: dict[str, Callable[[int], str]] = {
    **check_shapes.SHAPES,
    "question-run": lambda size: repeated("?", size, head="Did Japan join NATO", tail="\n"),
    "mixed-stops": lambda size: repeated("!?.", size, head="Japan ", tail="x\n"),
    "ellipsis-run": lambda size: repeated("…", size, head="Japan joined NATO", tail="\n"),
    "tab-run": lambda size: repeated("\t", size, tail="Japan joined NATO.\n"),
    "blank-lines": lambda size: repeated(
        "\n", size, head="Japan joined NATO.", tail="AUKUS was founded in 2021.\n"
    ),
    "crlf-wrapped": lambda size: repeated("Japan joined NATO in 2023.\r\n", size),
    "dash-lines": lambda size: repeated("---\n", size, tail="Japan joined NATO.\n"),
    "table-rows": lambda size: repeated(
        "| Japan | joined NATO in 2023 |\n", size, head="| a | b |\n|---|---|\n"
    ),
    "fence-lines": lambda size: repeated("```\nJapan joined NATO in 2023.\n", size),
    "nested-quotes": nested_quotes,
    "long-word": lambda size: repeated("x", size, head="Japan ", tail=".\n"),
    "zero-width-words": interleaved("\u200b "),
    "nul-after-stops": lambda size: repeated("Japan attended the Madrid summit in 2022.\x00 ", size),
    "one-sentence-per-line-no-stop": lambda size: repeated("Japan joined NATO in 2023\n", size),
    "emoji-joined": lambda size: repeated("👩\u200d💻", size, head="Japan ", tail=".\n"),
}
SIZES_KB = (8, 16, 32, 64)


def shape_case(rng: random.Random) -> tuple[str, int, str]:
    """(shape name, size in KB, the text) for one case."""
    name = rng.choice(sorted(SHAPES))
    size = rng.choice(SIZES_KB)
    return name, size, SHAPES[name](size * 1024)


# --- sentences from a fact file's records ---------------------------------------------------


def text_from_records(document: Any) -> str:
    """Sentences naming the records of `document` (a fact file as plain data, however damaged):
    their names and aliases, titles, places, dates, counts and positions, so the checker's
    recognisers and judges meet every value a mutation put there."""
    if not isinstance(document, dict):
        return ""
    lines: list[str] = []

    def records(kind: str) -> list[dict[str, Any]]:
        found = document.get(kind)
        return [r for r in found if isinstance(r, dict)][:60] if isinstance(found, list) else []

    def text(value: Any) -> str:
        return value if isinstance(value, str) else ""

    names = {}
    for actor in records("actors"):
        name = text(actor.get("name"))
        names[actor.get("id")] = name
        aliases = (
            [a for a in actor.get("aliases") or [] if isinstance(a, str)]
            if isinstance(actor.get("aliases"), list)
            else []
        )
        lines.append(
            f"{name}, also called {', '.join(aliases) or name}, attended the Vilnius summit in 2023."
        )
    for event in records("events"):
        lines.append(
            f"In {text(event.get('date'))}, {text(event.get('place'))} saw this: {text(event.get('title'))}."
        )
    for itpp in records("itpps"):
        partner = names.get(itpp.get("partner"), text(itpp.get("partner")))
        lines.append(
            f"{partner}'s ITPP has {itpp.get('areas_total')} areas, was agreed in {text(itpp.get('agreed'))} "
            f"and runs from {text(itpp.get('period_start'))} to {text(itpp.get('period_end'))}."
        )
        lines.append(
            f"{partner}'s ITPP covers {text(itpp.get('period_start'))}-{text(itpp.get('period_end'))}."
        )
    topics = {t.get("id"): text(t.get("title")) for t in records("topics")}
    for stance in records("stances"):
        actor = names.get(stance.get("actor"), "")
        lines.append(
            f"{actor} {text(stance.get('position'))} the {topics.get(stance.get('topic'), '')} "
            f"in {text(stance.get('date'))}."
        )
    for grouping in records("groupings"):
        lines.append(
            f"The {text(grouping.get('name'))} is an alliance founded in {text(grouping.get('founded'))}."
        )
    for claim in records("claims"):
        lines.append(text(claim.get("text")))
    return "\n".join(line for line in lines if line.strip()) + "\n"
