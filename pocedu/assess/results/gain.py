"""Learning gain between a pre-test and a final test drawn as parallel forms.

Both tests cover the same learning objectives (``module``, ``objective``). For each objective
and each student with a scored result in both, the normalised gain is
``g = (post - pre) / (100 - pre)`` (percentages): the share of what could be gained that was
gained (Hake 1998). It is undefined (NaN) where the pre-test score is already 100%.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .stats import scored

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class Gain:
    """Gain tables of one class."""

    objectives: pd.DataFrame
    """``module, objective, n_students, pre, post, gain`` (class means, percent; gain 0-1)."""
    students: pd.DataFrame
    """``student_id, pre, post, gain``: each student present and scored in both tests."""


def _percent(results: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    rows = scored(results).assign(points=lambda d: d["points"].astype(float).fillna(0),
                                  max_points=lambda d: d["max_points"].astype(float))
    out = rows.groupby(keys, sort=True)[["points", "max_points"]].sum()
    return 100 * out["points"] / out["max_points"]


def normalised_gain(pre: float, post: float) -> float:
    """``(post - pre) / (100 - pre)``; NaN when ``pre`` is 100 (nothing left to gain)."""
    return float("nan") if pre >= 100 else (post - pre) / (100 - pre)


def learning_gain(pre: pd.DataFrame, post: pd.DataFrame) -> Gain:
    """Per-objective and per-student normalised gain from two results tables.

    ``pre`` and ``post`` are ``load_results`` tables (or the same columns) of the pre-test and
    the final test; only students scored in both count.
    """
    import pandas as pd

    both = sorted(set(scored(pre)["student_id"]) & set(scored(post)["student_id"]))
    pre, post = (t[t["student_id"].isin(both)] for t in (pre, post))
    keys = ["student_id", "module", "objective"]
    per = pd.DataFrame({"pre": _percent(pre, keys), "post": _percent(post, keys)}).dropna()
    objectives = per.groupby(["module", "objective"]).agg(
        n_students=("pre", "size"), pre=("pre", "mean"), post=("post", "mean")).reset_index()
    objectives["gain"] = [normalised_gain(a, b)
                          for a, b in zip(objectives["pre"], objectives["post"], strict=True)]
    students = pd.DataFrame({"pre": _percent(pre, ["student_id"]),
                             "post": _percent(post, ["student_id"])}).dropna().reset_index()
    students["gain"] = [normalised_gain(a, b)
                        for a, b in zip(students["pre"], students["post"], strict=True)]
    return Gain(objectives, students)
