"""What a lesson notebook calls: ``start``, ``ask``, ``figure``, ``progress`` and ``references``.

Each module's set-up cell runs ``from pocedu import lesson; lesson.start("02_tiers_phases")``.
"""

from __future__ import annotations

import difflib
import importlib
from pathlib import Path
from typing import Any

from .widgets.tracking import TRACKER, ProgressSummary


def _display(obj: Any) -> None:
    from IPython.display import display

    display(obj)


class Note:
    """A short message shown in the notebook instead of a traceback."""

    def __init__(self, text: str) -> None:
        self.text = text

    def _repr_html_(self) -> str:
        from .widgets.text import h

        return (f'<div role="note" style="border-left:6px solid #E69F00;padding:6px 12px;'
                f'font-size:17px">\u26a0 {h(self.text)}</div>')

    def __repr__(self) -> str:
        return f"\u26a0 {self.text}"


def start(module: str, *, lang: str = "en") -> None:
    """Set the module for progress and the lesson's language (``lang``: 'en' or 'fr'), open its
    practice store beside the notebook (saved answers come back), show the lesson styles, and
    set figures up offline."""
    from .content.models.questions import MODULES
    from .i18n import set_language

    set_language(lang)

    if module not in MODULES:
        close = difflib.get_close_matches(module, MODULES, n=1, cutoff=0.3)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        raise ValueError(f"unknown module '{module}'{hint}; modules: {', '.join(MODULES)}")
    TRACKER.current = module
    store = TRACKER.open_store(Path.cwd(), module)  # the kernel runs beside the notebook
    from IPython.display import HTML

    from .widgets.style import style_tag

    _display(HTML(style_tag()))
    if store.notice:
        _display(Note(store.notice))
    figures = _figures()
    setup = getattr(figures, "setup_offline", None) if figures else None
    if callable(setup):
        setup()


def ask(ids: str | list[str], *, lang: str | None = None) -> Any:
    """Practice question(s) by id: the same as ``pocedu.ask``."""
    from .i18n import get_language
    from .widgets.practice import ask as _ask

    return _ask(ids, lang=lang or get_language())


def _figures() -> Any:
    try:
        return importlib.import_module("pocedu.figures")
    except ModuleNotFoundError as err:
        if err.name not in ("pocedu.figures", "pocedu"):
            raise
        return None


def figure_names() -> list[str]:
    """Names of the figure functions ``figure()`` can show."""
    figures = _figures()
    if figures is None:
        return []
    names = getattr(figures, "FIGURES", None)
    if names is None:
        names = [n for n in getattr(figures, "__all__", dir(figures)) if not n.startswith("_")]
    return sorted(n for n in names if n != "setup_offline")


def figure(name: str, **kwargs: Any) -> None:
    """Show the figure ``pocedu.figures.<name>(**kwargs)``; an unknown name shows a short note."""
    names = figure_names()
    if name not in names:
        close = difflib.get_close_matches(name, names, n=3)
        hint = f" Did you mean: {', '.join(close)}?" if close else ""
        known = (f" Figures available: {', '.join(names)}." if names
                 else " No figures are installed.")
        _display(Note(f"There is no figure called '{name}'.{hint}{known}"))
        return
    _display(getattr(_figures(), name)(**kwargs))


def progress(module: str | None = None) -> ProgressSummary:
    """The student's practice progress in the current module (updates as they answer)."""
    from .widgets.tracking import progress as _progress

    return _progress(module)


def references(module: str | None = None, *, lang: str | None = None) -> Any:
    """Every document and place cited by the module's practice items and their activities."""
    from .content import packaged
    from .i18n import get_language
    from .widgets.references import references as _references

    return _references(packaged(), module or TRACKER.current, lang=lang or get_language())
