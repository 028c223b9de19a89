"""The fact file's schema, declared once.

The same declarations validate a composed YAML node tree (used by `load`) and produce the
JSON Schema that `asiapac schema` prints, so the two cannot drift apart. Nodes are
PyYAML nodes, used by duck typing (`node.id` is "scalar", "sequence" or "mapping"), so
this module never imports yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from asiapac_cli import vocab
from asiapac_cli.facts import model
from asiapac_cli.safe_text import quoted

ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
COUNT_PATTERN = re.compile(r"0|[1-9][0-9]{0,8}")
NULL_WORDS = ("", "~", "null", "Null", "NULL")
PLAIN_TAGS = (
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:map",
)
INVALID: Any = object()  # a value that failed its check; its error is already recorded


@dataclass
class Problem:
    line: int  # 1-based
    column: int  # 1-based
    message: str


@dataclass
class SchemaCheck:
    """One run of the schema over a node tree: the problems, ids and references it collects."""

    problems: list[Problem] = field(default_factory=list)
    ids: dict[str, tuple[str, Any]] = field(default_factory=dict)  # id -> (kind, mark)
    references: list[tuple[tuple[str, ...], str, Any, str]] = field(default_factory=list)
    visited: set[int] = field(default_factory=set)

    def report(self, mark: Any, message: str) -> None:
        self.problems.append(Problem(mark.line + 1, mark.column + 1, message))


def describe(node: Any) -> str:
    if node.id == "scalar":
        return "an empty value" if is_null(node) else f"text {quoted(node.value)}"
    return "a list" if node.id == "sequence" else "a mapping"


def is_plain(node: Any) -> bool:
    """An unquoted scalar (libyaml says '' where the pure-Python parser says None)."""
    return node.id == "scalar" and not node.style


def is_null(node: Any) -> bool:
    return is_plain(node) and node.value in NULL_WORDS


def where(label: str) -> str:
    return label or "top level"


def child(label: str, key: str) -> str:
    return f"{label}.{key}" if label else key


def enter(node: Any, checker: SchemaCheck) -> bool:
    """Refuse aliases and explicit tags; True when the node may be read."""
    if id(node) in checker.visited:
        checker.report(
            node.start_mark,
            "anchors and aliases (&name, *name, <<) are not allowed; write the value out",
        )
        return False
    checker.visited.add(id(node))
    if node.tag not in PLAIN_TAGS:
        checker.report(
            node.start_mark,
            f"the tag {node.tag!r} is not allowed; the fact file holds only plain text, lists and mappings",
        )
        return False
    return True


class Spec:
    """One kind of value in the fact file."""

    expected = "a value"

    def check(self, node: Any, checker: SchemaCheck, label: str) -> Any:
        raise NotImplementedError

    def json_schema(self) -> dict[str, Any]:
        raise NotImplementedError

    def mismatch(self, node: Any, checker: SchemaCheck, label: str) -> Any:
        checker.report(node.start_mark, f"{where(label)}: expected {self.expected}, got {describe(node)}")
        return INVALID


class Text(Spec):
    expected = "text"

    def check(self, node: Any, checker: SchemaCheck, label: str) -> Any:
        if node.id != "scalar" or is_null(node):
            return self.mismatch(node, checker, label)
        if not node.value.strip():
            checker.report(node.start_mark, f"{where(label)}: expected text, got blank text")
            return INVALID
        return self.validate(node.value, node, checker, label)

    def validate(self, value: str, node: Any, checker: SchemaCheck, label: str) -> Any:
        return value

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "minLength": 1, "pattern": r"\S"}


class Enum(Text):
    def __init__(self, values: tuple[str, ...]) -> None:
        self.values = values
        self.expected = "one of " + ", ".join(values)

    def validate(self, value: str, node: Any, checker: SchemaCheck, label: str) -> Any:
        if value in self.values:
            return value
        hint = did_you_mean(value, self.values)
        checker.report(
            node.start_mark, f"{where(label)}: expected {self.expected}; got {quoted(value)}{hint}"
        )
        return INVALID

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "enum": list(self.values)}


class PartialDate(Text):
    expected = f"a date ({model.DATE_FORMATS})"

    def validate(self, value: str, node: Any, checker: SchemaCheck, label: str) -> Any:
        problem = model.check_partial_date(value)
        if problem:
            checker.report(node.start_mark, f"{where(label)}: {problem}")
            return INVALID
        return value

    def json_schema(self) -> dict[str, Any]:
        return {
            "type": "string",
            # model.MIN_YEAR to model.MAX_YEAR, ASCII digits only (`\d` matches any script's).
            "pattern": r"^[12][0-9]{3}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$",
        }


class Url(Text):
    expected = "an http:// or https:// address (no spaces, controls or invisible characters)"

    def validate(self, value: str, node: Any, checker: SchemaCheck, label: str) -> Any:
        if model.is_url(value):
            return value
        checker.report(node.start_mark, f"{where(label)}: expected {self.expected}, got {quoted(value)}")
        return INVALID

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": model.URL_JSON_PATTERN}


class Id(Text):
    expected = "a kebab-case id such as 'tokyo-office'"

    def __init__(self, kind: str) -> None:
        self.kind = kind

    def validate(self, value: str, node: Any, checker: SchemaCheck, label: str) -> Any:
        if not ID_PATTERN.fullmatch(value):
            checker.report(node.start_mark, f"{where(label)}: expected {self.expected}, got {quoted(value)}")
            return INVALID
        if value in checker.ids:
            kind, mark = checker.ids[value]
            checker.report(
                node.start_mark,
                f"{where(label)}: duplicate id {value!r}: already used by a record in {kind} "
                f"at line {mark.line + 1}",
            )
            return INVALID
        checker.ids[value] = (self.kind, node.start_mark)
        return value

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": "^" + ID_PATTERN.pattern + "$"}


class Ref(Text):
    """An id that must name a record of one of `kinds` (checked once all ids are known)."""

    def __init__(self, *kinds: str) -> None:
        self.kinds = kinds
        self.expected = "the id of a record in " + " or ".join(kinds)

    def validate(self, value: str, node: Any, checker: SchemaCheck, label: str) -> Any:
        checker.references.append((self.kinds, value, node.start_mark, label))
        return value

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": "^" + ID_PATTERN.pattern + "$"}


class Count(Spec):
    expected = "a whole number such as 16"

    def check(self, node: Any, checker: SchemaCheck, label: str) -> Any:
        if is_plain(node) and COUNT_PATTERN.fullmatch(node.value):
            return int(node.value)
        if node.id == "scalar" and not is_null(node):
            checker.report(
                node.start_mark,
                f"{where(label)}: expected {self.expected} (unquoted, no leading zero), "
                f"got {quoted(node.value)}",
            )
            return INVALID
        return self.mismatch(node, checker, label)

    def json_schema(self) -> dict[str, Any]:
        return {"type": "integer", "minimum": 0}


class Bool(Spec):
    """`true` or `false`, unquoted (a quoted "true" is text, and refused)."""

    expected = "true or false (unquoted)"

    def check(self, node: Any, checker: SchemaCheck, label: str) -> Any:
        if is_plain(node) and node.value in ("true", "false"):
            return node.value == "true"
        return self.mismatch(node, checker, label)

    def json_schema(self) -> dict[str, Any]:
        return {"type": "boolean"}


class ListOf(Spec):
    """A list; `unique` refuses a value listed twice (a set of ids, such as an event's actors)."""

    def __init__(self, item: Spec, min_items: int = 0, unique: bool = False) -> None:
        self.item = item
        self.min_items = min_items
        self.unique = unique
        self.expected = f"a list of {item.expected}"

    def check(self, node: Any, checker: SchemaCheck, label: str) -> Any:
        if node.id != "sequence":
            return self.mismatch(node, checker, label)
        if len(node.value) < self.min_items:
            checker.report(node.start_mark, f"{where(label)}: expected at least {self.min_items} item")
            return INVALID
        values = []
        seen: dict[Any, Any] = {}
        for index, child in enumerate(node.value):
            if enter(child, checker):
                value = self.item.check(child, checker, f"{label}[{index}]")
                if value is INVALID:
                    continue
                if self.unique and isinstance(value, str):
                    if value in seen:
                        checker.report(
                            child.start_mark,
                            f"{where(label)}[{index}]: {value!r} is listed twice "
                            f"(first at line {seen[value].line + 1})",
                        )
                        continue
                    seen[value] = child.start_mark
                values.append(value)
        return values

    def json_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "array", "items": self.item.json_schema()}
        if self.min_items:
            schema["minItems"] = self.min_items
        if self.unique:
            schema["uniqueItems"] = True
        return schema


