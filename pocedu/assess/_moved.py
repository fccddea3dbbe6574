"""Old module paths of ``pocedu.assess`` (before it was split into stage folders).

``import pocedu.assess.journal`` still gives ``pocedu.assess.results.journal`` (the same
module object), so code written against the flat layout keeps working while it is updated.
New code imports from the stage folders.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import sys
from types import ModuleType

MOVED = {
    "bank": "build.bank", "cells": "build.cells", "selfcheck": "build.selfcheck",
    "config": "course.config", "nbg": "course.nbgrader_api", "roster": "course.roster",
    "release": "course.release",
    "preserve": "grade.archive", "prepare": "grade.stage", "sanitize": "grade.sanitize",
    "storecheck": "grade.answers", "sandbox": "grade.sandbox", "execute": "grade.execute",
    "outcomes": "grade.events", "runlock": "grade.runlock", "gblock": "grade.gradebook_lock",
    "progress": "grade.progress",
    "journal": "results.journal", "feedback": "results.feedback", "export": "results.export",
    "report": "results.report", "stats": "results.stats", "simulate": "demo.simulate",
}
"""``{old module name: new path}`` under ``pocedu.assess``. (``build``, ``course``, ``grade``,
``results`` and ``demo`` are now the stage packages and export what those modules did.)"""

PACKAGE = __name__.rpartition(".")[0]


class MovedModules(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Resolve ``pocedu.assess.<old>`` to the module at its new path."""

    def find_spec(self, fullname: str, path: object, target: object = None
                  ) -> importlib.machinery.ModuleSpec | None:
        package, _, name = fullname.rpartition(".")
        if package != PACKAGE or name not in MOVED:
            return None
        return importlib.machinery.ModuleSpec(fullname, self)

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType:
        module = importlib.import_module(f"{PACKAGE}.{MOVED[spec.name.rpartition('.')[2]]}")
        self._specs = getattr(self, "_specs", {})
        self._specs[spec.name] = module.__spec__
        return module

    def exec_module(self, module: ModuleType) -> None:
        # the import system set the alias spec on the real module: give it its own back
        module.__spec__ = self._specs.pop(module.__spec__.name, module.__spec__)


def install() -> None:
    """Register the finder once."""
    if not any(isinstance(f, MovedModules) for f in sys.meta_path):
        sys.meta_path.append(MovedModules())
