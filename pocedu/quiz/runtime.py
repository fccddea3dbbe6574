"""``Quiz``: what the cells of a released quiz call; ``answer()`` for keyboard users."""

from __future__ import annotations

import getpass
import html
import os
import sys
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .atomic import write_json_atomic
from .items import QuizError, load_items
from .render import PlainQuestion
from .responses import AnswerError, parse_answer
from .shuffle import display_order
from .store import AnswerStore, store_path

_current: Quiz | None = None


def student_id() -> str:
    """The student: ``POCEDU_STUDENT``, else ``JUPYTERHUB_USER``, else the login name."""
    for var in ("POCEDU_STUDENT", "JUPYTERHUB_USER"):
        if os.environ.get(var, "").strip():
            return os.environ[var].strip()
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


@dataclass(frozen=True)
class QuizProgress:
    """How many questions of a quiz have a saved answer."""

    answered: int
    """Questions with a saved (non-empty) answer."""
    total: int
    """Questions in the quiz."""
    missing: tuple[str, ...] = ()
    """Labels ('Q3') of the questions still unanswered, in quiz order."""

    def __str__(self) -> str:
        text = f"{self.answered} of {self.total} questions answered"
        if self.missing:
            text += f"; still to answer: {', '.join(self.missing)}"
        return text + "."

    def __repr__(self) -> str:
        return str(self)

    def _repr_html_(self) -> str:
        rest = (f"<br>Still to answer: {html.escape(', '.join(self.missing))}"
                if self.missing else "<br>\u2713 Every question has an answer.")
        return (f'<div class="pocedu-quiz-progress" role="status" style="font-size:17px;'
                f'border-left:6px solid #555;padding:6px 12px"><b>{self.answered} of '
                f'{self.total}</b> questions answered{rest}</div>')


def _show_styles() -> None:
    """Show the lesson styles once in a live kernel (silent elsewhere and when autograding)."""
    if os.environ.get("NBGRADER_EXECUTION"):
        return
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    if shell is None or not hasattr(shell, "kernel"):
        return
    from IPython.display import HTML, display

    from ..widgets.style import style_tag

    display(HTML(style_tag()))


class Quiz:
    """One released quiz, opened from the working directory of the notebook."""

    def __init__(self, assignment: str, *, directory: Path | str | None = None,
                 student: str | None = None) -> None:
        global _current
        self.assignment = assignment
        self.directory = Path(directory) if directory is not None else Path.cwd()
        data = load_items(self.directory, assignment)
        self.title: str = data.get("title", assignment)
        self.items: dict[str, dict[str, Any]] = {i["id"]: i for i in data["items"]}
        self._labels = {i["label"].lower(): i["id"] for i in data["items"]}
        self.student = student or student_id()
        self.store = AnswerStore(store_path(self.directory, assignment),
                                 assignment=assignment, student=self.student)
        self.store.read()
        if self.store.notice:
            print(self.store.notice)
        _current = self
        _show_styles()

    def item(self, label: str) -> dict[str, Any]:
        """The public item for a label ('Q3', any case) or an item id."""
        key = str(label).strip()
        item_id = self._labels.get(key.lower(), key)
        if item_id not in self.items:
            raise QuizError(f"there is no question {label!r} in {self.assignment}: use "
                            f"{', '.join(i['label'] for i in self.items.values())}")
        return self.items[item_id]

    def order(self, label: str) -> list[str]:
        """Option ids in the order this student sees them."""
        item = self.item(label)
        return display_order([o["id"] for o in item["options"]], student=self.student,
                             item_id=item["id"])

    def on_answer(self, label: str) -> Callable[[Any], None]:
        """The callback a widget calls with a response (option ids): saves it at once.

        ``None`` (the student cleared the answer) deletes the saved answer.
        """
        item_id = self.item(label)["id"]

        def persist(response: Any) -> None:
            if response is None:
                self._clear(item_id)
            else:
                self.store.save(item_id, response)

        return persist

    def _clear(self, item_id: str) -> None:
        """Delete the saved answer to ``item_id`` (atomically; other answers are kept)."""
        data = self.store.read()
        if data["answers"].pop(item_id, None) is not None:
            write_json_atomic(self.store.path, data)

    def ask(self, label: str) -> Any:
        """Show one question, with the student's saved answer and shuffled options."""
        item = self.item(label)
        order, saved = self.order(label), self.store.get(item["id"])
        if os.environ.get("NBGRADER_EXECUTION"):
            return PlainQuestion(item, order, saved)
        try:
            from ..i18n import get_language
            from ..widgets import build

            widget = build(item, mode="quiz", initial=saved, order=order,
                           on_answer=self.on_answer(label), lang=get_language())
        except (ImportError, AttributeError, TypeError, NotImplementedError):
            return PlainQuestion(item, order, saved)
        if item["type"] != "short_text":
            from ..i18n import gettext

            print(gettext('Keyboard: answer("{label}", "B") chooses option B.').format(
                label=item["label"]))
        return widget

    def answer(self, label: str, value: Any) -> None:
        """Save a typed answer: letters follow the order shown; option ids also work."""
        item = self.item(label)
        try:
            response = parse_answer(item, value, order=self.order(label))
        except AnswerError as err:
            print(f"{item['label']}: not saved: {err}")
            return
        self.store.save(item["id"], response)
        shown = PlainQuestion(item, self.order(label)).describe(response)
        print(f"{item['label']}: saved ({shown}).")

    def progress(self) -> QuizProgress:
        """How many questions have a saved answer (a cleared answer does not count)."""
        saved = self.store.answers()
        missing = tuple(item["label"] for i, item in self.items.items()
                        if saved.get(i) is None)
        return QuizProgress(answered=len(self.items) - len(missing), total=len(self.items),
                            missing=missing)

    def grade(self, label: str, *, key: Any, points: float | None = None) -> float:
        """Points earned on one item (called by hidden tests; never prints or warns)."""
        from ..questions.grading import score

        item = self.item(label)
        max_points = float(points if points is not None else item.get("points", 1))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            response = AnswerStore(self.store.path, assignment=self.assignment,
                                   student=self.student).get(item["id"])
            spec = {"type": item["type"], "key": key,
                    "options": [o["id"] for o in item["options"]],
                    "bins": [b["id"] for b in item.get("bins", [])],
                    "rubric": [r["id"] for r in item.get("rubric", [])]}
            try:
                earned = score(spec, response).score
            except (KeyError, TypeError, ValueError, AttributeError):
                earned = 0.0
        return round(min(max(earned, 0.0), 1.0) * max_points, 6)


def answer(label: str, value: Any) -> None:
    """Type an answer to the open quiz, e.g. ``answer("Q3", "B")``."""
    if _current is None:
        raise QuizError("no quiz is open: run the set-up cell at the top of the quiz first")
    _current.answer(label, value)
