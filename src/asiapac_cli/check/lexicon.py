"""Words about English, declared once: months, numbers, negation, modality, reporting, and the
verbs and nouns that carry the kinds of claim `check` reads.

Words about the world (capitals, demonyms, offices, aliases, topic phrases, misspellings) live
in the fact file, never here. Every regular expression over these words is built from these
tables by `words`, so a word is added in one place. The patterns are linear by construction:
alternations of literal words between word boundaries, with no nested or adjacent unbounded
quantifiers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def words(forms: Iterable[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """A pattern matching any of `forms` as whole words (a space in a form matches 1-3 spaces)."""
    alternatives = sorted({f.strip() for f in forms if f.strip()}, key=len, reverse=True)
    body = "|".join(re.escape(a).replace(r"\ ", r"\s{1,3}") for a in alternatives)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", flags)


# --- calendar ---------------------------------------------------------------------------------

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
MONTH_ABBREVIATIONS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9}
MONTH_ABBREVIATIONS.update({"sept": 9, "oct": 10, "nov": 11, "dec": 12})
MONTHS = {name.casefold(): number for number, name in enumerate(MONTH_NAMES, start=1)}
MONTHS.update(MONTH_ABBREVIATIONS)
# A regular-expression group for a month name, full or abbreviated ("Jan." too).
MONTH = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"

NUMBERS = {
    word: value
    for value, word in enumerate(
        (
            *("zero one two three four five six seven eight nine ten".split()),  # noqa: SIM905
            *("eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty".split()),  # noqa: SIM905
        )
    )
}
NUMBER = r"(?:\d{1,3}|" + "|".join(sorted(NUMBERS, key=len, reverse=True)) + ")"
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7}
TIME_UNITS = ("day", "week", "month", "year")
# How far either way a relative date may land ("a month later"): writers round.
UNIT_SLACK_DAYS = {"day": 0, "week": 2, "month": 10, "year": 60}


def number_value(word: str) -> int | None:
    """'16' -> 16, 'sixteen' -> 16, 'a' -> 1; None for anything else."""
    folded = word.casefold()
    if folded.isdigit():
        return int(folded)
    if folded in ("a", "an"):
        return 1
    return NUMBERS.get(folded)


# --- what makes a sentence assert nothing, or assert it only of someone else -------------------

NEGATIONS = ("not", "never", "no", "nor", "neither", "cannot", "without", "n't", "n’t")
NEGATION = re.compile(r"(?<![\w-])(?:not|never|no|nor|neither|cannot|without)(?![\w-])|n['’]t\b", re.I)
MODALS = ("may", "might", "could", "would", "should", "will", "shall", "can", "must")
# Case-sensitive: "May 2012" is a month; a modal is written in lower case, or capitalised at the
# head of a sentence (and a sentence opening with "May" is rarer than one opening with the month).
MODAL = words((*MODALS, *(m.capitalize() for m in MODALS if m != "may")), flags=0)
# Verbs of intention and talk: what follows is planned or discussed, not done.
INTENTIONS = (
    "plan",
    "plans",
    "planned",
    "planning",
    "aim",
    "aims",
    "aimed",
    "intend",
    "intends",
    "intended",
    "hope",
    "hopes",
    "hoped",
    "want",
    "wants",
    "wanted",
    "seek",
    "seeks",
    "sought",
    "consider",
    "considers",
    "considered",
    "considering",
    "propose",
    "proposes",
    "proposed",
    "proposal",
    "proposals",
    "discuss",
    "discussed",
    "discussing",
    "discussion",
    "discussions",
    "talks",
    "idea",
    "push",
    "pushed",
    "bid",
    "attempt",
    "attempted",
    "try",
    "tried",
    "expected",
    "set to",
    "due to",
    "to be",
    "whether",
    "if",
    "would",
    "could",
    "may",
    "might",
    "will",
)
INTENTION = words((*INTENTIONS, *(w.capitalize() for w in INTENTIONS if w != "may")), flags=0)
# Words that put an event in the writer's future ("the upcoming summit", "scheduled for July").
FUTURE = words(
    ("upcoming", "forthcoming", "scheduled", "slated", "set to", "due to", "expected to", "planned for")
)
# Words that say the writer is not vouching for what follows.
HEDGES = ("reportedly", "allegedly", "apparently", "purportedly", "rumoured", "rumored", "speculation")
HEDGE = words(HEDGES)
# Frames under which the clause that follows is someone's report the writer does not assert.
DOUBTING_FRAMES = (
    "denied",
    "denies",
    "deny",
    "refused to comment on",
    "refused to comment",
    "declined to comment on",
    "declined to comment",
    "would not comment on",
    "did not comment on",
    "dismissed",
    "dismisses",
    "rejected reports",
    "claimed",
    "claims",
    "alleged",
    "alleges",
    "speculated",
    "rumours",
    "rumors",
    "reports that",
    "a report that",
    "reports of",
    "whether",
    "if",
    "questioned",
    "doubted",
    "unclear",
    "unconfirmed",
)
DOUBTING = words(DOUBTING_FRAMES)
# Reporting verbs that pass on what the writer asserts ("Reuters reported that ...").
REPORTING = (
    "said",
    "says",
    "say",
    "reported",
    "reports",
    "announced",
    "announces",
    "confirmed",
    "confirms",
    "stated",
    "states",
    "noted",
    "notes",
    "told",
    "tells",
    "according to",
    "added",
    "explained",
    "recalled",
    "wrote",
    "writes",
)
REPORTING_VERB = words(REPORTING)
# A sentence that quotes a statement in order to call it wrong asserts the opposite.
CORRECTING = re.compile(
    r"(?<![\w-])(?:is|are|was|were)\s{1,3}(?:an?\s{1,3})?(?:wrong|incorrect|false|garbled|mistaken|inaccurate)\b|"
    r"\bshould\s{1,3}read\b|\bmistranslat|\bin\s{1,3}error\b|\bmisstate",
    re.I,
)
# Words that describe how something is seen, not what it is ("often described as an alliance").
DESCRIBED_AS = words(
    (
        "described as",
        "dubbed",
        "called",
        "likened to",
        "labelled",
        "labeled",
        "seen as",
        "viewed as",
        "branded",
    )
)

# --- quantities over records ------------------------------------------------------------------

# "every summit since Madrid", "each of the four partners", "all four".
EVERY = words(("every", "each", "all", "both"))
FIRST = words(("first", "first-ever", "for the first time", "debut", "maiden", "inaugural"))
ONLY = words(("only", "sole", "alone", "solely", "just one"))
REPEAT = words(
    ("again", "second", "third", "fourth", "fifth", "once more", "consecutive", "running", "in a row")
)
# Before a title: the person held the office and no longer does ("former President Yoon",
# "ex-Prime Minister Abe"). The pattern ends the text before the title (and its country).
FORMER = re.compile(r"(?<![\w-])(?:former|ex-?)\s{0,3}$", re.I)
PREVIOUS = words(("previous", "past", "last", "preceding", "prior"))

# --- the kinds of claim ------------------------------------------------------------------------

ATTEND_VERBS = (
    "attend",
    "attends",
    "attended",
    "attending",
    "took part in",
    "take part in",
    "takes part in",
    "taking part in",
    "participated in",
    "participates in",
    "participate in",
    "participating in",
    "joined",
    "was at",
    "were at",
    "came to",
    "went to",
    "travelled to",
    "traveled to",
    "travelled for",
    "traveled for",
    "flew to",
    "headed to",
    "was present at",
    "were present at",
    "made the trip to",
    "represented",
    "represents",
    "represent",
    "led the delegation to",
    "led his country's delegation to",
    "led her country's delegation to",
)
ATTEND = words(ATTEND_VERBS)
SENT_VERBS = (
    "sent",
    "sends",
    "send",
    "dispatched",
    "was represented by",
    "were represented by",
    "is represented by",
)
SENT = words(SENT_VERBS)
# Words that say someone did not go after all.
STAYED_AWAY = words(
    (
        "skipped",
        "skip",
        "skips",
        "cancelled",
        "canceled",
        "cancels",
        "called off",
        "pulled out",
        "withdrew",
        "declined",
        "stayed away",
        "absent",
        "missed",
        "snubbed",
        "shunned",
    )
)
# "represented by Marles rather than Albanese": the second person did not attend.
INSTEAD = re.compile(
    r"(?:rather\s{1,3}than|instead\s{1,3}of|in\s{1,3}place\s{1,3}of|replacing|standing\s{1,3}in\s{1,3}for|"
    r"not|nor|unlike|except|apart\s{1,3}from|other\s{1,3}than)\s{1,3}$",
    re.I,
)
VISIT = words(
    (
        "visit",
        "visited",
        "visits",
        "visiting",
        "trip to",
        "travelled to",
        "traveled to",
        "toured",
        "went to",
        "arrived in",
        "arrives in",
        "landed in",
        "was in",
        "were in",
    )
)
AGREE = words(
    (
        "agreed",
        "agree",
        "agrees",
        "signed",
        "signs",
        "sign",
        "adopted",
        "adopts",
        "concluded",
        "finalised",
        "finalized",
        "endorsed",
        "approved",
        "launched",
        "unveiled",
    )
)
ADOPT = words(("adopted", "adopts", "adoption", "approved", "approves", "endorsed", "agreed", "unveiled"))
OPENED = words(
    (
        "opened",
        "opens",
        "inaugurated",
        "inaugurates",
        "set up",
        "sets up",
        "established",
        "establishes",
        "launched",
        "has an office",
        "have an office",
        "had an office",
        "now has",
        "houses",
        "hosts",
    )
)
FOUNDED = words(
    ("founded", "formed", "created", "established", "announced", "set up", "launched", "unveiled")
)
REVIVED = words(("revived", "revival", "relaunched", "resurrected"))
MEMBERSHIP = words(
    (
        "made up of",
        "comprising",
        "comprises",
        "composed of",
        "consisting of",
        "consists of",
        "brings together",
        "bringing together",
        "grouping of",
        "members are",
        "members",
        "including",
        "includes",
        "between",
        "among",
        "of",
        "linking",
        "links",
        "with",
    )
)
# Nouns a grouping may be called: the kinds the fact file's `nature` can deny.
KIND_NOUNS = ("alliance", "pact", "treaty", "bloc", "organisation", "organization", "coalition")

# Position on a topic, as a verb whose object is the topic, or as a noun ("France's opposition to").
POSITION_VERBS = {
    "opposed": (
        "opposed",
        "opposes",
        "oppose",
        "opposing",
        "rejected",
        "rejects",
        "reject",
        "objected to",
        "objects to",
        "object to",
        "objected",
        "balked at",
        "balked",
        "resisted",
        "resists",
        "blocked",
        "blocks",
        "block",
        "vetoed",
        "vetoes",
        "veto",
        "criticised",
        "criticized",
        "criticises",
        "criticizes",
        "condemned",
        "condemns",
        "denounced",
        "denounces",
        "torpedoed",
        "scuppered",
        "nixed",
        "pushed back on",
        "pushed back against",
        "spoke out against",
        "came out against",
        "was against",
        "were against",
        "is against",
        "are against",
        "sided against",
        "warned against",
    ),
    "cautious": (
        "voiced reservations about",
        "voiced reservations",
        "expressed reservations",
        "had reservations",
        "voiced reservations over",
        "expressed reservations about",
        "had reservations about",
        "was cautious about",
        "were cautious about",
        "is cautious about",
        "was wary of",
        "were wary of",
        "was hesitant about",
        "were hesitant about",
        "was sceptical of",
        "was skeptical of",
        "was sceptical about",
        "was skeptical about",
        "asked for more time on",
    ),
    "supported": (
        "supported",
        "supports",
        "support",
        "backed",
        "backs",
        "back",
        "favoured",
        "favored",
        "favours",
        "favors",
        "welcomed",
        "welcomes",
        "endorsed",
        "endorses",
        "championed",
        "champions",
        "lobbied for",
        "pushed for",
        "pressed for",
        "was in favour of",
        "was in favor of",
        "were in favour of",
        "were in favor of",
    ),
    "proposed": (
        "proposed",
        "proposes",
        "suggested",
        "suggests",
        "floated",
        "floats",
        "initiated",
        "put forward",
        "puts forward",
        "came up with",
        "pitched",
    ),
}
POSITION_NOUNS = {
    "opposed": (
        "opposition",
        "objection",
        "objections",
        "resistance",
        "veto",
        "rejection",
        "criticism",
        "hostility",
    ),
    "cautious": (
        "reservations",
        "caution",
        "hesitancy",
        "hesitation",
        "scepticism",
        "skepticism",
        "wariness",
    ),
    "supported": ("support", "backing", "endorsement", "welcome", "lobbying"),
    "proposed": ("proposal", "suggestion", "initiative", "idea", "plan"),
}
# Position words in a sense that is not a stance ("amid fears of action against Taiwan").
POSITION_VERB = {position: words(forms) for position, forms in POSITION_VERBS.items()}
POSITION_NOUN = {position: words(forms) for position, forms in POSITION_NOUNS.items()}
# What may stand between a position verb and the topic it governs: determiners, possessives,
# and the words for a plan ("NATO's plan to open an office in Tokyo").
OBJECT_FILLER = words(
    (
        "the",
        "a",
        "an",
        "its",
        "their",
        "his",
        "her",
        "this",
        "that",
        "any",
        "plan",
        "plans",
        "planned",
        "proposal",
        "proposed",
        "idea",
        "move",
        "push",
        "bid",
        "project",
        "initiative",
        "effort",
        "efforts",
        "suggestion",
        "prospect",
        "for",
        "of",
        "to",
        "open",
        "opening",
        "set up",
        "setting up",
        "establish",
        "establishing",
        "create",
        "creating",
        "new",
        "first",
        "small",
        "so-called",
        "nato's",
        "nato’s",
        "alliance's",
        "alliance’s",
        "organisation's",
        "organization's",
        "in",
        "on",
        "about",
        "over",
        "against",
        "by",
        "from",
    )
)

# Who a country sent, as writers name it: the fact file's attendance levels.
LEVEL_WORDS = {
    "deputy prime minister": "deputy-leader",
    "deputy leader": "deputy-leader",
    "deputy pm": "deputy-leader",
    "foreign minister": "minister",
    "defence minister": "minister",
    "defense minister": "minister",
    "minister": "minister",
    "ministers": "minister",
    "state minister": "official",
    "vice minister": "official",
    "vice-minister": "official",
    "ambassador": "official",
    "ambassadors": "official",
    "envoy": "official",
    "official": "official",
    "officials": "official",
    "national security adviser": "official",
    "national security advisor": "official",
    "prime minister": "leader",
    "prime ministers": "leader",
    "president": "leader",
    "presidents": "leader",
    "leader": "leader",
    "leaders": "leader",
    "head of state": "leader",
    "head of government": "leader",
    "heads of state": "leader",
    "heads of government": "leader",
}
LEVEL = words(LEVEL_WORDS)
# Offices as writers name them -> the fact file's office names.
OFFICE_WORDS = {
    "prime minister": "prime-minister",
    "premier": "prime-minister",
    "pm": "prime-minister",
    "president": "president",
    "chancellor": "chancellor",
    "deputy prime minister": "deputy-prime-minister",
    "foreign minister": "foreign-minister",
    "foreign affairs minister": "foreign-minister",
    "minister of foreign affairs": "foreign-minister",
    "minister for foreign affairs": "foreign-minister",
    "secretary of state": "foreign-minister",
    "defence minister": "defence-minister",
    "defense minister": "defence-minister",
    "minister of defence": "defence-minister",
    "minister of defense": "defence-minister",
    "minister for defence": "defence-minister",
    "secretary of defense": "defence-minister",
    "secretary general": "secretary-general",
    "secretary-general": "secretary-general",
}
# An office's attendance level when its holder goes to a summit.
OFFICE_LEVEL = {
    "prime-minister": "leader",
    "president": "leader",
    "chancellor": "leader",
    "deputy-prime-minister": "deputy-leader",
    "foreign-minister": "minister",
    "defence-minister": "minister",
}

# --- the sentence splitter ----------------------------------------------------------------------

# Words that end with a full stop without ending a sentence (compared case-insensitively,
# without the stop). Single letters (initials, "U.S." pieces) are handled separately.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof assoc asst st sr jr gen lt col maj capt cdr adm sgt gov sen rep pres
    amb hon rev vol vols pp pg fig approx ca cf vs al e.g i.e no nos
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri sat sun
    inc ltd corp dept univ
    u.s u.k u.n e.u u.s.a
    """.split()  # noqa: SIM905
)
# After these a following capital letter still does not start a sentence ("Dr. Smith").
TITLES = frozenset(
    "mr mrs ms dr prof assoc asst st gen lt col maj capt cdr adm sgt gov sen rep amb hon rev no".split()  # noqa: SIM905
)

# --- words that carry no content, for matching the seed's recorded claims -----------------------

STOPWORDS = frozenset(
    """a an the and or of to in on at by for with from as is are was were be been being has have had
    this that these those it its their his her our we they he she them which who whom whose what
    there here than then so such also very more most into over under about between during
    not no nor but if while both each all any some own same other only just can will would should
    could may might must do does did s""".split()  # noqa: SIM905
)
# Family names that are also common English words: never read alone as a person.
ENGLISH_WORDS = frozenset("key park rice may bush brown young long king hill wood little".split())  # noqa: SIM905
