"""Steps 2-4 of the build: bank items -> public items file -> cells -> nbgrader notebook."""

from __future__ import annotations

import random
import re
from typing import Any

NB_SCHEMA = 3
POINTS = {"single": 1, "true_false": 1, "multiple": 2, "ordering": 2, "classification": 2,
          "matching": 2, "short_text": 3}
"""Marks per item type: partial-credit types are worth more."""
MODULE_TITLES = {
    "01_definitions": "Module 1 quiz: definitions, principles and responsibility",
    "02_tiers_phases": "Module 2 quiz: tiers, phases, threats and risk",
    "03_police_role": "Module 3 quiz: the role of UN Police",
    "04_crsv_cp": "Module 4 quiz: CRSV and child protection",
    "05_capstone": "Capstone exercise",
}
ITEMS_SCHEMA = 1


def label_of(index: int) -> str:
    """The label students see for the ``index``-th item (0-based): Q1, Q2, ..."""
    return f"Q{index + 1}"


def _public_options(q: Any, pub: dict) -> list[dict]:
    """Ordering items are stored in a fixed shuffled order that is not the key."""
    opts = pub["options"]
    if q.type != "ordering" or len(opts) < 2:
        return opts
    rng = random.Random(q.id)
    shuffled = list(opts)
    rng.shuffle(shuffled)
    while [o["id"] for o in shuffled] == list(q.key):
        rng.shuffle(shuffled)
    return shuffled


def items_document(assignment: str, questions: list[Any]) -> dict[str, Any]:
    """The public items file: prompts, options, labels, points; never keys or feedback."""
    from ...questions.public import public_item

    items = []
    for i, q in enumerate(questions):
        pub = public_item(q, label=label_of(i))
        pub["options"] = _public_options(q, pub)
        pub.update(points=POINTS[q.type], objective=q.objective, section=q.section)
        items.append(pub)
    module = questions[0].module
    return {"schema": ITEMS_SCHEMA, "assignment": assignment, "module": module,
            "title": MODULE_TITLES.get(module, assignment), "items": items}


def _meta(grade_id: str, *, grade: bool = False, solution: bool = False, locked: bool = True,
          points: float | None = None) -> dict:
    meta: dict[str, Any] = {"grade": grade, "grade_id": grade_id, "locked": locked,
                            "schema_version": NB_SCHEMA, "solution": solution}
    if points is not None:
        meta["points"] = points
    return {"nbgrader": meta}


def _cell_id(grade_id: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "-", grade_id)[:64]


def _md(grade_id: str, text: str, **meta: Any) -> Any:
    import nbformat

    cell = nbformat.v4.new_markdown_cell(text, metadata=_meta(grade_id, **meta))
    cell.id = _cell_id(grade_id)
    return cell


def _code(grade_id: str, text: str, **meta: Any) -> Any:
    import nbformat

    cell = nbformat.v4.new_code_cell(text, metadata=_meta(grade_id, **meta))
    cell.id = _cell_id(grade_id)
    return cell


def key_literal(q: Any) -> str:
    """The key as a Python literal (what only the hidden tests contain)."""
    key = q.key.model_dump() if hasattr(q.key, "model_dump") else q.key
    if isinstance(key, dict):
        key = dict(sorted(key.items()))
    return repr(key)


def intro_text(doc: dict) -> str:
    """How to answer, that answers save themselves, how to submit."""
    n = len(doc["items"])
    total = sum(i["points"] for i in doc["items"])
    return (
        f"# {doc['title']}\n\n"
        f"{n} questions, {total:g} points. Work through them in any order.\n\n"
        "**How to answer.** First run all cells (menu *Run* > *Run All Cells*). Then click your "
        "answers. Each answer is **saved at once**, so you can close the notebook and come back "
        "later: your answers are still there. You do not need to write any code.\n\n"
        "**Keyboard.** You can also type an answer in a new cell, for example "
        '`answer("Q3", "B")`: the letters follow the order of the options shown to you. '
        "Questions that ask for a written answer have a text box: write in it, and your text "
        "is saved as you type.\n\n"
        "**You will not see here whether an answer is right.** Your feedback comes after "
        "grading.\n\n"
        "**Submit** with the *Assignments* tab (or as your instructor tells you) when you have "
        "finished. `quiz.progress()` at the end shows how many questions you have answered."
    )


