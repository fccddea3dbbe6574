"""Rebuild a submitted notebook from the released one, on a copy, keeping only the answers.

The released notebook is the template: every cell comes back in its place with its released
text and nbgrader metadata (nbgrader's ``OverwriteCells`` then restores hidden tests from the
gradebook). From the submission only the written answers of solution cells are taken,
matched by nbgrader ``grade_id`` or, when the metadata was stripped, by cell id. Cells the
quiz does not have are removed (students answer by clicking and never need code cells), so
an added cell that redefines ``quiz.grade`` never runs; with ``keep_added`` they run after
the last graded cell, where they cannot change a grade. Every repair is an ``Event``.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from typing import Any

from .events import Event


@dataclass(frozen=True)
class ReadNotebook:
    """A notebook file read as JSON, or why it could not be."""

    notebook: dict[str, Any] | None
    problem: str = ""


def read_notebook(raw: bytes) -> ReadNotebook:
    """Parse notebook bytes without repairing anything."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return ReadNotebook(None, "it is not UTF-8 text")
    except ValueError as err:
        return ReadNotebook(None, f"it is not valid JSON (truncated or edited: {err})")
    if not isinstance(data, dict) or not isinstance(data.get("cells"), list):
        return ReadNotebook(None, "it is not a Jupyter notebook (no list of cells)")
    return ReadNotebook(data)


def _text(cell: dict[str, Any]) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else str(src)


def _nbmeta(cell: dict[str, Any]) -> dict[str, Any]:
    meta = cell.get("metadata")
    nbg = meta.get("nbgrader") if isinstance(meta, dict) else None
    return nbg if isinstance(nbg, dict) else {}


def _key(cell: dict[str, Any], release_ids: set[str]) -> tuple[str | None, bool]:
    """(release cell id this cell claims to be, matched without nbgrader metadata)."""
    grade_id = _nbmeta(cell).get("grade_id")
    if isinstance(grade_id, str) and grade_id in release_ids:
        return grade_id, False
    cid = cell.get("id")
    if isinstance(cid, str) and cid in release_ids:
        return cid, True
    return None, False


def release_key(cell: dict[str, Any]) -> str:
    """The id under which a released cell is matched (its grade_id, else its cell id)."""
    return _nbmeta(cell).get("grade_id") or cell.get("id", "")


_META_KEYS = ("grade", "solution", "locked", "points", "grade_id")


def _meta_changed(sub: dict[str, Any], rel: dict[str, Any]) -> bool:
    a, b = _nbmeta(sub), _nbmeta(rel)
    return any(a.get(k) != b.get(k) for k in _META_KEYS)


def matches_release(nb: dict[str, Any], release: dict[str, Any]) -> int:
    """How many of the released cells' ids ``nb`` holds (to recognise a renamed notebook)."""
    ids = {release_key(c) for c in release["cells"]}
    return len({k for c in nb.get("cells", []) if isinstance(c, dict)
                for k in [_key(c, ids)[0]] if k})


def _is_grade(cell: dict[str, Any]) -> bool:
    return bool(_nbmeta(cell).get("grade")) and not _nbmeta(cell).get("solution")


def _events(*, deleted: list[str], dup: list[str], moved: bool, edited: list[str],
            tampered: list[str], unlocked: list[str], stripped: list[str], added: int,
            keep_added: bool, lost_answers: list[str]) -> list[Event]:
    ev = []
    if deleted:
        ev.append(Event("cell-deleted", "flag", f"{len(deleted)} quiz cell(s) were deleted "
                        f"and restored from the release ({', '.join(deleted)})"))
    if lost_answers:
        ev.append(Event("answer-cell-deleted", "review", "a written-answer cell was deleted "
                        f"({', '.join(lost_answers)}): that answer is empty",
                        "ask the student whether a written answer was lost"))
    if dup:
        ev.append(Event("cell-duplicated", "flag", f"duplicated cell(s) removed, first copy "
                        f"kept ({', '.join(dup)})"))
    if moved:
        ev.append(Event("cells-moved", "flag", "cells were moved; the released order was "
                        "restored"))
    if edited:
        ev.append(Event("cell-edited", "flag", f"locked cell(s) were edited and restored "
                        f"({', '.join(edited)})"))
    if tampered:
        ev.append(Event("test-cell-edited", "flag", f"grading cell(s) were edited and restored "
                        f"from the instructor's source ({', '.join(tampered)})",
                        "possible attempt to change the grading; the grade does not depend "
                        "on it"))
    if unlocked:
        ev.append(Event("cell-unlocked", "flag", f"nbgrader metadata was changed (unlocked or "
                        f"re-pointed) and restored ({', '.join(unlocked)})"))
    if stripped:
        ev.append(Event("metadata-stripped", "flag", f"nbgrader metadata was removed and "
                        f"restored by cell id ({', '.join(stripped)})"))
    if added:
        where = ("kept and run after the last graded cell (student code allowed)" if keep_added
                 else "removed before grading: quizzes need no code cells")
        ev.append(Event("cell-added", "flag", f"{added} code cell(s) not in the quiz were "
                        f"{where}", "look at the archived notebook if the cells look like "
                        "an attempt to change the grading"))
    return ev


