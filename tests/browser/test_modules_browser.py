"""Each lesson module in JupyterLab: Run All renders every widget and figure, clicks get feedback."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pocedu.questions.public import feedback_for, public_item

from .answers import feedback_text, merged, press, question_root, set_response, tick_rubric
from .conftest import Tab, module_notebooks
from .lab_page import render_report, run_all, screenshots, wait_rendered
from .modules import expected, one_per_type

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _sample(question, kind: str):
    return next(s.response for s in question.samples if s.kind == kind)


def answer_and_check(tab: Tab, question, response, *, before=None) -> str:
    """Click ``response``, press Check, assert the verdict and explanation; return the text."""
    item = public_item(question)
    root = question_root(tab.page, question.id)
    set_response(root, item, response)
    held = merged(item["type"], before, response)
    press(root, "Check")
    if item["type"] == "short_text":
        text = feedback_text(root, contains="Model answer")
        tick_rubric(root, item, held.get("checked", []))
        n, total = len(held.get("checked", [])), len(item["rubric"])
        text = feedback_text(root, contains=f"Self-assessed: {n} of {total} points")
    else:
        fb = feedback_for(question, held)
        verdict = "Correct" if fb["correct"] else "Not quite"
        text = feedback_text(root, contains=verdict)
        assert (verdict in text) and ("Not quite" not in text or not fb["correct"])
    fb = feedback_for(question, held)
    assert _norm(fb["explanation"]) in _norm(text), f"{question.id}: explanation not shown"
    assert "Source:" in text and fb["source"][0] in text, f"{question.id}: source not shown"
    return text


@pytest.mark.parametrize("notebook", module_notebooks(), ids=lambda p: p.parent.name)
def test_module_in_browser(tab: Tab, notebook: Path, screenshot_dir: Path) -> None:
    from pocedu.content import packaged

    want = expected(notebook)
    name = notebook.parent.name
    tab.open(f"{name}/{notebook.name}")
    run_all(tab.page)
    wait_rendered(tab.page)
    report = render_report(tab.page)
    assert not report.problems(min_questions=len(want.question_ids), min_figures=want.figures)
    shots = screenshots(tab.page, screenshot_dir, name)
    assert shots and all(p.stat().st_size > 10_000 for p in shots)

    bank = packaged()
    chosen = one_per_type(want.question_ids)
    for qid in chosen:
        question = bank.question(qid)
        root = question_root(tab.page, qid)
        wrong = _sample(question, "wrong")
        answer_and_check(tab, question, wrong)
        root.screenshot(path=str(screenshot_dir / f"{name}-feedback-{question.type}.png"))
        press(root, "Try again")
        root.locator("button").filter(has_text=re.compile(r"^\s*Check\s*$")).wait_for(
            state="visible")
        assert root.locator(".pocedu-feedback").inner_text().strip() == ""
        answer_and_check(tab, question, _sample(question, "correct"), before=wrong)

    progress = tab.page.locator(".pocedu-progress").last
    progress.scroll_into_view_if_needed()
    progress.filter(has_text=re.compile(rf"answered {len(chosen)} of \d+")).wait_for()
    assert not tab.console.errors(), "JavaScript errors:\n" + "\n".join(tab.console.errors())
