"""``pocedu grade``: nbgrader autograde in parallel across students, safe to interrupt.

Long-lived worker processes each hold one ``NbGraderAPI`` and call nbgrader's own
``Autograde`` for one student at a time; gradebook sessions are serialised by a file lock
(``gblock``), so the gradebook ends up as serial ``nbgrader autograde`` leaves it.
A student counts as done only when ``.pocedu/grade/<assignment>/<student>.json`` records
the graded submission's timestamp; anything else (a killed run) is regraded from scratch.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from .errors import AssessError
from .progress import Progress

_worker: dict[str, Any] = {}


@dataclass(frozen=True)
class Outcome:
    """What happened to one student's submission."""

    student: str
    status: str
    """'graded', 'skipped' (already graded, unchanged) or 'failed'."""
    seconds: float = 0.0
    message: str = ""


@dataclass
class GradeSummary:
    """The result of one grading run."""

    assignment: str
    outcomes: list[Outcome] = field(default_factory=list)
    seconds: float = 0.0

    def by_status(self, status: str) -> list[str]:
        """Students with ``status``."""
        return sorted(o.student for o in self.outcomes if o.status == status)

    def __str__(self) -> str:
        parts = [f"{self.assignment}: {len(self.by_status('graded'))} graded, "
                 f"{len(self.by_status('skipped'))} already graded, "
                 f"{len(self.by_status('failed'))} failed in {self.seconds:.1f} s"]
        parts += [f"  failed: {o.student}: {o.message}" for o in self.outcomes
                  if o.status == "failed"]
        return "\n".join(parts)


def state_dir(course_dir: Path, assignment: str) -> Path:
    """Where pocedu keeps its grading records for ``assignment``."""
    return Path(course_dir) / ".pocedu" / "grade" / assignment


def _timestamp(course_dir: Path, student: str, assignment: str) -> str:
    path = Path(course_dir) / "submitted" / student / assignment / "timestamp.txt"
    return path.read_text().strip() if path.exists() else ""


def is_done(course_dir: Path, assignment: str, student: str) -> bool:
    """Whether the student's current submission has been graded completely."""
    marker = state_dir(course_dir, assignment) / f"{student}.json"
    if not marker.exists() or not (Path(course_dir) / "autograded" / student / assignment).is_dir():
        return False
    try:
        record = json.loads(marker.read_text())
    except ValueError:
        return False
    return record.get("timestamp") == _timestamp(course_dir, student, assignment)


def _mark_done(course_dir: Path, assignment: str, student: str, seconds: float) -> None:
    from ..quiz.atomic import write_json_atomic

    write_json_atomic(state_dir(course_dir, assignment) / f"{student}.json",
                      {"timestamp": _timestamp(course_dir, student, assignment),
                       "seconds": round(seconds, 3)})


def _reset(course_dir: Path, assignment: str, student: str) -> None:
    """Forget a student's earlier or half-done grading (the gradebook is rewritten anyway)."""
    (state_dir(course_dir, assignment) / f"{student}.json").unlink(missing_ok=True)
    shutil.rmtree(Path(course_dir) / "autograded" / student / assignment, ignore_errors=True)


def _init_worker(course_dir: str, lock: str | None) -> None:
    import warnings

    from . import gblock
    from .nbg import api

    warnings.filterwarnings("ignore", module="nbgrader")
    warnings.filterwarnings("ignore", message=".*not in session.*")

    if lock:
        gblock.install(Path(lock))
    _worker["api"] = api(Path(course_dir))


def _grade_one(task: tuple[str, str]) -> tuple[str, bool, float, str]:
    assignment, student = task
    start = time.monotonic()
    result = _worker["api"].autograde(assignment, student, force=True, create=True)
    message = "" if result.get("success") else (result.get("error") or result.get("log", ""))
    return student, bool(result.get("success")), time.monotonic() - start, message


def submitted_students(course_dir: Path, assignment: str) -> list[str]:
    """Students with a submission of ``assignment`` in ``submitted/``."""
    return sorted(p.parent.name for p in (Path(course_dir) / "submitted").glob(f"*/{assignment}")
                  if p.is_dir())


def _check_assignment(course_dir: Path, assignment: str) -> None:
    from nbgrader.api import MissingEntry

    from .nbg import gradebook

    with gradebook(course_dir) as gb:
        try:
            gb.find_assignment(assignment)
        except MissingEntry:
            raise AssessError(f"'{assignment}' is not in the gradebook: run `pocedu assess "
                              f"release {assignment}` first") from None


def grade_assignment(*, course_dir: Path, assignment: str, jobs: int | None = None,
                     students: list[str] | None = None, force: bool = False,
                     progress: bool = True, stream: TextIO | None = None) -> GradeSummary:
    """Autograde every submitted student (or ``students``) of ``assignment`` in parallel.

    Students already graded on the same submission are skipped unless ``force``. Interrupting
    keeps every finished student; running again finishes the rest.
    """
    from .nbg import tools_on_path

    course_dir = Path(course_dir).resolve()
    tools_on_path()
    _check_assignment(course_dir, assignment)
    found = submitted_students(course_dir, assignment)
    if students:
        missing = sorted(set(students) - set(found))
        if missing:
            raise AssessError(f"no submission of {assignment} from: {', '.join(missing)}")
        found = [s for s in found if s in set(students)]
    summary = GradeSummary(assignment)
    todo = []
    for s in found:
        if not force and is_done(course_dir, assignment, s):
            summary.outcomes.append(Outcome(s, "skipped"))
        else:
            _reset(course_dir, assignment, s)
            todo.append(s)
    state_dir(course_dir, assignment).mkdir(parents=True, exist_ok=True)
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(todo) or 1))
    bar = Progress(len(todo), stream=stream, enabled=progress)
    start = time.monotonic()
    for student, ok, seconds, message in _run(course_dir, assignment, todo, jobs):
        if ok:
            _mark_done(course_dir, assignment, student, seconds)
        else:
            log = state_dir(course_dir, assignment) / f"{student}.log"
            log.write_text(message, encoding="utf-8")
            message = f"autograde failed; see {log}"
        summary.outcomes.append(Outcome(student, "graded" if ok else "failed", seconds, message))
        bar.step(f"{student}: {'graded' if ok else 'FAILED'}")
    summary.seconds = time.monotonic() - start
    return summary


def _run(course_dir: Path, assignment: str, students: list[str], jobs: int):
    """Yield ``(student, ok, seconds, message)`` as students finish."""
    tasks = [(assignment, s) for s in students]
    if not tasks:
        return
    if jobs == 1:
        _init_worker(str(course_dir), None)
        yield from map(_grade_one, tasks)
        return
    method = "fork" if sys.platform.startswith("linux") else "spawn"
    ctx = multiprocessing.get_context(method)
    lock = str(state_dir(course_dir, assignment).parent / "gradebook.lock")
    pool = ctx.Pool(jobs, initializer=_init_worker, initargs=(str(course_dir), lock))
    try:
        yield from pool.imap_unordered(_grade_one, tasks)
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()
