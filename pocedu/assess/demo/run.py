"""``pocedu demo``: a whole course run end to end on a seeded class of simulated students.

Student ability follows a Rasch-like model: ability ~ N(0, 1), each item a difficulty, and
P(right) = 1 / (1 + exp(difficulty - ability)). Wrong answers come from each item's own
'wrong' sample. Uses ``assessments/`` next to the package when there (a repo checkout), else
the demonstration bank shipped in ``demo_data/`` (a demo quiz, never a real assessment).
"""

from __future__ import annotations

import math
import random
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO_COURSE = Path(__file__).resolve().parents[3] / "assessments"
DEMO_DATA = Path(__file__).resolve().parent / "demo_data"
DEFAULT = "quiz02"
PRE_POST = ("pretest", "final")
"""The diagnostic pre-test and the final test: the demo runs them before and after DEFAULT."""
GROWTH = {"pretest": -0.8, "final": 0.6}
"""How far each simulated student's ability is from their course ability on that test."""


def default_plan(bank: dict[str, Any]) -> list[str]:
    """The pre-test, the default quiz and the final test, as far as the bank has them."""
    quiz = DEFAULT if DEFAULT in bank else next(iter(bank))
    return [n for n in (PRE_POST[0], quiz, PRE_POST[1]) if n in bank]
"""The quiz the demo runs when none is named (tiers, phases, risk: the richest items)."""
FIRST_NAMES = ["Amara", "Bruno", "Chloe", "Dawit", "Elena", "Farid", "Grace", "Hugo", "Ines",
               "Jonas", "Kofi", "Lina", "Mateo", "Nadia", "Omar", "Priya", "Rafael", "Sara",
               "Tomas", "Yara"]


def _bank_dir() -> Path:
    bank = REPO_COURSE / "bank"
    return bank if bank.is_dir() and any(bank.glob("*.yaml")) else DEMO_DATA / "bank"


def simulated_answers(questions: list[Any], *, ability: float, rng: random.Random,
                      difficulty: dict[str, float]) -> dict[str, Any]:
    """One student's clicks: right with the Rasch probability, else a wrong sample."""
    answers: dict[str, Any] = {}
    for q in questions:
        if rng.random() < 0.04:
            continue
        if q.type == "short_text":  # written answers wait for a grader
            texts = [s.response["text"] for s in q.samples
                     if s.kind != "invalid" and isinstance(s.response, dict)]
            if texts:
                answers[q.id] = {"text": rng.choice(texts)}
            continue
        p_right = 1 / (1 + math.exp(difficulty[q.id] - ability))
        if rng.random() < p_right:
            key = q.key.model_dump() if hasattr(q.key, "model_dump") else q.key
            answers[q.id] = key
        else:
            wrong = [s.response for s in q.samples if s.kind == "wrong"]
            answers[q.id] = rng.choice(wrong)
    return answers


def grader_marks(course: Path, assignment: str, questions: list[Any],
                 submitted: dict[str, dict[str, Any]]) -> int:
    """Play the grader: mark each written answer with the score its rubric sample earns."""
    from ..course.nbgrader_api import gradebook

    rubric_score = {(q.id, s.response["text"]): s.score for q in questions
                    if q.type == "short_text" for s in q.samples
                    if isinstance(s.response, dict) and "text" in s.response}
    marked = 0
    with gradebook(course) as gb:
        for sid, answers in submitted.items():
            for q in questions:
                text = (answers.get(q.id) or {}).get("text") if q.type == "short_text" else None
                if text is None:
                    continue
                grade = gb.find_grade(q.id, assignment, assignment, sid)
                grade.manual_score = round(rubric_score[(q.id, text)] * grade.max_score, 2)
                grade.needs_manual_grade = False  # as formgrader does on saving a grade
                marked += 1
        gb.db.commit()
    return marked


def final_scores(results: Any, assignment: str) -> str:
    """The class's final scores after grading and marking, one student a line."""
    totals = results.groupby("student_id")[["points", "max_points"]].sum()
    lines = [f"   final scores of {assignment} ({len(totals)} students, mean "
             f"{totals['points'].mean():.1f} / {totals['max_points'].max():g}):"]
    lines += [f"     {sid}: {row.points:g} / {row.max_points:g}"
              for sid, row in totals.iterrows()]
    return "\n".join(lines)


