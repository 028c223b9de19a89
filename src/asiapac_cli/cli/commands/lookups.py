"""The lookup commands: listings, `show`, `cite` and `about`. Each is thin: it resolves its
options, asks a query, and hands the answer to `emit`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Optional

import typer

from asiapac_cli import vocab
from asiapac_cli.errors import UsageProblem
from asiapac_cli.output.terminal import Terminal

if TYPE_CHECKING:
    from asiapac_cli.facts.base import FactBase
    from asiapac_cli.facts.model import Listing

from asiapac_cli.cli.app import command
from asiapac_cli.cli.emit import emit, emit_document, emit_drawn, emit_text
from asiapac_cli.cli.options import (
    ActorFilter,
    AsOfOption,
    CiteOption,
    DataOption,
    NoColorOption,
    NoPagerOption,
    Output,
    SinceOption,
    TopicArgument,
    TopicFilter,
    UntilOption,
    completions,
    listing_command,
)
from asiapac_cli.cli.vocabulary import (
    ActorKindFilter,
    CiteStyleOption,
    DocumentFormatOption,
    EventKindFilter,
    PositionFilter,
    VerdictFilter,
)


@listing_command()
def timeline(
    since: SinceOption = None,
    until: UntilOption = None,
    actor: ActorFilter = None,
    kind: EventKindFilter = None,
    topic: TopicFilter = None,
    chart: Annotated[
        bool, typer.Option("--chart", help="Events counted by year and kind, as plain text.")
    ] = False,
    cite: CiteOption = False,
    data: DataOption = None,
    as_of: AsOfOption = None,
    *,
    output: Output,
) -> None:
    """Events in date order; filter by date, actor, kind, topic.

    Summits, meetings, agreements, statements, visits and more, each with its evidence level
    and sources. On a terminal the newest come first and the `ev` column marks the evidence
    (W well-documented, S single-source, C contested, U unverified); piped, oldest first.

    \b
    Example:
      asiapac timeline --since 2023 --until 2023-08 --actor japan
    """
    from asiapac_cli.queries.timeline import timeline as timeline_query

    def events(fb: FactBase) -> Listing:
        return timeline_query(fb, since=since, until=until, actors=actor, kinds=kind, topics=topic, cite=cite)

    if chart:
        if output.format is not None and output.format.name not in ("table", "tsv"):
            raise UsageProblem(
                f"--chart draws plain text; it cannot be given as --format {output.format.name}"
            )
        from asiapac_cli.exports.chart import draw

        emit_text(lambda fb: draw(events(fb), output.terminal.width), data, output.terminal, as_of)
    else:
        emit(events, output, data, as_of)


@listing_command()
def summits(
    cite: CiteOption = False, data: DataOption = None, as_of: AsOfOption = None, *, output: Output
) -> None:
    """NATO summits and how each Indo-Pacific partner took part.

    On a terminal, one column per partner: who came and at what level (leader, deputy,
    minister, official; — for absent).

    \b
    Example:
      asiapac summits --format json | jq '.[] | {date, partners}'
    """
    from asiapac_cli.queries.summits import summits as summits_query

    emit(lambda fb: summits_query(fb, cite=cite), output, data, as_of)


@listing_command(listing="itpps")
def itpp(
    partner: Annotated[
        Optional[str],
        typer.Argument(
            metavar="[PARTNER]",
            help="Partner: japan, korea, australia, nz, ...",
            autocompletion=completions(("actors",), with_itpp=True),
            show_default=False,
        ),
    ] = None,
    cite: CiteOption = False,
    data: DataOption = None,
    as_of: AsOfOption = None,
    *,
    output: Output,
) -> None:
    """A partner's ITPP and its areas, or every ITPP.

    The date agreed, the period and the cooperation areas, each named area with its source.

    \b
    Example:
      asiapac itpp japan
    """
    from asiapac_cli.queries.itpp import itpp_areas, itpp_overview

    if partner is None:
        emit(lambda fb: itpp_overview(fb, cite=cite), output, data, as_of)
    else:
        emit(lambda fb: itpp_areas(fb, partner, cite=cite), output, data, as_of)


@listing_command()
def stances(
    topic: TopicArgument,
    position: PositionFilter = None,
    cite: CiteOption = False,
    data: DataOption = None,
    as_of: AsOfOption = None,
    *,
    output: Output,
) -> None:
    """Every actor's position on a topic, with what they said.

    \b
    Example:
      asiapac stances tokyo-office
    """
    from asiapac_cli.queries.stances import stances as stances_query

    emit(lambda fb: stances_query(fb, topic, positions=position, cite=cite), output, data, as_of)


@listing_command("who-opposed", listing="stances")
def who_opposed(
    topic: TopicArgument,
    cite: CiteOption = False,
    data: DataOption = None,
    as_of: AsOfOption = None,
    *,
    output: Output,
) -> None:
    """Actors opposed to a topic.

    A shortcut for: asiapac stances TOPIC --position opposed.

    \b
    Example:
      asiapac who-opposed tokyo-office
    """
    from asiapac_cli.queries.stances import stances as stances_query

    emit(lambda fb: stances_query(fb, topic, positions=("opposed",), cite=cite), output, data, as_of)


@listing_command("who-supported", listing="stances")
def who_supported(
    topic: TopicArgument,
    cite: CiteOption = False,
    data: DataOption = None,
    as_of: AsOfOption = None,
    *,
    output: Output,
) -> None:
    """Actors who proposed or supported a topic.

    \b
    Example:
      asiapac who-supported tokyo-office --format json
    """
    from asiapac_cli.queries.stances import stances as stances_query

    emit(
        lambda fb: stances_query(fb, topic, positions=vocab.SUPPORTING_POSITIONS, cite=cite),
        output,
        data,
        as_of,
    )


@listing_command()
def topics(data: DataOption = None, as_of: AsOfOption = None, *, output: Output) -> None:
    """The topics, with how many stances and events each has.

    \b
    Example:
      asiapac topics --format tsv | cut -f1
    """
    from asiapac_cli.queries.catalog import topics as topics_query

    emit(topics_query, output, data, as_of)


@listing_command()
def actors(
    kind: ActorKindFilter = None,
    data: DataOption = None,
    as_of: AsOfOption = None,
    *,
    output: Output,
) -> None:
    """Countries, organisations and people, with their aliases.

    \b
    Example:
      asiapac actors --kind person
    """
    from asiapac_cli.queries.catalog import actors as actors_query

    emit(lambda fb: actors_query(fb, kind=kind), output, data, as_of)


@listing_command()
def groupings(
    cite: CiteOption = False, data: DataOption = None, as_of: AsOfOption = None, *, output: Output
) -> None:
    """The Quad, AUKUS, Camp David: members and what each is.

    \b
    Example:
      asiapac groupings --format json | jq '.[].members'
    """
    from asiapac_cli.queries.catalog import groupings as groupings_query

    emit(lambda fb: groupings_query(fb, cite=cite), output, data, as_of)


@listing_command()
def sources(
    source_id: Annotated[
        Optional[str],
        typer.Argument(
            metavar="[ID]",
            help="One source id.",
            autocompletion=completions(("sources",)),
            show_default=False,
        ),
    ] = None,
    data: DataOption = None,
    as_of: AsOfOption = None,
    *,
    output: Output,
) -> None:
    """The sources, with the records that cite each.

    \b
    Example:
      asiapac sources --format bibtex > asiapac.bib
    """
    from asiapac_cli.queries.catalog import sources as sources_query

    emit(lambda fb: sources_query(fb, source_id), output, data, as_of)


@command()
def cite(
    record_id: Annotated[
        str,
        typer.Argument(
            metavar="ID",
            help="A record or source id.",
            autocompletion=completions(("stances", "itpps", "events", "groupings", "claims", "sources")),
            show_default=False,
        ),
    ],
    style: CiteStyleOption = "text",
    data: DataOption = None,
    as_of: AsOfOption = None,
    no_pager: NoPagerOption = False,
    *,
    terminal: Terminal,
) -> None:
    """How to cite a record: its sources, as text or BibTeX.

    As text, piped: one line per citation, 'Title. Publisher, date. URL "quote"', each part of
    the record that cites it first ('Area 3 (cyber defence): ...'). On a terminal: one numbered
    entry per source, its URL on a line of its own, every quote of it beneath.

    \b
    Example:
      asiapac cite france-opposes-tokyo-office --style bibtex
    """
    from asiapac_cli.exports.bibtex import bibtex
    from asiapac_cli.queries.citations import cited_sources, how_to_cite, sources_cited_by

    if style == "bibtex":
        emit_text(lambda fb: bibtex(fb, sources_cited_by(fb, record_id)), data, terminal, as_of)
    elif terminal.is_tty:
        from asiapac_cli.output.sources import draw_sources

        emit_drawn(
            lambda fb: cited_sources(fb, record_id),
            lambda entries: draw_sources(entries, terminal),
            data,
            terminal,
            as_of,
            no_pager,
        )
    else:
        emit_text(lambda fb: how_to_cite(fb, record_id), data, terminal, as_of)


@listing_command()
def claims(
    verdict: VerdictFilter = None,
    cite: CiteOption = False,
    data: DataOption = None,
    as_of: AsOfOption = None,
    *,
    output: Output,
) -> None:
    """The 2023 interview's claims, with verdicts and corrections.

    \b
    Example:
      asiapac claims --verdict wrong
    """
    from asiapac_cli.queries.catalog import claims as claims_query

    emit(lambda fb: claims_query(fb, verdict=verdict, cite=cite), output, data, as_of)


@listing_command()
def search(
    words: Annotated[
        list[str],
        typer.Argument(metavar="WORDS...", help="Words to find (all must appear).", show_default=False),
    ],
    data: DataOption = None,
    as_of: AsOfOption = None,
    *,
    output: Output,
) -> None:
    """Find records by words; title matches first.

    Searches titles, summaries, quotes and areas; every word must appear.

    \b
    Example:
      asiapac search liaison office
    """
    from asiapac_cli.queries.search import search as search_query

    emit(lambda fb: search_query(fb, " ".join(words)), output, data, as_of)


@command()
def show(
    name: Annotated[
        str,
        typer.Argument(
            metavar="NAME",
            help="An actor, topic, grouping, or any record or source id (part of a name will do).",
            autocompletion=completions(
                ("actors", "topics", "groupings", "itpps", "stances", "events", "claims")
            ),
            show_default=False,
        ),
    ],
    fmt: DocumentFormatOption = None,
    data: DataOption = None,
    as_of: AsOfOption = None,
    no_pager: NoPagerOption = False,
    no_color: NoColorOption = False,
    *,
    terminal: Terminal,
) -> None:
    """Everything about one actor, topic or record.

    On a terminal: how many records are about it, the record, every record related to it, and
    the sources it cites, numbered, each with its quotes. A part of a name that an actor and
    other records share means the actor; the others are named at the top.

    \b
    Example:
      asiapac show japan
    """
    from asiapac_cli.queries.show import show as show_query
    from asiapac_cli.queries.show import sources_shown

    emit_document(
        lambda fb: show_query(fb, name),
        fmt,
        data,
        terminal.without_color(no_color),
        as_of,
        no_pager=no_pager,
        sources=sources_shown,
    )


@command()
def about(
    fmt: DocumentFormatOption = None,
    data: DataOption = None,
    as_of: AsOfOption = None,
    no_color: NoColorOption = False,
    *,
    terminal: Terminal,
) -> None:
    """What the fact base covers, and what it does not know.

    When the sources were last searched, how far the events reach, counts, the known gaps.

    \b
    Example:
      asiapac about --format json | jq .events_through
    """
    from asiapac_cli.facts import load
    from asiapac_cli.queries.show import about as about_query

    fact_file = str(load.data_path(str(data) if data else None))
    emit_document(
        lambda fb: about_query(fb, fact_file),
        fmt,
        data,
        terminal.without_color(no_color),
        as_of,
        footer=False,
    )
