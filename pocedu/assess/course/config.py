"""The ``nbgrader_config.py`` of a pocedu course directory."""

from __future__ import annotations

from pathlib import Path

CONFIG_TEXT = '''"""nbgrader configuration of a pocedu course (written by pocedu; edit freely)."""

import os

c = get_config()  # noqa: F821 (provided by nbgrader)

# The course directory is the folder of this file, wherever nbgrader is run from.
c.CourseDirectory.root = os.path.dirname(os.path.abspath(__file__))
c.CourseDirectory.course_id = {course_id!r}
# The exchange (release -> fetch -> submit -> collect): on one machine a folder of the course;
# on a JupyterHub the shared folder the hub names in POCEDU_EXCHANGE (see `pocedu hub`).
c.Exchange.root = os.environ.get("POCEDU_EXCHANGE") or os.path.join(
    c.CourseDirectory.root, "exchange")
# Never hand out the graded bank or pocedu's own state; keep temp files out of submissions.
c.CourseDirectory.ignore = [
    ".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback", ".*.tmp",
]
# A quiz cell never needs long; a stuck kernel must not hold up a class.
c.Execute.timeout = 60
c.Execute.interrupt_on_timeout = True
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"
# `nbgrader generate_feedback` must never show hidden tests (they hold the keys).
c.GenerateFeedback.preprocessors = [
    "nbgrader.preprocessors.GetGrades", "nbgrader.preprocessors.ClearHiddenTests",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
]
'''


def write_config(course_dir: Path, *, course_id: str = "pocedu") -> Path:
    """Write ``nbgrader_config.py`` into ``course_dir`` unless one is there; return its path."""
    path = Path(course_dir) / "nbgrader_config.py"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(CONFIG_TEXT.format(course_id=course_id), encoding="utf-8")
    return path
