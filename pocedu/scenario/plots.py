"""Figures of the scenario (plotly, offline): trends, victims by group, map, table.

Colours are Okabe-Ito and never carry meaning alone: lines also differ by marker symbol and
dash and are labelled at their end; bars carry their numbers as text.
"""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go

from ..figures.offline import ensure_offline
from ..figures.style import FONT_SIZE, LIGHT, OKABE_ITO, esc, finish, wrap
from .incidents import AGES, SEXES, SOURCE, select, victims_long

PALETTE = [OKABE_ITO[c] for c in ("blue", "orange", "green", "vermillion", "purple", "sky_blue",
                                   "black", "yellow", "grey")]
SYMBOLS = ["circle", "square", "diamond", "triangle-up", "x", "star", "cross", "triangle-down",
           "pentagon"]
DASHES = ["solid", "dash", "dot", "dashdot", "longdash", "solid", "dash", "dot", "dashdot"]
SITE_STYLE: dict[str, tuple[str, str]] = {  # kind -> (symbol, colour)
    "un-premises": ("square", OKABE_ITO["blue"]),
    "idp-site": ("triangle-up", OKABE_ITO["orange"]),
    "village": ("circle", OKABE_ITO["green"]),
    "town": ("hexagon", OKABE_ITO["sky_blue"]),
    "market": ("diamond", OKABE_ITO["purple"]),
    "police-post": ("cross", OKABE_ITO["black"]),
    "base": ("x", OKABE_ITO["vermillion"]),
}
SITE_NAMES: dict[str, str] = {
    "un-premises": "UN premises", "idp-site": "IDP site", "village": "Village", "town": "Town",
    "market": "Market", "police-post": "Police post", "base": "Armed group base",
}
"""Legend and hover names of the site kinds."""
LABELLED = ("un-premises", "base")
"""Sites named on the map (the others are named in their hover, to keep the map legible)."""
BUBBLE_RISE = 5.0
"""Incident circles sit this far north of the area centre, clear of its sites and its name."""
MIN_GAP = 3.0
"""Site markers closer than this (map units) to one placed earlier are moved apart."""


def _spread(points: list[tuple[float, float]], *, gap: float = MIN_GAP
            ) -> list[tuple[float, float]]:
    """``points`` with any that lie within ``gap`` of an earlier one pushed away from it."""
    placed: list[tuple[float, float]] = []
    for x, y in points:
        for px, py in placed:
            dx, dy = x - px, y - py
            dist = (dx * dx + dy * dy) ** 0.5
            if dist < gap:
                ux, uy = (dx / dist, dy / dist) if dist > 0 else (1.0, 0.0)
                x, y = px + ux * gap, py + uy * gap
        placed.append((x, y))
    return placed
GROUP_BY = {"area": "area", "type": "type", "perpetrator": "perpetrator"}


HISTORY_START = -90
"""First story day the figures show (relative to D-day)."""


def story_so_far(scenario: Any) -> tuple[int, int]:
    """The days a student may see before playing: up to the first inject's day (no spoiler)."""
    first = min(scenario.injects, key=lambda i: (i.number, i.day))
    return (HISTORY_START, first.day)


def _data(df: Any, scenario: Any) -> tuple[Any, Any]:
    from .incidents import incidents
    from .load import scenario as packaged

    sc = scenario if scenario is not None else packaged()
    return (df if df is not None else incidents(scenario=sc)), sc


def _d_day_line(fig: go.Figure, x: float) -> None:
    fig.add_vline(x=x, line={"color": OKABE_ITO["black"], "dash": "dot", "width": 2})
    fig.add_annotation(x=x, y=1, yref="paper", text="D-day", showarrow=False, yanchor="bottom",
                       font={"size": FONT_SIZE})


