"""pocedu: learning and assessment for Protection of Civilians (POC) courses in UN peacekeeping.

Lesson notebooks call ``pocedu.ask(...)``, ``pocedu.progress()`` and the figure functions; heavy
libraries (ipywidgets, plotly, pandas, pydantic) are imported only when first used.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

_LAZY = {"ask": "pocedu.widgets.practice", "progress": "pocedu.widgets.tracking"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'pocedu' has no attribute '{name}'")


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY])