def sanitize_notebook(submitted: dict[str, Any], release: dict[str, Any], *,
                      keep_added: bool = False) -> tuple[dict[str, Any], list[Event],
                                                         list[str]]:
    """``(clean notebook, events, ids of added cells kept)`` for a parsed submission."""
    rel_cells = release["cells"]
    rel_by_key = {release_key(c): c for c in rel_cells}
    ids = set(rel_by_key)
    found: dict[str, dict[str, Any]] = {}
    order, dup, stripped, unlocked, edited, tampered, added = [], [], [], [], [], [], []
    for cell in submitted.get("cells", []):
        if not isinstance(cell, dict):
            continue
        key, by_id = _key(cell, ids)
        if key is None:
            if cell.get("cell_type") == "code" and _text(cell).strip():
                added.append(cell)
            continue
        if key in found:
            dup.append(key)
            continue
        found[key] = cell
        order.append(key)
        rel = rel_by_key[key]
        if by_id and not _nbmeta(cell):
            stripped.append(key)
        elif _meta_changed(cell, rel):
            unlocked.append(key)
        solution = bool(_nbmeta(rel).get("solution"))
        if not solution and _text(cell).strip() != _text(rel).strip():
            (tampered if _is_grade(rel) else edited).append(key)
    rel_order = [release_key(c) for c in rel_cells if release_key(c) in found]
    deleted = [k for k in rel_by_key if k not in found]
    lost = [k for k in deleted if _nbmeta(rel_by_key[k]).get("solution")]
    cells, repaired = [], []
    for rel in rel_cells:
        cell = copy.deepcopy(rel)
        sub = found.get(release_key(rel))
        if sub is not None and _nbmeta(rel).get("solution"):
            cell["source"], bad = without_surrogates(_text(sub))
            if bad:
                repaired.append(release_key(rel))
        if cell.get("cell_type") == "code":
            cell["outputs"], cell["execution_count"] = [], None
        cells.append(cell)
    kept = []
    if keep_added:
        for i, cell in enumerate(added):
            new = {"cell_type": "code", "id": f"pocedu-added-{i}", "metadata": {},
                   "source": _text(cell), "outputs": [], "execution_count": None}
            cells.append(new)
            kept.append(new["id"])
    out = {**copy.deepcopy(release), "cells": cells}
    events = _events(deleted=[k for k in deleted if k not in lost], dup=sorted(set(dup)),
                     moved=order != rel_order, edited=edited, tampered=tampered,
                     unlocked=unlocked, stripped=stripped, added=len(added),
                     keep_added=keep_added, lost_answers=lost)
    if repaired:
        events.append(Event("text-repaired", "flag", "characters that cannot be stored (unpaired "
                            f"surrogates) were replaced by \ufffd in {', '.join(repaired)}",
                            "the original bytes are in the archive"))
    return out, events, kept


def without_surrogates(text: str) -> tuple[str, int]:
    """``text`` with each unpaired surrogate (not encodable as UTF-8) replaced by U+FFFD."""
    bad = sum(0xD800 <= ord(ch) <= 0xDFFF for ch in text)
    if not bad:
        return text, 0
    return "".join("\ufffd" if 0xD800 <= ord(ch) <= 0xDFFF else ch for ch in text), bad
