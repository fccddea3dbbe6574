"""``build()``: the one entry point that picks the widget class for an item's type (registry)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .base import Mode, QuestionWidget


def widget_class(kind: Any) -> type[QuestionWidget]:
    """The widget class registered for the item type ``kind`` (``ValueError`` if none)."""
    from ..questions import types

    try:
        return types.get(kind).widget_class()
    except types.UnknownTypeError:
        raise ValueError(f"no widget for item type {kind!r} "
                         f"(known: {', '.join(types.names())})") from None


def build(item: dict, *, mode: Mode, lang: str = "en", initial: Any = None,
          order: list[str] | None = None, on_answer: Callable[[Any], None] | None = None,
          check: Callable[[Any], dict] | None = None,
          number: int | None = None) -> QuestionWidget:
    """The widget for the public ``item`` (see ``pocedu.questions.public.public_item``).

    ``mode="quiz"`` calls ``on_answer(response)`` on every change and never shows correctness;
    ``mode="practice"`` shows a Check button that calls ``check(response)`` (a ``feedback_for``
    dict) and displays the feedback. ``initial`` is a stored response shown without calling
    ``on_answer``; ``order`` is the display order of option ids; ``number`` shows
    "Question N" above a practice item (its id stays as a muted note for instructors).
    """
    if not isinstance(item, dict):
        raise TypeError(f"item must be a public item dict, not {type(item).__name__}")
    if "key" in item:
        raise ValueError(f"item '{item.get('id')}' holds a key; pass public_item(question)")
    return widget_class(item.get("type"))(item, mode=mode, lang=lang, initial=initial, order=order,
                         on_answer=on_answer, check=check, number=number)