def short_text_prompt(q: Any, item: dict) -> str:
    """The task of a written item. Its rubric is for graders only: rubric points can name
    answers that other, autograded items ask for."""
    return "\n".join([
        f"**{item['label']}.** {q.prompt.en} *({item['points']} points)*", "",
        f"Write your answer in the box below: it is saved as you type. An instructor marks it "
        f"against {len(q.rubric)} criteria.",
    ])


def grader_text(q: Any) -> str:
    """Model answer and rubric of a written item, for the source notebook and graders."""
    answer = q.model_answer.en if q.model_answer else ""
    rubric = "\n".join(f"- {r.text.en}" for r in q.rubric)
    return f"{answer}\n\n**Rubric (graders only):**\n{rubric}"


def rubric_document(assignment: str, questions: list[Any], doc: dict) -> str | None:
    """A Markdown grading guide of the written items of ``assignment`` (None if there are none)."""
    parts = [f"# Grading guide: {assignment}", "",
             "For graders only: never release this file. Each written answer is marked against "
             "its criteria; the model answer shows one answer that earns full marks.", ""]
    found = False
    for q, item in zip(questions, doc["items"], strict=True):
        if q.type != "short_text":
            continue
        found = True
        parts += [f"## {item['label']} ({q.id}), {item['points']} points", "", q.prompt.en, "",
                  "**Criteria:**", *[f"- {r.text.en}" for r in q.rubric], "",
                  "**Model answer:**", "", q.model_answer.en if q.model_answer else "", "",
                  f"*Source: {'; '.join(q.source)}*", ""]
    return "\n".join(parts) if found else None


def quiz_cells(assignment: str, questions: list[Any], doc: dict) -> list[Any]:
    """Every cell of the source notebook, in order."""
    cells = [
        _md("intro", intro_text(doc)),
        _code("setup", f'from pocedu.quiz import Quiz, answer\nquiz = Quiz("{assignment}")'),
    ]
    for q, item in zip(questions, doc["items"], strict=True):
        label, points = item["label"], item["points"]
        if q.type == "short_text":
            cells.append(_md(f"prompt-{q.id}", short_text_prompt(q, item)))
            cells.append(_code(f"ask-{q.id}", f'quiz.ask("{label}")'))  # a saved text box
            answer_cell = _md(q.id, grader_text(q), grade=True, solution=True, locked=False,
                              points=points)
            # Filled from the text box when the graded copy is built; hidden from students.
            answer_cell.metadata.update({"jupyter": {"source_hidden": True},
                                         "editable": False, "deletable": False})
            cells.append(answer_cell)
            continue
        cells.append(_code(f"ask-{q.id}", f'quiz.ask("{label}")'))
        cells.append(_code(q.id, (
            "# Graded after you submit: nothing to do here.\n"
            "### BEGIN HIDDEN TESTS\n"
            f'quiz.grade("{label}", key={key_literal(q)}, points={points})\n'
            "### END HIDDEN TESTS"
        ), grade=True, points=points))
    cells.append(_md("closing", "## Before you submit\n\nRun the cell below: it counts your "
                                "saved answers. Unanswered questions score no points."))
    cells.append(_code("progress", "quiz.progress()"))
    return cells


def quiz_notebook(cells: list[Any]) -> Any:
    """The nbgrader source notebook holding ``cells``."""
    import nbformat

    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata = {
        "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python",
                       "name": "python3"},
        "language_info": {"name": "python"},
    }
    return nb
