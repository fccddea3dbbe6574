"""Demo and simulation: a submission as a student's clicks make it (``simulate``), a simulated
class's results frame (``class_results``) and ``pocedu demo`` (``run``)."""

from ..._lazy import lazy_exports

__getattr__, __dir__ = lazy_exports(__name__, globals(), {
    "run_demo": ".run", "simulate_submission": ".simulate", "simulate_results": ".class_results",
})
