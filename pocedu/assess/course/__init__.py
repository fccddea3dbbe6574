"""Course stage: the layout of a course directory (``Course``), ``nbgrader_config.py``, the
roster, ``pocedu course init``, release and collect, and nbgrader's API for the course."""

from ..._lazy import lazy_exports

__getattr__, __dir__ = lazy_exports(__name__, globals(), {
    "Course": ".layout", "Assignment": ".layout",
    "init_course": ".setup", "add_students": ".setup",
})
