"""Every lesson module runs top to bottom in a fresh kernel and shows what the template asks.

nbval (``--nbval-lax`` over ``modules/``) runs them cell by cell too; this test checks the
outputs: at least 8 question widgets and 2 figures per module, no errors, nothing on stderr.
"""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

REPO = Path(__file__).resolve().parents[1]
ALL_NOTEBOOKS = sorted((REPO / "modules").glob("[0-9][0-9]_*/[0-9][0-9]_*.ipynb"))
NOTEBOOKS = [p for p in ALL_NOTEBOOKS if p.suffixes == [".ipynb"]]
"""The English lesson notebooks (translations, ``*.fr.ipynb``, are generated from them)."""
WIDGET = "application/vnd.jupyter.widget-view+json"
PLOTLY = "application/vnd.plotly.v1+json"


def test_all_modules_are_present():
    names = [p.parent.name for p in NOTEBOOKS]
    assert names[:4] == ["01_definitions", "02_tiers_phases", "03_police_role", "04_crsv_cp"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.parent.name)
def test_module_is_committed_without_outputs(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    assert not [c for c in nb["cells"] if c["cell_type"] == "code"
                and (c.get("outputs") or c.get("execution_count"))]


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.parent.name)
def test_module_executes_with_widgets_and_figures(path, tmp_path):
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    errors = [o for o in outputs if o.output_type == "error"
              or (o.output_type == "stream" and o.name == "stderr")]
    assert not errors, errors[:2]
    widgets = [o for o in outputs if WIDGET in o.get("data", {})]
    figures = [o for o in outputs if PLOTLY in o.get("data", {})]
    # the capstone puts its injects in one exercise widget; lessons ask >= 8 questions
    least = 5 if path.parent.name == "05_capstone" else 8
    assert len(widgets) >= least, f"{path.name}: {len(widgets)} widget outputs"
    assert len(figures) + sum("js-plotly-plot" in json.dumps(o.get("data", {}))
                              for o in outputs) >= 2, f"{path.name}: fewer than 2 figures"
    html = json.dumps([o.get("data", {}) for o in outputs])
    assert "cdn.plot.ly/plotly" not in html and "cdnjs" not in html
