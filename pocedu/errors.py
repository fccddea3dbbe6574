"""The one base of pocedu's errors: a problem a user can act on, with the problems listed.

The CLI catches ``PoceduError`` once and prints its message (and each of ``problems``) with
no traceback. Raise a subclass for a user's mistake or a missing piece of the environment;
let genuine bugs raise anything else.
"""

from __future__ import annotations

from collections.abc import Iterable


class PoceduError(Exception):
    """A problem the user can fix: a wrong path, a bad file, a missing tool."""

    def __init__(self, message: str, problems: Iterable[str] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.problems: list[str] = list(problems)

    def __str__(self) -> str:
        if not self.problems:
            return self.message
        return self.message + "".join(f"\n  - {p}" for p in self.problems)


class PoceduEnvironmentError(PoceduError):
    """Something the machine lacks (a Debian package, a server binary, a browser)."""
