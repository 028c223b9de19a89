"""BibTeX entries for sources (`sources -f bibtex`, `cite --style bibtex`)."""

from __future__ import annotations

import re
from typing import Any

from asiapac_cli.errors import NoMatch
from asiapac_cli.exports.text import one_line
from asiapac_cli.facts import model
from asiapac_cli.facts.base import FactBase

MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


# Braces become commands rather than \{ and \}: BibTeX counts every brace, escaped or not.
LATEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "%": r"\%",
    "&": r"\&",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


LATEX_SPECIAL = re.compile("[" + re.escape("".join(LATEX_SPECIALS)) + "]")


def bibtex(fb: FactBase, source_rows: list[dict[str, Any]]) -> str:
    """One BibTeX entry per source (`@online` when it has a URL), separated by blank lines."""
    if not source_rows:
        raise NoMatch("no sources matched")
    return "\n".join(bibtex_entry(fb, row) for row in source_rows)


def bibtex_entry(fb: FactBase, source: dict[str, Any]) -> str:
    """One entry; each field is written `name = value`, the value braced unless it is a macro."""
    source = {**fb.table("sources").get(source["id"], {}), **source}  # a listing row holds fewer fields
    fields = [("title", "{{" + latex(source["title"]) + "}}")]  # inner braces keep capitals
    if source.get("author"):
        fields.append(("author", braced(latex(source["author"]))))
    elif source.get("publisher"):
        fields.append(("author", "{{" + latex(source["publisher"]) + "}}"))  # a corporate author
    if source.get("publisher"):
        fields.append(("organization", braced(latex(source["publisher"]))))
    date = source.get("date")
    if date:
        fields.append(("year", braced(date[:4])))
        if len(date) >= 7:
            fields.append(("month", MONTHS[int(date[5:7]) - 1]))  # BibTeX's month macro
        fields.append(("date", braced(date)))  # biblatex; BibTeX ignores it
    notes = [model.DESCRIPTIVE_TITLE_NOTE] if source.get("title_descriptive") else []
    notes += [f"via {source['via']}"] if source.get("via") else []
    notes += [f"language: {source['language']}"] if source.get("language") else []
    if notes:
        fields.append(("note", braced(latex("; ".join(notes)))))
    url = source.get("url")
    if url:
        fields.append(("url", braced(bibtex_url(url))))
        if source.get("accessed"):  # a real access date only, never the file's stamp
            fields.append(("urldate", braced(source["accessed"])))
    body = "".join(f"  {name} = {value},\n" for name, value in fields)
    return f"@{'online' if url else 'misc'}{{{source['id']},\n{body}}}\n"


def braced(value: str) -> str:
    return "{" + value + "}"


def latex(text: Any) -> str:
    """A field value with LaTeX's special characters escaped and line breaks as spaces."""
    return LATEX_SPECIAL.sub(lambda m: LATEX_SPECIALS[m.group()], one_line(text))


def bibtex_url(url: str) -> str:
    """A URL as biblatex reads it (verbatim): only what would break the entry is percent-encoded."""
    return re.sub(r"[{}\\\s]", lambda m: f"%{ord(m.group()):02X}", one_line(url))
