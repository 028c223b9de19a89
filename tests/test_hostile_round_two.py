"""Issue 12, hostile input round two: each finding as a regression test through the real process."""

from __future__ import annotations

import csv
import io
import os
import random
import re
import resource
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES

ASIAPAC = str(Path(sys.executable).parent / "asiapac")
SMALL = (FIXTURES / "small.yaml").read_text(encoding="utf-8")
INTERNAL = "internal error"


def asiapac(*args: str | bytes, timeout: float = 60, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [ASIAPAC, *args],
        capture_output=True,
        text=True,
        errors="backslashreplace",
        timeout=timeout,
        **kwargs,  # type: ignore[arg-type]
    )


def variant(tmp_path: Path, old: str, new: str, name: str = "variant.yaml") -> Path:
    assert old in SMALL
    target = tmp_path / name
    target.write_text(SMALL.replace(old, new, 1), encoding="utf-8")
    return target


# --- 1. a null id ----------------------------------------------------------------------------


@pytest.mark.parametrize("empty", ["", " null", " ~"])
@pytest.mark.parametrize(("old", "line"), [("  - id: japan\n", 29), ("  - id: tokyo-office\n", 46)])
def test_a_null_id_is_an_invalid_file_with_its_location(
    tmp_path: Path, empty: str, old: str, line: int
) -> None:
    bad = variant(tmp_path, old, f"  - id:{empty}\n")
    for args in (["validate", str(bad)], ["timeline", "--data", str(bad)]):
        result = asiapac(*args)
        assert result.returncode == 65, result.stderr
        assert re.search(
            rf"{re.escape(str(bad))}:{line}:\d+: .*id.*empty value", result.stdout + result.stderr
        )
        assert INTERNAL not in result.stderr


# --- 2. one valid date range -----------------------------------------------------------------


@pytest.mark.parametrize("date", ["9999", "0000", "0999", "3000", "٢٠٢٣", "２０２３", "2023-٠٧"])
def test_dates_outside_the_range_or_not_ascii_are_invalid(tmp_path: Path, date: str) -> None:
    bad = variant(tmp_path, 'date: "2022-06-29"\n    end:', f'date: "{date}"\n    end:')
    result = asiapac("validate", str(bad))
    assert result.returncode == 65, result.stdout + result.stderr
    assert f"{bad}:" in result.stdout and "1000" in result.stdout and "2999" in result.stdout


def test_the_json_schema_refuses_what_the_validator_refuses() -> None:
    import jsonschema

    from asiapac_cli.facts import schema

    pattern = schema.PartialDate().json_schema()
    for good in ("1000", "2999-12-31", "2023-07", "2024-02-29"):
        jsonschema.validate(good, pattern)
    for bad in ("0999", "3000", "9999", "٢٠٢٣", "2023-13", "2023-07-32"):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(bad, pattern)


@pytest.mark.parametrize(
    ("date", "end"), [("1000", "1000"), ("2999", "2999-12-31"), ("2999-12", "2999-12-31")]
)
def test_every_renderer_is_total_over_the_date_range(tmp_path: Path, date: str, end: str) -> None:
    import icalendar

    edge = variant(tmp_path, 'date: "2022-06-29"\n    end: "2022-06-30"', f'date: "{date}"\n    end: "{end}"')
    for fmt in ("ics", "json", "csv", "tsv", "mermaid", "yaml", "markdown", "table"):
        result = asiapac("timeline", "-f", fmt, "--data", str(edge), "--cite")
        assert result.returncode == 0, (fmt, result.stderr)
        if fmt == "ics":
            icalendar.Calendar.from_ical(result.stdout)
    for args in (["timeline", "--chart"], ["summits"], ["export", "-f", "json"], ["sources", "-f", "bibtex"]):
        result = asiapac(*args, "--data", str(edge))
        assert result.returncode == 0, (args, result.stderr)


# --- 3. one neutralising function for the terminal -------------------------------------------

# Everything that can move the cursor, talk to the terminal, reorder or hide text.
INVISIBLE = (
    "\x1b]52;c;aGVsbG8=\x07\x1b]0;pwned\x07\x9b31m\x85\x7f\u061c\u2060\u2061\u2062\u2063\u2064"
    "\U000e0041\U000e007f\xad\u2028\u2029\u200b\u200d\u202e\u2066\ufeff"
)
NEUTRALISED = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\xad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\U000e0000-\U000e007f]"
)
TTY = {**os.environ, "ASIAPAC_FORCE_TTY": "200", "NO_COLOR": "1"}  # so any ESC would be from the data


