"""``pocedu grade``: every roster student of an assignment gets exactly one result.

A run holds the course's run lock (``runlock``), quarantines submissions from ids not on the
roster, then takes each roster student through ``STEPS``, in order:

1. ``missing``: no submission folder gives the result ``missing``;
2. ``archive``: every submitted file is archived untouched (``archive``);
3. ``unchanged``: an input graded before (same archive digest, same options) is not regraded;
4. ``stage``: a clean copy is built from the archive in a throwaway folder (``stage``);
5. ``grade``: parallel workers autograde the copies with nbgrader (``worker``, ``sandbox``);
6. ``decide``: the events add up to a status and the gradebook gives the score (``events``);
7. ``record``: the result is written to the versioned results journal.

A step that finishes a student (``missing``, ``unchanged``, nothing gradable) sets the
student's result; later steps skip them. A killed run records nothing for the students it
had not finished, so running again regrades only those.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from ..course.layout import Assignment, Course
from ..errors import AssessError
from .events import Event, StudentResult, status_of
from .progress import Progress
from .sandbox import Limits
from .worker import WorkerReport, WorkerTask

if TYPE_CHECKING:
    from .archive import Archived
    from .stage import Staged


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
        counts: dict[str, int] = {}
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


# ------------------------------------------------------------------ run and student state

@dataclass
class Run:
    """What every step of one grading run shares."""

    quiz: Assignment
    release: dict[str, Any]
    items: list[dict[str, Any]]
    max_points: float
    run_id: str
    base: Path
    """Throwaway folder (outside the course) holding every staged copy of this run."""
    force: bool = False
    allow_student_code: bool = False
    previous: dict[str, StudentResult] = field(default_factory=dict)
    """The latest recorded result of each student before this run."""
    answers_only_reason: str | None = None
    """Why this quiz cannot be graded from answers ('' when it can; None before checking)."""
    kernel_only: bool = False
    """Grade every student with nbgrader's kernels (to compare both paths)."""


@dataclass
class Submission:
    """One roster student on their way through ``STEPS``."""

    student: str
    submitted: bool
    archived: Archived | None = None
    input_sha: str = ""
    staged: Staged | None = None
    root: Path | None = None
    """This student's throwaway course folder (the staged copy lives in it)."""
    report: WorkerReport | None = None
    result: StudentResult | None = None
    """Set by the step that finishes the student; later steps skip them."""
    recorded: bool = False
    """False when the result was already in the journal (unchanged, not regraded)."""


Step = Callable[[Run, Submission], None]


def _input_sha(digest: str, allow_student_code: bool) -> str:
    return hashlib.sha256(f"{digest}|code={allow_student_code}".encode()).hexdigest()


def step_missing(run: Run, sub: Submission) -> None:
    """No submission folder: the result is ``missing``."""
    if not sub.submitted:
        sub.result = StudentResult(sub.student, run.quiz.name, "missing",
                                   max_score=run.max_points)


def step_archive(run: Run, sub: Submission) -> None:
    """Archive the submission untouched; what follows reads only the archive."""
    from .archive import archive_submission

    sub.archived = archive_submission(course_dir=run.quiz.course, assignment=run.quiz.name,
                                      student=sub.student)
    sub.input_sha = _input_sha(sub.archived.digest, run.allow_student_code)


def step_unchanged(run: Run, sub: Submission) -> None:
    """An input graded completely before is not graded again (unless ``force``)."""
    last = run.previous.get(sub.student)
    if not run.force and last is not None and last.input_sha == sub.input_sha:
        last.skipped = True
        sub.result, sub.recorded = last, True


def step_stage(run: Run, sub: Submission) -> None:
    """Build the clean copy in this student's throwaway folder."""
    from .stage import stage

    assert sub.archived is not None
    sub.root = Path(tempfile.mkdtemp(prefix="s-", dir=run.base))
    os.chmod(sub.root, 0o711)
    sub.staged = stage(archived=sub.archived,
                       dest=Course(sub.root).assignment(run.quiz.name).submitted(sub.student),
                       assignment=run.quiz.name, student=sub.student, release=run.release,
                       items=run.items, allow_student_code=run.allow_student_code)
    if not sub.staged.gradable:
        sub.result = StudentResult(sub.student, run.quiz.name, "ungradable",
                                   max_score=run.max_points, events=sub.staged.events,
                                   input_sha=sub.input_sha)


def step_decide(run: Run, sub: Submission) -> None:
    """The events of staging and grading add up to a status; the gradebook gives the score."""
    assert sub.staged is not None and sub.report is not None
    sub.result = decide(run, sub.student, sub.input_sha, sub.staged.events, sub.report)


