"""Classification (each item into a bin) and matching (each item to a target)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from ..result import Score
from . import markup as m
from .base import QuestionType, mapping_score, need
from .ordering import gift_pairs
from .registry import register

if TYPE_CHECKING:
    from ...content.models import Question

from .markup import N_


@register
class Classification(QuestionType):
    """Response ``{item id: bin id}``; one mark share per item in its bin."""

    name = "classification"
    widget = "pocedu.widgets.arrange:PlacementWidget"
    instructions = N_("Put each lettered item into one of the numbered groups.")
    bins_title = N_("Groups")
    items_title = N_("Items")

    def check_key(self, q: Question, *, options: list[str], bins: list[str]) -> None:
        t, key = self.name, q.key
        need(len(bins) >= 2, f"a {t} item needs at least 2 bins")
        need(isinstance(key, dict), f"{t}: expected a mapping of option id to bin id")
        missing = [o for o in options if o not in key]
        need(not missing, f"option(s) {', '.join(missing)} have no bin")
        unknown = [k for k in key if k not in options]
        need(not unknown, f"names option(s) {', '.join(unknown)}, which do not exist")
        bad = [v for v in key.values() if v not in bins]
        need(not bad, f"names bin(s) {', '.join(sorted(set(bad)))}, which do not exist")

    def score(self, spec: dict, response: Any) -> Score:
        return mapping_score(spec, response, spec.get("bins", []))

    def parse_typed(self, item: dict, value: Any, *, order: list[str]) -> Any:
        from ...quiz.responses import mapping_answer

        return mapping_answer(value, order, [b["id"] for b in item.get("bins", [])])

    def card_body(self, item: dict, *, lang: str, order: list[str], targets: list[str]) -> str:
        opts = {o["id"]: m.h(m.pick(o["text"], lang)) for o in item["options"]}
        bins = {b["id"]: m.h(m.pick(b["text"], lang)) for b in item["bins"]}
        return (m.how(self.instructions, lang)
                + m.sub(self.items_title, lang) + m.lettered([opts[i] for i in order], mark="")
                + m.sub(self.bins_title, lang) + m.listed([bins[b] for b in targets]))

    def moodle(self, q: Question, lang: str) -> tuple[str, list[str], str]:
        bins = {b.id: b.text.get(lang) for b in q.bins}
        body = ["<shuffleanswers>1</shuffleanswers>"]
        body += [f'<subquestion format="html"><text>{m.cdata(o.text.get(lang))}</text>'
                 f"<answer><text>{escape(bins[q.key[o.id]])}</text></answer></subquestion>"
                 for o in q.options]
        return "matching", body, ""

    def gift(self, q: Question, lang: str, *, title: str, general: str) -> str:
        bins = {b.id: b.text.get(lang) for b in q.bins}
        return gift_pairs([(o.text.get(lang), bins[q.key[o.id]]) for o in q.options],
                          title=title, general=general)


@register
class Matching(Classification):
    """Response ``{left id: right id}``; the right side is shown in its own shuffled order."""

    name = "matching"
    widget = "pocedu.widgets.arrange:MatchingWidget"
    instructions = N_("Match each lettered item with one numbered description.")
    bins_title = N_("Descriptions")