def yaml_escaped(text: str) -> str:
    """`text` for a YAML double-quoted scalar, every character outside printable ASCII escaped."""
    return "".join(c if " " <= c <= "~" and c not in '"\\' else f"\\U{ord(c):08x}" for c in text)


@pytest.fixture
def poisoned(tmp_path: Path) -> Path:
    text = SMALL.replace(
        "title: Macron says NATO office in Japan would be a mistake",
        f'title: "Macron says{yaml_escaped(INVISIBLE)} NATO office"',
    ).replace("title: Madrid Summit", f'title: "Madrid{yaml_escaped(INVISIBLE)} Summit"')
    target = tmp_path / "poisoned.yaml"
    target.write_text(text, encoding="utf-8")
    return target


@pytest.mark.parametrize(
    "args",
    [
        ["cite", "afp-macron-vilnius-2023"],
        ["cite", "france-opposes-tokyo-office"],
        ["cite", "afp-macron-vilnius-2023", "--style", "bibtex"],
        ["sources"],
        ["sources", "afp-macron-vilnius-2023", "-f", "bibtex"],
        ["show", "afp-macron-vilnius-2023"],
        ["show", "madrid-summit-2022"],
        ["timeline"],
        ["timeline", "--cite"],
        ["timeline", "-f", "ics"],
        ["timeline", "-f", "mermaid"],
        ["timeline", "-f", "markdown"],
        ["timeline", "--chart"],
        ["summits", "--cite"],
        ["search", "Madrid"],
    ],
)
def test_nothing_invisible_reaches_a_terminal(poisoned: Path, args: list[str]) -> None:
    result = asiapac(*args, "--data", str(poisoned), env=TTY)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.replace("\r\n", "\n")  # an ICS line ends CRLF even on a terminal
    assert not NEUTRALISED.search(lines), [c for c in NEUTRALISED.findall(lines)]
    if args[0] == "cite" and "bibtex" not in args:  # shown, not dropped
        assert "\\x1b]52;c;aGVsbG8=\\x07" in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["sources", "-f", "bibtex"],
        ["cite", "afp-macron-vilnius-2023", "--style", "bibtex"],
        ["cite", "madrid-summit-2022", "--style", "bibtex"],
        ["timeline", "-f", "ics"],
    ],
)
def test_ics_and_bibtex_carry_no_control_characters_at_all(poisoned: Path, args: list[str]) -> None:
    result = asiapac(*args, "--data", str(poisoned))
    assert result.returncode == 0, result.stderr
    text = result.stdout.replace("\r\n", "\n")
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]", text)


def test_shell_completion_shows_names_neutralised(tmp_path: Path) -> None:
    facts = variant(tmp_path, "    name: Japan\n", '    name: "Japan\\e]0;pwned\\a"\n')
    env = {**os.environ, "ASIAPAC_DATA": str(facts), "_ASIAPAC_COMPLETE": "complete_zsh"}
    result = asiapac(env={**env, "_TYPER_COMPLETE_ARGS": "asiapac show ja"})
    assert '"japan":"Japan\\x1b]0;pwned\\x07"' in result.stdout
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout


def test_file_names_in_messages_are_neutralised(tmp_path: Path) -> None:
    name = str(tmp_path / "x\x1b]0;pwned\x07\u202e.yaml")
    for args in (["timeline", "--data", name], ["validate", name]):
        result = asiapac(*args)
        assert result.returncode == 66
        assert "\x1b" not in result.stderr and "\x07" not in result.stderr and "\u202e" not in result.stderr
        assert "x\\x1b]0;pwned\\x07\\u202e.yaml" in result.stderr


def test_a_usage_error_does_not_echo_escapes(tmp_path: Path) -> None:
    result = asiapac("itpp", "\x1b]0;pwned\x07")
    assert result.returncode == 2
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr


# --- 4. only regular files are fact files -----------------------------------------------------


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "facts.fifo"
    os.mkfifo(path)
    return path


