"""Plotly figures drawn from the knowledge base; they work offline (no CDN).

Lessons call them by name (``lesson.figure("tiers_phases_matrix")``) or directly
(``pocedu.figures.risk_matrix()``). Every function is keyword-only, reads the packaged
content unless given ``content=``, and returns a plotly ``go.Figure`` (``risk_placer``
returns an ipywidgets container). plotly and ipywidgets are imported only on first use.
"""

from __future__ import annotations

from .._lazy import lazy_exports

# public name -> submodule that defines it
_EXPORTS: dict[str, str] = {
    "setup_offline": "offline",
    "alt_text": "style",
    "tiers_phases_matrix": "catalogue",
    "police_activity_profile": "catalogue",
    "risk_matrix": "risk",
    "priority_of": "risk",
    "Threat": "risk",
    "risk_placer": "placer",
    "displacement_ladder": "ladders",
    "escalation_ladder": "ladders",
    "coordination_map": "coordination",
    "policy_timeline": "timeline",
    "principles_comparison": "principles",
    "reporting_pathways": "reporting",
    "disaggregation_chart": "disaggregation",
}
FIGURES: tuple[str, ...] = (
    "tiers_phases_matrix", "police_activity_profile", "risk_matrix", "risk_placer",
    "displacement_ladder", "escalation_ladder", "coordination_map", "policy_timeline",
    "principles_comparison", "reporting_pathways", "disaggregation_chart",
)
"""Names of the figure functions, in the order lessons tend to use them."""

__all__ = ["FIGURES", *_EXPORTS]


__getattr__, __dir__ = lazy_exports(__name__, globals(), {
    name: f".{module}" for name, module in _EXPORTS.items()})
