"""``pocedu course simulate-submission``: a submission exactly as a student clicking would make."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from ..course.layout import Course
from ..errors import AssessError


def simulate_submission(*, course_dir: Path | Course, assignment: str, student: str,
                        answers: dict[str, Any], timestamp: str | None = None,
                        target: Path | None = None) -> Path:
    """Copy the released quiz to ``submitted/<student>/<assignment>/`` and save ``answers``.

    ``answers`` maps labels ('Q3') or item ids to responses (option ids, as a widget saves
    them). Answers go through the same store code as clicks. ``target`` is another folder
    (e.g. an inbox) to write the submission into instead.
    """
    from ...quiz.items import QuizError
    from ...quiz.runtime import Quiz
    from ..course.release import now_timestamp

    layout = Course.at(course_dir).assignment(assignment)
    released = layout.release
    if not released.is_dir():
        raise AssessError(f"'{assignment}' is not released: run `pocedu assess release "
                          f"{assignment}` first")
    dest = Path(target) if target is not None else layout.submitted(student)
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(released, dest)
    quiz = Quiz(assignment, directory=dest, student=student)
    for label, response in answers.items():
        try:
            item = quiz.item(label)
            if item["type"] == "short_text":
                text = response.get("text") if isinstance(response, dict) else response
                if not isinstance(text, str):
                    raise QuizError(f"{label}: a written answer is text")
                quiz.on_answer(label)({"text": text, "checked": []})  # the text box
                continue
            quiz.on_answer(label)(response)
        except QuizError as err:
            raise AssessError(f"answers for {student}: {err}") from None
    (dest / "timestamp.txt").write_text((timestamp or now_timestamp()) + "\n")
    return dest


def write_answer_cells(notebook: Path, texts: dict[str, str]) -> None:
    """Type ``texts`` into the written-answer cells (by grade id), as a student would."""
    import nbformat

    nb = nbformat.read(notebook, as_version=4)
    for cell in nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id in texts:
            cell.source = texts[grade_id]
    nbformat.write(nb, notebook)


def read_answers(path: Path) -> dict[str, Any]:
    """An answers JSON file: ``{label or item id: response}``."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise AssessError(f"{path}: cannot read answers ({err})") from None
    if not isinstance(data, dict):
        raise AssessError(f"{path}: expected a JSON object mapping labels to responses")
    return data
