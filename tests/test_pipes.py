"""What only a real process shows: pipes, exit codes, the installed entry point, imports."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).parent.parent / "benchmarks"
ASIAPAC = str(Path(sys.executable).parent / "asiapac")


def asiapac(*args: str, **kwargs) -> subprocess.CompletedProcess[str]:
    return subprocess.run([ASIAPAC, *args], capture_output=True, text=True, **kwargs)


def generated_facts(facts_file: Path, target: Path, events: int) -> Path:
    """A fact file of `events` events, made by the benchmark's generator from `facts_file`."""
    sys.path.insert(0, str(BENCHMARKS))
    try:
        import generate_facts
    finally:
        sys.path.remove(str(BENCHMARKS))
    generate_facts.write(generate_facts.generate(facts_file, events), target)
    return target


@pytest.fixture
def large_facts(tmp_path: Path, facts_file: Path) -> Path:
    """About 5,000 events: enough output to fill a pipe's buffer."""
    return generated_facts(facts_file, tmp_path / "large.yaml", 5000)


def test_installed_entry_point_and_python_dash_m_give_the_same_answer() -> None:
    installed = asiapac("timeline", "-f", "json")
    module = subprocess.run(
        [sys.executable, "-m", "asiapac_cli", "timeline", "-f", "json"], capture_output=True, text=True
    )
    assert installed.returncode == module.returncode == 0
    assert json.loads(installed.stdout) == json.loads(module.stdout) != []


def test_piped_output_has_no_ansi_even_with_force_color() -> None:
    result = asiapac("timeline", env={**os.environ, "FORCE_COLOR": "1", "CLICOLOR_FORCE": "1"})
    assert result.returncode == 0
    assert "\x1b" not in result.stdout and "┏" not in result.stdout
    assert result.stdout.startswith("date\tend\tkind\t")


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["timeline"], 0),
        (["timeline", "--since", "2090"], 1),
        (["itpp", "narnia"], 2),
        (["timeline", "--format", "xml"], 2),
        (["timeline", "--data", "/nonexistent/facts.yaml"], 66),
    ],
)
def test_exit_codes_of_the_real_process(args: list[str], code: int) -> None:
    result = asiapac(*args)
    assert result.returncode == code
    assert "Traceback" not in result.stderr


def test_invalid_fact_file_exits_65(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema_version: 1\nas_of: nope\n")
    result = asiapac("timeline", "--data", str(bad))
    assert result.returncode == 65
    assert f"{bad}:2:8: as_of: expected a date" in result.stderr


def test_closed_pipe_ends_quietly(large_facts: Path) -> None:
    for args in (["timeline"], ["timeline", "-f", "json"], ["timeline", "-f", "table"]):
        producer = subprocess.Popen(
            [ASIAPAC, *args, "--data", str(large_facts)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        assert producer.stdout is not None and producer.stderr is not None
        first = producer.stdout.readline()
        producer.stdout.close()  # like `| head -n 1`
        stderr = producer.stderr.read().decode()
        code = producer.wait(timeout=60)
        assert first
        assert stderr == "", stderr
        assert code in (0, 141), code


def test_full_disk_is_a_short_message_and_exit_74() -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full on this system")
    with open("/dev/full", "w") as full:
        result = subprocess.run([ASIAPAC, "timeline"], stdout=full, stderr=subprocess.PIPE, text=True)
    assert result.returncode == 74
    assert result.stderr == "asiapac: cannot write output: No space left on device\n"


def test_ctrl_c_exits_130_without_a_traceback(facts_file: Path, tmp_path: Path) -> None:
    # A cold parse of 20,000 events takes seconds: the signal must arrive after start-up (on a
    # loaded machine the imports alone can take half a second; an interrupt there is Python's
    # own, before asiapac runs) and before the answer.
    larger = generated_facts(facts_file, tmp_path / "larger.yaml", 20000)
    env = {**os.environ, "ASIAPAC_NO_CACHE": "1"}
    process = subprocess.Popen(
        [ASIAPAC, "timeline", "--data", str(larger)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )
    time.sleep(1.2)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    if process.returncode == 0:
        pytest.skip("the run finished before the signal arrived")
    assert process.returncode == 130
    assert b"Traceback" not in stderr


def test_warm_piped_lookup_imports_neither_rich_nor_yaml() -> None:
    # nor the records' TypedDicts (facts/records.py), which only the type checker needs
    probe = (
        "import atexit, sys\n"
        "atexit.register(lambda: sys.stderr.write('LOADED ' + ' '.join(sorted("
        "m for m in sys.modules if m.split('.')[0] in ('rich', 'yaml', 'pydantic')"
        " or m == 'asiapac_cli.facts.records')) + '\\n'))\n"
        "sys.argv = ['asiapac', 'itpp', 'japan', '--format', 'json']\n"
        "from asiapac_cli.cli.app import main\n"
        "main()\n"
    )
    cold = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert cold.returncode == 0 and "yaml" in cold.stderr  # the first run parses and fills the cache
    warm = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert warm.returncode == 0
    assert warm.stderr == "LOADED \n"
    table = subprocess.run(
        [sys.executable, "-c", probe.replace("'--format', 'json'", "'--format', 'table'")],
        capture_output=True,
        text=True,
    )
    assert "rich" in table.stderr and "yaml" not in table.stderr


def test_internal_errors_are_short_unless_debugging(tmp_path: Path) -> None:
    probe = (
        "import sys\n"
        "from asiapac_cli.queries import timeline as timeline_module\n"
        "def broken(*args, **kwargs):\n"
        "    secret = 'local-variable-value'\n"
        "    raise RuntimeError('boom')\n"
        "timeline_module.timeline = broken\n"
        "sys.argv = ['asiapac', 'timeline']\n"
        "from asiapac_cli.cli.app import main\n"
        "main()\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert result.returncode == 70
    assert result.stderr == (
        "asiapac: internal error: RuntimeError: boom\n"
        "asiapac: run again with ASIAPAC_DEBUG=1 for details, and please report it\n"
    )
    debug = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env={**os.environ, "ASIAPAC_DEBUG": "1"},
    )
    assert debug.returncode == 70
    assert "Traceback" in debug.stderr and "RuntimeError: boom" in debug.stderr
    assert "local-variable-value" not in debug.stderr  # locals are never printed
