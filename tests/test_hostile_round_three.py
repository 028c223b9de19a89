"""Issue 18, hostile input round three (the parts outside the checker's text analysis): each
finding as a regression test through the real process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO

ASIAPAC = str(Path(sys.executable).parent / "asiapac")
BUNDLED = str(REPO / "data" / "facts.yaml")
DRAFT = REPO / "docs" / "draft.txt"
INTERNAL = "internal error"


def asiapac(
    *args: str, input: bytes | None = None, timeout: float = 60, **kwargs: object
) -> subprocess.CompletedProcess[str]:
    """The installed tool as a process; its output decoded leniently (it may be anything)."""
    result = subprocess.run(
        [ASIAPAC, *args],
        capture_output=True,
        input=input,
        timeout=timeout,
        **kwargs,  # type: ignore[arg-type]
    )
    return subprocess.CompletedProcess(
        result.args,
        result.returncode,
        result.stdout.decode("utf-8", "backslashreplace"),
        result.stderr.decode("utf-8", "backslashreplace"),
    )


# --- 1. reading the text given to `check` ------------------------------------------------------

# The second sentence is contradicted by the bundled fact base (AUKUS was announced in 2021), so
# a text that is read at all exits 3.
ENGLISH = "Japan's ITPP was agreed in 2023.\nAUKUS was announced in 2022.\n"


def test_the_english_text_the_encoding_tests_use_is_contradicted_when_read(tmp_path: Path) -> None:
    text = tmp_path / "draft.txt"
    text.write_text(ENGLISH, encoding="utf-8")
    assert asiapac("check", str(text), "--data", BUNDLED).returncode == 3


@pytest.mark.parametrize(
    ("encoding", "named"),
    [
        ("utf-16-le", "utf-16le"),
        ("utf-16-be", "utf-16be"),
        ("utf-32-le", "utf-32le"),
        ("utf-32-be", "utf-32be"),
    ],
)
def test_utf16_or_utf32_without_a_bom_is_refused_with_the_command_that_converts_it(
    tmp_path: Path, encoding: str, named: str
) -> None:
    text = tmp_path / "draft.txt"
    text.write_bytes(ENGLISH.encode(encoding))
    for args, stdin, name in (([str(text)], None, str(text)), (["-"], text.read_bytes(), "standard input")):
        result = asiapac("check", *args, "--data", BUNDLED, input=stdin)
        assert result.returncode == 66, result.stdout + result.stderr
        assert result.stdout == ""
        assert result.stderr.startswith(f"asiapac: {name}: not UTF-8 text:"), result.stderr
        assert f"iconv -f {named} -t utf-8" in result.stderr and "latin1" not in result.stderr
    # The advice works: the converted text is the text.
    converted = subprocess.run(["iconv", "-f", named, "-t", "utf-8", str(text)], capture_output=True)
    assert converted.stdout == ENGLISH.encode()


@pytest.mark.parametrize(("encoding", "family"), [("utf-16", "utf-16"), ("utf-32", "utf-32")])
def test_utf16_or_utf32_with_a_bom_gets_iconv_from_that_encoding_not_latin1(
    tmp_path: Path, encoding: str, family: str
) -> None:
    text = tmp_path / "draft.txt"
    text.write_bytes(ENGLISH.encode(encoding))  # Python writes the byte-order mark first
    result = asiapac("check", str(text), "--data", BUNDLED)
    assert result.returncode == 66
    assert result.stderr == (
        f"asiapac: {text}: {family.upper()} text (it starts with a {family.upper()} byte-order mark), "
        f"not UTF-8; convert it first: iconv -f {family} -t utf-8\n"
    )
    converted = subprocess.run(["iconv", "-f", family, "-t", "utf-8", str(text)], capture_output=True)
    assert converted.stdout == ENGLISH.encode()


def test_a_stray_nul_in_a_utf8_text_does_not_stop_the_check(tmp_path: Path) -> None:
    text = tmp_path / "draft.txt"
    text.write_bytes(ENGLISH.replace("2023.", "2023.\x00").encode())
    result = asiapac("check", str(text), "--data", BUNDLED)
    assert result.returncode == 3, result.stderr


def test_a_text_that_is_not_utf8_names_its_line_column_and_byte(tmp_path: Path) -> None:
    text = tmp_path / "draft.txt"
    text.write_bytes("Japan joined.\nJapan’s ITPP – café\n".encode("cp1252"))
    result = asiapac("check", str(text), "--data", BUNDLED)
    assert result.returncode == 66
    assert result.stderr.startswith(f"asiapac: {text}:2:6: not UTF-8 text (byte 0x92); "), result.stderr
    assert "iconv -f cp1252 -t utf-8" in result.stderr


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "draft.fifo"
    os.mkfifo(path)
    return path


def test_a_fifo_as_the_text_is_refused_like_a_fact_file_not_waited_for(fifo: Path) -> None:
    result = asiapac("check", str(fifo), "--data", BUNDLED, timeout=20)
    assert result.returncode == 66
    assert result.stderr == (
        f"asiapac: {fifo}: not a regular file (a FIFO); expected a text to check "
        "(to check a stream, pipe it to: asiapac check -)\n"
    )


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null", "/dev/urandom"])
def test_a_device_as_the_text_is_refused(device: str) -> None:
    if not os.path.exists(device):
        pytest.skip(f"no {device}")
    result = asiapac("check", device, "--data", BUNDLED, timeout=20)
    assert result.returncode == 66
    assert result.stderr.startswith(f"asiapac: {device}: not a regular file (a character device)")


def test_a_directory_or_a_missing_file_as_the_text_is_refused(tmp_path: Path) -> None:
    folder = asiapac("check", str(tmp_path), "--data", BUNDLED)
    assert folder.returncode == 66
    assert folder.stderr == f"asiapac: {tmp_path}: is a directory (expected a text to check)\n"
    missing = asiapac("check", str(tmp_path / "gone.txt"), "--data", BUNDLED)
    assert missing.returncode == 66
    assert missing.stderr == f"asiapac: {tmp_path / 'gone.txt'}: no such file (expected a text to check)\n"


def test_standard_input_stays_allowed_and_bounded(tmp_path: Path) -> None:
    piped = asiapac("check", "-", "--data", BUNDLED, "-f", "tsv", input=DRAFT.read_bytes())
    assert piped.returncode == 3 and "contradicted" in piped.stdout
    with open("/dev/zero", "rb") as zeros:
        endless = asiapac("check", "-", "--data", BUNDLED, stdin=zeros, timeout=60)
    assert endless.returncode == 66
    assert endless.stderr == (
        "asiapac: standard input: is more than 16 MiB; a text to check may be at most 16 MiB; "
        "check it in parts\n"
    )


def test_a_closed_standard_input_is_a_message_not_a_crash() -> None:
    result = asiapac("check", "-", "--data", BUNDLED, preexec_fn=lambda: os.close(0))
    assert result.returncode == 66
    assert result.stderr == "asiapac: standard input: cannot read: it is closed\n"


def test_a_text_over_the_bound_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with open(big, "wb") as out:
        out.truncate(17 * 2**20)  # sparse: no 17 MiB written to the test machine's disk
    result = asiapac("check", str(big), "--data", BUNDLED)
    assert result.returncode == 66
    assert result.stderr == (
        f"asiapac: {big}: is 17 MiB; a text to check may be at most 16 MiB; check it in parts\n"
    )


def test_a_fact_file_in_utf16_gets_the_same_advice(tmp_path: Path) -> None:
    facts = tmp_path / "facts.yaml"
    facts.write_bytes(Path(BUNDLED).read_text(encoding="utf-8").encode("utf-16-le"))
    result = asiapac("validate", str(facts))
    assert result.returncode == 66
    assert result.stderr.startswith(f"asiapac: {facts}: not UTF-8 text:")
    assert "iconv -f utf-16le -t utf-8" in result.stderr


# --- 2. one URL rule for the validator and the JSON Schema -------------------------------------

# What ECMA-262 (the regular expressions of JSON Schema's `pattern`, and of editors' YAML
# language servers) calls white space: WhiteSpace and LineTerminator, with every Zs character.
ECMA_SPACE = {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0xA0, 0x1680, *range(0x2000, 0x200B), 0x2028}
ECMA_SPACE |= {0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF}


def url_characters() -> list[str]:
    """Every character either regex language calls white space, and every control and format
    character of the basic plane: the ones a URL rule has to decide about."""
    import re
    import unicodedata

    found = []
    for code in range(0x10000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        c = chr(code)
        if code in ECMA_SPACE or re.match(r"\s", c) or unicodedata.category(c) in ("Cc", "Cf"):
            found.append(c)
    return found


def url_cases() -> list[str]:
    cases = ["https://example.org/plain", "http://example.org/a?b=c#d"]
    for c in url_characters():
        cases += [f"https://example.org/a{c}b", f"https://example.org/a{c}", f"https://{c}example.org"]
    return cases


def yaml_quoted(text: str) -> str:
    return '"' + "".join(c if " " < c <= "~" and c not in '"\\' else f"\\U{ord(c):08x}" for c in text) + '"'


def asiapac_accepts(tmp_path: Path, urls: list[str]) -> list[bool]:
    """Which URLs `asiapac validate` accepts: one fact file with a source for each."""
    small = (REPO / "tests" / "fixtures" / "small.yaml").read_text(encoding="utf-8")
    head, tail = small.split("sources:\n", 1)
    lines = head.count("\n") + 1  # the line `sources:` is on
    added, url_line = [], {}
    for number, url in enumerate(urls):
        added.append(f"  - id: url-{number}\n    title: T\n    publisher: P\n    kind: primary\n")
        added.append(f"    url: {yaml_quoted(url)}\n")
        url_line[lines + 5 * number + 5] = number
    facts = tmp_path / "urls.yaml"
    facts.write_text(head + "sources:\n" + "".join(added) + tail, encoding="utf-8")
    import json

    result = asiapac("validate", str(facts), "-f", "json")
    assert result.returncode in (0, 65), result.stderr
    problems = json.loads(result.stdout)["problems"]
    assert all(p["line"] in url_line for p in problems), [p for p in problems if p["line"] not in url_line]
    refused = {url_line[p["line"]] for p in problems}
    return [number not in refused for number in range(len(urls))]


def url_schema() -> dict[str, object]:
    import json

    printed = json.loads(asiapac("schema").stdout)
    return printed["properties"]["sources"]["items"]["properties"]["url"]  # type: ignore[no-any-return]


def test_the_validator_and_the_json_schema_give_every_url_the_same_answer(tmp_path: Path) -> None:
    import jsonschema

    urls = url_cases()
    validator = jsonschema.Draft202012Validator(url_schema())
    by_schema = [validator.is_valid(url) for url in urls]
    by_asiapac = asiapac_accepts(tmp_path, urls)
    disagree = [repr(url) for url, a, s in zip(urls, by_asiapac, by_schema, strict=True) if a != s]
    assert not disagree, disagree
    # The characters the two rules once disagreed on, and the ones no URL has, are refused.
    for c in "\x1c\x1d\x1e\x1f\x85\ufeff\t\n \xa0\u2028\u200b\u202e\x00\x1b":
        assert not by_asiapac[urls.index(f"https://example.org/a{c}b")], repr(c)
    assert by_asiapac[:2] == [True, True]


@pytest.mark.skipif(
    not __import__("shutil").which("node"), reason="node (an ECMA-262 regex engine) is not installed"
)
def test_an_ecma_262_engine_reads_the_schemas_url_pattern_as_the_validator_does(tmp_path: Path) -> None:
    """JSON Schema patterns are ECMA-262 regular expressions (what editors' YAML language servers
    run), not Python's: the same answers there too."""
    import json

    urls = url_cases()
    pattern = url_schema()["pattern"]
    script = (
        "const [pattern, urls] = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "const re = new RegExp(pattern);"
        "process.stdout.write(JSON.stringify(urls.map((u) => re.test(u))));"
    )
    node = subprocess.run(
        ["node", "-e", script], input=json.dumps([pattern, urls]), capture_output=True, text=True, check=True
    )
    by_ecma = json.loads(node.stdout)
    by_asiapac = asiapac_accepts(tmp_path, urls)
    disagree = [repr(url) for url, a, e in zip(urls, by_asiapac, by_ecma, strict=True) if a != e]
    assert not disagree, disagree