@dataclass
class Field:
    spec: Spec
    required: bool = False
    nullable: bool = False
    description: str = ""


class Mapping(Spec):
    """A mapping with known fields; unknown and duplicate keys are errors."""

    expected = "a mapping"

    def __init__(self, fields: dict[str, Field], title: str = "") -> None:
        self.fields = fields
        self.title = title

    def check(self, node: Any, checker: SchemaCheck, label: str) -> Any:
        if node.id != "mapping":
            return self.mismatch(node, checker, label)
        record: dict[str, Any] = {}
        seen: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not enter(key_node, checker):
                continue
            if key_node.id != "scalar":
                checker.report(key_node.start_mark, f"{where(label)}: a key must be plain text")
                continue
            key = key_node.value
            if key in seen:
                checker.report(
                    key_node.start_mark,
                    f"{where(label)}: duplicate key {key!r} (first at line {seen[key].line + 1}); "
                    "YAML would silently keep only the last one",
                )
                continue
            seen[key] = key_node.start_mark
            spec_field = self.fields.get(key)
            if spec_field is None:
                hint = did_you_mean(key, self.fields)
                checker.report(key_node.start_mark, f"{where(label)}: unknown field {key!r}{hint}")
                continue
            if not enter(value_node, checker):
                continue
            if is_null(value_node):
                if not spec_field.nullable:
                    checker.report(
                        value_node.start_mark,
                        f"{child(label, key)}: expected {spec_field.spec.expected}, got an empty value",
                    )
                else:  # an invalid null is left out, like any invalid value (no later check sees None)
                    record[key] = None
                continue
            value = spec_field.spec.check(value_node, checker, child(label, key))
            if value is not INVALID:
                record[key] = value
        for name, spec_field in self.fields.items():
            if spec_field.required and name not in seen:
                checker.report(
                    node.start_mark,
                    f"{where(label)}: missing required field {name!r} ({spec_field.spec.expected})",
                )
        self.check_record(record, node, checker, label)
        return record

    def check_record(self, record: dict[str, Any], node: Any, checker: SchemaCheck, label: str) -> None:
        """Rules that span fields; none by default."""

    def json_schema(self) -> dict[str, Any]:
        properties = {}
        for name, spec_field in self.fields.items():
            schema = spec_field.spec.json_schema()
            if spec_field.nullable:
                schema = {"anyOf": [schema, {"type": "null"}]}
            if spec_field.description:
                schema["description"] = spec_field.description
            properties[name] = schema
        schema = {
            "type": "object",
            "additionalProperties": False,
            "required": [name for name, f in self.fields.items() if f.required],
            "properties": properties,
        }
        if self.title:
            schema["title"] = self.title
        return schema