def trend_figure(*, df: Any = None, scenario: Any = None, days: tuple[int, int] | None = None,
                 areas: list[str] | None = None, by: str = "area", title: str | None = None
                 ) -> go.Figure:
    """Weekly incident counts split ``by`` area, type or perpetrator, with D-day marked."""
    ensure_offline()
    if by not in GROUP_BY:
        raise ValueError(f"by must be one of {', '.join(GROUP_BY)}, not {by!r}")
    df, sc = _data(df, scenario)
    days = days or story_so_far(sc)
    part = select(df, days=days, areas=areas).copy()
    names = {a.id: a.name for a in sc.areas}
    # 7-day windows ending on the last day shown; a partial first window is dropped
    part["window"] = days[1] - 7 * ((days[1] - part["day"]) // 7)
    ends = [e for e in range(days[1], days[0] - 1, -7) if e - 6 >= days[0]][::-1] or [days[1]]
    table = part.groupby(["window", GROUP_BY[by]]).size().unstack(fill_value=0)
    table = table.reindex(ends, fill_value=0)
    order = list(table.sum().sort_values(ascending=False).index)
    fig = go.Figure()
    for i, key in enumerate(order):
        label = names.get(key, key) if by == "area" else key
        ys = [int(v) for v in table[key]]
        fig.add_trace(go.Scatter(
            x=ends, y=ys, name=esc(label), mode="lines+markers",
            line={"color": PALETTE[i % len(PALETTE)], "dash": DASHES[i % len(DASHES)], "width": 3},
            marker={"symbol": SYMBOLS[i % len(SYMBOLS)], "size": 10},
            hovertemplate=f"<b>{esc(label)}</b><br>7 days to day %{{x}}: %{{y}} incidents"
                          "<extra></extra>"))
    weeks = ends
    if weeks[0] <= 0 <= weeks[-1]:
        _d_day_line(fig, 0)
    top = ", ".join(f"{names.get(k, k)} {int(table[k].sum())}" for k in order[:4])
    alt = (f"Line chart of incident reports per 7 days from day {days[0]} to day {days[1]} "
           f"relative to D-day, one line per {by}. Most reports: {top}.")
    finish(fig, title=title or f"Incident reports per 7 days, by {by}",
           subtitle=f"Synthetic data, Exercise SILVER RIVER: 7-day totals ({SOURCE}).",
           x_title="Day relative to D-day (end of each 7-day period)",
           y_title="Incident reports in 7 days", alt=alt, height=520)
    return fig


def groups_figure(*, df: Any = None, scenario: Any = None, days: tuple[int, int] | None = None,
                  areas: list[str] | None = None, title: str | None = None) -> go.Figure:
    """Victims by age group (x) and sex (bars with text and hatching), per POC Policy para 44."""
    ensure_offline()
    df, sc = _data(df, scenario)
    days = days or story_so_far(sc)
    long = victims_long(select(df, days=days, areas=areas))
    totals = long.groupby(["sex", "age"])["count"].sum() if len(long) else None
    fig = go.Figure()
    style = {"female": (OKABE_ITO["orange"], ""), "male": (OKABE_ITO["blue"], "/")}
    for sex in SEXES:
        ys = [int(totals.get((sex, a), 0)) if totals is not None else 0 for a in AGES]
        colour, hatch = style[sex]
        fig.add_trace(go.Bar(x=[a.title() for a in AGES], y=ys, name=sex.title(), text=ys,
                             textposition="outside", marker={"color": colour,
                                                             "pattern": {"shape": hatch}},
                             hovertemplate=f"{sex.title()}, %{{x}}: %{{y}} people<extra></extra>"))
    crsv = int(select(df, days=days, areas=areas).query("type == 'crsv'")["victims"].sum())
    recruit = int(select(df, days=days, areas=areas)
                  .query("type == 'child-recruitment'")["victims"].sum())
    summary = "; ".join(f"{s} {a} {int(totals.get((s, a), 0)) if totals is not None else 0}"
                        for s in SEXES for a in AGES)
    alt = (f"Grouped bar chart of people harmed from day {days[0]} to day {days[1]}, by sex and "
           f"age group: {summary}. Of these, CRSV survivors {crsv}, children recruited {recruit}.")
    finish(fig, title=title or "People harmed, by sex and age group",
           subtitle=f"Counts only. Includes CRSV survivors: {crsv}; children recruited: "
                    f"{recruit} ({SOURCE}).",
           x_title="Age group", y_title="People", alt=alt, height=480)
    fig.update_layout(barmode="group")
    return fig


def map_figure(*, df: Any = None, scenario: Any = None, days: tuple[int, int] | None = None
               ) -> go.Figure:
    """A schematic map of areas and sites, with incidents per area as circles and a week slider."""
    ensure_offline()
    df, sc = _data(df, scenario)
    days = days or story_so_far(sc)
    part = select(df, days=days)
    weeks = list(range(days[0] // 7, days[1] // 7 + 1))
    counts = part.groupby(["week", "area"]).size()
    fig = go.Figure()
    all_sites = [s for a in sc.areas for s in a.sites]
    where = dict(zip((id(s) for s in all_sites),
                     _spread([(s.x, s.y) for s in all_sites]), strict=True))
    for kind, (symbol, colour) in SITE_STYLE.items():
        sites = [s for s in all_sites if s.kind == kind]
        if not sites:
            continue
        labelled = kind in LABELLED
        name = SITE_NAMES.get(kind, kind.replace("-", " ").capitalize())
        fig.add_trace(go.Scatter(
            x=[where[id(s)][0] for s in sites], y=[where[id(s)][1] for s in sites],
            mode="markers+text" if labelled else "markers",
            name=name, text=[esc(s.name) for s in sites],
            textposition="bottom center" if kind == "un-premises" else "middle right",
            textfont={"size": FONT_SIZE},
            marker={"symbol": symbol, "size": 16, "color": colour,
                    "line": {"color": "white", "width": 1}},
            hovertemplate="%{text}" + f" ({esc(name)})<extra></extra>"))
    fig.add_trace(go.Scatter(
        x=[a.x - 3 for a in sc.areas], y=[a.y for a in sc.areas], mode="text",
        textposition="middle left",
        text=[f"<b>{esc(a.name)}</b>" for a in sc.areas],
        textfont={"size": FONT_SIZE, "color": OKABE_ITO["black"]}, showlegend=False,
        hoverinfo="skip"))

    def bubbles(week: int) -> dict[str, Any]:
        n = [int(counts.get((week, a.id), 0)) for a in sc.areas]
        return {"x": [a.x for a in sc.areas], "y": [a.y + BUBBLE_RISE for a in sc.areas],
                "text": n,
                "marker": {"size": [8 + 4 * v ** 0.5 * 3 for v in n]},
                "customdata": [a.name for a in sc.areas]}

    first = bubbles(weeks[-1])
    first["marker"].update({"color": LIGHT["vermillion"], "opacity": 0.6,
                            "line": {"color": OKABE_ITO["vermillion"], "width": 2}})
    fig.add_trace(go.Scatter(
        mode="markers+text", name="Incidents this week", textposition="middle center",
        textfont={"size": FONT_SIZE, "color": OKABE_ITO["black"]},
        hovertemplate="%{customdata}: %{text} incidents<extra></extra>", **first))
    bubble_index = len(fig.data) - 1
    fig.frames = [go.Frame(name=str(w), data=[go.Scatter(**bubbles(w))],
                           traces=[bubble_index]) for w in weeks]
    fig.update_layout(sliders=[{
        "active": len(weeks) - 1, "currentvalue": {"prefix": "Week relative to D-day: ",
                                                   "font": {"size": 16}},
        "steps": [{"label": str(w), "method": "animate",
                   "args": [[str(w)], {"mode": "immediate", "frame": {"duration": 0,
                                                                       "redraw": True}}]}
                  for w in weeks]}])
    fig.update_xaxes(range=[18, 90], showgrid=False, zeroline=False, showticklabels=False)
    fig.update_yaxes(range=[18, 80], showgrid=False, zeroline=False, showticklabels=False,
                     scaleanchor="x")
    last = ", ".join(f"{a.name} {first['text'][i]}" for i, a in enumerate(sc.areas))
    alt = (f"Schematic map of Sector East with {len(sc.areas)} areas, the UN team site, the IDP "
           f"camp, villages and police posts; circles show incidents per area for the week "
           f"chosen with the slider. Week {weeks[-1]}: {last}.")
    finish(fig, title="Sector East: areas, sites and incidents by week",
           subtitle="Schematic, not to scale. Move the slider to see a week; circle size and "
                    "number = incident reports.",
           x_title="West → East", y_title="South → North", alt=alt, height=600)
    fig.update_layout(margin={"b": 130})
    return fig


def table_figure(*, df: Any = None, scenario: Any = None, days: tuple[int, int] | None = None,
                 areas: list[str] | None = None, limit: int = 25) -> go.Figure:
    """The most recent incident reports of the slice as a table (no narratives: categories)."""
    ensure_offline()
    df, sc = _data(df, scenario)
    days = days or story_so_far(sc)
    part = select(df, days=days, areas=areas).sort_values("day", ascending=False).head(limit)
    names = {a.id: a.name for a in sc.areas}
    cols = ["incident_id", "day", "area", "type", "perpetrator", "victims"]
    values = [list(part[c]) for c in cols]
    values[2] = [names.get(a, a) for a in values[2]]
    fig = go.Figure(go.Table(
        header={"values": [c.replace("_", " ") for c in cols], "font": {"size": 16},
                "fill": {"color": LIGHT["sky_blue"]}, "align": "left"},
        cells={"values": values, "font": {"size": FONT_SIZE}, "height": 28, "align": "left"}))
    alt = f"Table of the {len(part)} most recent incident reports: id, day, area, type, " \
          "alleged perpetrator and number of victims."
    finish(fig, title="Latest incident reports", x_title="", y_title="", alt=alt,
           subtitle=wrap(f"Day {days[0]} to {days[1]}; alleged perpetrators as reported.", 120),
           height=560, legend=False)
    return fig


def inject_figure(inject: Any, *, df: Any = None, scenario: Any = None) -> go.Figure:
    """The figure an inject's ``data`` asks for."""
    view = inject.data
    title = f"Inject {inject.number}: {view.caption.en}"
    if view.figure == "trend":
        return trend_figure(df=df, scenario=scenario, days=view.days, areas=view.areas or None,
                            by=view.by, title=title)
    if view.figure == "groups":
        return groups_figure(df=df, scenario=scenario, days=view.days,
                             areas=view.areas or None, title=title)
    if view.figure == "map":
        return map_figure(df=df, scenario=scenario, days=view.days)
    return table_figure(df=df, scenario=scenario, days=view.days, areas=view.areas or None)
