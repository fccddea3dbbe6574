"""nbgrader objects for a course directory: config, the API and the gradebook."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from ..errors import AssessError


def tools_on_path() -> None:
    """Put this Python's ``bin`` first on PATH: nbgrader runs ``alembic`` from there."""
    bindir = str(Path(sys.executable).parent)
    path = os.environ.get("PATH", "")
    if bindir not in path.split(os.pathsep):
        os.environ["PATH"] = bindir + os.pathsep + path


def load_config(course_dir: Path) -> Any:
    """The traitlets config of ``course_dir/nbgrader_config.py`` with the root set."""
    from traitlets.config import Config
    from traitlets.config.loader import PyFileConfigLoader

    course_dir = Path(course_dir).resolve()
    config = Config()
    path = course_dir / "nbgrader_config.py"
    if path.exists():
        config.merge(PyFileConfigLoader(path.name, path=str(course_dir)).load_config())
    config.CourseDirectory.root = str(course_dir)
    return config


def api(course_dir: Path, **settings: Any) -> Any:
    """An ``NbGraderAPI`` for ``course_dir`` (``settings`` are extra ``Class.trait`` values)."""
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory

    tools_on_path()
    config = load_config(course_dir)
    for dotted, value in settings.items():
        cls, trait = dotted.split(".")
        setattr(config[cls], trait, value)
    coursedir = CourseDirectory(config=config)
    return NbGraderAPI(coursedir=coursedir, config=config)


def db_url(course_dir: Path) -> str:
    """The gradebook URL of ``course_dir``."""
    from nbgrader.coursedir import CourseDirectory

    return CourseDirectory(config=load_config(course_dir)).db_url


def course_id(course_dir: Path) -> str:
    """The course id configured for ``course_dir``."""
    from nbgrader.coursedir import CourseDirectory

    return CourseDirectory(config=load_config(course_dir)).course_id


def gradebook(course_dir: Path) -> Any:
    """An open ``nbgrader.api.Gradebook`` (use it as a context manager)."""
    from nbgrader.api import Gradebook

    tools_on_path()
    return Gradebook(db_url(course_dir), course_id(course_dir))


def check_result(result: dict, what: str) -> str:
    """Raise AssessError with nbgrader's log if an API call failed; return the log."""
    if not result.get("success"):
        raise AssessError([f"{what} failed", result.get("log", ""), result.get("error", "")])
    return result.get("log", "")
