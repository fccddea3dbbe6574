"""Grade a staged copy from its answer store, in-process, exactly as ``nbgrader autograde`` would.

A pocedu quiz's hidden tests are one call each, ``quiz.grade("Q3", key=..., points=2)``, and
the set-up cell is ``quiz = Quiz("<quiz>")``: running them needs no kernel. ``AnswerGrader``
reads those calls from the gradebook's source cells (the instructor's, never the student's),
calls the same ``Quiz.grade`` on the staged copy, puts the value where the kernel would
(an ``execute_result``) and then writes the rows nbgrader's own steps write, with nbgrader's
own functions: ``OverwriteCells`` (checksums, locked sources), ``SaveAutoGrades``
(``utils.determine_grade``, the "No response." comment), ``AssignLatePenalties`` (the course's
``LateSubmissionPlugin``). It also writes the ``autograded/`` notebook formgrader shows:
written answers in their cells, each clicked answer shown as text under its question.

A quiz whose source cells are not of that form (``why_not``) is graded by the kernel path.
"""

from __future__ import annotations

import ast
import json
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .worker import WorkerReport

if TYPE_CHECKING:
    from ..course.layout import Assignment

SETUP = 'from pocedu.quiz import Quiz, answer\nquiz = Quiz("{name}")'


@dataclass(frozen=True)
class HiddenTest:
    """One hidden test call, ``quiz.grade(label, key=key, points=points)``."""

    label: str
    key: Any
    points: float | None


@dataclass(frozen=True)
class SourceCell:
    """What the gradebook holds about one cell of the instructor's source."""

    source: str
    checksum: str | None
    locked: bool
    cell_type: str
    max_score: float | None


