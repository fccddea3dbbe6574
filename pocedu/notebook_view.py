"""A student's view of a notebook: every code cell collapsed and locked.

Students never read or type Python: a lesson's or a quiz's code cells show only their output.
``student_view`` sets, on each code cell, ``metadata.jupyter.source_hidden`` (JupyterLab shows a
collapsed input), ``editable: false`` and ``deletable: false`` (the cell cannot be changed or
deleted by mistake). It is idempotent and changes nothing else, so it can be run again at any
time over ``modules/`` (``python -m pocedu.notebook_view modules``) and is applied by the quiz
build to every generated notebook.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

LOCKED = {"editable": False, "deletable": False}


def _student_cell(cell: Any) -> bool:
    """Collapse and lock one code cell in place; True when something changed."""
    if cell.get("cell_type") != "code":
        return False
    meta = cell.setdefault("metadata", {})
    before = (meta.get("jupyter", {}).get("source_hidden"), meta.get("editable"),
              meta.get("deletable"))
    meta.setdefault("jupyter", {})["source_hidden"] = True
    meta.update(LOCKED)
    return before != (True, False, False)


def student_view(nb: Any) -> bool:
    """Collapse and lock every code cell of ``nb`` in place; True when something changed."""
    changed = False
    for cell in nb.get("cells", []):
        changed |= _student_cell(cell)
    return changed


def problems(nb: Any) -> list[str]:
    """Code cells of ``nb`` not in the student's view (empty when every one is)."""
    out = []
    for n, cell in enumerate(nb.get("cells", []), 1):
        if cell.get("cell_type") != "code":
            continue
        meta = cell.get("metadata", {})
        if meta.get("jupyter", {}).get("source_hidden") is not True:
            out.append(f"cell {n}: input not hidden")
        if meta.get("editable") is not False or meta.get("deletable") is not False:
            out.append(f"cell {n}: not locked")
    return out


def notebooks(root: Path) -> list[Path]:
    """Every notebook under ``root`` (checkpoints left out)."""
    return sorted(p for p in Path(root).rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)


def apply(root: Path) -> list[Path]:
    """Put every notebook under ``root`` in the student's view; return the files changed."""
    import nbformat

    changed = []
    for path in notebooks(root):
        nb = nbformat.read(path, as_version=4)
        if student_view(nb):
            nbformat.write(nb, path)
            changed.append(path)
    return changed


def main(argv: list[str] | None = None) -> int:
    """``python -m pocedu.notebook_view DIR...``: apply to every notebook under each DIR."""
    for root in (argv if argv is not None else sys.argv[1:]) or ["modules"]:
        for path in apply(Path(root)):
            print(f"student view: {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
