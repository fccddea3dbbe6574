"""Runtime inside a released quiz notebook: answer store, ``Quiz``, ``answer()``.

Kept light (standard library only at import) because every quiz kernel imports it, also
during autograding. The keys are never here: hidden tests pass them to ``Quiz.grade``.
"""

from __future__ import annotations

from .runtime import Quiz, answer
from .store import AnswerStore

__all__ = ["AnswerStore", "Quiz", "answer"]
