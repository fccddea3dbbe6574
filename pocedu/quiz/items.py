"""Read the public items file ``<quiz>.items.json`` (prompts and options, never keys)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

ITEMS_SCHEMA = 1


class QuizError(ValueError):
    """A quiz that cannot be opened, or a question label that does not exist."""


def items_path(directory: Path | str, assignment: str) -> Path:
    """Where the items file of ``assignment`` lives in ``directory``."""
    return Path(directory) / f"{assignment}.items.json"


def load_items(directory: Path | str, assignment: str) -> dict[str, Any]:
    """The parsed items file; QuizError says what is wrong."""
    path = items_path(directory, assignment)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise QuizError(f"{path.name} is missing: it must sit next to the quiz notebook. "
                        "Ask your instructor for a fresh copy of the quiz.") from None
    except (OSError, UnicodeDecodeError, ValueError) as err:
        raise QuizError(f"{path.name} cannot be read ({err}). Ask your instructor for a "
                        "fresh copy of the quiz.") from None
    if not isinstance(data, dict) or data.get("schema") != ITEMS_SCHEMA or not isinstance(
        data.get("items"), list
    ):
        raise QuizError(f"{path.name} is not a pocedu items file (schema {ITEMS_SCHEMA})")
    return data
