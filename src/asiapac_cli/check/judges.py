"""Each kind of claim judged against the records: one function per claim type, in a table.

A judge says `confirmed` only when the record matches the whole claim (the exact dates of a
range, the person and the level, "first" and "running" over every summit they cover),
`contradicted` only when the record it compares with is the one the claim must mean and the
two cannot both be true, `contested` when the record itself is contested or unverified, and
`unknown` otherwise. Its `base` text says what the fact base holds, for the correction.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from asiapac_cli import vocab
from asiapac_cli.check.claims import (
    Agreed,
    Attended,
    AttendedTogether,
    Claim,
    Dated,
    FormerTitle,
    HasAreas,
    IsA,
    Members,
    Opened,
    Period,
    Position,
    Repeats,
    Visited,
)
from asiapac_cli.check.dates import bounds, say, say_when
from asiapac_cli.check.gazetteer import Gazetteer, Tenure
from asiapac_cli.facts.model import Record

LEVEL_TEXT = {
    "leader": "its leader",
    "deputy-leader": "its deputy leader",
    "minister": "a minister",
    "official": "an official",
    "absent": "nobody (it did not take part)",
    "not-known": "someone the sources do not name",
}
AGREEING = {("supported", "proposed"), ("cautious", "opposed")}
DISAGREEING = {
    ("opposed", "supported"),
    ("opposed", "proposed"),
    ("opposed", "cautious"),
    ("supported", "opposed"),
    ("supported", "cautious"),
    ("proposed", "opposed"),
    ("proposed", "cautious"),
    ("cautious", "supported"),
    ("cautious", "proposed"),
}


@dataclass(frozen=True)
class Finding:
    claim: Claim
    verdict: str
    records: tuple[str, ...] = ()
    base: str = ""  # what the fact base holds instead (or the caveat, for a confirmed claim)
    later: str = ""  # for a text read as of a day: what a later source says that changes the picture


class Facts:
    """The records judges compare with: the fact base at or above an evidence level."""

    def __init__(self, gazetteer: Gazetteer, min_evidence: str | None = None) -> None:
        self.gz = gazetteer
        self.fb = gazetteer.fb
        levels = vocab.EVIDENCE_LEVELS
        self.allowed = set(levels[: levels.index(min_evidence) + 1]) if min_evidence else set(levels)
        self.summits = [e for e in gazetteer.summits if self.usable(e)]

    def usable(self, record: Record | None) -> bool:
        return record is not None and record.get("evidence", "well-documented") in self.allowed

    def record(self, record_id: str) -> Record | None:
        record = self.fb.get(record_id)
        return record if self.usable(record) else None

    def name(self, record_id: str) -> str:
        return self.gz.name(record_id)

    def person_name(self, person: str) -> str:
        return str((self.fb.table("actors").get(person) or {}).get("name") or person)

    def attendance(self, summit: Record, country: str) -> Record | None:
        return next((a for a in summit.get("attendance") or [] if a["actor"] == country), None)


def attended(claim: Attended, facts: Facts) -> Finding:
    summit = facts.record(claim.summit)
    if summit is None:
        return Finding(claim, "unknown")
    entry = facts.attendance(summit, claim.country)
    records = (summit["id"],)
    if entry is None or entry["level"] == "not-known":
        return Finding(claim, "unknown", records)
    base = representation(facts, summit, entry)
    if not claim.attended:
        if claim.person:
            named = entry.get("person") == facts.person_name(claim.person)
            if named and entry["level"] != "absent":
                return Finding(claim, "contradicted", records, base)
            # Someone else led the delegation, or no one came: the person did not attend.
            known = entry.get("person") or entry["level"] == "absent"
            return Finding(claim, "confirmed" if known else "unknown", records)
        if entry["level"] == "absent":
            return Finding(claim, "confirmed", records)
        return Finding(claim, "contradicted", records, base)
    if entry["level"] == "absent":
        return Finding(claim, "contradicted", records, base)
    if claim.person and entry.get("person") != facts.person_name(claim.person):
        return Finding(claim, "contradicted", records, base)
    if claim.level and claim.level != entry["level"]:
        return Finding(claim, "contradicted", records, base)
    return Finding(claim, "confirmed", records)


def representation(facts: Facts, summit: Record, entry: Record) -> str:
    """'Australia was represented by its deputy leader, Richard Marles, at Washington 2024.'"""
    where = facts.name(summit["id"])
    if entry["level"] == "absent":
        return f"{facts.name(entry['actor'])} did not take part in {where}."
    person = f", {entry['person']}," if entry.get("person") else ""
    return f"{facts.name(entry['actor'])} was represented by {LEVEL_TEXT[entry['level']]}{person} at {where}."


def attended_together(claim: AttendedTogether, facts: Facts) -> Finding:
    """'For the first time' and 'for the n-th year running', over every summit they cover."""
    summit = facts.record(claim.summit)
    if summit is None or summit not in facts.summits:
        return Finding(claim, "unknown")
    index = facts.summits.index(summit)

    def together(event: Record) -> bool | None:
        """Did all of them take part: True, False (one was absent), None (the base cannot say)."""
        entries = [facts.attendance(event, c) for c in claim.countries]
        if any(e is not None and e["level"] == "absent" for e in entries):
            return False
        if any(e is None or e["level"] == "not-known" for e in entries):
            return None
        return True

    here = together(summit)
    if here is None:
        return Finding(claim, "unknown", (summit["id"],))
    if not here:
        return Finding(
            claim,
            "contradicted",
            (summit["id"],),
            f"Not all of them took part in {facts.name(summit['id'])}.",
        )
    names = ", ".join(facts.name(c) for c in claim.countries)
    if claim.first:
        earlier = facts.summits[:index]
        if not earlier:
            return Finding(claim, "unknown", (summit["id"],))  # the base covers no earlier summit
        seen = [together(e) for e in earlier]
        if any(seen):
            first = next(e for e, s in zip(earlier, seen, strict=True) if s)
            return Finding(
                claim,
                "contradicted",
                (summit["id"], first["id"]),
                f"{names} had all taken part in {facts.name(first['id'])}.",
            )
        if any(s is None for s in seen):
            return Finding(claim, "unknown", (summit["id"],))
        return Finding(claim, "confirmed", (summit["id"],))
    if claim.unit == "year":
        # "For the second year running": a summit they all attended in each of the years before.
        year = int(summit["date"][:4])
        previous: list[Record] = []
        for back in range(1, claim.running):
            that_year = [e for e in facts.summits[:index] if int(e["date"][:4]) == year - back]
            attended = [e for e in that_year if together(e)]
            if not that_year:
                return Finding(claim, "unknown", (summit["id"],))
            previous.append((attended or that_year)[0])
    else:
        previous = facts.summits[max(0, index - claim.running + 1) : index]
        if len(previous) < claim.running - 1:
            return Finding(claim, "unknown", (summit["id"],))
    seen = [together(e) for e in previous]
    ids = (summit["id"], *(e["id"] for e in previous))
    if all(seen):
        return Finding(claim, "confirmed", ids)
    missed = next((e for e, s in zip(previous, seen, strict=True) if s is False), None)
    if missed is not None:
        return Finding(
            claim, "contradicted", ids, f"Not all of {names} took part in {facts.name(missed['id'])}."
        )
    return Finding(claim, "unknown", ids)


def dated(claim: Dated, facts: Facts) -> Finding:
    record = facts.record(claim.record)
    if record is None:
        return Finding(claim, "unknown")
    if claim.what == "founded":
        span = bounds(record.get("founded"))
        title = facts.name(record["id"])
        written = say(record["founded"]) if record.get("founded") else ""
    elif claim.what == "revived":
        revivals = [e for e in (facts.fb.get(i) for i in record.get("events") or []) if e is not None]
        revivals = [e for e in revivals if "reviv" in e["title"].casefold()]
        if len(revivals) != 1:
            return Finding(claim, "unknown", (record["id"],))
        record = revivals[0]
        span, title, written = (
            bounds(record["date"], record.get("end")),
            record["title"],
            say(record["date"], record.get("end")),
        )
    else:
        span = bounds(record["date"], record.get("end"))
        title, written = facts.name(record["id"]), say(record["date"], record.get("end"))
    if span is None:
        return Finding(claim, "unknown", (record["id"],))
    if claim.when.matches(*span):
        return Finding(claim, "confirmed", (record["id"],))
    if record in facts.summits and not comparable_summit_year(claim, facts):
        return Finding(claim, "unknown", (record["id"],))
    how = {"founded": "was founded", "summit": "took place"}.get(claim.what)
    told = f"{title} {how} {on_day(written)}" if how else f"{title}: {written}"
    return Finding(claim, "contradicted", (record["id"],), f"{told} (not {said(claim.when)}).")


def on_day(written: str) -> str:
    """'on 15 September 2021', 'in July 2023', 'in 2021'."""
    return f"on {written}" if written[:1].isdigit() and not written.isdigit() else f"in {written}"


def comparable_summit_year(claim: Dated, facts: Facts) -> bool:
    """A summit date is judged only within the years the base's summits cover: a Madrid summit of
    1997 is not the base's Madrid summit of 2022."""
    years = [int(e["date"][:4]) for e in facts.summits]
    return bool(years) and any(min(years) <= y <= max(years) for y in claim.when.years())


