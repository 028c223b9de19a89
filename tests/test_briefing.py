"""The HTML briefing (`export --format html`): structure, escaping, filters, and a real browser.

Structure and escaping are checked with the standard library's html.parser. The browser tests
load pages from disk in headless Chromium; they skip only when no Chromium is installed
(.ci/run installs Debian's `chromium`, so CI runs them).
"""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from asiapac_cli.exports.briefing import page as briefing_page
from asiapac_cli.exports.briefing.page import LEVEL_WORDS, TITLE, briefing
from asiapac_cli.facts import load
from asiapac_cli.queries.show import about
from asiapac_cli.queries.summits import summits as summit_listing
from asiapac_cli.queries.timeline import timeline
from conftest import REPO, run, write_facts

BUNDLED = REPO / "data" / "facts.yaml"


def screenshot_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("screenshot", REPO / "benchmarks" / "screenshot.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SHOT = screenshot_module()
needs_chromium = pytest.mark.skipif(
    SHOT.find_chromium() is None, reason="chromium is not installed (.ci/run installs it)"
)


class Page(HTMLParser):
    """Every start tag with its attributes, the text, and the script and style blocks."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text_parts: list[str] = []
        self.blocks: dict[str, list[str]] = {"script": [], "style": []}
        self.open_block: str | None = None
        self.ids: set[str] = set()
        self.feed(text)
        self.close()
        self.text = " ".join(" ".join(self.text_parts).split())

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if attributes.get("id"):
            self.ids.add(str(attributes["id"]))
        if tag in self.blocks:
            self.open_block = tag
            self.blocks[tag].append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == self.open_block:
            self.open_block = None

    def handle_data(self, data: str) -> None:
        if self.open_block:
            self.blocks[self.open_block][-1] += data
        else:
            self.text_parts.append(data)

    def all(self, tag: str) -> list[dict[str, str | None]]:
        return [attributes for name, attributes in self.tags if name == tag]


def one_line(text: Any) -> str:
    return " ".join(str(text).split())


@pytest.fixture(scope="module")
def factbase() -> Any:
    return load.load(BUNDLED, use_cache=False)


@pytest.fixture(scope="module")
def page_text(factbase: Any) -> str:
    return briefing(factbase)


@pytest.fixture(scope="module")
def page(page_text: str) -> Page:
    return Page(page_text)


# --- one file, no network -------------------------------------------------------------------------


def test_the_page_is_one_file_that_fetches_nothing(page: Page) -> None:
    names = {name for name, _ in page.tags}
    assert not names & {"link", "img", "iframe", "object", "embed", "image", "use", "base", "video", "audio"}
    for name, attributes in page.tags:
        assert "src" not in attributes, name  # the one script is inline
        for key, value in attributes.items():
            assert not key.startswith("on"), (name, key)  # no inline handlers
            if key in ("href", "xlink:href", "action", "formaction", "srcset", "poster"):
                assert value is not None and (
                    value.startswith("#") or value.startswith("https://") or value.startswith("http://")
                )
                if not value.startswith("#"):
                    assert name == "a" and key == "href"  # only links a reader follows
    assert len(page.blocks["script"]) == 1 and len(page.blocks["style"]) == 1
    assert "url(" not in page.blocks["style"][0] and "@import" not in page.blocks["style"][0]
    assert "fetch(" not in page.blocks["script"][0] and "XMLHttpRequest" not in page.blocks["script"][0]


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_the_content_security_policy_allows_only_the_pages_own_blocks(page: Page) -> None:
    policies = [
        a for a in page.all("meta") if (a.get("http-equiv") or "").lower() == "content-security-policy"
    ]
    assert len(policies) == 1
    directives = {
        part.split()[0]: part.split()[1:]
        for part in (policies[0]["content"] or "").split(";")
        if part.strip()
    }
    assert directives["default-src"] == ["'none'"]
    assert directives["script-src"] == [sha256(page.blocks["script"][0])]
    assert directives["style-src"] == [sha256(page.blocks["style"][0])]
    assert "'unsafe-inline'" not in str(directives) and "'unsafe-eval'" not in str(directives)
    # The policy comes before anything it governs.
    tags = [name for name, _ in page.tags]
    assert tags.index("meta") < tags.index("style")


# --- every fact on the page -------------------------------------------------------------------------


def test_every_fact_is_on_the_page(factbase: Any, page: Page) -> None:
    for event in factbase.events:
        assert f"ev-{event['id']}" in page.ids
        assert one_line(event["title"]) in page.text
        if event.get("summary"):
            assert one_line(event["summary"]) in page.text
        if event.get("correction"):
            assert one_line(event["correction"]) in page.text
        for entry in event.get("attendance") or []:
            if entry.get("person"):
                assert entry["person"] in page.text
    for itpp in factbase.table("itpps").values():
        assert one_line(itpp["title"]) in page.text
        for area in itpp.get("areas") or []:
            assert one_line(area["name"]) in page.text
    for stance in factbase.table("stances").values():
        assert f"st-{stance['id']}" in page.ids
        for field in ("said", "summary", "correction"):
            if stance.get(field):
                assert one_line(stance[field]) in page.text
    for claim in factbase.table("claims").values():
        assert f"cl-{claim['id']}" in page.ids
        assert one_line(claim["text"]) in page.text
    for grouping in factbase.table("groupings").values():
        assert f"gr-{grouping['id']}" in page.ids
    sources = list(factbase.table("sources").values())
    for number, source in enumerate(sources, start=1):
        assert f"src-{number}" in page.ids
        assert one_line(source["title"]) in page.text
        if source.get("url"):
            assert {"href": source["url"], "rel": "noreferrer"} in page.all("a")


def test_every_fact_links_to_a_numbered_source_that_exists(page_text: str, page: Page) -> None:
    targets = [a["href"] for a in page.all("a") if (a.get("href") or "").startswith("#")]
    assert all(str(t)[1:] in page.ids for t in targets)
    # Each event, stance and claim names at least one numbered source.
    for block in re.findall(r'<li id="ev-.*?</ul></details></li>', page_text, re.S):
        assert 'href="#src-' in block
    for row in re.findall(r'<tr id="(?:st|cl)-.*?</tr>', page_text, re.S):
        assert 'href="#src-' in row


def test_the_summit_matrix_shows_person_and_level_in_text(factbase: Any, page_text: str) -> None:
    matrix = page_text[page_text.index('<table class="matrix">') : page_text.index("</table>")]
    headings = [one_line(h) for h in re.findall(r'<th scope="col">(.*?)</th>', matrix)]
    assert headings == ["Summit", "Japan", "Republic of Korea", "Australia", "New Zealand"]
    summits = summit_listing(factbase, cite=False).rows
    rows = re.findall(r'<tr><th scope="row">.*?</tr>', matrix, re.S)
    assert len(rows) == len(summits)
    partners = ["japan", "republic-of-korea", "australia", "new-zealand"]
    for summit, row in zip(summits, rows, strict=True):
        attendance = {a["actor"]: a for a in (factbase.get(summit["id"]).get("attendance") or [])}
        cells = re.findall(r'<td class="lvl lvl-([a-z-]+)">(.*?)</td>', row, re.S)
        assert len(cells) == 4
        for partner, (level, cell) in zip(partners, cells, strict=True):
            entry = attendance.get(partner, {"level": "not-known"})
            assert level == entry["level"]
            text = Page(cell).text
            assert text.startswith(LEVEL_WORDS[entry["level"]])  # the level in words too
            assert entry.get("person", "") in text and 'href="#src-' in cell


def test_the_programmes_align_shared_areas_and_say_what_is_not_named(factbase: Any, page_text: str) -> None:
    table = page_text[page_text.index('<table class="itpps">') :]
    table = table[: table.index("</table>")]
    row = re.search(r"<tr><th scope=\"row\">Cyber defence.*?</tr>", table, re.S)
    assert row is not None
    cells = [
        re.sub(r"<[^>]+>|\[.*", "", c).strip() for c in re.findall(r"<td>(.*?)</td>", row.group(0), re.S)
    ]
    itpps = list(factbase.table("itpps").values())
    assert len(cells) == len(itpps)
    for itpp, cell in zip(itpps, cells, strict=True):
        areas = [a["name"] for a in itpp.get("areas") or []]
        cyber = [f"{n}. {name}" for n, name in enumerate(areas, start=1) if "cyber" in name.casefold()]
        if cyber:
            assert cell == " ".join(cyber)  # the partner's own wording and number
        elif areas:
            assert cell == "not among the named areas"
        else:
            assert cell == "not named in any source found"  # said plainly
        total = int(itpp.get("areas_total") or 0)
        if areas and total > len(areas):
            expected = (
                f"{len(areas)} of {total}; the other {total - len(areas)} are not named in any source found"
            )
            assert expected in table
    assert "none: the areas are not named in any source found" in table  # New Zealand's


def test_stances_show_position_quote_evidence_and_correction(factbase: Any, page: Page) -> None:
    stances = factbase.table("stances")
    france = stances["france-opposes-tokyo-office"]
    assert one_line(france["said"]) in page.text
    germany = stances["germany-on-tokyo-office"]
    assert "Correction: " + one_line(germany["correction"]) in page.text


def test_the_footer_says_what_the_page_covers(factbase: Any, page: Page) -> None:
    coverage = page.text[page.text.index("Coverage Sources checked on") :]
    covered = about(factbase, str(BUNDLED))
    assert (
        f"Sources checked on: {covered['checked_on']}. Events through: {covered['events_through']}."
        in coverage
    )
    for gap in covered["gaps"]:
        assert one_line(gap["text"]) in coverage


VOID = {"meta", "br", "input", "img", "link", "hr", "wbr", "col", "source", "area", "base"}
SVG_EMPTY = {"rect", "circle", "line"}  # written self-closed


class Balance(HTMLParser):
    """Checks that every element is closed, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID and tag not in SVG_EMPTY:
            self.errors.append(f"self-closed <{tag}/>")

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>")
        else:
            self.stack.pop()


def test_every_element_is_closed_in_order(page_text: str) -> None:
    checker = Balance()
    checker.feed(page_text)
    checker.close()
    assert checker.errors == [] and checker.stack == []
    assert len(re.findall(r"\bid=\"([^\"]+)\"", page_text)) == len(
        set(re.findall(r"\bid=\"([^\"]+)\"", page_text))
    )


# --- accessible structure ------------------------------------------------------------------------


def test_headings_are_in_order_and_tables_have_header_cells(page: Page) -> None:
    levels = [int(name[1]) for name, _ in page.tags if re.fullmatch(r"h[1-6]", name)]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False))
    for name, attributes in page.tags:
        if name == "th":
            assert attributes.get("scope") in ("col", "row", "colgroup")
    assert len(page.all("table")) == len(page.all("caption")) == len(page.all("thead"))


