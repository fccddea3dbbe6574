"""A small, seeded, FICTIONAL incident dataset broken down by sex and age group."""

from __future__ import annotations

import random
from collections import Counter
from typing import Any

import plotly.graph_objects as go

from .offline import ensure_offline
from .style import OKABE_ITO, finish

GROUPS: tuple[tuple[str, str, str, str], ...] = (
    # (id, label, colour, bar pattern) - the pattern keeps groups apart without colour
    ("girls", "Girls", OKABE_ITO["vermillion"], "/"),
    ("boys", "Boys", OKABE_ITO["blue"], "."),
    ("women", "Women", OKABE_ITO["orange"], "x"),
    ("men", "Men", OKABE_ITO["sky_blue"], ""),
)
# Fictional weights chosen to make the teaching point: totals hide who is affected.
WEIGHTS: dict[str, tuple[int, int, int, int]] = {
    "Killing": (1, 2, 3, 8),
    "Injury": (2, 3, 4, 7),
    "Abduction": (3, 8, 2, 3),
    "Sexual violence": (5, 1, 8, 1),
}
SOURCE = "POC Policy 2015 para 44"


def fictional_incidents(*, seed: int = 2024, n: int = 240) -> list[dict[str, str]]:
    """``n`` FICTIONAL victim records (incident type, sex, age group), the same for a seed."""
    rng = random.Random(seed)
    types = list(WEIGHTS)
    out = []
    for _ in range(n):
        kind = rng.choice(types)
        group = rng.choices([g[0] for g in GROUPS], weights=WEIGHTS[kind])[0]
        out.append({"incident": kind, "group": group,
                    "sex": "female" if group in ("girls", "women") else "male",
                    "age": "child" if group in ("girls", "boys") else "adult"})
    return out


def counts(records: list[dict[str, str]]) -> Counter[tuple[str, str]]:
    """Victims per (incident type, group)."""
    return Counter((r["incident"], r["group"]) for r in records)


def disaggregation_chart(*, seed: int = 2024, n: int = 240, content: Any = None) -> go.Figure:
    """Grouped bars of FICTIONAL victims per incident type, by sex and age group (para 44)."""
    ensure_offline()
    del content  # the data are fictional; kept for a uniform signature
    records = fictional_incidents(seed=seed, n=n)
    table = counts(records)
    kinds = list(WEIGHTS)
    fig = go.Figure()
    for gid, label, color, pattern in GROUPS:
        ys = [table[(k, gid)] for k in kinds]
        fig.add_trace(go.Bar(
            x=kinds, y=ys, name=label, text=ys, textposition="outside", customdata=[gid] * len(ys),
            marker={"color": color, "pattern": {"shape": pattern, "fgcolor": OKABE_ITO["black"],
                                                "size": 8, "solidity": 0.25},
                    "line": {"color": OKABE_ITO["black"], "width": 1}},
            hovertemplate=f"{label}<br>%{{x}}: %{{y}} victims (fictional)<extra></extra>",
        ))
    totals = {k: sum(table[(k, g[0])] for g in GROUPS) for k in kinds}
    top = {k: max(GROUPS, key=lambda g: table[(k, g[0])])[1] for k in kinds}
    alt = (f"Bar chart of a FICTIONAL dataset of {len(records)} victims. "
           + "; ".join(f"{k}: {totals[k]} in all, most often {top[k].lower()}" for k in kinds)
           + ". Totals alone would hide who is affected; POC reports break incidents down by "
           "area, gender and age.")
    finish(fig, title="FICTIONAL data: the same incidents, broken down by sex and age",
           subtitle=f"Why POC reports disaggregate by area, gender and age ({SOURCE}). "
           "Invented for teaching.",
           x_title="Type of incident (fictional)", y_title="Number of victims (fictional)",
           alt=alt, height=560)
    fig.update_layout(barmode="group", bargap=0.25,
                      legend={"orientation": "h", "y": -0.18, "x": 0})
    fig.update_yaxes(rangemode="tozero")
    return fig