def said(when: Any) -> str:
    """The date a claim gave, relative ones with their anchor: 'a month after 31 January 2023'."""
    text = re.sub(r"^the (?:next|following) (\w+)", r"the \1 after", say_when(when))
    if when.after is not None and text.endswith(" after"):
        text += f" {say(when.after.isoformat())}"
    elif when.after is not None:
        text = re.sub(r"\b(?:later|afterwards)\b", "after", text) + f" {say(when.after.isoformat())}"
    elif when.before is not None:
        text = re.sub(r"\bearlier\b", "before", text) + f" {say(when.before.isoformat())}"
    elif re.search(r"\b(?:last|this|next|coming|previous|ago)\b", text, re.I) and when.precision in PARTIAL:
        # 'July last year' counted from the text's date: the Read line quotes it, this says which.
        text = say(when.lo.isoformat()[: PARTIAL[when.precision]])
    return text


PARTIAL = {"day": 10, "month": 7, "year": 4}  # an ISO date cut to what a precision says


def visited(claim: Visited, facts: Facts) -> Finding:
    """Judged only against the base's visits by that person to that country in the year said
    (the base does not list every visit)."""
    visits = [
        e
        for e in facts.gz.events
        if e["kind"] == "visit"
        and facts.usable(e)
        and claim.person in (e.get("actors") or [])
        and claim.country in (e.get("actors") or [])
    ]
    spans = [(e, bounds(e["date"], e.get("end"))) for e in visits]
    for event, span in spans:
        if span and claim.when.matches(*span):
            return Finding(claim, "confirmed", (event["id"],))
    same_year = [
        (e, s) for e, s in spans if s and any(s[0].year <= y <= s[1].year for y in claim.when.years())
    ]
    if not same_year:
        return Finding(claim, "unknown")
    told = "; ".join(f"{e['title']}: {say(e['date'], e.get('end'))}" for e, _ in same_year)
    return Finding(
        claim, "contradicted", tuple(e["id"] for e, _ in same_year), f"{told} (not {said(claim.when)})."
    )