def test_the_filters_are_labelled_form_controls(page: Page) -> None:
    boxes = page.all("input")
    assert len(boxes) > 20
    labels = {a.get("for") for a in page.all("label")}
    assert all(box.get("id") in labels for box in boxes)
    assert {b["name"] for b in boxes} == {"lanes", "partner", "kind", "topic"}
    marks = [a for a in page.all("a") if a.get("class", "") and str(a.get("class")).startswith("mark ")]
    assert len(marks) >= 70 and all(m.get("data-kind") for m in marks)  # each event at least once


# --- escaping ----------------------------------------------------------------------------------------

PAYLOAD = (
    "<script>document.title='PWNED'</script>"
    "<img src=x onerror=\"document.title='PWNED'\">"
    "<svg onload=\"document.title='PWNED'\"></svg> & \"quoted\" 'single'"
)


def hostile_facts(path: Path) -> Path:
    """The small fact file with the payload in every kind of text the page shows."""
    text = (REPO / "tests" / "fixtures" / "small.yaml").read_text(encoding="utf-8")
    quoted = "'" + PAYLOAD.replace("'", "''") + "'"
    replacements = {
        "title: Madrid Summit": f"title: {quoted}",
        "title: Macron says NATO office in Japan would be a mistake": f"title: {quoted}",
        "title: NATO liaison office in Tokyo": f"title: {quoted}",
        "person: Fumio Kishida": f"person: {quoted}",
        "place: Vilnius": f"place: {quoted}\n    summary: {quoted}\n    correction: {quoted}",
        "name: cyber defence": f"name: {quoted}",
        "name: France": f"name: {quoted}",
        "said: The Indo-Pacific is not the North Atlantic": f"said: {quoted}",
        "correction: The seed says Germany joined France; sources report only caution.": f"correction: {quoted}",
        "quote: The Indo-Pacific is not the North Atlantic": f"quote: {quoted}",
        "url: https://taiwannews.com.tw/news/4943221": "url: 'https://evil.example/\"onmouseover=\"document.title=''PWNED''\"'",
    }
    for old, new in replacements.items():
        assert old in text, old
        text = text.replace(old, new)
    return write_facts(path, text)


