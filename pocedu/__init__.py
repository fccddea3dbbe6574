"""pocedu: learning and assessment for Protection of Civilians (POC) courses in UN peacekeeping.

Lesson notebooks call ``pocedu.ask(...)``, ``pocedu.progress()`` and the figure functions; heavy
libraries (ipywidgets, plotly, pandas, pydantic) are imported only when first used.
"""

from __future__ import annotations

from ._lazy import lazy_exports

__version__ = "0.1.0"

__getattr__, __dir__ = lazy_exports(__name__, globals(), {
    "ask": "pocedu.widgets.practice", "progress": "pocedu.widgets.tracking"})
