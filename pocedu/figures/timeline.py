"""Timeline of POC policy documents and milestones since 1999."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import plotly.graph_objects as go

from ._content import resolve
from .offline import ensure_offline
from .style import FONT_SIZE, OKABE_ITO, esc, finish, sources, wrap


@dataclass(frozen=True)
class Milestone:
    """A dated event on the timeline, with its source pointers."""

    id: str
    year: int
    kind: str
    label: str
    text: str
    source: tuple[str, ...]


KINDS: dict[str, dict[str, str]] = {
    "resolution": {"name": "Security Council resolution", "color": OKABE_ITO["vermillion"],
                   "symbol": "circle"},
    "guidance": {"name": "Earlier DPKO/DFS guidance", "color": OKABE_ITO["purple"],
                 "symbol": "triangle-up"},
    "document": {"name": "Course source document", "color": OKABE_ITO["blue"],
                 "symbol": "square"},
}
MILESTONES: tuple[Milestone, ...] = (
    Milestone("scr-1265", 1999, "resolution", "SCR 1265",
              "First Security Council thematic resolution on the protection of civilians in "
              "armed conflict.", ("POC Policy 2015 para 9, fn 9", "POC Policy summary 2023")),
    Milestone("scr-1270", 1999, "resolution", "SCR 1270 (UNAMSIL)",
              "UNAMSIL in Sierra Leone becomes the first peacekeeping operation mandated to "
              "protect civilians under imminent threat of physical violence.",
              ("POC Policy 2015 para 9, fn 8", "POC Policy summary 2023")),
    Milestone("scr-1894", 2009, "resolution", "SCR 1894",
              "The Security Council asks for operational guidance on implementing POC "
              "mandates.", ("POC Policy 2015 para 4",)),
    Milestone("operational-concept-2010", 2010, "guidance", "Operational Concept",
              "The Secretariat's Operational Concept on POC in peacekeeping, superseded by "
              "the 2015 Policy.", ("POC Policy 2015 paras 4-7",)),
)
# short labels for documents.yaml entries (by id); others use their pointer name
DOC_LABELS = {"poc2015": "POC Policy 2015", "police2017": "Police POC Guidelines 2017",
              "poc2023": "POC Policy 2023 (summary)"}


def milestones(content: Any) -> list[Milestone]:
    """Fixed milestones plus every document in documents.yaml that has a year, by year."""
    docs = [Milestone(d.id, d.year, "document", DOC_LABELS.get(d.id, d.pointer_name),
                      f"{d.summary.en} Use today: {d.status.current_for.en}",
                      (f"{d.pointer_name} (the document itself)", *d.status.source))
            for d in content.documents.documents if d.year is not None]
    return sorted([*MILESTONES, *docs], key=lambda m: (m.year, m.id))


LABEL_SHIFTS = (34, -34, 64, -64)
"""Vertical offsets (px, up is positive) that successive labels in a lane cycle through."""


def _label(m: Milestone) -> str:
    year = "" if str(m.year) in m.label else f" ({m.year})"
    return f"<b>{esc(m.label)}</b>{year}"


def _add_labels(fig: go.Figure, group: list[Milestone], lane: str, *,
                span: tuple[int, int]) -> None:
    """Label each milestone of a lane, staggered so that close labels do not overlap.

    Labels near either edge start (or end) at their marker so that none is cut off.
    """
    for k, m in enumerate(group):
        anchor = ("left" if m.year <= span[0] + 2 else "right" if m.year >= span[1] - 2
                  else "center")
        fig.add_annotation(x=m.year, y=lane, text=_label(m), showarrow=False,
                           yshift=LABEL_SHIFTS[k % len(LABEL_SHIFTS)],
                           xanchor=anchor, xshift={"left": -12, "right": 12}.get(anchor, 0),
                           font={"size": FONT_SIZE},
                           bgcolor="rgba(255,255,255,0.85)")


def policy_timeline(*, content: Any = None) -> go.Figure:
    """POC milestones (resolutions, earlier guidance, the source documents) on a time axis."""
    ensure_offline()
    content = resolve(content)
    items = milestones(content)
    lanes = list(KINDS)
    years = [m.year for m in items]
    fig = go.Figure()
    for kind in lanes:
        group = [m for m in items if m.kind == kind]
        lane = KINDS[kind]["name"]
        fig.add_trace(go.Scatter(
            x=[m.year for m in group], y=[lane] * len(group), mode="markers", name=lane,
            text=[_label(m) for m in group], cliponaxis=False,
            customdata=[[m.id, m.year] for m in group],
            hovertext=[f"<b>{esc(m.label)}, {m.year}</b><br>{wrap(m.text, 60)}<br>"
                       f"Source: {sources(list(m.source))}" for m in group],
            hovertemplate="%{hovertext}<extra></extra>",
            marker={"size": 20, "color": KINDS[kind]["color"], "symbol": KINDS[kind]["symbol"],
                    "line": {"color": OKABE_ITO["black"], "width": 1}},
        ))
        _add_labels(fig, group, lane, span=(min(years), max(years)))
    fig.update_xaxes(range=[min(years) - 2, max(years) + 2], dtick=4, showgrid=True)
    fig.update_yaxes(categoryorder="array", range=[-0.8, 2.8], showticklabels=False,
                     categoryarray=[KINDS[k]["name"] for k in lanes[::-1]], showgrid=False)
    alt = "Timeline of POC milestones: " + "; ".join(f"{m.year} {m.label}" for m in items) + "."
    finish(fig, title="Protection of civilians in UN peacekeeping: key milestones",
           subtitle="Hover for details. Sources: POC Policy 2015 paras 4-9; course documents",
           x_title="Year", y_title="Kind (see legend)", alt=alt, height=560)
    fig.update_layout(legend={"orientation": "h", "y": -0.18, "x": 0,
                              "title": {"text": "Kind of milestone: "}})
    return fig
