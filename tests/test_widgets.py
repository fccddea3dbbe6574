"""Question widgets driven from Python as a student's clicks would drive them (no kernel)."""

from __future__ import annotations

import difflib
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import pytest

from pocedu.questions.public import public_item
from pocedu.widgets import build
from pocedu.widgets.practice import QuestionList, ask
from pocedu.widgets.tracking import TRACKER, progress

# Small real items of every type, validated by the content schema (module 02).
P30 = "POC Policy 2015 para 30"
P31 = "POC Policy 2015 para 31"

ITEMS: list[dict[str, Any]] = [
    {"id": "t-tiers-single-01", "module": "02_tiers_phases", "objective": 1, "type": "single",
     "section": "tiers", "source": P30,
     "prompt": {"en": "Under which tier does mediation between parties to a conflict fall?"},
     "options": [
         {"id": "a", "text": {"en": "Tier I: protection through dialogue and engagement"}},
         {"id": "b", "text": {"en": "Tier II: provision of physical protection"},
          "feedback": {"en": "Tier II is the show or use of force by police and military."}},
         {"id": "c", "text": {"en": "Tier III: establishment of a protective environment"}}],
     "key": "a",
     "explanation": {"en": "Mediation and conflict resolution are Tier I activities."},
     "samples": [{"kind": "correct", "response": "a", "score": 1},
                 {"kind": "wrong", "response": "b", "score": 0},
                 {"kind": "invalid", "response": "z", "score": 0}]},
    {"id": "t-phases-multiple-01", "module": "02_tiers_phases", "objective": 2,
     "type": "multiple", "section": "phases", "source": P31,
     "prompt": {"en": "Which of these are operational phases of POC?"},
     "options": [
         {"id": "a", "text": {"en": "Prevention"}},
         {"id": "b", "text": {"en": "Pre-emption"}},
         {"id": "c", "text": {"en": "Deterrence"},
          "feedback": {"en": "Deterring is a purpose of Tier II action, not a phase."}},
         {"id": "d", "text": {"en": "Consolidation"}}],
     "key": ["a", "b", "d"],
     "explanation": {"en": "The four phases are prevention, pre-emption, response and "
                           "consolidation."},
     "samples": [{"kind": "correct", "response": ["a", "b", "d"], "score": 1},
                 {"kind": "wrong", "response": ["c"], "score": 0},
                 {"kind": "invalid", "response": [], "score": 0}]},
    {"id": "t-tiers-tf-01", "module": "02_tiers_phases", "objective": 1, "type": "true_false",
     "section": "tiers", "source": P30,
     "prompt": {"en": "The three tiers must be carried out in sequence, starting with Tier I."},
     "options": [
         {"id": "j1", "text": {"en": "The Policy sets no hierarchy or sequence of tiers."}},
         {"id": "j2", "text": {"en": "Dialogue always comes first because it uses no force."},
          "feedback": {"en": "All three tiers can be used at the same time."}}],
     "key": {"value": False, "justification": "j1"},
     "explanation": {"en": "The tiers reinforce each other and are implemented simultaneously."},
     "samples": [{"kind": "correct", "response": {"value": False, "justification": "j1"},
                  "score": 1},
                 {"kind": "wrong", "response": {"value": True, "justification": "j2"},
                  "score": 0},
                 {"kind": "invalid", "response": {"value": "no"}, "score": 0}]},
    {"id": "t-phases-order-01", "module": "02_tiers_phases", "objective": 2, "type": "ordering",
     "section": "phases", "source": P31,
     "prompt": {"en": "Put the four phases in the order in which the Policy lists them."},
     "options": [{"id": "p1", "text": {"en": "Prevention"}},
                 {"id": "p2", "text": {"en": "Pre-emption"}},
                 {"id": "p3", "text": {"en": "Response"}},
                 {"id": "p4", "text": {"en": "Consolidation"}}],
     "key": ["p1", "p2", "p3", "p4"],
     "explanation": {"en": "Listed as prevention, pre-emption, response, consolidation; they need "
                           "not happen in that order."},
     "samples": [{"kind": "correct", "response": ["p1", "p2", "p3", "p4"], "score": 1},
                 {"kind": "wrong", "response": ["p4", "p3", "p2", "p1"], "score": 0},
                 {"kind": "invalid", "response": ["p1"], "score": 0}]},
    {"id": "t-tiers-classify-01", "module": "02_tiers_phases", "objective": 1,
     "type": "classification", "section": "tiers", "source": P30,
     "prompt": {"en": "Place each activity in its tier."},
     "options": [
         {"id": "mediate", "text": {"en": "Mediation between parties to the conflict"}},
         {"id": "patrol", "text": {"en": "A formed police unit shows force to deter an attack"},
          "feedback": {"en": "Showing or using force is Tier II."}},
         {"id": "programme", "text": {"en": "A long-term peacebuilding programme"}}],
     "bins": [{"id": "tier-1", "text": {"en": "Tier I"}},
              {"id": "tier-2", "text": {"en": "Tier II"}},
              {"id": "tier-3", "text": {"en": "Tier III"}}],
     "key": {"mediate": "tier-1", "patrol": "tier-2", "programme": "tier-3"},
     "explanation": {"en": "Dialogue is Tier I, force is Tier II, programmes are Tier III."},
     "samples": [{"kind": "correct", "score": 1,
                  "response": {"mediate": "tier-1", "patrol": "tier-2", "programme": "tier-3"}},
                 {"kind": "wrong", "score": 0,
                  "response": {"mediate": "tier-2", "patrol": "tier-3", "programme": "tier-1"}},
                 {"kind": "invalid", "response": {"mediate": "tier-9"}, "score": 0}]},
    {"id": "t-tiers-match-01", "module": "02_tiers_phases", "objective": 1, "type": "matching",
     "section": "tiers", "source": P30,
     "prompt": {"en": "Match each tier with its name."},
     "options": [{"id": "t1", "text": {"en": "Tier I"}},
                 {"id": "t2", "text": {"en": "Tier II"},
                  "feedback": {"en": "Tier II is physical protection."}},
                 {"id": "t3", "text": {"en": "Tier III"}}],
     "bins": [{"id": "dialogue", "text": {"en": "Protection through dialogue and engagement"}},
              {"id": "physical", "text": {"en": "Provision of physical protection"}},
              {"id": "environment", "text": {"en": "Establishment of a protective environment"}}],
     "key": {"t1": "dialogue", "t2": "physical", "t3": "environment"},
     "explanation": {"en": "These are the Policy's names of the three tiers."},
     "samples": [{"kind": "correct", "score": 1,
                  "response": {"t1": "dialogue", "t2": "physical", "t3": "environment"}},
                 {"kind": "wrong", "score": 0,
                  "response": {"t1": "physical", "t2": "environment", "t3": "dialogue"}},
                 {"kind": "invalid", "response": "dialogue", "score": 0}]},
    {"id": "t-risk-short-01", "module": "02_tiers_phases", "objective": 3, "type": "short_text",
     "section": "risk", "source": "POC Policy 2015 para 47",
     "prompt": {"en": "In your own words: when is a POC threat 'imminent'?"},
     "rubric": [{"id": "r1", "text": {"en": "It rests on the mission's reasonable belief."}},
                {"id": "r2", "text": {"en": "It names intent, capacity, record and opportunity."}},
                {"id": "r3", "text": {"en": "Violence need not be certain or under way."}}],
     "model_answer": {"en": "As soon as the mission reasonably believes that a potential "
                            "perpetrator has hostile intent, capacity, a historical record and "
                            "opportunity; violence need not be certain or already happening."},
     "explanation": {"en": "Imminence is judged by four markers, not by timing."},
     "samples": [{"kind": "correct", "score": 1,
                  "response": {"text": "x", "checked": ["r1", "r2", "r3"]}},
                 {"kind": "wrong", "score": 0, "response": {"text": "soon", "checked": []}},
                 {"kind": "invalid", "response": {"text": "  "}, "score": 0}]},
]




