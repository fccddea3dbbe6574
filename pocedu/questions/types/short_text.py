"""Short written answers: no key; self-assessed against rubric points (graded by a person)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from ..result import Score, id_list, invalid
from . import markup as m
from .base import QuestionType, need
from .registry import register

if TYPE_CHECKING:
    from ...content.models import Question

from .markup import N_


@register
class ShortText(QuestionType):
    """Response ``{"text": "...", "checked": [rubric ids]}``; score = ticked / rubric points."""

    name = "short_text"
    widget = "pocedu.widgets.short_text:ShortTextWidget"
    needs_options = False
    instructions = N_("Write your answer in the box.")

    def check_key(self, q: Question, *, options: list[str], bins: list[str]) -> None:
        need(q.key is None, "short_text items have no key; use rubric and model_answer")
        if not q.rubric or q.model_answer is None:
            raise ValueError("rubric: a short_text item needs rubric points and a model_answer")

    def score(self, spec: dict, response: Any) -> Score:
        if not isinstance(response, dict) or not isinstance(response.get("text"), str):
            return invalid("expected {'text': your answer, 'checked': [rubric ids]}")
        if not response["text"].strip():
            return invalid("write an answer first")
        checked = id_list(response.get("checked", []))
        rubric = spec.get("rubric", [])
        if checked is None or any(c not in rubric for c in checked):
            return invalid("checked rubric points must be rubric ids")
        if len(set(checked)) != len(checked):
            return invalid("a rubric point is checked twice")
        value = len(checked) / len(rubric) if rubric else 1.0
        return Score(value, True, f"{len(checked)} of {len(rubric)} points self-checked")

    def parse_typed(self, item: dict, value: Any, *, order: list[str]) -> Any:
        from ...i18n import gettext
        from ...quiz.responses import AnswerError

        if not isinstance(value, str) or not value.strip():
            raise AnswerError(gettext("write your answer as text"))
        return {"text": value, "checked": []}

    def card_body(self, item: dict, *, lang: str, order: list[str], targets: list[str]) -> str:
        return (m.how(self.instructions, lang)
                + '<div class="pocedu-blank" role="presentation"></div>')

    def moodle(self, q: Question, lang: str) -> tuple[str, list[str], str]:
        rubric = "<ul>" + "".join(f"<li>{escape(r.text.get(lang))}</li>" for r in q.rubric)
        model = escape(q.model_answer.get(lang)) if q.model_answer else ""
        body = [m.xml_text("graderinfo", f"<p>{model}</p>{rubric}</ul>"),
                "<responseformat>editor</responseformat><responsefieldlines>10"
                "</responsefieldlines>"]
        return "essay", body, ""

    def gift(self, q: Question, lang: str, *, title: str, general: str) -> str:
        return f"{title} {{{general}}}"
