"""The answer store ``<quiz>.answers.json``: option ids only, every answer written at once.

Format: ``{"schema": 1, "assignment", "student", "answers": {item_id: {"response", "saved_at"}}}``.
It never holds keys or correctness. A store that cannot be read is moved aside (never deleted)
and a fresh one is started; ``notice`` then says what happened.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .atomic import write_json_atomic

SCHEMA = 1


def store_path(directory: Path | str, assignment: str) -> Path:
    """Where the store of ``assignment`` lives in ``directory``."""
    return Path(directory) / f"{assignment}.answers.json"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


class AnswerStore:
    """Read and write one student's answers to one quiz."""

    def __init__(self, path: Path | str, *, assignment: str, student: str) -> None:
        self.path = Path(path)
        self.assignment = assignment
        self.student = student
        self.notice: str | None = None
        """Set when the file on disk could not be read and was moved aside."""

    def _empty(self) -> dict[str, Any]:
        return {"schema": SCHEMA, "assignment": self.assignment, "student": self.student,
                "answers": {}}

    def read(self) -> dict[str, Any]:
        """The whole store (a fresh one if there is none; a corrupt one is moved aside)."""
        if not self.path.exists():
            return self._empty()
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            _check(data)
        except (OSError, UnicodeDecodeError, ValueError) as err:
            self._move_aside(err)
            return self._empty()
        return data

    def _move_aside(self, err: Exception) -> None:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        aside = self.path.with_name(f"{self.assignment}.answers.corrupt-{stamp}.json")
        self.path.replace(aside)
        self.notice = (f"Your saved answers file could not be read ({err}); it was kept as "
                       f"{aside.name} and a new one started. Please check your answers and tell "
                       "your instructor.")

    def answers(self) -> dict[str, Any]:
        """``{item_id: response}`` of every saved answer."""
        return {k: v["response"] for k, v in self.read()["answers"].items()}

    def get(self, item_id: str) -> Any:
        """The saved response to ``item_id``, or None."""
        entry = self.read()["answers"].get(item_id)
        return entry["response"] if entry else None

    def save(self, item_id: str, response: Any) -> None:
        """Save one answer at once (atomically); other answers are kept."""
        data = self.read()
        data["answers"][item_id] = {"response": response, "saved_at": _now()}
        write_json_atomic(self.path, data)


def _check(data: Any) -> None:
    """Raise ValueError unless ``data`` has the store's shape."""
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise ValueError(f"not an answer store of schema {SCHEMA}")
    answers = data.get("answers")
    if not isinstance(answers, dict) or not all(
        isinstance(v, dict) and "response" in v for v in answers.values()
    ):
        raise ValueError("'answers' is not a mapping of item ids to saved responses")
