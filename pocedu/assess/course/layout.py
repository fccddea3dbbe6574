"""The one owner of a course directory's layout, as nbgrader's ``CourseDirectory`` is.

``Course(root)`` names every folder and file pocedu and nbgrader use in a course;
``course.assignment(name)`` gives the paths of one assignment. Nothing else in
``pocedu.assess`` joins course paths by hand.

```
COURSE/
  nbgrader_config.py  roster.csv  gradebook.db (nbgrader's db_url)
  bank/  rubrics/  source/<a>/  release/<a>/  submitted/<s>/<a>/  autograded/<s>/<a>/
  feedback/<s>/<a>/  reports/<a>/  exports/
  .pocedu/  grade.lock  results.sqlite  archive/<a>/<s>/  quarantine/<a>/  grade/<a>/
```
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from nbgrader.api import Gradebook

CONFIG_FILE = "nbgrader_config.py"
STATE = ".pocedu"


@dataclass(frozen=True)
class Course:
    """A course directory (nbgrader layout plus pocedu's state under ``.pocedu/``)."""

    root: Path
    """The course folder (absolute)."""

    @classmethod
    def at(cls, where: Path | str | Course) -> Course:
        """``where`` as a Course (a Course is returned as it is)."""
        if isinstance(where, Course):
            return where
        return cls(Path(where).resolve())

    # ------------------------------------------------------------- course-wide paths
    @property
    def config_file(self) -> Path:
        """nbgrader's configuration of the course."""
        return self.root / CONFIG_FILE

    @property
    def roster_csv(self) -> Path:
        """The class roster (``id, first_name, last_name, email``), when kept in the course."""
        return self.root / "roster.csv"

    @property
    def bank(self) -> Path:
        """The graded bank (keys; never released)."""
        return self.root / "bank"

    @property
    def rubrics(self) -> Path:
        """Graders' guides to written items (outside ``source/``, so never released)."""
        return self.root / "rubrics"

    @property
    def exports(self) -> Path:
        """Default folder of LMS exports."""
        return self.root / "exports"

    @property
    def state(self) -> Path:
        """pocedu's own state (archive, journal, locks)."""
        return self.root / STATE

    @property
    def run_lock(self) -> Path:
        """One grading run per course at a time."""
        return self.state / "grade.lock"

    @property
    def gradebook_lock(self) -> Path:
        """Serialises gradebook sessions of parallel grading workers."""
        return self.state / "grade" / "gradebook.lock"

    @property
    def results_db(self) -> Path:
        """The indexed results journal of every assignment (SQLite)."""
        return self.state / "results.sqlite"

    def folder(self, kind: str) -> Path:
        """One of nbgrader's top folders: source, release, submitted, autograded, feedback."""
        return self.root / kind

    NBGRADER_FOLDERS = ("source", "release", "submitted", "autograded", "feedback")

    def submitted_students(self, assignment: str) -> list[str]:
        """Ids with a submission folder of ``assignment`` in ``submitted/``."""
        return sorted(p.parent.name for p in self.folder("submitted").glob(f"*/{assignment}")
                      if p.is_dir() and not p.is_symlink())

    def assignment(self, name: str) -> Assignment:
        """The layout of assignment ``name``."""
        return Assignment(self, name)

    # ------------------------------------------------------------- nbgrader settings
    def nbgrader_config(self) -> Any:
        """The traitlets config of ``nbgrader_config.py`` with the root set."""
        from .nbgrader_api import load_config

        return load_config(self.root)

    @property
    def db_url(self) -> str:
        """The gradebook URL (nbgrader's ``CourseDirectory.db_url``)."""
        from .nbgrader_api import db_url

        return db_url(self.root)

    def has_gradebook(self) -> bool:
        """Whether the gradebook exists (a SQLite file is there; a server is assumed to be)."""
        url = self.db_url
        if url.startswith("sqlite:///"):
            return Path(url.removeprefix("sqlite:///")).is_file()
        return True

    def gradebook(self) -> Gradebook:
        """An open nbgrader ``Gradebook`` (use it as a context manager)."""
        from .nbgrader_api import gradebook

        return gradebook(self.root)


@dataclass(frozen=True)
class Assignment:
    """The paths of one assignment of a course."""

    course: Course
    name: str

    @property
    def source(self) -> Path:
        """``source/<a>/``: the instructor's version (hidden tests, items file)."""
        return self.course.folder("source") / self.name

    @property
    def items_file(self) -> Path:
        """The public items of the quiz (prompts, options, points; never keys)."""
        return self.source / f"{self.name}.items.json"

    @property
    def release(self) -> Path:
        """``release/<a>/``: what students receive."""
        return self.course.folder("release") / self.name

    @property
    def notebook_name(self) -> str:
        """File name of the quiz notebook."""
        return f"{self.name}.ipynb"

    @property
    def answers_name(self) -> str:
        """File name of the answer store the quiz saves clicks into."""
        return f"{self.name}.answers.json"

    @property
    def release_notebook(self) -> Path:
        """The released quiz notebook (the template every submission is rebuilt from)."""
        return self.release / self.notebook_name

    def submitted(self, student: str) -> Path:
        """``submitted/<s>/<a>/``: a collected submission."""
        return self.course.folder("submitted") / student / self.name

    def autograded(self, student: str) -> Path:
        """``autograded/<s>/<a>/``: the graded notebook formgrader shows."""
        return self.course.folder("autograded") / student / self.name

    def feedback(self, student: str) -> Path:
        """``feedback/<s>/<a>/``: where ``nbgrader release_feedback`` picks feedback up."""
        return self.course.folder("feedback") / student / self.name

    @property
    def reports(self) -> Path:
        """Default folder of the item-analysis report."""
        return self.course.root / "reports" / self.name

    @property
    def archive(self) -> Path:
        """``.pocedu/archive/<a>/``: every submitted version, byte for byte."""
        return self.course.state / "archive" / self.name

    @property
    def quarantine(self) -> Path:
        """``.pocedu/quarantine/<a>/``: submissions from ids not on the roster."""
        return self.course.state / "quarantine" / self.name

    @property
    def grading_state(self) -> Path:
        """``.pocedu/grade/<a>/``: per-student logs of failed grading."""
        return self.course.state / "grade" / self.name
