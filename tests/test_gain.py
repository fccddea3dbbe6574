"""Learning gain between a pre-test and a final test, hand-computed."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from pocedu.assess.results.gain import learning_gain, normalised_gain


def _rows(test: str, student: str, marks: dict[tuple[str, int], tuple[float, float]],
          status: str = "graded") -> list[dict]:
    return [{"student_id": student, "assignment": test, "item_id": f"{test}-{m}-{o}",
             "label": "Q", "module": m, "objective": o, "points": p, "max_points": mx,
             "response": None, "status": status}
            for (m, o), (p, mx) in marks.items()]


def test_gain_per_objective_and_per_student() -> None:
    pre = pd.DataFrame(
        _rows("pretest", "s1", {("01", 1): (1, 4), ("02", 1): (2, 4)})
        + _rows("pretest", "s2", {("01", 1): (2, 4), ("02", 1): (4, 4)})
        + _rows("pretest", "s3", {("01", 1): (0, 4), ("02", 1): (0, 4)}))
    post = pd.DataFrame(
        _rows("final", "s1", {("01", 1): (4, 4), ("02", 1): (3, 4)})
        + _rows("final", "s2", {("01", 1): (3, 4), ("02", 1): (4, 4)})
        + _rows("final", "s3", {("01", 1): (4, 4), ("02", 1): (4, 4)}, status="missing"))
    g = learning_gain(pre, post)
    obj = g.objectives.set_index(["module", "objective"])
    # objective 01/1: pre mean (25 + 50) / 2 = 37.5, post (100 + 75) / 2 = 87.5
    assert obj.loc[("01", 1), "n_students"] == 2
    assert obj.loc[("01", 1), "pre"] == pytest.approx(37.5)
    assert obj.loc[("01", 1), "post"] == pytest.approx(87.5)
    assert obj.loc[("01", 1), "gain"] == pytest.approx(50 / 62.5)
    st = g.students.set_index("student_id")
    assert set(st.index) == {"s1", "s2"}  # s3 has no scored final test
    assert st.loc["s1", "pre"] == pytest.approx(37.5) and st.loc["s1", "post"] == 87.5
    assert st.loc["s1", "gain"] == pytest.approx(0.8)
    assert st.loc["s2", "gain"] == pytest.approx((87.5 - 75) / 25)


def test_no_gain_is_defined_from_a_full_pre_test_score() -> None:
    assert math.isnan(normalised_gain(100, 100))
    assert normalised_gain(50, 25) == pytest.approx(-0.5)
