"""A throwaway pocedu course for the assessment tests (imported by test_quiz_*, test_assess_*,
test_pipeline). The small bank ``data/bank_quiz02.yaml`` stands in for assessments/bank/."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

DATA = Path(__file__).parent / "data"
QUIZ = "quiz02"
KEYS: dict[str, Any] = {
    "Q1": "t2",
    "Q2": ["p-prev", "p-pree", "p-resp"],
    "Q3": {"value": False, "justification": "j2"},
    "Q4": ["ph-prev", "ph-pree", "ph-resp", "ph-cons"],
    "Q5": {"a-dialogue": "tier-1", "a-force": "tier-2", "a-programme": "tier-3"},
}
"""The fixture bank's keys by label, kept here independently of the generated notebook."""
POINTS = {"Q1": 1, "Q2": 2, "Q3": 1, "Q4": 2, "Q5": 2, "Q6": 3}
PROFILES: dict[str, dict[str, Any]] = {
    "all-right": dict(KEYS),
    "all-wrong": {"Q1": "t1", "Q2": ["p-det"], "Q3": {"value": True, "justification": "j1"},
                  "Q4": ["ph-cons", "ph-resp", "ph-pree", "ph-prev"],
                  "Q5": {"a-dialogue": "tier-3", "a-force": "tier-1", "a-programme": "tier-2"}},
    "mixed": {"Q1": "t2", "Q2": ["p-prev", "p-det"],
              "Q3": {"value": False, "justification": "j1"},
              "Q5": {"a-dialogue": "tier-1", "a-force": "tier-2", "a-programme": "tier-1"}},
    "no-answers": {},
}
EXPECTED = {"all-right": 8.0, "all-wrong": 0.0, "mixed": 1 + 0 + 0.5 + 0 + 2 * 2 / 3,
            "no-answers": 0.0}
"""Auto-graded points per profile, worked out by hand from the keys (Q6 is manual)."""


def write_bank(course_dir: Path) -> Path:
    """Put the fixture bank into ``course_dir/bank/``."""
    bank = course_dir / "bank"
    bank.mkdir(parents=True, exist_ok=True)
    shutil.copy(DATA / "bank_quiz02.yaml", bank / f"{QUIZ}.yaml")
    return bank


def write_roster(path: Path, students: list[str]) -> Path:
    """A roster CSV for ``students``."""
    rows = "".join(f"{s},First {s},Last {s},{s}@example.org\n" for s in students)
    path.write_text("id,first_name,last_name,email\n" + rows, encoding="utf-8")
    return path


def make_course(root: Path, students: list[str], *, verify: bool = False) -> Path:
    """Build, init and release the fixture quiz in ``root/course``; return the course dir."""
    from pocedu.assess.build import build_sources
    from pocedu.assess.course import init_course
    from pocedu.assess.course.release import release_assignment

    course = root / "course"
    write_bank(course)
    build_sources(course_dir=course, verify=verify)
    init_course(course_dir=course, roster=write_roster(root / "roster.csv", students))
    release_assignment(course_dir=course, assignment=QUIZ)
    return course