def test_a_fifo_is_refused_not_waited_for(fifo: Path) -> None:
    for args, env in (
        (["timeline", "--data", str(fifo)], None),
        (["timeline"], {**os.environ, "ASIAPAC_DATA": str(fifo)}),
        (["validate", str(fifo)], None),
    ):
        result = asiapac(*args, env=env, timeout=20)
        assert result.returncode == 66, result.stderr
        assert result.stderr == f"asiapac: {fifo}: not a regular file (a FIFO); expected a YAML fact file\n"


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/full", "/dev/null"])
def test_devices_are_refused(device: str) -> None:
    if not os.path.exists(device):
        pytest.skip(f"no {device}")
    result = asiapac("timeline", "--data", device, timeout=20)
    assert result.returncode == 66, result.stderr
    assert "not a regular file (a character device)" in result.stderr


# --- 5. memory -----------------------------------------------------------------------------


def test_a_file_above_the_byte_cap_is_66_with_the_cap_named(tmp_path: Path) -> None:
    from asiapac_cli.facts import load

    big = tmp_path / "big.yaml"
    big.write_bytes(SMALL.encode() + b"#" * (load.MAX_FILE_BYTES + 1 - len(SMALL.encode())) + b"\n")
    result = asiapac("validate", str(big))
    assert result.returncode == 66
    assert f"a fact file may be at most {load.MAX_FILE_BYTES // 2**20} MiB" in result.stderr


def test_running_out_of_memory_is_66_not_70(tmp_path: Path) -> None:
    # Two million one-letter values in 4 MB: each is a node with its line and column, far
    # denser than a real fact file, and more than 300 MiB of address space can hold.
    dense = tmp_path / "dense.yaml"
    dense.write_text('schema_version: 1\nas_of: "2024"\nsources: [' + "a," * 2_000_000 + "a]\n")

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (300 * 2**20, 300 * 2**20))

    result = asiapac("validate", str(dense), preexec_fn=limit, env={**os.environ, "ASIAPAC_NO_CACHE": "1"})
    assert result.returncode == 66, result.stderr
    assert result.stderr.startswith(f"asiapac: {dense}: not enough memory to validate it")


# Measured from a small wrapper process: Linux counts the RSS a child had before exec (a copy
# of this large test process) in its ru_maxrss.
PEAK_RSS = (
    "import resource, subprocess, sys\n"
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode\n"
    "print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


def peak_rss_mib(args: list[str]) -> float:
    result = subprocess.run([sys.executable, "-c", PEAK_RSS, ASIAPAC, *args], capture_output=True, text=True)
    code, kib = result.stdout.split()
    assert code == "0", result.stderr
    return int(kib) / 1024


def test_validation_memory_is_linear_and_within_the_stated_bound(tmp_path: Path) -> None:
    from asiapac_cli.facts import load

    sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))
    try:
        import generate_facts
    finally:
        sys.path.pop(0)
    large = tmp_path / "large.yaml"
    generate_facts.write(generate_facts.generate(FIXTURES / "small.yaml", 6000), large)
    megabytes = large.stat().st_size / 1e6
    peak = peak_rss_mib(["validate", str(large)])
    # The README states the bound: at most BASE + PER_MB MiB per MB, so the cap fits in 1 GiB.
    assert peak <= load.MEMORY_BASE_MIB + load.MEMORY_PER_MB_MIB * megabytes, (peak, megabytes)
    assert load.MEMORY_BASE_MIB + load.MEMORY_PER_MB_MIB * load.MAX_FILE_BYTES / 1e6 <= 1024


# --- 6. cache integrity --------------------------------------------------------------------


def cache_file(tmp_path: Path) -> Path:
    (found,) = (tmp_path / "cache").glob("facts-*.cache")
    return found


def test_a_poisoned_cache_is_never_believed(facts_file: Path, tmp_path: Path) -> None:
    clean = asiapac("itpp", "japan", "-f", "json")
    assert clean.returncode == 0 and "cyber defence" in clean.stdout
    path = cache_file(tmp_path)
    path.write_bytes(path.read_bytes().replace(b"cyber defence", b"POISONED TEXT"))
    again = asiapac("itpp", "japan", "-f", "json")
    assert again.returncode == 0
    assert again.stdout == clean.stdout
    assert b"POISONED" not in path.read_bytes()  # rebuilt


