"""The seed interview's statements the fact file records (`claims`), found again in a text by
their content words and word pairs, so a sentence that repeats one is judged with the
recorded verdict and correction. An inverted index keeps this a constant cost per sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from asiapac_cli.check.lexicon import STOPWORDS
from asiapac_cli.facts.base import FactBase

WORD = re.compile(r"[A-Za-zÀ-ÿ0-9]+(?:['’][A-Za-z]+)?")


def content_words(text: str, spellings: dict[str, str]) -> list[str]:
    """The words of `text` that carry content, in order, lightly normalised."""
    words = []
    for raw in WORD.findall(text.casefold().replace("’", "'")):
        word = raw.split("'")[0]
        word = spellings.get(word, word)
        if word in STOPWORDS or len(word) < 2:
            continue
        if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        words.append(word)
    return words


@dataclass
class RecordedStatements:
    statements: list[tuple[str, frozenset[str], frozenset[tuple[str, str]]]] = field(default_factory=list)
    index: dict[str, list[int]] = field(default_factory=dict)
    spellings: dict[str, str] = field(default_factory=dict)

    @classmethod
    def build(cls, fb: FactBase) -> RecordedStatements:
        built = cls()
        # A misspelling written as one word reads as the name it misspells ("ITTP" as "itpp").
        for table in ("topics", "groupings", "actors"):
            for record in fb.table(table).values():
                short = (record.get("aliases") or [record.get("title") or record.get("name") or ""])[0]
                for wrong in record.get("misspellings") or []:
                    if " " not in wrong and " " not in short:
                        built.spellings[wrong.casefold()] = short.casefold()
        for claim in fb.table("claims").values():
            if claim["verdict"] == "opinion":
                continue
            sequence = content_words(claim["text"], built.spellings)
            words = frozenset(sequence)
            if len(words) < 4:
                continue
            for word in words:
                built.index.setdefault(word, []).append(len(built.statements))
            built.statements.append(
                (claim["id"], words, frozenset(zip(sequence, sequence[1:], strict=False)))
            )
        return built

    def repeated(self, text: str) -> list[str]:
        """Ids of the recorded statements `text` repeats, in their words or close to them.

        A statement matches when most of its content words and word pairs are in the sentence,
        or when the sentence is most of a longer statement (one may span two sentences).
        """
        sequence = content_words(text, self.spellings)
        words = frozenset(sequence)
        if len(words) < 4:
            return []
        pairs = frozenset(zip(sequence, sequence[1:], strict=False))
        hits: dict[int, int] = {}
        for word in words:
            for index in self.index.get(word, ()):
                hits[index] = hits.get(index, 0) + 1
        found = []
        for index, shared in hits.items():
            claim, claim_words, claim_pairs = self.statements[index]
            if shared < 4:
                continue
            common = len(pairs & claim_pairs)
            covers = shared / len(claim_words) >= 0.7 and common / max(len(claim_pairs), 1) >= 0.4
            inside = (
                len(words) >= 6
                and len(words) >= 0.4 * len(claim_words)
                and shared / len(words) >= 0.85
                and common / max(len(pairs), 1) >= 0.75
            )
            if covers or inside:
                found.append(claim)
        return found