# --- 3. `--output -` is standard output; so is the file standard output already is ----------


def in_shell(command: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    """`command` run by bash with pipefail, so a pipeline's status is the tool's."""
    return subprocess.run(
        ["bash", "-o", "pipefail", "-c", command],
        capture_output=True,
        cwd=cwd,
        env={**os.environ, "ASIAPAC": ASIAPAC},
        timeout=60,
    )


@pytest.mark.parametrize("fmt", ["html", "json"])
def test_output_dash_is_standard_output_not_a_file_named_dash(tmp_path: Path, fmt: str) -> None:
    plain = in_shell(f'"$ASIAPAC" export -f {fmt} | cat', tmp_path)
    dashed = in_shell(f'"$ASIAPAC" export -f {fmt} -o - | cat', tmp_path)
    assert dashed.returncode == 0, dashed.stderr
    assert dashed.stdout == plain.stdout and len(plain.stdout) > 1000
    assert dashed.stderr == b"" and not (tmp_path / "-").exists()


@pytest.mark.parametrize("fmt", ["html", "json"])
def test_output_dev_stdout_through_a_pipe_is_standard_output(tmp_path: Path, fmt: str) -> None:
    plain = in_shell(f'"$ASIAPAC" export -f {fmt}', tmp_path)
    piped = in_shell(f'"$ASIAPAC" export -f {fmt} -o /dev/stdout | cat', tmp_path)
    assert piped.returncode == 0, piped.stderr
    assert piped.stdout == plain.stdout and piped.stderr == b""
    redirected = in_shell(f'"$ASIAPAC" export -f {fmt} -o /dev/stdout > out.{fmt}', tmp_path)
    assert redirected.returncode == 0, redirected.stderr
    assert (tmp_path / f"out.{fmt}").read_bytes() == plain.stdout


def test_a_closed_pipe_after_output_dash_ends_quietly(tmp_path: Path) -> None:
    result = in_shell('"$ASIAPAC" export -f html -o - | head -c 10', tmp_path)
    assert result.returncode == 0 and result.stdout == b"<!DOCTYPE" + b" " and result.stderr == b""


def test_sqlite_to_standard_output_is_the_database(tmp_path: Path) -> None:
    import sqlite3

    result = in_shell('"$ASIAPAC" export -f sqlite -o - | cat > piped.db', tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "piped.db").read_bytes().startswith(b"SQLite format 3\x00")
    connection = sqlite3.connect(tmp_path / "piped.db")
    assert connection.execute("SELECT count(*) FROM events").fetchone()[0] > 0
    assert not (tmp_path / "-").exists()


def test_sqlite_to_a_terminal_is_refused_as_binary() -> None:
    from test_terminal import on_pty

    screen = on_pty(["export", "-f", "sqlite", "-o", "-"], 100)
    assert "SQLite format" not in screen
    assert "a SQLite database is binary" in screen


def test_another_pipe_or_device_as_output_says_how_to_write_to_it(tmp_path: Path) -> None:
    # stdout and stderr are two different pipes here: /dev/stderr is a pipe that is not stdout.
    result = asiapac("export", "-f", "json", "-o", "/dev/stderr")
    assert result.returncode == 73 and result.stdout == ""
    assert result.stderr == (
        "asiapac: cannot write /dev/stderr: not a regular file (a FIFO); --output writes a regular "
        "file: for a pipe or a device, write to standard output (-o -) and redirect it\n"
    )


# --- 4. the cache home, by the XDG Base Directory rules ---------------------------------------


def cache_env(tmp_path: Path, **settings: str) -> dict[str, str]:
    """The environment of a user with these settings and none of the test suite's cache ones."""
    env = {k: v for k, v in os.environ.items() if k not in ("ASIAPAC_CACHE_DIR", "XDG_CACHE_HOME", "HOME")}
    env["ASIAPAC_DATA"] = str(tmp_path / "facts.yaml")
    return {**env, **settings}


def cache_files_under(folder: Path) -> list[Path]:
    return sorted(folder.rglob("facts-*.cache")) if folder.exists() else []


def lookup(tmp_path: Path, cwd: Path, **settings: str) -> subprocess.CompletedProcess[str]:
    """`itpp japan` twice (a cold run writes the cache, if any; the second may read it)."""
    for _ in range(2):
        result = asiapac("itpp", "japan", "-f", "json", env=cache_env(tmp_path, **settings), cwd=cwd)
        assert result.returncode == 0 and result.stderr == "", result.stderr
        assert '"area": "Cyber defence"' in result.stdout or '"areas_total"' in result.stdout
    return result


def cache_name(facts: Path) -> str:
    """The cache file's name for `facts` (what the tool would write, wherever it writes)."""
    import zlib

    return f"facts-{zlib.crc32(os.fsencode(facts.absolute())):08x}.cache"


def test_an_empty_home_runs_uncached_and_says_nothing(tmp_path: Path, facts_file: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    lookup(tmp_path, work, HOME="")
    # As root, HOME= once meant / (so /.cache/asiapac), and elsewhere the current directory.
    assert cache_files_under(work) == []
    assert not (Path("/.cache/asiapac") / cache_name(facts_file)).exists()


def test_a_home_that_does_not_exist_is_not_created(tmp_path: Path, facts_file: Path) -> None:
    missing = tmp_path / "nonexistent"
    lookup(tmp_path, tmp_path, HOME=str(missing))
    assert not missing.exists()


def test_a_relative_xdg_cache_home_is_ignored(tmp_path: Path, facts_file: Path) -> None:
    home, work = tmp_path / "home", tmp_path / "work"
    home.mkdir()
    work.mkdir()
    lookup(tmp_path, work, HOME=str(home), XDG_CACHE_HOME="relative-cache")
    assert not (work / "relative-cache").exists()
    assert len(cache_files_under(home / ".cache" / "asiapac")) == 1  # the spec's default instead


def test_an_absolute_xdg_cache_home_is_created_private(tmp_path: Path, facts_file: Path) -> None:
    xdg = tmp_path / "xdg"
    lookup(tmp_path, tmp_path, HOME="", XDG_CACHE_HOME=str(xdg))
    assert len(cache_files_under(xdg / "asiapac")) == 1
    assert (xdg.stat().st_mode & 0o777, (xdg / "asiapac").stat().st_mode & 0o777) == (0o700, 0o700)


def test_asiapac_cache_dir_wins_over_an_unusable_home(tmp_path: Path, facts_file: Path) -> None:
    chosen = tmp_path / "chosen"
    lookup(tmp_path, tmp_path, HOME="", XDG_CACHE_HOME="relative", ASIAPAC_CACHE_DIR=str(chosen))
    assert len(cache_files_under(chosen)) == 1


# --- 5. zero-width joiners inside words are text; what hides text or acts stays neutralised ---

# Words that need a joiner to be spelt: Persian (ZWNJ between the prefix and the verb),
# Devanagari (ZWJ after a virama: an explicit half-form), emoji sequences (one glyph each).
PERSIAN = "می\u200cخواهم"
DEVANAGARI = "क्\u200dष"
EMOJI = "👩\u200d💻 🏳\ufe0f\u200d🌈"
JOINED = f"{PERSIAN} {DEVANAGARI} {EMOJI}"
# Joiners that join nothing (at an edge, beside a space, beside another invisible character)
# only hide themselves, and are shown as escapes as before.
STRAY = "lead\u200d tail \u200cstart\u200b\u200dx end\u200d"
STRAY_SHOWN = "lead\\u200d tail \\u200cstart\\u200b\\u200dx end\\u200d"


def joined_facts(tmp_path: Path, title: str) -> Path:
    small = (REPO / "tests" / "fixtures" / "small.yaml").read_text(encoding="utf-8")
    facts = tmp_path / "joined.yaml"
    facts.write_text(small.replace("title: Madrid Summit", f'title: "{title}"'), encoding="utf-8")
    return facts


def test_joiners_inside_words_reach_a_terminal_table_as_text(tmp_path: Path) -> None:
    facts = joined_facts(tmp_path, f"Madrid Summit {JOINED} / {STRAY}")
    env = {**os.environ, "ASIAPAC_FORCE_TTY": "300", "NO_COLOR": "1"}
    for args in (["timeline"], ["show", "madrid-summit-2022"], ["timeline", "-f", "markdown"]):
        result = asiapac(*args, "--data", str(facts), env=env)
        assert result.returncode == 0, result.stderr
        assert JOINED in result.stdout, (args, result.stdout)
        assert STRAY_SHOWN in result.stdout, (args, result.stdout)


def test_joiners_inside_words_reach_the_html_page_as_text(tmp_path: Path) -> None:
    facts = joined_facts(tmp_path, f"Madrid Summit {JOINED} / {STRAY}")
    result = asiapac("export", "-f", "html", "--data", str(facts))
    assert result.returncode == 0, result.stderr
    assert JOINED in result.stdout
    assert STRAY_SHOWN in result.stdout and "\u200b" not in result.stdout


def test_the_page_keeps_the_soft_hyphen_and_bidi_marks_a_terminal_is_shown_escaped(tmp_path: Path) -> None:
    """A page has no terminal to protect: a soft hyphen (a hyphenation hint copied with many a
    quote) and the right-to-left mark of Arabic or Hebrew text neither act on a browser nor
    hide text. Overrides that reorder a whole run, and invisible characters, stay escaped."""
    title = "Bundes\xadwehr \u05e9\u05dc\u05d5\u05dd\u200f! \u202eevil\u202c \u2066iso\u2069 zero\u200bwidth"
    facts = joined_facts(tmp_path, title)
    page = asiapac("export", "-f", "html", "--data", str(facts))
    assert page.returncode == 0, page.stderr
    assert "Bundes\xadwehr \u05e9\u05dc\u05d5\u05dd\u200f!" in page.stdout
    assert "\\u202eevil\\u202c \\u2066iso\\u2069 zero\\u200bwidth" in page.stdout
    env = {**os.environ, "ASIAPAC_FORCE_TTY": "300", "NO_COLOR": "1"}
    table = asiapac("timeline", "--data", str(facts), env=env)
    assert "Bundes\\xadwehr \u05e9\u05dc\u05d5\u05dd\\u200f!" in table.stdout


# --- 6. option values: echoed cut, columns once, never empty, given once -----------------------

LONG = "x" * 100_000


@pytest.mark.parametrize(
    "args",
    [
        ["timeline", "--kind", LONG],
        ["timeline", "-f", LONG],
        ["timeline", "--since", LONG],
        ["timeline", "--until", LONG],
        ["timeline", "-c", LONG],
        ["cite", "france-opposes-tokyo-office", "--style", LONG],
        ["check", str(DRAFT), "--min-evidence", LONG],
        ["claims", "--verdict", LONG],
        ["stances", "tokyo-office", "--position", LONG],
        ["actors", "--kind", LONG],
        ["validate", "-f", LONG],
        ["export", "-f", LONG],
        ["export", "-f", "html", "--since", LONG],
        ["show", "japan", "-f", LONG],
        ["timeline", "--" + LONG],
        ["timeline", LONG],
    ],
)
def test_a_long_option_value_is_echoed_cut_with_its_length(args: list[str]) -> None:
    result = asiapac(*args, "--data", BUNDLED)
    assert result.returncode == 2, result.stderr[:500]
    assert len(result.stderr) < 1500, result.stderr[:500]
    assert "… (100,000 characters)" in result.stderr or "… (100,002 characters)" in result.stderr


@pytest.mark.parametrize("args", [["validate", LONG], ["timeline", "--data", LONG], ["check", LONG]])
def test_a_path_longer_than_any_path_is_echoed_cut(args: list[str]) -> None:
    result = asiapac(*args)
    assert result.returncode == 66, result.stderr[:500]
    assert len(result.stderr) < 5000 and "… (100,000 characters)" in result.stderr


@pytest.mark.parametrize("columns", ["date,date", "title,DATE,Title"])
def test_a_column_named_twice_is_a_usage_error_naming_it(columns: str) -> None:
    result = asiapac("timeline", "-c", columns, "-f", "json", "--data", BUNDLED)
    assert result.returncode == 2 and result.stdout == ""
    named = columns.split(",")[-1].lower()
    assert result.stderr == f"asiapac: --columns: {named!r} is named twice; name each column once\n"


@pytest.mark.parametrize(
    "args",
    [
        ["timeline", "--since", ""],
        ["timeline", "--until", " "],
        ["timeline", "--kind", ""],
        ["timeline", "-f", ""],
        ["export", "-f", "html", "--since", ""],
        ["export", "-f", ""],
        ["check", str(DRAFT), "--min-evidence", ""],
        ["cite", "france-opposes-tokyo-office", "--style", ""],
        ["actors", "--kind", ""],
    ],
)
def test_an_empty_option_value_is_a_usage_error(args: list[str]) -> None:
    result = asiapac(*args, "--data", BUNDLED)
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert result.stdout == ""
    option = args[-2]
    long_name = {"-f": "--format"}.get(option, option)
    assert f"{long_name} was given an empty value" in result.stderr, result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["timeline", "-f", "json", "-f", "tsv"],
        ["timeline", "--format", "json", "-f", "tsv"],
        ["timeline", "--since", "2020", "--since", "2023"],
        ["check", str(DRAFT), "--min-evidence", "contested", "--min-evidence", "well-documented"],
        ["export", "-f", "json", "-f", "html"],
        ["cite", "france-opposes-tokyo-office", "--style", "text", "--style", "bibtex"],
    ],
)
def test_a_single_valued_option_given_twice_is_a_usage_error(args: list[str]) -> None:
    result = asiapac(*args, "--data", BUNDLED)
    assert result.returncode == 2 and result.stdout == ""
    option = args[-2]
    long_name = {"-f": "--format"}.get(option, option)
    assert f"{long_name} was given more than once; give it once" in result.stderr, result.stderr