def run_demo(*, out: Path = Path("pocedu-demo"), students: int = 20, seed: int = 2015,
             assignments: list[str] | None = None, jobs: int | None = None,
             say: Callable[[str], None] = print) -> dict[str, Path]:
    """Run the demo into ``out`` (replaced); return the paths of its main outputs."""
    from ..build.bank import load_bank
    from ..build.sources import build_sources
    from ..course.release import collect, release_assignment
    from ..course.setup import init_course
    from ..grade.run import grade_assignment
    from ..results.export import export_all
    from ..results.feedback import write_feedback
    from ..results.report import build_report
    from ..results.table import load_results, load_submissions
    from .simulate import simulate_submission

    start = time.monotonic()
    out = Path(out).resolve()
    if out.exists():
        shutil.rmtree(out)
    course, inbox = out / "course", out / "inbox"
    rng = random.Random(seed)
    ids = [f"{FIRST_NAMES[i % len(FIRST_NAMES)].lower()}{i + 1:02d}" for i in range(students)]
    roster = out / "roster.csv"
    out.mkdir(parents=True)
    roster.write_text("id,first_name,last_name,email\n" + "".join(
        f"{sid},{FIRST_NAMES[i % len(FIRST_NAMES)]},Student{i + 1:02d},{sid}@example.org\n"
        for i, sid in enumerate(ids)), encoding="utf-8")
    bank_dir = _bank_dir()
    say(f"1. Course: {course} (bank: {bank_dir}), {students} simulated students")
    shutil.copytree(bank_dir, course / "bank")
    init_course(course_dir=course, roster=roster)
    say("2. Building the quiz notebooks from the graded bank")
    build_sources(course_dir=course, verify=False)
    bank = load_bank(course / "bank")
    chosen = assignments or default_plan(bank)
    ability = {sid: rng.gauss(0, 1) for sid in ids}
    outputs: dict[str, Path] = {"course": course}
    graded: dict[str, Any] = {}
    for name in chosen:
        questions = bank[name]
        difficulty = {q.id: rng.gauss(-0.5, 1) for q in questions}
        say(f"3. Releasing {name} ({len(questions)} items)")
        release_assignment(course_dir=course, assignment=name)
        absent = rng.choice(ids)
        say(f"4. Students answer by clicking ({students - 1} submit; {absent} does not)")
        submitted: dict[str, dict[str, Any]] = {}
        for sid in ids:
            if sid == absent:
                continue
            submitted[sid] = simulated_answers(
                questions, ability=ability[sid] + GROWTH.get(name, 0.0), rng=rng,
                difficulty=difficulty)
            simulate_submission(course_dir=course, assignment=name, student=sid,
                                answers=submitted[sid], target=inbox / sid / name)
        say("5. Collecting submissions")
        collect(course_dir=course, assignment=name, inbox=inbox)
        say("6. Grading in parallel (nbgrader autograde, one worker per core)")
        say(str(grade_assignment(course_dir=course, assignment=name, jobs=jobs)))
        marked = grader_marks(course, name, questions, submitted)
        if marked:
            say(f"   a grader marks the {marked} written answers against the rubric "
                f"(rubrics/{name}.md)")
        results = load_results(course_dir=course, assignment=name)
        say(final_scores(results, name))
        say("7. Feedback, exports and report")
        write_feedback(results=results, bank=bank, out_dir=out / "feedback")
        paths = export_all(results=results, roster=roster, out_dir=out / "exports",
                           assignment=name,
                           submissions=load_submissions(course_dir=course, assignment=name))
        graded[name] = results
        pre = graded.get(PRE_POST[0]) if name == PRE_POST[1] else None
        report = build_report(results=results, bank=bank, out_dir=out / "report" / name,
                              title=f"{name}: demo class", pretest=pre)
        outputs[f"{name} grades CSV"] = Path(paths["nbgrader"])
        outputs[f"{name} report"] = Path(report)
    say(f"Done in {time.monotonic() - start:.0f} s.")
    for what, path in outputs.items():
        say(f"  {what}: {path}")
    return outputs
