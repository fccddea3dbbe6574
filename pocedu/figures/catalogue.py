"""The activity catalogue on the tiers x phases grid: every activity, and police counts."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

import plotly.graph_objects as go

from ._content import activities, actor_names, resolve
from .offline import ensure_offline
from .style import FONT_SIZE, LIGHT, OKABE_ITO, esc, finish, sources, wrap

NO_PHASE = "not-phase-specific"
NO_TIER = "no-tier"
NO_PHASE_LABEL = "Not phase-specific"
NO_TIER_LABEL = "No tier given"
POLICE_ACTORS: tuple[str, ...] = ("ipo", "fpu", "specialised-team", "other-formed-unit")
ROMAN = {1: "I", 2: "II", 3: "III"}
ORIGINS: dict[str, dict[str, str]] = {
    "poc2015": {"name": "POC Policy 2015 (E.2, E.3)", "color": OKABE_ITO["blue"],
                "symbol": "circle"},
    "police2017": {"name": "Police POC Guidelines 2017 (D.6, D.7)",
                   "color": OKABE_ITO["orange"], "symbol": "diamond"},
}
ORIGIN_GLYPH = {"poc2015": "\u25cf", "police2017": "\u25c6"}
"""Text twins of the marker shapes, used in the per-cell counts."""


def cells_of(activity: Any) -> list[tuple[str, str]]:
    """Every (tier, phase) cell an activity belongs to; no phase -> 'not phase-specific'."""
    tiers = list(activity.tiers) or [NO_TIER]
    phases = list(activity.phases) or [NO_PHASE]
    return [(t, p) for t in tiers for p in phases]


def _check_actors(actors: Iterable[str] | None) -> set[str] | None:
    if actors is None:
        return None
    from ..content.models.framework import ACTOR_IDS

    chosen = {actors} if isinstance(actors, str) else set(actors)
    unknown = sorted(chosen - set(ACTOR_IDS))
    if unknown:
        raise ValueError(f"unknown actor id(s) {', '.join(unknown)}; "
                         f"use {', '.join(ACTOR_IDS)}")
    return chosen


def _grid(content: Any, acts: Iterable[Any]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Rows (tier id, label) top to bottom and columns (phase id, label) left to right."""
    rows = [(t.id, f"Tier {ROMAN.get(t.number, t.number)}<br>{wrap(t.name.en, 22)}")
            for t in sorted(content.framework.tiers, key=lambda t: t.number)]
    cols = [(p.id, f"{p.number}. {esc(p.name.en)}")
            for p in sorted(content.framework.phases, key=lambda p: p.number)]
    cols.append((NO_PHASE, NO_PHASE_LABEL.replace(" ", "<br>", 1)))
    if any(not a.tiers for a in acts):
        rows.append((NO_TIER, NO_TIER_LABEL))
    return rows, cols


def _cell_points(n: int, col: int, row: int) -> list[tuple[float, float]]:
    """``n`` positions spread over the unit cell whose centre is (col, row)."""
    if n == 0:
        return []
    per_row = max(1, math.ceil(math.sqrt(n * 1.6)))
    lines = math.ceil(n / per_row)
    out = []
    for i in range(n):
        r, c = divmod(i, per_row)
        x = col - 0.4 + 0.8 * (c + 0.5) / per_row
        y = row + 0.42 - 0.68 * (r + 0.5) / max(lines, 1)  # the cell's foot holds its count
        out.append((x, y))
    return out


def _count_note(group: list[Any]) -> str:
    """Two short lines for the foot of a cell: the total, then the count per source document.

    The per-source counts carry the legend's marker shape (circle, diamond) so that they fit
    a column at notebook width and do not rely on colour alone.
    """
    n15 = sum(a.origin == "poc2015" for a in group)
    parts = [f"{n} <span style='color:{ORIGINS[o]['color']}'>{ORIGIN_GLYPH[o]}</span>"
             for o, n in (("poc2015", n15), ("police2017", len(group) - n15))]
    return f"n = {len(group)}<br>" + "  ".join(parts)


