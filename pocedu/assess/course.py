"""``pocedu course init``: a standard nbgrader course directory with a roster."""

from __future__ import annotations

import shutil
from pathlib import Path

from .config import write_config
from .roster import Student, read_roster


def add_students(course_dir: Path, students: list[Student]) -> None:
    """Add or update ``students`` in the course gradebook."""
    from .nbg import gradebook

    with gradebook(course_dir) as gb:
        for s in students:
            gb.update_or_create_student(s.id, first_name=s.first_name or None,
                                        last_name=s.last_name or None, email=s.email or None)


def init_course(*, course_dir: Path, roster: Path | None = None,
                copy_from: Path | None = None, course_id: str = "pocedu") -> list[Student]:
    """Create ``course_dir`` (config, folders), copy bank and sources, add the roster.

    ``copy_from`` is a course directory (e.g. ``assessments/``) whose ``bank/`` and
    ``source/`` are copied in. The roster is read first, so a bad roster changes nothing.
    """
    course_dir = Path(course_dir)
    students = read_roster(roster) if roster is not None else []
    write_config(course_dir, course_id=course_id)
    for sub in ("source", "release", "submitted", "autograded", "feedback", "exchange"):
        (course_dir / sub).mkdir(parents=True, exist_ok=True)
    if copy_from is not None:
        for sub in ("bank", "source"):
            if (Path(copy_from) / sub).is_dir():
                shutil.copytree(Path(copy_from) / sub, course_dir / sub, dirs_exist_ok=True)
    add_students(course_dir, students)
    return students
