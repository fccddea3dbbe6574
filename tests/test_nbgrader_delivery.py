"""pocedu inside nbgrader's own workflow: the exchange delivers pocedu's feedback page, and
``nbgrader generate_feedback`` on a pocedu course cannot show a hidden test."""

from __future__ import annotations

import getpass
import subprocess
import sys
from pathlib import Path

import pytest
from fixtures_course import PROFILES, QUIZ, make_course

pytestmark = pytest.mark.slow
BIN = Path(sys.executable).parent


def run(cmd: list[str], cwd: Path) -> str:
    """Run an nbgrader/pocedu command; fail the test with its output if it fails."""
    done = subprocess.run([str(BIN / cmd[0]), *cmd[1:]], cwd=cwd, capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, f"{' '.join(cmd)}:\n{done.stdout}\n{done.stderr}"
    return done.stdout + done.stderr


def test_release_and_fetch_feedback_deliver_pocedus_page(tmp_path: Path) -> None:
    from pocedu.assess.demo.simulate import simulate_submission

    me = getpass.getuser()
    course = make_course(tmp_path, [me])
    exchange, home = tmp_path / "exchange", tmp_path / "student"
    exchange.mkdir(mode=0o777)
    home.mkdir()
    settings = (f"c.Exchange.root = {str(exchange)!r}\n"
                f"c.Exchange.cache = {str(tmp_path / 'cache')!r}\n")
    with (course / "nbgrader_config.py").open("a") as fh:
        fh.write(settings)
    (home / "nbgrader_config.py").write_text(
        f"c = get_config()\nc.CourseDirectory.course_id = 'pocedu'\n{settings}")

    run(["nbgrader", "release_assignment", QUIZ, "--force"], course)
    run(["nbgrader", "fetch_assignment", QUIZ], home)
    simulate_submission(course_dir=course, assignment=QUIZ, student=me,
                        answers=PROFILES["mixed"], target=home / QUIZ)
    (home / QUIZ / "timestamp.txt").unlink()  # the exchange records the time
    run(["nbgrader", "submit", QUIZ], home)
    run(["nbgrader", "collect", QUIZ], course)
    assert (course / "submitted" / me / QUIZ / "submission_secret.txt").is_file()
    run(["pocedu", "grade", QUIZ, "--course", str(course)], tmp_path)
    run(["pocedu", "feedback", QUIZ, "--course", str(course)], tmp_path)
    run(["nbgrader", "release_feedback", QUIZ], course)
    run(["nbgrader", "fetch_feedback", QUIZ], home)

    pages = list((home / QUIZ / "feedback").glob(f"*/{QUIZ}.html"))
    assert len(pages) == 1
    page = pages[0].read_text(encoding="utf-8")
    assert f"Feedback: {QUIZ}" in page and "Made by pocedu" in page
    assert "Your answer" in page and "What was right" in page

    # nbgrader's own feedback on the same course holds no hidden test
    run(["nbgrader", "generate_feedback", QUIZ, "--force"], course)
    theirs = (course / "feedback" / me / QUIZ / f"{QUIZ}.html").read_text(encoding="utf-8")
    assert "quiz.grade(" not in theirs and "HIDDEN TESTS" not in theirs
    assert "key=" not in theirs


def test_nbgrader_export_writes_the_canvas_and_moodle_files(tmp_path: Path) -> None:
    import csv

    from pocedu.assess.demo.simulate import simulate_submission
    from pocedu.assess.grade.run import grade_assignment

    course = make_course(tmp_path, ["all-right", "mixed", "absent"])
    for sid in ("all-right", "mixed"):
        simulate_submission(course_dir=course, assignment=QUIZ, student=sid,
                            answers=PROFILES[sid], timestamp="2029-12-01 10:00:00.000000 UTC")
    grade_assignment(course_dir=course, assignment=QUIZ, progress=False)
    out = tmp_path / "out"
    for kind in ("Canvas", "Moodle"):
        run(["nbgrader", "export", f"--exporter=pocedu.assess.results.lms_plugins."
             f"{kind}ExportPlugin", f"--to={out}"], course)
    with (out / f"{QUIZ}_canvas.csv").open() as fh:
        canvas = list(csv.reader(fh))
    with (out / f"{QUIZ}_moodle.csv").open() as fh:
        moodle = {r["idnumber"]: r[QUIZ] for r in csv.DictReader(fh)}
    assert canvas[1][0].strip() == "Points Possible" and canvas[1][-1] == "11"
    grades = {row[2]: row[-1] for row in canvas[2:]}
    assert grades == {"all-right": "8", "mixed": "2.83", "absent": ""} == moodle
    held = (out / f"{QUIZ}_held_back.csv").read_text()
    assert "absent,missing" in held and "mixed" not in held
