"""Stage one archived submission for nbgrader: a clean copy built from the archive.

Reads only the archive (never ``submitted/``), finds the quiz notebook (recovering a renamed
one when exactly one candidate matches the released cell ids), rebuilds it from the release
(``sanitize``), cleans the answer store (``storecheck``) and checks the timestamp. What
cannot be used is reported as an ``Event``; the original stays in the archive.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ...quiz.written import place_written_answers
from ..course.release import REJECTED
from .answers import clean_store
from .archive import Archived
from .events import Event
from .sanitize import matches_release, read_notebook, sanitize_notebook


@dataclass
class Staged:
    """A staged copy and what was done to make it."""

    directory: Path
    events: list[Event] = field(default_factory=list)
    added_cells: list[str] = field(default_factory=list)
    """Ids of student cells kept in the copy (only with student code allowed)."""
    gradable: bool = True


FILE_MAX = 20 * 1024 * 1024
"""Largest submitted file that is parsed (bytes); bigger files stay in the archive only."""


def _raw(archived: Archived, rel: str) -> bytes | None:
    path = archived.directory / "files" / rel
    if not path.is_file() or path.is_symlink() or path.stat().st_size > FILE_MAX:
        return None
    return path.read_bytes()


def _pick_notebook(archived: Archived, assignment: str, release: dict[str, Any]
                   ) -> tuple[dict[str, Any] | None, list[Event]]:
    events: list[Event] = []
    name = f"{assignment}.ipynb"
    notebooks = [e["path"] for e in archived.files
                 if e["path"].endswith(".ipynb") and "sha256" in e
                 and ".ipynb_checkpoints" not in e["path"]]
    extra = [p for p in notebooks if p != name]
    if name in notebooks:
        parsed = read_notebook(_raw(archived, name) or b"")
        if extra:
            events.append(Event("extra-notebook", "flag", f"extra notebook(s) ignored: "
                                f"{', '.join(extra)}", "only the quiz notebook is graded"))
        if parsed.notebook is None:
            events.append(Event("notebook-unreadable", "review", f"{name} cannot be read: "
                                f"{parsed.problem}; graded from the saved answers",
                                "written answers in the notebook are lost; open the archived "
                                "file and grade any written answer by hand"))
        return parsed.notebook, events
    candidates = []
    for path in extra:
        parsed = read_notebook(_raw(archived, path) or b"")
        if parsed.notebook is not None and matches_release(parsed.notebook, release) >= max(
                1, len(release["cells"]) // 2):
            candidates.append((path, parsed.notebook))
    if len(candidates) == 1:
        path, nb = candidates[0]
        events.append(Event("notebook-renamed", "flag", f"{name} was renamed to {path}; "
                            "recovered by its cell ids"))
        others = [p for p in extra if p != path]
        if others:
            events.append(Event("extra-notebook", "flag", f"extra notebook(s) ignored: "
                                f"{', '.join(others)}"))
        return nb, events
    names = ", ".join(p for p, _ in candidates)
    why = (f"{len(candidates)} notebooks look like the quiz ({names})" if candidates
           else "no notebook in the submission matches the quiz")
    events.append(Event("notebook-missing", "review", f"{name} is missing: {why}; graded from "
                        "the saved answers", "written answers are lost; ask the student"))
    return None, events


def _looks_like_store(raw: bytes, assignment: str) -> bool:
    from ...quiz.store import SCHEMA

    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return False
    return (isinstance(data, dict) and data.get("schema") == SCHEMA
            and data.get("assignment") == assignment and isinstance(data.get("answers"), dict))


def _find_store(archived: Archived, assignment: str) -> tuple[bytes | None, list[Event]]:
    """The answer store: by its name, else the one JSON file whose content is this quiz's
    store (renamed by a browser, one folder down); several candidates go to review."""
    name = f"{assignment}.answers.json"
    raw = _raw(archived, name)
    if raw is not None:
        return raw, []
    found = []
    for e in archived.files:
        if "sha256" in e and e["path"].endswith(".json") and e.get("size", 0) <= STORE_MAX:
            data = _raw(archived, e["path"])
            if data is not None and _looks_like_store(data, assignment):
                found.append((e["path"], data))
    if len(found) == 1:
        path, data = found[0]
        return data, [Event("store-renamed", "flag", f"the answers file was found as "
                            f"{path!r} (renamed_from: {path}); graded from it",
                            "nothing to do unless the student says otherwise")]
    if len(found) > 1:
        names = ", ".join(p for p, _ in found)
        return None, [Event("store-ambiguous", "review", f"{len(found)} files look like the "
                            f"answers file ({names}); none was used",
                            "pick the right one and grade by hand")]
    return None, []


STORE_MAX = 5 * 1024 * 1024
"""Largest answers file read (bytes): a store of every answer is a few kilobytes."""


def _timestamp(archived: Archived) -> tuple[str | None, list[Event]]:
    from nbgrader.utils import parse_utc

    raw = _raw(archived, "timestamp.txt")
    if raw is None:
        return None, [Event("timestamp-missing", "flag", "no timestamp.txt: the submission "
                            "time is unknown, so no late penalty can apply",
                            "check the submission time in the exchange or LMS")]
    text = raw.decode("utf-8", "replace").strip()
    try:
        when = _parse_time(text) or parse_utc(text)
    except (ValueError, TypeError, OverflowError):
        return None, [Event("timestamp-invalid", "review", f"timestamp.txt cannot be read "
                            f"({text[:40]!r}); no late penalty applied",
                            "check the submission time by hand")]
    # written back in UTC, nbgrader's format: nbgrader's parse_utc ignores an offset such as
    # ' +02:00', which would mark an on-time student in UTC+2 two hours late
    return when.strftime(TIMESTAMP_FORMAT_UTC), []


TIMESTAMP_FORMAT_UTC = "%Y-%m-%d %H:%M:%S.%f UTC"


def _parse_time(text: str) -> datetime | None:
    """``text`` as a UTC time (naive, as nbgrader keeps it), honouring any offset."""
    from dateutil import parser

    when = parser.parse(text)
    if when.tzinfo is not None:
        when = when.astimezone(UTC).replace(tzinfo=None)
    return when


def stage(*, archived: Archived, dest: Path, assignment: str, student: str,
          release: dict[str, Any], items: list[dict[str, Any]],
          allow_student_code: bool = False) -> Staged:
    """Write the clean copy into ``dest`` (``.../submitted/<student>/<assignment>/``)."""
    dest.mkdir(parents=True, exist_ok=True)
    staged = Staged(dest)
    links = [e["path"] for e in archived.files if "link" in e]
    refused = _raw(archived, REJECTED)
    if refused is not None:
        try:
            links += [str(r["path"]) for r in json.loads(refused)]
        except (ValueError, TypeError, KeyError):
            links.append(REJECTED)
    if links:
        staged.events.append(Event("unsafe-path-rejected", "flag", "link(s) or special "
                                   f"file(s) refused, never followed: {', '.join(links)}",
                                   "links can point at files of others; look at the "
                                   "archived manifest"))
    big = [e["path"] for e in archived.files if e.get("size", 0) > FILE_MAX]
    if big:
        staged.events.append(Event("file-too-large", "flag", f"file(s) over "
                                   f"{FILE_MAX // 2**20} MiB not read: {', '.join(big)}",
                                   "they are kept in the archive; look at them if they "
                                   "matter"))
    nb, events = _pick_notebook(archived, assignment, release)
    staged.events += events
    if nb is not None:
        clean, events, staged.added_cells = sanitize_notebook(
            nb, release, keep_added=allow_student_code)
        staged.events += events
    else:
        clean = release
    store_raw, events = _find_store(archived, assignment)
    staged.events += events
    store, events = clean_store(store_raw, items=items, assignment=assignment,
                                student=student)
    staged.events += events
    clean = place_written_answers(clean, store, items)  # text boxes -> manually graded cells
    if nb is None and store_raw is None:
        staged.gradable = False
        staged.events.append(Event("nothing-gradable", "fatal", "the submission holds neither "
                                   "a readable quiz notebook nor saved answers",
                                   "ask the student to submit again"))
    # ASCII JSON: any text survives, even an unpaired surrogate a browser left in an answer
    (dest / f"{assignment}.ipynb").write_text(json.dumps(clean, indent=1, ensure_ascii=True),
                                              encoding="utf-8")
    (dest / f"{assignment}.answers.json").write_text(json.dumps(store, indent=1),
                                                     encoding="utf-8")
    stamp, events = _timestamp(archived)
    staged.events += events
    if stamp is not None:
        (dest / "timestamp.txt").write_text(stamp + "\n", encoding="utf-8")
    return staged