def test_flipped_bytes_in_the_cache_never_change_an_answer(facts_file: Path, tmp_path: Path) -> None:
    queries = [["itpp", "japan", "-f", "json"], ["timeline", "-f", "json"], ["sources", "-f", "json"]]
    expected = [asiapac(*q).stdout for q in queries]
    path = cache_file(tmp_path)
    pristine = path.read_bytes()
    generator = random.Random(12)
    for trial in range(36):
        damaged = bytearray(pristine)
        position = generator.randrange(len(damaged))
        damaged[position] ^= 1 << generator.randrange(8)
        path.write_bytes(bytes(damaged))
        query = queries[trial % len(queries)]
        result = asiapac(*query)
        assert result.returncode == 0, (position, result.stderr)
        assert result.stdout == expected[trial % len(queries)], position


def test_a_fifo_in_place_of_the_cache_does_not_hang(facts_file: Path, tmp_path: Path) -> None:
    clean = asiapac("itpp", "japan", "-f", "json")
    path = cache_file(tmp_path)
    path.unlink()
    os.mkfifo(path)
    result = asiapac("itpp", "japan", "-f", "json", timeout=20)
    assert result.returncode == 0 and result.stdout == clean.stdout


# --- 7. paths that are not UTF-8 ------------------------------------------------------------


def test_a_fact_file_path_that_is_not_utf8(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path)
    name = folder + b"/bad\xff.yaml"
    with open(name, "wb") as out:
        out.write(SMALL.encode())
    for args in ([b"timeline", b"--data", name], [b"validate", name], [b"validate", name, b"-f", b"json"]):
        result = asiapac(*args)
        assert result.returncode == 0, result.stderr
    warm = asiapac(b"itpp", b"japan", b"--data", name)
    assert warm.returncode == 0
    missing = asiapac(b"timeline", b"--data", folder + b"/gone\xff.yaml")
    assert missing.returncode == 66 and "gone\\xff.yaml: no such file" in missing.stderr
    invalid = folder + b"/invalid\xfe.yaml"
    with open(invalid, "wb") as out:
        out.write(SMALL.replace('as_of: "2026-11-27"', "as_of: nope").encode())
    for args in (
        [b"validate", invalid],
        [b"validate", invalid, b"-f", b"json"],
        [b"timeline", b"--data", invalid],
    ):
        result = asiapac(*args)
        assert result.returncode == 65, result.stderr
        assert "invalid\\xfe.yaml" in (result.stdout + result.stderr).replace("\\\\", "\\")


@pytest.mark.parametrize("fmt", ["sqlite", "json"])
def test_an_export_path_that_is_not_utf8(tmp_path: Path, fmt: str) -> None:
    target = os.fsencode(tmp_path) + b"/out\xff." + fmt.encode()
    result = asiapac(b"export", b"-f", fmt.encode(), b"-o", target)
    assert result.returncode == 0, result.stderr
    assert os.path.getsize(target) > 0
    assert os.listdir(tmp_path) == os.listdir(tmp_path) and not [
        n for n in os.listdir(tmp_path) if ".tmp" in n
    ]


# --- 8. --output writes only a regular file, atomically -------------------------------------


@pytest.mark.parametrize("fmt", ["sqlite", "json"])
def test_export_refuses_a_fifo_a_directory_and_a_device(tmp_path: Path, fmt: str) -> None:
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    folder = tmp_path / "folder"
    folder.mkdir()
    targets = [(fifo, "a FIFO"), (folder, "a directory")]
    if os.geteuid() == 0:  # a private copy of /dev/null's node: refusing it must leave it a device
        device = tmp_path / "null"
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        targets.append((device, "a character device"))
    for target, kind in targets:
        result = asiapac("export", "-f", fmt, "-o", str(target), timeout=20)
        assert result.returncode == 73, result.stderr
        assert result.stderr == (
            f"asiapac: cannot write {target}: not a regular file ({kind}); --output writes a regular "
            "file: for a pipe or a device, write to standard output (-o -) and redirect it\n"
        )
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and folder.is_dir()
    if os.geteuid() == 0:
        assert stat.S_ISCHR(os.lstat(tmp_path / "null").st_mode)


