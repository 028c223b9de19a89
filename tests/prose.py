"""True sentences written from the fact base's records, and the same with one fact changed.

Used by tests/test_check.py (precision and recall of `asiapac check`) and by
benchmarks/check_speed.py. Each `Pair` holds a true sentence, a false one that differs in one
fact (a date moved, a count altered, an actor or position swapped), the record both are about,
and that record's evidence level. Only changes the fact base can refute are made: a visit is
moved within its year (the base does not list every visit), an actor is swapped only for one
the base says something else about.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

MONTHS = "January February March April May June July August September October November December".split()  # noqa: SIM905
NUMBER_WORDS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty".split()  # noqa: E501, SIM905
POSITION_VERBS = {
    "opposed": "opposed",
    "supported": "supported",
    "proposed": "proposed",
    "cautious": "was cautious about",
}
FLIPPED = {"opposed": "supported", "supported": "opposed", "proposed": "opposed", "cautious": "supported"}
SENT = {
    "leader": "its leader",
    "deputy-leader": "its deputy prime minister",
    "minister": "a minister",
    "official": "an official",
}
TOPIC_PHRASES = {"tokyo-office": "a NATO liaison office in Tokyo"}


@dataclass(frozen=True)
class Pair:
    kind: str
    record: str
    evidence: str
    true: str
    false: str


# A way to write a date: (ISO start, ISO end or None) -> text. `precise` ones keep the day or
# month, so a date moved within its year stays refutable.
DateStyle = Callable[[str, "str | None"], str]


def day_month_year(start: str, end: str | None = None) -> str:
    a = dt.date.fromisoformat(start)
    if not end or end == start:
        return f"{a.day} {MONTHS[a.month - 1]} {a.year}"
    b = dt.date.fromisoformat(end)
    if a.month == b.month:
        return f"{a.day}–{b.day} {MONTHS[a.month - 1]} {a.year}"
    return f"{a.day} {MONTHS[a.month - 1]} – {b.day} {MONTHS[b.month - 1]} {b.year}"


def month_day_year(start: str, end: str | None = None) -> str:
    a = dt.date.fromisoformat(start)
    if not end or end == start:
        return f"{MONTHS[a.month - 1]} {a.day}, {a.year}"
    b = dt.date.fromisoformat(end)
    if a.month == b.month:
        return f"{MONTHS[a.month - 1]} {a.day}-{b.day}, {a.year}"
    return f"{MONTHS[a.month - 1]} {a.day} - {MONTHS[b.month - 1]} {b.day}, {b.year}"


def month_year(start: str, end: str | None = None) -> str:
    a = dt.date.fromisoformat(start)
    return f"{MONTHS[a.month - 1]} {a.year}"


def iso(start: str, end: str | None = None) -> str:
    return start


PRECISE_STYLES: list[DateStyle] = [day_month_year, month_day_year, month_year, iso]


def full(date: str) -> str | None:
    """A full ISO day, or None for a date known only to the month or year."""
    return date if len(date) == 10 else None


def moved_within_year(start: str, end: str | None, months: int = 4) -> tuple[str, str | None]:
    """The same dates `months` later (or earlier, to stay in the same year)."""
    a = dt.date.fromisoformat(start)
    shift = months if a.month + months <= 12 else -months

    def move(value: str) -> str:
        d = dt.date.fromisoformat(value)
        month = d.month + shift
        return dt.date(d.year, month, min(d.day, 28)).isoformat()

    return move(start), move(end) if end else None


def count_text(n: int, words: bool) -> str:
    return NUMBER_WORDS[n] if words and n < len(NUMBER_WORDS) else str(n)


def place_of(event: dict[str, Any]) -> str:
    return str(event["place"]).split("(")[0].split(",")[0].strip()


def pairs(
    fb: Any, style: DateStyle = day_month_year, words: bool = False, delta: int = 2, months: int = 4
) -> list[Pair]:
    """Every pair the records support: dates in `style` (moved by `months` within their year in
    the changed sentence), counts as words or digits (altered by `delta`)."""
    actors = fb.table("actors")
    by_name = {a["name"]: aid for aid, a in actors.items()}
    found: list[Pair] = []
    events = list(fb.events)

    for event in events:
        start, end = full(event["date"]), full(event.get("end") or event["date"])
        if event["kind"] == "summit" and "nato" in (event.get("actors") or []) and start:
            place = place_of(event)
            if place.casefold() in ("video conference", "virtual"):
                continue  # a meeting held online has no place to name it by
            several = (
                sum(1 for e in events if e["kind"] == "summit" and e.get("place") and place_of(e) == place)
                > 1
            )
            moved = moved_within_year(start, end, months)
            if not several:  # "the Brussels summit" names none of the four held there
                found.append(
                    Pair(
                        "summit-date",
                        event["id"],
                        event["evidence"],
                        f"NATO leaders met at the {place} summit on {style(start, end)}.",
                        f"NATO leaders met at the {place} summit on {style(*moved)}.",
                    )
                )
            # Someone else from the same country who attended another summit instead.
            elsewhere = {
                (a["actor"], a["person"])
                for e in events
                for a in e.get("attendance") or []
                if a.get("person") in by_name and e["id"] != event["id"]
            }
            if (
                sum(1 for e in events if e["kind"] == "summit" and e.get("place") and place_of(e) == place)
                > 1
            ):
                continue  # Brussels hosted several: "the Brussels summit" is not one of them
            for entry in event.get("attendance") or []:
                if entry["level"] in SENT:
                    country = actors[entry["actor"]]["name"]
                    summit = f"the {place.removeprefix('The ')} summit"  # "the 2018 Brussels summit"
                    changed = "foreign minister" if entry["level"] == "leader" else "prime minister"
                    found.append(
                        Pair(
                            "attendance-level",
                            event["id"],
                            event["evidence"],
                            f"{country} sent {SENT[entry['level']]} to {summit}.",
                            f"{country} sent its {changed} to {summit}.",
                        )
                    )
                if entry["level"] == "absent" or entry.get("person") not in by_name:
                    continue
                others = sorted(p for c, p in elsewhere if c == entry["actor"] and p != entry["person"])
                if not others:
                    continue
                found.append(
                    Pair(
                        "attendance",
                        event["id"],
                        event["evidence"],
                        f"{entry['person']} attended the {place.removeprefix('The ')} summit.",
                        f"{others[0]} attended the {place.removeprefix('The ')} summit.",
                    )
                )
        if event["kind"] == "visit" and start:
            people = [a for a in event["actors"] if actors[a]["kind"] == "person"]
            visitor = people[0]
            home = actors[visitor].get("country")
            places = [a for a in event["actors"] if actors[a]["kind"] == "country" and a != home]
            for place in places:
                name, country = actors[visitor]["name"], actors[place]["name"]
                found.append(
                    Pair(
                        "visit-date",
                        event["id"],
                        event["evidence"],
                        f"{name} visited {country} on {style(start, end)}.",
                        f"{name} visited {country} on {style(*moved_within_year(start, end, months))}.",
                    )
                )
                # The same dates, another country the base has this person visit that year.
                for other in events:
                    if (
                        other["kind"] == "visit"
                        and other["id"] != event["id"]
                        and visitor in other["actors"]
                        and other["date"][:4] == event["date"][:4]
                    ):
                        elsewhere = [
                            a for a in other["actors"] if actors[a]["kind"] == "country" and a != home
                        ]
                        for swap in elsewhere:
                            # At month precision both visits fall in the same month: still true.
                            if swap != place and style is not month_year:
                                found.append(
                                    Pair(
                                        "visit-place",
                                        event["id"],
                                        event["evidence"],
                                        f"{name} visited {country} on {style(start, end)}.",
                                        f"{name} visited {actors[swap]['name']} on {style(start, end)}.",
                                    )
                                )
        if event["kind"] in ("adoption", "opening") and start and event.get("topics"):
            moved_year = f"{int(start[:4]) - 1}{start[4:]}"
            verb = "adopted" if event["kind"] == "adoption" else "opened"
            if event["kind"] == "adoption" and "strategic-concept-2022" in event["topics"]:
                text = "NATO adopted its Strategic Concept on {}."
            elif event["kind"] == "opening" and "missions-to-nato" in event["topics"]:
                owner = next(a for a in event["actors"] if a != "nato" and actors[a]["kind"] == "country")
                text = f"{actors[owner]['name']} {verb} its mission to NATO on {{}}."
            else:
                continue
            found.append(
                Pair(
                    "event-date",
                    event["id"],
                    event["evidence"],
                    text.format(style(start)),
                    text.format(style(moved_year)),
                )
            )

    for itpp in fb.table("itpps").values():
        partner = actors[itpp["partner"]]["name"]
        total = itpp.get("areas_total")
        if total:
            found.append(
                Pair(
                    "itpp-areas",
                    itpp["id"],
                    itpp["evidence"],
                    f"{partner}'s ITPP has {count_text(total, words)} areas of cooperation.",
                    f"{partner}'s ITPP has {count_text(total + delta, words)} areas of cooperation.",
                )
            )
        agreed = itpp.get("agreed")
        if agreed and len(agreed) == 10:
            found.append(
                Pair(
                    "itpp-agreed",
                    itpp["id"],
                    itpp["evidence"],
                    f"{partner} and NATO agreed their ITPP on {style(agreed)}.",
                    f"{partner} and NATO agreed their ITPP on {style(moved_within_year(agreed, None, months)[0])}.",
                )
            )
        if itpp.get("period_start") and itpp.get("period_end"):
            a, b = int(itpp["period_start"]), int(itpp["period_end"])
            found.append(
                Pair(
                    "itpp-period",
                    itpp["id"],
                    itpp["evidence"],
                    f"{partner}'s ITPP covers {a}–{b}.",
                    f"{partner}'s ITPP covers {a + 1}–{b + 1}.",
                )
            )

    for stance in fb.table("stances").values():
        phrase = TOPIC_PHRASES.get(stance["topic"])
        if phrase is None or stance["position"] not in POSITION_VERBS:
            continue
        name = actors[stance["actor"]]["name"]
        found.append(
            Pair(
                "stance",
                stance["id"],
                stance["evidence"],
                f"{name} {POSITION_VERBS[stance['position']]} {phrase}.",
                f"{name} {POSITION_VERBS[FLIPPED[stance['position']]]} {phrase}.",
            )
        )

    countries = [aid for aid, a in actors.items() if a["kind"] == "country"]
    for grouping in fb.table("groupings").values():
        members = list(grouping["members"])
        outsider = next(c for c in countries if c not in members)
        alias = (grouping.get("aliases") or [grouping["name"]])[0]

        def listed(ids: list[str]) -> str:
            names = [actors[i]["name"] for i in ids]
            return ", ".join(names[:-1]) + " and " + names[-1]

        found.append(
            Pair(
                "grouping-members",
                grouping["id"],
                grouping["evidence"],
                f"{alias} brings together {listed(members)}.",
                f"{alias} brings together {listed([outsider, *members[1:]])}.",
            )
        )
        founded = grouping.get("founded")
        if founded:
            moved = f"{int(founded[:4]) + 2}{founded[4:]}"
            when = style(founded) if len(founded) == 10 else founded
            later = style(moved) if len(founded) == 10 else moved
            found.append(
                Pair(
                    "grouping-founded",
                    grouping["id"],
                    grouping["evidence"],
                    f"{alias} was founded in {when}."
                    if len(founded) == 4
                    else f"{alias} was founded on {when}.",
                    f"{alias} was founded in {later}."
                    if len(founded) == 4
                    else f"{alias} was founded on {later}.",
                )
            )
    return found