class CitationSpec(Spec):
    """A bare source id, or a mapping with the source id and a supporting quote."""

    expected = "a source id or a mapping with 'source'"

    def __init__(self) -> None:
        self.mapping = Mapping(
            {
                "source": Field(Ref("sources"), required=True, description="a source id"),
                "quote": Field(Text(), description="verbatim words of the source"),
                "locator": Field(Text(), description="page, paragraph or section"),
                "translation": Field(Text(), description="English translation of the quote"),
            }
        )

    def check(self, node: Any, checker: SchemaCheck, label: str) -> Any:
        if node.id == "scalar":
            source = Ref("sources").check(node, checker, label)
            return INVALID if source is INVALID else {"source": source}
        return self.mapping.check(node, checker, label)

    def json_schema(self) -> dict[str, Any]:
        return {
            "oneOf": [
                {"type": "string", "pattern": "^" + ID_PATTERN.pattern + "$"},
                self.mapping.json_schema(),
            ]
        }


class SourceSpec(Mapping):
    def check_record(self, record: dict[str, Any], node: Any, checker: SchemaCheck, label: str) -> None:
        if "publisher" not in record and "author" not in record:
            checker.report(node.start_mark, f"{where(label)}: a source needs a 'publisher' or an 'author'")

    def json_schema(self) -> dict[str, Any]:
        schema = super().json_schema()
        schema["anyOf"] = [{"required": ["publisher"]}, {"required": ["author"]}]
        return schema


