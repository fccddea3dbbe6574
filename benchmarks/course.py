"""A benchmark course built through the pocedu API, with a spread of simulated answers."""

from __future__ import annotations

import math
import random
import shutil
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
BANK = REPO / "assessments" / "bank"
SKIP_RATE = 0.1
"""Share of wrong answers that are left blank instead."""


def student_ids(n: int) -> list[str]:
    """``n`` roster ids: ``b0001`` ..."""
    return [f"b{i + 1:04d}" for i in range(n)]


def _responses(question: Any) -> tuple[Any, list[Any]]:
    """The right response and the wrong ones a student could give (from the item's samples)."""
    right = next(s.response for s in question.samples if s.kind == "correct")
    wrongs = [s.response for s in question.samples if s.kind == "wrong"]
    if question.type == "single":
        wrongs += [o.id for o in question.options if o.id != right and o.id not in wrongs]
    return right, wrongs


def class_answers(questions: list[Any], students: list[str], *, seed: int) -> dict[str, dict]:
    """Seeded answers ``{student: {item id: response}}`` with a spread of ability.

    A student gets an item right with a logistic chance of ability minus difficulty; a
    wrong answer is one of the item's wrong samples (or another option), or left blank.
    """
    rng = random.Random(seed)
    difficulty = [rng.gauss(-0.5, 1.0) for _ in questions]
    out: dict[str, dict] = {}
    for sid in students:
        ability = rng.gauss(0.0, 1.0)
        answers: dict[str, Any] = {}
        for q, d in zip(questions, difficulty, strict=True):
            right, wrongs = _responses(q)
            if rng.random() < 1 / (1 + math.exp(-1.7 * (ability - d))):
                answers[q.id] = right
            elif wrongs and rng.random() > SKIP_RATE:
                answers[q.id] = rng.choice(wrongs)
        out[sid] = answers
    return out


def write_roster(path: Path, students: list[str]) -> Path:
    """A roster CSV with fictional names."""
    rows = "".join(f"{s},Learner,{s.upper()},{s}@example.org\n" for s in students)
    path.write_text("id,first_name,last_name,email\n" + rows, encoding="utf-8")
    return path


def build_course(root: Path, *, quiz: str, n_students: int, seed: int = 8,
                 release: tuple[str, ...] | None = None) -> Path:
    """Init, build and release in ``root/base``; simulate ``n_students`` submissions of ``quiz``.

    ``release`` names the quizzes to release (default: every quiz of the bank); only ``quiz``
    gets submissions. Returns the course directory.
    """
    from pocedu.assess.build import build_sources
    from pocedu.assess.build.bank import load_bank
    from pocedu.assess.course import init_course
    from pocedu.assess.course.release import release_assignment
    from pocedu.assess.demo.simulate import simulate_submission

    course = Path(root) / "base"
    shutil.copytree(BANK, course / "bank")
    built = build_sources(course_dir=course, verify=False)
    students = student_ids(n_students)
    init_course(course_dir=course, roster=write_roster(Path(root) / "roster.csv", students))
    for name in release or tuple(b.name for b in built):
        release_assignment(course_dir=course, assignment=name)
    questions = load_bank(course / "bank")[quiz]
    stamp = "2026-01-15 09:00:00.000000 UTC"
    for sid, answers in class_answers(questions, students, seed=seed).items():
        simulate_submission(course_dir=course, assignment=quiz, student=sid, answers=answers,
                            timestamp=stamp)
    return course


def copy_course(base: Path, dest: Path, *, quiz: str, n: int) -> Path:
    """An identical copy of ``base`` with only the first ``n`` students (roster, submissions)."""
    keep = set(student_ids(n))
    submitted = Path(base) / "submitted"

    def ignore(folder: str, names: list[str]) -> set[str]:
        if Path(folder) == submitted:
            return {name for name in names if name not in keep}
        return set()

    shutil.copytree(base, dest, ignore=ignore)
    found = sorted(p.parent.name for p in (Path(dest) / "submitted").glob(f"*/{quiz}"))
    if len(found) != n:
        raise RuntimeError(f"{dest}: expected {n} submissions of {quiz}, found {len(found)}")
    _trim_roster(Path(dest), keep)
    return Path(dest)


def _trim_roster(course: Path, keep: set[str]) -> None:
    """Remove every student not in ``keep`` from the copy's gradebook (a class of N)."""
    from pocedu.assess.course.nbgrader_api import gradebook

    with gradebook(course) as gb:
        for student in [s.id for s in gb.students if s.id not in keep]:
            gb.remove_student(student)