class InlineBank:
    """A tiny practice bank over validated items (the packaged bank's question/module API)."""

    def __init__(self, items: list[dict[str, Any]] | None = None) -> None:
        from pocedu.content.models import QuestionFile

        bank = QuestionFile.model_validate({"schema_version": 1, "module": "02_tiers_phases",
                                            "questions": items or ITEMS})
        self.questions = {q.id: q for q in bank.questions}

    def question(self, item_id: str) -> Any:
        if item_id not in self.questions:
            close = difflib.get_close_matches(item_id, self.questions, n=3)
            raise KeyError(f"no question '{item_id}' (did you mean {', '.join(close)}?)")
        return self.questions[item_id]

    def module_questions(self, module: str) -> list[Any]:
        return [q for q in self.questions.values() if q.module.startswith(module)]

    def by_type(self, kind: str) -> Any:
        return next(q for q in self.questions.values() if q.type == kind)


BANK = InlineBank()
TYPES = ["single", "multiple", "true_false", "ordering", "classification", "matching",
         "short_text"]


@pytest.fixture(autouse=True)
def fresh_tracker():
    TRACKER.reset()
    yield
    TRACKER.reset()


def sample(q: Any, kind: str) -> Any:
    return next(s.response for s in q.samples if s.kind == kind)