def test_repeatable_options_and_flags_may_still_repeat() -> None:
    result = asiapac(
        "timeline", "--actor", "japan", "--actor", "korea", "--kind", "summit", "--kind", "visit",
        "-w", "-w", "-f", "tsv", "--data", BUNDLED,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr


# --- 7. a pager that fails --------------------------------------------------------------------


@pytest.mark.parametrize(
    "pager",
    ["false", "sh -c 'exit 3'", "sh -c 'head -c 100 > /dev/null; exit 2'"],
)
def test_a_pager_that_fails_is_reported_and_the_table_printed(pager: str) -> None:
    from test_terminal import on_pty

    screen = on_pty(["timeline", "--data", BUNDLED], 80, rows=24, env={"ASIAPAC_PAGER": pager})
    assert "First Quad" in screen and "Events 2006" in screen  # the whole table, to its last line
    code = {"false": 1, "sh -c 'exit 3'": 3}.get(pager, 2)
    assert f"asiapac: the pager {pager!r} exited with status {code}; the table is printed here" in " ".join(
        screen.split()
    )


def test_a_pager_that_exits_after_reading_says_nothing() -> None:
    """Quitting less before the end is not a failure: nothing said, nothing printed again."""
    from test_terminal import on_pty

    screen = on_pty(
        ["timeline", "--data", BUNDLED], 80, rows=24, env={"ASIAPAC_PAGER": "sh -c 'head -n 2; exit 0'"}
    )
    assert "the pager" not in screen and "First Quad" not in screen


# --- 9. the benchmark's shapes are the sizes it says -----------------------------------------


def shapes() -> dict[str, object]:
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        import check_shapes
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    return check_shapes.SHAPES  # type: ignore[no-any-return]


@pytest.mark.parametrize("kb", [8, 64, 512])
def test_every_benchmark_shape_is_the_size_it_is_timed_as(kb: int) -> None:
    """The benchmark divides by the size: a shape that did not grow with it would pass any checker."""
    for name, make in shapes().items():
        size = len(make(kb * 1024).encode())  # type: ignore[operator]
        assert 0.9 * kb * 1024 <= size <= 1.1 * kb * 1024, (name, size)


def test_the_benchmark_has_the_issues_shapes() -> None:
    made = {name: make(8 * 1024) for name, make in shapes().items()}  # type: ignore[operator]
    assert set(made["hard-wrapped"].splitlines()) == {"Japan joined NATO in 2023."}
    assert made["bang-run"].startswith("Japan !!!!") and made["bang-run"].endswith("!x\n")
    assert made["leading-spaces"].startswith("    ") and made["leading-spaces"].endswith(
        " Japan joined NATO.\n"
    )
    depths = [len(line) - len(line.lstrip()) for line in made["nested-list"].splitlines()]
    assert depths == [2 * d for d in range(len(depths))] and all(
        line.lstrip().startswith("- ") for line in made["nested-list"].splitlines()
    )
    assert "..........." in made["dot-run"]
    assert "." not in made["no-stop-line"] and "\n" not in made["no-stop-line"].rstrip("\n")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("url: https://taiwannews.com.tw/news/4943221", f"url: {LONG}"),
        ("kind: secondary", f"kind: {LONG}"),
        ('date: "2022-06-29"', f"date: {LONG}"),
        ("areas_total: 16", f"areas_total: {LONG}"),
    ],
)
def test_a_long_value_in_a_fact_file_is_echoed_cut(tmp_path: Path, old: str, new: str) -> None:
    small = (REPO / "tests" / "fixtures" / "small.yaml").read_text(encoding="utf-8")
    assert old in small
    facts = tmp_path / "facts.yaml"
    facts.write_text(small.replace(old, new, 1), encoding="utf-8")
    result = asiapac("validate", str(facts))
    assert result.returncode == 65
    assert len(result.stdout) < 2000 and "… (100,000 characters)" in result.stdout, result.stdout[:300]
