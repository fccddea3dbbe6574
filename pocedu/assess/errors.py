"""Errors of the instructor tools: each says what is wrong and what to do."""

from __future__ import annotations


class AssessError(RuntimeError):
    """A step of the assessment workflow that cannot be done; ``problems`` lists why."""

    def __init__(self, problems: list[str] | str) -> None:
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        super().__init__("\n".join(self.problems))
