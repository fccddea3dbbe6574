"""nbgrader's exchange seen from pocedu: where a course's exchange is, and a student's submit.

The exchange is the folder nbgrader releases into (``<root>/<course_id>/outbound``) and
students submit into (``<root>/<course_id>/inbound/<student>+<quiz>+<timestamp>``). A course
made by ``pocedu course init`` has a local one in ``COURSE/exchange``; on a hub it is shared.
"""

from __future__ import annotations

import secrets
import shutil
from pathlib import Path

from ..errors import PoceduError


class ExchangeError(PoceduError):
    """The exchange is missing or the quiz was not released into it."""


def exchange_root(course_dir: Path) -> Path:
    """The exchange folder configured for ``course_dir``."""
    from nbgrader.exchange.default.exchange import Exchange

    from ..assess.course.nbgrader_api import load_config

    return Path(Exchange(config=load_config(course_dir)).root)


def inbound(course_dir: Path) -> Path:
    """Where students' submissions of ``course_dir`` arrive."""
    from ..assess.course.nbgrader_api import course_id

    return exchange_root(course_dir) / course_id(course_dir) / "inbound"


def submit(*, course_dir: Path, assignment: str, student: str, folder: Path,
           timestamp: str) -> Path:
    """Put ``folder`` into the inbound exchange as ``student``'s submission (as nbgrader does)."""
    dest_root = inbound(course_dir)
    if not dest_root.is_dir():
        raise ExchangeError(f"no inbound exchange at {dest_root}",
                            [f"release first: `pocedu assess release {assignment} "
                             f"--course {course_dir}`"])
    dest = dest_root / f"{student}+{assignment}+{timestamp}"
    shutil.copytree(folder, dest, ignore=shutil.ignore_patterns("timestamp.txt"))
    (dest / "timestamp.txt").write_text(timestamp, encoding="utf-8")
    # nbgrader's release_feedback needs the secret that submit writes beside the files
    (dest / "submission_secret.txt").write_text(secrets.token_hex(64), encoding="utf-8")
    return dest
