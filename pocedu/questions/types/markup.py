"""Small markup helpers the question types share: printable-card lists, Moodle XML, GIFT."""

from __future__ import annotations

from html import escape
from typing import Any

from ...i18n import gettext

_LIST_STYLES = {"1": "decimal", "a": "lower-alpha", "A": "upper-alpha"}
_GIFT_SPECIAL = str.maketrans({c: "\\" + c for c in "~=#{}:"})


def N_(message: str) -> str:
    """Mark ``message`` for the catalogs without translating it (translated when shown)."""
    return message


def h(text: str) -> str:
    """HTML-escape ``text`` (content is never trusted as HTML)."""
    return escape(text, quote=True)


def pick(text: Any, lang: str) -> str:
    """The ``lang`` entry of a per-language text (a ``Text`` model or a dict), else English."""
    if isinstance(text, str):
        return text
    if isinstance(text, dict):
        return text.get(lang) or text.get("en") or ""
    return "" if text is None else text.get(lang)


def letter(n: int) -> str:
    """``0 -> "A"``, ``1 -> "B"``..."""
    return chr(ord("A") + n)


def marked(marks: list[tuple[str, str]]) -> str:
    """A list whose rows start with a (decorative) mark such as a box or a circle."""
    rows = "".join(f'<li><span class="pocedu-mark" aria-hidden="true">{m}</span>{t}</li>'
                   for m, t in marks)
    return f'<ul class="pocedu-marks">{rows}</ul>'


def lettered(texts: list[str], *, mark: str) -> str:
    """Options in display order with their letters (A, B, C...), as the widgets show them."""
    return marked([(mark, f'<b class="pocedu-letter">{letter(n)}.</b> {t}')
                   for n, t in enumerate(texts)])


def listed(texts: list[str], *, kind: str = "1") -> str:
    """A numbered (``1``) or lettered (``a``, ``A``) list."""
    return (f'<ol type="{kind}" style="list-style-type:{_LIST_STYLES[kind]}">'
            + "".join(f"<li>{t}</li>" for t in texts) + "</ol>")


def how(message: str, lang: str) -> str:
    """The instruction line of a card, in ``lang``."""
    return f'<p class="pocedu-how">{h(gettext(message, lang))}</p>'


def sub(message: str, lang: str) -> str:
    """A sub-heading of a card, in ``lang``."""
    return f'<p class="pocedu-sub">{h(gettext(message, lang))}</p>'


def cdata(text: str) -> str:
    """``text`` as an XML CDATA section."""
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def xml_text(tag: str, text: str, fmt: str = "html") -> str:
    """A Moodle ``<tag format=..><text>..</text></tag>`` element."""
    return f'<{tag} format="{fmt}"><text>{cdata(text)}</text></{tag}>'


def gift_escape(text: str) -> str:
    """``text`` with GIFT's special characters escaped."""
    return text.replace("\\", "\\\\").translate(_GIFT_SPECIAL).replace("\n", "\\n")
