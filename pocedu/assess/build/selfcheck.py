"""Questions test themselves: run a generated quiz with all-correct answers and release it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from ..errors import AssessError
from .cells import key_literal


def correct_store(directory: Path, name: str, questions: list[Any]) -> None:
    """Write an answer store holding every auto-graded item's key as the response."""
    from ...quiz.store import AnswerStore, store_path

    store = AnswerStore(store_path(directory, name), assignment=name, student="selfcheck")
    for q in questions:
        if q.type != "short_text":
            key = q.key.model_dump() if hasattr(q.key, "model_dump") else q.key
            store.save(q.id, key)


def execute(notebook: Path, *, timeout: int = 120) -> Any:
    """Execute ``notebook`` in its folder with the python3 kernel; return the run notebook."""
    import nbformat

    from ...kernels import SteadyNotebookClient, kernel_manager

    nb = nbformat.read(notebook, as_version=4)
    SteadyNotebookClient(nb, timeout=timeout, kernel_name="python3", km=kernel_manager("python3"),
                   resources={"metadata": {"path": str(notebook.parent)}}).execute()
    return nb


def grades(nb: Any) -> dict[str, tuple[float | None, float]]:
    """``{grade_id: (score, max)}`` as nbgrader would read the executed cells."""
    from nbgrader import utils

    return {c.metadata["nbgrader"]["grade_id"]: utils.determine_grade(c)
            for c in nb.cells if utils.is_grade(c)}


def verify_quiz(name: str, questions: list[Any], files: dict[str, str], *,
                workdir: Path) -> None:
    """Raise AssessError unless the quiz scores full marks and releases without keys."""
    src = workdir / "run"
    src.mkdir()
    for fname, text in files.items():
        (src / fname).write_text(text, encoding="utf-8")
    correct_store(src, name, questions)
    nb = execute(src / f"{name}.ipynb")
    problems = [f"{name}: item '{gid}' scores {got} of {top} with the right answer"
                for gid, (got, top) in grades(nb).items() if got is not None and got != top]
    problems += [f"{name}: cell '{c.metadata['nbgrader']['grade_id']}' writes to stderr"
                 for c in nb.cells if c.cell_type == "code"
                 and any(o.get("name") == "stderr" for o in c.outputs)]
    if problems:
        raise AssessError(problems)
    release_check(name, questions, files, workdir=workdir / "course")


def release_check(name: str, questions: list[Any], files: dict[str, str], *,
                  workdir: Path) -> None:
    """Run ``nbgrader generate_assignment`` on a throwaway course; no key may survive."""
    from ..course.config import write_config
    from ..course.layout import Course
    from ..course.nbgrader_api import api, check_result

    write_config(workdir)
    course = Course(workdir)
    src = course.assignment(name).source
    src.mkdir(parents=True)
    for fname, text in files.items():
        (src / fname).write_text(text, encoding="utf-8")
    check_result(api(workdir).generate_assignment(name), f"nbgrader generate_assignment {name}")
    leaks = find_keys(course.folder("release"), questions)
    shutil.rmtree(workdir, ignore_errors=True)
    if leaks:
        raise AssessError([f"{name}: the release reveals a key: {leak}" for leak in leaks])


def find_keys(root: Path, questions: list[Any]) -> list[str]:
    """Files under ``root`` holding a hidden-test key literal (``key=...``)."""
    needles = {q.id: f"key={key_literal(q)}" for q in questions if q.type != "short_text"}
    found = []
    for path in sorted(p for p in Path(root).rglob("*") if p.is_file()):
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        found += [f"{path}: {qid}" for qid, needle in needles.items()
                  if needle in text or json.dumps(needle)[1:-1] in text]
    return found
