"""Build hook: the wheel carries the lesson modules as ``pocedu/modules`` (package data).

The repository's ``modules/`` is the one source of the lesson notebooks (nbval runs them there,
authors edit them there); this copies it into the built package so a normal, non-editable
install has them. Everything else is declared in ``pyproject.toml``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

MODULES = Path(__file__).resolve().parent / "modules"
SKIP = shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__", "*.pyc", "kernel-ipc-*",
                              "*.answers.json")


class BuildWithModules(build_py):
    """``build_py`` that also copies ``modules/`` into ``<build>/pocedu/modules``."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:  # an editable install reads the repository's modules/
            return
        target = Path(self.build_lib) / "pocedu" / "modules"
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(MODULES, target, ignore=SKIP)


setup(cmdclass={"build_py": BuildWithModules})
