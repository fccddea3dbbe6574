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
def shown(monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> list[Any]:
    """Collect what the lesson displays instead of printing it; the notebook folder is tmp."""
    monkeypatch.chdir(tmp_path)
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
    assert "#0072B2" in css and "#B84F00" in css


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
    assert summary.total == 1  # exactly the questions asked
    assert sum(s.total for s in summary.sections) == 1
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


@needs_bank
def test_practice_answers_and_progress_survive_a_kernel_restart(tmp_path: Any,
                                                               shown: list[Any]) -> None:
    from pocedu.widgets.practice_store import practice_path

    lesson.start("02_tiers_phases")
    items = BANK.module_questions("02_tiers_phases")
    single = next(q for q in items if q.type == "single")
    multiple = next(q for q in items if q.type == "multiple")
    right = next(s.response for s in single.samples if s.kind == "correct")
    chosen = next(s.response for s in multiple.samples if s.kind == "wrong")
    w1, w2 = lesson.ask([single.id, multiple.id])
    w1.set_response(right)
    w1._check_button.click()
    w2.set_response(chosen)  # changed, never checked
    assert practice_path(tmp_path, "02_tiers_phases").is_file()

    TRACKER.reset()  # the kernel restarts; Run All runs the cells again
    lesson.start("02_tiers_phases")
    assert lesson.progress().answered == 0  # nothing asked yet in this session
    v1, v2 = lesson.ask([single.id, multiple.id])
    assert v1.response == right and v1.feedback is not None and "Correct" in v1.feedback_text
    assert v2.response == sorted(chosen, key=[o.id for o in multiple.options].index)
    assert v2.feedback is None  # it had not been checked
    summary = lesson.progress()
    assert (summary.answered, summary.correct, summary.total) == (1, 1, 2)
    assert TRACKER.attempts[single.id].attempts == 1  # showing it again is not a new attempt
    v1._retry_button.click()
    TRACKER.reset()
    lesson.start("02_tiers_phases")
    again = lesson.ask(single.id)
    assert again.response == right and again.feedback is None


def test_an_unreadable_practice_store_is_kept_aside(tmp_path: Any, shown: list[Any]) -> None:
    (tmp_path / "02_tiers_phases.practice.json").write_text("{not json", encoding="utf-8")
    lesson.start("02_tiers_phases")
    assert list(tmp_path.glob("02_tiers_phases.practice.corrupt-*.json"))
    assert any("could not be read" in getattr(x, "text", "") for x in shown)
