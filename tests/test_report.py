"""The instructor report: self-contained HTML with every section, and CSVs matching the stats."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from pocedu.assess.demo.class_results import simulate_results
from pocedu.assess.results.report import build_report, events_table, kr20_reading
from pocedu.assess.results.stats import analyse
from pocedu.content.models import Question

SINGLE = {
    "module": "02_tiers_phases", "objective": 1, "type": "single", "section": "the-three-tiers",
    "prompt": {"en": "Which tier covers physical protection?"},
    "options": [{"id": "a", "text": {"en": "Tier II"}}, {"id": "b", "text": {"en": "Tier I"}},
                {"id": "c", "text": {"en": "Tier III"}}],
    "key": "a", "explanation": {"en": "Physical protection is Tier II."},
    "source": ["POC Policy 2015 para 30"],
    "samples": [{"kind": "correct", "response": "a", "score": 1},
                {"kind": "wrong", "response": "b", "score": 0},
                {"kind": "invalid", "response": "z", "score": 0}],
}


def _bank(n: int) -> list[Question]:
    return [Question.model_validate({**SINGLE, "id": f"g02-tier-single-{i:02d}"})
            for i in range(1, n + 1)]


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, pd.DataFrame]:
    bank = _bank(8)
    results = simulate_results(n_students=120, items=bank, seed=5, missing_rate=0.05)
    first = results["student_id"].iloc[0]
    results.loc[results["student_id"] == first, "status"] = "needs-review"
    events = pd.DataFrame([{"student_id": "student0002", "event": "grade cell deleted",
                            "grade": "5 / 8", "check": "compare with the archived file"}])
    out = tmp_path_factory.mktemp("report")
    path = build_report(results=results, bank={q.id: q for q in bank}, out_dir=out,
                        title="Quiz 02 <test>", events=events)
    return path, results


def test_html_is_self_contained_with_plotly_once(report: tuple[Path, pd.DataFrame]) -> None:
    page = report[0].read_text(encoding="utf-8")
    assert page.count("plotly.js v") == 1          # the library, embedded once
    assert page.count("Plotly.newPlot") == 4       # histogram, scatter, distractors, heatmap
    assert not re.search(r"<script[^>]+src=[\"']https?:", page)
    assert not re.search(r"<link[^>]+href=[\"']https?:", page)
    assert "Quiz 02 &lt;test&gt;" in page


def test_sections_an_instructor_needs(report: tuple[Path, pd.DataFrame]) -> None:
    page = report[0].read_text(encoding="utf-8")
    for heading in ("What to look at first", "Score distribution", "Items",
                    "Distractors of flagged items", "Mastery of learning objectives",
                    "Grading events", "KR-20 reliability"):
        assert heading in page
    assert "Which tier covers physical protection?" in page      # prompts from the bank
    assert "grade cell deleted" in page and "No submission" in page
    assert "Needs review" in page


def test_csvs_match_the_analysis(report: tuple[Path, pd.DataFrame]) -> None:
    path, results = report
    out = path.parent
    for name in ("items", "students", "distractors", "objectives", "flags", "events"):
        assert (out / f"{name}.csv").is_file()
    a = analyse(results)
    items = pd.read_csv(out / "items.csv")
    # the CSVs are rounded to 4 decimals (as LMSs and spreadsheets expect)
    assert items["facility"].tolist() == pytest.approx(a.items["facility"].tolist(), abs=1e-4)
    assert items["point_biserial"].tolist() == pytest.approx(
        a.items["point_biserial"].tolist(), nan_ok=True, abs=1e-4)
    dist = pd.read_csv(out / "distractors.csv")
    key_rows = dist[dist["is_key"]]
    assert set(key_rows["option"]) == {"a"} and set(key_rows["option_text"]) == {"Tier II"}
    assert len(pd.read_csv(out / "students.csv")) == results["student_id"].nunique()
    flags = pd.read_csv(out / "flags.csv")
    assert set(flags["flag"]) <= {"negative-discrimination", "too-easy", "too-hard"}
    assert "g02-tier-single-08" in set(flags["item_id"])   # the planted bad item


def test_report_without_bank(tmp_path: Path) -> None:
    results = simulate_results(n_students=30, items=5, seed=2, missing_rate=0)
    page = build_report(results=results, out_dir=tmp_path).read_text(encoding="utf-8")
    assert "Every student on the roster was graded with no events." in page
    assert "Question</th>" not in page


def test_events_table_rejects_bad_frames() -> None:
    students = pd.DataFrame({"student_id": ["a"], "status": ["graded"], "points": [1.0],
                             "max_points": [1.0], "percent": [100.0]})
    with pytest.raises(ValueError, match="events frame lacks"):
        events_table(students, pd.DataFrame({"student_id": ["a"]}))


def test_kr20_reading_is_plain_language() -> None:
    assert kr20_reading(0.85).startswith("High")
    assert kr20_reading(0.4).startswith("Low")
    assert kr20_reading(float("nan")).startswith("Cannot")


WRITTEN = {
    "id": "g02-tools-short-09", "module": "02_tiers_phases", "objective": 4, "type": "short_text",
    "level": "evaluate", "prompt": {"en": "Which threat do you address first, and why?"},
    "rubric": [{"id": "r1", "text": {"en": "Names the four criteria."}},
               {"id": "r2", "text": {"en": "Weighs likelihood and impact."}}],
    "model_answer": {"en": "The election-day threat, after weighing the four criteria."},
    "explanation": {"en": "A judgement call."}, "source": ["POC Policy 2015 para 48"],
    "samples": [{"kind": "correct", "response": {"text": "x", "checked": ["r1", "r2"]},
                 "score": 1},
                {"kind": "wrong", "response": {"text": "x", "checked": []}, "score": 0},
                {"kind": "invalid", "response": 3, "score": 0}],
}


def _with_written(results: pd.DataFrame) -> pd.DataFrame:
    """Add a hand-graded written item: no stored choice, points from the grader."""
    students = results.drop_duplicates("student_id")[["student_id", "status"]]
    rows = students.assign(assignment="quiz02", item_id=WRITTEN["id"], label="Q9",
                           module="02_tiers_phases", objective=4, max_points=4.0,
                           response=None)
    rows["points"] = [float(i % 5) for i in range(len(rows))]
    rows.loc[rows.index[:3], "points"] = None          # three not graded yet
    return pd.concat([results, rows[results.columns]], ignore_index=True)


def test_written_items_get_a_score_band_chart_not_distractor_advice(tmp_path: Path) -> None:
    bank = _bank(6) + [Question.model_validate(WRITTEN)]
    results = _with_written(simulate_results(n_students=40, items=bank[:6], seed=3))
    path = build_report(results=results, bank={q.id: q for q in bank}, out_dir=tmp_path)
    page = path.read_text(encoding="utf-8")
    assert "Written answers: students per score band" in page
    dist = pd.read_csv(tmp_path / "distractors.csv")
    assert WRITTEN["id"] not in set(dist["item_id"])     # no '(no answer)' bar for it
    assert set(dist["item_id"]) == {q.id for q in bank[:6]}


def test_report_shows_naive_strategies_and_flags_a_gameable_quiz(
        report: tuple[Path, pd.DataFrame]) -> None:
    page = report[0].read_text(encoding="utf-8")
    assert "Can a test-wise student pass?" in page
    # every item of the fixture bank keys its first option: 'always the first option' wins
    assert "always the first option" in page and "✗ above 10 points" in page
    assert page.index("Reading the KR-20") < page.index("Can a test-wise student pass?")


def test_learning_gain_from_a_pre_test(tmp_path: Path) -> None:
    bank = _bank(6)
    post = simulate_results(n_students=30, items=bank, seed=8)
    pre = post.copy()
    pre["assignment"] = "pretest"
    pre["points"] = pre["points"].astype(float) * 0.5
    path = build_report(results=post, bank={q.id: q for q in bank}, out_dir=tmp_path,
                        pretest=pre)
    page = path.read_text(encoding="utf-8")
    assert "Learning gain since the pre-test" in page and "Per learning objective" in page
    students = pd.read_csv(tmp_path / "gain_students.csv")
    scored = students.dropna(subset=["gain"])
    assert len(scored) > 0
    expected = (scored["post"] - scored["pre"]) / (100 - scored["pre"])
    assert scored["gain"].tolist() == pytest.approx(expected.tolist(), abs=0.01)
    assert (scored["post"] >= scored["pre"]).all()


def test_mixed_class_gets_per_language_statistics_and_a_translation_flag(
        tmp_path: Path) -> None:
    bank = _bank(6)
    results = simulate_results(n_students=60, items=bank, seed=11)
    students = sorted(results["student_id"].unique())
    french = set(students[::2])
    results["lang"] = results["student_id"].map(lambda s: "fr" if s in french else "en")
    hard = bank[2].id      # the French wording of this item is (simulated) misleading
    mask = (results["item_id"] == hard) & (results["lang"] == "fr")
    results.loc[mask, "points"] = 0.0
    path = build_report(results=results, bank={q.id: q for q in bank}, out_dir=tmp_path)
    page = path.read_text(encoding="utf-8")
    assert "By language" in page and "Facility (fr)" in page
    table = pd.read_csv(tmp_path / "languages.csv").set_index("item_id")
    assert bool(table.at[hard, "flag"]) and table.at[hard, "facility_fr"] == 0
    assert table.at[hard, "gap"] > 0.2
    assert table["flag"].sum() <= 2          # the others stay within the seeded noise


def test_single_language_class_has_no_language_section(report: tuple[Path, pd.DataFrame]) -> None:
    assert "By language" not in report[0].read_text(encoding="utf-8")
    assert not (report[0].parent / "languages.csv").exists()
