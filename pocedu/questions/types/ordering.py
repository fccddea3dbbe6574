"""Ordering: put every item in sequence; one mark share per item in its place."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..result import Score, id_list, invalid
from . import markup as m
from .base import QuestionType, need
from .registry import register

if TYPE_CHECKING:
    from ...content.models import Question

from .markup import N_


@register
class Ordering(QuestionType):
    """Response: every item id once, first to last."""

    name = "ordering"
    widget = "pocedu.widgets.arrange:OrderingWidget"
    instructions = N_("Number these in order (1 = first).")

    def check_key(self, q: Question, *, options: list[str], bins: list[str]) -> None:
        need(isinstance(q.key, list) and sorted(q.key) == sorted(options),
             "ordering: expected every option id exactly once")

    def score(self, spec: dict, response: Any) -> Score:
        order = id_list(response)
        if order is None:
            return invalid("expected a list of item ids in order")
        if sorted(order) != sorted(spec.get("options", [])):
            return invalid("put every item in the order exactly once")
        key = spec["key"]
        wrong = tuple(o for o, k in zip(order, key, strict=True) if o != k)
        n = len(key)
        return Score((n - len(wrong)) / n, True, f"{n - len(wrong)} of {n} in place", wrong)

    def parse_typed(self, item: dict, value: Any, *, order: list[str]) -> Any:
        from ...i18n import gettext
        from ...quiz.responses import AnswerError, letters, many_options

        ids = many_options(value, order)
        if sorted(ids) != sorted(order):
            raise AnswerError(gettext("put all {n} items in order, each once (letters {letters})")
                              .format(n=len(order), letters=", ".join(letters(order))))
        return ids

    def card_body(self, item: dict, *, lang: str, order: list[str], targets: list[str]) -> str:
        opts = {o["id"]: m.h(m.pick(o["text"], lang)) for o in item["options"]}
        return m.how(self.instructions, lang) + m.lettered(
            [opts[i] for i in order], mark='<span class="pocedu-rank"></span>')

    def moodle(self, q: Question, lang: str) -> tuple[str, list[str], str]:
        # Moodle core has no ordering type: a matching item "position -> step" is portable.
        body = [f'<subquestion format="html"><text>{m.cdata(q.option(oid).text.get(lang))}'
                f"</text><answer><text>{i}</text></answer></subquestion>"
                for i, oid in enumerate(q.key, 1)]
        return "matching", body, ""

    def gift(self, q: Question, lang: str, *, title: str, general: str) -> str:
        pairs = [(q.option(oid).text.get(lang), str(i)) for i, oid in enumerate(q.key, 1)]
        return gift_pairs(pairs, title=title, general=general)


def gift_pairs(pairs: list[tuple[str, str]], *, title: str, general: str) -> str:
    """A GIFT matching question from ``(left, right)`` pairs."""
    lines = [f"\t={m.gift_escape(a)} -> {m.gift_escape(b)}" for a, b in pairs]
    return f"{title} {{\n" + "\n".join(lines) + f"\n\t{general}\n}}"
