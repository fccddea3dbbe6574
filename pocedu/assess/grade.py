"""``pocedu grade``: every roster student of an assignment gets exactly one result.

The steps, one job each: take the course's run lock (``runlock``); quarantine submissions
from ids not on the roster and archive every other submission untouched (``preserve``);
build a clean copy of each from the archive (``prepare``: ``sanitize`` + ``storecheck``) in a
throwaway folder outside the course; autograde the copies with nbgrader in long-lived
parallel workers whose kernels start contained (``sandbox``, ``execute``); decide each
status from the events (``outcomes``) and write it to the versioned results journal
(``journal``). Gradebook sessions are serialised by ``gblock``.

A student is done when ``.pocedu/grade/<assignment>/<student>.json`` records the input that
was graded; a killed run leaves no such marker, so running again regrades only what is not
done and the gradebook ends as a clean run leaves it.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from .errors import AssessError
from .outcomes import Event, StudentResult, status_of
from .progress import Progress
from .sandbox import Limits

_worker: dict[str, Any] = {}


@dataclass(frozen=True)
class Outcome:
    """What the grading run did with one student (kept for callers of the first API)."""

    student: str
    status: str
    """'graded', 'skipped' (already graded, unchanged) or 'failed'."""
    seconds: float = 0.0
    message: str = ""


@dataclass
class GradeSummary:
    """The result of one grading run: one ``StudentResult`` per roster student."""

    assignment: str
    results: list[StudentResult] = field(default_factory=list)
    quarantined: list[str] = field(default_factory=list)
    """Submission folders from ids not on the roster (copied to .pocedu/quarantine/)."""
    notes: list[str] = field(default_factory=list)
    """Run-level notes: roster/gradebook mismatch, isolation in force, stale lock."""
    seconds: float = 0.0

    @property
    def outcomes(self) -> list[Outcome]:
        """The run's work per student in the first API's terms."""
        out = []
        for r in self.results:
            if r.status == "missing":
                continue
            kind = ("skipped" if r.skipped else "failed" if r.status == "ungradable"
                    else "graded")
            out.append(Outcome(r.student, kind, r.seconds,
                               "; ".join(e.event for e in r.events if e.severity == "fatal")))
        return out

    def by_status(self, status: str) -> list[str]:
        """Students with ``status`` (a result status, or 'graded'/'skipped'/'failed')."""
        if status in ("skipped", "failed"):
            return sorted(o.student for o in self.outcomes if o.status == status)
        return sorted(r.student for r in self.results if r.status == status)

    def __str__(self) -> str:
        counts = {}
        for r in self.results:
            counts[r.status] = counts.get(r.status, 0) + 1
        head = ", ".join(f"{n} {s}" for s, n in counts.items()) or "no students"
        skipped = sum(r.skipped for r in self.results)
        lines = [f"{self.assignment}: {head} ({skipped} unchanged, not regraded) "
                 f"in {self.seconds:.1f} s"]
        lines += [f"  note: {n}" for n in self.notes]
        lines += [f"  {r.line()}" for r in sorted(self.results, key=lambda r: r.student)]
        lines += [f"  quarantined (not on the roster, not graded): {s}"
                  for s in self.quarantined]
        return "\n".join(lines)


def state_dir(course_dir: Path, assignment: str) -> Path:
    """Where pocedu keeps its per-student grading markers for ``assignment``."""
    return Path(course_dir) / ".pocedu" / "grade" / assignment


def _marker(course_dir: Path, assignment: str, student: str) -> Path:
    return state_dir(course_dir, assignment) / f"{student}.json"


def is_done(course_dir: Path, assignment: str, student: str, input_sha: str) -> bool:
    """Whether this exact input has been graded completely (marker and result recorded)."""
    from .journal import latest

    marker = _marker(course_dir, assignment, student)
    try:
        done = json.loads(marker.read_text()).get("input_sha") == input_sha
    except (OSError, ValueError):
        return False
    last = latest(course_dir, assignment).get(student)
    return done and last is not None and last.input_sha == input_sha


def _mark_done(course_dir: Path, assignment: str, student: str, input_sha: str,
               seconds: float) -> None:
    from ..quiz.atomic import write_json_atomic

    write_json_atomic(_marker(course_dir, assignment, student),
                      {"input_sha": input_sha, "seconds": round(seconds, 3)})


def _init_worker(course_dir: str, lock: str | None, kernels: str, in_pool: bool) -> None:
    """Set up a grading worker; a failure is reported by each task, never retried forever."""
    try:
        _setup_worker(course_dir, lock, kernels, in_pool)
    except Exception as err:  # noqa: BLE001 - reported per student by _grade_one
        _worker["error"] = f"grading worker could not start: {err!r}"


def _setup_worker(course_dir: str, lock: str | None, kernels: str, in_pool: bool) -> None:
    import warnings

    from . import gblock
    from .execute import ContainedExecute
    from .nbg import api, db_url
    from .runlock import forget_in_child

    warnings.filterwarnings("ignore", module="nbgrader")
    warnings.filterwarnings("ignore", message=".*not in session.*")
    if in_pool:
        forget_in_child()
        os.chdir(tempfile.gettempdir())
    if lock:
        gblock.install(Path(lock))
    nbapi = api(Path(course_dir), **{"CourseDirectory.db_url": db_url(Path(course_dir)),
                                     "CourseDirectory.source_directory":
                                         str(Path(course_dir) / "source")})
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
    _worker.update(api=nbapi, course=Path(course_dir), kernels=kernels)


def _kernel_errors(nb_path: Path, ids: list[str]) -> list[str]:
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


def _grade_one(task: tuple[str, str, str, list[str]]) -> dict[str, Any]:
    """Autograde one staged copy in its sandbox; copy the result into the course."""
    assignment, student, root_s, added = task
    root, start = Path(root_s), time.monotonic()
    out: dict[str, Any] = {"student": student, "kernel_errors": [], "retried": False}
    if "error" in _worker:
        shutil.rmtree(root, ignore_errors=True)
        return {**out, "ok": False, "message": _worker["error"], "seconds": 0.0}
    try:
        ok, message = _autograde(root, assignment, student)
        graded_nb = root / "autograded" / student / assignment / f"{assignment}.ipynb"
        if ok and added:
            out["kernel_errors"] = _kernel_errors(graded_nb, added)
        if not ok and added:
            out["retried"], out["first_error"] = True, message[-2000:]
            _drop_added(root / "submitted" / student / assignment / f"{assignment}.ipynb")
            ok, message = _autograde(root, assignment, student)
        elif not ok:
            # a clean copy holds only the release's cells: a failure is the machine's (e.g. a
            # kernel that did not start in time), so try once more before calling it ungradable
            out["transient_error"] = message[-2000:]
            ok, message = _autograde(root, assignment, student)
        if ok:
            dest = _worker["course"] / "autograded" / student / assignment
            shutil.rmtree(dest, ignore_errors=True)
            shutil.copytree(root / "autograded" / student / assignment, dest, symlinks=True,
                            ignore=shutil.ignore_patterns(".*"))
        out.update(ok=ok, message=message[-4000:])
    finally:
        shutil.rmtree(root, ignore_errors=True)
    out["seconds"] = time.monotonic() - start
    return out


def submitted_students(course_dir: Path, assignment: str) -> list[str]:
    """Ids with a submission folder of ``assignment`` in ``submitted/``."""
    return sorted(p.parent.name for p in (Path(course_dir) / "submitted").glob(f"*/{assignment}")
                  if p.is_dir())


def _roster(course_dir: Path, assignment: str) -> list[str]:
    from nbgrader.api import MissingEntry

    from .nbg import gradebook

    with gradebook(course_dir) as gb:
        try:
            gb.find_assignment(assignment)
        except MissingEntry:
            raise AssessError(f"'{assignment}' is not in the gradebook: run `pocedu assess "
                              f"release {assignment}` first") from None
        return sorted(s.id for s in gb.students)


def roster_notes(course_dir: Path, gradebook_ids: list[str]) -> list[str]:
    """Differences between ``COURSE/roster.csv`` (when present) and the gradebook's students."""
    from .roster import read_roster

    path = Path(course_dir) / "roster.csv"
    if not path.exists():
        return []
    try:
        ids = {s.id for s in read_roster(path)}
    except AssessError as err:
        return [f"roster.csv has problems: {p}" for p in err.problems]
    notes = []
    if only := sorted(ids - set(gradebook_ids)):
        notes.append(f"on roster.csv but not in the gradebook (run `pocedu course init` "
                     f"again): {', '.join(only)}")
    if only := sorted(set(gradebook_ids) - ids):
        notes.append(f"in the gradebook but not on roster.csv: {', '.join(only)}")
    return notes


