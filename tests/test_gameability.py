"""No graded quiz can be passed by a test-wise student who knows nothing of POC."""

from __future__ import annotations

from pathlib import Path

import pytest

from pocedu.content.gameability import MAX_MARGIN, strategy_scores
from pocedu.content.loader import banks_by_file
from pocedu.content.models.questions import Question

BANK = Path(__file__).resolve().parents[1] / "assessments" / "bank"


@pytest.mark.parametrize("bank", sorted(p.name for p in BANK.glob("*.yaml")))
def test_every_naive_strategy_stays_within_ten_points_of_chance(bank: str) -> None:
    scores = strategy_scores(banks_by_file(BANK)[f"bank/{bank}"])
    assert {s.strategy for s in scores} >= {"longest", "stem-words", "first", "last"}
    over = [f"{s.strategy}: {s.score:.1f}% vs chance {s.chance:.1f}%" for s in scores
            if s.margin > MAX_MARGIN]
    assert not over, over


def test_chance_is_computed_with_the_real_scoring_rules() -> None:
    tf = Question.model_validate({
        "id": "g01-x-tf-01", "module": "01_definitions", "objective": 1, "type": "true_false",
        "prompt": {"en": "True or false?"}, "source": "POC Policy 2015 para 13",
        "options": [{"id": f"j{i}", "text": {"en": f"Reason {i}"}} for i in range(3)],
        "key": {"value": True, "justification": "j0"}, "explanation": {"en": "."},
        "samples": [{"kind": "correct", "response": {"value": True, "justification": "j0"},
                     "score": 1},
                    {"kind": "wrong", "response": {"value": False, "justification": "j1"},
                     "score": 0},
                    {"kind": "invalid", "response": "x", "score": 0}]})
    by = {s.strategy: s for s in strategy_scores([tf])}
    # value right half the time (0.5 mark), and then the justification one time in three
    assert by["first"].chance == pytest.approx(100 * (0.5 * 0.5 + 0.5 * 0.5 / 3))
    assert by["first"].score == 100.0  # True with the first justification: the key
    assert by["always-false"].score == 0.0
