"""``ask()``: practice questions from the packaged bank, with feedback and progress recording."""

from __future__ import annotations

from typing import Any

from .base import QuestionWidget
from .tracking import TRACKER, Bank


class QuestionList(list):
    """Several question widgets; displaying the list shows them one under the other."""

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        import ipywidgets as w

        return w.VBox([q.widget for q in self])._repr_mimebundle_(**kwargs)


def practice_widget(question: Any, *, lang: str = "en",
                    number: int | None = None) -> QuestionWidget:
    """A practice widget for a ``Question`` model whose answers go to the tracker.

    Every change is saved (``TRACKER.save_response``) and every checked answer recorded; a
    saved answer is shown again, with its feedback when it had been checked.
    """
    from ..questions.public import feedback_for, public_item
    from .factory import build

    restoring = False

    def check(response: Any) -> dict:
        fb = feedback_for(question, response, lang=lang)
        if fb["valid"] and not restoring:
            TRACKER.record(item_id=question.id, module=question.module,
                           section=question.section, score=fb["score"], correct=fb["correct"],
                           response=response)
        return fb

    def changed(response: Any) -> None:
        TRACKER.save_response(question.id, section=question.section, response=response)

    item = public_item(question)
    order = None
    if question.type == "ordering":  # never show the items already in the right order
        from .arrange import practice_order

        order = practice_order(question.id, [o["id"] for o in item["options"]])
        if order == list(question.key):
            order = order[1:] + order[:1]
    TRACKER.was_asked(question.id, question.module)
    saved = TRACKER.saved(question.id)
    widget = build(item, mode="practice", lang=lang, check=check, number=number, order=order,
                   initial=saved.response if saved else None, on_answer=changed)
    if saved is not None and saved.checked and widget.response is not None:
        restoring = True
        try:
            widget.check()
        finally:
            restoring = False
    return widget


def ask(ids: str | list[str], *, lang: str = "en",
        bank: Bank | None = None) -> QuestionWidget | QuestionList:
    """Practice item(s) from the packaged bank by id; a list of ids gives a list of widgets.

    Items of a list are headed "Question 1", "Question 2"... in the order given.

    Unknown ids raise ``KeyError`` naming close matches. ``bank`` replaces the packaged bank.
    """
    if bank is None:
        from ..content import packaged

        bank = packaged()
    if isinstance(ids, str):
        return practice_widget(bank.question(ids), lang=lang)
    if not isinstance(ids, list | tuple) or not all(isinstance(i, str) for i in ids):
        raise TypeError(f"ask() takes an item id or a list of ids, not {ids!r}")
    questions = [bank.question(i) for i in ids]
    return QuestionList(practice_widget(q, lang=lang, number=n)
                        for n, q in enumerate(questions, 1))
