"""Turn a practice feedback dict into the HTML a student sees and its plain-text twin.

Right and wrong are never shown by colour alone: an icon and a word always go with the colour.
"""

from __future__ import annotations

from typing import Any

from .style import CORRECT, NEUTRAL, WRONG
from .text import h, pick, ui

CHECK_MARK = "\u2714"
CROSS = "\u2718"
INFO = "\u2139"
MISSED = "\u25cb"
"""A neutral marker (white circle) for right options a student left out."""


def option_texts(item: dict, lang: str) -> dict[str, str]:
    """Option id -> display text of ``item``."""
    return {o["id"]: pick(o["text"], lang) for o in item.get("options", [])}


def verdict(fb: dict, lang: str) -> tuple[str, str, str]:
    """(icon, words, colour) for a valid feedback dict."""
    if fb.get("correct"):
        return CHECK_MARK, ui("correct", lang), CORRECT
    words = ui("wrong", lang)
    score = float(fb.get("score") or 0.0)
    if score > 0:
        words += f" ({ui('partly', lang)}: {round(score * 100)}%)"
    return CROSS, words, WRONG


def invalid_feedback(message: str) -> dict:
    """A feedback dict for an answer that cannot be scored (nothing is recorded)."""
    return {"score": 0.0, "valid": False, "correct": False, "message": message, "wrong": [],
            "option_feedback": [], "explanation": None, "source": [], "model_answer": None}


def render_invalid(message: str) -> tuple[str, str]:
    """HTML and text for an invalid answer: only the message."""
    html = (f'<div class="pocedu-fb" role="status" style="border-left:6px solid {NEUTRAL};'
            f'padding:6px 12px">{INFO} {h(message)}</div>')
    return html, f"{INFO} {message}"


def render(fb: dict, item: dict, *, lang: str = "en", heading: tuple[str, str, str] | None = None,
           extra_html: str = "", extra_text: str = "", response: Any = None,
           texts: dict[str, str] | None = None) -> tuple[str, str]:
    """HTML and plain text for a valid feedback dict ``fb`` on ``item``.

    For multiple choice, ``response`` splits the options to revisit into wrong choices (✘,
    with their notes) and right options left out, which are only counted (naming them would
    give the key away before "Try again"); other types list them under "Look again at".
    ``texts`` are the option texts as shown (with their letters).
    """
    icon, words, colour = heading or verdict(fb, lang)
    css = "pocedu-correct" if colour == CORRECT else "pocedu-wrong" if colour == WRONG else ""
    texts = texts or option_texts(item, lang)
    lines = [f"{icon} {words}."]
    html = [f'<div class="pocedu-fb {css}" role="status" style="border-left:6px solid {colour};'
            f'padding:6px 12px"><div style="color:{colour};font-weight:700;font-size:20px">'
            f'<span aria-hidden="true">{icon}</span> {h(words)}</div>']
    chosen = _chosen(item, response)
    wrong = list(fb.get("wrong") or [])
    message = fb.get("message") or ""
    if chosen is not None:
        message = _counts([o for o in wrong if o in chosen], [o for o in wrong if o not in chosen],
                          lang)
    if message and not fb.get("correct"):
        lines.append(message)
        html.append(f"<div>{h(message)}</div>")
    if chosen is None:
        groups = [(ui("look_again", lang), CROSS, wrong)]
    else:
        groups = [(ui("chose_wrong", lang), CROSS, [o for o in wrong if o in chosen])]
    for title, mark, ids in groups:
        notes = _option_notes(fb, texts, ids)
        if not notes:
            continue
        lines.append(f"{title}:")
        lines += [f"- {mark} {t}" + (f": {n}" if n else "") for t, n in notes]
        html.append(f"<div><b>{h(title)}:</b><ul style='list-style:none;padding-left:1em'>")
        html += [f"<li><span aria-hidden='true'>{mark}</span> <i>{h(t)}</i>"
                 + (f": {h(n)}" if n else "") + "</li>" for t, n in notes]
        html.append("</ul></div>")
    if extra_html or extra_text:
        html.append(extra_html)
        lines.append(extra_text)
    if fb.get("explanation"):
        lines.append(f"{ui('why', lang)}: {fb['explanation']}")
        html.append(f"<p><b>{h(ui('why', lang))}:</b> {h(fb['explanation'])}</p>")
    sources = "; ".join(fb.get("source") or [])
    if sources:
        lines.append(f"{ui('source', lang)}: {sources}")
        html.append(f"<p><b>{h(ui('source', lang))}:</b> <i>{h(sources)}</i></p>")
    html.append("</div>")
    return "".join(html), "\n".join(line for line in lines if line)


def _counts(wrong: list[str], missing: list[str], lang: str) -> str:
    """How many choices are wrong and how many right answers are missing (never which)."""
    from ..i18n import ngettext

    parts = []
    if wrong:
        parts.append(ngettext("{n} of your choices is wrong", "{n} of your choices are wrong",
                              len(wrong), lang).format(n=len(wrong)))
    if missing:
        parts.append(ngettext("{n} right answer is missing", "{n} right answers are missing",
                              len(missing), lang).format(n=len(missing)))
    return "; ".join(parts) + "." if parts else ""


def _chosen(item: dict, response: Any) -> set[str] | None:
    """The options a multiple-choice ``response`` ticked; None for other types (one list)."""
    if item.get("type") != "multiple" or not isinstance(response, list | tuple):
        return None
    return {str(o) for o in response}


def _option_notes(fb: dict, texts: dict[str, str], ids: list[str]) -> list[tuple[str, str]]:
    """(option text, its feedback or '') for each option id in ``ids``."""
    per_option = {o["option"]: o.get("text") or "" for o in fb.get("option_feedback") or []}
    return [(texts.get(oid, oid), per_option.get(oid, "")) for oid in ids]


def as_dict(value: Any) -> dict:
    """Accept a feedback dict or an object with the same attributes (e.g. a dataclass)."""
    if isinstance(value, dict):
        return value
    raise TypeError(f"check() must return the dict of feedback_for(), got {type(value).__name__}")
