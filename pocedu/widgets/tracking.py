"""The practice progress of a student in this session: answered and correct, per module section."""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from .text import h

NO_SECTION = "(other)"
MAX_VIEWS = 50


class Bank(Protocol):
    """What progress and ``ask`` need from the content: items by id and by module."""

    def question(self, item_id: str) -> Any: ...

    def module_questions(self, module: str) -> list[Any]: ...


@dataclass
class Attempt:
    """The latest checked answer to one practice item."""

    module: str
    """Module of the item, e.g. '02_tiers_phases'."""
    section: str
    """Lesson section of the item (``(other)`` when the item names none)."""
    score: float
    """Score of the latest valid answer, 0 to 1."""
    correct: bool
    """Whether the latest valid answer earned full marks."""
    attempts: int = 1
    """How many valid answers were checked."""


class Tracker:
    """Records every checked practice answer; live progress views refresh on each record."""

    def __init__(self) -> None:
        self.current: str | None = None
        """The module set by ``lesson.start``."""
        self.attempts: dict[str, Attempt] = {}
        self._views: list[tuple[weakref.ref, Callable[[Any], None]]] = []

    def record(self, *, item_id: str, module: str, section: str | None, score: float,
               correct: bool) -> Attempt:
        """Record a valid checked answer (the latest one counts)."""
        before = self.attempts.get(item_id)
        attempt = Attempt(module=module, section=section or NO_SECTION, score=float(score),
                          correct=bool(correct), attempts=(before.attempts + 1 if before else 1))
        self.attempts[item_id] = attempt
        self._refresh()
        return attempt

    def reset(self) -> None:
        """Forget every answer and the current module."""
        self.current = None
        self.attempts.clear()
        self._views.clear()

    def watch(self, view: Any, refresh: Callable[[Any], None]) -> None:
        """Call ``refresh(view)`` after every record while ``view`` is alive."""
        self._views = [(r, f) for r, f in self._views if r() is not None][-MAX_VIEWS + 1:]
        self._views.append((weakref.ref(view), refresh))

    def _refresh(self) -> None:
        for ref, refresh in list(self._views):
            view = ref()
            if view is not None:
                refresh(view)


TRACKER = Tracker()
"""The tracker of this Python session (one student, one kernel)."""


@dataclass
class SectionProgress:
    """Progress in one section of a module."""

    section: str
    total: int
    """Practice items of the section in the bank."""
    answered: int
    correct: int


@dataclass
class ProgressSummary:
    """A student's practice progress in a module (or in every module when ``module`` is None)."""

    module: str | None
    answered: int
    """Items answered (a valid answer was checked)."""
    correct: int
    """Items whose latest answer was fully right."""
    total: int | None
    """Practice items in the module (None when the bank could not be read)."""
    sections: list[SectionProgress] = field(default_factory=list)
    scores: dict[str, float] = field(default_factory=dict)
    """Latest score per answered item id."""
    _bank: Any = field(default=None, repr=False, compare=False)

    def _repr_html_(self) -> str:
        title = f"Your progress: module {self.module}" if self.module else "Your progress"
        total = f" of {self.total}" if self.total is not None else ""
        rows = "".join(
            f"<tr><td>{h(section_title(s.section))}</td><td>{s.answered} of {s.total}</td>"
            f"<td>{s.correct}</td></tr>" for s in self.sections)
        return (f'<div class="pocedu-progress"><b>{h(title)}</b>: answered {self.answered}'
                f"{total}, correct {self.correct}."
                "<table><thead><tr><th scope='col'>Section</th><th scope='col'>Answered</th>"
                f"<th scope='col'>Correct</th></tr></thead><tbody>{rows}</tbody></table></div>")

    def __str__(self) -> str:
        total = f"/{self.total}" if self.total is not None else ""
        lines = [f"{self.module or 'all modules'}: answered {self.answered}{total}, "
                 f"correct {self.correct}"]
        lines += [f"  {section_title(s.section)}: answered {s.answered}/{s.total}, "
                  f"correct {s.correct}" for s in self.sections]
        return "\n".join(lines)

    def _ipython_display_(self) -> None:
        """Show a live table that updates as the student checks answers."""
        import ipywidgets as w
        from IPython.display import display

        view = w.HTML(self._repr_html_())
        module, bank = self.module, self._bank

        def refresh(v: Any) -> None:
            v.value = progress(module, bank=bank)._repr_html_()

        TRACKER.watch(view, refresh)
        display(view)


def _default_bank() -> Bank | None:
    from ..content import ContentError, packaged

    try:
        return packaged()
    except ContentError:
        return None


def progress(module: str | None = None, *, bank: Bank | None = None) -> ProgressSummary:
    """Practice progress in ``module`` (default: the one set by ``lesson.start``, else all)."""
    module = module or TRACKER.current
    mine = {i: a for i, a in TRACKER.attempts.items()
            if module is None or a.module.startswith(module)}
    bank = bank if bank is not None else _default_bank()
    items = bank.module_questions(module) if bank is not None and module else []
    sections: dict[str, SectionProgress] = {}

    def section(name: str) -> SectionProgress:
        return sections.setdefault(name, SectionProgress(name, 0, 0, 0))

    for q in items:
        section(q.section or NO_SECTION).total += 1
    for a in mine.values():
        s = section(a.section)
        s.answered += 1
        s.correct += a.correct
    for s in sections.values():
        s.total = max(s.total, s.answered)
    return ProgressSummary(
        module=module, answered=len(mine), correct=sum(a.correct for a in mine.values()),
        total=len(items) if items else None, sections=list(sections.values()),
        scores={i: a.score for i, a in mine.items()}, _bank=bank)



def section_title(section: str) -> str:
    """The title students read for a section slug (``(other)`` stays as it is)."""
    from ..sections import title

    return section if section == NO_SECTION or not section else title(section)
