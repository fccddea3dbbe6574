"""``pocedu assess build``: the graded bank -> nbgrader source notebooks and public items files.

The steps, each a small function: ``load_bank`` (validate) -> ``items_document`` (public
items) -> ``quiz_cells`` -> ``quiz_notebook`` -> ``write_quiz``; then ``verify_quiz`` proves
that the quiz tests itself (all-correct answers score full marks) and survives nbgrader.
"""

from __future__ import annotations

import json
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..course.layout import Course
from ..errors import AssessError
from .bank import load_bank, order_warnings
from .cells import items_document, quiz_cells, quiz_notebook, rubric_document

RUBRICS = "rubrics"


@dataclass(frozen=True)
class BuiltQuiz:
    """One generated quiz source."""

    name: str
    """Assignment name, e.g. 'quiz01'."""
    directory: Path
    """``source/<name>/``."""
    items: int
    """Number of items."""
    points: float
    """Total points."""


def render_quiz(name: str, questions: list[Any]) -> dict[str, str]:
    """``{file name: text}`` of one quiz's source folder (deterministic)."""
    import nbformat

    from ...notebook_view import student_view

    doc = items_document(name, questions)
    nb = quiz_notebook(quiz_cells(name, questions, doc))
    student_view(nb)  # code cells collapsed and locked: students never see Python
    files = {
        f"{name}.ipynb": nbformat.writes(nb) + "\n",
        f"{name}.items.json": json.dumps(doc, indent=1, ensure_ascii=False, sort_keys=True)
        + "\n",
    }
    guide = rubric_document(name, questions, doc)
    if guide is not None:  # kept outside source/: nbgrader releases every file in source/
        files[f"{RUBRICS}/{name}.md"] = guide
    return files


def _target(course: Course, name: str, fname: str) -> Path:
    """Where a rendered file goes: the grading guide under rubrics/, the rest in source/."""
    if fname.startswith(RUBRICS + "/"):
        return course.rubrics / fname.split("/", 1)[1]
    return course.assignment(name).source / fname


def write_quiz(course_dir: Path | Course, name: str, files: dict[str, str]) -> None:
    """Write the files of one quiz into ``course_dir`` (folders created if needed)."""
    for fname, text in files.items():
        path = _target(Course.at(course_dir), name, fname)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def render_all(bank_dir: Path) -> dict[str, tuple[list[Any], dict[str, str]]]:
    """Every quiz of the bank: its questions and rendered files."""
    bank = load_bank(bank_dir)
    for name, questions in bank.items():
        for warning in order_warnings(questions):
            print(f"warning: {name}: {warning}", file=sys.stderr)
    return {name: (qs, render_quiz(name, qs)) for name, qs in bank.items()}


def out_of_sync(*, course_dir: Path | Course, bank_dir: Path | None = None) -> list[str]:
    """Source files that differ from what the bank would generate (empty when in sync)."""
    course = Course.at(course_dir)
    rendered = render_all(Path(bank_dir) if bank_dir else course.bank)
    stale = []
    for name, (_, files) in rendered.items():
        for fname, text in files.items():
            path = _target(course, name, fname)
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(str(path.relative_to(course.root)))
    return stale


def build_sources(*, course_dir: Path | Course, bank_dir: Path | None = None,
                  verify: bool = True) -> list[BuiltQuiz]:
    """Validate the bank and write ``source/<quiz>/`` for each quiz file in it.

    With ``verify`` each quiz is executed with all-correct answers (it must score full marks)
    and put through ``nbgrader generate_assignment`` (the release must hold no key).
    """
    course = Course.at(course_dir)
    rendered = render_all(Path(bank_dir) if bank_dir else course.bank)
    built = []
    for name, (questions, files) in rendered.items():
        if verify:
            with tempfile.TemporaryDirectory(prefix=f"pocedu-verify-{name}-") as tmp:
                from .selfcheck import verify_quiz

                source_files = {k: v for k, v in files.items()
                                if not k.startswith(RUBRICS + "/")}
                verify_quiz(name, questions, source_files, workdir=Path(tmp))
        target = course.assignment(name).source
        write_quiz(course, name, files)
        doc = json.loads(files[f"{name}.items.json"])
        built.append(BuiltQuiz(name, target, len(questions),
                               sum(i["points"] for i in doc["items"])))
    if not built:
        raise AssessError(f"no quiz files in {bank_dir or course.bank}")
    return built
