"""A simulated class's results frame, for the report's tests and benchmarks (no course needed).

Abilities are normal; each item has a difficulty and a slope (two-parameter logistic model);
every response is scored with ``pocedu.questions.grading.score``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..results.stats import RESULT_COLUMNS

if TYPE_CHECKING:
    import pandas as pd

SIM_MODULES = ("01_definitions", "02_tiers_phases", "03_police_role", "04_crsv_cp")


def _synthetic_specs(n: int) -> list[dict[str, Any]]:
    """``n`` single-choice item specs (options a-d, key a) spread over modules/objectives."""
    return [{"id": f"s{i + 1:02d}", "type": "single", "options": ["a", "b", "c", "d"],
             "key": "a", "module": SIM_MODULES[i % 4], "objective": i // 4 % 3 + 1,
             "samples": []} for i in range(n)]


def _bank_spec(q: Any) -> dict[str, Any]:
    from ...questions.grading import spec_of

    spec = spec_of(q)
    spec.update(module=q.module, objective=q.objective,
                samples=[{"kind": s.kind, "response": s.response} for s in q.samples])
    return spec


def _answers(spec: dict[str, Any]) -> list[Any]:
    """The right response first, then wrong ones (other options, or the wrong samples)."""
    if spec["type"] == "short_text":
        right: Any = {"text": "My answer.", "checked": list(spec["rubric"])}
    else:
        right = spec["key"]
    if spec["type"] == "single":
        wrongs = [o for o in spec["options"] if o != spec["key"]]
    else:
        wrongs = [s["response"] for s in spec["samples"] if s["kind"] == "wrong"]
    return [right, *(wrongs or [None])]


def simulate_results(*, n_students: int, items: int | Iterable[Any], seed: int,
                     assignment: str = "quiz01", missing_rate: float = 0.03,
                     bad_items: bool = True) -> pd.DataFrame:
    """A seeded results frame (``RESULT_COLUMNS``) for a simulated class.

    Abilities are normal; each item has a difficulty and a slope (two-parameter logistic
    model). ``items`` is a number of synthetic single-choice items or a list of bank
    ``Question``s (wrong answers then come from the items' wrong samples). With ``bad_items``
    the second item is made very easy and the last one discriminates the wrong way. About
    ``missing_rate`` of students have no submission (status ``missing``, points NaN).
    """
    import numpy as np
    import pandas as pd

    from ...questions.grading import score

    if n_students < 1:
        raise ValueError("n_students must be at least 1")
    specs = _synthetic_specs(items) if isinstance(items, int) else [_bank_spec(q) for q in items]
    if not specs:
        raise ValueError("simulate_results needs at least one item")
    rng = np.random.default_rng(seed)
    k = len(specs)
    ability = rng.normal(0.0, 1.0, n_students)
    difficulty = rng.normal(-0.6, 0.9, k)
    slope = rng.uniform(0.8, 2.0, k)
    if bad_items and k >= 4:
        difficulty[1], slope[1] = -4.5, 1.0   # nearly everyone right
        slope[k - 1] = -0.9                   # weaker students do better
    right = rng.random((n_students, k)) < 1 / (1 + np.exp(-slope * (ability[:, None]
                                                                     - difficulty)))
    pick = rng.random((n_students, k))
    missing = rng.random(n_students) < missing_rate
    ids, responses, points = [], [], []
    for j, spec in enumerate(specs):
        answers = _answers(spec)
        texts = np.array([None if a is None else json.dumps(a) for a in answers], dtype=object)
        marks = np.array([score(spec, a).score for a in answers])
        idx = np.where(right[:, j], 0, 1 + (pick[:, j] * (len(answers) - 1)).astype(int))
        ids.append(np.repeat(spec["id"], n_students))
        responses.append(np.where(missing, None, texts[idx]))
        points.append(np.where(missing, np.nan, marks[idx]))
    frame = pd.DataFrame({
        "student_id": np.tile([f"student{i + 1:04d}" for i in range(n_students)], k),
        "assignment": assignment, "item_id": np.concatenate(ids),
        "response": np.concatenate(responses), "points": np.concatenate(points),
        "status": np.tile(np.where(missing, "missing", "graded"), k),
    })
    frame["label"] = frame["item_id"].map({s["id"]: f"Q{n + 1}" for n, s in enumerate(specs)})
    frame["module"] = frame["item_id"].map({s["id"]: s["module"] for s in specs})
    frame["objective"] = frame["item_id"].map({s["id"]: s["objective"] for s in specs})
    frame["max_points"] = 1.0
    frame = frame.sort_values("student_id", kind="stable").reset_index(drop=True)
    return frame[list(RESULT_COLUMNS)]
