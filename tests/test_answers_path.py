"""Answer-store-first grading writes exactly the gradebook rows ``nbgrader autograde`` writes.

The same class is graded twice on two copies of one course: once with nbgrader's kernels
(``kernel_only``), once from the answer stores in-process. Every row nbgrader keeps about a
submission is compared.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from fixtures_course import EXPECTED, PROFILES, QUIZ, make_course

pytestmark = pytest.mark.slow


def gradebook_rows(course: Path) -> dict[str, Any]:
    """Every submission row nbgrader writes when autograding, by student."""
    from pocedu.assess.course.layout import Course

    rows = {}
    with Course.at(course).gradebook() as gb:
        for sub in gb.assignment_submissions(QUIZ):
            rows[sub.student_id] = {
                "timestamp": str(sub.timestamp), "score": sub.score,
                "notebooks": {nb.name: {
                    "late_submission_penalty": nb.late_submission_penalty,
                    "grades": sorted((g.name, g.auto_score, g.manual_score, g.extra_credit,
                                      g.needs_manual_grade) for g in nb.grades),
                    "comments": sorted((c.name, c.auto_comment, c.manual_comment)
                                       for c in nb.comments)} for nb in sub.notebooks}}
    return rows


def test_answers_path_writes_the_rows_autograde_writes(tmp_path: Path) -> None:
    from pocedu.assess.demo.simulate import simulate_submission
    from pocedu.assess.grade.run import grade_assignment
    from pocedu.assess.results.journal import latest

    kernel = make_course(tmp_path / "k", list(PROFILES) + ["late", "writer"])
    stamps = {"late": "2031-01-01 10:00:00.000000 UTC"}
    answers = {**PROFILES, "late": PROFILES["mixed"],
               "writer": {**PROFILES["all-right"], "Q6": {"text": "Protect civilians first."}}}
    for sid, given in answers.items():
        simulate_submission(course_dir=kernel, assignment=QUIZ, student=sid, answers=given,
                            timestamp=stamps.get(sid, "2029-12-01 10:00:00.000000 UTC"))
    store = tmp_path / "store"
    shutil.copytree(kernel, store)

    by_kernel = grade_assignment(course_dir=kernel, assignment=QUIZ, jobs=1, progress=False,
                                 kernel_only=True)
    by_answers = grade_assignment(course_dir=store, assignment=QUIZ, progress=False)

    assert gradebook_rows(store) == gradebook_rows(kernel)
    assert {r.student: r.score for r in by_answers.results} == \
        {r.student: r.score for r in by_kernel.results}
    for sid, want in EXPECTED.items():
        assert latest(store, QUIZ)[sid].score == pytest.approx(want)
    paths = {r.student: [e.event for e in r.events if e.code == "grading-path"]
             for r in by_answers.results}
    assert all(p == ["graded from the answer store in-process"] for p in paths.values()), paths
    assert all(e.code != "grading-path" or "autograde" in e.event
               for r in by_kernel.results for e in r.events)
    # formgrader's notebook: the written answer in its cell, each click shown as text
    nb = json.loads((store / "autograded" / "writer" / QUIZ / f"{QUIZ}.ipynb").read_text())
    texts = ["".join(c["source"]) for c in nb["cells"]]
    assert any("Protect civilians first." in t for t in texts)
    shown = ["".join(o.get("text", "")) for c in nb["cells"] for o in c.get("outputs", [])]
    assert any(s.startswith("Q1: saved answer") for s in shown)


def test_force_keeps_a_graders_mark_on_an_unchanged_answer(tmp_path: Path) -> None:
    from pocedu.assess.course.layout import Course
    from pocedu.assess.demo.simulate import simulate_submission
    from pocedu.assess.grade.run import grade_assignment

    course = make_course(tmp_path, ["writer"])
    simulate_submission(course_dir=course, assignment=QUIZ, student="writer",
                        answers={**PROFILES["all-right"], "Q6": {"text": "Civilians first."}},
                        timestamp="2029-12-01 10:00:00.000000 UTC")
    first = grade_assignment(course_dir=course, assignment=QUIZ, progress=False)
    assert first.results[0].status == "needs-review"
    with Course.at(course).gradebook() as gb:
        grade = gb.find_grade("g02-tiers-short-01", QUIZ, QUIZ, "writer")
        grade.manual_score, grade.needs_manual_grade = 2.0, False  # as formgrader saves it
        gb.db.commit()
    again = grade_assignment(course_dir=course, assignment=QUIZ, progress=False, force=True)
    assert again.results[0].status == "graded"
    assert again.results[0].score == pytest.approx(EXPECTED["all-right"] + 2)
