"""The result of scoring one response (shared by every question type)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Score:
    """The result of scoring one response."""

    score: float
    """Fraction of the item's marks earned, 0 to 1."""
    valid: bool
    """False when the response is not of the item's format (it then scores 0)."""
    message: str = ""
    """Why a response is invalid, or a short summary of a valid one."""
    wrong: tuple[str, ...] = field(default_factory=tuple)
    """Option ids chosen or placed wrongly, or right ones left out."""

    @property
    def correct(self) -> bool:
        """Whether the response earned full marks."""
        return self.valid and self.score >= 1.0


def invalid(message: str) -> Score:
    """An invalid response: no marks, with the reason."""
    return Score(0.0, False, message)


def id_list(value: Any) -> list[str] | None:
    """``value`` as a list of string ids, or None when it is not one."""
    if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
        return list(value)
    return None
