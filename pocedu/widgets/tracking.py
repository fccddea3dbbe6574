"""A student's practice progress: answered and correct, per module section, of the questions asked.

With a store opened (``lesson.start`` opens ``<module>.practice.json`` beside the notebook),
every answer and check is saved at once, so progress survives a kernel restart and reopening.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from .practice_store import PracticeStore, Saved, practice_path
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
    response: Any = None
    """The checked answer."""


class Tracker:
    """Records every checked practice answer; live progress views refresh on each record."""

    def __init__(self) -> None:
        self.current: str | None = None
        """The module set by ``lesson.start``."""
        self.attempts: dict[str, Attempt] = {}
        self.asked: dict[str, list[str]] = {}
        """Item ids asked in this session, per module, in the order ``ask`` showed them."""
        self.store: PracticeStore | None = None
        """Where answers are saved (None: this session only)."""
        self._views: list[tuple[weakref.ref, Callable[[Any], None]]] = []

    def open_store(self, directory: Any, module: str) -> PracticeStore:
        """Save answers of ``module`` beside the notebook in ``directory`` and load saved ones."""
        self.store = PracticeStore(practice_path(directory, module), module=module)
        self.asked.pop(module, None)
        for item_id, saved in self.store.read().items():
            if saved.checked and saved.score is not None:
                self.attempts[item_id] = Attempt(
                    module=module, section=saved.section or NO_SECTION, score=saved.score,
                    correct=bool(saved.correct), attempts=saved.attempts,
                    response=saved.response)
        return self.store

    def saved(self, item_id: str) -> Saved | None:
        """The saved state of an item (None without a store or an answer)."""
        return self.store.get(item_id) if self.store is not None else None

    def was_asked(self, item_id: str, module: str) -> None:
        """Note that ``ask`` showed ``item_id`` (progress counts exactly the items asked)."""
        ids = self.asked.setdefault(module, [])
        if item_id not in ids:
            ids.append(item_id)
            self._refresh()

    def save_response(self, item_id: str, *, section: str | None, response: Any) -> None:
        """Save an answer being changed (not checked yet); its earlier score is kept."""
        if self.store is None:
            return
        before = self.store.get(item_id) or Saved(response=None)
        self.store.put(item_id, Saved(response=response, checked=False, score=before.score,
                                      correct=before.correct, attempts=before.attempts,
                                      section=section))

    def record(self, *, item_id: str, module: str, section: str | None, score: float,
               correct: bool, response: Any = None) -> Attempt:
        """Record a valid checked answer (the latest one counts) and save it."""
        before = self.attempts.get(item_id)
        attempt = Attempt(module=module, section=section or NO_SECTION, score=float(score),
                          correct=bool(correct), attempts=(before.attempts + 1 if before else 1),
                          response=response)
        self.attempts[item_id] = attempt
        if self.store is not None:
            self.store.put(item_id, Saved(response=response, checked=True, score=attempt.score,
                                          correct=attempt.correct, attempts=attempt.attempts,
                                          section=section))
        self._refresh()
        return attempt

    def reset(self) -> None:
        """Forget every answer, the current module and the store (files stay on disk)."""
        self.current = None
        self.store = None
        self.attempts.clear()
        self.asked.clear()
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
    """Practice items of the section asked in the notebook."""
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
    """Practice items asked in the notebook (``ask``) in this session."""
    sections: list[SectionProgress] = field(default_factory=list)
    scores: dict[str, float] = field(default_factory=dict)
    """Latest score per answered item id."""
    _bank: Any = field(default=None, repr=False, compare=False)

    def _repr_html_(self) -> str:
        from ..i18n import gettext as _

        title = (_("Your progress: module {n}").format(n=self.module[:2]) if self.module
                 else _("Your progress"))
        total = _(" of {total}").format(total=self.total) if self.total is not None else ""
        rows = "".join(
            f"<tr><td>{h(section_title(s.section))}</td><td>"
            f"{h(_('{n} of {total}').format(n=s.answered, total=s.total))}</td>"
            f"<td>{s.correct}</td></tr>" for s in self.sections)
        summary = _("answered {n}{total}, correct {correct}.").format(
            n=self.answered, total=total, correct=self.correct)
        return (f'<div class="pocedu-progress" role="status"><b>{h(title)}</b>: {h(summary)}'
                f"<table><thead><tr><th scope='col'>{h(_('Section'))}</th>"
                f"<th scope='col'>{h(_('Answered'))}</th><th scope='col'>{h(_('Correct'))}</th>"
                f"</tr></thead><tbody>{rows}</tbody></table></div>")

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
    """Practice progress in ``module`` (default: the one set by ``lesson.start``, else all).

    It counts exactly the questions ``ask`` has shown in this session (so a lesson reaches
    100%); answers saved earlier count once their question is shown again.
    """
    module = module or TRACKER.current
    asked = [i for m, ids in TRACKER.asked.items() if module is None or m.startswith(module)
             for i in ids]
    mine = {i: TRACKER.attempts[i] for i in asked if i in TRACKER.attempts}
    bank = bank if bank is not None else _default_bank()
    sections: dict[str, SectionProgress] = {}

    def section(name: str) -> SectionProgress:
        return sections.setdefault(name, SectionProgress(name, 0, 0, 0))

    for item_id in asked:
        q = _question(bank, item_id)
        section((q.section if q is not None else None) or NO_SECTION).total += 1
    for a in mine.values():
        s = section(a.section)
        s.answered += 1
        s.correct += a.correct
    for s in sections.values():
        s.total = max(s.total, s.answered)
    return ProgressSummary(
        module=module, answered=len(mine), correct=sum(a.correct for a in mine.values()),
        total=len(asked), sections=list(sections.values()),
        scores={i: a.score for i, a in mine.items()}, _bank=bank)


def _question(bank: Bank | None, item_id: str) -> Any:
    if bank is None:
        return None
    try:
        return bank.question(item_id)
    except KeyError:
        return None


def section_title(section: str) -> str:
    """The title students read for a section slug (``(other)`` stays as it is)."""
    from ..sections import title

    return section if section == NO_SECTION or not section else title(section)
