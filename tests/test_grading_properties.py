"""Property-based tests: random damage to valid submissions never crashes grading, never
gives more than the answers earn, and always leaves exactly one result per student."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fixtures_course import KEYS, POINTS, PROFILES, QUIZ, make_course
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

LABELS = ["Q1", "Q2", "Q3", "Q4", "Q5"]
JUNK = st.one_of(st.none(), st.integers(), st.text(max_size=6),
                 st.sampled_from(["t1", "t2", "t9", "p-det", "ph-prev", "j2", "tier-1"]),
                 st.lists(st.sampled_from(["p-prev", "p-pree", "p-resp", "p-det", "zz",
                                           "ph-prev", "ph-pree", "ph-resp", "ph-cons"]),
                          max_size=5),
                 st.dictionaries(st.sampled_from(["a-dialogue", "a-force", "a-programme",
                                                  "value", "justification", "x"]),
                                 st.one_of(st.booleans(), st.sampled_from(
                                     ["tier-1", "tier-2", "tier-3", "j1", "j2", "zz"])),
                                 max_size=3))
OPS = st.lists(st.one_of(
    st.tuples(st.just("delete"), st.integers(0, 20)),
    st.tuples(st.just("duplicate"), st.integers(0, 20)),
    st.tuples(st.just("swap"), st.integers(0, 20), st.integers(0, 20)),
    st.tuples(st.just("strip"), st.integers(0, 20)),
    st.tuples(st.just("answer"), st.sampled_from(LABELS), JUNK),
    st.tuples(st.just("truncate-notebook"), st.integers(0, 20000)),
    st.tuples(st.just("truncate-store"), st.integers(0, 2000)),
    st.tuples(st.just("remove"), st.sampled_from(["notebook", "store"])),
), max_size=6)
BASE = st.dictionaries(st.sampled_from(LABELS),
                       st.sampled_from(["right", "wrong"]), max_size=5)


def _apply(sub: Path, ops: list[tuple], ids: dict[str, str]) -> None:
    nb_path, store_path = sub / f"{QUIZ}.ipynb", sub / f"{QUIZ}.answers.json"
    for op in ops:
        kind = op[0]
        if kind == "answer" and store_path.exists():
            try:
                data = json.loads(store_path.read_text())
                data["answers"][ids[op[1]]] = {"response": op[2]}
                store_path.write_text(json.dumps(data))
            except (ValueError, KeyError, TypeError):
                pass
        elif kind in ("delete", "duplicate", "swap", "strip") and nb_path.exists():
            try:
                nb = json.loads(nb_path.read_text())
            except ValueError:
                continue
            cells, i = nb["cells"], op[1] % max(len(nb["cells"]), 1)
            if not cells:
                continue
            if kind == "delete":
                del cells[i]
            elif kind == "duplicate":
                cells.insert(i, cells[i])
            elif kind == "swap":
                j = op[2] % len(cells)
                cells[i], cells[j] = cells[j], cells[i]
            else:
                cells[i]["metadata"] = {}
            nb_path.write_text(json.dumps(nb))
        elif kind == "truncate-notebook" and nb_path.exists():
            nb_path.write_bytes(nb_path.read_bytes()[: op[1]])
        elif kind == "truncate-store" and store_path.exists():
            store_path.write_bytes(store_path.read_bytes()[: op[1]])
        elif kind == "remove":
            (nb_path if op[1] == "notebook" else store_path).unlink(missing_ok=True)


def earned_at_most(store_path: Path, items: list[dict[str, Any]]) -> float:
    """What the saved answers can earn at most: valid answers scored against the key."""
    from pocedu.assess.grade.answers import response_problem
    from pocedu.questions.grading import score

    try:
        answers = json.loads(store_path.read_bytes().decode("utf-8"))["answers"]
        assert isinstance(answers, dict)
    except (OSError, ValueError, KeyError, TypeError, AssertionError):
        return 0.0
    total = 0.0
    for it in items:
        entry = answers.get(it["id"])
        response = entry.get("response") if isinstance(entry, dict) else None
        if it["label"] not in KEYS or response is None or response_problem(it, response):
            continue
        spec = {"type": it["type"], "key": KEYS[it["label"]],
                "options": [o["id"] for o in it["options"]],
                "bins": [b["id"] for b in it.get("bins", [])], "rubric": []}
        total += min(max(score(spec, response).score, 0.0), 1.0) * POINTS[it["label"]]
    return total


def test_earned_at_most_matches_the_hand_computed_profiles(tmp_path: Path) -> None:
    from fixtures_course import DATA, EXPECTED

    from pocedu.assess.build import render_quiz
    from pocedu.assess.build.bank import load_bank
    from pocedu.quiz.store import AnswerStore

    bank = tmp_path / "bank"
    bank.mkdir()
    (bank / f"{QUIZ}.yaml").write_text((DATA / "bank_quiz02.yaml").read_text())
    files = render_quiz(QUIZ, load_bank(bank)[QUIZ])
    items = json.loads(files[f"{QUIZ}.items.json"])["items"]
    by_label = {i["label"]: i["id"] for i in items}
    for name, answers in PROFILES.items():
        store = AnswerStore(tmp_path / f"{name}.json", assignment=QUIZ, student=name)
        for label, response in answers.items():
            store.save(by_label[label], response)
        assert earned_at_most(store.path, items) == pytest.approx(EXPECTED[name])


@pytest.fixture(scope="module")
def shared_course(tmp_path_factory: pytest.TempPathFactory) -> Path:
    course = make_course(tmp_path_factory.mktemp("prop"), ["p", "bystander"])
    with (course / "nbgrader_config.py").open("a") as fh:
        fh.write("c.Execute.timeout = 10\n")
    return course


@pytest.mark.slow
@settings(max_examples=12, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                 HealthCheck.too_slow])
@given(base=BASE, ops=OPS)
def test_random_damage_never_crashes_or_overpays(shared_course: Path, base: dict[str, str],
                                                 ops: list[tuple]) -> None:
    from fixtures_course import PROFILES as P

    from pocedu.assess.demo.simulate import simulate_submission
    from pocedu.assess.grade import grade_assignment
    from pocedu.assess.grade.events import STATUSES
    from pocedu.assess.results import read_items
    from pocedu.assess.results.journal import latest

    course = shared_course
    items = read_items(course, QUIZ)
    ids = {i["label"]: i["id"] for i in items}
    answers = {lab: (P["all-right"] if v == "right" else P["all-wrong"])[lab]
               for lab, v in base.items()}
    sub = simulate_submission(course_dir=course, assignment=QUIZ, student="p", answers=answers,
                              timestamp="2029-01-01 10:00:00.000000 UTC")
    _apply(sub, ops, ids)
    bound = earned_at_most(sub / f"{QUIZ}.answers.json", items)
    summary = grade_assignment(course_dir=course, assignment=QUIZ, jobs=1, progress=False)
    results = latest(course, QUIZ)
    assert sorted(r.student for r in summary.results) == ["bystander", "p"]
    assert set(results) == {"bystander", "p"}
    assert results["bystander"].status == "missing"
    res = results["p"]
    assert res.status in STATUSES and res.status != "missing"
    assert res.max_score == 11
    if res.score is not None:
        assert res.score <= bound + 1e-6, (res.line(), bound)