def step_record(run: Run, sub: Submission) -> None:
    """Write the result to the journal (a no-op when it equals the latest version)."""
    from ..results.journal import record

    if sub.result is not None and not sub.recorded:
        record(run.quiz.course, sub.result, run_id=run.run_id)
        sub.recorded = True


BEFORE_GRADING: tuple[Step, ...] = (step_missing, step_archive, step_unchanged, step_stage)
AFTER_GRADING: tuple[Step, ...] = (step_decide,)
STEPS: tuple[Step | str, ...] = (*BEFORE_GRADING, "grade", *AFTER_GRADING, step_record)
"""Every per-student step in order; 'grade' is the parallel autograde between them."""


def _take(run: Run, sub: Submission, steps: tuple[Step, ...]) -> None:
    """Run ``steps`` for one student; a step that fails ends that student only."""
    for step in steps:
        if sub.result is not None:
            return
        try:
            step(run, sub)
        except Exception as err:  # noqa: BLE001 - one file must never stop the class
            events = list(sub.staged.events) if sub.staged else []
            events.append(Event("step-failed", "fatal", f"grading step "
                                f"'{step.__name__.removeprefix('step_')}' failed: "
                                f"{err.__class__.__name__}: {str(err)[:200]!r}",
                                "the submission is archived; grade it by hand and report "
                                "the message"))
            sub.result = StudentResult(sub.student, run.quiz.name, "ungradable",
                                       max_score=run.max_points, events=events,
                                       input_sha=sub.input_sha)


# ------------------------------------------------------------------ course-level checks

def _roster(course: Course, assignment: str) -> list[str]:
    from nbgrader.api import MissingEntry

    with course.gradebook() as gb:
        try:
            gb.find_assignment(assignment)
        except MissingEntry:
            raise AssessError(f"'{assignment}' is not in the gradebook: run `pocedu assess "
                              f"release {assignment}` first") from None
        return sorted(s.id for s in gb.students)


def roster_notes(course_dir: Path | Course, gradebook_ids: list[str]) -> list[str]:
    """Differences between ``COURSE/roster.csv`` (when present) and the gradebook's students."""
    from ..course.roster import read_roster

    path = Course.at(course_dir).roster_csv
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


def _sources(quiz: Assignment) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    import json

    from ..results.table import read_items

    path = quiz.release_notebook
    try:
        release = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise AssessError(f"{path}: cannot read the released quiz ({err}); run `pocedu "
                          f"assess release {quiz.name}`") from None
    return release, read_items(quiz.course, quiz.name)


# ------------------------------------------------------------------ deciding a result

def _gradebook_facts(quiz: Assignment, student: str) -> dict[str, Any]:
    from nbgrader.api import MissingEntry

    with quiz.course.gradebook() as gb:
        try:
            sub = gb.find_submission(quiz.name, student)
        except MissingEntry:
            return {}
        nb = sub.notebooks[0] if sub.notebooks else None
        return {"score": float(sub.score), "max": float(sub.max_score),
                "late": float(sub.total_seconds_late or 0),
                "penalty": float(nb.late_submission_penalty or 0) if nb else 0.0,
                "manual": any(g.needs_manual_grade for n in sub.notebooks for g in n.grades)}


