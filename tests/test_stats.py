"""Item statistics on a tiny dataset worked out by hand, and on a large simulated class."""

from __future__ import annotations

import json
import math

import pandas as pd
import pytest

from pocedu.assess.demo.class_results import simulate_results
from pocedu.assess.results import stats

# 6 scored students x 4 one-point items, plus s7 with no submission (left out of the stats).
#
#        i1 i2 i3 i4 | total
#   s1    1  1  1  1 |  4
#   s2    1  1  1  0 |  3
#   s3    1  1  0  0 |  2
#   s4    1  0  1  0 |  2
#   s5    0  1  0  0 |  1
#   s6    0  0  0  1 |  1
#
# Facility: i1 4/6, i2 4/6, i3 3/6, i4 2/6.
# Upper/lower 27%: round(0.27*6) = 2 students each; upper = s1, s2; lower = s5, s6
#   (s3/s4 tie at 2 and are in neither). D = mean(upper) - mean(lower):
#   i1 1-0 = 1; i2 1-0.5 = 0.5; i3 1-0 = 1; i4 0.5-0.5 = 0.
# Point-biserial of i1 against the rest score (total minus i1) = 3,2,1,1,1,1:
#   x-mean(x) = 1/3 x4, -2/3 x2; rest-1.5 = 1.5, .5, -.5, -.5, -.5, -.5
#   sum of products = 1/3*(1.5+.5-.5-.5) + (-2/3)*(-1) = 1; Sxx = 4/3; Srr = 3.5
#   r = 1/sqrt(4/3*3.5) = sqrt(3/14) = 0.46291
# Point-biserial of i4 against rest = 3,3,2,2,1,0 (mean 11/6):
#   sum of products = -2/3; Sxx = 4/3; Srr = 27 - 121/6 = 41/6
#   r = -(2/3)/sqrt(4/3*41/6) = -2/sqrt(82) = -0.22086  -> negative-discrimination flag
# KR-20: p = 2/3, 2/3, 1/2, 1/3; sum pq = 2/9+2/9+1/4+2/9 = 11/12;
#   var(total) with divisor n: 35/6 - (13/6)^2 = 41/36
#   KR-20 = 4/3 * (1 - (11/12)/(41/36)) = 4/3 * 8/41 = 32/123 = 0.26016
# Mastery: objective 1 (i1, i2) per student 1, 1, 1, .5, .5, 0 -> 4/6;
#   objective 2 (i3, i4) 1, .5, 0, .5, 0, .5 -> 2.5/6; module 13/24.
MATRIX = {
    "s1": [1, 1, 1, 1], "s2": [1, 1, 1, 0], "s3": [1, 1, 0, 0],
    "s4": [1, 0, 1, 0], "s5": [0, 1, 0, 0], "s6": [0, 0, 0, 1],
}
# i1 is single choice (key "a"); s5 chose "b", s6 gave no answer.
I1_RESPONSES = {"s1": "a", "s2": "a", "s3": "a", "s4": "a", "s5": "b", "s6": None}


def tiny_results() -> pd.DataFrame:
    rows = []
    for student, marks in [*MATRIX.items(), ("s7", [None] * 4)]:
        for n, mark in enumerate(marks, start=1):
            item = f"i{n}"
            if item == "i1" and student in I1_RESPONSES:
                response = I1_RESPONSES[student]
                response = None if response is None else json.dumps(response)
            else:
                response = None if mark is None else json.dumps({"text": "x", "checked": []})
            rows.append({
                "student_id": student, "assignment": "quiz01", "item_id": item,
                "label": f"Q{n}", "module": "01_definitions", "objective": 1 if n <= 2 else 2,
                "points": float("nan") if mark is None else float(mark), "max_points": 1.0,
                "response": response, "status": "missing" if student == "s7" else "graded",
            })
    return pd.DataFrame(rows)


def test_facility_discrimination_and_kr20_match_hand_computation() -> None:
    a = stats.analyse(tiny_results())
    items = a.items.set_index("item_id")
    assert a.n_scored == 6
    assert items["facility"].tolist() == pytest.approx([4 / 6, 4 / 6, 3 / 6, 2 / 6])
    assert items["upper_lower"].tolist() == pytest.approx([1.0, 0.5, 1.0, 0.0])
    assert items.at["i1", "point_biserial"] == pytest.approx(math.sqrt(3 / 14))
    assert items.at["i4", "point_biserial"] == pytest.approx(-2 / math.sqrt(82))
    assert a.kr20 == pytest.approx(32 / 123)