def test_every_hostile_value_is_escaped_text(tmp_path: Path) -> None:
    facts = hostile_facts(tmp_path / "hostile.yaml")
    result = run("export", "--format", "html", "--data", str(facts))
    assert result.exit_code == 0, result.stderr
    parsed = Page(result.stdout)
    assert len(parsed.blocks["script"]) == 1 and "PWNED" not in parsed.blocks["script"][0]
    assert not parsed.all("img") and len(parsed.all("svg")) == 2  # the two timelines only
    for _, attributes in parsed.tags:
        assert not any(key.startswith("on") for key in attributes)
    # The payload is there, as text, wherever the fact file put it.
    assert parsed.text.count(one_line(PAYLOAD)) >= 8
    assert '"onmouseover="' not in result.stdout and "&quot;onmouseover=&quot;" in result.stdout
    assert "<script>document" not in result.stdout and "&lt;script&gt;document" in result.stdout


def test_control_characters_never_reach_the_page(tmp_path: Path) -> None:
    facts = tmp_path / "controls.yaml"
    text = (REPO / "tests" / "fixtures" / "small.yaml").read_text(encoding="utf-8")
    hostile = 'title: "Madrid\\e[31m \\x00Summit\\x7f \\u202eright-to-left"'
    write_facts(facts, text.replace("title: Madrid Summit", hostile))
    result = run("export", "--format", "html", "--data", str(facts))
    assert result.exit_code == 0, result.stderr
    # Shown, not obeyed: as the tables show them.
    assert "Madrid\\x1b[31m \\x00Summit\\x7f \\u202eright-to-left" in result.stdout
    assert "\u202e" not in result.stdout
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", result.stdout)


