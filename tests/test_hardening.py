"""Hardening steps one by one (fast), and kill / concurrent-run safety of ``pocedu grade``."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pocedu.assess.errors import AssessError

RELEASE_CELLS = [
    {"cell_type": "code", "id": "setup", "metadata": {"nbgrader": {
        "grade_id": "setup", "locked": True, "grade": False, "solution": False}},
     "source": "quiz = Quiz('q')", "outputs": [], "execution_count": None},
    {"cell_type": "code", "id": "g1", "metadata": {"nbgrader": {
        "grade_id": "g1", "locked": True, "grade": True, "solution": False, "points": 1}},
     "source": "# graded", "outputs": [], "execution_count": None},
    {"cell_type": "markdown", "id": "w1", "metadata": {"nbgrader": {
        "grade_id": "w1", "locked": False, "grade": True, "solution": True, "points": 3}},
     "source": "YOUR ANSWER HERE"},
]
RELEASE = {"cells": RELEASE_CELLS, "metadata": {"kernelspec": {"name": "python3"}},
           "nbformat": 4, "nbformat_minor": 5}
ITEMS = [{"id": "i1", "label": "Q1", "type": "single", "options": [{"id": "a"}, {"id": "b"}]},
         {"id": "i2", "label": "Q2", "type": "classification", "options": [{"id": "x"}],
          "bins": [{"id": "t1"}, {"id": "t2"}]}]


def _codes(events: list) -> set[str]:
    return {e.code for e in events}


# --- roster -----------------------------------------------------------------------------

@pytest.mark.parametrize(("row", "why"), [
    ("amal,A,B,a@x.org", "duplicate id 'amal' (also row 2)"),
    ("jo smith,J,S,j@x.org", "has spaces"),
    ("zoë,Z,O,z@x.org", "non-ASCII"),
])
def test_bad_roster_rows_are_named_and_init_changes_nothing(tmp_path: Path, row: str,
                                                            why: str) -> None:
    from pocedu.assess.course import init_course

    roster = tmp_path / "roster.csv"
    roster.write_text(f"id,first_name,last_name,email\namal,A,B,a@x.org\n{row}\n",
                      encoding="utf-8")
    with pytest.raises(AssessError) as err:
        init_course(course_dir=tmp_path / "course", roster=roster)
    assert "row 3" in str(err.value) and why in str(err.value)
    assert not (tmp_path / "course").exists()


def test_roster_gradebook_mismatch_is_reported(tmp_path: Path) -> None:
    from pocedu.assess.grade import roster_notes

    (tmp_path / "roster.csv").write_text("id,first_name,last_name,email\na,,,\nb,,,\n")
    notes = roster_notes(tmp_path, ["b", "c"])
    assert any("not in the gradebook" in n and "a" in n for n in notes)
    assert any("not on roster.csv: c" in n for n in notes)


# --- preserve ---------------------------------------------------------------------------

def test_archive_is_untouched_hashed_and_idempotent(tmp_path: Path) -> None:
    from pocedu.assess.grade.archive import archive_submission, quarantine, sha256_file

    sub = tmp_path / "submitted" / "s1" / "q"
    sub.mkdir(parents=True)
    (sub / "q.ipynb").write_bytes(b"\xff\xfe not utf8 {")
    (sub / "secret").symlink_to("/etc/hostname")
    first = archive_submission(course_dir=tmp_path, assignment="q", student="s1")
    again = archive_submission(course_dir=tmp_path, assignment="q", student="s1")
    assert first.new and not again.new and first.directory == again.directory
    assert (first.directory / "files" / "q.ipynb").read_bytes() == b"\xff\xfe not utf8 {"
    manifest = json.loads((first.directory / "manifest.json").read_text())
    by_path = {e["path"]: e for e in manifest["files"]}
    assert by_path["q.ipynb"]["sha256"] == sha256_file(sub / "q.ipynb")
    assert by_path["secret"] == {"path": "secret", "link": "/etc/hostname"}
    assert not (first.directory / "files" / "secret").exists()
    (sub / "q.ipynb").write_bytes(b"{}")
    assert archive_submission(course_dir=tmp_path, assignment="q", student="s1").new
    q = quarantine(course_dir=tmp_path, assignment="q", student="s1")
    assert q.new and (tmp_path / ".pocedu" / "quarantine" / "q" / "report.jsonl").exists()


# --- answer store -----------------------------------------------------------------------

def _raw(answers: dict, **extra: object) -> bytes:
    return json.dumps({"schema": 1, "assignment": "q", "student": "s1",
                       "answers": {k: {"response": v} for k, v in answers.items()},
                       **extra}).encode()


def test_store_keeps_valid_answers_and_flags_the_rest() -> None:
    from pocedu.assess.grade.answers import clean_store

    clean, events = clean_store(_raw({"i1": "zz", "i2": {"x": "t2"}, "nope": "a"}),
                                items=ITEMS, assignment="q", student="s1")
    assert clean["answers"] == {"i2": {"response": {"x": "t2"}, "saved_at": ""}}
    assert _codes(events) == {"answer-invalid", "answer-unknown-item"}


@pytest.mark.parametrize(("raw", "code"), [
    (None, "store-missing"), (b'{"schema": 1, "ans', "store-corrupt"),
    (b"\xff\xfe", "store-corrupt"), (b"[1, 2]", "store-corrupt"),
])
def test_unreadable_stores_score_zero_with_a_reason(raw: bytes | None, code: str) -> None:
    from pocedu.assess.grade.answers import clean_store

    clean, events = clean_store(raw, items=ITEMS, assignment="q", student="s1")
    assert clean["answers"] == {} and _codes(events) == {code}


def test_foreign_stores_are_scored_but_reviewed() -> None:
    from pocedu.assess.grade.answers import clean_store

    clean, events = clean_store(_raw({"i1": "a"}, student="other"), items=ITEMS,
                                assignment="q", student="s1")
    assert clean["answers"]["i1"]["response"] == "a" and clean["student"] == "s1"
    assert _codes(events) == {"store-other-student"}
    _, events = clean_store(json.dumps({"schema": 1, "assignment": "q9", "answers": {}})
                            .encode(), items=ITEMS, assignment="q", student="s1")
    assert _codes(events) == {"store-other-assignment"}


# --- notebook ---------------------------------------------------------------------------

def test_added_code_never_runs_before_grading_and_answers_are_kept() -> None:
    from pocedu.assess.grade.sanitize import sanitize_notebook

    sub = json.loads(json.dumps(RELEASE))
    sub["cells"][2]["source"] = "My answer."
    sub["cells"].insert(1, {"cell_type": "code", "id": "new", "metadata": {},
                            "source": "quiz.grade = lambda *a, **k: 99", "outputs": []})
    clean, events, kept = sanitize_notebook(sub, RELEASE)
    assert [c["id"] for c in clean["cells"]] == ["setup", "g1", "w1"] and kept == []
    assert clean["cells"][2]["source"] == "My answer." and _codes(events) == {"cell-added"}
    clean, _, kept = sanitize_notebook(sub, RELEASE, keep_added=True)
    assert [c["id"] for c in clean["cells"]][-1] == kept[0] == "pocedu-added-0"


def test_tampering_is_restored_from_the_release() -> None:
    from pocedu.assess.grade.sanitize import sanitize_notebook

    sub = json.loads(json.dumps(RELEASE))
    sub["cells"][1]["source"] = "### BEGIN HIDDEN TESTS\nquiz.grade('Q1', key='b')"
    sub["cells"][1]["metadata"]["nbgrader"]["points"] = 100
    sub["cells"][0]["metadata"] = {}
    sub["cells"].append(json.loads(json.dumps(sub["cells"][1])))
    sub["cells"].reverse()
    clean, events, _ = sanitize_notebook(sub, RELEASE)
    assert clean["cells"] == RELEASE["cells"]
    assert _codes(events) == {"test-cell-edited", "cell-unlocked", "metadata-stripped",
                              "cell-duplicated", "cells-moved"}


@pytest.mark.parametrize("raw", [b'{"cells": [', b"\xff\xfe{}", b"[]", b"{}"])
def test_unreadable_notebooks_are_reported_not_repaired(raw: bytes) -> None:
    from pocedu.assess.grade.sanitize import read_notebook

    read = read_notebook(raw)
    assert read.notebook is None and read.problem


# --- results journal and run lock ---------------------------------------------------------

def test_journal_adds_a_version_only_when_the_result_changes(tmp_path: Path) -> None:
    from pocedu.assess.grade.events import Event, StudentResult
    from pocedu.assess.results.journal import latest, read_journal, record

    res = StudentResult("s1", "q", "graded", score=2, max_score=3)
    assert record(tmp_path, res, run_id="r1") and not record(tmp_path, res, run_id="r2")
    odd = StudentResult("s2", "q", "graded", score=1, max_score=3,  # a Latin-1 file name
                        events=[Event("extra-notebook", "flag", "ignored: caf\udce9.ipynb")])
    assert record(tmp_path, odd, run_id="r2")
    assert latest(tmp_path, "q")["s2"].events == odd.events
    flagged = StudentResult("s1", "q", "graded-with-flags", score=2, max_score=3,
                            events=[Event("late", "flag", "late")])
    assert record(tmp_path, flagged, run_id="r3")
    assert [r["version"] for r in read_journal(tmp_path, "q") if r["student"] == "s1"] == [1, 2]
    assert latest(tmp_path, "q")["s1"].status == "graded-with-flags"


def test_second_run_refuses_and_a_stale_lock_is_taken_over(tmp_path: Path) -> None:
    from pocedu.assess.grade.runlock import lock_path, run_lock

    with run_lock(tmp_path, what="first"):
        with pytest.raises(AssessError, match=f"pid {os.getpid()}"):
            with run_lock(tmp_path, what="second"):
                pass
    lock_path(tmp_path).write_text(json.dumps({"pid": 999999, "what": "killed"}))
    with run_lock(tmp_path, what="third") as note:
        assert "999999" in note


# --- kill mid-run and concurrent runs: the real CLI ----------------------------------------

def _snapshot(course: Path, quiz: str) -> dict:
    from pocedu.assess.course.nbgrader_api import gradebook

    with gradebook(course) as gb:
        return {s.student_id: (s.score, s.max_score, str(s.timestamp),
                               sorted((g.name, g.auto_score) for nb in s.notebooks
                                      for g in nb.grades))
                for s in gb.assignment_submissions(quiz)}


@pytest.mark.slow
def test_killed_run_finishes_on_rerun_and_concurrent_run_refuses(tmp_path: Path) -> None:
    from fixtures_course import EXPECTED, PROFILES, QUIZ, make_course

    from pocedu.assess.demo.simulate import simulate_submission
    from pocedu.assess.results.journal import read_journal
    from pocedu.cli import main

    course = make_course(tmp_path, list(PROFILES))
    for name, answers in PROFILES.items():
        simulate_submission(course_dir=course, assignment=QUIZ, student=name, answers=answers,
                            timestamp="2029-12-01 10:00:00.000000 UTC")
    clean = tmp_path / "clean"
    shutil.copytree(course, clean)
    assert main(["grade", QUIZ, "--course", str(clean), "--jobs", "1"]) == 0

    proc = subprocess.Popen([str(Path(sys.executable).parent / "pocedu"), "grade", QUIZ,
                             "--course", str(course), "--jobs", "1"], start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not read_journal(course, QUIZ) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert read_journal(course, QUIZ), "the first student was never graded"
    assert proc.poll() is None, "the run ended before it could be killed"
    assert main(["grade", QUIZ, "--course", str(course)]) == 1  # refused: a run is going
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert len(read_journal(course, QUIZ)) < len(PROFILES)

    assert main(["grade", QUIZ, "--course", str(course), "--jobs", "2"]) == 0
    assert _snapshot(course, QUIZ) == _snapshot(clean, QUIZ)
    scores = {s: v[0] for s, v in _snapshot(course, QUIZ).items()}
    assert scores == pytest.approx(EXPECTED)
    records = read_journal(course, QUIZ)
    assert sorted(r["student"] for r in records) == sorted(PROFILES)  # no duplicates


@pytest.mark.slow
def test_a_killed_worker_fails_only_its_student(tmp_path: Path) -> None:
    """Student code that kills its grading worker: the others are graded, the run ends."""
    import nbformat
    from fixtures_course import EXPECTED, PROFILES, QUIZ, make_course

    from pocedu.assess.demo.simulate import simulate_submission
    from pocedu.assess.grade.run import grade_assignment

    course = make_course(tmp_path, [*PROFILES, "killer"])
    for name, answers in {**PROFILES, "killer": PROFILES["all-right"]}.items():
        simulate_submission(course_dir=course, assignment=QUIZ, student=name, answers=answers,
                            timestamp="2029-12-01 10:00:00.000000 UTC")
    path = course / "submitted" / "killer" / QUIZ / f"{QUIZ}.ipynb"
    nb = nbformat.read(path, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(
        "import os, signal\nos.kill(os.getppid(), signal.SIGKILL)"))
    nbformat.write(nb, path)
    summary = grade_assignment(course_dir=course, assignment=QUIZ, jobs=2, progress=False,
                               allow_student_code=True)
    got = {r.student: r for r in summary.results}
    assert got["killer"].status in ("ungradable", "needs-review")
    for name, want in EXPECTED.items():
        assert got[name].score == pytest.approx(want), name


def test_collect_never_follows_or_copies_links(tmp_path: Path) -> None:
    """Symbolic and hard links in an inbox are refused and listed; nothing they point at is
    copied; an ungraded earlier version is archived before a newer one replaces it."""
    from fixtures_course import QUIZ, write_roster

    from pocedu.assess.course.release import REJECTED, collect
    from pocedu.assess.course.setup import init_course

    course = tmp_path / "course"
    init_course(course_dir=course, roster=write_roster(tmp_path / "r.csv", ["ana"]))
    secret = tmp_path / "secret-key.txt"
    secret.write_text("THE KEY")
    box = tmp_path / "inbox" / "ana" / QUIZ
    box.mkdir(parents=True)
    (box / f"{QUIZ}.answers.json").write_text("{}")
    (box / "timestamp.txt").write_text("2029-12-01 10:00:00.000000 UTC")
    os.symlink(secret, box / "link.txt")
    os.link(secret, box / "hard.txt")
    collect(course_dir=course, assignment=QUIZ, inbox=tmp_path / "inbox")
    got = course / "submitted" / "ana" / QUIZ
    assert sorted(p.name for p in got.iterdir()) == sorted(
        [REJECTED, f"{QUIZ}.answers.json", "timestamp.txt"])
    refused = {r["path"]: r["reason"] for r in json.loads((got / REJECTED).read_text())}
    assert refused == {"link.txt": "symbolic link", "hard.txt": "hard link"}
    assert "THE KEY" not in "".join(p.read_text() for p in got.iterdir())
    (box / "timestamp.txt").write_text("2029-12-02 10:00:00.000000 UTC")
    collect(course_dir=course, assignment=QUIZ, inbox=tmp_path / "inbox")
    versions = list((course / ".pocedu" / "archive" / QUIZ / "ana").glob("*/manifest.json"))
    assert len(versions) == 1  # the first version, archived before it was replaced
