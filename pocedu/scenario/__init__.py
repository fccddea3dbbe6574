"""The capstone scenario exercise: data loading, inject engine, incidents, tools, facilitator.

Heavy libraries (pandas, plotly, ipywidgets) are imported only when a tool is first used.
"""

from __future__ import annotations

from .._lazy import lazy_exports

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


__getattr__, __dir__ = lazy_exports(__name__, globals(), {
    name: f".{module}" for name, module in _EXPORTS.items()})
