"""Written quiz answers: a text box saved to the answer store, placed into nbgrader's manually
graded cell when the graded copy is built (the pipeline test checks it end to end)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fixtures_course import DATA

from pocedu.quiz import Quiz
from pocedu.quiz.written import place_written_answers


@pytest.fixture
def quiz_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, dict]:
    from pocedu.assess.bank import load_bank

    from pocedu.assess.build import render_quiz

    bank = tmp_path / "bank"
    bank.mkdir()
    (bank / "quiz02.yaml").write_text((DATA / "bank_quiz02.yaml").read_text())
    files = render_quiz("quiz02", load_bank(bank)["quiz02"])
    (tmp_path / "quiz02.items.json").write_text(files["quiz02.items.json"])
    monkeypatch.setenv("POCEDU_STUDENT", "ana")
    monkeypatch.chdir(tmp_path)
    return tmp_path, json.loads(files["quiz02.ipynb"])


def _written(nb: dict, items: list[dict]) -> dict:
    item = next(i for i in items if i["type"] == "short_text")
    return item


def test_the_written_answer_is_a_saved_text_box_and_its_graded_cell_is_hidden(
        quiz_dir: tuple[Path, dict]) -> None:
    directory, nb = quiz_dir
    quiz = Quiz("quiz02")
    item = _written(nb, list(quiz.items.values()))
    sources = ["".join(c["source"]) for c in nb["cells"]]
    assert f'quiz.ask("{item["label"]}")' in sources
    cell = next(c for c in nb["cells"]
                if c["metadata"].get("nbgrader", {}).get("grade_id") == item["id"])
    assert cell["metadata"]["nbgrader"]["solution"] is True
    assert cell["metadata"]["jupyter"] == {"source_hidden": True}
    assert cell["metadata"]["editable"] is False
    assert not any("double-click" in s for s in sources)
    box = quiz.ask(item["label"])
    box._controls["text"].value = "Dialogue first, then"
    box._controls["text"].value = "Dialogue first, then physical protection."
    store = json.loads((directory / "quiz02.answers.json").read_text())
    assert store["answers"][item["id"]]["response"] == {
        "text": "Dialogue first, then physical protection.", "checked": []}
    placed = place_written_answers(nb, store, list(quiz.items.values()))
    graded = next(c for c in placed["cells"]
                  if c["metadata"].get("nbgrader", {}).get("grade_id") == item["id"])
    assert graded["source"] == "Dialogue first, then physical protection."
    assert "".join(cell["source"]) != graded["source"]  # the input notebook is not changed


def test_no_saved_text_keeps_the_cell(quiz_dir: tuple[Path, dict]) -> None:
    _directory, nb = quiz_dir
    items = list(Quiz("quiz02").items.values())
    assert place_written_answers(nb, {"answers": {}}, items) == nb
    blank = {"answers": {_written(nb, items)["id"]: {"response": {"text": "  "}}}}
    assert place_written_answers(nb, blank, items) == nb
