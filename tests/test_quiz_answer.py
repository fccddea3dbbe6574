"""Quiz runtime: per-student shuffling, typed answers, grading from the store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fixtures_course import DATA, KEYS, POINTS, PROFILES

from pocedu.quiz import Quiz
from pocedu.quiz.responses import AnswerError, parse_answer
from pocedu.quiz.shuffle import display_order

IDS = ["a", "b", "c", "d", "e"]


def test_shuffle_stable_per_student_and_differs_between_students() -> None:
    first = display_order(IDS, student="ana", item_id="q1")
    assert first == display_order(IDS, student="ana", item_id="q1")
    assert sorted(first) == IDS
    orders = {tuple(display_order(IDS, student=f"s{i}", item_id="q1")) for i in range(20)}
    assert len(orders) > 5


@pytest.fixture
def quiz(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Quiz:
    from pocedu.assess.build import render_quiz
    from pocedu.assess.build.bank import load_bank

    bank = tmp_path / "bank"
    bank.mkdir()
    (bank / "quiz02.yaml").write_text((DATA / "bank_quiz02.yaml").read_text())
    files = render_quiz("quiz02", load_bank(bank)["quiz02"])
    (tmp_path / "quiz02.items.json").write_text(files["quiz02.items.json"])
    monkeypatch.setenv("POCEDU_STUDENT", "ana")
    monkeypatch.chdir(tmp_path)
    return Quiz("quiz02")


def test_student_from_environment(quiz: Quiz) -> None:
    assert quiz.student == "ana"


def test_letters_follow_the_displayed_order(quiz: Quiz, capsys: pytest.CaptureFixture) -> None:
    from pocedu.quiz import answer

    order = quiz.order("Q2")
    answer("q2", "A, C")
    assert quiz.store.get(quiz.item("Q2")["id"]) == [order[0], order[2]]
    quiz.answer("Q1", "t2")
    assert quiz.store.get(quiz.item("Q1")["id"]) == "t2"
    assert "saved" in capsys.readouterr().out


def test_bad_typed_answers_are_explained_not_saved(quiz: Quiz,
                                                   capsys: pytest.CaptureFixture) -> None:
    quiz.answer("Q1", "Z")
    quiz.answer("Q4", "A, B")
    out = capsys.readouterr().out
    assert "there is no option Z" in out and "put all 4 items" in out
    assert quiz.store.answers() == {}


@pytest.mark.parametrize(("value", "expected"), [
    ("true, B", {"value": True, "justification": "ORDER1"}),
    (False, {"value": False, "justification": None}),
    ({"value": "no", "justification": "j2"}, {"value": False, "justification": "j2"}),
])
def test_true_false_parsing(value: object, expected: dict) -> None:
    item = {"type": "true_false", "options": [{"id": "j1"}, {"id": "j2"}]}
    order = ["j2", "j1"]
    if expected["justification"] == "ORDER1":
        expected = {**expected, "justification": order[1]}
    assert parse_answer(item, value, order=order) == expected


def test_classification_parsing() -> None:
    item = {"type": "classification", "options": [{"id": "o-x"}, {"id": "o-y"}],
            "bins": [{"id": "b1"}, {"id": "b2"}]}
    order = ["o-x", "o-y"]
    assert parse_answer(item, {"A": 2, "o-y": "b1"}, order=order) == {"o-x": "b2", "o-y": "b1"}
    with pytest.raises(AnswerError, match="no bin 3"):
        parse_answer(item, {"A": 3}, order=order)


def test_grade_returns_points_from_the_store(quiz: Quiz) -> None:
    for label, response in PROFILES["mixed"].items():
        quiz.on_answer(label)(response)
    got = {label: quiz.grade(label, key=key, points=POINTS[label]) for label, key in KEYS.items()}
    assert got == pytest.approx({"Q1": 1, "Q2": 0, "Q3": 0.5, "Q4": 0, "Q5": 4 / 3})
    assert all(isinstance(v, float) for v in got.values())


def test_items_file_has_no_keys(quiz: Quiz) -> None:
    text = (quiz.directory / "quiz02.items.json").read_text()
    data = json.loads(text)
    assert all("key" not in item and "explanation" not in item for item in data["items"])
    order_item = quiz.item("Q4")
    assert [o["id"] for o in order_item["options"]] != KEYS["Q4"]


def test_progress_is_an_object_with_plain_fields(quiz: Quiz) -> None:
    quiz.on_answer("Q2")(["a"])
    got = quiz.progress()
    assert (got.answered, got.total) == (1, len(quiz.items))
    assert "Q2" not in got.missing and "Q1" in got.missing
    assert repr(got).startswith(f"1 of {len(quiz.items)} questions answered")
    assert f"<b>1 of {len(quiz.items)}</b>" in got._repr_html_()


def test_clearing_an_answer_deletes_it(quiz: Quiz) -> None:
    item_id = quiz.item("Q2")["id"]
    quiz.on_answer("Q2")(["a"])
    quiz.on_answer("Q2")(None)
    data = json.loads(quiz.store.path.read_text())
    assert item_id not in data["answers"]
    assert quiz.progress().answered == 0
    quiz.on_answer("Q2")(None)  # clearing twice is harmless


def test_a_stored_none_does_not_count_as_answered(quiz: Quiz) -> None:
    quiz.store.save(quiz.item("Q1")["id"], None)  # written by an older runtime
    assert quiz.progress().answered == 0


def test_opening_a_quiz_outside_a_kernel_prints_nothing(
        tmp_path: Path, quiz: Quiz, capsys: pytest.CaptureFixture) -> None:
    Quiz("quiz02")
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""
