"""The capstone scenario exercise: data loading, inject engine, incidents, tools, facilitator.

Heavy libraries (pandas, plotly, ipywidgets) are imported only when a tool is first used.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS: dict[str, str] = {
    "load_scenario": "load",
    "scenario": "load",
    "ScenarioError": "load",
    "Run": "engine",
    "walk": "engine",
    "canonical_path": "engine",
    "incidents": "incidents",
    "capstone_items": "items",
    "capstone_bank": "items",
    "trend_figure": "plots",
    "groups_figure": "plots",
    "map_figure": "plots",
    "ThreatMatrix": "threats",
    "threat_matrix_builder": "threats",
    "ProtectionMatrix": "protection",
    "protection_matrix_tool": "protection",
    "Exercise": "play",
    "exercise": "play",
    "briefing": "play",
    "products": "play",
    "self_test": "play",
    "references": "play",
    "Facilitator": "facilitator",
    "simulate_class": "facilitator",
}

__all__ = list(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'pocedu.scenario' has no attribute '{name}'")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
