"""One run of a lesson module in the browser, recorded as data that several tests check.

Opening and running a module takes most of a minute on 2 cores, so each module is run once per
session (offline, in a fresh browser context) and the render, clicking, console and network
tests all read the same record.
"""

from __future__ import annotations

import re
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pocedu.testing.browser import ConsoleLog, LabServer, OfflineGuard, new_context

from .answers import feedback_text, merged, press, question_root, set_response, tick_rubric
from .lab_page import (
    RenderReport,
    open_notebook,
    render_report,
    run_all,
    screenshots,
    wait_rendered,
)
from .modules import Expected, expected

LAPTOP = (1366, 768)
"""The viewport of every page: a typical laptop or projector."""


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@dataclass
class Clicked:
    """One question answered wrong, retried and answered right."""

    item_id: str
    kind: str
    wrong_feedback: str = ""
    right_feedback: str = ""
    problem: str = ""
    """Empty when the widget behaved as a student expects."""


@dataclass
class ModuleRun:
    """What happened when a module was opened, run and clicked through."""

    name: str
    expected: Expected
    report: RenderReport | None = None
    shots: list[Path] = field(default_factory=list)
    clicked: list[Clicked] = field(default_factory=list)
    progress_text: str = ""
    blocked: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    failure: str = ""
    """Traceback when the run itself broke (notebook did not open or run)."""


def _sample(question: Any, kind: str) -> Any:
    return next(s.response for s in question.samples if s.kind == kind)


def check_answer(page: Any, question: Any, response: Any, *, before: Any = None) -> str:
    """Click ``response``, press Check, assert verdict, explanation and source; return text."""
    from pocedu.questions.public import feedback_for, public_item

    item = public_item(question)
    root = question_root(page, question.id)
    set_response(root, item, response)
    held = merged(item["type"], before, response)
    press(root, "Check")
    fb = feedback_for(question, held)
    if item["type"] == "short_text":
        feedback_text(root, contains="Model answer")
        tick_rubric(root, item, held.get("checked", []))
        n, total = len(held.get("checked", [])), len(item["rubric"])
        text = feedback_text(root, contains=f"Self-assessed: {n} of {total} points")
    else:
        verdict = "Correct" if fb["correct"] else "Not quite"
        text = feedback_text(root, contains=verdict)
        if fb["correct"] and "Not quite" in text:
            raise AssertionError(f"{question.id}: right answer shown as 'Not quite'")
    if _norm(fb["explanation"]) not in _norm(text):
        raise AssertionError(f"{question.id}: the explanation is not shown: {text!r}")
    if "Source:" not in text or fb["source"][0] not in text:
        raise AssertionError(f"{question.id}: the source pointer is not shown: {text!r}")
    return text


def click_through(page: Any, question: Any, shot: Path) -> Clicked:
    """Answer wrong, check, screenshot, try again, answer right, check."""
    from playwright.sync_api import Error as PlaywrightError

    done = Clicked(question.id, question.type)
    try:
        root = question_root(page, question.id)
        wrong = _sample(question, "wrong")
        done.wrong_feedback = check_answer(page, question, wrong)
        root.screenshot(path=str(shot))
        press(root, "Try again")
        root.locator("button").filter(has_text=re.compile(r"^\s*Check\s*$")).wait_for(
            state="visible")
        if root.locator(".pocedu-feedback").inner_text().strip():
            raise AssertionError(f"{question.id}: feedback still shown after 'Try again'")
        done.right_feedback = check_answer(page, question, _sample(question, "correct"),
                                           before=wrong)
    except (AssertionError, PlaywrightError, KeyError, StopIteration) as err:
        done.problem = f"{type(err).__name__}: {err}"
    return done


def run_module(*, browser: Any, server: LabServer, notebook: Path, to_click: list[str],
               screenshot_dir: Path) -> ModuleRun:
    """Open ``notebook`` (its copy in the server's workspace) offline, run, check and click."""
    from pocedu.content import packaged

    name = notebook.parent.name
    run = ModuleRun(name, expected(notebook))
    guard, console = OfflineGuard(), ConsoleLog()
    context = new_context(browser, guard=guard, viewport=LAPTOP)
    context.set_default_timeout(30_000)
    page = context.new_page()
    console.attach(page)
    try:
        open_notebook(page, server.lab_url(f"{name}/{notebook.name}"))
        run_all(page)
        wait_rendered(page)
        run.report = render_report(page)
        run.shots = screenshots(page, screenshot_dir, name)
        bank = packaged()
        for qid in to_click:
            question = bank.question(qid)
            shot = screenshot_dir / f"{name}-feedback-{question.type}.png"
            run.clicked.append(click_through(page, question, shot))
        if run.clicked:
            box = page.locator(".pocedu-progress").last
            box.scroll_into_view_if_needed()
            answered = sum(1 for c in run.clicked if not c.problem)
            try:
                box.filter(has_text=re.compile(rf"answered {answered} of")).wait_for(
                    timeout=10_000)
            finally:
                run.progress_text = box.text_content() or ""
    except Exception:  # noqa: BLE001 - recorded and reported by every test of this module
        run.failure = traceback.format_exc()
    finally:
        run.blocked = list(guard.blocked)
        run.console_errors = console.errors()
        context.close()
    return run
