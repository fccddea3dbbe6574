"""Grades for other systems: nbgrader's grades CSV, a Canvas gradebook CSV, a Moodle import CSV.

What a student with no submission gets, per format:

- nbgrader CSV: exactly what ``nbgrader export`` writes: empty timestamp and a score of 0.0.
- Canvas: an empty cell. Canvas leaves the grade unset, so its own missing-submission policy
  applies; a 0 would be recorded as a real zero grade.
- Moodle: an empty cell. Moodle's grade import skips empty cells, so no grade is recorded.

Students whose status is ``ungradable`` or ``needs-review`` are also left empty in the Canvas
and Moodle files (a provisional number must not land in an LMS gradebook) and are listed with
the missing ones in ``<assignment>_held_back.csv``. The maximum always comes from the item
maxima of the instructor's source (``max_points``), never from a submission.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ExportError

if TYPE_CHECKING:
    import pandas as pd

NBGRADER_COLUMNS = ("assignment", "duedate", "timestamp", "student_id", "last_name",
                    "first_name", "email", "raw_score", "late_submission_penalty", "score",
                    "max_score")
CANVAS_FIXED = ("Student", "ID", "SIS User ID", "SIS Login ID", "Section")
CANVAS_POINTS_ROW = "    Points Possible"
MOODLE_FIXED = ("idnumber", "email", "firstname", "lastname")
FORMATS = ("nbgrader", "canvas", "moodle")
RELEASED = ("graded", "graded-with-flags")
ROSTER_ALIASES = {"id": "student_id", "student": "student_id", "firstname": "first_name",
                  "lastname": "last_name", "canvas_id": "lms_user_id"}
ROSTER_OPTIONAL = ("first_name", "last_name", "email", "section", "sis_user_id",
                   "sis_login_id", "lms_user_id", "idnumber")


def read_roster(roster: Any) -> pd.DataFrame:
    """Roster as a frame with ``student_id`` and the optional columns (empty strings if absent).

    ``roster`` is a CSV path, a DataFrame or a list of dicts; ``id`` is accepted for
    ``student_id``, ``canvas_id`` for ``lms_user_id``. Duplicate ids are an error.
    """
    import pandas as pd

    if isinstance(roster, str | Path):
        frame = pd.read_csv(roster, dtype=str, keep_default_na=False)
    elif isinstance(roster, pd.DataFrame):
        frame = roster.copy()
    else:
        frame = pd.DataFrame(list(roster))
    frame = frame.rename(columns=lambda c: ROSTER_ALIASES.get(str(c).strip().lower(),
                                                              str(c).strip().lower()))
    if "student_id" not in frame.columns:
        raise ExportError("roster needs a 'student_id' (or 'id') column")
    for col in ROSTER_OPTIONAL:
        if col not in frame.columns:
            frame[col] = ""
    frame = frame.fillna("").astype({c: str for c in ("student_id", *ROSTER_OPTIONAL)})
    dupes = sorted(frame.loc[frame["student_id"].duplicated(), "student_id"].unique())
    if dupes:
        raise ExportError(f"roster has duplicate student id(s): {', '.join(dupes)}")
    return frame[["student_id", *ROSTER_OPTIONAL]].reset_index(drop=True)


def grade_table(*, results: pd.DataFrame, roster: pd.DataFrame, assignment: str,
                submissions: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per roster student: status, timestamp, raw score, penalty, score, max score.

    ``submissions`` (optional; columns ``student_id``, ``timestamp``,
    ``late_submission_penalty``) supplies nbgrader's timestamps and late penalties.
    """
    import numpy as np

    from .stats import check_results

    check_results(results)
    rows = results[results["assignment"] == assignment]
    if rows.empty:
        raise ExportError(f"no results for assignment '{assignment}'")
    unknown = sorted(set(rows["student_id"]) - set(roster["student_id"]))
    if unknown:
        raise ExportError(f"student(s) in the results but not on the roster: "
                          f"{', '.join(map(str, unknown))}")
    max_score = float(rows.groupby("item_id")["max_points"].max().sum())
    per = rows.assign(points=rows["points"].astype(float)).groupby("student_id").agg(
        status=("status", "first"), raw_score=("points", "sum"))
    out = roster.join(per, on="student_id")
    out["status"] = out["status"].fillna("missing")
    out["raw_score"] = out["raw_score"].fillna(0.0).where(out["status"] != "missing", 0.0)
    out["timestamp"] = ""
    out["late_submission_penalty"] = 0.0
    if submissions is not None and len(submissions):
        sub = submissions.set_index("student_id")
        if "timestamp" in sub.columns:
            out["timestamp"] = out["student_id"].map(sub["timestamp"]).fillna("").astype(str)
        if "late_submission_penalty" in sub.columns:
            out["late_submission_penalty"] = out["student_id"].map(
                sub["late_submission_penalty"]).astype(float).fillna(0.0)
    missing = out["status"] == "missing"
    out.loc[missing, ["timestamp"]] = ""
    out.loc[missing, "late_submission_penalty"] = 0.0
    out["score"] = np.maximum(0.0, out["raw_score"] - out["late_submission_penalty"])
    out["max_score"] = max_score
    out["assignment"] = assignment
    return out


def _num(x: float) -> str:
    return f"{round(float(x), 2):g}"


def write_nbgrader_csv(table: pd.DataFrame, path: Path, *, duedate: str = "") -> Path:
    """nbgrader's ``grades.csv`` columns, one row per roster student."""
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(NBGRADER_COLUMNS)
        for r in table.itertuples(index=False):
            w.writerow([r.assignment, duedate, r.timestamp, r.student_id, r.last_name,
                        r.first_name, r.email, *(round(float(x), 2) for x in (
                            r.raw_score, r.late_submission_penalty, r.score, r.max_score))])
    return path