class DatedSpan(Mapping):
    """A record whose `end_field` must not precede `start_field`."""

    def __init__(self, fields: dict[str, Field], start_field: str, end_field: str, title: str = "") -> None:
        super().__init__(fields, title)
        self.start_field = start_field
        self.end_field = end_field

    def check_record(self, record: dict[str, Any], node: Any, checker: SchemaCheck, label: str) -> None:
        start, end = record.get(self.start_field), record.get(self.end_field)
        if start and end and model.date_bounds(end)[1] < model.date_bounds(start)[0]:
            checker.report(
                node.start_mark,
                f"{where(label)}: {self.end_field} {end!r} is before {self.start_field} {start!r}",
            )


class ClaimSpec(Mapping):
    def check_record(self, record: dict[str, Any], node: Any, checker: SchemaCheck, label: str) -> None:
        if record.get("verdict") in vocab.VERDICTS_NEEDING_CORRECTION and not record.get("correction"):
            checker.report(
                node.start_mark,
                f"{where(label)}: verdict {record['verdict']!r} needs a 'correction' saying what is right",
            )

    def json_schema(self) -> dict[str, Any]:
        schema = super().json_schema()
        schema["if"] = {
            "properties": {"verdict": {"enum": list(vocab.VERDICTS_NEEDING_CORRECTION)}},
            "required": ["verdict"],
        }
        schema["then"] = {"required": ["correction"]}
        return schema


def did_you_mean(word: str, choices: Any) -> str:
    """The one "did you mean" of every message (vocab's), for a value of the file."""
    return vocab.did_you_mean(vocab.closest(word, list(choices)))


def fact_fields(kind: str) -> dict[str, Field]:
    """The fields every fact record shares."""
    return {
        "id": Field(Id(kind), required=True, description="unique kebab-case id"),
        "evidence": Field(Enum(vocab.EVIDENCE_LEVELS), required=True, description="how sure the record is"),
        "correction": Field(Text(), description="what the seed or a common account gets wrong"),
        "note": Field(Text(), description="anything else a reader needs"),
        "sources": Field(ListOf(CitationSpec(), min_items=1), required=True, description="citations"),
    }


TEXT_LIST = ListOf(Text())

SOURCE = SourceSpec(
    {
        "id": Field(Id("sources"), required=True),
        "title": Field(Text(), required=True),
        "publisher": Field(Text()),
        "author": Field(Text()),
        "date": Field(PartialDate(), description="publication date"),
        "url": Field(Url()),
        "accessed": Field(
            PartialDate(),
            description="when the page at `url` was last read; BibTeX urldate comes only from here",
        ),
        "title_descriptive": Field(
            Bool(),
            description="true when the title was written for the fact file (the source has no headline)",
        ),
        "via": Field(Text(), description="where the text was read when not at the publisher"),
        "kind": Field(Enum(vocab.SOURCE_KINDS), required=True),
        "language": Field(Text()),
        "note": Field(Text()),
    },
    title="Source",
)


class OfficeSpec(DatedSpan):
    """An office a person held: from, until, or only days on which a source shows them in it."""

    def check_record(self, record: dict[str, Any], node: Any, checker: SchemaCheck, label: str) -> None:
        super().check_record(record, node, checker, label)
        if "from" not in record and not record.get("in_office_on"):
            checker.report(node.start_mark, f"{where(label)}: an office needs 'from' or 'in_office_on'")


