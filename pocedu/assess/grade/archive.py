"""Preserve first: archive every submitted file untouched, with its sha256, before parsing.

``archive_submission`` copies ``submitted/<student>/<assignment>/`` to
``.pocedu/archive/<assignment>/<student>/<digest>/files/`` with a ``manifest.json``. The
digest is the sha256 of the manifest's file list, so archiving identical bytes again is a
no-op. Symbolic links are recorded, never followed. ``quarantine`` does the same for
submissions from ids that are not on the roster.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..course.layout import Course
from ..errors import AssessError


@dataclass(frozen=True)
class Archived:
    """One archived submission."""

    directory: Path
    """``.../<digest>/``: holds ``files/`` and ``manifest.json``."""
    digest: str
    """sha256 over the sorted (path, sha256, size, link) entries."""
    files: list[dict[str, Any]]
    """Manifest entries: ``path``, ``sha256``, ``size`` (or ``link`` for a symlink)."""
    new: bool
    """False when these exact bytes had been archived before."""


def sha256_file(path: Path) -> str:
    """The sha256 of a file's bytes."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _entries(folder: Path) -> list[dict[str, Any]]:
    entries = []
    for root, dirs, files in os.walk(folder, followlinks=False):
        for name in sorted(dirs + files):
            path = Path(root) / name
            rel = path.relative_to(folder).as_posix()
            if path.is_symlink():
                entries.append({"path": rel, "link": os.readlink(path)})
            elif path.is_file():
                entries.append({"path": rel, "sha256": sha256_file(path),
                                "size": path.stat().st_size})
    return sorted(entries, key=lambda e: e["path"])


def _digest(entries: list[dict[str, Any]]) -> str:
    return hashlib.sha256(json.dumps(entries, sort_keys=True).encode()).hexdigest()


def _store(folder: Path, dest_root: Path, meta: dict[str, Any]) -> Archived:
    entries = _entries(folder)
    digest = _digest(entries)
    dest = dest_root / digest[:16]
    if (dest / "manifest.json").exists():
        return Archived(dest, digest, entries, new=False)
    tmp = dest_root / f".{digest[:16]}.partial"
    shutil.rmtree(tmp, ignore_errors=True)
    (tmp / "files").mkdir(parents=True)
    for e in entries:
        if "sha256" not in e:
            continue
        target = tmp / "files" / e["path"]
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(folder / e["path"], target)
        if sha256_file(target) != e["sha256"]:
            raise AssessError(f"{folder / e['path']} changed while it was being archived; "
                              "run the grading again")
    manifest = {**meta, "archived_at": datetime.now(UTC).isoformat(timespec="seconds"),
                "digest": digest, "files": entries}
    (tmp / "manifest.json").write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n",
                                       encoding="utf-8")
    os.replace(tmp, dest)
    return Archived(dest, digest, entries, new=True)


def archive_submission(*, course_dir: Path | Course, assignment: str,
                       student: str) -> Archived:
    """Archive ``submitted/<student>/<assignment>/`` untouched (no-op when already archived)."""
    quiz = Course.at(course_dir).assignment(assignment)
    folder = quiz.submitted(student)
    if not folder.is_dir():
        raise AssessError(f"no submission folder {folder}")
    return _store(folder, quiz.archive / student, {"student": student, "assignment": assignment})


def quarantine(*, course_dir: Path | Course, assignment: str, student: str) -> Archived:
    """Copy a submission from an id not on the roster to ``.pocedu/quarantine/`` and log it.

    The submission itself is left where it is; it is never graded and never dropped.
    """
    course = Course.at(course_dir)
    quiz = course.assignment(assignment)
    folder, root = quiz.submitted(student), quiz.quarantine
    archived = _store(folder, root / student,
                      {"student": student, "assignment": assignment, "reason": "not on roster"})
    if archived.new:
        line = {"student": student, "assignment": assignment, "digest": archived.digest,
                "copied_to": str(archived.directory.relative_to(course.root)),
                "reason": "id not on the roster; not graded",
                "at": datetime.now(UTC).isoformat(timespec="seconds")}
        with open(root / "report.jsonl", "a", encoding="utf-8") as fh:
            fh.write(json.dumps(line, sort_keys=True) + "\n")
    return archived
