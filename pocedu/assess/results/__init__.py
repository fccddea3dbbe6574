"""Results stage: the versioned results ``journal``, the results frame (``table``), feedback
pages, LMS exports, item statistics and the instructor's report."""

from ..._lazy import lazy_exports

__getattr__, __dir__ = lazy_exports(__name__, globals(), {
    "load_results": ".table", "load_events": ".table", "load_submissions": ".table",
    "read_items": ".table", "COLUMNS": ".table", "EVENT_COLUMNS": ".table",
    "SUBMISSION_COLUMNS": ".table",
})
