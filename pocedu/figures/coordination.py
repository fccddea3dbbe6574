"""Coordination partners of UN police and what is routed to each (hub and spokes)."""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go

from ._content import resolve
from ._diagram import add_box, hover_points
from .offline import ensure_offline
from .style import FONT_SIZE, LIGHT, OKABE_ITO, esc, finish, hide_grid, sources, wrap

ROW = 1.0


def coordination_map(*, content: Any = None) -> go.Figure:
    """UN police at the hub, each coordination partner (police.yaml) and what goes to it."""
    ensure_offline()
    content = resolve(content)
    partners = list(content.police.partners)
    n = len(partners)
    fig = go.Figure()
    hub_y = -(n - 1) * ROW / 2
    add_box(fig, x0=0, x1=2.2, y0=hub_y - 1.6, y1=hub_y + 1.6, fill=LIGHT["blue"],
            text="<b>UN police</b><br>(HOPC, liaison<br>officers, units)", align="center")
    xs, ys, hover, data = [], [], [], []
    for i, p in enumerate(partners):
        y = -i * ROW
        fig.add_shape(type="line", x0=2.2, y0=hub_y, x1=3.0, y1=y, layer="below",
                      line={"color": OKABE_ITO["grey"], "width": 2})
        label = p.acronym or p.name.en
        add_box(fig, x0=3.0, x1=7.4, y0=y - 0.45, y1=y + 0.45, fill=LIGHT["sky_blue"],
                text=f"<b>{wrap(label, 24, max_lines=1)}</b>", size=FONT_SIZE)
        routes = [r.en for r in p.routes] or ["(see its role)"]
        # one line per partner so that every partner fits the screen; the rest is in the hover
        fig.add_annotation(x=7.6, y=y, xanchor="left", align="left", showarrow=False,
                           text="→ " + wrap(routes[0], 50, max_lines=1)
                           + (" (+ more)" if len(routes) > 1 else ""),
                           font={"size": FONT_SIZE})
        xs.append(5.2)
        ys.append(y)
        data.append([p.id, label, [r for r in routes]])
        hover.append(f"<b>{esc(p.name.en)}</b><br>{wrap(p.text.en, 60)}<br><b>Routed here:</b><br>"
                     + "<br>".join("• " + wrap(r, 60) for r in routes)
                     + f"<br>Source: {sources(p.source)}")
    hover_points(fig, x=xs, y=ys, hover=hover, data=data, name="partners")
    hide_grid(fig)
    fig.update_xaxes(range=[-0.2, 17.2])
    fig.update_yaxes(range=[-(n - 1) * ROW - 0.6, 0.6])
    alt = (f"Hub-and-spoke diagram: UN police linked to {n} coordination partners, each with "
           "what police send or bring to it. " + " ".join(
               f"{p.acronym or p.name.en}: {'; '.join(r.en for r in p.routes)}" for p in partners))
    finish(fig, title="Who gets what: UN police coordination partners",
           subtitle="Hover over a partner for its role and everything routed to it.<br>"
           "Sources: Police POC Guidelines 2017 paras 52-65",
           x_title="Partner and what is routed to it", y_title="Coordination partners",
           alt=alt, height=600, legend=False)
    return fig
