"""Students see no code: every committed lesson and quiz notebook is in the student's view."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from pocedu.notebook_view import apply, notebooks, problems, student_view

ROOT = Path(__file__).resolve().parents[1]
COMMITTED = notebooks(ROOT / "modules") + notebooks(ROOT / "assessments" / "source")


def test_there_are_notebooks_to_check() -> None:
    assert len(notebooks(ROOT / "modules")) >= 5
    assert notebooks(ROOT / "assessments" / "source")


@pytest.mark.parametrize("path", COMMITTED, ids=[p.name for p in COMMITTED])
def test_every_committed_notebook_hides_and_locks_its_code(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    assert problems(nb) == [], (f"{path.relative_to(ROOT)}: run "
                                "`python -m pocedu.notebook_view modules` (or `pocedu assess "
                                "build`) to put it in the student's view")


def test_student_view_is_idempotent_and_touches_only_code_cells(tmp_path: Path) -> None:
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# Lesson"),
        nbformat.v4.new_code_cell("lesson.figure('tiers')", metadata={"tags": ["x"]}),
    ])
    path = tmp_path / "m" / "lesson.ipynb"
    path.parent.mkdir()
    nbformat.write(nb, path)
    assert problems(nb) == ["cell 2: input not hidden", "cell 2: not locked"]
    assert apply(tmp_path) == [path]
    text = path.read_text()
    assert apply(tmp_path) == [] and path.read_text() == text
    again = nbformat.read(path, as_version=4)
    assert problems(again) == []
    assert again.cells[0].metadata == {} and again.cells[1].metadata["tags"] == ["x"]
    assert again.cells[1].source == "lesson.figure('tiers')"
    assert student_view(again) is False
