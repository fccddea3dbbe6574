"""``load_results``: one row per (roster student, item) of an assignment, from the gradebook.

Columns: ``student_id, assignment, item_id, label, module, objective, points, max_points,
response, status``. ``status`` is per student, from the grading journal
(``pocedu.assess.grade.events.STATUSES``); without a journal entry it is read from the gradebook
('needs-review' also for a submission not graded yet). ``points`` is None where there is no
grade; ``response`` is the saved answer as JSON.

``load_events``: one row per grading event (``student_id, event, grade, check``) for the
report and the summary.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..course.layout import Course
from ..errors import AssessError

COLUMNS = ["student_id", "assignment", "item_id", "label", "module", "objective", "points",
           "max_points", "response", "status"]


def read_items(course_dir: Path | Course, assignment: str) -> list[dict[str, Any]]:
    """The public items of ``assignment`` from its source folder."""
    path = Course.at(course_dir).assignment(assignment).items_file
    try:
        return json.loads(path.read_text(encoding="utf-8"))["items"]
    except (OSError, ValueError, KeyError) as err:
        raise AssessError(f"{path}: cannot read the items of {assignment} ({err})") from None


def _responses(course: Course, student: str, assignment: str) -> dict[str, Any]:
    from ...quiz.store import SCHEMA

    quiz = course.assignment(assignment)
    path = quiz.submitted(student) / quiz.answers_name
    if path.is_symlink() or quiz.submitted(student).is_symlink():
        return {}  # never show what a link points at as the student's answers
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        return {}
    answers = data.get("answers")
    return {k: v.get("response") for k, v in answers.items()
            if isinstance(v, dict)} if isinstance(answers, dict) else {}


def _student_grades(gb: Any, assignment: str, student: str) -> tuple[str, dict[str, Any]]:
    from nbgrader.api import MissingEntry

    try:
        sub = gb.find_submission(assignment, student)
    except MissingEntry:
        return "missing", {}
    grades = {g.name: g for nb in sub.notebooks for g in nb.grades}
    if not grades or all(g.auto_score is None and g.manual_score is None
                         for g in grades.values()):
        return "not-graded", {}
    status = "needs-review" if any(g.needs_manual_grade for g in grades.values()) else "graded"
    return status, {name: (None if g.needs_manual_grade and g.manual_score is None
                           else g.score) for name, g in grades.items()}


def _current_status(result: Any, *, manual_pending: bool) -> str:
    """The journal's status, updated once graders have marked every written answer."""
    from ..grade.events import status_of

    if result.status != "needs-review" or manual_pending:
        return result.status
    rest = [e for e in result.events if e.code != "manual-grade-needed"]
    return status_of(rest) if len(rest) < len(result.events) else result.status


def load_results(*, course_dir: Path | Course, assignment: str) -> Any:
    """The results frame of ``assignment`` (see the module docstring)."""
    import pandas as pd

    from .journal import latest

    course = Course.at(course_dir)
    quiz = course.assignment(assignment)
    items = read_items(course, assignment)
    journal = latest(course, assignment)
    rows = []
    with course.gradebook() as gb:
        students = sorted(s.id for s in gb.students)
        for sid in students:
            status, grades = _student_grades(gb, assignment, sid)
            submitted = quiz.submitted(sid).is_dir()
            if status in ("missing", "not-graded") and submitted:
                status = "needs-review"
            if sid in journal:
                status = _current_status(journal[sid], manual_pending=status == "needs-review")
                if status in ("missing", "ungradable"):
                    grades = {}
            answers = _responses(course, sid, assignment) if submitted else {}
            for it in items:
                resp = answers.get(it["id"])
                rows.append({
                    "student_id": sid, "assignment": assignment, "item_id": it["id"],
                    "label": it["label"], "module": it.get("module"),
                    "objective": it.get("objective"), "points": grades.get(it["id"]),
                    "max_points": float(it.get("points", 1)),
                    "response": None if resp is None else json.dumps(resp, sort_keys=True),
                    "status": status,
                })
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame["points"] = pd.to_numeric(frame["points"], errors="coerce")
    langs = roster_languages(course)
    if langs:
        frame["lang"] = frame["student_id"].map(langs).fillna("en")
    return frame


def roster_languages(course: Course) -> dict[str, str]:
    """``{student: lang}`` from the course roster's ``lang`` column (empty if it has none)."""
    from ..course.roster import read_roster

    path = course.roster_csv
    if not path.is_file() or "lang" not in path.read_text(encoding="utf-8-sig").split("\n")[0]:
        return {}
    return {s.id: s.lang for s in read_roster(path)}


EVENT_COLUMNS = ["student_id", "event", "grade", "check"]


def load_events(*, course_dir: Path | Course, assignment: str) -> Any:
    """Grading events of ``assignment``: one row per event that is more than 'info'."""
    import pandas as pd

    from .journal import latest

    rows = []
    for sid, res in sorted(latest(course_dir, assignment).items()):
        grade = ("" if res.score is None else
                 f"{res.score:g} / {res.max_score:g}" if res.max_score else f"{res.score:g}")
        for ev in res.events:
            if ev.severity != "info":
                rows.append({"student_id": sid, "event": f"[{ev.code}] {ev.event}",
                             "grade": grade, "check": ev.check})
    return pd.DataFrame(rows, columns=EVENT_COLUMNS)


SUBMISSION_COLUMNS = ["student_id", "timestamp", "late_submission_penalty"]


def load_submissions(*, course_dir: Path | Course, assignment: str) -> Any:
    """Submission times and late penalties of ``assignment`` from the gradebook."""
    import pandas as pd
    from nbgrader.api import MissingEntry

    rows = []
    with Course.at(course_dir).gradebook() as gb:
        for student in sorted(s.id for s in gb.students):
            try:
                sub = gb.find_submission(assignment, student)
            except MissingEntry:
                continue
            rows.append({"student_id": student,
                         "timestamp": sub.timestamp.isoformat(" ") if sub.timestamp else "",
                         "late_submission_penalty": float(sub.late_submission_penalty or 0)})
    return pd.DataFrame(rows, columns=SUBMISSION_COLUMNS)
