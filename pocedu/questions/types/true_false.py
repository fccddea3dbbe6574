"""True/false with a justification: half the marks for the value, half for the reason."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..result import Score, invalid
from . import markup as m
from .base import QuestionType, need
from .registry import register

if TYPE_CHECKING:
    from ...content.models import Question

from .markup import N_


@register
class TrueFalse(QuestionType):
    """Response ``{"value": true, "justification": "j2"}`` (the justification may be absent)."""

    name = "true_false"
    widget = "pocedu.widgets.choice:TrueFalseWidget"
    instructions = N_("Choose True or False.")

    def check_key(self, q: Question, *, options: list[str], bins: list[str]) -> None:
        key = q.key
        need(isinstance(key, dict) and isinstance(key.get("value"), bool)
             and set(key) == {"value", "justification"},
             "true_false: expected {value: true/false, justification: option id}")
        need(key["justification"] in options,
             f"names justification '{key['justification']}', which does not exist")

    def score(self, spec: dict, response: Any) -> Score:
        if not isinstance(response, dict) or not isinstance(response.get("value"), bool):
            return invalid("expected {'value': true/false, 'justification': option id}")
        extra = set(response) - {"value", "justification"}
        if extra:
            return invalid(f"unexpected field(s): {', '.join(sorted(extra))}")
        just = response.get("justification")
        if just is not None and just not in spec.get("options", []):
            return invalid(f"unknown justification id: {just}")
        key = spec["key"]
        value_ok = response["value"] == key["value"]
        just_ok = just == key["justification"]
        wrong = () if just_ok or just is None else (just,)
        return Score(0.5 * value_ok + 0.5 * (value_ok and just_ok), True, "", wrong)

    def parse_typed(self, item: dict, value: Any, *, order: list[str]) -> Any:
        from ...quiz.responses import true_false_answer

        return true_false_answer(value, order)

    def card_body(self, item: dict, *, lang: str, order: list[str], targets: list[str]) -> str:
        from ...widgets.text import ui

        opts = {o["id"]: m.h(m.pick(o["text"], lang)) for o in item["options"]}
        return (m.how(self.instructions, lang)
                + m.marked([("\u25cb", m.h(ui("true", lang))), ("\u25cb", m.h(ui("false", lang)))])
                + f'<p class="pocedu-sub">{m.h(ui("because", lang))}</p>'
                + m.lettered([opts[i] for i in order], mark="\u25cb"))

    def moodle(self, q: Question, lang: str) -> tuple[str, list[str], str]:
        body = [f'<answer fraction="{100 if q.key["value"] is value else 0}"><text>'
                f"{str(value).lower()}</text></answer>" for value in (True, False)]
        return "truefalse", body, f"{q.option(q.key['justification']).text.get(lang)}. "

    def gift(self, q: Question, lang: str, *, title: str, general: str) -> str:
        return f"{title} {{{'TRUE' if q.key['value'] else 'FALSE'}{general}}}"