@pytest.mark.parametrize("fmt", ["sqlite", "json"])
def test_export_writes_through_a_symlink(tmp_path: Path, fmt: str) -> None:
    real = tmp_path / "real" / f"facts.{fmt}"
    real.parent.mkdir()
    real.write_text("old")
    link = tmp_path / f"link.{fmt}"
    link.symlink_to(real)
    result = asiapac("export", "-f", fmt, "-o", str(link))
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_bytes() != b"old" and real.stat().st_size > 1000
    assert sorted(os.listdir(real.parent)) == [real.name]  # the temporary file was in real's folder


@pytest.mark.parametrize("fmt", ["sqlite", "json"])
def test_export_replaces_atomically_and_keeps_the_mode(tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"out.{fmt}"
    target.write_text("old")
    target.chmod(0o640)
    before = target.stat().st_ino
    result = asiapac("export", "-f", fmt, "-o", str(target))
    assert result.returncode == 0, result.stderr
    after = target.stat()
    assert after.st_ino != before  # a new file renamed into place, not the old one truncated
    assert stat.S_IMODE(after.st_mode) == 0o640
    assert sorted(os.listdir(tmp_path)) == ["cache", target.name] or target.name in os.listdir(tmp_path)
    assert not [n for n in os.listdir(tmp_path) if n.startswith(".")]


@pytest.mark.parametrize("fmt", ["sqlite", "json"])
def test_a_failed_export_leaves_the_old_file_whole(tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"out.{fmt}"
    target.write_text("old")

    def small_files() -> None:  # writing past 4 KiB fails (EFBIG), as a full disk would
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    result = asiapac("export", "-f", fmt, "-o", str(target), preexec_fn=small_files)
    assert result.returncode == 73, result.stderr
    assert result.stderr.startswith(f"asiapac: cannot write {target}: ")
    assert target.read_text() == "old"
    assert not [n for n in os.listdir(tmp_path) if n.startswith(".")]  # no temporary file left


def test_a_new_export_file_gets_the_umask_mode(tmp_path: Path) -> None:
    target = tmp_path / "new.json"
    result = subprocess.run(
        ["sh", "-c", f'umask 022 && exec "{ASIAPAC}" export -f json -o "{target}"'], capture_output=True
    )
    assert result.returncode == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


# --- 9. exit 74 for output failures, a closed stdout ---------------------------------------


@pytest.mark.parametrize(
    "args",
    [["--version"], ["--help"], ["timeline", "--help"], ["--show-completion", "bash"], ["itpp", "japan"]],
)
def test_a_full_disk_is_74_for_help_version_and_completion(args: list[str]) -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [ASIAPAC, *args],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "SHELL": "/bin/bash"},
        )
    assert result.returncode == 74, result.stderr
    assert result.stderr == "asiapac: cannot write output: No space left on device\n"


@pytest.mark.parametrize("args", [["timeline"], ["--version"], ["show", "japan"], ["timeline", "-f", "ics"]])
def test_a_closed_stdout_is_74_not_an_internal_error(args: list[str]) -> None:
    command = " ".join(f"'{a}'" for a in [ASIAPAC, *args])
    result = subprocess.run(["sh", "-c", f"{command} >&-"], capture_output=True, text=True)
    assert result.returncode == 74, result.stderr
    assert result.stderr == "asiapac: cannot write output: standard output is closed\n"


