"""The baseline: asiapac built the straightforward way, for benchmarks/run.py to compare with.

Latest Typer and Rich, `yaml.safe_load` of the whole fact file on every run, Rich for
every output, all commands registered up front. It answers the benchmarked questions the
same way asiapac does; it is not part of the package.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import typer
import yaml
from rich.console import Console
from rich.table import Table

app = typer.Typer(help="asiapac, built the straightforward way (benchmark baseline).")
DATA = Path(os.environ.get("BASELINE_DATA", Path(__file__).parent.parent / "data" / "facts.yaml"))


def facts() -> dict[str, Any]:
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))


def output(rows: list[dict[str, Any]], fmt: str) -> None:
    if fmt == "json":
        print(json.dumps(rows, indent=2, ensure_ascii=False, default=str))
        return
    table = Table()
    for column in rows[0] if rows else []:
        table.add_column(column)
    for row in rows:
        table.add_row(*(str(v) if v is not None else "" for v in row.values()))
    Console().print(table)


@app.command()
def timeline(
    since: str = typer.Option(None),
    until: str = typer.Option(None),
    actor: str = typer.Option(None),
    kind: str = typer.Option(None),
    topic: str = typer.Option(None),
    fmt: str = typer.Option("table", "--format", "-f"),
) -> None:
    """Events in date order."""
    rows = []
    for event in sorted(facts()["events"], key=lambda e: str(e["date"])):
        date = str(event["date"])
        if (since and date < since) or (until and date > until) or (kind and event["kind"] != kind):
            continue
        if actor and actor not in event.get("actors", []):
            continue
        if topic and topic not in event.get("topics", []):
            continue
        rows.append(
            {
                "date": date,
                "kind": event["kind"],
                "title": event["title"],
                "actors": "; ".join(event.get("actors", [])),
            }
        )
    output(rows, fmt)


@app.command()
def itpp(partner: str = typer.Argument(None), fmt: str = typer.Option("table", "--format", "-f")) -> None:
    """A partner's ITPP."""
    data = facts()
    names = {a["id"]: a["id"] for a in data["actors"]}
    names.update({str(alias).lower(): a["id"] for a in data["actors"] for alias in a.get("aliases", [])})
    rows = []
    for programme in data["itpps"]:
        if partner and programme["partner"] != names.get(partner.lower(), partner):
            continue
        for number, area in enumerate(programme.get("areas", []), start=1):
            rows.append(
                {
                    "partner": programme["partner"],
                    "agreed": programme.get("agreed"),
                    "areas_total": programme.get("areas_total"),
                    "area_number": number,
                    "area": area["name"],
                }
            )
    output(rows, fmt)


def stance_rows(topic: str, positions: tuple[str, ...] | None) -> list[dict[str, Any]]:
    return [
        {"actor": s["actor"], "position": s["position"], "date": s.get("date"), "said": s.get("said")}
        for s in facts().get("stances", [])
        if s["topic"] == topic and (positions is None or s["position"] in positions)
    ]


@app.command()
def stances(topic: str, fmt: str = typer.Option("table", "--format", "-f")) -> None:
    """Positions on a topic."""
    output(stance_rows(topic, None), fmt)


@app.command("who-opposed")
def who_opposed(topic: str, fmt: str = typer.Option("table", "--format", "-f")) -> None:
    """Actors opposed."""
    output(stance_rows(topic, ("opposed",)), fmt)


@app.command("who-supported")
def who_supported(topic: str, fmt: str = typer.Option("table", "--format", "-f")) -> None:
    """Actors in support."""
    output(stance_rows(topic, ("proposed", "supported")), fmt)


def listing(section: str, fields: tuple[str, ...], fmt: str) -> None:
    output([{f: r.get(f) for f in fields} for r in facts().get(section, [])], fmt)


@app.command()
def summits(fmt: str = typer.Option("table", "--format", "-f")) -> None:
    """Summits."""
    output(
        [{"date": e["date"], "title": e["title"]} for e in facts()["events"] if e["kind"] == "summit"], fmt
    )


@app.command()
def topics(fmt: str = typer.Option("table", "--format", "-f")) -> None:
    """Topics."""
    listing("topics", ("id", "title"), fmt)


@app.command()
def actors(kind: str = typer.Option(None), fmt: str = typer.Option("table", "--format", "-f")) -> None:
    """Actors."""
    listing("actors", ("id", "name", "kind"), fmt)


@app.command()
def groupings(fmt: str = typer.Option("table", "--format", "-f")) -> None:
    """Groupings."""
    listing("groupings", ("id", "name", "founded"), fmt)


@app.command()
def sources(
    source_id: str = typer.Argument(None), fmt: str = typer.Option("table", "--format", "-f")
) -> None:
    """Sources."""
    listing("sources", ("id", "title", "publisher", "date"), fmt)


@app.command()
def claims(verdict: str = typer.Option(None), fmt: str = typer.Option("table", "--format", "-f")) -> None:
    """Seed claims."""
    listing("claims", ("id", "verdict", "text"), fmt)


@app.command()
def search(text: str, fmt: str = typer.Option("table", "--format", "-f")) -> None:
    """Search titles."""
    output(
        [
            {"id": e["id"], "title": e["title"]}
            for e in facts()["events"]
            if text.lower() in e["title"].lower()
        ],
        fmt,
    )


@app.command()
def show(name: str, fmt: str = typer.Option("table", "--format", "-f")) -> None:
    """One record."""
    data = facts()
    found = [
        r for section in data.values() if isinstance(section, list) for r in section if r.get("id") == name
    ]
    output(found, fmt)


@app.command()
def validate(file: str = typer.Argument(None)) -> None:
    """Parse the file."""
    facts()


@app.command()
def schema() -> None:
    """A schema."""
    print("{}")


if __name__ == "__main__":
    app()