def programme(facts: Facts, partner: str) -> Record | None:
    return next(
        (i for i in facts.fb.table("itpps").values() if i["partner"] == partner and facts.usable(i)), None
    )


def has_areas(claim: HasAreas, facts: Facts) -> Finding:
    itpp = programme(facts, claim.partner)
    if itpp is None or itpp.get("areas_total") is None:
        return Finding(claim, "unknown", (itpp["id"],) if itpp else ())
    if itpp["areas_total"] == claim.count:
        return Finding(claim, "confirmed", (itpp["id"],))
    return Finding(claim, "contradicted", (itpp["id"],), f"{itpp['title']} has {itpp['areas_total']} areas.")


def period(claim: Period, facts: Facts) -> Finding:
    itpp = programme(facts, claim.partner)
    if itpp is None or not itpp.get("period_start") or not itpp.get("period_end"):
        return Finding(claim, "unknown")
    want = (int(itpp["period_start"][:4]), int(itpp["period_end"][:4]))
    if want == (claim.first, claim.last):
        return Finding(claim, "confirmed", (itpp["id"],))
    return Finding(claim, "contradicted", (itpp["id"],), f"{itpp['title']} runs {want[0]}–{want[1]}.")


def agreed(claim: Agreed, facts: Facts) -> Finding:
    programmes = [programme(facts, p) for p in claim.partners]
    if any(i is None or not i.get("agreed") for i in programmes):
        return Finding(claim, "unknown")
    ids = tuple(i["id"] for i in programmes if i)
    spans = [bounds(i["agreed"]) for i in programmes if i]
    if all(s and claim.when.matches(*s) for s in spans):
        return Finding(claim, "confirmed", ids)
    if len(programmes) > 1:
        return Finding(claim, "unknown", ids)  # too loose to say which date is whose
    itpp = programmes[0]
    assert itpp is not None
    return Finding(
        claim,
        "contradicted",
        ids,
        f"{itpp['title']} was agreed on {say(itpp['agreed'])} (not {said(claim.when)}).",
    )


