"""Interactive: a student places threats on the risk chart and sees the priority each gets."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from ._content import resolve
from .risk import Threat, priority_of, risk_matrix
from .style import esc

SCALE: tuple[tuple[str, float], ...] = (
    ("very low", 0.125), ("low", 0.375), ("high", 0.625), ("very high", 0.875),
)


def _slider(description: str) -> widgets.SelectionSlider:
    return widgets.SelectionSlider(
        options=list(SCALE), value=SCALE[1][1], description=description,
        continuous_update=False, readout=True,
        style={"description_width": "110px", "font_size": "16px"},
        layout=widgets.Layout(width="460px"),
    )


def decision_note(quadrant: Any, content: Any) -> str:
    """One line of HTML: the quadrant, its priority and the four decision criteria to weigh."""
    crit = sorted(content.risk.decision_criteria, key=lambda c: c.order)
    names = "; ".join(f"{c.order}. {esc(c.name.en)}" for c in crit)
    where = esc("; ".join(crit[0].source)) if crit else ""
    inferred = " (quadrant inferred: the source chart is missing)" if quadrant.inferred else ""
    return (f"<b>Quadrant {esc(quadrant.letter)}</b>, priority rank {quadrant.rank} (1 = first)"
            f"{inferred}: {esc(quadrant.label.en)}. {esc(quadrant.text.en)}<br>"
            f"Before you commit resources, weigh the four decision criteria: {names} "
            f"<i>({where})</i>.")


class RiskPlacer(widgets.VBox):
    """Text box, likelihood and impact sliders, an Add button, a status line and the chart."""

    def __init__(self, *, content: Any = None) -> None:
        self.content = resolve(content)
        self.threats: list[Threat] = []
        self.name_box = widgets.Text(placeholder="e.g. armed group massing near the market",
                                     description="Threat:", layout=widgets.Layout(width="460px"),
                                     style={"description_width": "110px", "font_size": "16px"})
        self.likelihood = _slider("Likelihood:")
        self.impact = _slider("Impact:")
        self.add_button = widgets.Button(description="Add to the chart", button_style="primary",
                                         icon="plus", tooltip="Place this threat on the chart")
        self.clear_button = widgets.Button(description="Clear", icon="trash",
                                           tooltip="Remove all threats from the chart")
        self.status = widgets.HTML(
            value="Type a threat, set its likelihood and impact, then press "
                  "<b>Add to the chart</b>.",
            layout=widgets.Layout(min_height="3em"))
        self.output = widgets.Output()
        self.figure = risk_matrix(content=self.content)
        self.add_button.on_click(lambda _b: self.add())
        self.clear_button.on_click(lambda _b: self.clear())
        super().__init__(children=[
            self.name_box, self.likelihood, self.impact,
            widgets.HBox([self.add_button, self.clear_button]), self.status, self.output,
        ])
        self._show()

    def add(self) -> Any:
        """Place the threat described by the inputs; returns its quadrant (None if no name)."""
        name = self.name_box.value.strip()
        if not name:
            self.status.value = "⚠ Type a name for the threat first."
            return None
        threat = Threat(name, self.likelihood.value, self.impact.value)
        quadrant = priority_of(threat.likelihood, threat.impact, content=self.content)
        self.threats.append(threat)
        self.status.value = f"'{esc(name)}' → " + decision_note(quadrant, self.content)
        self.name_box.value = ""
        self._redraw()
        return quadrant

    def clear(self) -> None:
        """Remove every placed threat."""
        self.threats.clear()
        self.status.value = "Chart cleared."
        self._redraw()

    def _redraw(self) -> None:
        self.figure = risk_matrix(threats=self.threats, content=self.content)
        self._show()

    def _show(self) -> None:
        from IPython import get_ipython
        from IPython.display import display

        if get_ipython() is None:  # plain Python (tests): nothing can show the output
            return
        self.output.clear_output(wait=True)
        with self.output:
            display(self.figure)


def risk_placer(*, content: Any = None) -> RiskPlacer:
    """An ipywidgets container in which a student places threats and reads their priority."""
    return RiskPlacer(content=content)