# ----- clicks: set controls as a student would, one helper per type ---------------------------
def click_single(w: Any, r: Any) -> None:
    w._controls.value = r


def click_multiple(w: Any, r: Any) -> None:
    for oid, box in w._controls.items():
        box.value = oid in r


def click_true_false(w: Any, r: Any) -> None:
    w._controls["value"].value = r["value"]
    w._controls["justification"].value = r.get("justification")


def click_ordering(w: Any, r: Any) -> None:
    for target, oid in enumerate(r):  # press "Up" until each item reaches its place
        while w._current.index(oid) > target:
            w._up[oid].click()
    if w.response is None:  # already in this order: take it as it is
        w.keep_order()


def click_placement(w: Any, r: Any) -> None:
    for oid, control in w._controls.items():
        if oid in r:
            control.value = r[oid]


def click_short_text(w: Any, r: Any) -> None:
    w._controls["text"].value = r["text"]


CLICK: dict[str, Callable[[Any, Any], None]] = {
    "single": click_single, "multiple": click_multiple, "true_false": click_true_false,
    "ordering": click_ordering, "classification": click_placement, "matching": click_placement,
    "short_text": click_short_text,
}
EMPTY_MESSAGE = {
    "single": "Choose an option first.", "multiple": "Tick at least one option first.",
    "true_false": "Choose True or False first.", "classification": "Place at least one item first.",
    "matching": "Place at least one item first.", "short_text": "Write an answer first.",
}


def practice(q: Any, **kw: Any) -> Any:
    return ask(q.id, bank=BANK, **kw)


def press_check(w: Any, q: Any, response: Any) -> None:
    """Press Check; for short text, then tick the rubric points of ``response``."""
    w._check_button.click()
    if q.type == "short_text":
        for rid in response.get("checked", []):
            w._controls["rubric"][rid].value = True


# ----- practice mode: right, wrong, invalid for each of the seven types ------------------------
@pytest.mark.parametrize("kind", TYPES)
def test_practice_right_answer(kind: str) -> None:
    q = BANK.by_type(kind)
    w = practice(q)
    right = sample(q, "correct")
    CLICK[kind](w, right)
    press_check(w, q, right)
    text = w.feedback_text
    if kind == "short_text":
        assert "Self-assessed: 3 of 3 points" in text
        assert "Model answer: As soon as the mission reasonably believes" in text
    else:
        assert text.startswith("\u2714 Correct.")
        assert w.feedback["correct"] is True
    assert f"Why: {q.explanation.en}" in text
    assert f"Source: {q.source[0]}" in text
    assert progress("02_tiers_phases", bank=BANK).scores == {q.id: 1.0}
    assert w._retry_button.layout.display is None and w._check_button.layout.display == "none"


