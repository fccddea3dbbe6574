"""``pocedu course init``: a standard nbgrader course directory with a roster."""

from __future__ import annotations

import shutil
from pathlib import Path

from .config import write_config
from .layout import Course
from .roster import Student, read_roster


def add_students(course_dir: Path | Course, students: list[Student]) -> None:
    """Add or update ``students`` in the course gradebook."""
    with Course.at(course_dir).gradebook() as gb:
        for s in students:
            gb.update_or_create_student(s.id, first_name=s.first_name or None,
                                        last_name=s.last_name or None, email=s.email or None)


def init_course(*, course_dir: Path | Course, roster: Path | None = None,
                copy_from: Path | None = None, course_id: str = "pocedu") -> list[Student]:
    """Create ``course_dir`` (config, folders), copy bank and sources, add the roster.

    ``copy_from`` is a course directory (e.g. ``assessments/``) whose ``bank/`` and
    ``source/`` are copied in. The roster is read first, so a bad roster changes nothing.
    """
    course = Course(Path(course_dir).absolute()) if not isinstance(course_dir, Course) \
        else course_dir
    students = read_roster(roster) if roster is not None else []
    write_config(course.root, course_id=course_id)
    for sub in Course.NBGRADER_FOLDERS:
        course.folder(sub).mkdir(parents=True, exist_ok=True)
    (course.root / "exchange").mkdir(exist_ok=True)  # the local exchange (nbgrader_config.py)
    if copy_from is not None:
        source = Course.at(copy_from)
        for mine, theirs in ((course.bank, source.bank),
                             (course.folder("source"), source.folder("source"))):
            if theirs.is_dir():
                shutil.copytree(theirs, mine, dirs_exist_ok=True)
    add_students(Course.at(course.root), students)
    return students
