"""Each lesson module in JupyterLab: Run All renders every widget and figure, clicks get feedback.

The module is run once per session (``module_runs``); these tests check that record.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import ModuleRuns, module_notebooks

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
