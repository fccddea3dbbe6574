"""Read a class roster CSV (``id, first_name, last_name, email``) with clear errors by row."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import AssessError

COLUMNS = ("id", "first_name", "last_name", "email")
STUDENT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.@-]*$")


@dataclass(frozen=True)
class Student:
    """One roster row."""

    id: str
    first_name: str
    last_name: str
    email: str


def check_student_id(student_id: str) -> str | None:
    """Why ``student_id`` cannot be used (None when it is fine)."""
    if not student_id:
        return "the id is empty"
    if not student_id.isascii():
        return f"id '{student_id}' has non-ASCII letters; use ASCII letters and digits only"
    if any(ch.isspace() for ch in student_id):
        return f"id '{student_id}' has spaces"
    if not STUDENT_ID.match(student_id):
        return (f"id '{student_id}' may use only letters, digits and '_', '.', '@', '-' "
                "and must start with a letter or digit")
    return None


def read_roster(path: Path) -> list[Student]:
    """The students in ``path``; AssessError lists every bad row (row 2 is the first student)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise AssessError(f"{path}: roster file not found") from None
    except UnicodeDecodeError:
        raise AssessError(f"{path}: the roster must be saved as UTF-8 CSV") from None
    reader = csv.DictReader(text.splitlines())
    header = [h.strip() for h in reader.fieldnames or []]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise AssessError(f"{path}: missing column(s) {', '.join(missing)} "
                          f"(expected {', '.join(COLUMNS)})")
    problems, students, seen = [], [], {}
    for row_no, raw in enumerate(reader, start=2):
        row = {(k or "").strip(): (v or "").strip() for k, v in raw.items()}
        if not any(row.values()):
            continue
        sid = (raw.get("id") or "").strip("\r\n")
        if why := check_student_id(sid):
            problems.append(f"{path.name} row {row_no}: {why}")
            continue
        if sid in seen:
            problems.append(f"{path.name} row {row_no}: duplicate id '{sid}' "
                            f"(also row {seen[sid]})")
            continue
        seen[sid] = row_no
        students.append(Student(sid, row["first_name"], row["last_name"], row["email"]))
    if problems:
        raise AssessError(problems)
    if not students:
        raise AssessError(f"{path}: the roster has no students")
    return students