def _sources(course_dir: Path, assignment: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    from .results import read_items

    path = course_dir / "release" / assignment / f"{assignment}.ipynb"
    try:
        release = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise AssessError(f"{path}: cannot read the released quiz ({err}); run `pocedu "
                          f"assess release {assignment}`") from None
    return release, read_items(course_dir, assignment)


def _gradebook_facts(course_dir: Path, assignment: str, student: str) -> dict[str, Any]:
    from nbgrader.api import MissingEntry

    from .nbg import gradebook

    with gradebook(course_dir) as gb:
        try:
            sub = gb.find_submission(assignment, student)
        except MissingEntry:
            return {}
        nb = sub.notebooks[0] if sub.notebooks else None
        return {"score": float(sub.score), "max": float(sub.max_score),
                "late": float(sub.total_seconds_late or 0),
                "penalty": float(nb.late_submission_penalty or 0) if nb else 0.0,
                "manual": any(g.needs_manual_grade for n in sub.notebooks for g in n.grades)}


def _after(facts: dict[str, Any], out: dict[str, Any], max_points: float) -> list[Event]:
    events = []
    if out.get("retried"):
        reason = _last_error(out.get("first_error", ""))
        events.append(Event("student-code-crashed", "review", "student code stopped the "
                            f"kernel or the run ({reason}); graded again without the added "
                            "cells",
                            "look at the archived notebook for hostile code"))
    if out.get("kernel_errors"):
        events.append(Event("student-code-error", "flag", "added cells failed or were stopped "
                            f"({'; '.join(out['kernel_errors'][:3])})",
                            "the grade does not depend on them"))
    if facts.get("late", 0) > 0:
        events.append(Event("late", "flag", f"submitted {facts['late'] / 3600:.1f} h late; "
                            f"late penalty {facts['penalty']:g} point(s)",
                            "grant an extension in the gradebook if one was agreed"))
    if facts.get("manual"):
        events.append(Event("manual-grade-needed", "review", "a written answer awaits a "
                            "manual grade", "grade it in formgrader"))
    if facts and abs(facts["max"] - max_points) > 1e-9:
        events.append(Event("max-score-mismatch", "review", f"gradebook maximum "
                            f"{facts['max']:g} differs from the source's {max_points:g}",
                            "release the assignment again from the instructor's source"))
    return events


def _last_error(log: str) -> str:
    lines = [ln.strip() for ln in log.splitlines() if "Error" in ln or "error" in ln]
    return (lines[-1] if lines else "no message")[:160]


def _input_sha(digest: str, allow_student_code: bool) -> str:
    return hashlib.sha256(f"{digest}|code={allow_student_code}".encode()).hexdigest()


@dataclass
class _Job:
    student: str
    input_sha: str
    root: Path
    events: list[Event]
    added: list[str]


def grade_assignment(*, course_dir: Path, assignment: str, jobs: int | None = None,
                     students: list[str] | None = None, force: bool = False,
                     progress: bool = True, stream: TextIO | None = None,
                     allow_student_code: bool = False, limits: Limits | None = None,
                     wait: bool = False) -> GradeSummary:
    """Grade every roster student (or ``students``) of ``assignment``; see the module doc.

    Unchanged, already graded submissions are skipped unless ``force``. ``allow_student_code``
    keeps code cells students added (run after the graded cells, in the sandbox). A second run
    on the same course refuses unless ``wait``.
    """
    from .nbg import tools_on_path
    from .runlock import run_lock

    course_dir = Path(course_dir).resolve()
    tools_on_path()
    with run_lock(course_dir, what=f"pocedu grade {assignment}", wait=wait) as note:
        summary = GradeSummary(assignment)
        if note:
            summary.notes.append(note)
        return _grade_locked(summary, course_dir, assignment, jobs=jobs, students=students,
                             force=force, progress=progress, stream=stream,
                             allow=allow_student_code, limits=limits or Limits())


def _grade_locked(summary: GradeSummary, course_dir: Path, assignment: str, *,
                  jobs: int | None, students: list[str] | None, force: bool, progress: bool,
                  stream: TextIO | None, allow: bool, limits: Limits) -> GradeSummary:
    from . import journal
    from .prepare import stage
    from .preserve import archive_submission, quarantine

    start = time.monotonic()
    roster = _roster(course_dir, assignment)
    summary.notes += roster_notes(course_dir, roster)
    found = submitted_students(course_dir, assignment)
    for sid in sorted(set(found) - set(roster)):
        quarantine(course_dir=course_dir, assignment=assignment, student=sid)
        summary.quarantined.append(sid)
    wanted = roster
    if students:
        unknown = sorted(set(students) - set(roster))
        if unknown:
            raise AssessError(f"not on the roster of this course: {', '.join(unknown)}")
        wanted = [s for s in roster if s in set(students)]
    release, items = _sources(course_dir, assignment)
    max_points = float(sum(float(i.get("points", 1)) for i in items))
    run_id = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ") + f"-{os.getpid()}"
    state_dir(course_dir, assignment).mkdir(parents=True, exist_ok=True)
    _remove_stale_sandboxes()
    base = Path(tempfile.mkdtemp(prefix=f"pocedu-grade-{os.getpid()}-"))
    os.chmod(base, 0o711)
    todo: list[_Job] = []
    previous = journal.latest(course_dir, assignment)
    try:
        for sid in wanted:
            if sid not in found:
                res = StudentResult(sid, assignment, "missing", max_score=max_points)
                journal.record(course_dir, res, run_id=run_id)
                summary.results.append(res)
                continue
            archived = archive_submission(course_dir=course_dir, assignment=assignment,
                                          student=sid)
            sha = _input_sha(archived.digest, allow)
            if not force and is_done(course_dir, assignment, sid, sha):
                res = previous[sid]
                res.skipped = True
                summary.results.append(res)
                continue
            _marker(course_dir, assignment, sid).unlink(missing_ok=True)
            root = Path(tempfile.mkdtemp(prefix="s-", dir=base))
            os.chmod(root, 0o711)
            staged = stage(archived=archived, dest=root / "submitted" / sid / assignment,
                           assignment=assignment, student=sid, release=release, items=items,
                           allow_student_code=allow)
            if not staged.gradable:
                res = StudentResult(sid, assignment, "ungradable", max_score=max_points,
                                    events=staged.events, input_sha=sha)
                journal.record(course_dir, res, run_id=run_id)
                _mark_done(course_dir, assignment, sid, sha, 0.0)
                summary.results.append(res)
                continue
            todo.append(_Job(sid, sha, root, staged.events, staged.added_cells))
        from .sandbox import can_drop_to, kernel_dir

        why = can_drop_to(limits.user) if todo else "nothing to run"
        if todo:
            summary.notes.append(_isolation_note(why, limits))
        kernels = str(kernel_dir(base / "jupyter", limits, drop=not why))
        by_student = {j.student: j for j in todo}
        bar = Progress(len(todo), stream=stream, enabled=progress)
        jobs = max(1, min(jobs or os.cpu_count() or 1, len(todo) or 1))
        for out in _run(course_dir, assignment, todo, jobs, kernels):
            job = by_student[out["student"]]
            res = _result(course_dir, assignment, job, out, max_points)
            journal.record(course_dir, res, run_id=run_id)
            _mark_done(course_dir, assignment, job.student, job.input_sha, out["seconds"])
            summary.results.append(res)
            bar.step(f"{job.student}: {res.status}")
    finally:
        shutil.rmtree(base, ignore_errors=True)
    summary.seconds = time.monotonic() - start
    return summary


def _remove_stale_sandboxes() -> None:
    """Delete sandbox folders left by grading runs that were killed (their PID is gone)."""
    for path in Path(tempfile.gettempdir()).glob("pocedu-grade-*-*"):
        pid = path.name.split("-")[2]
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            shutil.rmtree(path, ignore_errors=True)
        except PermissionError:
            continue


def _isolation_note(why: str, limits: Limits) -> str:
    who = f"as the grading user ({why})" if why else f"as user '{limits.user}'"
    return (f"kernels ran {who}, each in a throwaway folder outside the course, with "
            f"{limits.memory_mb} MiB memory and {limits.cpu_seconds} s CPU")


def _result(course_dir: Path, assignment: str, job: _Job, out: dict[str, Any],
            max_points: float) -> StudentResult:
    events = list(job.events)
    if not out.get("ok"):
        log = state_dir(course_dir, assignment) / f"{job.student}.log"
        log.write_text(out.get("message", ""), encoding="utf-8")
        events.append(Event("autograde-failed", "fatal", "nbgrader could not grade the "
                            f"cleaned copy; see {log}", "grade by hand from the archive"))
        return StudentResult(job.student, assignment, "ungradable", max_score=max_points,
                             events=events, input_sha=job.input_sha, seconds=out["seconds"])
    facts = _gradebook_facts(course_dir, assignment, job.student)
    events += _after(facts, out, max_points)
    score = round(max(facts["score"] - facts["penalty"], 0.0), 6) if facts else None
    return StudentResult(job.student, assignment, status_of(events), score=score,
                         max_score=max_points, events=events, input_sha=job.input_sha,
                         seconds=out["seconds"])


def _run(course_dir: Path, assignment: str, todo: list[_Job], jobs: int, kernels: str):
    """Yield each worker's report as students finish."""
    tasks = [(assignment, j.student, str(j.root), j.added) for j in todo]
    if not tasks:
        return
    if jobs == 1:
        _init_worker(str(course_dir), None, kernels, False)
        yield from map(_grade_one, tasks)
        return
    method = "fork" if sys.platform.startswith("linux") else "spawn"
    ctx = multiprocessing.get_context(method)
    lock = str(Path(course_dir) / ".pocedu" / "grade" / "gradebook.lock")
    pool = ctx.Pool(jobs, initializer=_init_worker,
                    initargs=(str(course_dir), lock, kernels, True))
    try:
        yield from pool.imap_unordered(_grade_one, tasks)
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()
