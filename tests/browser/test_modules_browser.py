"""Each lesson module in JupyterLab: Run All renders every widget and figure, clicks get feedback.

The module is run once per session (``module_runs``); these tests check that record.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import ModuleRuns, Tab, module_notebooks
from .lab_page import render_report, run_all

pytestmark = [pytest.mark.browser, pytest.mark.slow]
NOTEBOOKS = module_notebooks()


def _ids(path: Path) -> str:
    return path.parent.name


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=_ids)
def test_every_widget_and_figure_renders(module_runs: ModuleRuns, notebook: Path) -> None:
    run = module_runs.get(notebook)
    assert not run.failure, run.failure
    problems = run.report.problems(min_questions=len(run.expected.question_ids),
                                   min_figures=run.expected.figures)
    assert not problems, "\n".join(problems)
    assert run.shots, "no screenshot taken"
    assert all(p.stat().st_size > 10_000 for p in run.shots), "a screenshot is empty"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=_ids)
def test_answers_by_clicking_get_feedback(module_runs: ModuleRuns, notebook: Path) -> None:
    run = module_runs.get(notebook)
    assert not run.failure, run.failure
    if not module_runs.plan.get(notebook.parent.name):
        pytest.skip("this module asks no practice questions by id")
    problems = [f"{c.item_id} ({c.kind}): {c.problem}" for c in run.clicked if c.problem]
    assert not problems, "\n".join(problems)
    assert all(c.wrong_feedback and c.right_feedback for c in run.clicked)
    assert f"answered {len(run.clicked)} of" in run.progress_text, run.progress_text


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=_ids)
def test_no_javascript_errors(module_runs: ModuleRuns, notebook: Path) -> None:
    run = module_runs.get(notebook)
    assert not run.console_errors, "JavaScript errors:\n" + "\n".join(run.console_errors)


def test_every_item_type_is_clicked(module_runs: ModuleRuns) -> None:
    """Across the modules, every question type in the lessons is answered in the browser."""
    from pocedu.content import packaged

    bank = packaged()
    planned = {bank.question(q).type for ids in module_runs.plan.values() for q in ids}
    asked = {bank.question(q).type for nb in NOTEBOOKS for q in module_runs.expected(nb)}
    assert planned == asked


BROKEN_CELLS = [
    "import plotly.graph_objects as go\n"
    "from pocedu.figures import setup_offline\n"
    "setup_offline(embed=False)\n"
    "go.Figure()  # a figure with no trace",
    "import ipywidgets as w\n"
    "b = w.Button(description='broken')\n"
    "b._view_module = 'no-such-widget-module'  # the browser cannot load its view\n"
    "b",
    "raise RuntimeError('a figure function broke')",
]


def test_checks_catch_broken_outputs(tab: Tab) -> None:
    """The render checks fail on an empty figure, an undisplayable widget and a traceback."""
    import nbformat

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in BROKEN_CELLS])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nbformat.write(nb, tab.server.root / "broken.ipynb")
    tab.open("broken.ipynb")
    run_all(tab.page)
    tab.page.wait_for_timeout(1500)
    problems = "\n".join(render_report(tab.page).problems())
    assert "has no trace drawn" in problems or "is blank" in problems, problems
    assert "widget could not be displayed" in problems, problems
    assert "RuntimeError" in problems, problems
    assert "Python on screen: 'import plotly" in problems, problems  # code cells not hidden
    assert tab.console.errors(), "a widget that cannot load should log a JavaScript error"