def tiers_phases_matrix(*, content: Any = None, actors: Iterable[str] | None = None) -> go.Figure:
    """The 3 tiers x 4 phases matrix with every catalogue activity in each of its cells.

    Marker colour and shape show the source document; hover shows the activity, its actors
    and its source pointer. ``actors`` (ids such as 'fpu') keeps only activities with one of them.
    """
    ensure_offline()
    content = resolve(content)
    chosen = _check_actors(actors)
    acts = [a for a in activities(content).values()
            if chosen is None or chosen & set(a.actors)]
    names = actor_names(content)
    rows, cols = _grid(content, acts)
    row_at = {rid: -i for i, (rid, _) in enumerate(rows)}
    col_at = {cid: i for i, (cid, _) in enumerate(cols)}
    members: dict[tuple[str, str], list[Any]] = {}
    for a in acts:
        for cell in cells_of(a):
            members.setdefault(cell, []).append(a)

    fig = go.Figure()
    for i in range(len(rows)):  # banded rows, lines between cells
        fig.add_shape(type="rect", x0=-0.5, x1=len(cols) - 0.5, y0=-i - 0.5, y1=-i + 0.5,
                      fillcolor=LIGHT["grey"] if i % 2 == 0 else "white",
                      line={"width": 0}, layer="below")
    for j in range(len(cols) + 1):
        fig.add_shape(type="line", x0=j - 0.5, x1=j - 0.5, y0=-len(rows) + 0.5, y1=0.5,
                      line={"color": OKABE_ITO["grey"], "width": 1})
    points: dict[str, dict[str, list]] = {o: {"x": [], "y": [], "hover": [], "data": []}
                                          for o in ORIGINS}
    for (tid, pid), group in sorted(members.items()):
        group = sorted(group, key=lambda a: (a.origin, a.id))
        xy = _cell_points(len(group), col_at[pid], row_at[tid])
        for a, (x, y) in zip(group, xy, strict=True):
            p = points[a.origin]
            p["x"].append(x)
            p["y"].append(y)
            p["data"].append([a.id, tid, pid])
            p["hover"].append(
                f"<b>{wrap(a.text.en, 55)}</b><br>"
                f"Actors: {esc(', '.join(names.get(x, x) for x in a.actors))}<br>"
                f"Tier(s): {esc(', '.join(a.tiers) or '-')} · "
                f"Phase(s): {esc(', '.join(a.phases) or 'not phase-specific')}<br>"
                f"Source: {sources(a.source)}<br><i>{esc(a.id)}</i>"
            )
        fig.add_annotation(x=col_at[pid], y=row_at[tid] - 0.48, showarrow=False,
                           yanchor="bottom", text=_count_note(group),
                           font={"size": FONT_SIZE, "color": OKABE_ITO["black"]})
    for origin, style in ORIGINS.items():
        p = points[origin]
        fig.add_trace(go.Scatter(
            x=p["x"], y=p["y"], mode="markers", name=style["name"], customdata=p["data"],
            hovertext=p["hover"], hovertemplate="%{hovertext}<extra></extra>",
            marker={"color": style["color"], "symbol": style["symbol"], "size": 13,
                    "line": {"color": OKABE_ITO["black"], "width": 1}},
        ))
    fig.add_trace(go.Scatter(  # legend-only note on the extra column
        x=[None], y=[None], mode="markers", marker={"color": "rgba(0,0,0,0)"},
        name=f"Column '{NO_PHASE_LABEL}': the source<br>gives a tier but no phase",
        hoverinfo="skip",
    ))
    fig.update_xaxes(tickvals=list(range(len(cols))), ticktext=[c[1] for c in cols],
                     range=[-0.5, len(cols) - 0.5], side="top", showgrid=False, zeroline=False)
    fig.update_yaxes(tickvals=[-i for i in range(len(rows))], ticktext=[r[1] for r in rows],
                     range=[-len(rows) + 0.5, 0.5], showgrid=False, zeroline=False)
    scope = f" ({', '.join(sorted(chosen))})" if chosen else ""
    n_cells = sum(len(cells_of(a)) for a in acts)
    alt = (f"Grid of the three tiers (rows) by the four phases plus a 'not phase-specific' "
           f"column, showing {len(acts)} activities{scope} as {n_cells} markers: circles from "
           f"the 2015 POC Policy, diamonds from the 2017 Police Guidelines. Each cell states "
           f"how many activities it holds. Neither tiers nor phases are a sequence.")
    finish(fig, title=f"Activities by tier and phase{esc(scope)}",
           subtitle="Sources: POC Policy 2015 paras 30-33 (E.2, E.3); "
           "Police POC Guidelines 2017 D.6, D.7.<br>Hover over a marker for the activity; "
           "under each cell: n = activities (\u25cf Policy, \u25c6 Police).",
           x_title="Phase (phases are not necessarily a sequence)",
           y_title="Tier (no hierarchy)", alt=alt, height=130 * len(rows) + 210)
    fig.update_layout(legend={"orientation": "h", "y": -0.04, "x": 0, "yanchor": "top"},
                      margin={"t": 170})
    return fig


