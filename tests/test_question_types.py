"""The question-type registry: every built-in type behind it, and a toy type added in one file."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from pocedu.content.models import Question
from pocedu.content.models.questions import BUILT_IN_TYPES
from pocedu.questions import types
from pocedu.questions.grading import score, spec_of
from pocedu.questions.public import feedback_for, public_item

TOY = Path(__file__).parent / "data" / "toy_question_type.py"


@pytest.fixture(scope="module")
def toy() -> object:
    spec = importlib.util.spec_from_file_location("toy_question_type", TOY)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["toy_question_type"] = module
    spec.loader.exec_module(module)
    return module


def toy_record() -> dict:
    return {
        "id": "01-toy-yesno-01", "module": "01_definitions", "objective": 1, "type": "yes_no",
        "prompt": {"en": "Is the host state primarily responsible for protecting civilians?"},
        "key": "yes", "explanation": {"en": "The host state has the primary responsibility."},
        "source": ["POC Policy 2015 para 15"],
        "samples": [{"kind": "correct", "response": "yes", "score": 1},
                    {"kind": "wrong", "response": "no", "score": 0},
                    {"kind": "invalid", "response": "maybe", "score": 0}]}


def toy_question() -> Question:
    return Question.model_validate(toy_record())


def test_every_built_in_type_is_registered_with_a_widget() -> None:
    assert set(BUILT_IN_TYPES) <= set(types.names())
    for name in BUILT_IN_TYPES:
        kind = types.get(name)
        assert kind.name == name and kind.instructions
        assert kind.widget_class().kind == name


def test_unknown_type_is_refused_by_the_schema_naming_the_known_ones() -> None:
    with pytest.raises(ValueError, match="unknown item type: 'essay'.*single"):
        Question.model_validate({**toy_record(), "type": "essay"})


def test_a_toy_type_added_in_one_file_works_end_to_end(toy: object) -> None:
    from pocedu.content.export import to_gift, to_moodle_xml
    from pocedu.offline_html import item_card
    from pocedu.quiz.responses import parse_answer
    from pocedu.widgets import build

    q = toy_question()  # the schema accepts it and its key check ran
    with pytest.raises(ValueError, match="yes_no: expected"):
        Question.model_validate({**q.model_dump(), "key": "perhaps"})
    for sample in q.samples:
        assert score(spec_of(q), sample.response).score == sample.score
    assert not score(spec_of(q), "maybe").valid
    # practice widget with feedback
    item = public_item(q)
    widget = build(item, mode="practice", check=lambda r: feedback_for(q, r))
    widget.set_response("no")
    assert widget.check()["correct"] is False and "Not quite" in widget.feedback_text
    widget.retry()
    widget.set_response("yes")
    assert widget.check()["correct"] is True
    # quiz widget saving every change
    saved: list[object] = []
    quiz = build(item, mode="quiz", on_answer=saved.append)
    quiz.set_response("yes")
    assert saved == ["yes"]
    # printable card, exports, typed answers
    card = item_card(item)
    assert "Answer Yes or No." in card and "yes_no" in card
    assert '<question type="truefalse">' in to_moodle_xml([q])
    assert "{TRUE####" in to_gift([q])
    assert parse_answer(item, " Yes ", order=[]) == "yes"
