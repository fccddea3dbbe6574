"""Interface catalogs: a PO round trip through Babel, and French number formatting."""

from __future__ import annotations

import gettext
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from pocedu import i18n


def test_po_round_trip_extract_translate_compile(tmp_path: Path) -> None:
    src = tmp_path / "widget.py"
    src.write_text('from pocedu.i18n import _\nLABEL = _("Check answer")\n', encoding="utf-8")
    pot = Catalog(domain="pocedu")
    for lineno, message, _comments, _ctx in extract_from_file("python", src):
        pot.add(message, locations=[(src.name, lineno)])
    assert [m.id for m in pot if m.id] == ["Check answer"]
    po_path = tmp_path / "fr.po"
    fr = Catalog(locale="fr", domain="pocedu")
    fr.update(pot)
    fr["Check answer"].string = "Vérifier la réponse"
    with po_path.open("wb") as fh:
        write_po(fh, fr)
    with po_path.open("rb") as fh:
        again = read_po(fh, locale="fr")
    mo = tmp_path / "fr.mo"
    with mo.open("wb") as fh:
        write_mo(fh, again)
    with mo.open("rb") as fh:
        assert gettext.GNUTranslations(fh).gettext("Check answer") == "Vérifier la réponse"


def test_shipped_french_catalog_loads_and_english_passes_through() -> None:
    assert i18n.gettext("no such message", lang="fr") == "no such message"
    assert i18n.gettext("Check answer", lang="en") == "Check answer"


def test_numbers_use_a_decimal_comma_in_french() -> None:
    assert i18n.format_number(18.233333000000002, lang="fr") == "18,23"
    assert i18n.format_number(18.233333000000002, lang="en") == "18.23"
    assert i18n.format_percent(0.75, lang="fr").replace("\u202f", " ").replace("\xa0", " ") \
        == "75 %"


def test_unknown_language_is_refused_by_name() -> None:
    try:
        i18n.set_language("de")
    except ValueError as err:
        assert "de" in str(err) and "fr" in str(err)
    else:
        raise AssertionError("set_language('de') should fail")


def test_a_quiz_question_shows_in_the_language_of_the_session(tmp_path) -> None:
    """POCEDU_LANG (set for the student's kernels) makes a released quiz French."""
    import json

    from pocedu.quiz.runtime import Quiz

    item = {"id": "g01-x-single-01", "label": "Q1", "type": "single", "module": "01_definitions",
            "prompt": {"en": "Which tier?", "fr": "Quel niveau ?"},
            "options": [{"id": "a", "text": {"en": "Tier I", "fr": "Niveau I"}},
                        {"id": "b", "text": {"en": "Tier II", "fr": "Niveau II"}}],
            "bins": [], "rubric": [], "points": 1}
    (tmp_path / "quiz99.items.json").write_text(json.dumps(
        {"schema": 1, "assignment": "quiz99", "items": [item]}), encoding="utf-8")
    try:
        i18n.set_language("fr")
        widget = Quiz("quiz99", directory=tmp_path, student="s01").ask("Q1")
        assert widget.lang == "fr" and "Niveau I" in widget.texts.values()
    finally:
        i18n.set_language("en")


def test_every_interface_string_has_a_french_translation(tmp_path) -> None:
    """Extract every ``_()`` string of pocedu with Babel: the French catalog covers them all."""
    from pathlib import Path

    from babel.messages.extract import extract_from_dir

    root = Path(i18n.__file__).resolve().parents[1]
    found = {msg if isinstance(msg, str) else msg[0]
             for _file, _line, msg, _comments, _ctx in extract_from_dir(
                 str(root / "pocedu"), method_map=[("**.py", "python")])}
    from babel.messages.pofile import read_po

    with (i18n.LOCALE_DIR / "fr" / "LC_MESSAGES" / "pocedu.po").open("rb") as fh:
        catalog = read_po(fh, locale="fr")

    def translated(msgid: str) -> bool:
        entry = catalog.get(msgid)
        if entry is None or entry.fuzzy:
            return False
        return bool(entry.string) if isinstance(entry.string, str) else all(entry.string)

    missing = sorted(m for m in found if m and not translated(m))
    assert not missing, missing
    assert len(found) > 100


def test_the_capstone_follows_the_lesson_language() -> None:
    from pocedu.scenario.play import Exercise, self_test

    try:
        i18n.set_language("fr")
        ex = Exercise()
        assert ex.lang == "fr"
        assert self_test().lang == "fr"
        assert Exercise(lang="en").lang == "en"
    finally:
        i18n.set_language("en")