@pytest.mark.parametrize("kind", TYPES)
def test_practice_wrong_answer_then_retry(kind: str) -> None:
    q = BANK.by_type(kind)
    w = practice(q)
    wrong = sample(q, "wrong")
    CLICK[kind](w, wrong)
    press_check(w, q, wrong)
    text = w.feedback_text
    if kind == "short_text":
        assert "Self-assessed: 0 of 3 points" in text
    else:
        assert text.startswith("\u2718 Not quite.")
        if kind == "multiple":  # wrong choices and missed right ones are listed apart
            assert "You chose, but it is wrong:" in text and "Look again at:" not in text
        else:
            assert "Look again at:" in text
        for o in q.options:  # per-option feedback of every option marked wrong
            if o.feedback and o.id in w.feedback["wrong"]:
                assert f"{o.text.en}: {o.feedback.en}" in text
        assert all(c.disabled for c in w._inputs())
    assert progress("02_tiers_phases", bank=BANK).scores == {q.id: 0.0}
    w._retry_button.click()
    assert w.feedback_text == "" and w.feedback is None
    assert not any(c.disabled for c in w._inputs())
    assert w._check_button.layout.display is None


@pytest.mark.parametrize("kind", [k for k in TYPES if k != "ordering"])
def test_practice_empty_answer_shows_message_and_records_nothing(kind: str) -> None:
    q = BANK.by_type(kind)
    w = practice(q)
    if kind == "true_false":  # a reason but no True/False
        w._controls["justification"].value = "j1"
    if kind == "short_text":
        w._controls["text"].value = "   "
    w._check_button.click()
    assert w.feedback_text == f"\u2139 {EMPTY_MESSAGE[kind]}"
    assert w.feedback is None
    assert progress("02_tiers_phases", bank=BANK).answered == 0
    assert w._check_button.layout.display is None  # still answerable


@pytest.mark.parametrize("kind", TYPES)
def test_invalid_ids_are_refused_and_record_nothing(kind: str) -> None:
    q = BANK.by_type(kind)
    w = practice(q)
    bad = {"single": "zz", "multiple": ["zz"], "true_false": {"value": True, "justification": "zz"},
           "ordering": ["p1", "zz"], "classification": {"mediate": "tier-9"},
           "matching": {"zz": "dialogue"}, "short_text": {"text": "x", "checked": ["zz"]}}[kind]
    with pytest.raises(ValueError, match="unknown"):
        w.set_response(bad)
    with pytest.raises(ValueError):
        w.set_response({"short_text": {"text": 3}, "multiple": "a"}.get(kind, sample(q, "invalid")))
    assert progress("02_tiers_phases", bank=BANK).answered == 0


def test_partly_right_answer_says_so() -> None:
    q = BANK.by_type("classification")
    w = practice(q)
    click_placement(w, {"mediate": "tier-1", "patrol": "tier-3", "programme": "tier-3"})
    fb = w.check()
    assert fb["score"] == pytest.approx(2 / 3)
    assert "Not quite (partly right: 67%)" in w.feedback_text
    assert "2 of 3 placed correctly" in w.feedback_text
    note = "A formed police unit shows force to deter an attack: Showing or using force is Tier II."
    assert note in w.feedback_text


def test_retry_then_right_answer_keeps_the_latest_score() -> None:
    q = BANK.by_type("single")
    w = practice(q)
    w.set_response("b")
    assert w.check()["correct"] is False
    w.retry()
    w.set_response("a")
    assert w.check()["correct"] is True
    summary = progress("02_tiers_phases", bank=BANK)
    assert summary.scores == {q.id: 1.0} and summary.correct == 1
    assert TRACKER.attempts[q.id].attempts == 2


def test_feedback_is_not_colour_alone() -> None:
    q = BANK.by_type("single")
    w = practice(q)
    w.set_response("a")
    w.check()
    shown = w._feedback_box.value
    assert "#0072B2" in shown and "\u2714" in shown and "Correct" in shown
    w.retry()
    w.set_response("b")
    w.check()
    shown = w._feedback_box.value
    assert "#B84F00" in shown and "\u2718" in shown and "Not quite" in shown


