"""Interface strings in the student's language, through gettext catalogs made with Babel.

Catalogs live in ``pocedu/locale/<lang>/LC_MESSAGES/pocedu.po`` (extracted with
``pybabel extract -F babel.cfg``, translated, and read here through Babel: no compiled
``.mo`` file is committed). Content text (questions, knowledge base) is not here: it is a
per-language map in the YAML (``Text.get(lang)``).

Use ``_("Check answer")`` for a string in the current language, ``gettext(msg, lang="fr")``
for a given one, and ``format_number`` / ``format_percent`` for numbers (decimal comma in
French).
"""

from __future__ import annotations

import gettext as _gettext
import io
import os
from functools import cache
from pathlib import Path

LANGUAGES = ("en", "fr")
DOMAIN = "pocedu"
LOCALE_DIR = Path(__file__).parent / "locale"

_current = os.environ.get("POCEDU_LANG", "en") if os.environ.get("POCEDU_LANG") in LANGUAGES \
    else "en"


def check_language(lang: str) -> str:
    """Return ``lang`` if pocedu supports it, else raise ValueError naming the choices."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language '{lang}': choose one of {', '.join(LANGUAGES)}")
    return lang


def set_language(lang: str) -> None:
    """Make ``lang`` the language of every later ``_()`` call in this process."""
    global _current
    _current = check_language(lang)


def get_language() -> str:
    """The current interface language."""
    return _current


@cache
def translations(lang: str) -> _gettext.NullTranslations:
    """The catalog of ``lang`` (English, the source language, has none)."""
    po = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    if lang == "en" or not po.is_file():
        return _gettext.NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as fh:
        catalog = read_po(fh, locale=lang, domain=DOMAIN)
    buf = io.BytesIO()
    write_mo(buf, catalog, use_fuzzy=False)
    buf.seek(0)
    return _gettext.GNUTranslations(buf)


def gettext(message: str, lang: str | None = None) -> str:
    """``message`` in ``lang`` (default: the current language)."""
    return translations(lang or _current).gettext(message)


def ngettext(singular: str, plural: str, n: int, lang: str | None = None) -> str:
    """The singular or plural form of a message for ``n``, in ``lang``."""
    return translations(lang or _current).ngettext(singular, plural, n)


_ = gettext


def format_number(value: float, lang: str | None = None, digits: int = 2) -> str:
    """A number for people: ``0.75`` -> ``0.75`` in English, ``0,75`` in French."""
    from babel.numbers import format_decimal

    fmt = "#,##0." + "#" * digits if digits else "#,##0"
    return format_decimal(value, format=fmt, locale=lang or _current)


def format_percent(value: float, lang: str | None = None) -> str:
    """A share as a percentage: ``0.75`` -> ``75%`` (``75 %`` in French)."""
    from babel.numbers import format_percent as _fp

    return _fp(value, locale=lang or _current)
