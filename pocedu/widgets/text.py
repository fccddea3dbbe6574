"""Interface strings in each language, and picking a language from a per-language text map."""

from __future__ import annotations

from html import escape
from typing import Any

UI: dict[str, dict[str, str]] = {
    "en": {
        "check": "Check",
        "check_tip": "Check your answer and see the explanation",
        "retry": "Try again",
        "retry_tip": "Clear the feedback and change your answer",
        "correct": "Correct",
        "wrong": "Not quite",
        "partly": "partly right",
        "saved": "Saved",
        "cleared": "Answer cleared",
        "not_saved": "Not saved",
        "why": "Why",
        "source": "Source",
        "look_again": "Look again at",
        "chose_wrong": "You chose, but it is wrong",
        "missed": "You missed (also right)",
        "question": "Question",
        "question_n": "Question {n}",
        "item_id_tip": "Item id (for instructors): {id}",
        "your_choice": "your choice",
        "choose": "Choose an option first.",
        "choose_some": "Tick at least one option first.",
        "choose_tf": "Choose True or False first.",
        "place_some": "Place at least one item first.",
        "write": "Write an answer first.",
        "true": "True",
        "false": "False",
        "because": "Which reason supports your answer?",
        "pick_bin": "Choose…",
        "pick_match": "Choose a match…",
        "up": "Up",
        "down": "Down",
        "move_up": "Move '{item}' one place up",
        "move_down": "Move '{item}' one place down",
        "keep_order": "Save this order",
        "keep_order_tip": "Save the order shown as your answer",
        "model_answer": "Model answer",
        "self_assess": "Tick each point that your answer makes:",
        "self_score": "Self-assessed: {n} of {total} points",
        "bad_initial": "Your saved answer could not be shown ({error}); please answer again.",
        "bin_for": "Category for: {item}",
        "match_for": "Match for: {item}",
    },
    "fr": {
        "check": "Vérifier",
        "check_tip": "Vérifier votre réponse et voir l'explication",
        "retry": "Réessayer",
        "retry_tip": "Effacer le retour et modifier votre réponse",
        "correct": "Correct",
        "wrong": "Pas tout à fait",
        "partly": "en partie juste",
        "saved": "Enregistré",
        "cleared": "Réponse effacée",
        "not_saved": "Non enregistré",
        "why": "Pourquoi",
        "source": "Source",
        "look_again": "Revoyez",
        "chose_wrong": "Vous l'avez choisi, mais c'est faux",
        "missed": "Vous l'avez oublié (juste aussi)",
        "question": "Question",
        "question_n": "Question {n}",
        "item_id_tip": "Identifiant de l'item (pour les formateurs) : {id}",
        "your_choice": "votre choix",
        "choose": "Choisissez d'abord une option.",
        "choose_some": "Cochez d'abord au moins une option.",
        "choose_tf": "Choisissez d'abord Vrai ou Faux.",
        "place_some": "Placez d'abord au moins un élément.",
        "write": "Écrivez d'abord une réponse.",
        "true": "Vrai",
        "false": "Faux",
        "because": "Quelle raison justifie votre réponse ?",
        "pick_bin": "Choisir…",
        "pick_match": "Choisir une correspondance…",
        "up": "Monter",
        "down": "Descendre",
        "move_up": "Monter « {item} » d'une place",
        "move_down": "Descendre « {item} » d'une place",
        "keep_order": "Enregistrer cet ordre",
        "keep_order_tip": "Enregistrer l'ordre affiché comme réponse",
        "model_answer": "Réponse modèle",
        "self_assess": "Cochez chaque point que votre réponse contient :",
        "self_score": "Auto-évaluation : {n} points sur {total}",
        "bad_initial": "Votre réponse enregistrée n'a pas pu être affichée ({error}) ; "
        "veuillez répondre à nouveau.",
        "bin_for": "Catégorie pour : {item}",
        "match_for": "Correspondance pour : {item}",
    },
}


def ui(key: str, lang: str = "en", **fields: Any) -> str:
    """The interface string ``key`` in ``lang`` (English if missing), formatted with ``fields``."""
    table = UI.get(lang, UI["en"])
    text = table.get(key) or UI["en"][key]
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
