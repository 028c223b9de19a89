"""Closed-vocabulary options (--kind, --position, --verdict, --style, --min-evidence, the
document, validate and export formats), each declared once: its flag, metavar, help listing
its values, and shell completion of them. A command that takes one gets its value already
matched (any case, one "did you mean" for a typo): the command's callback matches every
vocabulary option it has, in one place (`match_vocabularies`, called by app.callback).
"""

from __future__ import annotations

from typing import Annotated, Any, Optional

import typer

from asiapac_cli import vocab
from asiapac_cli.errors import UsageProblem


class Vocabulary:
    """One closed-vocabulary option. `noun` names its values in a message ('event kind');
    `help` may say `{values}`, which becomes the values, comma-separated."""

    def __init__(
        self,
        flags: tuple[str, ...],
        values: tuple[str, ...],
        noun: str,
        *,
        metavar: str,
        help: str,
        repeatable: bool = False,
        comma: bool = False,
        show_default: bool = False,
    ) -> None:
        self.flags = flags
        self.values = values
        self.noun = noun
        self.metavar = metavar
        self.help = help.format(values=", ".join(values))
        self.repeatable = repeatable
        self.comma = comma  # one value naming several, comma-separated ("contradicted,contested")
        self.show_default = show_default

    def typer_option(self) -> Any:
        """The option as Typer declares it: flags, metavar, help, completion of the values."""
        return typer.Option(
            *self.flags,
            metavar=self.metavar,
            help=self.help,
            autocompletion=vocab.completer(self.values),
            show_default=self.show_default,
        )

    def match(self, typed: Any) -> Any:
        """The value(s) typed, as the vocabulary spells them; None when the option was not given."""
        if typed is None:
            return None
        if self.comma:
            names = [name.strip() for name in typed.split(",") if name.strip()]
            if not names:
                raise UsageProblem(f"{self.flags[0]}: no {self.noun} named")
            return list(vocab.match_all(names, self.values, self.flags[0], self.noun))
        if self.repeatable:
            return list(vocab.match_all(typed, self.values, self.flags[0], self.noun)) or None
        return vocab.match(typed, self.values, self.flags[0], self.noun)


def vocabulary_of(annotation: Any) -> Vocabulary | None:
    """The vocabulary an option's annotation declares, if it is one."""
    return next((m for m in getattr(annotation, "__metadata__", ()) if isinstance(m, Vocabulary)), None)


def match_vocabularies(parameters: dict[str, Any], values: dict[str, Any]) -> None:
    """Replace each vocabulary option's typed value in `values` by the matched one, in the
    order the command declares them (a UsageProblem, exit 2, for a value not in it)."""
    for name, annotation in parameters.items():
        vocabulary = vocabulary_of(annotation)
        if vocabulary is not None and name in values:
            values[name] = vocabulary.match(values[name])


EVENT_KINDS = Vocabulary(
    ("--kind",),
    vocab.EVENT_KINDS,
    "event kind",
    metavar="KIND",
    help="Only this kind of event (repeatable): {values}.",
    repeatable=True,
)
POSITIONS = Vocabulary(
    ("--position",),
    vocab.POSITIONS,
    "position",
    metavar="POSITION",
    help="Only this position (repeatable): {values}.",
    repeatable=True,
)
ACTOR_KINDS = Vocabulary(("--kind",), vocab.ACTOR_KINDS, "actor kind", metavar="KIND", help="Only {values}.")
VERDICTS = Vocabulary(
    ("--verdict",), vocab.VERDICTS, "verdict", metavar="VERDICT", help="Only this verdict: {values}."
)
CHECK_VERDICTS = Vocabulary(
    ("--verdict",),
    vocab.CHECK_VERDICTS,
    "verdict",
    metavar="V,V",
    help="Only sentences with these verdicts (comma-separated): {values}.",
    comma=True,
)
EVIDENCE_LEVELS = Vocabulary(
    ("--min-evidence",),
    vocab.EVIDENCE_LEVELS,
    "level",
    metavar="LEVEL",
    help="Judge only against facts at or above this evidence level: {values}.",
)
CITE_STYLES = Vocabulary(
    ("--style",), vocab.CITE_STYLES, "style", metavar="STYLE", help="One of {values}.", show_default=True
)
DOCUMENT_FORMATS = Vocabulary(
    ("--format", "-f"),
    vocab.DOCUMENT_FORMATS,
    "format",
    metavar="FORMAT",
    help="table (an outline) on a terminal, text when piped; or json, yaml.",
)
VALIDATE_FORMATS = Vocabulary(
    ("--format", "-f"),
    vocab.VALIDATE_FORMATS,
    "format",
    metavar="FORMAT",
    help="text (file:line:column: message) or json.",
    show_default=True,
)
EXPORT_FORMATS = Vocabulary(
    ("--format", "-f"),
    vocab.EXPORT_FORMATS,
    "format",
    metavar="FORMAT",
    help="sqlite (needs --output), json, or html (a briefing page).",
)

# The options as commands declare them: the type Typer reads, the option, and its vocabulary
# (which app.callback finds in the annotation to match the value).
EventKindFilter = Annotated[Optional[list[str]], EVENT_KINDS.typer_option(), EVENT_KINDS]
PositionFilter = Annotated[Optional[list[str]], POSITIONS.typer_option(), POSITIONS]
ActorKindFilter = Annotated[Optional[str], ACTOR_KINDS.typer_option(), ACTOR_KINDS]
VerdictFilter = Annotated[Optional[str], VERDICTS.typer_option(), VERDICTS]
CheckVerdictFilter = Annotated[Optional[str], CHECK_VERDICTS.typer_option(), CHECK_VERDICTS]
MinEvidenceOption = Annotated[Optional[str], EVIDENCE_LEVELS.typer_option(), EVIDENCE_LEVELS]
CiteStyleOption = Annotated[str, CITE_STYLES.typer_option(), CITE_STYLES]
DocumentFormatOption = Annotated[Optional[str], DOCUMENT_FORMATS.typer_option(), DOCUMENT_FORMATS]
ValidateFormatOption = Annotated[str, VALIDATE_FORMATS.typer_option(), VALIDATE_FORMATS]
ExportFormatOption = Annotated[str, EXPORT_FORMATS.typer_option(), EXPORT_FORMATS]
