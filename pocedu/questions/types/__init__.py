"""Question types, one module each, behind a registry (``get(name)``, ``names()``).

A new type is one file: subclass ``QuestionType``, decorate it with ``@register`` and import the
file (built-in types are imported here).
"""

from __future__ import annotations

from . import choice, ordering, placement, short_text, true_false  # noqa: F401  (registers)
from .base import QuestionType, need
from .registry import UnknownTypeError, get, names, register

__all__ = ["QuestionType", "UnknownTypeError", "get", "names", "need", "register"]
