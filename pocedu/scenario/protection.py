"""The protection matrix: rank each area 'must', 'should' or 'could' protect, and compare.

Format from POC Policy 2015 Annex B §V: locations ranked 1 must, 2 should, 3 could protect.
The Protection Cluster recommends through UNHCR and the mission decides its deployments (in the
MONUSCO practice that Annex B reports, the Force made the final decision).
"""

from __future__ import annotations

from typing import Any

RANKS = ("must", "should", "could")
SOURCE = "POC Policy 2015 Annex B §V"


class ProtectionMatrix:
    """The syndicate's ranking of the areas and the reference ranking of the scenario."""

    def __init__(self, *, scenario: Any = None) -> None:
        from .load import scenario as packaged

        self.scenario = scenario if scenario is not None else packaged()
        self.ranks: dict[str, str] = {}

    def set(self, area: str, rank: str) -> None:
        """Rank ``area`` 'must', 'should' or 'could'; ValueError on unknown ids."""
        if area not in {a.id for a in self.scenario.areas}:
            raise ValueError(f"unknown area '{area}'")
        if rank not in RANKS:
            raise ValueError(f"rank must be one of {', '.join(RANKS)}, not {rank!r}")
        self.ranks[area] = rank

    def compare(self) -> list[dict[str, Any]]:
        """Per reference row: area, your rank, the reference rank, agreement, reason, source."""
        names = {a.id: a.name for a in self.scenario.areas}
        return [{"area": names[r.area], "yours": self.ranks.get(r.area), "reference": r.rank,
                 "agree": self.ranks.get(r.area) == r.rank, "reason": r.reason.en,
                 "source": "; ".join(r.source)} for r in self.scenario.protection_matrix]

    def figure(self) -> Any:
        """A table figure: each area with your rank and the reference, agreement as ✔/✘."""
        import plotly.graph_objects as go

        from ..figures.offline import ensure_offline
        from ..figures.style import LIGHT, finish

        ensure_offline()
        rows = self.compare()
        fill = {"must": LIGHT["vermillion"], "should": LIGHT["orange"], "could": LIGHT["sky_blue"]}
        fig = go.Figure(go.Table(
            columnwidth=[1.2, 1, 1.2, 4],
            header={"values": ["Area", "Your rank", "Reference", "Why (reference)"],
                    "font": {"size": 16}, "align": "left", "fill": {"color": LIGHT["grey"]}},
            cells={"values": [[r["area"] for r in rows],
                              [f"{'✔' if r['agree'] else '✘'} {r['yours'] or '—'}" for r in rows],
                              [f"{RANKS.index(r['reference']) + 1} {r['reference']}"
                               for r in rows],
                              [r["reason"] for r in rows]],
                   "fill": {"color": [["white"] * len(rows), ["white"] * len(rows),
                                      [fill[r["reference"]] for r in rows],
                                      ["white"] * len(rows)]},
                   "font": {"size": 15}, "align": "left", "height": 30}))
        agree = sum(r["agree"] for r in rows)
        finish(fig, title="Protection matrix: must, should, could protect", x_title="",
               y_title="", subtitle=f"{agree} of {len(rows)} areas ranked as the reference. "
               f"The Protection Cluster recommends through UNHCR; the mission decides "
               f"({SOURCE}: in MONUSCO, the Force).",
               alt=f"Table of {len(rows)} areas with your rank and the reference rank; "
                   f"{agree} agree.", height=460, legend=False)
        return fig


def protection_matrix_tool(*, scenario: Any = None) -> Any:
    """An ipywidgets form: one must/should/could selector per area, and a Compare button."""
    import ipywidgets as w
    from IPython.display import display

    matrix = ProtectionMatrix(scenario=scenario)
    pickers = {a.id: w.ToggleButtons(options=RANKS, value=None, description=a.name,
                                     style={"description_width": "150px"})
               for a in matrix.scenario.areas if a.id in
               {r.area for r in matrix.scenario.protection_matrix}}
    button = w.Button(description="Compare with the reference", button_style="primary",
                      icon="check", tooltip="Show the reference ranking and the reasons")
    out = w.Output()

    def on_click(_b: Any) -> None:
        for area, picker in pickers.items():
            if picker.value:
                matrix.set(area, picker.value)
        out.clear_output(wait=True)
        with out:
            display(matrix.figure())

    button.on_click(on_click)
    box = w.VBox([*pickers.values(), button, out])
    box.matrix = matrix  # type: ignore[attr-defined]
    return box
