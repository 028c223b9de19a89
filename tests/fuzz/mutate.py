"""Structure-aware mutation of a fact file: the bundled one's records, damaged the way people,
generators and attackers damage YAML. Shared by the process fuzzer (fuzz_cli.py) and the
in-process hypothesis harness (test_fuzz_harness.py); every choice comes from one Random, so a
seed reproduces a case exactly.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent.parent
BUNDLED = REPO / "data" / "facts.yaml"

# Values that have broken tools like this one: YAML 1.1 booleans and nulls, dates at and past
# the edges, digits of other scripts, terminal escapes, bidi and invisible characters, markup.
HOSTILE = [
    "",
    " ",
    "~",
    "null",
    "NO",
    "yes",
    "off",
    "010",
    "0x1F",
    "1e3",
    ".inf",
    "2023-07-12",
    "9999",
    "0000",
    "0999",
    "1000",
    "2999",
    "3000",
    "2999-12-31",
    "2024-02-29",
    "2023-02-29",
    "2023-13",
    "٢٠٢٣",
    "２０２３",
    "2023-٠٧",
    "\x1b]52;c;aGVsbG8=\x07",
    "\x1b]0;title\x07",
    "\x1b[2J\x1b[31mred",
    "\x9b31m",
    "\x85",
    "\x00",
    "\x7f",
    "\u202eesrever",
    "\u061c\u2060\u2061\u2062\u2063\u2064",
    "\U000e0041\U000e007f",
    "soft\xadhyphen",
    "line\u2028sep\u2029para",
    "zero\u200bwidth\u200d",
    "\ufeffbom",
    "[bold]markup[/bold]",
    '=HYPERLINK("https://evil.example")',
    "<script>alert(1)</script>",
    "a|b\\c\t\r\n",
    '"quoted", comma; semi: colon # hash %% percent',
    "{}\\ _ ~ ^ $ & # %",
    "https://example.org/a b{c}",
    "japan",
    "tokyo-office",
    "nato",
    "x" * 5000,
]
KEYS = ["id", "date", "end", "sources", "source", "title", "name", "aliases", "actors", "kind", "partner"]


# Fields the schema reads as unquoted true/false: dumped as strings they would be quoted, and
# every case would be invalid before a mutation (tests/fuzz/test_fuzz_harness.py checks).
BOOLEAN_KEYS = ("title_descriptive", "ally", "acting")


def bundled_document() -> Any:
    """The bundled fact file as plain data that dumps back to a valid file: every scalar a
    string as the loader sees it, except the empty value (`~`) and the two counts."""
    loader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
    return typed(yaml.load(BUNDLED.read_text(encoding="utf-8"), Loader=loader))


def typed(node: Any, key: str = "") -> Any:
    if isinstance(node, dict):
        return {k: typed(v, k) for k, v in node.items()}
    if isinstance(node, list):
        return [typed(v) for v in node]
    if node in ("~", "null", ""):
        return None
    if key in ("schema_version", "areas_total") and node.isdigit():
        return int(node)
    if key in BOOLEAN_KEYS and node in ("true", "false"):
        return node == "true"
    return node


def places(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside the document (not inside deep nesting a mutation made)."""
    found = [path]
    if len(path) > 12:
        return found
    if isinstance(node, dict):
        for key, value in node.items():
            found += places(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += places(value, (*path, index))
    return found


def get(node: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        node = node[step]
    return node


def set_at(document: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    get(document, path[:-1])[path[-1]] = value
    return document


def records(document: Any, rng: random.Random) -> list[dict[str, Any]]:
    kinds = (
        [k for k, v in document.items() if isinstance(v, list) and v] if isinstance(document, dict) else []
    )
    if not kinds:
        return []
    return [r for r in document[rng.choice(kinds)] if isinstance(r, dict)]


def mutate_once(document: Any, rng: random.Random) -> Any:
    """One structural change somewhere in the document."""
    spots = places(document)
    path = rng.choice(spots)
    target = get(document, path)
    move = rng.randrange(14)
    if move == 0:  # a hostile scalar anywhere
        return set_at(document, path, rng.choice(HOSTILE))
    if move == 1:  # null, a list or a mapping where something else belongs
        return set_at(document, path, rng.choice([None, [], {}, ["a", None], {"id": None}]))
    if move == 2 and isinstance(target, dict) and target:  # a field goes missing
        del target[rng.choice(list(target))]
        return document
    if move == 3 and isinstance(target, list) and target:  # a duplicate record (duplicate id)
        import copy

        target.insert(rng.randrange(len(target) + 1), copy.deepcopy(rng.choice(target)))
        return document
    if move == 4 and isinstance(target, list) and target:  # a record goes missing (dangling refs)
        del target[rng.randrange(len(target))]
        return document
    if move == 5 and isinstance(target, dict):  # an unknown or misspelt field
        target[rng.choice(["idd", "titel", "sources ", "extra", "Date", rng.choice(KEYS)])] = rng.choice(
            HOSTILE
        )
        return document
    if move == 6:  # one record's id or reference where another kind's belongs
        pool = records(document, rng)
        if pool:
            other = rng.choice(pool).get("id")
            return set_at(document, path, other)
    if move == 7 and isinstance(target, str):  # a date-shaped edit of a string
        return set_at(
            document, path, rng.choice(["1000", "2999-12", "2999-12-31", "1000-01-01", "2023-02-30"])
        )
    if move == 8:  # deep nesting
        deep: Any = "x"
        for _ in range(rng.choice([10, 100, 1000])):
            deep = [deep] if rng.random() < 0.5 else {"k": deep}
        return set_at(document, path, deep)
    if move == 9 and isinstance(target, str):  # characters inserted into existing text
        cut = rng.randrange(len(target) + 1)
        return set_at(document, path, target[:cut] + rng.choice(HOSTILE) + target[cut:])
    if move == 10:  # a value swapped with another one of the document
        other = rng.choice(spots)
        if other and path and other[: len(path)] != path and path[: len(other)] != other:
            value = get(document, other)
            set_at(document, other, target)
            return set_at(document, path, value)
    if move == 11 and isinstance(document, dict):  # top-level fields
        key = rng.choice(["schema_version", "as_of", "events", "sources", "actors"])
        document[key] = rng.choice([None, "2", "1", rng.choice(HOSTILE), [], {}])
        return document
    if move == 12 and isinstance(target, dict):  # a citation with its quote or source damaged
        target["sources"] = rng.choice([[], [None], ["no-such-source"], [{"source": None}], "x"])
        return document
    if move == 13 and isinstance(target, str):  # a long value
        return set_at(document, path, target * rng.choice([2, 50, 500]))
    return document


# Fields of free text and of dates: changing them keeps most files valid, so the renderers,
# not only the validator, see the hostile values.
TEXT_FIELDS = {
    "title",
    "summary",
    "place",
    "quote",
    "said",
    "occasion",
    "correction",
    "note",
    "locator",
    "description",
    "translation",
    "via",
    "author",
    "publisher",
    "person",
    "nature",
    "text",
}
DATE_FIELDS = {"date", "end", "agreed", "period_start", "period_end", "founded", "signed", "as_of"}
EDGE_DATES = ["1000", "1000-01", "1000-01-01", "2999", "2999-12", "2999-12-31", "2024-02-29", "2000-02-29"]


def mutate_text(document: Any, rng: random.Random) -> Any:
    """A hostile value in a free-text field, or an edge date in a date field: usually still valid."""
    spots = [p for p in places(document) if p and isinstance(p[-1], str)]
    texts = [p for p in spots if p[-1] in TEXT_FIELDS and isinstance(get(document, p), str)]
    dates = [p for p in spots if p[-1] in DATE_FIELDS and isinstance(get(document, p), str)]
    if dates and rng.random() < 0.25:
        return set_at(document, rng.choice(dates), rng.choice(EDGE_DATES))
    aliases = [p for p in spots if p[-1] == "aliases" and isinstance(get(document, p), list)]
    if aliases and rng.random() < 0.15:  # a name people type: what `check` builds its patterns from
        get(document, rng.choice(aliases)).append(rng.choice([h for h in HOSTILE if h.strip()]))
        return document
    if not texts:
        return document
    path = rng.choice(texts)
    hostile = [h for h in HOSTILE if h.strip()]
    value = "".join(rng.choice(hostile) for _ in range(rng.randint(1, 3)))
    if rng.random() < 0.5:
        value = get(document, path) + value
    return set_at(document, path, value)


class Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Writes shared values in full: the fact file refuses anchors and aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump(document: Any) -> str:
    return yaml.dump(document, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=10**6)


def text_mutation(text: str, rng: random.Random) -> str:
    """A change below the structure: the bytes of the YAML itself."""
    lines = text.split("\n")
    move = rng.randrange(7)
    at = rng.randrange(len(lines))
    if move == 0:  # truncation
        return text[: rng.randrange(len(text) + 1)]
    if move == 1:  # a tab in the indentation
        lines[at] = "\t" + lines[at]
    elif move == 2:  # anchors, aliases and tags, which the loader refuses
        lines[at] = lines[at] + rng.choice([" &a", " *a", " !!python/object:os.system", " !!binary"])
    elif move == 3:  # a duplicated line (often a duplicate key)
        lines.insert(at, lines[at])
    elif move == 4:  # a line moved elsewhere
        lines.insert(rng.randrange(len(lines)), lines.pop(at))
    elif move == 5:  # a character flipped
        if lines[at]:
            i = rng.randrange(len(lines[at]))
            lines[at] = lines[at][:i] + chr(ord(lines[at][i]) ^ (1 << rng.randrange(7))) + lines[at][i + 1 :]
    else:  # a document marker, a BOM or a flow collection left open
        lines[at] = rng.choice(["---", "...", "\ufeff" + lines[at], lines[at] + " [", lines[at] + " {"])
    return "\n".join(lines)


def mutated(base: Any, rng: random.Random, intensity: int = 3) -> str:
    """A fact file's text: the base document with a few structural changes, sometimes a textual one."""
    import copy

    document = copy.deepcopy(base)
    preserving = rng.random() < 0.5  # half the cases stay (mostly) valid, for the renderers
    for _ in range(rng.randint(1, intensity)):
        document = mutate_text(document, rng) if preserving else mutate_once(document, rng)
    try:
        text = dump(document)
    except RecursionError:
        text = BUNDLED.read_text(encoding="utf-8")
    if not preserving and rng.random() < 0.2:
        text = text_mutation(text, rng)
    return text
