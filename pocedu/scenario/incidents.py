"""A seeded, synthetic incident dataset for the scenario (pandas).

Each row is one incident report with victims broken down by sex and age group, per area, as
POC reporting asks (POC Policy 2015 para 44). Trends follow the story: tension rises towards
the pre-emption inject (D-10), violence spikes in Orvane on D-day, and subsides during
consolidation. CRSV and child-related incidents are counts and categories only; there is no
narrative column at all.
"""

from __future__ import annotations

from typing import Any

SOURCE = "POC Policy 2015 para 44"
FIRST_DAY, LAST_DAY = -90, 30
SEXES = ("female", "male")
AGES = ("child", "adult", "older")
VICTIM_COLUMNS = tuple(f"victims_{s}_{a}" for s in SEXES for a in AGES)
COLUMNS = ("incident_id", "date", "day", "week", "area", "type", "category", "perpetrator",
           *VICTIM_COLUMNS, "victims", "displaced")

# type -> (category, perpetrators with weights, mean victims, share female, share child, older)
TYPES: dict[str, tuple[str, dict[str, float], float, float, float, float]] = {
    "theft": ("property and livelihoods", {"criminals": 3, "unidentified": 2}, 1.0, .4, .05, .1),
    "robbery": ("property and livelihoods", {"criminals": 4, "unidentified": 1}, 1.5, .3, .05, .1),
    "cattle-raid": ("property and livelihoods",
                    {"valley-vigilantes": 2, "psdg": 2, "unidentified": 1}, 1.0, .1, .1, .1),
    "intimidation": ("threats", {"psdg": 2, "valley-vigilantes": 2, "unidentified": 1},
                     2.0, .5, .15, .1),
    "ill-treatment": ("host-state abuses", {"knp-riu": 1}, 1.5, .1, .15, .05),
    "arbitrary-detention": ("host-state abuses", {"knp-riu": 1}, 2.0, .05, .15, .05),
    "injury": ("physical violence", {"psdg": 3, "valley-vigilantes": 1, "unidentified": 1},
               2.0, .4, .25, .1),
    "killing": ("physical violence", {"psdg": 3, "valley-vigilantes": 1, "unidentified": 1},
                1.5, .35, .2, .15),
    "arson": ("property and livelihoods", {"psdg": 3, "unidentified": 1}, 3.0, .5, .35, .15),
    "abduction": ("physical violence", {"psdg": 2, "criminals": 1}, 1.2, .4, .3, .0),
    "crsv": ("conflict-related sexual violence", {"psdg": 3, "unidentified": 1}, 1.0, .9, .3, .0),
    "child-recruitment": ("grave violations against children", {"psdg": 1}, 1.0, .1, 1.0, .0),
    "forced-displacement": ("displacement", {"psdg": 3, "unidentified": 1}, 0.0, .5, .4, .1),
}

# Story phases: (first day, last day) -> type weights
CALM = {"theft": 5, "robbery": 3, "cattle-raid": 2, "intimidation": 2}
TENSION = {"theft": 4, "robbery": 4, "cattle-raid": 4, "intimidation": 4, "ill-treatment": 1.5,
           "arbitrary-detention": 1.5, "injury": 1.5, "killing": .4, "abduction": .4,
           "crsv": .3, "child-recruitment": .4}
ATTACK = {"arson": 5, "killing": 3, "injury": 4, "crsv": 1.5, "abduction": 1,
          "child-recruitment": 1, "forced-displacement": 2, "intimidation": 1}
AFTER = {"theft": 3, "robbery": 2, "intimidation": 3, "injury": 1, "crsv": .3,
         "child-recruitment": .3, "forced-displacement": .6, "ill-treatment": .4}


def tension(day: int) -> float:
    """Expected incidents per day in an area of weight 1, before the attack multiplier."""
    if day < -45:
        return 0.7
    if day < 0:
        return 0.7 + 1.8 * (day + 45) / 45  # rising towards D-day
    if day <= 1:
        return 3.0
    return 0.6 + 2.0 * 0.85 ** (day - 1)  # subsiding during consolidation