def stance_of(facts: Facts, topic: str, holder: str) -> Record | None:
    return next(
        (
            s
            for s in facts.fb.table("stances").values()
            if s["topic"] == topic and s["actor"] == holder and facts.usable(s)
        ),
        None,
    )


def position(claim: Position, facts: Facts) -> Finding:
    stance = stance_of(facts, claim.topic, claim.holder)
    if stance is None:
        return Finding(claim, "unknown")
    actual = stance["position"]
    records = (stance["id"],)
    verb = {"cautious": "was cautious about", "neutral": "was neutral on"}.get(actual, actual)
    holder, topic = facts.name(stance["actor"]), facts.name(stance["topic"])
    note = f"{holder} {verb} the {topic} (evidence {stance['evidence']})."
    note += (
        f" {stance['correction']}"
        if stance.get("correction")
        else (f" {stance['summary']}" if stance.get("summary") else "")
    )
    agree = claim.position == actual or (claim.position, actual) in AGREEING
    disagree = (claim.position, actual) in DISAGREEING
    if stance["evidence"] in ("contested", "unverified") and (agree or disagree):
        return Finding(claim, "contested", records, note)
    if disagree:
        return Finding(claim, "contradicted", records, note)
    if not agree:
        return Finding(claim, "unknown", records)
    if claim.first is not None:
        earliest = earliest_evidence(facts, stance)
        if earliest is not None and claim.first.lo > earliest:
            return Finding(
                claim,
                "contradicted",
                records,
                f"{facts.name(stance['actor'])}'s position was reported by {say(earliest.isoformat())}.",
            )
        return Finding(claim, "unknown", records)
    return Finding(claim, "confirmed", records)


def earliest_evidence(facts: Facts, stance: Record) -> dt.date | None:
    """The first day the base has the position on record: the stance's date or its earliest
    dated source, whichever is earlier."""
    days = []
    if stance.get("date"):
        days.append(bounds(stance["date"]))
    for citation in stance.get("sources") or []:
        source = facts.fb.table("sources").get(citation["source"]) or {}
        if source.get("date") and len(source["date"]) == 10:
            days.append(bounds(source["date"]))
    spans = [d for d in days if d]
    return min(hi for _, hi in spans) if spans else None


def opened(claim: Opened, facts: Facts) -> Finding:
    """A proposal the base records as never carried out, said to be done."""
    stances = [s for s in facts.fb.table("stances").values() if s["topic"] == claim.topic and facts.usable(s)]
    proposals = [s for s in stances if s["position"] == "proposed"]
    events = [e for e in facts.gz.events if claim.topic in (e.get("topics") or [])]
    if not proposals or any(e["kind"] == "opening" for e in events):
        return Finding(claim, "unknown")
    topic = facts.fb.table("topics").get(claim.topic) or {}
    latest = [e["id"] for e in events][-1:]
    return Finding(
        claim,
        "contradicted",
        (*(s["id"] for s in proposals), *latest),
        f"It was never opened. {topic.get('description', '')}".strip(),
    )


def is_a(claim: IsA, facts: Facts) -> Finding:
    grouping = facts.record(claim.grouping)
    if grouping is None:
        return Finding(claim, "unknown")
    if claim.noun in denied_terms(grouping.get("nature") or ""):
        article = "an" if claim.noun[0] in "aeiou" else "a"
        return Finding(
            claim, "contradicted", (grouping["id"],), f"Not {article} {claim.noun}: {grouping['nature']}"
        )
    return Finding(claim, "unknown", (grouping["id"],))


def denied_terms(nature: str) -> list[str]:
    """What a grouping's description says it is not: 'Not a treaty, an alliance or a pact'."""
    terms: list[str] = []
    for m in re.finditer(r"\bnot an? ([^.;:]+)", nature, re.I):
        for part in re.split(r",|\bor\b|\bnor\b", m.group(1)):
            words = re.sub(r"^\s*(?:an?|the)\s+", "", part.strip(), flags=re.I).casefold().split()
            if words:
                terms.append(words[-1].strip("\"'”"))
    return [t for t in dict.fromkeys(terms) if t.isalpha()]


