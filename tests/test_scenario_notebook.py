"""The self-paced capstone notebook executes top to bottom in a fresh kernel."""

from __future__ import annotations

from pathlib import Path

import nbformat

NOTEBOOK = Path(__file__).resolve().parent.parent / "modules" / "05_capstone" / "05_capstone.ipynb"


def test_capstone_notebook_follows_the_template() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    md = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    code = [c.source for c in nb.cells if c.cell_type == "code"]
    assert md.startswith("# Module 05:") and "Estimated time" in md and "Content note" in md
    assert "## Learning objectives" in md and "## References" in md
    assert code[0] == 'from pocedu import lesson; lesson.start("05_capstone")'
    assert all(len(c.splitlines()) <= 2 for c in code)
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code")
