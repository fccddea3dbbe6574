"""``pocedu assess release`` and ``collect``: nbgrader's generate/release and collect steps."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from ..errors import AssessError
from .layout import Course

TIMESTAMP_FORMAT = "%Y-%m-%d %H:%M:%S.%f %Z"
"""nbgrader's own format for ``timestamp.txt``."""


def now_timestamp() -> str:
    """The current time as nbgrader writes it into ``timestamp.txt``."""
    return datetime.now(UTC).strftime(TIMESTAMP_FORMAT)


def release_assignment(*, course_dir: Path | Course, assignment: str,
                       exchange: bool = False) -> Path:
    """Generate the student version into ``release/<assignment>/`` (and the exchange).

    Without an exchange, the ``release/`` folder is what students receive.
    """
    from .nbgrader_api import api, check_result

    course = Course.at(course_dir)
    quiz = course.assignment(assignment)
    if not quiz.source.is_dir():
        raise AssessError(f"no source for '{assignment}' in {course.folder('source')}: "
                          "run `pocedu assess build` first")
    nbapi = api(course.root)
    check_result(nbapi.generate_assignment(assignment), f"generate_assignment {assignment}")
    if exchange:
        check_result(nbapi.release_assignment(assignment), f"release_assignment {assignment}")
    return quiz.release


@dataclass
class Collected:
    """What ``collect`` did."""

    collected: list[str] = field(default_factory=list)
    """Students whose submission was copied into ``submitted/``."""
    unknown: list[str] = field(default_factory=list)
    """Folders in the inbox that are not on the roster (left in place, not collected)."""


def collect(*, course_dir: Path | Course, assignment: str,
            inbox: Path | None = None) -> Collected:
    """Collect submissions into ``submitted/<student>/<assignment>/`` with ``timestamp.txt``.

    From ``inbox/<student>/<assignment>/`` when given, else from the configured exchange.
    A newer submission replaces an older one; the inbox is never changed.
    """
    from .nbgrader_api import api, check_result

    course = Course.at(course_dir)
    quiz = course.assignment(assignment)
    if inbox is None:
        check_result(api(course.root).collect(assignment), f"collect {assignment}")
        return Collected(collected=course.submitted_students(assignment))
    with course.gradebook() as gb:
        roster = {s.id for s in gb.students}
    result = Collected()
    for folder in sorted(p for p in Path(inbox).glob(f"*/{assignment}") if p.is_dir()):
        student = folder.parent.name
        if student not in roster:
            result.unknown.append(student)
            continue
        dest = quiz.submitted(student)
        stamp_file = folder / "timestamp.txt"
        stamp = stamp_file.read_text().strip() if stamp_file.exists() else now_timestamp()
        if dest.exists():
            old = (dest / "timestamp.txt").read_text().strip() if (
                dest / "timestamp.txt").exists() else ""
            if old and _parse(old) >= _parse(stamp):
                continue
            shutil.rmtree(dest)
        shutil.copytree(folder, dest)
        (dest / "timestamp.txt").write_text(stamp + "\n")
        result.collected.append(student)
    return result


def _parse(stamp: str) -> datetime:
    from nbgrader.utils import parse_utc

    return parse_utc(stamp)
