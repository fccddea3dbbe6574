"""Errors of the instructor tools: each says what is wrong and what to do.

Every error here derives from ``pocedu.errors.PoceduError``, which the CLI catches once.
"""

from __future__ import annotations

from ..errors import PoceduError


class AssessError(PoceduError):
    """A step of the assessment workflow that cannot be done; ``problems`` lists why."""

    def __init__(self, problems: list[str] | str) -> None:
        listed = [problems] if isinstance(problems, str) else [str(p) for p in problems]
        super().__init__(listed[0] if len(listed) == 1 else f"{len(listed)} problems",
                         listed)

    def __str__(self) -> str:
        return "\n".join(self.problems)


class ExportError(AssessError, ValueError):
    """Results and roster that cannot be exported as they are."""


class ResultsError(AssessError, ValueError):
    """A results frame that does not have the expected columns or values."""
