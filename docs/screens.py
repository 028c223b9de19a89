"""Refresh the README's terminal screens: each `<!-- screen: ARGS -->` block becomes what
`asiapac ARGS` prints on an 80-column, 24-row terminal with the bundled facts (no colour, no pager).

    .venv/bin/python docs/screens.py          # rewrite README.md in place
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
README = REPO / "README.md"
BLOCK = re.compile(
    r"(<!-- screen: (?P<args>[^>]*?) -->\n```\n)(?P<body>.*?)(```\n<!-- /screen -->)", re.DOTALL
)
ASIAPAC = str(Path(sys.executable).parent / "asiapac")


def screen(args: str) -> str:
    """What `asiapac ARGS` shows at 80 columns and 24 rows, as the README quotes it."""
    env = {
        **os.environ,
        "ASIAPAC_FORCE_TTY": "80",
        "LINES": "24",  # a table wraps its records when they fit the screen's height: fix it
        "NO_COLOR": "1",
        "ASIAPAC_DATA": str(REPO / "data" / "facts.yaml"),
    }
    shown = subprocess.run([ASIAPAC, *shlex.split(args)], capture_output=True, text=True, env=env).stdout
    lines = [line.rstrip() for line in shown.splitlines()]
    return f"$ asiapac {args}\n" + "".join(f"{line}\n" for line in lines)


def refreshed(text: str) -> str:
    return BLOCK.sub(lambda m: m.group(1) + screen(m.group("args")) + m.group(4), text)


def main() -> int:
    text = README.read_text(encoding="utf-8")
    new = refreshed(text)
    if "--check" in sys.argv:
        return 0 if new == text else 1
    README.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