def members(claim: Members, facts: Facts) -> Finding:
    grouping = facts.record(claim.grouping)
    if grouping is None:
        return Finding(claim, "unknown")
    strangers = [a for a in claim.listed if a not in grouping["members"]]
    if strangers:
        names = ", ".join(facts.name(m) for m in grouping["members"])
        return Finding(
            claim,
            "contradicted",
            (grouping["id"],),
            f"{facts.name(strangers[0])} is not a member; the members are {names}.",
        )
    return Finding(claim, "confirmed", (grouping["id"],))


def repeats(claim: Repeats, facts: Facts) -> Finding:
    record = facts.record(claim.claim)
    if record is None:
        return Finding(claim, "unknown")
    records = (record["id"], *(record.get("records") or []))
    verdict = record["verdict"]
    correction = record.get("correction") or record.get("note") or ""
    if verdict in ("wrong", "imprecise"):
        return Finding(claim, "contradicted", records, correction)
    if verdict == "garbled" or verdict == "unverified":
        return Finding(claim, "contested", records, correction or "The fact base found no source for this.")
    if verdict == "verified-with-caveat":
        return Finding(claim, "confirmed", records, f"Right, with a caveat: {correction}")
    return Finding(claim, "confirmed", records)


def former_title(claim: FormerTitle, facts: Facts) -> Finding:
    """On the text's day: in office then, or not yet ever, contradicts it; out of office after a
    tenure that ended confirms it. A text without a date may have been written on any day up to
    the base's: it is contradicted only when no tenure had ended by then (the person was never
    'former'), and confirmed when the person is out of office on the base's day. A tenure known
    only by days in office is not enough to say either."""
    held = [t for t in facts.gz.offices_of(claim.person) if t.office == claim.office and t.of == claim.of]
    if not held or any(t.days for t in held):
        return Finding(claim, "unknown")
    name, title, records = facts.fb.display_name(claim.person), claim.title, (claim.person,)

    def since(tenure: Tenure) -> str:
        return f" since {day_text(tenure.first)}" if tenure.first != dt.date.min else ""

    if claim.when is None:
        checked = dt.date.fromisoformat(facts.fb.checked_on)
        if not any(t.last < checked for t in held):
            first = min(held, key=lambda t: t.first)
            no_end = f"the base records no end (checked {day_text(checked)})"
            return Finding(
                claim, "contradicted", records, f"{name} has been {title}{since(first)}; {no_end}."
            )
        if any(t.covers(checked, checked) for t in held):  # 'former' between two tenures, maybe
            return Finding(claim, "unknown")
        lo = hi = checked
    else:
        lo, hi = claim.when.lo, claim.when.hi
        holding = next((t for t in held if t.first <= lo and hi <= t.last), None)
        if holding is not None:
            day = on_day(say_when(claim.when))
            return Finding(
                claim, "contradicted", records, f"{name} was {title} {day}, in office{since(holding)}."
            )
    first_day = min(t.first for t in held)
    if first_day > hi:
        return Finding(
            claim, "contradicted", records, f"{name} became {title} only on {day_text(first_day)}."
        )
    ended = [t for t in held if t.last < lo]
    if ended and not any(t.covers(lo, hi) for t in held):
        last = max(ended, key=lambda t: t.last)
        began = f"from {day_text(last.first)} " if last.first != dt.date.min else ""
        return Finding(claim, "confirmed", records, f"{name} was {title} {began}until {day_text(last.last)}.")
    return Finding(claim, "unknown")


def day_text(day: dt.date) -> str:
    return say(day.isoformat())


JUDGES: dict[type, Callable[[Any, Facts], Finding]] = {
    Attended: attended,
    AttendedTogether: attended_together,
    Dated: dated,
    Visited: visited,
    HasAreas: has_areas,
    Period: period,
    Agreed: agreed,
    Position: position,
    Opened: opened,
    IsA: is_a,
    Members: members,
    Repeats: repeats,
    FormerTitle: former_title,
}


def judge(claim: Claim, facts: Facts) -> Finding:
    return JUDGES[type(claim)](claim, facts)
