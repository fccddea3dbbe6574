"""Grade stage: every roster student of an assignment gets exactly one result.

``run`` holds the ordered ``STEPS``: ``archive`` (preserve first) -> ``stage`` (``sanitize``
the notebook, check the ``answers`` store) -> ``worker`` (nbgrader autograde, kernels in the
``sandbox``) -> ``events`` (status) -> the results journal. ``runlock`` allows one run per
course; ``gradebook_lock`` serialises gradebook sessions; ``progress`` shows the ETA.
"""

from ..._lazy import lazy_exports

__getattr__, __dir__ = lazy_exports(__name__, globals(), {
    "grade_assignment": ".run", "GradeSummary": ".run", "Outcome": ".run", "STEPS": ".run",
    "roster_notes": ".run",
})
