"""Score a response to an item. Pure Python on plain data, so hidden tests stay light.

Each type's rule lives in its own module of ``pocedu.questions.types``.

An item spec is a dict: ``{"type", "options": [ids], "bins": [ids], "rubric": [ids], "key"}``.
Response formats by type:

- single: ``"b"``; multiple: ``["a", "c"]``
- true_false: ``{"value": true, "justification": "j2"}``
- ordering: ``["s1", "s2", ...]`` (every item once)
- classification / matching: ``{"item id": "bin id", ...}``
- short_text: ``{"text": "...", "checked": ["r1", ...]}`` (self-assessed against the rubric)
"""

from __future__ import annotations

from typing import Any

from .result import Score, invalid

__all__ = ["Score", "invalid", "score", "spec_of"]


def score(spec: dict, response: Any) -> Score:
    """Score ``response`` against the item ``spec`` (which must hold the key).

    The scoring itself belongs to the item's type (``pocedu.questions.types``).
    """
    from . import types

    kind = types.get(spec["type"])
    if response is None:
        return invalid("no answer given")
    return kind.score(spec, response)


def spec_of(question: Any, *, with_key: bool = True) -> dict:
    """The plain spec of a ``Question`` model (without the key if ``with_key`` is False)."""
    spec = {
        "id": question.id,
        "type": question.type,
        "options": [o.id for o in question.options],
        "bins": [b.id for b in question.bins],
        "rubric": [r.id for r in question.rubric],
    }
    if with_key:
        key = question.key
        spec["key"] = key.model_dump() if hasattr(key, "model_dump") else key
    return spec