OFFICE = OfficeSpec(
    {
        "office": Field(Enum(vocab.OFFICES), required=True, description="which office"),
        "of": Field(Ref("actors"), required=True, description="the country or organisation"),
        "title": Field(Text(), required=True, description="the office's own name in English"),
        "from": Field(PartialDate(), description="first day in office"),
        "until": Field(PartialDate(), description="last day in office; absent while still in it"),
        "in_office_on": Field(
            ListOf(PartialDate()), description="days a source shows them in office (from/until not known)"
        ),
        "acting": Field(Bool(), description="true for an acting holder"),
        "secondary_title": Field(Text(), description="another name the office was given"),
        "secondary_title_from": Field(PartialDate()),
        "note": Field(Text()),
        "sources": Field(ListOf(CitationSpec(), min_items=1), required=True, description="citations"),
    },
    start_field="from",
    end_field="until",
    title="Office",
)

# Words about the world that `check` reads prose with; each a list of names as writers write them.
PROSE_NAMES = {
    "phrases": Field(TEXT_LIST, description="how prose names it beyond its aliases ('office in Tokyo')"),
    "misspellings": Field(TEXT_LIST, description="known wrong spellings ('ITTP'), read as the name"),
}

ACTOR = Mapping(
    {
        "id": Field(Id("actors"), required=True),
        "name": Field(Text(), required=True),
        "kind": Field(Enum(vocab.ACTOR_KINDS), required=True),
        "aliases": Field(TEXT_LIST),
        "country": Field(Ref("actors")),
        "role": Field(Text()),
        "family_name": Field(Text(), description="a person's family name, however the name is ordered"),
        "capital": Field(Text(), description="a country's capital, which prose uses for its government"),
        "demonyms": Field(TEXT_LIST, description="adjectives and nouns for its people ('Japanese')"),
        "abbreviations": Field(TEXT_LIST, description="forms read only as written ('US', 'U.S.')"),
        "not_names": Field(TEXT_LIST, description="phrases holding its names that mean something else"),
        "offices": Field(ListOf(OFFICE), description="offices a person held, with dates and sources"),
        **PROSE_NAMES,
    },
    title="Actor",
)

TOPIC = Mapping(
    {
        "id": Field(Id("topics"), required=True),
        "title": Field(Text(), required=True),
        "aliases": Field(TEXT_LIST),
        "description": Field(Text()),
        **PROSE_NAMES,
    },
    title="Topic",
)

ATTENDANCE = Mapping(
    {
        "actor": Field(Ref("actors"), required=True),
        "level": Field(Enum(vocab.ATTENDANCE_LEVELS), required=True),
        "person": Field(Text()),
        "note": Field(Text()),
    }
)

EVENT = DatedSpan(
    {
        **fact_fields("events"),
        "date": Field(PartialDate(), required=True),
        "end": Field(PartialDate()),
        "kind": Field(Enum(vocab.EVENT_KINDS), required=True),
        "title": Field(Text(), required=True),
        "summary": Field(Text()),
        "place": Field(Text()),
        "actors": Field(ListOf(Ref("actors"), unique=True)),
        "topics": Field(ListOf(Ref("topics"), unique=True)),
        "attendance": Field(ListOf(ATTENDANCE)),
    },
    start_field="date",
    end_field="end",
    title="Event",
)

AREA = Mapping(
    {
        "name": Field(Text(), required=True),
        "sources": Field(ListOf(CitationSpec(), min_items=1), required=True),
    }
)

PREDECESSOR = Mapping(
    {
        "title": Field(Text(), required=True),
        "signed": Field(PartialDate()),
        "note": Field(Text()),
        "sources": Field(ListOf(CitationSpec(), min_items=1), required=True),
    }
)