def mix(day: int, area: str) -> dict[str, float]:
    """Type weights for an area on a day."""
    if day < -45:
        return dict(CALM)
    if day < 0:
        weights = dict(TENSION)
        if area == "eastroad":
            weights["robbery"] = 14  # daily robberies on the road (inject 4)
        if area in ("greywater", "plateau") and -35 <= day <= -15:
            weights["ill-treatment"] = 6  # RIU abuses (inject 2)
            weights["arbitrary-detention"] = 5
        return weights
    if day <= 1 and area in ("orvane", "lanmore", "greywater"):
        return dict(ATTACK)
    return dict(AFTER)


def incidents(*, seed: int = 7, scenario: Any = None) -> Any:
    """The synthetic incident reports of the scenario as a ``pandas.DataFrame`` (``COLUMNS``).

    The same seed gives the same data. ``day`` is relative to D-day, ``week`` is ``day // 7``.
    """
    import numpy as np
    import pandas as pd

    from .load import scenario as packaged

    sc = scenario if scenario is not None else packaged()
    rng = np.random.default_rng(seed)
    d_day = pd.Timestamp(sc.mission.d_day)
    rows: list[dict[str, Any]] = []
    for day in range(FIRST_DAY, LAST_DAY + 1):
        for area in sc.areas:
            rate = tension(day) * area.weight
            if area.id == "orvane" and day in (0, 1):
                rate *= 10 if day == 0 else 4  # the attack on Orvane
            elif day in (0, 1) and area.id in ("lanmore", "greywater"):
                rate *= 2
            weights = mix(day, area.id)
            names = list(weights)
            p = np.array([weights[n] for n in names], dtype=float)
            n = int(rng.poisson(rate))
            for k in rng.choice(len(names), size=n, p=p / p.sum()):
                rows.append(_row(rng, names[int(k)], day, area.id, d_day))
    df = pd.DataFrame(rows, columns=[c for c in COLUMNS if c != "incident_id"])
    df.insert(0, "incident_id", [f"SR-{i + 1:04d}" for i in range(len(df))])
    for c in (*VICTIM_COLUMNS, "victims", "displaced", "day", "week"):
        df[c] = df[c].astype("int64")
    return df


def _row(rng: Any, kind: str, day: int, area: str, d_day: Any) -> dict[str, Any]:
    import pandas as pd

    category, perps, mean, female, child, older = TYPES[kind]
    names = list(perps)
    w = [perps[n] for n in names]
    perpetrator = names[int(rng.choice(len(names), p=[x / sum(w) for x in w]))]
    n = 0 if kind == "forced-displacement" else 1 + int(rng.poisson(max(mean - 1, 0)))
    ages = {"child": child, "adult": max(1.0 - child - older, 0.0), "older": older}
    probs = [(female if s == "female" else 1 - female) * ages[a] for s in SEXES for a in AGES]
    counts = dict(zip(VICTIM_COLUMNS, (int(c) for c in rng.multinomial(n, probs)), strict=True))
    displaced = int(rng.integers(40, 400)) if kind == "forced-displacement" else 0
    return {"date": d_day + pd.Timedelta(days=day), "day": day, "week": day // 7, "area": area,
            "type": kind, "category": category, "perpetrator": perpetrator, **counts,
            "victims": n, "displaced": displaced}


def victims_long(df: Any) -> Any:
    """Victims in long form: one row per (incident, sex, age group) with a count above 0."""
    long = df.melt(id_vars=["incident_id", "day", "week", "area", "type", "category"],
                   value_vars=list(VICTIM_COLUMNS), var_name="group", value_name="count")
    long = long[long["count"] > 0].copy()
    parts = long["group"].str.split("_", expand=True)
    long["sex"], long["age"] = parts[1], parts[2]
    return long.drop(columns="group").reset_index(drop=True)


def select(df: Any, *, days: tuple[int, int] | None = None,
           areas: list[str] | None = None) -> Any:
    """Rows of ``df`` between two days (inclusive) and in the given areas (all if empty)."""
    out = df
    if days is not None:
        out = out[(out["day"] >= days[0]) & (out["day"] <= days[1])]
    if areas:
        out = out[out["area"].isin(areas)]
    return out