def test_short_text_reveals_rubric_only_after_check() -> None:
    q = BANK.by_type("short_text")
    w = practice(q)
    assert w._rubric_box.layout.display == "none"
    w._controls["text"].value = "When the mission reasonably believes it."
    w.check()
    assert w._rubric_box.layout.display is None
    w._controls["rubric"]["r1"].value = True
    assert w.response == {"text": "When the mission reasonably believes it.", "checked": ["r1"]}
    assert "Self-assessed: 1 of 3 points" in w.feedback_text
    assert progress("02_tiers_phases", bank=BANK).scores[q.id] == pytest.approx(1 / 3)
    w.retry()
    assert w._rubric_box.layout.display == "none" and w.response["checked"] == []


def test_ordering_buttons_are_keyboard_buttons_and_ends_are_disabled() -> None:
    q = BANK.by_type("ordering")
    w = practice(q)
    assert w.response is None  # an untouched list is not an answer
    assert "Move the items" in w.check()["message"] and w.feedback is None
    first, last = w._current[0], w._current[-1]
    assert w._up[first].disabled and w._down[last].disabled
    assert w._up[last].description == "Up" and "one place up" in w._up[last].tooltip
    w.move(last, -1)
    assert w.response[-2] == last
    assert "<b>1.</b> <span class='pocedu-letter'>(A)</span>" in w._labels[first].value


def test_practice_ordering_is_not_shown_in_file_order() -> None:
    q = BANK.by_type("ordering")
    assert practice(q)._current != [o.id for o in q.options]


# ----- quiz mode -------------------------------------------------------------------------------
def quiz(q: Any, *, initial: Any = None) -> tuple[Any, list[Any]]:
    calls: list[Any] = []
    order = [o.id for o in q.options][::-1]
    w = build(public_item(q, label="Question 3"), mode="quiz", initial=initial, order=order,
              on_answer=calls.append)
    return w, calls


@pytest.mark.parametrize("kind", TYPES)
def test_quiz_saves_every_change_and_never_shows_correctness(kind: str) -> None:
    q = BANK.by_type(kind)
    w, calls = quiz(q)
    assert calls == [] and w.feedback_text == ""
    right, wrong = sample(q, "correct"), sample(q, "wrong")
    if kind == "short_text":
        right, wrong = {"text": "A", "checked": []}, {"text": "AB", "checked": []}
    CLICK[kind](w, wrong)
    CLICK[kind](w, right)
    assert calls and calls[-1] == right == w.response
    assert len(calls) >= 2
    assert "Saved" in w.feedback_text
    assert "Correct" not in w.feedback_text and "Not quite" not in w.feedback_text
    assert not hasattr(w, "_check_button")
    with pytest.raises(RuntimeError):
        w.check()


@pytest.mark.parametrize("kind", TYPES)
def test_quiz_shows_initial_without_saving(kind: str) -> None:
    q = BANK.by_type(kind)
    initial = sample(q, "correct")
    w, calls = quiz(q, initial=initial)
    assert w.response == initial
    assert calls == [] and w.feedback_text == ""
    w.set_response(sample(q, "wrong"))
    assert calls == [sample(q, "wrong")]


def test_quiz_uses_the_given_order() -> None:
    q = BANK.by_type("single")
    w, _ = quiz(q)
    assert [v for _, v in w._controls.options] == ["c", "b", "a"]
    assert w._controls.value is None  # nothing pre-selected


def test_quiz_ordering_can_save_the_order_shown() -> None:
    q = BANK.by_type("ordering")
    w, calls = quiz(q)
    w._keep_button.click()
    assert calls == [["p4", "p3", "p2", "p1"]]


def test_quiz_clearing_an_answer_saves_none() -> None:
    q = BANK.by_type("multiple")
    w, calls = quiz(q)
    w._controls["a"].value = True
    w._controls["a"].value = False
    assert calls == [["a"], None]
    assert "Answer cleared" in w.feedback_text


