"""Question widgets (one per item type), the practice ``ask()`` and the progress summary.

Importing this package is cheap; ipywidgets is imported when a widget is first built.
"""

from __future__ import annotations

from typing import Any

_LAZY = {
    "build": ("pocedu.widgets.factory", "build"),
    "QuestionWidget": ("pocedu.widgets.base", "QuestionWidget"),
    "ask": ("pocedu.widgets.practice", "ask"),
    "progress": ("pocedu.widgets.tracking", "progress"),
}

__all__ = list(_LAZY)


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        return getattr(importlib.import_module(module), attr)
    raise AttributeError(f"module 'pocedu.widgets' has no attribute '{name}'")