# --- the command ------------------------------------------------------------------------------------


def test_the_same_fact_file_gives_the_same_bytes(tmp_path: Path) -> None:
    first, second = tmp_path / "a.html", tmp_path / "b.html"
    assert run("export", "--format", "html", "--data", str(BUNDLED), "-o", str(first)).exit_code == 0
    assert run("export", "--format", "html", "--data", str(BUNDLED), "-o", str(second)).exit_code == 0
    assert first.read_bytes() == second.read_bytes()
    printed = run("export", "--format", "html", "--data", str(BUNDLED))
    assert printed.stdout.encode() == first.read_bytes()
    assert first.read_bytes().startswith(b"<!DOCTYPE html>\n")


def test_output_is_written_whole_or_not_at_all(tmp_path: Path) -> None:
    target = tmp_path / "page.html"
    result = run("export", "--format", "html", "-o", str(target))
    assert result.exit_code == 0 and "wrote" in result.stderr
    assert target.read_text(encoding="utf-8").endswith("</html>\n")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".page.html")] == []
    missing = run("export", "--format", "html", "-o", str(tmp_path / "no" / "such" / "page.html"))
    assert missing.exit_code == 73 and "cannot write" in missing.stderr


def test_filters_narrow_the_page_like_the_listings(factbase: Any, tmp_path: Path) -> None:
    data = ("--data", str(BUNDLED))
    topical = Page(run("export", "-f", "html", "--topic", "tokyo office", *data).stdout)
    events = [a for a in topical.all("li") if str(a.get("id", "")).startswith("ev-")]
    expected = timeline(factbase, topics=["tokyo-office"], cite=False).rows
    assert [e["id"] for e in events] == [f"ev-{row['id']}" for row in expected]
    on_topic = [s for s in factbase.table("stances").values() if s["topic"] == "tokyo-office"]
    assert len([a for a in topical.all("tr") if str(a.get("id", "")).startswith("st-")]) == len(on_topic)
    assert "No ITPP matches the filters." in topical.text
    assert "This page is narrowed to: topic “Proposed NATO liaison office in Tokyo”." in topical.text
    assert f" summit, 0 programmes, {len(expected)} events, " in topical.text  # "1 summit": singular

    japan = run(
        "export", "-f", "html", "--actor", "jp", "--since", "2023", "--until", "2023-12", *data
    ).stdout
    matrix = japan[japan.index('<table class="matrix">') : japan.index("</table>")]
    assert re.findall(r'<th scope="col">(.*?)</th>', matrix) == ["Summit", "Japan"]
    dates = re.findall(r'<summary><span class="when">(\d{4})', japan)
    assert dates and all("2023" <= d[:4] <= "2023" for d in dates)
    assert "NATO Vilnius Summit 2023" in japan and "NATO Madrid Summit 2022</a>" not in japan

    unknown = run("export", "-f", "html", "--topic", "tokio ofice", *data)
    assert unknown.exit_code == 2 and "did you mean" in unknown.stderr
    wrong_format = run("export", "-f", "json", "--topic", "tokyo-office", *data)
    assert wrong_format.exit_code == 2 and "--format html only" in wrong_format.stderr