def police_activity_profile(*, content: Any = None,
                            actors: Iterable[str] = POLICE_ACTORS) -> go.Figure:
    """Heatmap: how many catalogue activities UN police carry out in each tier x phase cell."""
    ensure_offline()
    content = resolve(content)
    chosen = _check_actors(actors) or set(POLICE_ACTORS)
    acts = [a for a in activities(content).values() if chosen & set(a.actors)]
    rows, cols = _grid(content, acts)
    counts = [[0] * len(cols) for _ in rows]
    listed: list[list[list[str]]] = [[[] for _ in cols] for _ in rows]
    r_ix = {rid: i for i, (rid, _) in enumerate(rows)}
    c_ix = {cid: j for j, (cid, _) in enumerate(cols)}
    for a in acts:
        for tid, pid in cells_of(a):
            counts[r_ix[tid]][c_ix[pid]] += 1
            listed[r_ix[tid]][c_ix[pid]].append(a.text.en)
    hover = [[(f"<b>{counts[i][j]} activities</b><br>" +
               "<br>".join("• " + wrap(t, 60, max_lines=1) for t in items[:8]) +
               ("<br>…" if len(items) > 8 else ""))
              for j, items in enumerate(row)] for i, row in enumerate(listed)]
    fig = go.Figure(go.Heatmap(
        z=counts, x=[c[1] for c in cols], y=[r[1] for r in rows], text=counts,
        texttemplate="%{text}", textfont={"size": 22}, hovertext=hover,
        hovertemplate="%{hovertext}<extra></extra>", colorscale="Cividis",
        colorbar={"title": {"text": "Activities"}}, xgap=3, ygap=3,
    ))
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(side="top")
    who = ", ".join(sorted(chosen))
    flat = [(counts[i][j], rows[i][0], cols[j][0]) for i in range(len(rows))
            for j in range(len(cols))]
    top = max(flat)
    alt = (f"Heatmap of the number of catalogue activities carried out by UN police ({who}) "
           f"in each tier and phase; {len(acts)} activities in all. The busiest cell is "
           f"{top[1]} x {top[2]} with {top[0]}. Every cell shows its count as a number.")
    finish(fig, title="Where UN police contribute: catalogue activities per tier and phase",
           subtitle="Police = IPOs, FPUs, specialised teams, other formed units.<br>Sources: "
           "POC Policy 2015 E.2, E.3; Police POC Guidelines 2017 D.6, D.7", x_title="Phase",
           y_title="Tier", alt=alt, height=560, legend=False)
    fig.update_layout(margin={"t": 170, "b": 30})
    return fig
