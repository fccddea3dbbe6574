"""A grading worker: nbgrader autograde of one staged copy, in its sandbox, in a worker process.

``init_worker`` sets up nbgrader's API once per process (gradebook sessions serialised by
``gradebook_lock``); ``grade_one`` autogrades one student's staged copy and returns a typed
``WorkerReport``. The copy lives in a throwaway folder outside the course; only the graded
notebook is copied back into ``autograded/``.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

_worker: dict[str, Any] = {}


@dataclass(frozen=True)
class WorkerTask:
    """What a worker needs to grade one student (picklable)."""

    assignment: str
    student: str
    root: Path
    """The throwaway course folder holding only this student's staged copy."""
    added_cells: tuple[str, ...] = ()
    """Ids of student cells kept in the copy (only with student code allowed)."""


@dataclass
class WorkerReport:
    """What a worker did with one student, handed back to the grading run."""

    student: str
    ok: bool = False
    """nbgrader autograded the copy and the result is in the gradebook."""
    message: str = ""
    """nbgrader's log when it failed (last 4,000 characters)."""
    seconds: float = 0.0
    kernel_errors: list[str] = field(default_factory=list)
    """Errors of added student cells (the grade does not depend on them)."""
    retried: bool = False
    """Student code stopped the run; graded again without the added cells."""
    first_error: str = ""
    """nbgrader's log of the first attempt when it was retried."""
    transient_error: str = ""
    """A failure on a clean copy that a second attempt overcame (or not)."""
    path: str = "kernel"
    """How the student was graded: 'kernel' (nbgrader autograde) or 'answers' (in-process)."""
    facts: dict[str, Any] | None = None
    """Score, maximum, lateness, penalty and pending manual grades read back from the
    gradebook in the grading session (None: read them afterwards)."""


def init_worker(course_dir: str, lock: str | None, kernels: str, in_pool: bool) -> None:
    """Set up a grading worker; a failure is reported by each task, never retried forever."""
    try:
        _setup_worker(course_dir, lock, kernels, in_pool)
    except Exception as err:  # noqa: BLE001 - reported per student by grade_one
        _worker["error"] = f"grading worker could not start: {err!r}"


def _setup_worker(course_dir: str, lock: str | None, kernels: str, in_pool: bool) -> None:
    import warnings

    from ..course.layout import Course
    from ..course.nbgrader_api import api
    from . import gradebook_lock
    from .execute import ContainedExecute
    from .runlock import forget_in_child

    warnings.filterwarnings("ignore", module="nbgrader")
    warnings.filterwarnings("ignore", message=".*not in session.*")
    if in_pool:
        forget_in_child()
        os.chdir(tempfile.gettempdir())
    if lock:
        gradebook_lock.install(Path(lock))
    course = Course.at(course_dir)
    nbapi = api(course.root, **{"CourseDirectory.db_url": course.db_url,
                                "CourseDirectory.source_directory":
                                    str(course.folder("source"))})
    from nbconvert.preprocessors import ClearMetadataPreprocessor
    from nbgrader.preprocessors import (
        AssignLatePenalties,
        CheckCellMetadata,
        IgnorePattern,
        LimitOutput,
        SaveAutoGrades,
    )

    # the graded copy is complete once its last cell ran: stop the kernel at once instead of
    # waiting for a graceful shutdown (about 0.5 s of idle wall time per student)
    nbapi.config.Execute.shutdown_kernel = "immediate"
    nbapi.config.Autograde.autograde_preprocessors = [
        ContainedExecute, IgnorePattern, ClearMetadataPreprocessor, LimitOutput, SaveAutoGrades,
        AssignLatePenalties, CheckCellMetadata]
    _worker.update(api=nbapi, course=course, kernels=kernels)


def _kernel_errors(nb_path: Path, ids: tuple[str, ...]) -> list[str]:
    try:
        nb = json.loads(nb_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    found = []
    for cell in nb.get("cells", []):
        if cell.get("id") in ids:
            found += [f"{o.get('ename')}: {str(o.get('evalue'))[:80]}"
                      for o in cell.get("outputs", []) if o.get("output_type") == "error"]
            found += ["output flood stopped" for o in cell.get("outputs", [])
                      if "pocedu: output stopped" in str(o.get("text", ""))]
    return found


def _drop_added(nb_path: Path) -> None:
    nb = json.loads(nb_path.read_text(encoding="utf-8"))
    nb["cells"] = [c for c in nb["cells"] if not str(c.get("id", "")).startswith("pocedu-added")]
    nb_path.write_text(json.dumps(nb), encoding="utf-8")


def _autograde(root: Path, assignment: str, student: str) -> tuple[bool, str]:
    nbapi = _worker["api"]
    nbapi.coursedir.root = str(root)
    saved = {k: os.environ.get(k) for k in ("JUPYTER_PATH", "POCEDU_SANDBOX_HOME")}
    os.environ["JUPYTER_PATH"] = os.pathsep.join(
        p for p in (_worker["kernels"], saved["JUPYTER_PATH"]) if p)
    os.environ["POCEDU_SANDBOX_HOME"] = str(root / "home")
    try:
        result = nbapi.autograde(assignment, student, force=True, create=False)
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    ok = bool(result.get("success"))
    return ok, "" if ok else "\n".join(
        part for part in (result.get("log", ""), result.get("error", "")) if part)


def grade_one(task: WorkerTask) -> WorkerReport:
    """Autograde one staged copy in its sandbox; copy the graded notebook into the course."""
    from ..course.layout import Course

    root, start = task.root, time.monotonic()
    report = WorkerReport(task.student)
    if "error" in _worker:
        shutil.rmtree(root, ignore_errors=True)
        report.message = _worker["error"]
        return report
    staged = Course(root).assignment(task.assignment)
    try:
        ok, message = _autograde(root, task.assignment, task.student)
        graded_nb = staged.autograded(task.student) / staged.notebook_name
        if ok and task.added_cells:
            report.kernel_errors = _kernel_errors(graded_nb, task.added_cells)
        if not ok and task.added_cells:
            report.retried, report.first_error = True, message[-2000:]
            _drop_added(staged.submitted(task.student) / staged.notebook_name)
            ok, message = _autograde(root, task.assignment, task.student)
        elif not ok:
            # a clean copy holds only the release's cells: a failure is the machine's (e.g. a
            # kernel that did not start in time), so try once more before calling it ungradable
            report.transient_error = message[-2000:]
            ok, message = _autograde(root, task.assignment, task.student)
        if ok:
            course: Course = _worker["course"]
            dest = course.assignment(task.assignment).autograded(task.student)
            shutil.rmtree(dest, ignore_errors=True)
            shutil.copytree(staged.autograded(task.student), dest, symlinks=True,
                            ignore=shutil.ignore_patterns(".*"))
        report.ok, report.message = ok, message[-4000:]
    finally:
        shutil.rmtree(root, ignore_errors=True)
    report.seconds = time.monotonic() - start
    return report
