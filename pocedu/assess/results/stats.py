"""Item statistics on a results frame: facility, discrimination, distractors, KR-20, mastery.

Pure functions on the long results frame of ``pocedu.assess.results.load_results`` (one row per
roster student and item). Only students whose status is in ``SCORED`` enter the statistics;
``missing`` and ``ungradable`` students have no answers to analyse and would only drag every
item down. Everything is vectorised with numpy/pandas (10,000 students x 20 items in well
under a second).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import ResultsError
from ..grade.events import STATUSES

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

RESULT_COLUMNS = (
    "student_id", "assignment", "item_id", "label", "module", "objective",
    "points", "max_points", "response", "status",
)
SCORED = ("graded", "graded-with-flags", "needs-review")
GROUP_SHARE = 0.27
EASY, HARD = 0.95, 0.2
NO_ANSWER = "(no answer)"
FLAG_ADVICE = {
    "negative-discrimination": "Stronger students do worse on this item than weaker ones: check "
    "the key, look for an ambiguous wording or a distractor that is also defensible.",
    "too-easy": "Almost everyone gets it right: it tells you little about who has learnt the "
    "point. Keep it only as a warm-up, or make the distractors more plausible.",
    "too-hard": "Few students get it right: check the key and the wording, and whether the "
    "lesson covers the point.",
}


def check_results(results: pd.DataFrame) -> None:
    """Raise ResultsError if ``results`` lacks a column or holds an unknown status."""
    missing = [c for c in RESULT_COLUMNS if c not in results.columns]
    if missing:
        raise ResultsError(f"results frame lacks column(s): {', '.join(missing)}")
    unknown = sorted(set(results["status"].dropna()) - set(STATUSES))
    if unknown:
        raise ResultsError(f"unknown status value(s): {', '.join(map(str, unknown))} "
                           f"(expected one of {', '.join(STATUSES)})")


@dataclass(frozen=True)
class ScoreMatrix:
    """Points of scored students (rows, sorted by id) on items (columns, in first-seen order)."""

    students: np.ndarray
    """Student ids, one per row."""
    items: np.ndarray
    """Item ids, one per column."""
    points: np.ndarray
    """Points earned; a missing (student, item) row counts as 0."""
    max_points: np.ndarray
    """Maximum points of each item."""

    @property
    def totals(self) -> np.ndarray:
        """Total points per student."""
        return self.points.sum(axis=1)

    @property
    def fraction(self) -> np.ndarray:
        """Points as a fraction of each item's maximum."""
        import numpy as np

        with np.errstate(invalid="ignore", divide="ignore"):
            return self.points / self.max_points


def scored(results: pd.DataFrame) -> pd.DataFrame:
    """The rows of students whose status is in ``SCORED``."""
    check_results(results)
    return results[results["status"].isin(SCORED)]


def score_matrix(results: pd.DataFrame) -> ScoreMatrix:
    """The students x items matrix of points of the scored students."""
    import numpy as np
    import pandas as pd

    rows = scored(results)
    students = np.array(sorted(rows["student_id"].unique()), dtype=object)
    items = pd.unique(results["item_id"])
    s_idx = pd.Index(students).get_indexer(rows["student_id"])
    i_idx = pd.Index(items).get_indexer(rows["item_id"])
    points = np.zeros((len(students), len(items)))
    points[s_idx, i_idx] = pd.to_numeric(rows["points"], errors="coerce").fillna(0).to_numpy()
    maxima = results.groupby("item_id", sort=False)["max_points"].max().reindex(items)
    return ScoreMatrix(students, np.asarray(items, dtype=object), points,
                       maxima.to_numpy(dtype=float))


def groups(totals: np.ndarray, *, share: float = GROUP_SHARE) -> tuple[np.ndarray, np.ndarray]:
    """Row indices of the upper and lower ``share`` of students by total score.

    The group size is ``round(share * n)`` (at least 1). Ties are broken by row order (students
    sorted by id), so the split is deterministic.
    """
    import numpy as np

    n = len(totals)
    size = max(1, int(round(share * n))) if n else 0
    order = np.argsort(-totals, kind="stable")
    return order[:size], order[n - size:]


