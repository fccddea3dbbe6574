"""The README opens with the two set-up commands, and CI runs the README's test command."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _readme_commands() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    first_block = re.search(r"```(?:bash|sh)?\n(.*?)```", text, re.S)
    assert first_block, "README must open with a code block of set-up commands"
    return [line.strip() for line in first_block.group(1).splitlines()
            if line.strip() and not line.strip().startswith("#")]


def test_readme_opens_with_exactly_two_commands():
    commands = _readme_commands()
    assert len(commands) == 2, commands
    assert "pocedu demo" in commands[0]
    assert "pytest" in commands[1]


def test_ci_runs_the_readme_test_command():
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    test_command = _readme_commands()[1]
    assert any(line.strip() == test_command for line in ci.splitlines()), test_command


def _instructor_block() -> str:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## For instructors and graders"):]
    block = re.search(r"```bash\n(.*?)```", section, re.S)
    assert block, "the instructor section must hold a bash block"
    return block.group(1)


@pytest.mark.slow
def test_readme_instructor_block_runs_as_written(tmp_path):
    """The README's instructor commands, verbatim, in a fresh folder beside a clone's bank."""
    (tmp_path / "assessments").symlink_to(REPO / "assessments")
    bindir = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bindir}{os.pathsep}{os.environ.get('PATH', '')}"}
    env.pop("POCEDU_EXCHANGE", None)
    done = subprocess.run(["bash", "-euo", "pipefail", "-c", _instructor_block()],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    course = tmp_path / "mycourse"
    assert "collected 1 submission(s) of quiz02" in done.stdout
    assert (course / "exchange" / "pocedu" / "outbound" / "quiz02" / "quiz02.ipynb").is_file()
    moodle = (course / "exports" / "quiz02_moodle.csv").read_text(encoding="utf-8")
    officer01 = next(line for line in moodle.splitlines() if line.startswith("officer01,"))
    assert float(officer01.rsplit(",", 1)[1]) > 0  # the two right answers scored
    assert (course / "reports" / "quiz02" / "report.html").is_file()
    assert "Traceback" not in done.stderr
