"""Every closed set of words the tool knows, declared once, and the one way to match a typed word.

The fact file's enumerations (event kinds, positions, verdicts, ...) and the CLI's (document
and export formats, citation styles) live here; the listings' formats live with their writers
in output/formats.py. Options are built from these tuples, the schema validates
against them, and `match` answers every typed value the same way: case-insensitive, and a typo
gets one "did you mean" in one style. Imports nothing heavy: it is on every run's path.
"""

from __future__ import annotations

from collections.abc import Callable

from asiapac_cli.errors import UsageProblem

# --- the fact file's vocabularies ---------------------------------------------------------

EVIDENCE_LEVELS = ("well-documented", "single-source", "contested", "unverified")
SOURCE_KINDS = ("primary", "secondary", "tertiary", "seed")
ACTOR_KINDS = ("country", "organisation", "person")
EVENT_KINDS = (
    "summit",
    "meeting",
    "agreement",
    "adoption",
    "statement",
    "speech",
    "visit",
    "announcement",
    "report",
    "opening",
    "sanctions",
    "aid",
)
POSITIONS = ("proposed", "supported", "opposed", "cautious", "neutral")
# Offices a person in the fact file holds over dates (`actors[].offices`): what lets `check`
# read "the Japanese prime minister in July 2024" as Fumio Kishida.
OFFICES = (
    "president",
    "prime-minister",
    "chancellor",
    "deputy-prime-minister",
    "foreign-minister",
    "defence-minister",
    "secretary-general",
)
SUPPORTING_POSITIONS = ("proposed", "supported")
# `not-known`: the partner was (or may have been) invited, and no source found says how it
# took part; the record's note says what the sources do say.
ATTENDANCE_LEVELS = ("leader", "deputy-leader", "minister", "official", "absent", "not-known")
# Attendance levels that do not make a partner an actor of the event.
NOT_ATTENDING = ("absent", "not-known")
# An ITPP's earlier states (`states:` in the fact file), before it was agreed; a listing shows
# `agreed` for the programme itself.
ITPP_STATES = ("under-negotiation",)
ITPP_AGREED = "agreed"
VERDICTS = (
    "verified",
    "verified-with-caveat",
    "imprecise",
    "wrong",
    "unverified",
    "garbled",
    "opinion",
)
# A verdict that says the seed is not simply right must say what is right instead.
VERDICTS_NEEDING_CORRECTION = ("verified-with-caveat", "imprecise", "wrong", "garbled")

# --- the CLI's vocabularies -----------------------------------------------------------------

# What `asiapac check` says of a statement.
CHECK_VERDICTS = ("confirmed", "contradicted", "contested", "unknown")

# The listings' formats are declared in output/formats.py, with their writers.
DOCUMENT_FORMATS = ("table", "text", "json", "yaml")
VALIDATE_FORMATS = ("text", "json")
EXPORT_FORMATS = ("sqlite", "json", "html")
CITE_STYLES = ("text", "bibtex")

# How a value reads on a colour terminal: what should make a reader look twice stands out.
# Colour is never the only carrier: the word itself is always printed.
STYLES = {
    "well-documented": "green",
    "verified": "green",
    "single-source": "",
    "contested": "bold yellow",
    "unverified": "bold magenta",
    "verified-with-caveat": "yellow",
    "imprecise": "yellow",
    "wrong": "bold red",
    "garbled": "red",
    "opinion": "cyan",
    "confirmed": "green",
    "contradicted": "bold red",
    "unknown": "",
    "opposed": "red",
    "cautious": "yellow",
    "proposed": "green",
    "supported": "green",
    "neutral": "",
}


def closest(typed: str, choices: list[str] | tuple[str, ...], n: int = 3) -> list[str]:
    """The choices closest in spelling to `typed` (compared case-insensitively)."""
    import difflib  # only on the error path: it costs start-up time

    by_fold = {c.casefold(): c for c in choices}
    return [by_fold[c] for c in difflib.get_close_matches(typed.casefold(), list(by_fold), n=n, cutoff=0.6)]


def did_you_mean(options: list[str]) -> str:
    """'; did you mean 'x' or 'y'?' -- the one way every message suggests -- or '' for none."""
    if not options:
        return ""
    return "; did you mean " + " or ".join(repr(o) for o in dict.fromkeys(options)) + "?"


def match(typed: str, choices: tuple[str, ...], what: str, noun: str = "value") -> str:
    """The choice `typed` names, case-insensitively; a UsageProblem (exit 2) otherwise.

    `what` names the option or argument ('--kind'), `noun` what its values are ('event kind').
    """
    folded = typed.strip().casefold()
    for choice in choices:
        if choice.casefold() == folded:
            return choice
    from asiapac_cli.safe_text import quoted

    hint = did_you_mean(closest(folded, choices))
    raise UsageProblem(f"{what}: no {noun} {quoted(typed.strip())}{hint} (one of: {', '.join(choices)})")


def match_all(typed: list[str] | None, choices: tuple[str, ...], what: str, noun: str) -> tuple[str, ...]:
    """`match` for a repeatable option; an empty tuple when it was not given."""
    return tuple(dict.fromkeys(match(t, choices, what, noun) for t in typed or []))


def completer(choices: tuple[str, ...]) -> Callable[[str], list[str]]:
    """Shell completion of a closed set: every value that starts with what was typed."""

    def complete(incomplete: str) -> list[str]:
        return [c for c in choices if c.startswith(incomplete.casefold())]

    return complete
