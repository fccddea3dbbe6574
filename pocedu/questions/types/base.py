"""What every question type provides: the one place a type's behaviour lives.

A type is a subclass of ``QuestionType`` registered with ``@register``: its key check, its
scoring, its widget, its printable card, its typed-answer parser and its Moodle/GIFT export.
Scoring and key checks are plain Python on plain data (hidden tests stay light); the widget
class is imported only when a widget is built.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, ClassVar

from ..result import Score

if TYPE_CHECKING:
    from ...content.models import Question



def need(cond: bool, msg: str) -> None:
    """Raise ``ValueError("key: msg")`` unless ``cond``."""
    if not cond:
        raise ValueError(f"key: {msg}")


class QuestionType:
    """One question type. Subclasses set ``name`` and ``widget`` and override the methods."""

    name: ClassVar[str] = ""
    """The ``type:`` value of items of this type."""
    widget: ClassVar[str] = ""
    """``"module:Class"`` of the ipywidget that renders the type (imported on first use)."""
    needs_options: ClassVar[bool] = True
    """Whether items must have at least 2 options."""
    instructions: ClassVar[str] = ""
    """One sentence on a printable card telling the student what to do (an English msgid)."""

    # ----- authoring -------------------------------------------------------------------------
    def check_key(self, q: Question, *, options: list[str], bins: list[str]) -> None:
        """Raise ``ValueError("key: ...")`` when ``q.key`` does not fit this type."""
        raise NotImplementedError

    # ----- scoring ---------------------------------------------------------------------------
    def score(self, spec: dict, response: Any) -> Score:
        """Score a (non-None) ``response`` against ``spec`` (which holds the key)."""
        raise NotImplementedError

    # ----- student side ----------------------------------------------------------------------
    def widget_class(self) -> type:
        """The widget class of this type."""
        module, _, cls = self.widget.partition(":")
        return getattr(importlib.import_module(module), cls)

    def parse_typed(self, item: dict, value: Any, *, order: list[str]) -> Any:
        """The stored response for ``value`` typed by a keyboard user (letters or ids)."""
        raise NotImplementedError

    def card_body(self, item: dict, *, lang: str, order: list[str], targets: list[str]) -> str:
        """The type-specific HTML of a printable card (options in display order; no key)."""
        raise NotImplementedError

    # ----- export ----------------------------------------------------------------------------
    def moodle(self, q: Question, lang: str) -> tuple[str, list[str], str]:
        """Moodle XML of ``q``: (question type, body elements, prefix of general feedback)."""
        raise NotImplementedError

    def gift(self, q: Question, lang: str, *, title: str, general: str) -> str:
        """``q`` in GIFT, given its ``title`` (``::id::[html]prompt``) and ``general`` feedback."""
        raise NotImplementedError


def mapping_score(spec: dict, response: Any, targets: list[str]) -> Score:
    """Score a ``{item: bin}`` response (classification and matching)."""
    from ..result import invalid

    if not isinstance(response, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in response.items()
    ):
        return invalid("expected a mapping of item ids to bin ids")
    unknown = [k for k in response if k not in spec["options"]]
    if unknown:
        return invalid(f"unknown item id(s): {', '.join(sorted(unknown))}")
    bad = [v for v in response.values() if v not in targets]
    if bad:
        return invalid(f"unknown bin id(s): {', '.join(sorted(set(bad)))}")
    if not response:
        return invalid("nothing placed yet")
    key = spec["key"]
    wrong = tuple(o for o in spec["options"] if response.get(o) != key[o])
    n = len(spec["options"])
    return Score((n - len(wrong)) / n, True, f"{n - len(wrong)} of {n} placed correctly", wrong)