ITPP_STATE = Mapping(
    {
        "date": Field(PartialDate(), required=True, description="when a source first says so"),
        "status": Field(Enum(vocab.ITPP_STATES), required=True),
        "evidence": Field(Enum(vocab.EVIDENCE_LEVELS), required=True),
        "note": Field(Text()),
        "sources": Field(ListOf(CitationSpec(), min_items=1), required=True),
    },
    title="ITPP state",
)


def check_states_before(
    record: dict[str, Any], node: Any, checker: SchemaCheck, label: str, field: str, why: str
) -> None:
    """Each earlier state comes before the record's own date (`field`): it is what was known
    before the record happened as it stands."""
    own = record.get(field)
    if not own or not isinstance(record.get("states"), list):
        return
    state_nodes: list[Any] = next((v.value for k, v in node.value if k.value == "states"), [])
    for number, (state, state_node) in enumerate(zip(record["states"], state_nodes, strict=False)):
        date = state.get("date") if isinstance(state, dict) else None
        if date and model.date_bounds(date)[0] >= model.date_bounds(own)[0]:
            checker.report(
                state_node.start_mark,
                f"{child(label, 'states')}[{number}]: a state dated {date!r} must come before "
                f"{field} {own!r} ({why})",
            )


class ItppSpec(DatedSpan):
    """An ITPP: its period in order, and each earlier state before its agreement."""

    def check_record(self, record: dict[str, Any], node: Any, checker: SchemaCheck, label: str) -> None:
        super().check_record(record, node, checker, label)
        check_states_before(
            record, node, checker, label, "agreed", "it is what was known before the agreement"
        )


class StanceSpec(Mapping):
    """A stance: each earlier state before the statement the stance records."""

    def check_record(self, record: dict[str, Any], node: Any, checker: SchemaCheck, label: str) -> None:
        super().check_record(record, node, checker, label)
        if record.get("states") and not record.get("date"):
            checker.report(node.start_mark, f"{where(label)}: a stance with 'states' needs a 'date'")
        check_states_before(
            record, node, checker, label, "date", "it is what was reported before the statement recorded"
        )


ITPP = ItppSpec(
    {
        **fact_fields("itpps"),
        "partner": Field(Ref("actors"), required=True),
        "title": Field(Text(), required=True),
        "agreed": Field(PartialDate(), nullable=True),
        "period_start": Field(PartialDate(), nullable=True),
        "period_end": Field(PartialDate(), nullable=True),
        "areas_total": Field(Count(), nullable=True),
        "areas": Field(ListOf(AREA)),
        "predecessor": Field(PREDECESSOR),
        "states": Field(
            ListOf(ITPP_STATE),
            description="earlier states in date order, each as sources dated then give it (--as-of)",
        ),
    },
    start_field="period_start",
    end_field="period_end",
    title="ITPP",
)

STANCE_STATE = Mapping(
    {
        "date": Field(PartialDate(), required=True, description="when a source first reports it"),
        "position": Field(Enum(vocab.POSITIONS), required=True),
        "summary": Field(Text(), description="what was reported then, and nothing later"),
        "evidence": Field(Enum(vocab.EVIDENCE_LEVELS), required=True),
        "note": Field(Text()),
        "sources": Field(ListOf(CitationSpec(), min_items=1), required=True),
    },
    title="Stance state",
)

STANCE = StanceSpec(
    {
        **fact_fields("stances"),
        "topic": Field(Ref("topics"), required=True),
        "actor": Field(Ref("actors"), required=True),
        "position": Field(Enum(vocab.POSITIONS), required=True),
        "date": Field(PartialDate()),
        "said": Field(Text(), description="the actor's own words, verbatim"),
        "occasion": Field(Text()),
        "summary": Field(Text()),
        "ally": Field(Bool(), description="whether the actor is a NATO Ally (member)"),
        "states": Field(
            ListOf(STANCE_STATE),
            description="the position as reported before the statement recorded, in date order (--as-of)",
        ),
    },
    title="Stance",
)

