"""``pocedu assess release`` and ``collect``: nbgrader's generate/release and collect steps."""

from __future__ import annotations

import json
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
            from ..grade.archive import archive_submission

            archive_submission(course_dir=course, assignment=assignment, student=student)
            shutil.rmtree(dest)
        rejected = copy_without_links(folder, dest)
        if rejected:
            (dest / REJECTED).write_text(json.dumps(rejected, indent=1) + "\n",
                                         encoding="utf-8")
        (dest / "timestamp.txt").write_text(stamp + "\n")
        result.collected.append(student)
    return result


REJECTED = ".pocedu-rejected.json"
"""Written into a collected submission: the paths collect refused to copy, and why."""


def copy_without_links(src: Path, dest: Path) -> list[dict[str, str]]:
    """Copy the regular files of ``src`` into ``dest``; never follow or copy a link.

    Symbolic links, hard links (a file with more than one name may be someone else's file),
    devices, pipes and sockets are refused; returns ``[{path, reason}]`` of what was.
    """
    import os
    import stat

    rejected = []
    dest.mkdir(parents=True, exist_ok=True)
    for root, dirs, files in os.walk(src, followlinks=False):
        here = Path(root)
        rel_root = here.relative_to(src)
        for name in sorted(dirs + files):
            path, rel = here / name, (rel_root / name).as_posix()
            info = path.lstat()
            if stat.S_ISLNK(info.st_mode):
                rejected.append({"path": rel, "reason": "symbolic link"})
                if name in dirs:
                    dirs.remove(name)
            elif stat.S_ISDIR(info.st_mode):
                (dest / rel).mkdir(exist_ok=True)
            elif not stat.S_ISREG(info.st_mode):
                rejected.append({"path": rel, "reason": "not a regular file"})
            elif info.st_nlink > 1:
                rejected.append({"path": rel, "reason": "hard link"})
            else:
                shutil.copy2(path, dest / rel, follow_symlinks=False)
    return rejected


def _parse(stamp: str) -> datetime:
    from nbgrader.utils import parse_utc

    return parse_utc(stamp)
