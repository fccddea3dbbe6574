"""Serialise gradebook sessions across grading processes with a file lock.

nbgrader opens a ``Gradebook`` for each short read or write and closes it again; kernels run
outside those sessions. Holding an exclusive ``flock`` from ``Gradebook.__init__`` to
``close`` lets several processes grade at once while SQLite sees one writer at a time.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path
from typing import Any

_state: dict[str, Any] = {"depth": 0, "fd": None, "path": None}


def _acquire() -> None:
    if _state["depth"] == 0:
        fd = os.open(_state["path"], os.O_RDWR | os.O_CREAT, 0o600)
        fcntl.flock(fd, fcntl.LOCK_EX)
        _state["fd"] = fd
    _state["depth"] += 1


def _release() -> None:
    _state["depth"] -= 1
    if _state["depth"] == 0 and _state["fd"] is not None:
        fcntl.flock(_state["fd"], fcntl.LOCK_UN)
        os.close(_state["fd"])
        _state["fd"] = None


def install(lock_path: Path) -> None:
    """Make every ``nbgrader.api.Gradebook`` in this process hold ``lock_path`` while open."""
    from nbgrader.api import Gradebook

    _state["path"] = str(lock_path)
    if getattr(Gradebook, "_pocedu_lock", False):
        return
    init, close = Gradebook.__init__, Gradebook.close

    def locked_init(self: Any, *args: Any, **kwargs: Any) -> None:
        _acquire()
        try:
            init(self, *args, **kwargs)
        except BaseException:
            _release()
            raise
        self._pocedu_held = True

    def locked_close(self: Any) -> None:
        try:
            close(self)
        finally:
            if getattr(self, "_pocedu_held", False):
                self._pocedu_held = False
                _release()

    Gradebook.__init__ = locked_init  # type: ignore[method-assign]
    Gradebook.close = locked_close  # type: ignore[method-assign]
    Gradebook._pocedu_lock = True  # type: ignore[attr-defined]
