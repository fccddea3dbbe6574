"""Single and multiple choice: pick one option, or every option that applies."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...i18n import gettext
from ..result import Score, id_list, invalid
from . import markup as m
from .base import QuestionType, need
from .registry import register

if TYPE_CHECKING:
    from ...content.models import Question

from .markup import N_


@register
class Single(QuestionType):
    """One option is right; response ``"b"``."""

    name = "single"
    widget = "pocedu.widgets.choice:SingleWidget"
    instructions = N_("Choose one answer.")

    def check_key(self, q: Question, *, options: list[str], bins: list[str]) -> None:
        need(isinstance(q.key, str), "single: expected one option id")
        need(q.key in options, f"names option '{q.key}', which does not exist")

    def score(self, spec: dict, response: Any) -> Score:
        if not isinstance(response, str):
            return invalid("expected one option id")
        if response not in spec.get("options", []):
            return invalid(f"unknown option id: {response}")
        ok = response == spec.get("key")
        return Score(1.0 if ok else 0.0, True, "", () if ok else (response,))

    def parse_typed(self, item: dict, value: Any, *, order: list[str]) -> Any:
        from ...quiz.responses import one_option

        return one_option(value, order)

    def card_body(self, item: dict, *, lang: str, order: list[str], targets: list[str]) -> str:
        opts = {o["id"]: m.h(m.pick(o["text"], lang)) for o in item["options"]}
        return m.how(self.instructions, lang) + m.lettered([opts[i] for i in order],
                                                           mark="\u25cb")

    def moodle(self, q: Question, lang: str) -> tuple[str, list[str], str]:
        return "multichoice", _moodle_choices(q, lang, [q.key], single=True), ""

    def gift(self, q: Question, lang: str, *, title: str, general: str) -> str:
        return _gift_choices(q, lang, [q.key], single=True, title=title, general=general)


@register
class Multiple(QuestionType):
    """Several options are right; response ``["a", "c"]``; wrong picks cancel right ones."""

    name = "multiple"
    widget = "pocedu.widgets.choice:MultipleWidget"
    instructions = N_("Choose every answer that applies.")

    def check_key(self, q: Question, *, options: list[str], bins: list[str]) -> None:
        key = q.key
        need(isinstance(key, list) and bool(key) and all(isinstance(k, str) for k in key),
             "multiple: expected a non-empty list of option ids")
        missing = [k for k in key if k not in options]
        need(not missing, f"names option(s) {', '.join(missing)}, which do not exist")

    def score(self, spec: dict, response: Any) -> Score:
        chosen = id_list(response)
        if chosen is None:
            return invalid("expected a list of option ids")
        if len(set(chosen)) != len(chosen):
            return invalid("an option is chosen twice")
        unknown = [c for c in chosen if c not in spec.get("options", [])]
        if unknown:
            return invalid(f"unknown option id(s): {', '.join(unknown)}")
        if not chosen:
            return invalid("choose at least one option")
        key = spec["key"]
        hits = [c for c in chosen if c in key]
        false = [c for c in chosen if c not in key]
        missed = [k for k in key if k not in chosen]
        value = max(0.0, (len(hits) - len(false)) / len(key))
        return Score(value, True, f"{len(hits)} of {len(key)} right, {len(false)} wrong",
                     tuple(false + missed))

    def parse_typed(self, item: dict, value: Any, *, order: list[str]) -> Any:
        from ...quiz.responses import AnswerError, many_options

        ids = many_options(value, order)
        if not ids:
            raise AnswerError(gettext("choose at least one option"))
        return ids

    def card_body(self, item: dict, *, lang: str, order: list[str], targets: list[str]) -> str:
        opts = {o["id"]: m.h(m.pick(o["text"], lang)) for o in item["options"]}
        return m.how(self.instructions, lang) + m.lettered([opts[i] for i in order],
                                                           mark="\u2610")

    def moodle(self, q: Question, lang: str) -> tuple[str, list[str], str]:
        return "multichoice", _moodle_choices(q, lang, list(q.key), single=False), ""

    def gift(self, q: Question, lang: str, *, title: str, general: str) -> str:
        return _gift_choices(q, lang, list(q.key), single=False, title=title, general=general)


def _moodle_choices(q: Question, lang: str, key: list[str], *, single: bool) -> list[str]:
    body = [f"<single>{'true' if single else 'false'}</single>",
            "<shuffleanswers>1</shuffleanswers><answernumbering>ABCD</answernumbering>"]
    wrong = len(q.options) - len(key)
    for o in q.options:
        if o.id in key:
            frac: float = 100 / len(key)
        else:
            frac = 0 if single else -100 / max(len(key), 1) if wrong else 0
        fb = m.xml_text("feedback", o.feedback.get(lang)) if o.feedback else ""
        body.append(f'<answer fraction="{frac:.7g}" format="html"><text>'
                    f"{m.cdata(o.text.get(lang))}</text>{fb}</answer>")
    return body


def _gift_choices(q: Question, lang: str, key: list[str], *, single: bool, title: str,
                  general: str) -> str:
    lines = []
    for o in q.options:
        fb = f"#{m.gift_escape(o.feedback.get(lang))}" if o.feedback else ""
        if single:
            mark = "=" if o.id in key else "~"
        else:
            w = 100 / len(key) if o.id in key else -100 / len(key)
            mark = f"~%{w:.7g}%"
        lines.append(f"\t{mark}{m.gift_escape(o.text.get(lang))}{fb}")
    return f"{title} {{\n" + "\n".join(lines) + f"\n\t{general}\n}}"
