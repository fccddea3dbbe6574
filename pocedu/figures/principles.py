"""The 2015 (13) and 2023 (9) guiding principles side by side, linked by ``same_as``."""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go

from ._content import resolve
from .offline import ensure_offline
from .style import FONT_SIZE, OKABE_ITO, esc, finish, sources, wrap

COLUMNS = ("In both lists", "2015 only", "2023 only")
STYLE = {
    "In both lists": (OKABE_ITO["green"], "square"),
    "2015 only": (OKABE_ITO["blue"], "circle"),
    "2023 only": (OKABE_ITO["orange"], "diamond"),
}


def compare(content: Any) -> dict[str, list[tuple[list[Any], list[Any]]]]:
    """Group principles: pairs linked by ``same_as`` (either direction), then the unmatched."""
    p15 = list(content.principles.principles_2015)
    p23 = list(content.principles.principles_2023)
    links = {(a.id, b) for a in p15 for b in a.same_as}
    links |= {(b, a.id) for a in p23 for b in a.same_as}
    out: dict[str, list[tuple[list[Any], list[Any]]]] = {c: [] for c in COLUMNS}
    done: set[str] = set()
    for a in p15:
        if a.id in done:
            continue
        partners = [b for b in p23 if (a.id, b.id) in links]
        if partners:
            olds = [x for x in p15 if any((x.id, b.id) in links for b in partners)]
            done |= {x.id for x in olds} | {b.id for b in partners}
            out["In both lists"].append((olds, partners))
    out["2015 only"] = [([a], []) for a in p15 if a.id not in done]
    out["2023 only"] = [([], [b]) for b in p23 if b.id not in done]
    return out


def _hover(olds: list[Any], news: list[Any]) -> str:
    parts = []
    for year, group in (("2015", olds), ("2023", news)):
        for p in group:
            parts.append(f"<b>{year} #{p.number}: {esc(p.name.en)}</b><br>{wrap(p.summary.en, 60)}")
            if p.change:
                parts.append(f"<i>What changed: {wrap(p.change.en, 55)}</i>")
            parts.append(f"Source: {sources(p.source)}")
    return "<br>".join(parts)


def principles_comparison(*, content: Any = None) -> go.Figure:
    """Three columns: principles in both lists (2015 name = 2023 name), 2015 only, 2023 only."""
    ensure_offline()
    content = resolve(content)
    groups = compare(content)
    fig = go.Figure()
    xs_of = (0.0, 1.45, 2.35)
    widths = (44, 26, 26)
    extent = 0.0
    for col, name in enumerate(COLUMNS):
        rows = groups[name]
        color, symbol = STYLE[name]
        labels, ys, cum = [], [], 0.0
        for olds, news in rows:
            if olds and news:
                labels.append("2015: " + wrap(" / ".join(p.name.en for p in olds), widths[col])
                              + "<br>2023: "
                              + wrap(" / ".join(p.name.en for p in news), widths[col]))
            else:
                labels.append("<br>".join(wrap(p.name.en, widths[col]) for p in olds + news))
            lines = labels[-1].count("<br>") + 1
            ys.append(-(cum + lines / 2))  # rows spaced by their number of lines
            cum += lines + 0.7
        extent = max(extent, cum)
        fig.add_trace(go.Scatter(
            x=[xs_of[col]] * len(rows), y=ys, mode="markers+text",
            name=f"{name} ({len(rows)})", text=labels, textposition="middle right",
            textfont={"size": FONT_SIZE},
            customdata=[[[p.id for p in o], [p.id for p in n]] for o, n in rows],
            hovertext=[_hover(o, n) for o, n in rows],
            hovertemplate="%{hovertext}<extra></extra>",
            marker={"size": 16, "color": color, "symbol": symbol,
                    "line": {"color": OKABE_ITO["black"], "width": 1}},
        ))
    fig.update_xaxes(tickvals=[x + 0.3 for x in xs_of], side="top", range=[-0.05, 3.3],
                     showgrid=False,
                     zeroline=False,
                     ticktext=[f"<b>{c}</b> ({len(groups[c])})" for c in COLUMNS])
    fig.update_yaxes(range=[-extent, 0.3], showticklabels=False, showgrid=False,
                     zeroline=False)
    n15 = len(content.principles.principles_2015)
    n23 = len(content.principles.principles_2023)
    alt = ("Guiding principles compared. In both lists: "
           + "; ".join(" / ".join(p.name.en for p in o) + " = " + " / ".join(p.name.en for p in n)
                       for o, n in groups["In both lists"])
           + ". 2015 only: " + "; ".join(o[0].name.en for o, _ in groups["2015 only"])
           + ". 2023 only: " + "; ".join(n[0].name.en for _, n in groups["2023 only"]) + ".")
    finish(fig, title=f"Guiding principles: 2015 Policy ({n15}) and 2023 summary ({n23})",
           subtitle="Hover for what each means and what changed.<br>Sources: POC Policy 2015 "
           "paras 17-29; POC Policy summary 2023 Guiding Principles",
           x_title="Where the principle appears", y_title="Principles", alt=alt,
           height=min(600, int(19 * extent + 230)), legend=False)
    fig.update_layout(margin={"t": 170})
    return fig