def test_quiz_bad_initial_is_reported_not_raised() -> None:
    q = BANK.by_type("single")
    w, calls = quiz(q, initial="zz")
    assert w.response is None and calls == []
    assert "could not be shown" in w.feedback_text


def test_quiz_save_failure_is_shown() -> None:
    q = BANK.by_type("single")

    def broken(_r: Any) -> None:
        raise OSError("disk full")

    w = build(public_item(q), mode="quiz", on_answer=broken)
    with pytest.raises(OSError):
        w.set_response("a")
    assert "Not saved: disk full" in w.feedback_text


# ----- contract details ------------------------------------------------------------------------
def test_build_refuses_bad_arguments() -> None:
    q = BANK.by_type("single")
    item = public_item(q)
    with pytest.raises(ValueError, match="holds a key"):
        build({**item, "key": "a"}, mode="quiz")
    with pytest.raises(ValueError, match="no widget for item type"):
        build({**item, "type": "essay"}, mode="quiz")
    with pytest.raises(ValueError, match="needs check="):
        build(item, mode="practice")
    with pytest.raises(ValueError, match="mode must be"):
        build(item, mode="exam", check=dict)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="order must list every option"):
        build(item, mode="quiz", order=["a", "b"])


def test_text_is_escaped_and_controls_do_not_allow_html() -> None:
    items = [dict(ITEMS[0], prompt={"en": "<script>alert(1)</script> Which tier?"})]
    w = ask("t-tiers-single-01", bank=InlineBank(items))
    shown = w.widget.children[0].value
    assert "<script>" not in shown and "&lt;script&gt;" in shown
    assert w._controls.description_allow_html is False


def test_widget_displays_as_a_bare_object() -> None:
    w = practice(BANK.by_type("single"))
    bundle = w._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert w.widget.model_id == bundle["application/vnd.jupyter.widget-view+json"]["model_id"]
    many = ask([q.id for q in BANK.questions.values()], bank=BANK)
    assert isinstance(many, QuestionList) and len(many) == 7
    assert "application/vnd.jupyter.widget-view+json" in many._repr_mimebundle_()


def test_buttons_have_labels_and_tooltips() -> None:
    w = practice(BANK.by_type("single"))
    for b in (w._check_button, w._retry_button):
        assert b.description and b.tooltip and b.layout.width == "auto"


def test_french_interface() -> None:
    q = BANK.by_type("single")
    w = ask(q.id, bank=BANK, lang="fr")
    assert w._check_button.description == "Vérifier"
    w.check()
    assert "Choisissez d'abord une option." in w.feedback_text


def test_unknown_id_names_close_matches() -> None:
    with pytest.raises(KeyError, match="t-tiers-single-01"):
        ask("t-tiers-single-1", bank=BANK)


def test_progress_summary_per_section() -> None:
    for kind in ("single", "multiple", "true_false"):
        q = BANK.by_type(kind)
        w = practice(q)
        w.set_response(sample(q, "correct" if kind != "multiple" else "wrong"))
        w.check()
    practice(BANK.by_type("short_text"))  # asked, not answered
    summary = progress("02_tiers_phases", bank=BANK)
    assert (summary.answered, summary.correct, summary.total) == (3, 2, 4)  # the items asked
    by = {s.section: (s.total, s.answered, s.correct) for s in summary.sections}
    assert by == {"tiers": (2, 2, 2), "phases": (1, 1, 0), "risk": (1, 0, 0)}
    html = summary._repr_html_()
    assert "answered 3 of 4, correct 2" in html and "<th scope='col'>Section</th>" in html
    assert "module 02" in html and "02_tiers_phases" not in html


