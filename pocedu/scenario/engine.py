"""The inject engine: play a scenario one inject at a time, and walk every branch.

A choice may set flags; an inject's routes pick the next inject from the flags (first match
wins) and its variants pick the situation text. A run's score is the mean of the points of
every choice made, as a percentage; harm and displacement add up the choices' effects.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any


def next_inject(inject: Any, flags: set[str] | frozenset[str]) -> str | None:
    """Id of the inject after ``inject`` given the flags set so far (None at the end)."""
    for route in inject.routes:
        if any(f in flags for f in route.when):
            return route.goto
    return inject.next


def situation(inject: Any, flags: set[str] | frozenset[str]) -> Any:
    """The situation ``Text`` of ``inject`` for the flags set so far."""
    for v in inject.variants:
        if all(f in flags for f in v.when):
            return v.situation
    return inject.situation


@dataclass(frozen=True)
class PathResult:
    """One complete path through the exercise and how it ended."""

    injects: tuple[str, ...]
    """Inject ids in the order played."""
    choices: tuple[tuple[str, str], ...]
    """(decision id, option id) in the order made."""
    points: float
    """Sum of the points of the choices."""
    decisions: int
    """Number of decisions made."""
    harm: int
    """Civilian-harm points added up along the path."""
    displaced: int
    """Extra people displaced by the choices."""
    end_phase: str
    """Phase of the last inject (always consolidation in a valid scenario)."""

    @property
    def score(self) -> float:
        """Score in percent (0-100)."""
        return round(100 * self.points / self.decisions, 1) if self.decisions else 0.0


@dataclass
class Run:
    """One syndicate's way through a scenario; ``choose`` then ``advance``, until ``finished``."""

    scenario: Any
    current_id: str | None = None
    flags: set[str] = field(default_factory=set)
    injects: list[str] = field(default_factory=list)
    choices: dict[str, str] = field(default_factory=dict)
    points: float = 0.0
    harm: int = 0
    displaced: int = 0

    def __post_init__(self) -> None:
        if self.current_id is None:
            self.current_id = self.scenario.start
            self.injects.append(self.current_id)

    @property
    def current(self) -> Any:
        """The inject being played (the last one once finished)."""
        return self.scenario.inject(self.current_id)

    @property
    def finished(self) -> bool:
        """True once every decision of a final inject is taken."""
        return self.current.final and self.pending() == []

    def situation(self) -> Any:
        """The situation text of the current inject, after earlier choices."""
        return situation(self.current, self.flags)

    def pending(self) -> list[str]:
        """Decision ids of the current inject not yet taken."""
        return [d.id for d in self.current.decisions if d.id not in self.choices]

    def choose(self, decision_id: str, option_id: str) -> Any:
        """Take a decision of the current inject; returns the chosen option. First choice stands."""
        decision = next((d for d in self.current.decisions if d.id == decision_id), None)
        if decision is None:
            raise KeyError(f"inject '{self.current_id}' has no decision '{decision_id}' "
                           f"(it has {', '.join(d.id for d in self.current.decisions)})")
        option = next((o for o in decision.options if o.id == option_id), None)
        if option is None:
            raise KeyError(f"decision '{decision_id}' has no option '{option_id}' "
                           f"(options: {', '.join(o.id for o in decision.options)})")
        if decision_id in self.choices:
            return next(o for o in decision.options if o.id == self.choices[decision_id])
        self.choices[decision_id] = option_id
        self.flags.update(option.flags)
        self.points += option.points
        self.harm += option.effects.harm
        self.displaced += option.effects.displaced
        return option

    def advance(self) -> Any:
        """Move to the next inject (all decisions must be taken); returns it, or None at the end."""
        if self.pending():
            raise RuntimeError(f"take every decision of inject '{self.current_id}' first: "
                               f"{', '.join(self.pending())}")
        nxt = next_inject(self.current, self.flags)
        if nxt is None:
            return None
        self.current_id = nxt
        self.injects.append(nxt)
        return self.current

    def result(self) -> PathResult:
        """The path so far as a ``PathResult``."""
        return PathResult(tuple(self.injects), tuple(self.choices.items()), self.points,
                          len(self.choices), self.harm, self.displaced,
                          self.current.framing.phase)


def iter_paths(scenario: Any) -> Iterator[PathResult]:
    """Every path through the scenario: every combination of options at every inject reached."""

    def go(inject_id: str, flags: frozenset[str], path: tuple[str, ...],
           choices: tuple[tuple[str, str], ...], points: float, harm: int,
           displaced: int) -> Iterator[PathResult]:
        inj = scenario.inject(inject_id)
        path = path + (inject_id,)
        for combo in itertools.product(*(d.options for d in inj.decisions)):
            f = flags.union(*(o.flags for o in combo))
            c = choices + tuple((d.id, o.id) for d, o in zip(inj.decisions, combo, strict=True))
            p = points + sum(o.points for o in combo)
            h = harm + sum(o.effects.harm for o in combo)
            dp = displaced + sum(o.effects.displaced for o in combo)
            nxt = next_inject(inj, f)
            if nxt is None:
                yield PathResult(path, c, p, len(c), h, dp, inj.framing.phase)
            else:
                yield from go(nxt, f, path, c, p, h, dp)

    yield from go(scenario.start, frozenset(), (), (), 0.0, 0, 0)


def walk(scenario: Any) -> list[PathResult]:
    """All paths (see ``iter_paths``) as a list."""
    return list(iter_paths(scenario))


@dataclass(frozen=True)
class RouteSummary:
    """The paths that pass through the same sequence of injects."""

    injects: tuple[str, ...]
    paths: int
    best: float
    worst: float
    max_harm: int
    max_displaced: int
    end_phase: str


def routes(scenario: Any) -> list[RouteSummary]:
    """Paths grouped by their sequence of injects, with best and worst score."""
    groups: dict[tuple[str, ...], list[PathResult]] = {}
    for p in iter_paths(scenario):
        groups.setdefault(p.injects, []).append(p)
    return [RouteSummary(k, len(v), max(p.score for p in v), min(p.score for p in v),
                         max(p.harm for p in v), max(p.displaced for p in v), v[0].end_phase)
            for k, v in sorted(groups.items(), key=lambda kv: (len(kv[0]), kv[0]))]


def canonical_path(scenario: Any) -> list[Any]:
    """The injects met when every decision takes its policy-consistent option."""
    run = Run(scenario)
    out = [run.current]
    while True:
        for d in run.current.decisions:
            run.choose(d.id, d.key)
        if run.advance() is None:
            return out
        out.append(run.current)
