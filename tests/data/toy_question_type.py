"""A toy question type in one file: "yes_no" (answer Yes or No).

Importing this file registers the type; nothing else in pocedu changes. The tests use it to
show that a type added this way validates, scores, renders as a widget and a card, exports and
takes typed answers.
"""

from __future__ import annotations

from typing import Any

from pocedu.questions.result import Score, invalid
from pocedu.questions.types import QuestionType, need, register
from pocedu.questions.types import markup as m
from pocedu.widgets.base import QuestionWidget

CHOICES = ("yes", "no")


class YesNoWidget(QuestionWidget):
    """Two toggle buttons, Yes and No; response ``"yes"`` or ``"no"``."""

    kind = "yes_no"

    def _build(self) -> Any:
        import ipywidgets as w

        self._controls = w.ToggleButtons(options=[("Yes", "yes"), ("No", "no")], value=None)
        self._controls.observe(self._changed, names="value")
        return self._controls

    def _read(self) -> Any:
        return self._controls.value

    def _write(self, value: Any) -> None:
        self._controls.value = value

    def _validate(self, value: Any) -> Any:
        if value not in CHOICES:
            raise ValueError(f"a yes/no answer is 'yes' or 'no', not {value!r}")
        return value

    def _inputs(self) -> list[Any]:
        return [self._controls]


@register
class YesNo(QuestionType):
    """Key ``"yes"`` or ``"no"``; full marks for the key."""

    name = "yes_no"
    widget = f"{__name__}:YesNoWidget"
    needs_options = False
    instructions = m.N_("Answer Yes or No.")

    def check_key(self, q: Any, *, options: list[str], bins: list[str]) -> None:
        need(q.key in CHOICES, "yes_no: expected 'yes' or 'no'")

    def score(self, spec: dict, response: Any) -> Score:
        if response not in CHOICES:
            return invalid("expected 'yes' or 'no'")
        ok = response == spec["key"]
        return Score(float(ok), True, "", () if ok else (response,))

    def parse_typed(self, item: dict, value: Any, *, order: list[str]) -> Any:
        from pocedu.quiz.responses import AnswerError

        answer = str(value).strip().lower()
        if answer not in CHOICES:
            raise AnswerError("answer yes or no")
        return answer

    def card_body(self, item: dict, *, lang: str, order: list[str], targets: list[str]) -> str:
        return m.how(self.instructions, lang) + m.marked([("\u25cb", "Yes"), ("\u25cb", "No")])

    def moodle(self, q: Any, lang: str) -> tuple[str, list[str], str]:
        body = [f'<answer fraction="{100 if q.key == v else 0}"><text>{v == "yes"}</text>'
                "</answer>" for v in CHOICES]
        return "truefalse", body, ""

    def gift(self, q: Any, lang: str, *, title: str, general: str) -> str:
        return f"{title} {{{'TRUE' if q.key == 'yes' else 'FALSE'}{general}}}"