def test_a_lookup_never_imports_the_html_export() -> None:
    probe = (
        "import atexit, sys\n"
        "atexit.register(lambda: sys.stderr.write('LOADED ' + ' '.join(sorted("
        "m for m in sys.modules if m.split('.')[0] in ('rich', 'yaml') or m == 'asiapac_cli.exports.briefing.page')) + '\\n'))\n"
        "sys.argv = ['asiapac', 'itpp', 'japan', '--format', 'json']\n"
        "from asiapac_cli.cli.app import main\n"
        "main()\n"
    )
    subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)  # fill the cache
    warm = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert warm.returncode == 0 and warm.stderr == "LOADED \n"
    html_probe = probe.replace("'itpp', 'japan', '--format', 'json'", "'export', '--format', 'html'")
    page = subprocess.run([sys.executable, "-c", html_probe], capture_output=True, text=True)
    assert (
        page.returncode == 0
        and "asiapac_cli.exports.briefing.page" in page.stderr
        and "rich" not in page.stderr
    )


# --- a real browser --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def page_file(tmp_path_factory: pytest.TempPathFactory, page_text: str) -> Path:
    path = tmp_path_factory.mktemp("briefing") / "asiapac.html"
    path.write_text(page_text, encoding="utf-8")
    return path


@needs_chromium
def test_chromium_renders_the_matrix_and_the_timeline_and_runs_the_script(
    page_file: Path, factbase: Any
) -> None:
    total, summits = len(factbase.events), len(summit_listing(factbase, cite=False).rows)
    dom = SHOT.dump_dom(page_file)
    assert '<html lang="en" class="js">' in dom  # the script ran: its hash is in the CSP
    assert f"{total} of {total} events shown." in dom  # and the filters applied themselves
    parsed = Page(dom)
    assert f"<title>{TITLE}</title>" in dom
    assert len([a for a in parsed.all("td") if str(a.get("class", "")).startswith("lvl ")]) == 4 * summits
    assert "Leader" in parsed.text and "Fumio Kishida" in parsed.text
    svgs = parsed.all("svg")
    assert [s.get("data-lanes") for s in svgs] == ["partner", "kind"]
    assert "hidden" not in svgs[0] and "hidden" in svgs[1]  # lanes per partner shown first
    assert len([a for a in parsed.all("circle")]) + len([a for a in parsed.all("rect")]) > 100
    assert not [a for a in parsed.all("details") if "open" in a]  # event details start closed


