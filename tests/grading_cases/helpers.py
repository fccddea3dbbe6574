"""Helpers for the case scripts: each ``<case>/make.py`` defines ``make(sub, h)`` that edits a
fresh submission folder ``sub`` (the released quiz with the case's answers saved, as a
student clicking would leave it). ``h`` is this module."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

QUIZ = "quiz02"
KEYS: dict[str, Any] = {
    "Q1": "t2", "Q2": ["p-prev", "p-pree", "p-resp"],
    "Q3": {"value": False, "justification": "j2"},
    "Q4": ["ph-prev", "ph-pree", "ph-resp", "ph-cons"],
    "Q5": {"a-dialogue": "tier-1", "a-force": "tier-2", "a-programme": "tier-3"},
}
WRONG: dict[str, Any] = {
    "Q1": "t1", "Q2": ["p-det"], "Q3": {"value": True, "justification": "j1"},
    "Q4": ["ph-cons", "ph-resp", "ph-pree", "ph-prev"],
    "Q5": {"a-dialogue": "tier-3", "a-force": "tier-1", "a-programme": "tier-2"},
}
FAILS_Q1_Q3 = {**KEYS, "Q1": WRONG["Q1"], "Q3": WRONG["Q3"]}
ITEM_IDS = {"Q1": "g02-tier-name-single-01", "Q2": "g02-phases-multiple-01",
            "Q3": "g02-tiers-tf-01", "Q4": "g02-phases-order-01",
            "Q5": "g02-tiers-classify-01", "Q6": "g02-tiers-short-01"}


def nb_path(sub: Path) -> Path:
    return sub / f"{QUIZ}.ipynb"


def store_path(sub: Path) -> Path:
    return sub / f"{QUIZ}.answers.json"


def load_nb(sub: Path) -> dict[str, Any]:
    return json.loads(nb_path(sub).read_text(encoding="utf-8"))


def save_nb(sub: Path, nb: dict[str, Any]) -> None:
    nb_path(sub).write_text(json.dumps(nb, indent=1), encoding="utf-8")


def index(nb: dict[str, Any], grade_id: str) -> int:
    return next(i for i, c in enumerate(nb["cells"])
                if c["metadata"].get("nbgrader", {}).get("grade_id") == grade_id)


def code(source: str) -> dict[str, Any]:
    """A code cell as a student adding one would leave it."""
    return {"cell_type": "code", "id": "added0001", "metadata": {}, "execution_count": None,
            "outputs": [], "source": source}


def add_code(sub: Path, source: str) -> None:
    nb = load_nb(sub)
    nb["cells"].insert(2, code(source))
    save_nb(sub, nb)


def load_store(sub: Path) -> dict[str, Any]:
    return json.loads(store_path(sub).read_text(encoding="utf-8"))


def save_store(sub: Path, data: dict[str, Any]) -> None:
    store_path(sub).write_text(json.dumps(data), encoding="utf-8")


def set_response(sub: Path, label: str, response: Any) -> None:
    data = load_store(sub)
    data["answers"][ITEM_IDS[label]] = {"response": response, "saved_at": "2030-01-01"}
    save_store(sub, data)
