"""Refresh the terminal screens of the README and docs/*.md: each `<!-- screen: ARGS -->` block
becomes what `asiapac ARGS` prints on an 80-column, 24-row terminal with the bundled facts (no
colour, no pager), run from the repository (the screens name docs/draft.txt).

    .venv/bin/python docs/screens.py          # rewrite the pages in place
    .venv/bin/python docs/screens.py --check  # exit 1 if a screen is out of date (tests do this)
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PAGES = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
BLOCK = re.compile(
    r"(<!-- screen: (?P<args>[^>]*?) -->\n```\n)(?P<body>.*?)(```\n<!-- /screen -->)", re.DOTALL
)
ASIAPAC = str(Path(sys.executable).parent / "asiapac")


def screen(args: str) -> str:
    """What `asiapac ARGS` shows at 80 columns and 24 rows, as the pages quote it."""
    env = {
        **os.environ,
        "ASIAPAC_FORCE_TTY": "80",
        "LINES": "24",  # a table wraps its records when they fit the screen's height: fix it
        "NO_COLOR": "1",
        "ASIAPAC_DATA": str(REPO / "data" / "facts.yaml"),
    }
    shown = subprocess.run(
        [ASIAPAC, *shlex.split(args)], capture_output=True, text=True, env=env, cwd=REPO
    ).stdout
    lines = [line.rstrip() for line in shown.splitlines()]
    return f"$ asiapac {args}\n" + "".join(f"{line}\n" for line in lines)


def refreshed(text: str) -> str:
    return BLOCK.sub(lambda m: m.group(1) + screen(m.group("args")) + m.group(4), text)


def main() -> int:
    stale = []
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        new = refreshed(text)
        if new == text:
            continue
        stale.append(page.relative_to(REPO))
        if "--check" not in sys.argv:
            page.write_text(new, encoding="utf-8")
    if stale and "--check" in sys.argv:
        print("out of date:", *stale, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
