"""Ladders: the forced-displacement priorities and the police escalation and handover rungs."""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go

from ._content import actor_names, resolve
from ._diagram import add_arrow, add_box, hover_points
from .offline import ensure_offline
from .style import FONT_SIZE, LIGHT, OKABE_ITO, esc, finish, hide_grid, sources, wrap


def displacement_ladder(*, content: Any = None) -> go.Figure:
    """Prevent displacement first, then the three ordered priorities and the POC-site conditions."""
    ensure_offline()
    content = resolve(content)
    dsp = content.displacement
    steps = sorted(dsp.priorities, key=lambda s: s.order)
    rungs = [("0", dsp.principle.title.en, dsp.principle, LIGHT["green"])]
    fills = [LIGHT["sky_blue"], LIGHT["yellow"], LIGHT["vermillion"]]
    rungs += [(str(s.order), f"Priority {s.order}: {s.name.en}", s, fills[min(i, 2)])
              for i, s in enumerate(steps)]
    fig = go.Figure()
    xs, ys, hover, data = [], [], [], []
    for i, (_num, head, rec, fill) in enumerate(rungs):
        x0, y = 0.5 * i, -1.25 * i
        add_box(fig, x0=x0, x1=x0 + 7.0, y0=y - 0.55, y1=y + 0.55, fill=fill,
                text=f"<b>{esc(head)}</b><br>{wrap(rec.text.en, 50, max_lines=2)}", size=FONT_SIZE)
        xs.append(x0 + 3.5)
        ys.append(y)
        data.append([rec.id, i])
        hover.append(f"<b>{esc(head)}</b><br>{wrap(rec.text.en, 60)}<br>"
                     f"Source: {sources(rec.source)}")
        if i:
            add_arrow(fig, x0=x0 - 0.5, y0=y + 0.75, x1=x0 - 0.5, y1=y + 0.05)
    hover_points(fig, x=xs, y=ys, hover=hover, data=data, name="rungs")
    # conditions on POC sites, beside the last rung
    last_y = -1.25 * (len(rungs) - 1)
    conds = dsp.poc_site_conditions
    top = last_y + 0.5 + 0.4 * len(conds) + 0.2
    cx0 = 0.5 * (len(rungs) - 1) + 7.4
    add_box(fig, x0=cx0, x1=cx0 + 4.4, y0=last_y - 0.55, y1=top, fill="white", dash="dot",
            text="<b>Conditions on POC sites</b><br>" + "<br>".join(
                "• " + wrap(c.title.en, 30).replace("<br>", "<br>   ") for c in conds),
            size=FONT_SIZE)
    add_arrow(fig, x0=cx0, y0=last_y, x1=cx0 - 0.35, y1=last_y)
    hover_points(fig, x=[cx0 + 2.2], y=[(last_y - 0.5 + top) / 2],
                 hover=["<br>".join(f"<b>{esc(c.title.en)}</b>: {wrap(c.text.en, 60)}"
                                    f"<br><i>{sources(c.source)}</i>" for c in conds)],
                 data=[[c.id for c in conds]], name="conditions")
    hide_grid(fig)
    fig.update_xaxes(range=[-0.7, cx0 + 4.5])
    fig.update_yaxes(range=[last_y - 0.8, 0.8])
    order = "; ".join(f"{i}. {head}" for i, (_, head, _, _) in enumerate(rungs))
    alt = (f"Step ladder going down from the preferred option to the last resort: {order}. "
           f"Beside the last step, the conditions on POC sites: "
           f"{'; '.join(c.title.en for c in conds)}.")
    finish(fig, title="Forced displacement: prevent first, then protect in this order",
           subtitle=f"Sources: {sources(dsp.principle.source)}",
           x_title="Down the ladder: less preferred options, ending in the last resort",
           y_title="Order of priority", alt=alt, height=600, legend=False)
    return fig


def escalation_ladder(*, content: Any = None) -> go.Figure:
    """The police escalation and handover ladder (IPO -> FPU -> military) with its triggers."""
    ensure_offline()
    content = resolve(content)
    rungs = sorted(content.police.handover, key=lambda h: h.order)
    names = actor_names(content)
    fills = [LIGHT["sky_blue"], LIGHT["orange"], LIGHT["green"], LIGHT["purple"]]
    fig = go.Figure()
    xs, ys, hover, data = [], [], [], []
    step_y, width, step_x = 1.7, 6.4, 0.8
    for i, h in enumerate(rungs):
        x0, y = step_x * i, step_y * i
        who = names.get(h.to_actor, h.to_actor)
        verb = "lead" if who.endswith("s)") else "leads"
        add_box(fig, x0=x0, x1=x0 + width, y0=y - 0.45, y1=y + 0.45,
                fill=fills[i % len(fills)], size=FONT_SIZE,
                text=f"<b>Rung {h.order}: {esc(who)} {verb}</b>"
                     f"<br>{wrap(h.text.en, 44, max_lines=1)}")
        xs.append(x0 + width / 2)
        ys.append(y)
        data.append([h.id, h.order, h.from_actor, h.to_actor])
        src = names.get(h.from_actor, h.from_actor) if h.from_actor else "start"
        hover.append(f"<b>{esc(src)} → {esc(who)}</b><br>Trigger: {wrap(h.trigger.en, 60)}<br>"
                     f"{wrap(h.text.en, 60)}<br>Source: {sources(h.source)}")
        label = "When: " if i == 0 else "Hand over when: "
        fig.add_annotation(x=x0 + width + 0.25, y=y, xanchor="left", yanchor="middle",
                           align="left", showarrow=False,
                           text=f"<i>{wrap(label + h.trigger.en, 30, max_lines=3)}</i>",
                           font={"size": FONT_SIZE, "color": OKABE_ITO["blue"]})
        if i:
            add_arrow(fig, x0=x0 - 0.5, y0=y - step_y + 0.45, x1=x0 + 0.3, y1=y - 0.45,
                      color=OKABE_ITO["vermillion"])
    hover_points(fig, x=xs, y=ys, hover=hover, data=data, name="rungs")
    top = step_y * (len(rungs) - 1)
    hide_grid(fig)
    fig.update_xaxes(range=[-0.6, step_x * (len(rungs) - 1) + width + 4.6])
    fig.update_yaxes(range=[-0.8, top + 0.8])
    chain = " → ".join(names.get(h.to_actor, h.to_actor) for h in rungs)
    alt = (f"Ladder of {len(rungs)} rungs going up as violence escalates: {chain}. "
           + " ".join(f"Rung {h.order} ({names.get(h.to_actor, h.to_actor)}) applies when: "
                      f"{h.trigger.en}" for h in rungs)
           + " Tasks pass back down as the situation de-escalates.")
    finish(fig, title="Police escalation and handover: who leads as violence escalates",
           subtitle="Tasks pass back down as the situation calms; the police POC strategy or OPLAN "
           "sets the triggers both ways.<br>Sources: Police POC Guidelines 2017 paras 28, "
           "31-32, 44, 53-55",
           x_title="Handover to the next capacity", y_title="Escalation of the threat",
           alt=alt, height=600, legend=False)
    fig.update_layout(margin={"t": 120})
    return fig
