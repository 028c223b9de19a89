"""A row value as text: the one way lists, booleans and missing values become a cell.

A leaf module: the piped formats, the terminal table and the exports all read cells this way.
"""

from __future__ import annotations

from typing import Any

LIST_SEPARATOR = "; "


# TSV keeps one record per line: these four are written as escapes.
TSV_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def cell_text(value: Any) -> str:
    """A row value as one string: lists joined with '; ', missing values empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return LIST_SEPARATOR.join(cell_text(item) for item in value)
    return str(value)
