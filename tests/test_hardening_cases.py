"""The named library ``tests/grading_cases/<case>/`` through the real ``pocedu grade``.

One course per session: every case is a student (the case's ``make.py`` edits a submission
made by clicking the released quiz), all graded in one ``pocedu grade --jobs 2`` run and
checked against ``expected.json``. A copy of the course grades the hostile cases again with
``--allow-student-code``, so their code really runs in the sandbox; the course's sensitive
files are hashed before and after.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from fixtures_course import QUIZ, make_course

pytestmark = pytest.mark.slow
CASES = Path(__file__).parent / "grading_cases"
NAMES = sorted(p.name for p in CASES.iterdir() if (p / "expected.json").exists())
DUE = datetime(2030, 1, 1, 12, 0, tzinfo=UTC)
FMT = "%Y-%m-%d %H:%M:%S.%f %Z"
ON_TIME = (DUE - timedelta(hours=1)).strftime(FMT)


def _load(name: str) -> Any:
    spec = importlib.util.spec_from_file_location(f"case_{name}", CASES / name / "make.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _helpers() -> Any:
    spec = importlib.util.spec_from_file_location("case_helpers", CASES / "helpers.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def expected(name: str) -> dict[str, Any]:
    return json.loads((CASES / name / "expected.json").read_text())


def _answers(h: Any, spec: str) -> dict[str, Any]:
    return dict(getattr(h, spec)) if spec.isidentifier() else json.loads(spec)


def fingerprint(course: Path) -> dict[str, str]:
    """sha256 of every file an attacker would want: gradebook, bank, sources, submissions."""
    out = {}
    for sub in ("gradebook.db", "bank", "source", "release", "submitted", "nbgrader_config.py"):
        path = course / sub
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*")
                                                     if p.is_file() and not p.is_symlink())
        for f in files:
            out[str(f.relative_to(course))] = hashlib.sha256(f.read_bytes()).hexdigest()
    return out


def submit(course: Path, name: str, answers: dict[str, Any], stamp: str) -> Path:
    from pocedu.assess.demo.simulate import simulate_submission

    return simulate_submission(course_dir=course, assignment=QUIZ, student=name,
                               answers=answers, timestamp=stamp)


def _hostile(name: str) -> bool:
    return "allow" in expected(name)


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    from pocedu.assess.course.nbgrader_api import gradebook
    from pocedu.assess.results.journal import latest, read_journal
    from pocedu.cli import main

    h = _helpers()
    root = tmp_path_factory.mktemp("cases")
    roster = [n for n in NAMES if expected(n)["status"] != "quarantined"] + ["absent"]
    course = make_course(root, roster)
    with (course / "nbgrader_config.py").open("a") as fh:
        fh.write('c.Execute.timeout = 5\nc.LateSubmissionPlugin.penalty_method = "zero"\n')
    with gradebook(course) as gb:
        gb.update_or_create_assignment(QUIZ, duedate=DUE.replace(tzinfo=None))
    for name in NAMES:
        exp, module = expected(name), _load(name)
        stamp = (DUE + timedelta(days=1)).strftime(FMT) if exp.get("timestamp") else ON_TIME
        sub = submit(course, name, _answers(h, module.ANSWERS), stamp)
        module.make(sub, h)
    allow = root / "allow"
    shutil.copytree(course, allow)
    for name in NAMES:
        if not _hostile(name) and name not in ("all-correct", "fails-q1-q3"):
            shutil.rmtree(allow / "submitted" / name)
    before = {"course": fingerprint(course), "allow": fingerprint(allow)}
    submitted_before = {p: (course / "submitted" / p).read_bytes() for p in
                        [str(f.relative_to(course / "submitted"))
                         for f in (course / "submitted").rglob("*")
                         if f.is_file() and not f.is_symlink()]}

    first = main(["grade", QUIZ, "--course", str(course), "--jobs", "2"])
    after_first = fingerprint(course)
    lines_first = len(read_journal(course, QUIZ))
    # resubmission after grading: newer timestamp, right answers; the rest is unchanged
    for name in NAMES:
        if "resubmit" in expected(name):
            submit(course, name, _answers(h, expected(name)["resubmit"]),
                   (DUE - timedelta(minutes=5)).strftime(FMT))
    second = main(["grade", QUIZ, "--course", str(course), "--jobs", "2"])
    third = main(["grade", QUIZ, "--course", str(course), "--jobs", "2"])
    allowed = main(["grade", QUIZ, "--course", str(allow), "--jobs", "2",
                    "--allow-student-code", "--memory-mb", "1024"])
    return {"course": course, "allow": allow, "before": before, "after_first": after_first,
            "submitted_before": submitted_before, "codes": (first, second, third, allowed),
            "results": latest(course, QUIZ), "allow_results": latest(allow, QUIZ),
            "journal": read_journal(course, QUIZ), "lines_first": lines_first,
            "after": {"course": fingerprint(course), "allow": fingerprint(allow)}}


def _check(result: Any, exp: dict[str, Any]) -> None:
    codes = {e.code for e in result.events}
    allowed = exp["status"] if isinstance(exp["status"], list) else [exp["status"]]
    assert result.status in allowed, result.line()
    assert result.score == pytest.approx(exp["score"]), result.line()
    assert result.max_score == 11
    assert set(exp["events"]) <= codes, result.line()
    if exp["status"] == "graded":
        assert not [e for e in result.events if e.severity != "info"], result.line()


@pytest.mark.parametrize("name", NAMES)
def test_case(library: dict[str, Any], name: str) -> None:
    exp = expected(name)
    if exp["status"] == "quarantined":
        assert name not in library["results"]
        q = library["course"] / ".pocedu" / "quarantine" / QUIZ
        report = [json.loads(line) for line in (q / "report.jsonl").read_text().splitlines()]
        assert [r["student"] for r in report] == [name]
        assert (q / name).is_dir()
        return
    _check(library["results"][name], exp)
    if "versions" in exp:
        versions = [r for r in library["journal"] if r["student"] == name]
        assert len(versions) == exp["versions"]
        assert versions[0]["score"] == 0


@pytest.mark.parametrize("name", [n for n in NAMES if _hostile(n)])
def test_hostile_case_with_student_code(library: dict[str, Any], name: str) -> None:
    _check(library["allow_results"][name], expected(name)["allow"])


def test_everyone_has_exactly_one_result_and_controls_are_unharmed(library: dict) -> None:
    results, allow = library["results"], library["allow_results"]
    roster = {n for n in NAMES if expected(n)["status"] != "quarantined"} | {"absent"}
    assert set(results) == roster and set(allow) == roster
    assert results["absent"].status == "missing" and allow["absent"].status == "missing"
    assert allow["all-correct"].score == 8 and allow["all-correct"].status == "graded"
    assert allow["fails-q1-q3"].score == 6 and allow["fails-q1-q3"].status == "graded"


def test_nothing_outside_the_sandbox_changed(library: dict[str, Any]) -> None:
    from pocedu.assess.course.nbgrader_api import gradebook

    before, after = library["before"], library["after"]
    for which in ("course", "allow"):
        # the gradebook changes only by grading: it still opens and holds the grades
        with gradebook(library[which]) as gb:
            assert gb.find_submission(QUIZ, "fails-q1-q3").score == 6
    assert {k: v for k, v in after["allow"].items() if k != "gradebook.db"} == {
        k: v for k, v in before["allow"].items() if k != "gradebook.db"}
    changed = {k for k in after["course"] if after["course"].get(k) != before["course"].get(k)}
    # grading writes the gradebook and the resubmission replaced one folder; nothing else
    assert {k for k in changed if not k.startswith("submitted/resubmission")} <= {"gradebook.db"}
    for rel, data in library["submitted_before"].items():
        if not rel.startswith("resubmission"):
            assert (library["course"] / "submitted" / rel).read_bytes() == data, rel


def test_reruns_are_idempotent_and_exit_codes_say_ungradable(library: dict[str, Any]) -> None:
    first, second, third, allowed = library["codes"]
    assert (first, second, third, allowed) == (0, 0, 0, 0)
    lines = library["journal"]
    # the second run added only the resubmission's new version; the third added nothing
    assert len(lines) == library["lines_first"] + 1
    assert len({(r["student"], r["version"]) for r in lines}) == len(lines)


def test_every_submission_is_archived_with_hashes(library: dict[str, Any]) -> None:
    from pocedu.assess.grade.archive import sha256_file

    arch = library["course"] / ".pocedu" / "archive" / QUIZ
    for name in ("truncated-json", "not-utf8", "corrupt-store"):
        [version] = list((arch / name).iterdir())
        manifest = json.loads((version / "manifest.json").read_text())
        for entry in manifest["files"]:
            assert sha256_file(version / "files" / entry["path"]) == entry["sha256"]
    assert len(list((arch / "resubmission-after-grading").iterdir())) == 2


def test_events_and_results_feed_the_report(library: dict[str, Any]) -> None:
    from pocedu.assess.results import load_events, load_results

    course = library["course"]
    events = load_events(course_dir=course, assignment=QUIZ)
    assert list(events.columns) == ["student_id", "event", "grade", "check"]
    assert (events["student_id"] == "truncated-json").any()
    frame = load_results(course_dir=course, assignment=QUIZ)
    status = frame.groupby("student_id")["status"].first()
    assert status["missing-notebook"] == "needs-review" and status["absent"] == "missing"
