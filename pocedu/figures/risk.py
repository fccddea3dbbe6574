"""The threat prioritisation chart (likelihood x impact, quadrants A-D) and ``priority_of``."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import plotly.graph_objects as go

from ._content import resolve
from .offline import ensure_offline
from .style import LIGHT, OKABE_ITO, esc, finish, sources, wrap

LEVELS = ("low", "high")
LEVEL_AT = {"low": 0.25, "high": 0.75}
# one tint and one hatch per rank, so rank never rests on colour alone
RANK_FILL = {1: LIGHT["vermillion"], 2: LIGHT["orange"], 3: LIGHT["sky_blue"], 4: LIGHT["grey"]}


@dataclass(frozen=True)
class Threat:
    """A threat a student places on the chart.

    ``likelihood`` and ``impact`` are 'low'/'high' or a position from 0 (lowest) to 1 (highest);
    positions of 0.5 and above count as high.
    """

    name: str
    likelihood: str | float
    impact: str | float


def level(value: str | float, *, what: str = "value") -> str:
    """'low' or 'high' for a level name or a 0-1 position; ValueError otherwise."""
    if isinstance(value, str):
        key = value.strip().lower()
        if key in LEVELS:
            return key
        raise ValueError(f"{what} must be 'low' or 'high' (or a number from 0 to 1), "
                         f"not {value!r}")
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise ValueError(f"{what} must be 'low' or 'high' or a number from 0 to 1, not {value!r}")
    return "high" if value >= 0.5 else "low"


def position(value: str | float) -> float:
    """Where a level sits on a 0-1 axis."""
    return LEVEL_AT[value.strip().lower()] if isinstance(value, str) else float(value)


def priority_of(likelihood: str | float, impact: str | float, *, content: Any = None) -> Any:
    """The quadrant (risk.yaml ``Quadrant``: letter, rank, label…) of a threat.

    >>> priority_of("high", "high").letter   # doctest: +SKIP
    'D'
    """
    lk, im = level(likelihood, what="likelihood"), level(impact, what="impact")
    for q in resolve(content).risk.quadrants:
        if q.likelihood == lk and q.impact == im:
            return q
    raise ValueError(f"risk.yaml has no quadrant for likelihood {lk}, impact {im}")


def as_threats(threats: Iterable[Any] | None) -> list[Threat]:
    """Accept Threat objects, (name, likelihood, impact) tuples or mappings with those keys."""
    out = []
    for t in threats or []:
        if isinstance(t, Threat):
            item = t
        elif isinstance(t, Mapping):
            item = Threat(str(t["name"]), t["likelihood"], t["impact"])
        elif isinstance(t, tuple | list) and len(t) == 3:
            item = Threat(str(t[0]), t[1], t[2])
        else:
            raise ValueError(f"a threat is (name, likelihood, impact), not {t!r}")
        level(item.likelihood, what=f"likelihood of '{item.name}'")
        level(item.impact, what=f"impact of '{item.name}'")
        out.append(item)
    return out


def _spread(threats: list[Threat]) -> list[tuple[float, float]]:
    """Positions for the threats, nudged apart when several share a spot."""
    seen: dict[tuple[float, float], int] = {}
    out = []
    for t in threats:
        x, y = position(t.likelihood), position(t.impact)
        k = seen.get((x, y), 0)
        seen[(x, y)] = k + 1
        if k:
            x += 0.07 * ((k + 1) // 2) * (1 if k % 2 else -1)
            y -= 0.06 * ((k + 1) // 2)
        out.append((min(max(x, 0.03), 0.97), min(max(y, 0.03), 0.97)))
    return out


def risk_matrix(*, threats: Iterable[Any] | None = None, content: Any = None) -> go.Figure:
    """Likelihood x impact chart with quadrants A-D from risk.yaml, plus optional threats."""
    ensure_offline()
    content = resolve(content)
    quads = sorted(content.risk.quadrants, key=lambda q: q.rank)
    placed = as_threats(threats)
    where = [priority_of(t.likelihood, t.impact, content=content) for t in placed]
    fig = go.Figure()
    hover, xs, ys, data = [], [], [], []
    for q in quads:
        x0 = 0.5 if q.likelihood == "high" else 0.0
        y0 = 0.5 if q.impact == "high" else 0.0
        fig.add_shape(type="rect", x0=x0, x1=x0 + 0.5, y0=y0, y1=y0 + 0.5, layer="below",
                      fillcolor=RANK_FILL.get(q.rank, LIGHT["grey"]),
                      line={"color": OKABE_ITO["black"], "width": 2})
        note = " (inferred)" if q.inferred else ""
        fig.add_annotation(
            x=x0 + 0.25, y=y0 + 0.47, yanchor="top", showarrow=False, align="center",
            text=(f"<b style='font-size:40px'>{esc(q.letter)}</b><br>"
                  f"<b>Priority rank {q.rank}{esc(note)}</b><br>{wrap(q.label.en, 30)}"),
        )
        xs.append(x0 + 0.25)
        ys.append(y0 + 0.12)
        data.append([q.letter, q.rank])
        hover.append(f"<b>Quadrant {esc(q.letter)}: rank {q.rank}{esc(note)}</b><br>"
                     f"{wrap(q.text.en, 60)}<br>Source: {sources(q.source)}")
    fig.add_trace(go.Scatter(
        x=xs, y=ys, mode="markers", name="Quadrants A-D (hover for detail)", customdata=data,
        hovertext=hover, hovertemplate="%{hovertext}<extra></extra>",
        marker={"size": 28, "color": "rgba(0,0,0,0)", "symbol": "square"}, showlegend=False,
    ))
    if placed:
        xy = _spread(placed)
        fig.add_trace(go.Scatter(
            x=[p[0] for p in xy], y=[p[1] for p in xy], mode="markers+text",
            name="Your threats", text=[esc(t.name) for t in placed], textposition="bottom center",
            textfont={"size": 16},
            customdata=[[t.name, q.letter, q.rank] for t, q in zip(placed, where, strict=True)],
            hovertemplate="<b>%{customdata[0]}</b><br>Quadrant %{customdata[1]}, "
                          "priority rank %{customdata[2]}<extra></extra>",
            marker={"symbol": "star", "size": 22, "color": OKABE_ITO["black"],
                    "line": {"color": "white", "width": 1.5}},
        ))
    fig.update_xaxes(range=[0, 1], tickvals=[0.25, 0.75], ticktext=["Low", "High"],
                     showgrid=False, zeroline=False, constrain="domain")
    fig.update_yaxes(range=[0, 1], tickvals=[0.25, 0.75], ticktext=["Low", "High"],
                     showgrid=False, zeroline=False, scaleanchor="x", scaleratio=0.75)
    inferred = [q.letter for q in quads if q.inferred]
    caveat = (f"Quadrant{'s' if len(inferred) > 1 else ''} {', '.join(inferred)} inferred: the "
              "chart is missing from the source text." if inferred else "")
    order = ", ".join(f"{q.letter} (rank {q.rank}, {q.label.en})" for q in quads)
    names = "; ".join(f"{t.name} in {q.letter}" for t, q in zip(placed, where, strict=True))
    alt = (f"Two-by-two risk chart, likelihood across and impact up. Quadrants in priority "
           f"order: {order}. {caveat}" + (f" Threats placed: {names}." if placed else ""))
    finish(fig, title="Threat prioritisation: risk = likelihood × impact",
           subtitle=f"POC Policy 2015 paras 46-48, fn 42. {caveat}",
           x_title="Likelihood of the threat", y_title="Impact on civilians",
           alt=alt.strip(), height=600, legend=bool(placed))
    return fig
