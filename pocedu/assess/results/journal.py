"""The versioned results store ``COURSE/.pocedu/results/<assignment>.jsonl``.

One JSON line per result version: ``run_id``, ``recorded_at`` and the ``StudentResult``
record. A new line is written only when a student's result differs from their latest one,
so re-running on the same inputs adds nothing; earlier versions stay in the file. Lines are
appended with one ``write`` and fsynced; a line torn by a crash is skipped when reading.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..course.layout import Course
from ..grade.events import StudentResult

_COMPARE = ("status", "score", "max_score", "input_sha", "events")


def journal_path(course_dir: Path | Course, assignment: str) -> Path:
    """The results journal of ``assignment``."""
    return Course.at(course_dir).assignment(assignment).journal


def read_journal(course_dir: Path | Course, assignment: str) -> list[dict[str, Any]]:
    """Every readable record, oldest first."""
    path = journal_path(course_dir, assignment)
    if not path.exists():
        return []
    records = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            rec = json.loads(line)
        except ValueError:
            continue
        if isinstance(rec, dict) and "student" in rec:
            records.append(rec)
    return records


def latest(course_dir: Path | Course, assignment: str) -> dict[str, StudentResult]:
    """The latest result of each student."""
    out = {}
    for rec in read_journal(course_dir, assignment):
        out[rec["student"]] = StudentResult.from_record(rec)
    return out


def _same(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return all(a.get(k) == b.get(k) for k in _COMPARE)


def record(course_dir: Path | Course, result: StudentResult, *, run_id: str) -> bool:
    """Append ``result`` unless it equals the student's latest version; True if written."""
    path = journal_path(course_dir, result.assignment)
    path.parent.mkdir(parents=True, exist_ok=True)
    new = result.as_record()
    previous = [r for r in read_journal(course_dir, result.assignment)
                if r["student"] == result.student]
    if previous and _same(previous[-1], new):
        return False
    line = {**new, "run_id": run_id, "version": len(previous) + 1,
            "recorded_at": datetime.now(UTC).isoformat(timespec="seconds")}
    data = json.dumps(line, sort_keys=True, ensure_ascii=False) + "\n"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    try:
        size = os.fstat(fd).st_size
        if size:
            with open(path, "rb") as fh:
                fh.seek(size - 1)
                if fh.read(1) != b"\n":
                    data = "\n" + data
        os.write(fd, data.encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)
    return True
