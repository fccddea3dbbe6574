"""The self-paced capstone notebook executes top to bottom in a fresh kernel."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

NOTEBOOK = Path(__file__).resolve().parent.parent / "modules" / "05_capstone" / "05_capstone.ipynb"


@pytest.mark.slow
def test_capstone_notebook_executes(tmp_path: Path) -> None:
    copy = tmp_path / NOTEBOOK.name
    shutil.copy(NOTEBOOK, copy)
    subprocess.run([sys.executable, "-m", "jupyter", "nbconvert", "--to", "notebook",
                    "--execute", "--ExecutePreprocessor.timeout=300", str(copy),
                    "--output", "executed.ipynb"], check=True, capture_output=True, cwd=tmp_path)
    nb = nbformat.read(tmp_path / "executed.ipynb", as_version=4)
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
              if o.output_type == "error"]
    assert errors == []
    widgets = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
               if "application/vnd.jupyter.widget-view+json" in o.get("data", {})]
    assert len(widgets) >= 5


def test_capstone_notebook_follows_the_template() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    md = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    code = [c.source for c in nb.cells if c.cell_type == "code"]
    assert md.startswith("# Module 05:") and "Estimated time" in md and "Content note" in md
    assert "## Learning objectives" in md and "## References" in md
    assert code[0] == 'from pocedu import lesson; lesson.start("05_capstone")'
    assert all(len(c.splitlines()) <= 2 for c in code)
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code")