def _held(status: str) -> bool:
    return status not in RELEASED


def write_canvas_csv(table: pd.DataFrame, path: Path, *, name: str,
                     canvas_assignment_id: str | None = None) -> Path:
    """Canvas gradebook import CSV with its 'Points Possible' row.

    The grade column is ``<name> (<canvas id>)`` so Canvas updates that assignment; without an
    id Canvas offers to create a new assignment called ``name``. Students are matched on
    ``ID`` (the Canvas user id, roster column ``lms_user_id``), else ``SIS User ID`` (roster
    ``sis_user_id``, defaulting to the student id), else ``SIS Login ID``.
    """
    column = f"{name} ({canvas_assignment_id})" if canvas_assignment_id else name
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow([*CANVAS_FIXED, column])
        w.writerow([CANVAS_POINTS_ROW, "", "", "", "", _num(table["max_score"].iloc[0])])
        for r in table.itertuples(index=False):
            person = ", ".join(p for p in (r.last_name, r.first_name) if p) or r.student_id
            grade = "" if _held(r.status) else _num(r.score)
            w.writerow([person, r.lms_user_id, r.sis_user_id or r.student_id, r.sis_login_id,
                        r.section, grade])
    return path


def write_moodle_csv(tables: Iterable[tuple[str, pd.DataFrame]], path: Path) -> Path:
    """Moodle grade import CSV: identity columns, then one column per grade item.

    Map users by ``idnumber`` (roster ``idnumber``, defaulting to the student id) or ``email``
    when importing, and map each grade column to its Moodle grade item.
    """
    tables = list(tables)
    base = tables[0][1]
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow([*MOODLE_FIXED, *(name for name, _ in tables)])
        grades = [t.set_index("student_id") for _, t in tables]
        for r in base.itertuples(index=False):
            cells = []
            for g in grades:
                row = g.loc[r.student_id]
                cells.append("" if _held(row["status"]) else _num(row["score"]))
            w.writerow([r.idnumber or r.student_id, r.email, r.first_name, r.last_name, *cells])
    return path


def write_held_back(table: pd.DataFrame, path: Path) -> Path:
    """Students whose grade was left empty in the LMS files, and why."""
    reasons = {"missing": "no submission", "ungradable": "could not be graded",
               "needs-review": "grade is provisional until reviewed"}
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["student_id", "status", "reason"])
        for r in table.itertuples(index=False):
            if _held(r.status):
                w.writerow([r.student_id, r.status, reasons.get(r.status, r.status)])
    return path


def export_all(*, results: pd.DataFrame, roster: Any, out_dir: Path | str, assignment: str,
               formats: Iterable[str] = FORMATS, name: str | None = None,
               canvas_assignment_id: str | None = None, duedate: str = "",
               submissions: pd.DataFrame | None = None) -> dict[str, Path]:
    """Write ``<assignment>_{grades,canvas,moodle,held_back}.csv`` into ``out_dir``.

    ``formats`` picks among ``nbgrader``, ``canvas``, ``moodle``; ``name`` is the grade
    column's name in the LMS (default: the assignment id). Returns ``{format: path}`` plus
    ``held_back``.
    """
    formats = list(formats)
    bad = [f for f in formats if f not in FORMATS]
    if bad:
        raise ExportError(f"unknown format(s): {', '.join(bad)} (choose from "
                          f"{', '.join(FORMATS)})")
    table = grade_table(results=results, roster=read_roster(roster), assignment=assignment,
                        submissions=submissions)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    name = name or assignment
    paths: dict[str, Path] = {}
    if "nbgrader" in formats:
        paths["nbgrader"] = write_nbgrader_csv(table, out / f"{assignment}_grades.csv",
                                               duedate=duedate)
    if "canvas" in formats:
        paths["canvas"] = write_canvas_csv(table, out / f"{assignment}_canvas.csv", name=name,
                                           canvas_assignment_id=canvas_assignment_id)
    if "moodle" in formats:
        paths["moodle"] = write_moodle_csv([(name, table)], out / f"{assignment}_moodle.csv")
    paths["held_back"] = write_held_back(table, out / f"{assignment}_held_back.csv")
    return paths


def held_back_ids(paths: Mapping[str, Path]) -> list[str]:
    """Student ids listed in the ``held_back`` file of an ``export_all`` result."""
    with paths["held_back"].open(encoding="utf-8") as fh:
        return [row["student_id"] for row in csv.DictReader(fh)]


def course_roster(*, course_dir: Path | str) -> pd.DataFrame:
    """The course roster: ``<course>/roster.csv`` if present, else the gradebook's students."""
    import pandas as pd

    from ..course.layout import Course

    course = Course.at(course_dir)
    if course.roster_csv.is_file():
        return read_roster(course.roster_csv)
    if not course.has_gradebook():
        raise ExportError(f"no roster: neither {course.roster_csv} nor a gradebook "
                          f"({course.db_url}) exists")
    with course.gradebook() as gb:
        rows = [{"student_id": s.id, "first_name": s.first_name or "",
                 "last_name": s.last_name or "", "email": s.email or "",
                 "lms_user_id": s.lms_user_id or ""} for s in gb.students]
    return read_roster(pd.DataFrame(rows, columns=["student_id", "first_name", "last_name",
                                                   "email", "lms_user_id"]))
