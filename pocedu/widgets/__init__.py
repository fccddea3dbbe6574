"""Question widgets (one per item type), the practice ``ask()`` and the progress summary.

Importing this package is cheap; ipywidgets is imported when a widget is first built.
"""

from __future__ import annotations

from .._lazy import lazy_exports

_LAZY = {
    "build": "pocedu.widgets.factory",
    "QuestionWidget": "pocedu.widgets.base",
    "ask": "pocedu.widgets.practice",
    "progress": "pocedu.widgets.tracking",
}

__all__ = list(_LAZY)
__getattr__, __dir__ = lazy_exports(__name__, globals(), _LAZY)
