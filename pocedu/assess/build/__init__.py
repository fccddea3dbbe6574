"""Build stage: the graded bank -> nbgrader source notebooks and public items files.

``bank`` (load and check) -> ``cells`` (public items, cells, notebook) -> ``sources`` (write
``source/<quiz>/``) -> ``selfcheck`` (the quiz scores full marks and releases without keys).
"""

from ..._lazy import lazy_exports

__getattr__, __dir__ = lazy_exports(__name__, globals(), {
    "BuiltQuiz": ".sources", "build_sources": ".sources", "out_of_sync": ".sources",
    "render_quiz": ".sources", "render_all": ".sources", "write_quiz": ".sources",
    "RUBRICS": ".sources",
})