def test_flags_name_the_negative_item_only() -> None:
    a = stats.analyse(tiny_results())
    assert a.flags[["item_id", "flag"]].values.tolist() == [["i4", "negative-discrimination"]]
    assert a.items.set_index("item_id").at["i4", "flags"] == "negative-discrimination"


def test_facility_flags_use_the_thresholds() -> None:
    items = pd.DataFrame({"item_id": ["e", "h", "ok"], "facility": [0.96, 0.1, 0.5],
                          "point_biserial": [0.1, 0.3, 0.4]})
    flags = stats.item_flags(items)
    assert flags[["item_id", "flag"]].values.tolist() == [["e", "too-easy"], ["h", "too-hard"]]


def test_kr20_dichotomises_partial_credit_at_full_marks() -> None:
    base = tiny_results()
    partial = base.copy()
    # s1 earns half marks on i1: for KR-20 that is the same as 0
    at = (partial["student_id"] == "s1") & (partial["item_id"] == "i1")
    partial.loc[at, "points"] = 0.5
    zero = base.copy()
    zero.loc[at, "points"] = 0.0
    assert stats.kr20(stats.score_matrix(partial)) == pytest.approx(
        stats.kr20(stats.score_matrix(zero)))
    # but facility keeps the half mark
    fac = stats.item_stats(stats.score_matrix(partial)).set_index("item_id")["facility"]
    assert fac["i1"] == pytest.approx(3.5 / 6)


def test_distractor_shares_by_group() -> None:
    d = stats.distractors(tiny_results(), options={"i1": ["a", "b", "c"]}, keys={"i1": ["a"]})
    d = d[d["item_id"] == "i1"].set_index("option")
    assert d.at["a", "share_upper"] == 1.0 and d.at["a", "share_lower"] == 0.0
    assert d.at["a", "share_all"] == pytest.approx(4 / 6)
    assert d.at["b", "share_lower"] == 0.5 and d.at[stats.NO_ANSWER, "share_lower"] == 0.5
    assert d.at["c", "n_all"] == 0  # a distractor nobody chose is still listed
    assert d["is_key"].to_dict() == {"a": True, "b": False, "c": False, stats.NO_ANSWER: False}
    # short-text shaped items are not choice items
    assert set(stats.distractors(tiny_results())["item_id"]) == {"i1"}


def test_true_false_and_multiple_choices() -> None:
    assert stats.choices_of({"value": True, "justification": "j2"}) == ["true", "j2"]
    assert stats.choices_of(["a", "c"]) == ["a", "c"]
    assert stats.choices_of({"text": "x"}) is None


def test_mastery_per_objective_and_module() -> None:
    m = stats.mastery(tiny_results())
    obj = m.dropna(subset=["objective"]).set_index("objective")["all"]
    assert obj[1] == pytest.approx(4 / 6) and obj[2] == pytest.approx(2.5 / 6)
    module = m[m["objective"].isna()].iloc[0]
    assert module["all"] == pytest.approx(13 / 24) and module["n_items"] == 4


def test_students_without_submission_are_listed_but_not_scored() -> None:
    st = stats.student_scores(tiny_results()).set_index("student_id")
    assert st.at["s1", "percent"] == 100.0
    assert st.at["s7", "status"] == "missing" and math.isnan(st.at["s7", "percent"])


def test_bad_frames_are_rejected_clearly() -> None:
    with pytest.raises(stats.ResultsError, match="lacks column"):
        stats.analyse(tiny_results().drop(columns="response"))
    bad = tiny_results().assign(status="done")
    with pytest.raises(stats.ResultsError, match="unknown status"):
        stats.analyse(bad)


def test_simulation_is_seeded_and_shows_the_planted_problems() -> None:
    one = simulate_results(n_students=300, items=10, seed=7)
    assert one.equals(simulate_results(n_students=300, items=10, seed=7))
    assert list(one.columns) == list(stats.RESULT_COLUMNS)
    a = stats.analyse(one)
    flags = set(zip(a.flags["item_id"], a.flags["flag"], strict=True))
    assert ("s02", "too-easy") in flags
    assert ("s10", "negative-discrimination") in flags
    assert 0.3 < a.kr20 < 0.95


@pytest.mark.slow
def test_large_class_is_analysed() -> None:
    # 10,000 x 20 takes about a second; timing itself is measured in benchmarks/
    a = stats.analyse(simulate_results(n_students=10_000, items=20, seed=1))
    assert a.n_scored > 9_000 and len(a.items) == 20
