"""Export the practice bank as JSON, Moodle XML or GIFT so other platforms can reuse the items."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
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


def _cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _xml_text(tag: str, text: str, fmt: str = "html") -> str:
    return f'<{tag} format="{fmt}"><text>{_cdata(text)}</text></{tag}>'


def _moodle_one(q: Question, lang: str) -> str:
    t = lambda x: x.get(lang)  # noqa: E731
    head = (f'<question type="{{kind}}"><name><text>{escape(q.id)}</text></name>'
            f'{_xml_text("questiontext", t(q.prompt))}'
            f'{_xml_text("generalfeedback", _feedback(q, lang))}'
            f"<defaultgrade>1</defaultgrade>")
    body: list[str] = []
    if q.type in ("single", "multiple"):
        key = [q.key] if q.type == "single" else q.key
        kind = "multichoice"
        body.append(f"<single>{'true' if q.type == 'single' else 'false'}</single>")
        body.append("<shuffleanswers>1</shuffleanswers><answernumbering>abc</answernumbering>")
        wrong = len(q.options) - len(key)
        for o in q.options:
            if o.id in key:
                frac = 100 / len(key)
            else:
                frac = 0 if q.type == "single" else -100 / max(len(key), 1) if wrong else 0
            fb = _xml_text("feedback", t(o.feedback)) if o.feedback else ""
            body.append(f'<answer fraction="{frac:.7g}" format="html"><text>{_cdata(t(o.text))}'
                        f"</text>{fb}</answer>")
    elif q.type == "true_false":
        kind = "truefalse"
        just = q.option(q.key["justification"])
        head = head.replace(_xml_text("generalfeedback", _feedback(q, lang)),
                            _xml_text("generalfeedback",
                                      f"{t(just.text)}. {_feedback(q, lang)}"))
        for value in (True, False):
            frac = 100 if q.key["value"] is value else 0
            body.append(f'<answer fraction="{frac}"><text>{str(value).lower()}</text></answer>')
    elif q.type in ("classification", "matching"):
        kind = "matching"
        bins = {b.id: t(b.text) for b in q.bins}
        body.append("<shuffleanswers>1</shuffleanswers>")
        for o in q.options:
            body.append(f"<subquestion format=\"html\"><text>{_cdata(t(o.text))}</text>"
                        f"<answer><text>{escape(bins[q.key[o.id]])}</text></answer></subquestion>")
    elif q.type == "ordering":
        # Moodle core has no ordering type: a matching item "position -> step" is portable.
        kind = "matching"
        for i, oid in enumerate(q.key, 1):
            body.append(f"<subquestion format=\"html\"><text>{_cdata(t(q.option(oid).text))}"
                        f"</text><answer><text>{i}</text></answer></subquestion>")
    else:
        kind = "essay"
        rubric = "<ul>" + "".join(f"<li>{escape(t(r.text))}</li>" for r in q.rubric) + "</ul>"
        body.append(_xml_text("graderinfo", f"<p>{escape(t(q.model_answer))}</p>{rubric}"))
        body.append("<responseformat>editor</responseformat><responsefieldlines>10"
                    "</responsefieldlines>")
    return head.replace("{kind}", kind) + "".join(body) + "</question>"


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


_GIFT_SPECIAL = str.maketrans({c: "\\" + c for c in "~=#{}:"})


def _g(text: str) -> str:
    return text.replace("\\", "\\\\").translate(_GIFT_SPECIAL).replace("\n", "\\n")


def _gift_one(q: Question, lang: str) -> str:
    t = lambda x: x.get(lang)  # noqa: E731
    title = f"::{_g(q.id)}::[html]{_g(t(q.prompt))}"
    general = f"####{_g(_feedback(q, lang))}"
    lines: list[Any] = []
    if q.type in ("single", "multiple"):
        key = [q.key] if q.type == "single" else q.key
        for o in q.options:
            fb = f"#{_g(t(o.feedback))}" if o.feedback else ""
            if q.type == "single":
                mark = "=" if o.id in key else "~"
            else:
                w = 100 / len(key) if o.id in key else -100 / len(key)
                mark = f"~%{w:.7g}%"
            lines.append(f"\t{mark}{_g(t(o.text))}{fb}")
        return f"{title} {{\n" + "\n".join(lines) + f"\n\t{general}\n}}"
    if q.type == "true_false":
        return f"{title} {{{'TRUE' if q.key['value'] else 'FALSE'}{general}}}"
    if q.type in ("classification", "matching", "ordering"):
        if q.type == "ordering":
            pairs = [(t(q.option(oid).text), str(i)) for i, oid in enumerate(q.key, 1)]
        else:
            bins = {b.id: t(b.text) for b in q.bins}
            pairs = [(t(o.text), bins[q.key[o.id]]) for o in q.options]
        lines = [f"\t={_g(a)} -> {_g(b)}" for a, b in pairs]
        return f"{title} {{\n" + "\n".join(lines) + f"\n\t{general}\n}}"
    return f"{title} {{{general}}}"


def to_gift(items: list[Question], *, lang: str = "en") -> str:
    """Items in Moodle GIFT format, one category per module."""
    out, current = [], None
    for q in items:
        if q.module != current:
            current = q.module
            out.append(f"$CATEGORY: $course$/pocedu/{current}\n")
        out.append(_gift_one(q, lang) + "\n")
    return "\n".join(out)