@needs_chromium
def test_selecting_an_event_opens_its_details(page_file: Path) -> None:
    dom = SHOT.dump_dom(page_file, fragment="ev-madrid-summit-2022")
    opened = re.findall(r'<li id="(ev-[a-z0-9-]+)"[^>]*><details open=""', dom)
    assert opened == ["ev-madrid-summit-2022"]


def distinct_colours(png: bytes) -> int:
    count: int = SHOT.distinct_pixels(png)
    return count


@needs_chromium
@pytest.mark.parametrize(("width", "height"), [(1280, 900), (390, 844)])
def test_chromium_screenshots_are_not_blank(page_file: Path, tmp_path: Path, width: int, height: int) -> None:
    png = SHOT.screenshot(page_file, tmp_path / f"page-{width}.png", width, height)
    decoded_width, decoded_height, _, rows = SHOT.decode_png(png)
    assert (decoded_width, decoded_height) == (width, height)
    assert distinct_colours(png) > 50  # text, colours and rules, not one flat page
    # Something is drawn in the lower half too (the page fills the window).
    assert len(set(rows[height // 2 :])) > 20


@needs_chromium
def test_nothing_from_a_hostile_fact_file_runs_in_a_browser(tmp_path: Path) -> None:
    facts = hostile_facts(tmp_path / "hostile.yaml")
    target = tmp_path / "hostile.html"
    assert run("export", "--format", "html", "--data", str(facts), "-o", str(target)).exit_code == 0
    dom = SHOT.dump_dom(target)
    assert f"<title>{TITLE}</title>" in dom and "<title>PWNED" not in dom
    parsed = Page(dom)
    assert not parsed.all("img")
    assert all(not any(k.startswith("on") for k in attributes) for _, attributes in parsed.tags)
    assert one_line(PAYLOAD) in parsed.text


@needs_chromium
def test_the_policy_stops_markup_that_escaping_missed(tmp_path: Path, page_text: str) -> None:
    """Defence in depth: a handler smuggled into the page unescaped still does not run."""
    smuggled = "<img src=x onerror=\"document.title='PWNED'\"><script>document.title='PWNED'</script>"
    target = tmp_path / "smuggled.html"
    target.write_text(page_text.replace("<main>", "<main>" + smuggled, 1), encoding="utf-8")
    dom = SHOT.dump_dom(target)
    assert f"<title>{TITLE}</title>" in dom
    assert '<html lang="en" class="js">' in dom  # the page's own script still ran


@needs_chromium
def test_chromium_prints_the_page(page_file: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "page.pdf"
    SHOT.run_chromium("--no-pdf-header-footer", f"--print-to-pdf={pdf}", page_file.resolve().as_uri())
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page\b", data)) > 10


@needs_chromium
@pytest.mark.parametrize(("dark", "background"), [(False, (255, 255, 255)), (True, (13, 17, 23))])
def test_chromium_follows_the_preferred_colour_scheme(
    page_file: Path, tmp_path: Path, dark: bool, background: tuple[int, int, int]
) -> None:
    png = tmp_path / "scheme.png"
    extra = ("--force-dark-mode",) if dark else ()
    SHOT.run_chromium(*extra, "--window-size=800,600", f"--screenshot={png}", page_file.resolve().as_uri())
    _, _, channels, rows = SHOT.decode_png(png.read_bytes())
    assert tuple(rows[2][2 * channels : 2 * channels + 3]) == background


def test_the_footer_uses_the_fact_files_own_coverage_when_it_has_one(
    factbase: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    def about(fb: Any, fact_file: str | None) -> dict[str, Any]:
        return {
            "checked_on": "2026-11-20",
            "events_through": "2025-06-25",
            "gaps": [
                {"id": "gap-ankara", "text": "Ankara 2026: partners' attendance not found", "records": []},
                {"id": "gap-x", "text": "<b>not bold</b>", "records": ["itpp-japan"]},
            ],
        }

    monkeypatch.setattr(briefing_page, "about_fact_base", about)
    footer = Page(briefing(factbase, fact_file=str(BUNDLED))).text
    footer = footer[footer.index("Coverage Sources checked on") :]
    assert "Sources checked on: 2026-11-20. Events through: 2025-06-25." in footer
    assert "Ankara 2026: partners' attendance not found" in footer and "<b>not bold</b>" in footer


def run_in_a_copy(page: Path, script: str) -> str:
    """Run `script` after the page's own, in a copy without the CSP; return the document title.

    The page itself allows no script but its own, so the test drives the filters from a copy.
    """
    text = page.read_text(encoding="utf-8")
    text = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", text, count=1)
    copy = page.with_name("driven-" + page.name)
    copy.write_text(text.replace("</body>", f"<script>{script}</script></body>"), encoding="utf-8")
    found = re.search(r"<title>(.*?)</title>", SHOT.dump_dom(copy), re.S)
    assert found is not None
    return found.group(1)


@needs_chromium
def test_the_filters_work_in_a_browser(page_file: Path, factbase: Any) -> None:
    summits = sum(1 for e in factbase.events if e["kind"] == "summit")
    on_tokyo = len(timeline(factbase, topics=["tokyo-office"], cite=False).rows)
    script = """
      function state() {
        var marks = document.querySelectorAll('svg[data-lanes="partner"] .lane:not(.off) a.mark:not([hidden])').length;
        var kindLanes = document.querySelector('svg[data-lanes="kind"]').hasAttribute('hidden');
        return document.getElementById('shown').textContent + ' marks=' + marks + ' kindhidden=' + kindLanes;
      }
      var seen = [state()];
      document.getElementById('f-kind-summit').click();
      seen.push(state());
      document.querySelector('button[data-none="topic"]').click();
      document.getElementById('f-topic-tokyo-office').click();
      document.getElementById('f-kind-summit').click();
      seen.push(state());
      document.getElementById('lanes-kind').click();
      seen.push(state());
      document.querySelector('button[data-none="topic"]').click();
      document.querySelector('button[data-all="topic"]').click();
      document.getElementById('lanes-partner').click();
      document.querySelector('button[data-none="partner"]').click();
      document.getElementById('f-partner-japan').click();
      seen.push(state());
      document.querySelector('button[data-none="partner"]').click();
      seen.push(state());
      document.title = seen.join(' | ');
    """
    states = run_in_a_copy(page_file, script).split(" | ")
    total = len(factbase.events)
    assert states[0].startswith(f"{total} of {total} events shown.") and states[0].endswith("kindhidden=true")
    assert states[1].startswith(f"{total - summits} of {total} events shown.")
    assert states[2].startswith(f"{on_tokyo} of {total} events shown.")
    assert states[3].endswith("kindhidden=false")
    # Japan alone: its events, marked in its lane only (the other lanes are switched off).
    japan = len(timeline(factbase, actors=["japan"], cite=False).rows)
    assert states[4].startswith(f"{japan} of {total} events shown. marks={japan} ")
    assert states[5].startswith(f"0 of {total} events shown.") and " marks=0 " in states[5]
