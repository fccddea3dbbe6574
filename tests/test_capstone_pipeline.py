"""The graded capstone goes through the real nbgrader pipeline: decisions autograded from the
answer store, written products present as manually graded cells with a graders' rubric."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from fixtures_course import write_roster

REPO = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def capstone_course(tmp_path_factory):
    from pocedu.assess.build import build_sources
    from pocedu.assess.build.bank import load_bank
    from pocedu.assess.course import init_course
    from pocedu.assess.course.release import release_assignment
    from pocedu.assess.demo.simulate import simulate_submission
    from pocedu.assess.grade import grade_assignment

    root = tmp_path_factory.mktemp("capstone")
    course = root / "course"
    (course / "bank").mkdir(parents=True)
    shutil.copy(REPO / "assessments" / "bank" / "capstone.yaml", course / "bank")
    build_sources(course_dir=course, verify=False)
    init_course(course_dir=course, roster=write_roster(root / "roster.csv", ["right", "wrong"]))
    release_assignment(course_dir=course, assignment="capstone")
    questions = load_bank(course / "bank")["capstone"]
    right = {q.id: q.key for q in questions if q.type != "short_text"}
    right.update({q.id: {"text": q.model_answer.en} for q in questions if q.type == "short_text"})
    wrong = {}
    for q in questions:
        if q.type == "single":
            wrong[q.id] = next(o.id for o in q.options if o.id != q.key)
    simulate_submission(course_dir=course, assignment="capstone", student="right", answers=right)
    simulate_submission(course_dir=course, assignment="capstone", student="wrong", answers=wrong)
    grade_assignment(course_dir=course, assignment="capstone", jobs=2, progress=False)
    return course, questions


def _cells(course: Path, student: str) -> dict[str, tuple[float | None, float, bool]]:
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        nb = gb.find_submission_notebook("capstone", "capstone", student)
        return {g.name: (g.score, g.max_score, g.needs_manual_grade) for g in nb.grades}


def test_decisions_are_autograded_as_expected(capstone_course):
    course, questions = capstone_course
    auto = [q for q in questions if q.type != "short_text"]
    right, wrong = _cells(course, "right"), _cells(course, "wrong")
    for q in auto:
        score, top, _ = right[q.id]
        assert score == top, q.id
        if q.type == "single":
            assert wrong[q.id][0] == 0, q.id
    assert sum(right[q.id][0] for q in auto) > sum(wrong[q.id][0] for q in auto)


def test_written_products_wait_for_a_grader_with_a_rubric(capstone_course):
    course, questions = capstone_course
    written = [q for q in questions if q.type == "short_text"]
    assert len(written) >= 2
    cells, blank = _cells(course, "right"), _cells(course, "wrong")
    for q in written:
        assert cells[q.id][2] is True, f"{q.id}: a written answer must need manual grading"
        assert blank[q.id][:2] == (0, cells[q.id][1]), f"{q.id}: no answer scores 0 at once"
    guide = (course / "rubrics" / "capstone.md").read_text(encoding="utf-8")
    for q in written:
        assert all(r.text.en in guide for r in q.rubric)
    released = json.loads((course / "release" / "capstone" / "capstone.ipynb").read_text())
    text = "".join("".join(c["source"]) for c in released["cells"])
    for q in written:
        assert not any(r.text.en in text for r in q.rubric), "rubrics are for graders only"
    assert not list((course / "release" / "capstone").rglob("*.md"))
    # written in the text box (answer store), placed in the manually graded cell for graders
    graded = json.loads((course / "autograded" / "right" / "capstone" / "capstone.ipynb")
                        .read_text(encoding="utf-8"))
    by_id = {c["metadata"].get("nbgrader", {}).get("grade_id"): "".join(c["source"])
             for c in graded["cells"]}
    for q in written:
        assert by_id[q.id] == q.model_answer.en, f"{q.id}: the written answer is not in its cell"
