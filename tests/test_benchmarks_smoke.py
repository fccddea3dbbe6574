"""The benchmark harness runs a tiny configuration end to end and writes its table.

No timing is asserted: the numbers depend on the machine; only the shape of the output is.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
RUN = REPO / "benchmarks" / "run.py"


def _run(tmp_path: Path, *args: str) -> tuple[subprocess.CompletedProcess, str]:
    out = tmp_path / "RESULTS.md"
    proc = subprocess.run([sys.executable, str(RUN), "--out", str(out),
                           "--workdir", str(tmp_path / "work"), *args],
                          capture_output=True, text=True, cwd=tmp_path, timeout=900)
    assert out.exists(), proc.stderr[-3000:]
    return proc, out.read_text(encoding="utf-8")


def _rows(text: str) -> list[list[str]]:
    lines = [ln for ln in text.splitlines() if ln.startswith("| ") and "---" not in ln]
    return [[c.strip() for c in ln.strip("|").split(" | ")] for ln in lines[1:]]


def test_tiny_run_writes_machine_and_table(tmp_path: Path) -> None:
    proc, text = _run(tmp_path, "--only", "import", "--repeats", "1")
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "- cores: " in text and "- cpu: " in text and "- nbgrader: " in text
    assert "- date: " in text
    rows = _rows(text)
    measures = [r[1] for r in rows]
    assert "`import pocedu` (fresh interpreter)" in measures
    assert all(len(r) == 6 and r[4] in {"PASS", "MISS", "-"} for r in rows)
    assert text in proc.stdout  # the same table is printed


def test_unknown_section_is_refused(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, str(RUN), "--only", "nosuch",
                           "--out", str(tmp_path / "R.md")], capture_output=True, text=True)
    assert proc.returncode != 0
    assert "unknown section" in proc.stderr


@pytest.mark.slow
def test_tiny_grading_report_size_run(tmp_path: Path) -> None:
    proc, text = _run(tmp_path, "--only", "grading,report,size", "--sizes", "2",
                      "--report-students", "40", "--repeats", "1")
    assert proc.returncode == 0, text + proc.stderr[-3000:]
    measures = {r[1]: r for r in _rows(text)}
    assert "serial `nbgrader autograde`, N=2" in measures
    pocedu = next(r for m, r in measures.items() if m.startswith("`pocedu grade`") and "N=2" in m
                  and "floor" not in m)
    assert "identical scores" in pocedu[5]
    assert "speed-up, N=2" in measures
    assert any(m.startswith("`build_report`, 40 students") for m in measures)
    assert any(m.startswith("released `quiz01`") for m in measures)
    assert any("as offline HTML" in m for m in measures)
    assert "PROBLEMS" not in text


def test_items_section_scores_naive_strategies_on_every_graded_quiz(tmp_path: Path) -> None:
    proc, text = _run(tmp_path, "--only", "items")
    assert proc.returncode == 0, proc.stderr[-3000:]
    rows = [r for r in _rows(text) if r[0] == "items"]
    quizzes = {r[1].split(":")[0] for r in rows}
    assert {"quiz01", "quiz02", "quiz03", "quiz04", "capstone", "pretest", "final"} <= quizzes
    assert all(r[4] == "PASS" for r in rows), rows
