"""The threat-matrix builder: threats with likelihood, impact, computed priority and component.

The priority quadrant comes from ``pocedu.figures.priority_of`` (risk.yaml, POC Policy 2015
paras 46-48, fn 42); the columns follow the POC Threat Matrix format (POC Policy 2015 para 50,
Annex B §III).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from ..i18n import gettext
from ..questions.types.markup import N_

COMPONENTS = ("ipo", "fpu", "specialised-team", "military", "civilian", "leadership")
COMPONENT_NAMES = {
    "ipo": N_("Individual police officers (IPOs)"), "fpu": N_("Formed police units (FPUs)"),
    "specialised-team": N_("Specialised police team"), "military": N_("Military component"),
    "civilian": N_("Civilian components"), "leadership": N_("Mission leadership"),
}
"""What a student reads for each component id (English msgids)."""
LEVELS = ("low", "high")
LEVEL_NAMES = {"low": N_("Low"), "high": N_("High")}
TABLE = """\
<table class="pocedu-threat-table">
<caption>{{ caption }}</caption>
<thead><tr>{% for h in headers %}<th scope="col">{{ h }}</th>{% endfor %}</tr></thead>
<tbody>{% for row in rows %}<tr>{% for c in row %}<td>{{ c }}</td>{% endfor %}</tr>{% endfor %}
</tbody></table>"""
"""The threat matrix as students see it (jinja2, autoescaped)."""
SOURCE = "POC Policy 2015 paras 46-48, 50, fn 42, Annex B §III"


@dataclass(frozen=True)
class ThreatEntry:
    """One row of the threat matrix."""

    threat: str
    """The threat, e.g. 'PSDG attack on Orvane after market day'."""
    area: str
    """Area id where civilians are at risk."""
    likelihood: str
    """'low' or 'high'."""
    impact: str
    """'low' or 'high'."""
    component: str
    """Component responsible for the mission's response (an id of ``COMPONENTS``)."""
    quadrant: str
    """Quadrant A-D computed from likelihood and impact."""
    rank: int
    """Priority rank of the quadrant, 1 = first."""


class ThreatMatrix:
    """A list of threat entries, sorted by priority, with a table and a risk chart."""

    def __init__(self, *, scenario: Any = None, content: Any = None) -> None:
        from .load import scenario as packaged

        self.scenario = scenario if scenario is not None else packaged()
        self.content = content
        self.entries: list[ThreatEntry] = []

    def add(self, threat: str, *, area: str, likelihood: str, impact: str,
            component: str) -> ThreatEntry:
        """Add a threat; the quadrant and rank are computed. ValueError on bad input."""
        from ..figures import priority_of

        if not threat.strip():
            raise ValueError("describe the threat first")
        areas = [a.id for a in self.scenario.areas]
        if area not in areas:
            raise ValueError(f"unknown area '{area}' (areas: {', '.join(areas)})")
        if component not in COMPONENTS:
            raise ValueError(f"unknown component '{component}' (one of {', '.join(COMPONENTS)})")
        for name, value in (("likelihood", likelihood), ("impact", impact)):
            if value not in LEVELS:
                raise ValueError(f"{name} must be 'low' or 'high', not {value!r}")
        q = priority_of(likelihood, impact, content=self.content)
        entry = ThreatEntry(threat.strip(), area, likelihood, impact, component, q.letter, q.rank)
        self.entries.append(entry)
        return entry

    def sorted(self) -> list[ThreatEntry]:
        """Entries by priority rank (1 first), then in the order added."""
        return sorted(self.entries, key=lambda e: e.rank)

    def table(self) -> Any:
        """The entries as a pandas DataFrame, highest priority first."""
        import pandas as pd

        names = {a.id: a.name for a in self.scenario.areas}
        rows = [{**asdict(e), "area": names[e.area]} for e in self.sorted()]
        return pd.DataFrame(rows, columns=list(ThreatEntry.__dataclass_fields__))

    def table_html(self, lang: str | None = None) -> str:
        """The entries as an HTML table in words (no ids), highest priority first."""
        from jinja2 import Environment

        _ = lambda m: gettext(m, lang)  # noqa: E731
        names = {a.id: a.name for a in self.scenario.areas}
        rows = [(e.rank, e.quadrant, e.threat, names[e.area], _(LEVEL_NAMES[e.likelihood]),
                 _(LEVEL_NAMES[e.impact]), _(COMPONENT_NAMES[e.component]))
                for e in self.sorted()]
        headers = [_("Priority"), _("Quadrant"), _("Threat"), _("Area at risk"),
                   _("Likelihood"), _("Impact"), _("Component")]
        return Environment(autoescape=True).from_string(TABLE).render(
            caption=_("Your threat matrix, highest priority first"), headers=headers, rows=rows)

    def figure(self) -> Any:
        """The risk chart with every entry placed (``pocedu.figures.risk_matrix``)."""
        from ..figures import risk_matrix

        return risk_matrix(threats=[(e.threat, e.likelihood, e.impact) for e in self.entries],
                           content=self.content)


def threat_matrix_builder(*, scenario: Any = None, content: Any = None) -> Any:
    """An ipywidgets form: describe a threat, pick area, likelihood, impact and component."""
    import ipywidgets as w
    from IPython.display import HTML, display

    from ..figures.style import esc

    matrix = ThreatMatrix(scenario=scenario, content=content)
    style = {"description_width": "150px", "font_size": "16px"}
    _ = gettext
    wide = w.Layout(width="100%", max_width="640px")
    threat = w.Text(description=_("Threat:"), placeholder=_("e.g. PSDG attack on Orvane"),
                    style=style, layout=wide)
    area = w.Dropdown(description=_("Area at risk:"), style=style, layout=wide,
                      options=[(a.name, a.id) for a in matrix.scenario.areas])
    levels = [(_(LEVEL_NAMES[v]), v) for v in LEVELS]
    likelihood = w.ToggleButtons(description=_("Likelihood:"), options=levels, style=style)
    impact = w.ToggleButtons(description=_("Impact:"), options=levels, style=style)
    component = w.Dropdown(description=_("Component:"), style=style, layout=wide,
                           options=[(_(COMPONENT_NAMES[c]), c) for c in COMPONENTS])
    add = w.Button(description=_("Add to the threat matrix"), button_style="primary",
                   icon="plus", layout=w.Layout(width="auto", padding="4px 16px"),
                   tooltip=_("Compute the priority and add the threat to the matrix"))
    status = w.HTML(esc(_("Describe a threat, rate it, and press 'Add to the threat matrix'.")))
    out = w.Output()

    def redraw() -> None:
        out.clear_output(wait=True)
        with out:
            display(HTML(matrix.table_html()))
            display(matrix.figure())

    def on_add(_b: Any) -> None:
        try:
            e = matrix.add(threat.value, area=area.value, likelihood=likelihood.value,
                           impact=impact.value, component=component.value)
        except ValueError as err:
            status.value = f"⚠ {esc(err)}"
            return
        status.value = "✔ " + esc(_(
            "'{threat}' is in quadrant {quadrant} (priority rank {rank}). Weigh the four "
            "decision criteria before committing assets ({source}).").format(
                threat=e.threat, quadrant=e.quadrant, rank=e.rank, source=SOURCE))
        threat.value = ""
        redraw()

    add.on_click(on_add)
    box = w.VBox([threat, area, likelihood, impact, component, add, status, out])
    box.matrix = matrix  # type: ignore[attr-defined]
    return box
