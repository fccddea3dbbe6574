"""The lesson helper: start, ask, figure, progress and references on the packaged content."""

from __future__ import annotations

from typing import Any

import pytest

from pocedu import lesson
from pocedu.content import ContentError, packaged
from pocedu.widgets.references import ranges
from pocedu.widgets.tracking import TRACKER


def _bank() -> Any:
    try:
        return packaged()
    except ContentError:
        return None


BANK = _bank()
needs_bank = pytest.mark.skipif(BANK is None, reason="the packaged bank does not load yet")


@pytest.fixture(autouse=True)
def shown(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Collect what the lesson displays instead of printing it."""
    TRACKER.reset()
    out: list[Any] = []
    monkeypatch.setattr(lesson, "_display", out.append)
    yield out
    TRACKER.reset()


def test_start_sets_module_and_shows_projector_css(shown: list[Any]) -> None:
    lesson.start("02_tiers_phases")
    assert TRACKER.current == "02_tiers_phases"
    css = shown[0].data
    assert "<style>" in css and "font-size: 17px" in css
    assert "#0072B2" in css and "#D55E00" in css


def test_start_refuses_unknown_module() -> None:
    with pytest.raises(ValueError, match="did you mean '02_tiers_phases'"):
        lesson.start("02_tiers")


def test_unknown_figure_gives_a_short_note(shown: list[Any]) -> None:
    assert lesson.figure("risk_matrx") is None
    note = shown[-1]
    assert "no figure called 'risk_matrx'" in note.text and "Did you mean: risk_matrix" in note.text
    assert "\u26a0" in note._repr_html_()


@pytest.mark.slow
def test_figure_shows_the_named_figure(shown: list[Any]) -> None:
    lesson.figure("risk_matrix")
    assert type(shown[-1]).__name__ == "Figure"


@needs_bank
def test_ask_and_progress_on_the_packaged_bank() -> None:
    lesson.start("02_tiers_phases")
    items = BANK.module_questions("02_tiers_phases")
    q = next(q for q in items if q.type == "single")
    w = lesson.ask(q.id)
    w.set_response(next(s.response for s in q.samples if s.kind == "correct"))
    w._check_button.click()
    summary = lesson.progress()
    assert (summary.module, summary.answered, summary.correct) == ("02_tiers_phases", 1, 1)
    assert summary.total == len(items)
    assert sum(s.total for s in summary.sections) == len(items)
    assert "answered 1 of" in summary._repr_html_()


@needs_bank
def test_ask_unknown_id_names_close_matches() -> None:
    q = next(iter(BANK.questions))
    with pytest.raises(KeyError, match=q):
        lesson.ask(q[:-1] + "x")


@needs_bank
@pytest.mark.parametrize("module", ["01_definitions", "02_tiers_phases", "04_crsv_cp"])
def test_references_cover_every_pointer_of_the_module(module: str) -> None:
    if not BANK.module_questions(module):
        pytest.skip(f"no items for {module} yet")
    refs = lesson.references(module)
    cited = [p for d in refs.documents for p in d.pointers]
    for q in BANK.module_questions(module):
        assert set(q.source) <= set(cited), q.id
    assert refs.unresolved == []
    titles = {d.pointer_name: d.title for d in refs.documents}
    if "POC Policy 2015" in titles:
        assert titles["POC Policy 2015"].startswith("DPKO/DFS Policy: The Protection of Civilians")
    assert "<b>" in refs._repr_html_()


def test_ranges_are_compact() -> None:
    assert ranges([47, 30, 31, 32, 33, 31]) == "30\u201333, 47"
    assert ranges([5]) == "5"
