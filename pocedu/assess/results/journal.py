"""The versioned results journal: one indexed SQLite table, ``COURSE/.pocedu/results.sqlite``.

One row per result version of (assignment, student): ``version``, ``run_id``,
``recorded_at`` and the ``StudentResult`` record as JSON. A row is added only when a
student's result differs from their latest one, so re-running on the same inputs adds nothing;
earlier versions stay. Lookups go through the primary key (assignment, student, version), so
deciding that nothing changed costs the same per student whatever the class size. Each write
is its own transaction (a crash leaves no torn row).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..course.layout import Course
from ..grade.events import StudentResult

_COMPARE = ("status", "score", "max_score", "input_sha", "events")
SCHEMA = """
CREATE TABLE IF NOT EXISTS results (
    assignment TEXT NOT NULL,
    student TEXT NOT NULL,
    version INTEGER NOT NULL,
    run_id TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    record TEXT NOT NULL,
    PRIMARY KEY (assignment, student, version)
) WITHOUT ROWID;
"""


def journal_path(course_dir: Path | Course, assignment: str = "") -> Path:
    """The results database of the course (one for every assignment)."""
    return Course.at(course_dir).results_db


@contextmanager
def _connect(course_dir: Path | Course) -> Iterator[sqlite3.Connection]:
    path = journal_path(course_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(path, timeout=60)
    try:
        con.execute("PRAGMA journal_mode=WAL")
        con.execute("PRAGMA synchronous=NORMAL")
        con.executescript(SCHEMA)
        yield con
    finally:
        con.close()


def _row(row: tuple[Any, ...]) -> dict[str, Any]:
    version, run_id, recorded_at, record = row
    return {**json.loads(record), "version": version, "run_id": run_id,
            "recorded_at": recorded_at}


def read_journal(course_dir: Path | Course, assignment: str) -> list[dict[str, Any]]:
    """Every recorded version of ``assignment``, oldest first."""
    if not journal_path(course_dir).exists():
        return []
    with _connect(course_dir) as con:
        rows = con.execute("SELECT version, run_id, recorded_at, record FROM results "
                           "WHERE assignment = ? ORDER BY recorded_at, student, version",
                           (assignment,)).fetchall()
    return [_row(r) for r in rows]


def latest(course_dir: Path | Course, assignment: str) -> dict[str, StudentResult]:
    """The latest result of each student (one indexed query)."""
    if not journal_path(course_dir).exists():
        return {}
    with _connect(course_dir) as con:
        rows = con.execute(
            "SELECT r.student, r.record FROM results r JOIN (SELECT student, MAX(version) v "
            "FROM results WHERE assignment = ? GROUP BY student) m ON r.student = m.student "
            "AND r.version = m.v WHERE r.assignment = ?", (assignment, assignment)).fetchall()
    return {student: StudentResult.from_record(json.loads(rec)) for student, rec in rows}


def _same(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return all(a.get(k) == b.get(k) for k in _COMPARE)


def record(course_dir: Path | Course, result: StudentResult, *, run_id: str) -> bool:
    """Add ``result`` unless it equals the student's latest version; True if written."""
    new = result.as_record()
    with _connect(course_dir) as con, con:
        last = con.execute("SELECT version, record FROM results WHERE assignment = ? AND "
                           "student = ? ORDER BY version DESC LIMIT 1",
                           (result.assignment, result.student)).fetchone()
        if last is not None and _same(json.loads(last[1]), new):
            return False
        con.execute("INSERT INTO results VALUES (?, ?, ?, ?, ?, ?)",
                    (result.assignment, result.student, (last[0] if last else 0) + 1, run_id,
                     datetime.now(UTC).isoformat(timespec="microseconds"),
                     json.dumps(new, sort_keys=True, ensure_ascii=True)))
    return True