def kr20(m: ScoreMatrix) -> float:
    """Kuder-Richardson 20 reliability of the scored students.

    Partial credit is dichotomised at full marks (an item counts 1 only if it earned all its
    points). ``KR-20 = k/(k-1) * (1 - sum(p*q) / var(total))`` with population variances
    (divide by n). NaN when there are fewer than 2 items or the total does not vary.
    """
    import numpy as np

    k = m.points.shape[1]
    if k < 2 or m.points.shape[0] < 2:
        return float("nan")
    right = (m.points >= m.max_points).astype(float)
    p = right.mean(axis=0)
    var = right.sum(axis=1).var()
    if var == 0:
        return float("nan")
    return float(k / (k - 1) * (1 - np.sum(p * (1 - p)) / var))


def item_stats(m: ScoreMatrix) -> pd.DataFrame:
    """Per item: n, facility, point-biserial and upper/lower 27% discrimination.

    - ``facility``: mean points / max points.
    - ``point_biserial``: Pearson correlation of the item score with the total score
      *excluding that item* (the corrected item-rest correlation; for a 0/1 item this is the
      point-biserial). NaN when the item or the rest score does not vary.
    - ``upper_lower``: mean fraction of marks in the upper 27% minus the lower 27% by total
      score (see ``groups``).
    """
    import numpy as np
    import pandas as pd

    pts, n = m.points, m.points.shape[0]
    frac = m.fraction
    facility = frac.mean(axis=0) if n else np.full(len(m.items), np.nan)
    rest = m.totals[:, None] - pts
    xc, yc = pts - pts.mean(axis=0), rest - rest.mean(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        pbis = (xc * yc).sum(axis=0) / np.sqrt((xc**2).sum(axis=0) * (yc**2).sum(axis=0))
    pbis = np.where(np.isfinite(pbis), pbis, np.nan)
    upper, lower = groups(m.totals)
    if n:
        ul = frac[upper].mean(axis=0) - frac[lower].mean(axis=0)
    else:
        ul = np.full(len(m.items), np.nan)
    return pd.DataFrame({"item_id": m.items, "n": n, "max_points": m.max_points,
                         "facility": facility, "point_biserial": pbis, "upper_lower": ul})


def item_flags(items: pd.DataFrame, *, easy: float = EASY, hard: float = HARD) -> pd.DataFrame:
    """One row per (item, flag): negative point-biserial, facility above ``easy``/below ``hard``."""
    import pandas as pd

    parts = [
        ("negative-discrimination", items["point_biserial"] < 0, "point_biserial"),
        ("too-easy", items["facility"] > easy, "facility"),
        ("too-hard", items["facility"] < hard, "facility"),
    ]
    frames = [pd.DataFrame({"item_id": items.loc[mask, "item_id"], "flag": name,
                            "measure": col, "value": items.loc[mask, col],
                            "advice": FLAG_ADVICE[name]})
              for name, mask, col in parts]
    out = pd.concat(frames, ignore_index=True)
    return out.sort_values(["item_id", "flag"], kind="stable").reset_index(drop=True)


def choices_of(response: Any) -> list[str] | None:
    """Option ids a parsed response chose (single, multiple, true_false); None otherwise.

    A true/false answer counts as ``true``/``false`` plus its justification id.
    """
    if response is None:
        return [NO_ANSWER]
    if isinstance(response, str):
        return [response]
    if isinstance(response, list) and all(isinstance(r, str) for r in response):
        return list(dict.fromkeys(response)) or [NO_ANSWER]
    if isinstance(response, dict) and isinstance(response.get("value"), bool):
        out = ["true" if response["value"] else "false"]
        just = response.get("justification")
        return out + [just] if isinstance(just, str) else out
    return None


def _parse(text: Any) -> Any:
    if text is None or (isinstance(text, float) and text != text):
        return None
    try:
        return json.loads(text)
    except (TypeError, ValueError):
        return ("unparsable",)


def distractors(results: pd.DataFrame, *, options: Mapping[str, Iterable[str]] | None = None,
                keys: Mapping[str, Iterable[str]] | None = None) -> pd.DataFrame:
    """Share of each option chosen in the upper, lower and whole group, per choice item.

    Only items whose responses are single/multiple/true_false shaped are analysed. ``options``
    (item id -> option ids) adds options nobody chose (share 0: a distractor that does not work);
    ``keys`` (item id -> right option ids) fills ``is_key``. A share is the fraction of the
    group's students who chose the option, so shares of a multiple-choice item can add up to
    more than 1. Students with no answer count under ``(no answer)``.
    """
    import numpy as np
    import pandas as pd

    m = score_matrix(results)
    rows = scored(results)[["student_id", "item_id", "response"]]
    codes, uniques = pd.factorize(rows["response"], use_na_sentinel=True)
    parsed = [choices_of(_parse(u)) for u in uniques]
    none_choice = choices_of(None)
    chosen = [none_choice if c < 0 else parsed[c] for c in codes]
    long = rows.assign(option=chosen)
    is_choice = long["option"].map(lambda c: c is not None)
    # an item is a choice item if all its answered responses are choice-shaped and at least one
    # chose something (a written item stores no choice: it is not analysed here); with ``keys``,
    # only the keyed choice items count
    answered = long["option"].map(lambda c: c is not None and c != none_choice)
    choice_items = is_choice.groupby(long["item_id"]).all() & \
        answered.groupby(long["item_id"]).any()
    if keys is not None:
        choice_items &= choice_items.index.to_series().isin(set(keys))
    long = long[long["item_id"].map(choice_items) & is_choice].explode("option")
    columns = ["item_id", "option", "is_key", "share_upper", "share_lower", "share_all",
               "n_all"]
    if long.empty:
        return pd.DataFrame(columns=columns)
    upper, lower = groups(m.totals)
    band = pd.Series("middle", index=m.students)
    band.iloc[lower] = "lower"
    band.iloc[upper] = "upper"
    long = long.assign(band=long["student_id"].map(band).to_numpy())
    counts = long.groupby(["item_id", "option"], sort=False).agg(
        n_all=("student_id", "size"),
        n_upper=("band", lambda b: int((b == "upper").sum())),
        n_lower=("band", lambda b: int((b == "lower").sum())),
    )
    if options:
        extra = [(i, o) for i in choice_items[choice_items].index for o in options.get(i, ())
                 if (i, o) not in counts.index]
        if extra:
            counts = pd.concat([counts, pd.DataFrame(
                0, index=pd.MultiIndex.from_tuples(extra, names=["item_id", "option"]),
                columns=counts.columns)])
    out = counts.reset_index()
    n = len(m.students)
    out["share_all"] = out["n_all"] / n if n else np.nan
    out["share_upper"] = out["n_upper"] / len(upper) if len(upper) else np.nan
    out["share_lower"] = out["n_lower"] / len(lower) if len(lower) else np.nan
    keyset = {(i, k) for i, ks in (keys or {}).items() for k in ks}
    out["is_key"] = [(i, o) in keyset for i, o in zip(out["item_id"], out["option"],
                                                           strict=True)]
    order = {i: n for n, i in enumerate(m.items)}
    out = out.assign(_o=out["item_id"].map(order)).sort_values(
        ["_o", "option"], kind="stable")
    return out[columns].reset_index(drop=True)


def student_scores(results: pd.DataFrame) -> pd.DataFrame:
    """One row per roster student: status, points, max points and percent (NaN if not scored)."""
    import numpy as np

    check_results(results)
    pts = results.assign(points=results["points"].astype(float))
    out = pts.groupby("student_id", sort=True).agg(
        status=("status", "first"), points=("points", "sum"), max_points=("max_points", "sum"),
    ).reset_index()
    out.loc[~out["status"].isin(SCORED), "points"] = np.nan
    out["percent"] = 100 * out["points"] / out["max_points"]
    return out


def mastery(results: pd.DataFrame, *, bands: int = 4) -> pd.DataFrame:
    """Mean fraction of max per (module, objective): all scored students and by score band.

    A student's mastery of an objective is their points on its items over the items' maximum;
    the table gives the mean over students, for everyone (``all``) and for ``bands`` groups by
    total score (``band 1`` lowest). Module rows (``objective`` = NaN) aggregate the module.
    """
    import numpy as np
    import pandas as pd

    rows = scored(results).assign(points=lambda d: d["points"].astype(float).fillna(0))
    columns = ["module", "objective", "n_items", "all"]
    if rows.empty:
        return pd.DataFrame(columns=columns)
    totals = rows.groupby("student_id")["points"].sum()
    k = min(bands, totals.size)
    ranks = totals.rank(method="first")
    band = pd.Series(np.ceil(ranks * k / totals.size).astype(int), index=totals.index)
    rows = rows.assign(band=rows["student_id"].map(band).to_numpy())

    def table(keys: list[str]) -> pd.DataFrame:
        per = rows.groupby(["student_id", "band", *keys], sort=False)[["points", "max_points"]] \
            .sum()
        per["frac"] = per["points"] / per["max_points"]
        per = per.reset_index()
        out = per.groupby(keys)["frac"].mean().rename("all").to_frame()
        by_band = per.pivot_table(index=keys, columns="band", values="frac", aggfunc="mean")
        by_band.columns = [f"band {b}" for b in by_band.columns]
        n_items = rows.groupby(keys)["item_id"].nunique().rename("n_items")
        return out.join(n_items).join(by_band).reset_index()

    objectives = table(["module", "objective"])
    modules = table(["module"]).assign(objective=np.nan)
    out = pd.concat([objectives, modules], ignore_index=True)
    out = out.sort_values(["module", "objective"], na_position="last", kind="stable")
    bands_cols = [c for c in out.columns if c.startswith("band ")]
    return out[columns + bands_cols].reset_index(drop=True)


@dataclass(frozen=True)
class Analysis:
    """Everything the report shows, as plain frames and numbers."""

    items: pd.DataFrame
    """Per item: label, module, objective, n, facility, discrimination, flags."""
    students: pd.DataFrame
    """Per roster student: status, points, max, percent."""
    distractors: pd.DataFrame
    """Per (choice item, option): shares in the upper, lower and whole group."""
    objectives: pd.DataFrame
    """Mastery per learning objective and per module."""
    flags: pd.DataFrame
    """Per (item, flag): measure, value and advice."""
    kr20: float
    """KR-20 reliability (partial credit dichotomised at full marks)."""
    n_scored: int
    """Number of students in the item statistics."""


def analyse(results: pd.DataFrame, *, options: Mapping[str, Iterable[str]] | None = None,
            keys: Mapping[str, Iterable[str]] | None = None) -> Analysis:
    """Run every statistic on ``results``; ``options``/``keys`` as in ``distractors``."""
    m = score_matrix(results)
    items = item_stats(m)
    meta = results.drop_duplicates("item_id").set_index("item_id")[
        ["label", "module", "objective"]]
    items = items.join(meta, on="item_id")
    flags = item_flags(items)
    joined = flags.groupby("item_id")["flag"].agg(", ".join)
    items["flags"] = items["item_id"].map(joined).fillna("")
    items = items[["item_id", "label", "module", "objective", "n", "max_points", "facility",
                   "point_biserial", "upper_lower", "flags"]]
    return Analysis(items=items, students=student_scores(results),
                    distractors=distractors(results, options=options, keys=keys),
                    objectives=mastery(results), flags=flags, kr20=kr20(m),
                    n_scored=len(m.students))
