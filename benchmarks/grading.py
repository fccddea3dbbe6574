"""Grading throughput: serial ``nbgrader autograde`` versus ``pocedu grade``, and the floor."""

from __future__ import annotations

import os
import resource
import signal
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

BIN = Path(sys.executable).parent


def tool_env() -> dict[str, str]:
    """The environment for nbgrader/pocedu commands: this Python's bin first on PATH."""
    env = dict(os.environ)
    env["PATH"] = str(BIN) + os.pathsep + env.get("PATH", "")
    env.setdefault("PYTHONWARNINGS", "ignore")
    return env


@dataclass(frozen=True)
class Run:
    """One grading command over a course copy."""

    command: str
    seconds: float
    returncode: int
    log: Path
    cpu: float = 0.0
    """CPU seconds (user + system) of the command and every process it waited for."""


TIMED_OUT = -999
"""``Run.returncode`` of a command killed for taking longer than its limit."""


def time_limit(n: int) -> float:
    """Seconds a grading command for ``n`` submissions may take before it is killed."""
    return 300.0 + 20.0 * n


def _timed(cmd: list[str], *, cwd: Path, log: Path, limit: float) -> Run:
    """Run ``cmd`` in its own process group; kill the whole group after ``limit`` seconds."""
    before = _children_cpu()
    start = time.perf_counter()
    with log.open("w", encoding="utf-8") as out:
        proc = subprocess.Popen(cmd, cwd=cwd, env=tool_env(), stdout=out,
                                stderr=subprocess.STDOUT, start_new_session=True)
        try:
            code = proc.wait(timeout=limit)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            code = TIMED_OUT
    return Run(" ".join([Path(cmd[0]).name, *cmd[1:]]), time.perf_counter() - start, code, log,
               _children_cpu() - before)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def serial_autograde(course: Path, *, quiz: str, log: Path, limit: float) -> Run:
    """Plain ``nbgrader autograde QUIZ`` run in the course directory (wall clock)."""
    return _timed([str(BIN / "nbgrader"), "autograde", quiz], cwd=course, log=log, limit=limit)


def pocedu_grade(course: Path, *, quiz: str, log: Path, limit: float,
                 jobs: int | None = None) -> Run:
    """``pocedu grade QUIZ --course COURSE`` (wall clock, default jobs = cores)."""
    cmd = [str(BIN / "pocedu"), "grade", quiz, "--course", str(course)]
    if jobs:
        cmd += ["--jobs", str(jobs)]
    return _timed(cmd, cwd=course, log=log, limit=limit)


def startup_note(run: Run) -> str:
    """', of which N s before grading began' from the summary ``pocedu grade`` prints."""
    import re

    try:
        text = run.log.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    found = re.findall(r"^\S+: .* in ([0-9.]+) s\s*$", text, flags=re.MULTILINE)
    if not found:
        return ""
    return f", of which {run.seconds - float(found[-1]):.1f} s outside its grading loop"


def trivial_notebook() -> object:
    """A one-cell notebook (``1 + 1``) on the ``python3`` kernel spec the quizzes use."""
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.cells.append(nbformat.v4.new_code_cell("1 + 1"))
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    return nb


def kernel_floor(*, repeats: int, kernel: str = "python3") -> list[float]:
    """Seconds to start a fresh kernel and run one trivial cell, ``repeats`` times (serially)."""
    from nbclient import NotebookClient

    times = []
    for _ in range(repeats):
        nb = trivial_notebook()
        start = time.perf_counter()
        NotebookClient(nb, kernel_name=kernel, timeout=60).execute()
        times.append(time.perf_counter() - start)
    return times


def floor_per_submission(times: list[float], *, cores: int) -> float:
    """The floor: median kernel start + trivial cell, divided by the number of cores."""
    return statistics.median(times) / max(cores, 1)


def gradebook_scores(course: Path, *, quiz: str) -> dict[str, dict[str, float | None]]:
    """``{student: {notebook/grade cell: score}}`` for every submission of ``quiz``."""
    from pocedu.assess.course.nbgrader_api import gradebook

    scores: dict[str, dict[str, float | None]] = {}
    with gradebook(course) as gb:
        assignment = gb.find_assignment(quiz)
        for sub in assignment.submissions:
            scores[sub.student.id] = {
                f"{nb.name}/{g.name}": (None if g.score is None else round(float(g.score), 6))
                for nb in sub.notebooks for g in nb.grades}
    return scores


def compare_scores(a: dict[str, dict], b: dict[str, dict], *, expected: int) -> list[str]:
    """Differences between two gradebooks' scores (empty when identical and complete)."""
    problems = []
    for name, found in (("serial nbgrader", a), ("pocedu grade", b)):
        graded = [s for s, grades in found.items()
                  if grades and any(v is not None for v in grades.values())]
        if len(graded) != expected:
            problems.append(f"{name}: {len(graded)} of {expected} submissions have scores")
    for student in sorted(set(a) | set(b)):
        if a.get(student) != b.get(student):
            diff = sorted(k for k in set(a.get(student, {})) | set(b.get(student, {}))
                          if a.get(student, {}).get(k) != b.get(student, {}).get(k))
            problems.append(f"{student}: scores differ on {', '.join(diff) or 'presence'}")
    return problems