def _after(facts: dict[str, Any], report: WorkerReport, max_points: float) -> list[Event]:
    events = []
    if report.retried:
        reason = _last_error(report.first_error)
        events.append(Event("student-code-crashed", "review", "student code stopped the "
                            f"kernel or the run ({reason}); graded again without the added "
                            "cells",
                            "look at the archived notebook for hostile code"))
    if report.kernel_errors:
        events.append(Event("student-code-error", "flag", "added cells failed or were stopped "
                            f"({'; '.join(report.kernel_errors[:3])})",
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


def decide(run: Run, student: str, input_sha: str, staged_events: list[Event],
           report: WorkerReport) -> StudentResult:
    """The result of a graded student from the staging events and the worker's report."""
    events = list(staged_events)
    if not report.ok:
        log = run.quiz.grading_state / f"{student}.log"
        log.parent.mkdir(parents=True, exist_ok=True)
        log.write_text(report.message, encoding="utf-8")
        events.append(Event("autograde-failed", "fatal", "nbgrader could not grade the "
                            f"cleaned copy; see {log}", "grade by hand from the archive"))
        return StudentResult(student, run.quiz.name, "ungradable", max_score=run.max_points,
                             events=events, input_sha=input_sha, seconds=report.seconds)
    facts = report.facts if report.facts is not None else _gradebook_facts(run.quiz, student)
    events += _after(facts, report, run.max_points)
    events.append(Event("grading-path", "info", "graded from the answer store in-process"
                        if report.path == "answers" else "graded by nbgrader autograde"))
    score = round(max(facts["score"] - facts["penalty"], 0.0), 6) if facts else None
    return StudentResult(student, run.quiz.name, status_of(events), score=score,
                         max_score=run.max_points, events=events, input_sha=input_sha,
                         seconds=report.seconds)


# ------------------------------------------------------------------ the run

def grade_assignment(*, course_dir: Path | Course, assignment: str, jobs: int | None = None,
                     students: list[str] | None = None, force: bool = False,
                     progress: bool = True, stream: TextIO | None = None,
                     allow_student_code: bool = False, limits: Limits | None = None,
                     wait: bool = False, kernel_only: bool = False) -> GradeSummary:
    """Grade every roster student (or ``students``) of ``assignment``; see the module doc.

    Unchanged, already graded submissions are skipped unless ``force``. ``allow_student_code``
    keeps code cells students added (run after the graded cells, in the sandbox). A second run
    on the same course refuses unless ``wait``. ``jobs`` defaults to the number of cores.
    ``kernel_only`` grades everyone with nbgrader's kernels (the answers path is the default
    wherever no student code is to run).
    """
    from ..course.nbgrader_api import tools_on_path
    from .runlock import run_lock

    course = Course.at(course_dir)
    tools_on_path()
    with run_lock(course.root, what=f"pocedu grade {assignment}", wait=wait) as note:
        summary = GradeSummary(assignment)
        if note:
            summary.notes.append(note)
        return _grade_locked(summary, course.assignment(assignment), jobs=jobs,
                             students=students, force=force, progress=progress, stream=stream,
                             allow=allow_student_code, limits=limits or Limits(),
                             kernel_only=kernel_only)


def _wanted(quiz: Assignment, summary: GradeSummary, students: list[str] | None) -> list[str]:
    """Roster students to grade; quarantines submissions from ids not on the roster."""
    from .archive import quarantine

    roster = _roster(quiz.course, quiz.name)
    summary.notes += roster_notes(quiz.course, roster)
    found = quiz.course.submitted_students(quiz.name)
    for sid in sorted(set(found) - set(roster)):
        quarantine(course_dir=quiz.course, assignment=quiz.name, student=sid)
        summary.quarantined.append(sid)
    if not students:
        return roster
    unknown = sorted(set(students) - set(roster))
    if unknown:
        raise AssessError(f"not on the roster of this course: {', '.join(unknown)}")
    return [s for s in roster if s in set(students)]


def _grade_locked(summary: GradeSummary, quiz: Assignment, *, jobs: int | None,
                  students: list[str] | None, force: bool, progress: bool,
                  stream: TextIO | None, allow: bool, limits: Limits,
                  kernel_only: bool = False) -> GradeSummary:
    from ..results.journal import latest

    start = time.monotonic()
    wanted = _wanted(quiz, summary, students)
    found = set(quiz.course.submitted_students(quiz.name))
    release, items = _sources(quiz)
    _remove_stale_sandboxes()
    base = Path(tempfile.mkdtemp(prefix=f"pocedu-grade-{os.getpid()}-"))
    os.chmod(base, 0o711)
    run = Run(quiz, release, items, float(sum(float(i.get("points", 1)) for i in items)),
              datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ") + f"-{os.getpid()}", base,
              force=force, allow_student_code=allow, previous=latest(quiz.course, quiz.name),
              kernel_only=kernel_only)
    try:
        subs = [Submission(sid, sid in found) for sid in wanted]
        todo = []
        for sub in subs:
            _take(run, sub, BEFORE_GRADING)
            if sub.result is None:
                todo.append(sub)
            else:
                step_record(run, sub)
        _grade_todo(run, todo, summary, jobs=jobs, limits=limits,
                    bar=Progress(len(todo), stream=stream, enabled=progress))
        summary.results += [s.result for s in subs if s.result is not None]
    finally:
        shutil.rmtree(base, ignore_errors=True)
    summary.seconds = time.monotonic() - start
    return summary


def _finish(run: Run, sub: Submission, report: WorkerReport, bar: Progress) -> None:
    sub.report = report
    _take(run, sub, AFTER_GRADING)
    step_record(run, sub)
    bar.step(f"{sub.student}: {sub.result.status if sub.result else '?'}")


def choose_path(run: Run, sub: Submission, answers_why_not: str) -> str:
    """'answers' (in-process, from the answer store) or 'kernel' (nbgrader autograde)."""
    if (answers_why_not or run.kernel_only or run.allow_student_code
            or (sub.staged and sub.staged.added_cells)):
        return "kernel"
    return "answers"


def _grade_todo(run: Run, todo: list[Submission], summary: GradeSummary, *,
                jobs: int | None, limits: Limits, bar: Progress) -> None:
    """The 'grade' step for every staged student, then the steps after it, as each finishes.

    Each student goes the answers path when the quiz allows it (``from_answers``) and their
    code is not to run; the rest go to nbgrader's kernels in parallel workers.
    """
    if not todo:
        return
    from .from_answers import AnswerGrader

    if run.answers_only_reason is None:
        grader = AnswerGrader(run.quiz)
        run.answers_only_reason = grader.why_not
    paths = {s.student: choose_path(run, s, run.answers_only_reason) for s in todo}
    by_answers = [s for s in todo if paths[s.student] == "answers"]
    kernel = [s for s in todo if paths[s.student] == "kernel"]
    if by_answers:
        summary.notes.append(f"{len(by_answers)} student(s) graded from their answer store "
                             "in-process (no kernel)")
        with run.quiz.course.gradebook() as gb, warnings.catch_warnings():
            # nbgrader's add_submission warns about its own relationship cascades
            warnings.filterwarnings("ignore", message=".*not in session.*")
            for sub in by_answers:
                assert sub.root is not None
                staged = Course(sub.root).assignment(run.quiz.name).submitted(sub.student)
                try:
                    last = run.previous.get(sub.student)
                    report = grader.grade(gb, student=sub.student, staged=staged,
                                          keep_manual=bool(last and last.input_sha
                                                           == sub.input_sha))
                except Exception as err:  # noqa: BLE001 - this student goes the kernel path
                    gb.db.rollback()
                    sub.staged.events.append(Event(  # type: ignore[union-attr]
                        "answers-path-failed", "info", f"in-process grading failed ({err!r}); "
                        "graded by nbgrader autograde instead"))
                    kernel.append(sub)
                    continue
                _finish(run, sub, report, bar)
    if kernel:
        reason = run.answers_only_reason or "student code allowed or kept"
        summary.notes.append(f"{len(kernel)} student(s) graded by nbgrader autograde "
                             f"kernels ({reason})")
        _grade_by_kernel(run, kernel, summary, jobs=jobs, limits=limits, bar=bar)


def _grade_by_kernel(run: Run, todo: list[Submission], summary: GradeSummary, *,
                     jobs: int | None, limits: Limits, bar: Progress) -> None:
    from .sandbox import can_drop_to, kernel_dir

    why = can_drop_to(limits.user)
    summary.notes.append(_isolation_note(why, limits))
    kernels = str(kernel_dir(run.base / "jupyter", limits, drop=not why))
    by_student = {s.student: s for s in todo}
    tasks = [WorkerTask(run.quiz.name, s.student, s.root,
                        tuple(s.staged.added_cells if s.staged else ()))
             for s in todo if s.root is not None]
    workers = max(1, min(jobs or os.cpu_count() or 1, len(tasks)))
    for report in _run_workers(run.quiz.course, tasks, workers, kernels):
        _finish(run, by_student[report.student], report, bar)


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


def _run_workers(course: Course, tasks: list[WorkerTask], jobs: int,
                 kernels: str) -> Iterator[WorkerReport]:
    """Yield each worker's report as students finish.

    Workers run in a ``ProcessPoolExecutor``. A worker that dies (killed, out of memory)
    breaks the pool; the students it left unfinished are then graded again one by one, each
    in a pool of its own, so only the student whose grading kills its worker fails.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    from .worker import grade_one, init_worker

    if not tasks:
        return
    course.gradebook_lock.parent.mkdir(parents=True, exist_ok=True)
    if jobs == 1:
        init_worker(str(course.root), None, kernels, False)
        yield from map(grade_one, tasks)
        return
    ctx = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    initargs = (str(course.root), str(course.gradebook_lock), kernels, True)

    def pool(n: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(n, mp_context=ctx, initializer=init_worker,
                                   initargs=initargs)

    broken: list[WorkerTask] = []
    with pool(jobs) as executor:
        futures = {executor.submit(grade_one, task): task for task in tasks}
        for future in as_completed(futures):
            try:
                yield future.result()
            except BrokenProcessPool:
                broken.append(futures[future])
    for task in broken:
        with pool(1) as solo:
            try:
                yield solo.submit(grade_one, task).result()
            except BrokenProcessPool:
                shutil.rmtree(task.root, ignore_errors=True)
                yield WorkerReport(task.student, message="the grading worker died while "
                                   "grading this submission (killed, or out of memory)")
