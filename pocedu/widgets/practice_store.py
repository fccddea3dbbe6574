"""The practice store ``<module>.practice.json`` beside a lesson notebook.

It keeps a student's practice answers (as shown in the widgets) and whether each was checked,
with its score, so that answers and progress survive a kernel restart, Run All and reopening
the notebook. Every change is written at once, atomically. A file that cannot be read is moved
aside (never deleted) and a fresh one is started.

Format: ``{"schema": 1, "module", "answers": {item_id: {"response", "checked", "score",
"correct", "attempts", "section", "saved_at"}}}``.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..quiz.atomic import write_json_atomic

SCHEMA = 1
SUFFIX = ".practice.json"


def practice_path(directory: Path | str, module: str) -> Path:
    """Where the practice store of ``module`` lives in ``directory``."""
    return Path(directory) / f"{module}{SUFFIX}"


@dataclass
class Saved:
    """One item's saved practice state."""

    response: Any
    """The answer shown in the widget (None: cleared)."""
    checked: bool = False
    """Whether the answer was checked (its feedback is shown again on reopening)."""
    score: float | None = None
    """Score of the latest checked answer."""
    correct: bool | None = None
    """Whether the latest checked answer was fully right."""
    attempts: int = 0
    """How many valid answers were checked."""
    section: str | None = None
    """Lesson section of the item."""
    saved_at: str = ""


class PracticeStore:
    """Read and write one notebook's practice answers."""

    def __init__(self, path: Path | str, *, module: str) -> None:
        self.path = Path(path)
        self.module = module
        self.notice: str | None = None
        """Set when the file on disk could not be read and was moved aside."""

    def read(self) -> dict[str, Saved]:
        """Every saved item (empty when there is no file; a corrupt one is moved aside)."""
        if not self.path.exists():
            return {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if not isinstance(data, dict) or data.get("schema") != SCHEMA:
                raise ValueError(f"not a practice store of schema {SCHEMA}")
            return {k: Saved(**v) for k, v in data["answers"].items()}
        except (OSError, UnicodeDecodeError, ValueError, TypeError, KeyError,
                AttributeError) as err:
            self._move_aside(err)
            return {}

    def get(self, item_id: str) -> Saved | None:
        """The saved state of ``item_id``, or None."""
        return self.read().get(item_id)

    def put(self, item_id: str, saved: Saved) -> None:
        """Save one item's state at once (atomically); other items are kept."""
        items = self.read()
        saved.saved_at = datetime.now(UTC).isoformat(timespec="milliseconds")
        items[item_id] = saved
        write_json_atomic(self.path, {"schema": SCHEMA, "module": self.module,
                                      "answers": {k: asdict(v) for k, v in items.items()}})

    def _move_aside(self, err: Exception) -> None:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        aside = self.path.with_name(f"{self.module}.practice.corrupt-{stamp}.json")
        self.path.replace(aside)
        from ..i18n import gettext

        self.notice = gettext("Your saved practice answers could not be read ({error}); the "
                              "file was kept as {name} and a new one started.").format(
                                  error=err, name=aside.name)