def parse_hidden_test(source: str) -> HiddenTest | None:
    """The call of a hidden test cell, or None when it is anything else."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    if len(tree.body) != 1 or not isinstance(tree.body[0], ast.Expr):
        return None
    call = tree.body[0].value
    if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
            and call.func.attr == "grade" and isinstance(call.func.value, ast.Name)
            and call.func.value.id == "quiz" and len(call.args) == 1
            and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str)):
        return None
    kwargs = {k.arg: k.value for k in call.keywords}
    if set(kwargs) - {"key", "points"} or "key" not in kwargs:
        return None
    try:
        key = ast.literal_eval(kwargs["key"])
        points = ast.literal_eval(kwargs["points"]) if "points" in kwargs else None
    except ValueError:
        return None
    return HiddenTest(call.args[0].value, key, None if points is None else float(points))


class AnswerGrader:
    """Grades staged copies of one assignment in-process; one gradebook session per batch."""

    def __init__(self, quiz: Assignment) -> None:
        from nbgrader.coursedir import CourseDirectory

        self.quiz = quiz
        self.config = quiz.course.nbgrader_config()
        self.coursedir = CourseDirectory(config=self.config)
        self.cells: dict[str, SourceCell] = {}
        self.tests: dict[str, HiddenTest] = {}
        self.why_not = ""
        """Why this quiz cannot be graded from answers ('' when it can)."""
        self._load()

    def _load(self) -> None:
        with self.quiz.course.gradebook() as gb:
            nb = gb.find_notebook(self.quiz.name, self.quiz.name)
            maxima = {c.name: float(c.max_score) for c in nb.grade_cells}
            for c in nb.source_cells:
                self.cells[c.name] = SourceCell(c.source, c.checksum, bool(c.locked),
                                                c.cell_type, maxima.get(c.name))
            solutions = {c.name for c in nb.solution_cells}
        setup = self.cells.get("setup")
        if setup is None or setup.source.strip() != SETUP.format(name=self.quiz.name):
            self.why_not = "the quiz's set-up cell is not pocedu's"
            return
        for name, cell in self.cells.items():
            if cell.max_score is None or name in solutions:
                continue
            test = parse_hidden_test(cell.source) if cell.cell_type == "code" else None
            if test is None:
                self.why_not = f"grade cell '{name}' is not one quiz.grade(...) call"
                return
            self.tests[name] = test

    def _late_plugin(self) -> Any:
        from nbgrader.preprocessors import AssignLatePenalties

        return AssignLatePenalties(config=self.config)

    def autograded_notebook(self, staged_nb: dict[str, Any], scores: dict[str, float],
                            shown: dict[str, str]) -> Any:
        """The graded notebook: ``OverwriteCells``' repairs, hidden-test values as outputs."""
        import nbformat
        from nbgrader import utils

        nb = nbformat.reads(json.dumps(staged_nb), as_version=4)
        count = 0
        for cell in nb.cells:
            grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
            src = self.cells.get(grade_id) if grade_id else None
            if src is not None:
                cell.metadata.nbgrader["checksum"] = src.checksum
                if src.locked and utils.compute_checksum(cell) != src.checksum:
                    cell.source = src.source
            if cell.cell_type != "code":
                continue
            count += 1
            cell.execution_count = count
            cell.outputs = []
            if grade_id in scores:
                cell.outputs.append(nbformat.v4.new_output(
                    "execute_result", data={"text/plain": repr(scores[grade_id])},
                    execution_count=count))
            elif grade_id in shown:
                cell.outputs.append(nbformat.v4.new_output("stream", name="stdout",
                                                           text=shown[grade_id]))
        return nb

    def grade(self, gb: Any, *, student: str, staged: Path,
              keep_manual: bool = False) -> WorkerReport:
        """Score ``staged`` (``.../submitted/<s>/<a>/``) and write its gradebook rows."""
        from ...quiz.runtime import Quiz

        start = time.monotonic()
        quiz = self.quiz
        work = staged.parent.parent.parent / "autograded" / student / quiz.name
        work.mkdir(parents=True, exist_ok=True)
        for path in staged.iterdir():
            shutil.copyfile(path, work / path.name)
        shutil.copyfile(quiz.items_file, work / quiz.items_file.name)
        staged_nb = json.loads((staged / quiz.notebook_name).read_text(encoding="utf-8"))
        runtime = Quiz(quiz.name, directory=work, student=student)
        scores = {gid: runtime.grade(t.label, key=t.key, points=t.points)
                  for gid, t in self.tests.items()}
        shown = self._shown(runtime, staged_nb)
        nb = self.autograded_notebook(staged_nb, scores, shown)
        facts = self._write_rows(gb, student=student, nb=nb, timestamp_dir=staged,
                                 keep_manual=keep_manual)
        dest = quiz.autograded(student)
        if dest.exists():
            shutil.rmtree(dest)
        dest.mkdir(parents=True)
        (work / quiz.notebook_name).write_text(json.dumps(nb, indent=1, ensure_ascii=True),
                                               encoding="utf-8")
        for path in work.iterdir():
            shutil.copyfile(path, dest / path.name)
        return WorkerReport(student, ok=True, seconds=time.monotonic() - start, path="answers",
                            facts=facts)

    @staticmethod
    def _shown(runtime: Any, staged_nb: dict[str, Any]) -> dict[str, str]:
        """Each clicked answer as text, keyed by its question's ``ask-`` cell."""
        out = {}
        for cell in staged_nb["cells"]:
            grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id", "")
            if not grade_id.startswith("ask-"):
                continue
            item = runtime.items.get(grade_id[4:])
            if item is None:
                continue
            response = runtime.store.get(item["id"])
            out[grade_id] = (f"{item['label']}: no answer saved" if response is None else
                             f"{item['label']}: saved answer {json.dumps(response)}")
        return out

    def _write_rows(self, gb: Any, *, student: str, nb: Any, timestamp_dir: Path,
                    keep_manual: bool = False) -> dict[str, Any]:
        """The rows of ``Autograde.init_assignment``, ``SaveAutoGrades``, late penalties.

        ``keep_manual`` (the input is the one graded before): a written answer a grader has
        marked keeps its mark, where nbgrader would ask for it to be graded again.
        """
        from nbgrader import utils

        quiz = self.quiz
        timestamp = self.coursedir.get_existing_timestamp(str(timestamp_dir))
        if timestamp:
            sub = gb.update_or_create_submission(quiz.name, student, timestamp=timestamp)
        else:
            sub = gb.update_or_create_submission(quiz.name, student)
        notebook = next(n for n in sub.notebooks if n.name == quiz.name)
        grades = {g.name: g for g in notebook.grades}
        comments = {c.name: c for c in notebook.comments}
        for cell in nb.cells:
            if utils.is_grade(cell):
                grade = grades[cell.metadata.nbgrader["grade_id"]]
                marked = grade.manual_score is not None and not grade.needs_manual_grade
                grade.auto_score, _ = utils.determine_grade(cell)
                grade.needs_manual_grade = (grade.manual_score is not None
                                            or grade.auto_score is None)
                if keep_manual and marked:
                    # the same answer graded again (--force): a grader's mark stands
                    grade.needs_manual_grade = False
            if utils.is_solution(cell) or utils.is_task(cell):
                comment = comments[cell.metadata.nbgrader["grade_id"]]
                unchanged = cell.metadata.nbgrader.get("checksum") == utils.compute_checksum(cell)
                comment.auto_comment = ("No response." if unchanged and not utils.is_task(cell)
                                        else None)
        gb.db.flush()
        gb.db.refresh(notebook)  # its score is computed by the database from the grades
        notebook.late_submission_penalty = None
        if sub.total_seconds_late > 0:
            late = self._late_plugin()
            late.init_plugin()
            penalty = late.plugin_inst.late_submission_penalty(student, notebook.score,
                                                               sub.total_seconds_late)
            if penalty is not None:
                notebook.late_submission_penalty = late._check_late_penalty(notebook, penalty)
        gb.db.flush()
        gb.db.refresh(sub)
        facts = {"score": float(sub.score), "max": float(sub.max_score),
                 "late": float(sub.total_seconds_late or 0),
                 "penalty": float(notebook.late_submission_penalty or 0),
                 "manual": any(g.needs_manual_grade for g in grades.values())}
        gb.db.commit()
        return facts
