"""Export the practice bank as JSON, Moodle XML or GIFT so other platforms can reuse the items."""

from __future__ import annotations

import json
from pathlib import Path
from xml.sax.saxutils import escape

from .loader import load_content
from .models import Question

FORMATS = ("json", "moodle-xml", "gift")


def export_bank(*, fmt: str = "json", lang: str = "en", module: str | None = None,
                directory: Path | None = None) -> str:
    """The practice bank (optionally one module) as text in ``fmt``."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format '{fmt}' (choose from {', '.join(FORMATS)})")
    content = load_content(directory)
    items = [q for q in content.questions.values() if module is None or q.module.startswith(module)]
    if fmt == "json":
        return to_json(items)
    if fmt == "moodle-xml":
        return to_moodle_xml(items, lang=lang)
    return to_gift(items, lang=lang)


def to_json(items: list[Question]) -> str:
    """Items as a JSON list in the content schema (keys included: instructor use only)."""
    return json.dumps({"schema_version": 1, "questions": [q.model_dump(mode="json")
                                                          for q in items]},
                      ensure_ascii=False, indent=2) + "\n"


def _feedback(q: Question, lang: str) -> str:
    return f"{q.explanation.get(lang)} (Source: {'; '.join(q.source)})"


def _moodle_one(q: Question, lang: str) -> str:
    from ..questions import types
    from ..questions.types.markup import xml_text

    kind, body, prefix = types.get(q.type).moodle(q, lang)
    return (f'<question type="{kind}"><name><text>{escape(q.id)}</text></name>'
            f'{xml_text("questiontext", q.prompt.get(lang))}'
            f'{xml_text("generalfeedback", prefix + _feedback(q, lang))}'
            f"<defaultgrade>1</defaultgrade>" + "".join(body) + "</question>")


def to_moodle_xml(items: list[Question], *, lang: str = "en") -> str:
    """Items in Moodle XML, one category per module."""
    parts = ['<?xml version="1.0" encoding="UTF-8"?>', "<quiz>"]
    current = None
    for q in items:
        if q.module != current:
            current = q.module
            parts.append(f'<question type="category"><category><text>$course$/pocedu/'
                         f"{escape(current)}</text></category></question>")
        parts.append(_moodle_one(q, lang))
    parts.append("</quiz>")
    return "\n".join(parts) + "\n"


def _gift_one(q: Question, lang: str) -> str:
    from ..questions import types
    from ..questions.types.markup import gift_escape as g

    title = f"::{g(q.id)}::[html]{g(q.prompt.get(lang))}"
    return types.get(q.type).gift(q, lang, title=title, general=f"####{g(_feedback(q, lang))}")


def to_gift(items: list[Question], *, lang: str = "en") -> str:
    """Items in Moodle GIFT format, one category per module."""
    out, current = [], None
    for q in items:
        if q.module != current:
            current = q.module
            out.append(f"$CATEGORY: $course$/pocedu/{current}\n")
        out.append(_gift_one(q, lang) + "\n")
    return "\n".join(out)