GROUPING = Mapping(
    {
        **fact_fields("groupings"),
        "name": Field(Text(), required=True),
        "aliases": Field(TEXT_LIST),
        **PROSE_NAMES,
        "members": Field(ListOf(Ref("actors"), min_items=1, unique=True), required=True),
        "founded": Field(PartialDate()),
        "nature": Field(Text(), required=True, description="what it actually is"),
        "events": Field(ListOf(Ref("events"), unique=True)),
    },
    title="Grouping",
)

CLAIM = ClaimSpec(
    {
        **fact_fields("claims"),
        "by": Field(Ref("actors"), required=True),
        "text": Field(Text(), required=True, description="the seed's wording, verbatim"),
        "verdict": Field(Enum(vocab.VERDICTS), required=True),
        "records": Field(ListOf(Ref(*model.RECORD_KINDS), unique=True)),
    },
    title="Claim",
)

RECORD_SPECS: dict[str, Mapping] = {
    "sources": SOURCE,
    "actors": ACTOR,
    "topics": TOPIC,
    "events": EVENT,
    "itpps": ITPP,
    "stances": STANCE,
    "groupings": GROUPING,
    "claims": CLAIM,
}


class SchemaVersion(Count):
    expected = "1"

    def check(self, node: Any, checker: SchemaCheck, label: str) -> Any:
        value = super().check(node, checker, label)
        if value not in (INVALID, 1):
            checker.report(
                node.start_mark, f"{where(label)}: this asiapac reads schema_version 1, got {value}"
            )
            return INVALID
        return value

    def json_schema(self) -> dict[str, Any]:
        return {"const": 1}


GAP = Mapping(
    {
        "id": Field(Id("gaps"), required=True, description="unique kebab-case id"),
        "text": Field(Text(), required=True, description="what is not known or not covered"),
        "records": Field(ListOf(Ref(*model.RECORD_KINDS)), description="ids of the records it concerns"),
    },
    title="Known gap",
)


class FactFileSpec(Mapping):
    """The top level: one stamp of when sources were checked, and the reach of the events."""

    def check_record(self, record: dict[str, Any], node: Any, checker: SchemaCheck, label: str) -> None:
        if has_key(node, "checked_on") and has_key(node, "as_of"):
            checker.report(
                key_mark(node, "as_of"), "as_of: give 'checked_on' only ('as_of' is its older name)"
            )
        elif not has_key(node, "checked_on") and not has_key(node, "as_of"):
            checker.report(node.start_mark, "top level: missing required field 'checked_on' (a date)")
        through = record.get("events_through")
        if isinstance(through, str) and isinstance(record.get("events"), list):
            latest = model.latest_event_date(record["events"])
            if latest is not None and through != latest:
                checker.report(
                    key_mark(node, "events_through"),
                    f"events_through: {through!r} is not the date of the latest event ({latest!r})",
                )

    def json_schema(self) -> dict[str, Any]:
        schema = super().json_schema()
        schema["oneOf"] = [{"required": ["checked_on"]}, {"required": ["as_of"]}]
        return schema


def has_key(node: Any, key: str) -> bool:
    return node.id == "mapping" and any(k.id == "scalar" and k.value == key for k, _ in node.value)


def key_mark(node: Any, key: str) -> Any:
    """Where `key` is written in a mapping node (the mapping itself when it is not)."""
    for key_node, _ in node.value:
        if key_node.id == "scalar" and key_node.value == key:
            return key_node.start_mark
    return node.start_mark


FACT_FILE = FactFileSpec(
    {
        "schema_version": Field(SchemaVersion(), required=True),
        "checked_on": Field(
            PartialDate(), description="when the sources were last searched and the facts checked"
        ),
        "as_of": Field(PartialDate(), description="older name of checked_on; give one or the other"),
        "events_through": Field(
            PartialDate(), description="the latest date the events reach; must be the latest event's date"
        ),
        "gaps": Field(ListOf(GAP), description="known gaps: what the fact base does not cover or know"),
        **{kind: Field(ListOf(spec), required=kind == "sources") for kind, spec in RECORD_SPECS.items()},
    },
    title="asiapac fact file",
)


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the fact file."""
    schema = FACT_FILE.json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://github.com/asiapac/asiapac/data/facts.schema.json",
        **schema,
    }
