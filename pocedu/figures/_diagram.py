"""Drawing helpers for box-and-arrow diagrams on plain cartesian axes."""

from __future__ import annotations

import plotly.graph_objects as go

from .style import FONT_SIZE, OKABE_ITO


def add_box(fig: go.Figure, *, x0: float, x1: float, y0: float, y1: float, fill: str,
            text: str, line: str = OKABE_ITO["black"], dash: str = "solid",
            align: str = "left", size: int = FONT_SIZE) -> None:
    """A filled rectangle with text inside, left-aligned near its left edge by default."""
    fig.add_shape(type="rect", x0=x0, x1=x1, y0=y0, y1=y1, fillcolor=fill, layer="below",
                  line={"color": line, "width": 2, "dash": dash})
    x = x0 + 0.12 if align == "left" else (x0 + x1) / 2
    fig.add_annotation(x=x, y=(y0 + y1) / 2, text=text, showarrow=False, align=align,
                       xanchor="left" if align == "left" else "center",
                       font={"size": size, "color": OKABE_ITO["black"]})


def add_arrow(fig: go.Figure, *, x0: float, y0: float, x1: float, y1: float,
              text: str = "", color: str = OKABE_ITO["black"], width: float = 2.5) -> None:
    """An arrow from (x0, y0) to (x1, y1), with optional text at its tail."""
    fig.add_annotation(x=x1, y=y1, ax=x0, ay=y0, xref="x", yref="y", axref="x", ayref="y",
                       showarrow=True, arrowhead=3, arrowsize=1.3, arrowwidth=width,
                       arrowcolor=color, text=text, align="left",
                       font={"size": FONT_SIZE})


def hover_points(fig: go.Figure, *, x: list[float], y: list[float], hover: list[str],
                 data: list[list[object]], name: str) -> None:
    """Invisible markers that carry hover text and ids (tests read ``customdata``)."""
    fig.add_trace(go.Scatter(
        x=x, y=y, mode="markers", name=name, customdata=data, hovertext=hover,
        hovertemplate="%{hovertext}<extra></extra>", showlegend=False,
        marker={"size": 40, "color": "rgba(0,0,0,0)", "symbol": "square"},
    ))
