"""Instructor side, one folder per stage of the workflow:

- ``build/``: the graded bank -> nbgrader source notebooks and public items files;
- ``course/``: the course layout (``Course``), set-up, roster, release and collect;
- ``grade/``: archive, stage, score and autograde every submission (``STEPS``);
- ``results/``: the results journal and frame, feedback, LMS exports, item analysis;
- ``demo/``: simulated submissions and classes, and ``pocedu demo``.

Heavy libraries load on first use. Errors derive from ``pocedu.errors.PoceduError``.
"""

from .._lazy import lazy_exports
from . import _moved

_moved.install()

__getattr__, __dir__ = lazy_exports(__name__, globals(), {
    "Course": ".course.layout",
    "AssessError": ".errors",
    "build_sources": ".build.sources",
    "init_course": ".course.setup",
    "release_assignment": ".course.release",
    "collect": ".course.release",
    "grade_assignment": ".grade.run",
    "load_results": ".results.table",
    "run_demo": ".demo.run",
})
