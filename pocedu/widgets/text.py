"""Interface strings (through gettext, see ``pocedu.i18n``) and picking a language from a
per-language text map."""

from __future__ import annotations

from html import escape
from typing import Any

from ..questions.types.markup import N_

UI: dict[str, dict[str, str]] = {
    "en": {
        "check": N_("Check"),
        "check_tip": N_("Check your answer and see the explanation"),
        "retry": N_("Try again"),
        "retry_tip": N_("Clear the feedback and change your answer"),
        "correct": N_("Correct"),
        "wrong": N_("Not quite"),
        "partly": N_("partly right"),
        "saved": N_("Saved"),
        "cleared": N_("Answer cleared"),
        "not_saved": N_("Not saved"),
        "why": N_("Why"),
        "source": N_("Source"),
        "look_again": N_("Look again at"),
        "chose_wrong": N_("You chose, but it is wrong"),
        "missed": N_("You missed (also right)"),
        "question": N_("Question"),
        "question_n": N_("Question {n}"),
        "item_id_tip": N_("Item id (for instructors): {id}"),
        "your_choice": N_("your choice"),
        "choose": N_("Choose an option first."),
        "choose_some": N_("Tick at least one option first."),
        "choose_tf": N_("Choose True or False first."),
        "place_some": N_("Place at least one item first."),
        "order_first": N_("Move the items into the order you think is right first."),
        "write": N_("Write an answer first."),
        "true": N_("True"),
        "false": N_("False"),
        "because": N_("Which reason supports your answer?"),
        "pick_bin": N_("Choose…"),
        "pick_match": N_("Choose a match…"),
        "up": N_("Up"),
        "down": N_("Down"),
        "move_up": N_("Move '{item}' one place up"),
        "move_down": N_("Move '{item}' one place down"),
        "keep_order": N_("Save this order"),
        "keep_order_tip": N_("Save the order shown as your answer"),
        "model_answer": N_("Model answer"),
        "self_assess": N_("Tick each point that your answer makes:"),
        "self_score": N_("Self-assessed: {n} of {total} points"),
        "bad_initial": N_("Your saved answer could not be shown ({error}); please answer again."),
        "bin_for": N_("Category for: {item}"),
        "match_for": N_("Match for: {item}"),
    },
}
"""English interface strings by key: the msgids of the gettext catalogs (``pocedu/locale``)."""


def ui(key: str, lang: str = "en", **fields: Any) -> str:
    """The interface string ``key`` in ``lang`` (English if missing), formatted with ``fields``."""
    from ..i18n import gettext

    text = gettext(UI["en"][key], lang)
    return text.format(**fields) if fields else text


def pick(text: Any, lang: str = "en") -> str:
    """The ``lang`` entry of a per-language map (``{"en": ..., "fr": ...}``), else English."""
    if isinstance(text, str):
        return text
    if isinstance(text, dict):
        return text.get(lang) or text.get("en") or ""
    if text is None:
        return ""
    getter = getattr(text, "get", None)
    return getter(lang) if callable(getter) else str(text)


def h(text: str) -> str:
    """HTML-escape ``text`` (content is never trusted as HTML)."""
    return escape(text, quote=True)
