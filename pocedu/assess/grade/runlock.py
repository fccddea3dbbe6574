"""One grading run per course at a time: ``COURSE/.pocedu/grade.lock`` holds the runner's PID.

The lock is an ``flock`` on that file, so the operating system releases it when the process
dies: a lock file left by a killed run is stale by construction and is taken over (the PID it
names is reported). A second run refuses with a clear message, or waits with ``wait=True``.
"""

from __future__ import annotations

import fcntl
import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from ..course.layout import Course
from ..errors import AssessError

_HELD: list[int] = []


def lock_path(course_dir: Path | Course) -> Path:
    """The run lock of ``course_dir``."""
    return Course.at(course_dir).run_lock


def _holder(path: Path) -> str:
    try:
        info = json.loads(path.read_text(encoding="utf-8"))
        return f"pid {info['pid']}, {info.get('what', '')} started {info.get('started', '?')}"
    except (OSError, ValueError, KeyError, TypeError):
        return "unknown process"


@contextmanager
def run_lock(course_dir: Path | Course, *, what: str, wait: bool = False,
             poll: float = 0.5) -> Iterator[str]:
    """Hold the course's run lock; yields a note when a stale lock was taken over."""
    path = lock_path(course_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if not wait:
                    raise AssessError(
                        f"another grading run holds {path} ({_holder(path)}): wait for it to "
                        "finish (or use --wait); if that process is gone, run again") from None
                time.sleep(poll)
        old = os.read(fd, 4096).decode("utf-8", "replace").strip()
        note = ""
        if old:
            try:
                note = f"took over a stale lock left by pid {json.loads(old)['pid']}"
            except (ValueError, KeyError, TypeError):
                note = "took over a stale lock"
        info = {"pid": os.getpid(), "what": what,
                "started": datetime.now(UTC).isoformat(timespec="seconds")}
        os.lseek(fd, 0, os.SEEK_SET)
        os.ftruncate(fd, 0)
        os.write(fd, json.dumps(info).encode())
        os.fsync(fd)
        _HELD.append(fd)
        try:
            yield note
        finally:
            _HELD.remove(fd)
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def forget_in_child() -> None:
    """In a forked worker: close the inherited lock descriptor so that only the run holds it.

    (The lock stays held by the parent; a worker outliving a killed run cannot keep it.)
    """
    for fd in _HELD:
        try:
            os.close(fd)
        except OSError:
            pass
    _HELD.clear()
