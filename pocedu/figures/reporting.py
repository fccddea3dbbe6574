"""Reporting and referral pathways (MARA, MRM, GBV and CP sub-clusters) with a consent gate."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import plotly.graph_objects as go

from ._content import resolve
from .offline import ensure_offline
from .style import FONT_SIZE, OKABE_ITO, esc, finish, sources, wrap


@dataclass(frozen=True)
class Node:
    """A box in the pathway diagram; ``acronym`` links it to a protection.yaml mechanism."""

    id: str
    label: str
    column: int
    color: str
    text: str
    source: tuple[str, ...]
    acronym: str | None = None


GATE = "gate-consent"
NODES: tuple[Node, ...] = (
    Node("police", "UN police<br>(patrols,<br>screening,<br>reports)", 0, OKABE_ITO["blue"],
         "Police learn of violations through patrolling, outreach and engagement, and share "
         "them; they contribute to these mechanisms but do not run them.",
         ("Police POC Guidelines 2017 Tier I box", "Police POC Guidelines 2017 para 59")),
    Node(GATE, "GATE: informed consent<br>and confidentiality", 1, OKABE_ITO["black"],
         "Information about victims and witnesses is kept secure and used or shared only with "
         "their informed consent; engaging with them must not expose them to harm.",
         ("POC Policy 2015 para 42", "POC Policy 2015 Annex A §III.F.1")),
    Node("wpa", "Women Protection<br>Advisers (WPAs)", 2, OKABE_ITO["purple"],
         "Lead MARA on conflict-related sexual violence.",
         ("Police POC Guidelines 2017 Tier I box",)),
    Node("cpa", "Child Protection<br>Advisers (CPAs)", 2, OKABE_ITO["green"],
         "Lead the MRM on the six grave violations against children.",
         ("Police POC Guidelines 2017 Tier I box",)),
    Node("gbv", "GBV Sub-Cluster<br>(UNFPA)", 2, OKABE_ITO["orange"],
         "Survivor-centred referral across medical, psychosocial and legal services.",
         ("Police POC Guidelines 2017 para 65",), "GBV Sub-Cluster"),
    Node("cp", "Child Protection<br>Sub-Cluster (UNICEF)", 2, OKABE_ITO["sky_blue"],
         "Referral and services for children.", ("Police POC Guidelines 2017 para 65",),
         "CP Sub-Cluster"),
    Node("mara", "MARA<br>(CRSV reporting)", 3, OKABE_ITO["purple"],
         "Monitoring, Analysis and Reporting Arrangements on CRSV.",
         ("Police POC Guidelines 2017 Tier I box",), "MARA"),
    Node("mrm", "MRM<br>(grave violations<br>against children)", 3, OKABE_ITO["green"],
         "Monitoring and Reporting Mechanism on the six grave violations against children.",
         ("Police POC Guidelines 2017 Tier I box",), "MRM"),
    Node("services", "Medical, psychosocial<br>and legal services", 3, OKABE_ITO["vermillion"],
         "Multi-sectoral referral pathways deliver survivor-centred protection.",
         ("Police POC Guidelines 2017 para 65",)),
)
LINKS: tuple[tuple[str, str, str], ...] = (
    ("police", GATE, "Information about a survivor, victim or witness"),
    (GATE, "wpa", "Information on conflict-related sexual violence"),
    (GATE, "cpa", "Information on grave violations against children"),
    (GATE, "gbv", "Referral of a survivor of gender-based violence, with consent"),
    (GATE, "cp", "Referral of a child in need of protection"),
    ("wpa", "mara", "WPAs lead MARA"),
    ("cpa", "mrm", "CPAs lead the MRM"),
    ("gbv", "services", "Multi-sectoral referral pathway"),
    ("cp", "services", "Multi-sectoral referral pathway"),
)
COLUMN_X = (0.001, 0.27, 0.58, 0.999)
COLUMN_TITLES = ("Who learns of it", "GATE:<br>informed consent<br>and confidentiality",
                 "Who takes it forward", "Where it goes")
"""Column headings; the gate's name is its heading so that no text lies over the flows."""


