"""Regenerate the README's picture of the HTML briefing, with headless Chromium.

    .venv/bin/python benchmarks/screenshot.py            # writes docs/briefing.png

It exports the bundled fact file with `asiapac export --format html`, photographs the page at
1280 pixels wide, and keeps the top of the page and the timeline (cropped and re-encoded with
the standard library only). The browser helpers here are also what tests/test_briefing.py
uses to load pages in a real browser.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
# Offline and quiet: no sandbox (CI runs as root), no GPU, no network side-traffic.
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--hide-scrollbars",
    "--mute-audio",
)


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


def run_chromium(*arguments: str, timeout: float = 90) -> subprocess.CompletedProcess[str]:
    """Run headless Chromium with a new, empty profile that is removed afterwards."""
    browser = find_chromium()
    if browser is None:
        raise RuntimeError("chromium not found (Debian: apt-get install chromium)")
    with tempfile.TemporaryDirectory(prefix="asiapac-chromium-") as profile:
        return subprocess.run(
            [browser, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *arguments],
            capture_output=True,
            text=True,
            timeout=timeout,
            env={**os.environ, "HOME": profile},
        )


def screenshot(page: Path, png: Path, width: int, height: int) -> bytes:
    """A PNG of `page` (a file) in a window of `width` x `height` CSS pixels."""
    png.unlink(missing_ok=True)
    run_chromium(f"--window-size={width},{height}", f"--screenshot={png}", page.resolve().as_uri())
    if not png.exists():
        raise RuntimeError(f"chromium wrote no screenshot of {page}")
    return png.read_bytes()


def dump_dom(page: Path, width: int = 1280, height: int = 900, fragment: str = "") -> str:
    """The page's DOM as Chromium serialises it after loading it and running its script."""
    address = page.resolve().as_uri() + (f"#{fragment}" if fragment else "")
    done = run_chromium(
        f"--window-size={width},{height}", "--virtual-time-budget=2000", "--dump-dom", address
    )
    return done.stdout


# --- PNG, with the standard library -------------------------------------------------------------

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
CHANNELS = {0: 1, 2: 3, 4: 2, 6: 4}  # colour type -> samples per pixel (8-bit, no palette)


def decode_png(data: bytes) -> tuple[int, int, int, list[bytes]]:
    """(width, height, channels, rows of unfiltered pixel bytes) of an 8-bit, non-interlaced PNG."""
    if not data.startswith(PNG_SIGNATURE):
        raise ValueError("not a PNG")
    position, chunks, header = len(PNG_SIGNATURE), [], b""
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            chunks.append(body)
        position += 12 + length
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    if depth != 8 or colour not in CHANNELS or interlace:
        raise ValueError(f"unsupported PNG (depth {depth}, colour type {colour}, interlace {interlace})")
    channels = CHANNELS[colour]
    raw = zlib.decompress(b"".join(chunks))
    stride = width * channels
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind_of_filter = raw[start]
        line = bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind_of_filter == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind_of_filter == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind_of_filter == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind_of_filter == 4:
                estimate = left + up - corner
                pa, pb, pc = abs(estimate - left), abs(estimate - up), abs(estimate - corner)
                predictor = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[i] = (line[i] + predictor) & 0xFF
        rows.append(bytes(line))
        previous = line
    return width, height, channels, rows


def distinct_pixels(data: bytes) -> int:
    """How many different pixel values a PNG has: 1 for a blank page."""
    _, _, channels, rows = decode_png(data)
    seen = set()
    for row in rows:
        for i in range(0, len(row), channels):
            seen.add(row[i : i + channels])
    return len(seen)


def encode_png(width: int, channels: int, rows: list[bytes]) -> bytes:
    colour = {value: key for key, value in CHANNELS.items()}[channels]

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, len(rows), 8, colour, 0, 0, 0)
    # Filter 'Up' on every row: much smaller than none for a page of flat colour.
    raw = bytearray()
    previous = bytes(width * channels)
    for row in rows:
        raw.append(2)
        raw += bytes((a - b) & 0xFF for a, b in zip(row, previous, strict=True))
        previous = row
    return (
        PNG_SIGNATURE
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(bytes(raw), 9))
        + chunk(b"IEND", b"")
    )


def offset_of(page: Path, element_id: str) -> int:
    """The distance in CSS pixels from the top of `page` to an element, measured in a copy.

    The copy drops the page's Content-Security-Policy so that one measuring script may run; the
    photograph is always of the page itself.
    """
    text = page.read_text(encoding="utf-8")
    text = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", text, count=1)
    probe = (
        "<script>addEventListener('load',function(){document.title='OFFSET '+Math.round("
        f"document.getElementById('{element_id}').getBoundingClientRect().top+scrollY)}})</script>"
    )
    copy = page.with_name("measure-" + page.name)
    copy.write_text(text.replace("</body>", probe + "</body>"), encoding="utf-8")
    found = re.search(r"<title>OFFSET (\d+)</title>", dump_dom(copy))
    if not found:
        raise RuntimeError(f"could not measure #{element_id}")
    return int(found.group(1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--output", type=Path, default=REPO / "docs" / "briefing.png")
    options = parser.parse_args()
    asiapac = Path(sys.executable).parent / "asiapac"
    with tempfile.TemporaryDirectory() as work:
        page = Path(work) / "asiapac.html"
        subprocess.run([str(asiapac), "export", "--format", "html", "--output", str(page)], check=True)
        itpps_at, timeline_at = offset_of(page, "itpps"), offset_of(page, "timeline")
        tall = Path(work) / "tall.png"
        width, _, channels, rows = decode_png(screenshot(page, tall, 1280, timeline_at + 900))
        # The top of the page (title and the whole summit matrix), then the timeline and its
        # filters; a dashed band marks the cut between the two.
        band = bytes(([0x99] * channels + [0xFF] * channels) * (width // 2) + [0xFF] * channels * (width % 2))
        blank = bytes([0xFF] * channels * width)
        cut = [blank] * 6 + [band] * 2 + [blank] * 6
        picture = rows[: itpps_at - 8] + cut + rows[timeline_at - 8 : timeline_at + 840]
        options.output.write_bytes(encode_png(width, channels, picture))
    print(f"wrote {options.output} ({options.output.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