def test_an_export_to_a_file_works_with_stdout_closed(tmp_path: Path) -> None:
    target = tmp_path / "out.db"
    result = subprocess.run(
        ["sh", "-c", f"'{ASIAPAC}' export -f sqlite -o '{target}' >&-"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert target.stat().st_size > 0


# --- 10. Python 3.10 -----------------------------------------------------------------------


def test_a_nul_in_a_value_survives_csv(tmp_path: Path) -> None:
    nul = variant(tmp_path, "title: Madrid Summit", 'title: "Madrid\\0Summit, \\"quoted\\"\\r\\n"')
    result = subprocess.run([ASIAPAC, "timeline", "-f", "csv", "--data", str(nul)], capture_output=True)
    assert result.returncode == 0, result.stderr
    text = result.stdout.decode("utf-8").replace("\x00", "<NUL>")  # Python 3.10's reader refuses NUL too
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert 'Madrid<NUL>Summit, "quoted"\r\n' in [row[4] for row in rows]


def test_ci_runs_the_suite_on_the_oldest_and_newest_python_promised() -> None:
    repo = Path(__file__).parent.parent
    ci = (repo / ".ci" / "run").read_text(encoding="utf-8")
    readme = (repo / "README.md").read_text(encoding="utf-8")
    (oldest,) = re.findall(r"needs only Python (3\.\d+)\+", readme)
    assert f'requires-python = ">={oldest}"' in (repo / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(rf"python{re.escape(oldest)}\b|versions/{re.escape(oldest)}\.", ci)
    assert re.search(r"versions/3\.13\.", ci)


# --- 11. an unreadable --data file ----------------------------------------------------------


def test_an_unreadable_data_file_is_66_by_option_and_by_environment(tmp_path: Path) -> None:
    secret = tmp_path / "secret.yaml"
    secret.write_text(SMALL)
    secret.chmod(0o000)
    prefix: list[str] = []
    if os.geteuid() == 0:  # root reads anything: run without the capabilities that allow it
        if not shutil.which("setpriv"):
            pytest.skip("root, and no setpriv to drop the capability to read any file")
        prefix = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search"]
    env = {**os.environ, "ASIAPAC_NO_CACHE": "1"}

    def run(*args: str, **extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*prefix, ASIAPAC, *args], capture_output=True, text=True, env={**env, **extra})

    by_option = run("timeline", "--data", str(secret))
    by_env = run("timeline", ASIAPAC_DATA=str(secret))
    by_argument = run("validate", str(secret))
    assert by_env.returncode == 66, by_env.stderr
    assert by_option.returncode == 66, by_option.stderr
    assert by_argument.returncode == 66, by_argument.stderr
    assert (
        by_option.stderr == by_env.stderr == by_argument.stderr == f"asiapac: {secret}: permission denied\n"
    )


def test_csv_lines_are_what_the_csv_module_writes() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from asiapac_cli.output.formats import csv_line

    @settings(max_examples=300, deadline=None)
    @given(st.lists(st.text(alphabet=st.characters(codec="utf-8")), min_size=1, max_size=4))
    def check(values: list[str]) -> None:
        line = csv_line(values)
        if sys.version_info >= (3, 11):
            buffer = io.StringIO()
            csv.writer(buffer).writerow(values)  # CRLF terminator: a lone CR is quoted too
            assert line == buffer.getvalue()[:-2] + "\n"
        read = next(csv.reader(io.StringIO(line.replace("\x00", "\ufffe"), newline="")))
        assert read == [value.replace("\x00", "\ufffe") for value in values]

    check()


# --- found by the fuzzer ---------------------------------------------------------------------


def test_an_actor_listed_twice_is_invalid_not_a_sqlite_crash(tmp_path: Path) -> None:
    # fuzz_cli.py --seed 7 --only 118: valid before, then `export -f sqlite` exited 70 on the
    # event_actors primary key.
    twice = variant(tmp_path, "    actors: [nato, japan]\n", "    actors: [nato, japan, nato]\n")
    for args in (
        ["validate", str(twice)],
        ["export", "-f", "sqlite", "-o", str(tmp_path / "x.db"), "--data", str(twice)],
    ):
        result = asiapac(*args)
        assert result.returncode == 65, result.stderr
        assert (
            f"{twice}:" in result.stdout + result.stderr
            and "'nato' is listed twice" in result.stdout + result.stderr
        )


def test_a_raw_control_character_is_located_on_one_line(tmp_path: Path) -> None:
    # fuzz_cli.py --seed 7 --only 313 and 567: YAML's reader error was reported at 1:1, with
    # a second line ("in <unicode string>, position ...") that is not file:line:column.
    raw = variant(tmp_path, "    place: Vilnius\n", "    place: Vil\x7fnius\n")
    result = asiapac("validate", str(raw))
    assert result.returncode == 65
    line = SMALL.splitlines().index("    place: Vilnius") + 1
    assert result.stdout.splitlines() == [
        f"{raw}:{line}:15: YAML syntax: the control character '\\x7f' is not allowed in a YAML file; "
        "inside double quotes, write it as an escape such as \\x1b"
    ]