def test_import_pocedu_is_light() -> None:
    code = ("import sys, pocedu; heavy = ('ipywidgets', 'plotly', 'pandas', 'pydantic'); "
            "print([m for m in heavy if m in sys.modules]); print(callable(pocedu.ask))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["[]", "True"]


# ----- every packaged practice item renders and scores its own samples -------------------------
def _packaged_items() -> list[Any]:
    from pocedu.content import ContentError, packaged

    try:
        return list(packaged().questions.values())
    except ContentError:
        return []


PACKAGED = _packaged_items()


@pytest.mark.slow
@pytest.mark.skipif(not PACKAGED, reason="the packaged bank does not load yet")
def test_every_packaged_item_works_in_both_modes() -> None:
    from pocedu.content import packaged

    bank = packaged()
    for q in PACKAGED:
        w = ask(q.id, bank=bank)
        right = sample(q, "correct")
        w.set_response(right)
        if q.type == "short_text":
            w.check()
        fb = w.check()
        assert fb["correct"], (q.id, w.feedback_text)
        calls: list[Any] = []
        qw = build(public_item(q), mode="quiz", initial=right, on_answer=calls.append)
        assert qw.response == right and calls == [], q.id


def test_ask_heads_items_question_n_and_keeps_the_id_muted() -> None:
    ids = list(BANK.questions)[:2]
    widgets = ask(ids, bank=BANK)
    head = widgets[1].widget.children[0].value
    assert "Question 2" in head and f'data-item-id="{ids[1]}"' in head
    assert ids[1] not in head.replace(f'data-item-id="{ids[1]}"', "")  # never on screen


def test_quiz_label_is_the_heading() -> None:
    w = build(public_item(BANK.by_type("single"), label="Q3"), mode="quiz")
    assert '<span class="pocedu-qnum pocedu-label">Q3</span>' in w.widget.children[0].value


def test_multiple_feedback_counts_missed_options_without_naming_them() -> None:
    q = BANK.by_type("multiple")
    w = practice(q)
    w.set_response(["c"])
    w.check()
    text = w.feedback_text
    letter = w.letters["c"]
    assert f"You chose, but it is wrong:\n- \u2718 {letter}. Deterrence" in text
    assert "1 of your choices is wrong; 3 right answers are missing." in text
    missed = [w.texts[k] for k in q.key]
    assert not any(t in text for t in missed) and "You missed" not in text


def test_options_carry_letters_in_the_order_shown() -> None:
    q = BANK.by_type("single")
    order = [o.id for o in q.options][::-1]
    w = build(public_item(q), mode="quiz", order=order)
    labels = [label for label, _ in w._controls.options]
    assert [lab[:3] for lab in labels] == [f"{c}. " for c in "ABCD"[:len(order)]]
    assert labels[0].endswith(w.texts[order[0]])


def test_ordering_buttons_keep_their_width() -> None:
    q = BANK.by_type("ordering")
    w = practice(q)
    for b in [*w._up.values(), *w._down.values()]:
        assert b.layout.min_width and b.layout.flex == "none"


def test_css_marks_the_chosen_toggle_with_a_check_mark_and_radios_sit_first() -> None:
    from pocedu.widgets.style import CSS

    assert 'content: "\\2713\\00a0"' in CSS  # a CSS escape, not a Python one
    assert "order: -1" in CSS


def test_practice_ordering_never_starts_in_the_right_order():
    from pocedu.content import packaged
    from pocedu.widgets import ask

    for q in packaged().questions.values():
        if q.type == "ordering":
            assert ask(q.id).response != list(q.key), q.id


def _contrast(a: str, b: str) -> float:
    def lum(hexcolor: str) -> float:
        rgb = [int(hexcolor[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_lesson_text_and_note_boxes_read_on_a_projector() -> None:
    from pocedu.widgets import style

    for background in ("#FFFFFF", style.WARNING_BG, style.INFO_BG):
        assert _contrast(style.TEXT, background) >= 4.5
    for colour in (style.MUTED, style.NEUTRAL, style.CORRECT, style.WRONG):
        assert _contrast(colour, "#FFFFFF") >= 4.5
    assert ".jp-RenderedMarkdown.jp-RenderedHTMLCommon { font-size: 17px" in style.CSS
    assert f".alert-warning {{ background: {style.WARNING_BG}" in style.CSS
