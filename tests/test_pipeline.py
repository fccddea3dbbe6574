"""The real pipeline in tmp_path: build -> release -> clicks -> collect -> pocedu grade,
checked against hand-computed scores and against serial ``nbgrader autograde``."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fixtures_course import EXPECTED, PROFILES, QUIZ, make_course

import pocedu
from pocedu.assess.course.nbgrader_api import gradebook
from pocedu.cli import main

pytestmark = pytest.mark.slow
DUE = datetime(2030, 1, 1, 12, 0, tzinfo=UTC)
FMT = "%Y-%m-%d %H:%M:%S.%f %Z"


def _click_in_real_kernel(course: Path, work: Path) -> None:
    """Open the released quiz in a kernel, click Q1 through the widget, save, restart, rerun."""
    import nbformat
    from nbclient import NotebookClient

    shutil.copytree(course / "release" / QUIZ, work)
    env_before = os.environ.get("POCEDU_STUDENT")
    os.environ["POCEDU_STUDENT"] = "clicker"
    try:
        nb = nbformat.read(work / f"{QUIZ}.ipynb", as_version=4)
        click = nbformat.v4.new_code_cell('w = quiz.ask("Q1")\nw.set_response("t2")')
        run = nbformat.from_dict(nb)
        run.cells.append(click)
        NotebookClient(run, kernel_name="python3",
                       resources={"metadata": {"path": str(work)}}).execute()
        assert "application/vnd.jupyter.widget-view+json" in str(run.cells[4].outputs)
        run.cells.pop()
        nbformat.write(run, work / f"{QUIZ}.ipynb")  # the student saves
        again = nbformat.read(work / f"{QUIZ}.ipynb", as_version=4)
        again.cells.append(nbformat.v4.new_code_cell('quiz.store.get(quiz.item("Q1")["id"])'))
        NotebookClient(again, kernel_name="python3",  # a new kernel: restart
                       resources={"metadata": {"path": str(work)}}).execute()
        assert again.cells[-1].outputs[0]["data"]["text/plain"] == "'t2'"
    finally:
        if env_before is None:
            os.environ.pop("POCEDU_STUDENT", None)
        else:
            os.environ["POCEDU_STUDENT"] = env_before


def _snapshot(course: Path) -> dict:
    with gradebook(course) as gb:
        out = {}
        for sub in gb.assignment_submissions(QUIZ):
            nb = sub.notebooks[0]
            out[sub.student_id] = {
                "score": sub.score, "max": sub.max_score, "timestamp": sub.timestamp,
                "late": sub.total_seconds_late, "penalty": nb.late_submission_penalty,
                "cells": {g.name: (g.auto_score, g.manual_score, g.needs_manual_grade)
                          for g in nb.grades},
            }
        return out


def test_pipeline_matches_expected_and_serial_nbgrader(tmp_path: Path) -> None:
    from pocedu.assess.build.selfcheck import find_keys
    from pocedu.assess.course.release import collect
    from pocedu.assess.demo.simulate import simulate_submission

    students = [*PROFILES, "late-right", "clicker"]
    course = make_course(tmp_path, students, verify=True)
    with (course / "nbgrader_config.py").open("a") as fh:
        fh.write('c.LateSubmissionPlugin.penalty_method = "zero"\n')
    with gradebook(course) as gb:
        gb.update_or_create_assignment(QUIZ, duedate=DUE.replace(tzinfo=None))
    inbox = tmp_path / "inbox"
    on_time = (DUE - timedelta(hours=1)).strftime(FMT)
    for name, answers in PROFILES.items():
        simulate_submission(course_dir=course, assignment=QUIZ, student=name, answers=answers,
                            timestamp=on_time, target=inbox / name / QUIZ)
    simulate_submission(course_dir=course, assignment=QUIZ, student="late-right",
                        answers=PROFILES["all-right"], timestamp=(DUE + timedelta(days=1))
                        .strftime(FMT), target=inbox / "late-right" / QUIZ)
    _click_in_real_kernel(course, inbox / "clicker" / QUIZ)
    (inbox / "clicker" / QUIZ / "timestamp.txt").write_text(on_time)
    (inbox / "stranger" / QUIZ).mkdir(parents=True)
    done = collect(course_dir=course, assignment=QUIZ, inbox=inbox)
    assert sorted(done.collected) == sorted(students) and done.unknown == ["stranger"]

    serial = tmp_path / "serial"
    shutil.copytree(course, serial)
    assert main(["grade", QUIZ, "--course", str(course), "--jobs", "2"]) == 0

    got = _snapshot(course)
    expected = {**EXPECTED, "late-right": EXPECTED["all-right"], "clicker": 1.0}
    assert {s: got[s]["cells"] and sum(v[0] for v in got[s]["cells"].values())
            for s in got} == pytest.approx(expected)
    assert got["late-right"]["penalty"] == EXPECTED["all-right"]
    assert got["late-right"]["late"] > 0 and got["all-right"]["penalty"] is None

    env = {**os.environ, "PATH": str(Path(sys.executable).parent) + os.pathsep
           + os.environ["PATH"]}
    subprocess.run([str(Path(sys.executable).parent / "nbgrader"), "autograde", QUIZ],
                   cwd=serial, env=env, check=True, capture_output=True)
    assert _snapshot(serial) == got

    # re-running skips finished students and leaves the gradebook as it was
    assert main(["grade", QUIZ, "--course", str(course)]) == 0
    assert _snapshot(course) == got

    from pocedu.assess.results import load_results

    frame = load_results(course_dir=course, assignment=QUIZ)
    assert len(frame) == 6 * len(students)
    status = frame.groupby("student_id")["status"].first().to_dict()
    # the late submission and the one that saved no answers are graded, with a flag each
    assert status == {s: "graded-with-flags" if s in ("late-right", "no-answers") else "graded"
                      for s in students}
    assert frame.groupby("student_id")["points"].sum()["mixed"] == pytest.approx(
        EXPECTED["mixed"])

    # no key anywhere a student can read: the release, the package, the answer stores
    from pocedu.assess.build.bank import load_bank

    questions = load_bank(course / "bank")[QUIZ]
    assert find_keys(course / "release", questions) == []
    assert find_keys(Path(pocedu.__file__).parent, questions) == []
    assert find_keys(course / "submitted", questions) == []
    assert find_keys(course / "source", questions)  # the finder does find them


def test_pipeline_on_postgresql(tmp_path: Path) -> None:
    """The gradebook on a real PostgreSQL server through nbgrader's ``db_url``: both grading
    paths, results and exports read it; no SQLite gradebook appears."""
    from pocedu.assess.course.config import write_config
    from pocedu.assess.demo.simulate import simulate_submission
    from pocedu.assess.grade.run import grade_assignment
    from pocedu.assess.results.table import load_results
    from pocedu.testing.postgres import postgres_server

    with postgres_server(tmp_path / "pg") as url:
        config = write_config(tmp_path / "course")
        config.write_text(config.read_text() + f"c.CourseDirectory.db_url = {url!r}\n")
        course = make_course(tmp_path, [*PROFILES, "coder"])
        for name, answers in {**PROFILES, "coder": PROFILES["mixed"]}.items():
            simulate_submission(course_dir=course, assignment=QUIZ, student=name,
                                answers=answers, timestamp="2029-12-01 10:00:00.000000 UTC")
        first = grade_assignment(course_dir=course, assignment=QUIZ, progress=False,
                                 students=list(PROFILES))
        kernel = grade_assignment(course_dir=course, assignment=QUIZ, progress=False,
                                  students=["coder"], kernel_only=True, jobs=2)
        assert {r.student: r.score for r in first.results} == pytest.approx(EXPECTED)
        assert kernel.results[0].score == pytest.approx(EXPECTED["mixed"])
        with gradebook(course) as gb:
            scores = {s.student_id: s.score for s in gb.assignment_submissions(QUIZ)}
        assert scores == pytest.approx({**EXPECTED, "coder": EXPECTED["mixed"]})
        frame = load_results(course_dir=course, assignment=QUIZ)
        assert frame.groupby("student_id")["points"].sum().to_dict() == pytest.approx(scores)
    assert not (course / "gradebook.db").exists()
