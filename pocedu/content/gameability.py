"""How far a test-wise student gets on a bank knowing nothing of POC: naive strategies vs chance.

Each strategy answers the single-choice, true/false and multiple-answer items of a bank from
the options' form alone (length, words shared with the question, position), is scored with the
real scoring function, and is compared with the expected score of a random answer of the same
form (same number of options picked; a true/false value at random). Scores are percentages of
the items' marks (each item weighs the same). A bank is not gameable when every strategy scores
at most ``MAX_MARGIN`` points above its chance score.

Positions are those of the bank file; released quizzes shuffle options per student, so
position strategies there do no better than chance, but printed cards and practice do not.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import combinations
from statistics import mean

from ..questions.grading import score, spec_of
from .models.questions import Option, Question

MAX_MARGIN = 10.0
"""Most a strategy may score above chance, in percentage points."""

CHOICE_TYPES = ("single", "true_false", "multiple")
_WORD = re.compile(r"[^\W\d_]{4,}", re.UNICODE)

Picker = Callable[[Question, Sequence[Option]], list[Option]]


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def _by_length(q: Question, opts: Sequence[Option]) -> list[Option]:
    return sorted(opts, key=lambda o: -len(o.text.en))


def _by_overlap(q: Question, opts: Sequence[Option]) -> list[Option]:
    stem = _words(q.prompt.en)
    return sorted(opts, key=lambda o: -len(stem & _words(o.text.en)))


def _first(q: Question, opts: Sequence[Option]) -> list[Option]:
    return list(opts)


def _last(q: Question, opts: Sequence[Option]) -> list[Option]:
    return list(reversed(opts))


@dataclass(frozen=True)
class Strategy:
    """A way of answering without knowing anything."""

    id: str
    """Short name, e.g. 'longest'."""
    label: str
    """What the student does, in words."""
    rank: Picker
    """Orders the options, most preferred first."""
    types: tuple[str, ...] = CHOICE_TYPES
    """Item types the strategy answers."""
    value: bool = True
    """The value it gives to true/false statements."""
    picks: int = 1
    """How many options it ticks on a multiple-answer item (at least one)."""


STRATEGIES: tuple[Strategy, ...] = (
    Strategy("longest", "always the longest option (two longest for multiple answers)",
             _by_length, picks=2),
    Strategy("stem-words", "always the option with most words in common with the question",
             _by_overlap, picks=2),
    Strategy("first", "always the first option", _first, picks=1),
    Strategy("last", "always the last option", _last, picks=1),
    Strategy("always-false", "always 'False' (first justification)", _first,
             types=("true_false",), value=False),
    Strategy("longest-two", "multiple answers: always the two longest options", _by_length,
             types=("multiple",), picks=2),
)


@dataclass(frozen=True)
class StrategyScore:
    """One strategy on one bank."""

    strategy: str
    label: str
    items: int
    """Items the strategy answered."""
    score: float
    """Its mean score, in percent of the marks of those items."""
    chance: float
    """Expected score of a random answer of the same form, in percent."""

    @property
    def margin(self) -> float:
        """Points above chance."""
        return self.score - self.chance

    @property
    def ok(self) -> bool:
        """Whether the strategy stays within ``MAX_MARGIN`` of chance."""
        return self.margin <= MAX_MARGIN


def _response(s: Strategy, q: Question, chosen: list[Option], value: bool) -> object:
    if q.type == "single":
        return chosen[0].id
    if q.type == "multiple":
        return [o.id for o in chosen]
    return {"value": value, "justification": chosen[0].id}


def _size(s: Strategy, q: Question) -> int:
    return min(s.picks, len(q.options) - 1) if q.type == "multiple" else 1


def _item_scores(s: Strategy, q: Question) -> tuple[float, float]:
    """(strategy's score, chance score) of one item, each 0-1."""
    spec = spec_of(q)
    k = _size(s, q)
    got = score(spec, _response(s, q, s.rank(q, q.options)[:k], s.value)).score
    values = (True, False) if q.type == "true_false" else (s.value,)
    draws = [score(spec, _response(s, q, list(combo), v)).score
             for combo in combinations(q.options, k) for v in values]
    return got, mean(draws)


def strategy_scores(questions: Sequence[Question]) -> list[StrategyScore]:
    """Every naive strategy's score and chance score on a bank's choice items."""
    out = []
    for s in STRATEGIES:
        pairs = [_item_scores(s, q) for q in questions if q.type in s.types]
        if not pairs:
            continue
        out.append(StrategyScore(s.id, s.label, len(pairs),
                                 100 * mean(p[0] for p in pairs),
                                 100 * mean(p[1] for p in pairs)))
    return out