def _plain(label: str) -> str:
    return label.replace("<br>", " ")


def _mechanism(content: Any, acronym: str | None) -> Any:
    if acronym is None:
        return None
    prot = getattr(content, "protection", None)
    return next((m for m in getattr(prot, "mechanisms", []) if m.acronym == acronym), None)


def reporting_pathways(*, content: Any = None) -> go.Figure:
    """Sankey: police -> consent gate -> WPA/CPA -> MARA/MRM, and referral via the sub-clusters."""
    ensure_offline()
    content = resolve(content)
    index = {n.id: i for i, n in enumerate(NODES)}
    hover = []
    for n in NODES:
        mech = _mechanism(content, n.acronym)
        if mech is not None:
            hover.append(f"<b>{esc(mech.name.en)}</b><br>Led by: {esc(mech.led_by.en)}<br>"
                         f"{wrap(mech.text.en, 60)}<br>Source: {sources(mech.source)}")
        else:
            hover.append(f"<b>{_plain(n.label)}</b><br>{wrap(n.text, 60)}<br>"
                         f"Source: {sources(list(n.source))}")
    counts = {n.id: 0 for n in NODES}
    for _, dst, _ in LINKS:
        counts[dst] += 1
    ys = {}
    for col in range(4):
        members = [n for n in NODES if n.column == col]
        for k, n in enumerate(members):
            ys[n.id] = (k + 0.5) / len(members)
    fig = go.Figure(go.Sankey(
        arrangement="fixed",
        node={
            "label": ["" if n.id == GATE else n.label for n in NODES],
            "color": [n.color for n in NODES],
            "x": [COLUMN_X[n.column] for n in NODES], "y": [ys[n.id] for n in NODES],
            "pad": 30, "thickness": 28, "line": {"color": OKABE_ITO["black"], "width": 1},
            "customdata": [[n.id, n.acronym or ""] for n in NODES],
            "hovertemplate": "%{customdata[2]}<extra></extra>",
        },
        link={
            "source": [index[s] for s, _, _ in LINKS], "target": [index[t] for _, t, _ in LINKS],
            "value": [1] * len(LINKS), "label": [lab for _, _, lab in LINKS],
            "color": ["rgba(153,153,153,0.35)"] * len(LINKS),
            "customdata": [[_plain(NODES[index[s]].label), _plain(NODES[index[t]].label)]
                           for s, t, _ in LINKS],
            "hovertemplate": "%{customdata[0]} → %{customdata[1]}<br>%{label}<extra></extra>",
        },
        textfont={"size": FONT_SIZE, "color": OKABE_ITO["black"]},
    ))
    # node hover needs a third customdata field; plotly sankey customdata is per node
    fig.data[0].node.customdata = [[n.id, n.acronym or "", h] for n, h in zip(NODES, hover,
                                                                             strict=True)]
    anchors = ("left", "center", "center", "right")
    for x, title, anchor in zip(COLUMN_X, COLUMN_TITLES, anchors, strict=True):
        fig.add_annotation(x=x, y=1.04, xref="paper", yref="paper", xanchor=anchor,
                           yanchor="bottom", text=f"<b>{title}</b>", showarrow=False,
                           font={"size": 16})
    alt = ("Flow diagram. UN police pass information about survivors, victims and witnesses "
           "through a gate of informed consent and confidentiality. From the gate: to Women "
           "Protection Advisers, who lead MARA on conflict-related sexual violence; to Child "
           "Protection Advisers, who lead the MRM on grave violations against children; and, "
           "for referral, to the GBV Sub-Cluster (UNFPA) and the Child Protection Sub-Cluster "
           "(UNICEF), which connect to medical, psychosocial and legal services.")
    finish(fig, title="Reporting and referral: consent comes first",
           subtitle="Hover over a box for who leads it.<br>Sources: Police POC Guidelines "
           "2017 Tier I box, paras 59, 65; POC Policy 2015 para 42",
           x_title="", y_title="", alt=alt, height=600, legend=False)
    fig.update_layout(margin={"t": 190, "l": 30, "r": 30})
    return fig
