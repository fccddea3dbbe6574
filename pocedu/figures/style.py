"""Shared look of every figure: Okabe-Ito colours, projector-size fonts, titles, alt text."""

from __future__ import annotations

import html
import textwrap
from typing import Any

import plotly.graph_objects as go

# Okabe & Ito (2008), "Color Universal Design": safe for the common colour-vision deficiencies.
OKABE_ITO: dict[str, str] = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "grey": "#999999",
}
LIGHT: dict[str, str] = {  # pale tints of the same hues for backgrounds and boxes
    "orange": "#FBE6BF",
    "sky_blue": "#D5ECFA",
    "green": "#BFE7DC",
    "yellow": "#FBF8CF",
    "blue": "#BFDCEC",
    "vermillion": "#F5D6BF",
    "purple": "#F2DDE9",
    "grey": "#EEEEEE",
}
FONT_SIZE = 16
TITLE_SIZE = 22
MIN_FONT = 16
FONT_FAMILY = "Arial, Helvetica, sans-serif"


def wrap(text: str, width: int = 40, *, max_lines: int | None = None) -> str:
    """Escape ``text`` for plotly and break it into lines of about ``width`` characters."""
    lines = textwrap.wrap(" ".join(str(text).split()), width=width) or [""]
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1].rstrip(" .,;:") + " …"
    return "<br>".join(html.escape(line, quote=False) for line in lines)


def esc(text: Any) -> str:
    """Escape a value for use in plotly text and hover labels."""
    return html.escape(str(text), quote=False)


def sources(pointers: list[str]) -> str:
    """Source pointers joined for a hover label."""
    return esc("; ".join(pointers))


def finish(fig: go.Figure, *, title: str, x_title: str, y_title: str, alt: str,
           subtitle: str | None = None, height: int = 600, legend: bool = True) -> go.Figure:
    """Apply the shared layout: titles, axis titles, fonts >= 14 px, white theme, alt text."""
    if subtitle:
        fig.update_layout(title_subtitle={"text": subtitle, "font": {"size": FONT_SIZE}})
    fig.update_layout(
        template="plotly_white",
        title={"text": title, "font": {"size": TITLE_SIZE}, "x": 0.01, "xanchor": "left",
               "y": 0.985, "yref": "container", "yanchor": "top"},
        font={"size": FONT_SIZE, "family": FONT_FAMILY, "color": OKABE_ITO["black"]},
        hoverlabel={"font": {"size": FONT_SIZE, "family": FONT_FAMILY}, "align": "left"},
        height=height,
        showlegend=legend,
        legend={"font": {"size": FONT_SIZE}},
        meta={"alt": alt},
        margin={"t": 90, "l": 20, "r": 20, "b": 70},
    )
    fig.update_xaxes(title={"text": x_title, "font": {"size": FONT_SIZE + 2}},
                     tickfont={"size": FONT_SIZE}, automargin=True)
    fig.update_yaxes(title={"text": y_title, "font": {"size": FONT_SIZE + 2}},
                     tickfont={"size": FONT_SIZE}, automargin=True)
    return fig


def hide_grid(fig: go.Figure) -> go.Figure:
    """Diagram figures: keep axis titles but drop grid, zero lines and tick labels."""
    fig.update_xaxes(showgrid=False, zeroline=False, showticklabels=False)
    fig.update_yaxes(showgrid=False, zeroline=False, showticklabels=False)
    return fig


def alt_text(fig: Any) -> str:
    """The short text alternative of a pocedu figure (or of a widget holding one in ``.figure``)."""
    fig = getattr(fig, "figure", fig)
    meta = getattr(getattr(fig, "layout", None), "meta", None)
    if isinstance(meta, dict) and isinstance(meta.get("alt"), str) and meta["alt"].strip():
        return meta["alt"]
    raise ValueError("this figure has no text alternative (layout.meta['alt'] is not set)")
