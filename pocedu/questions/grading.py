"""Score a response to an item. Pure Python on plain data, so hidden tests stay light.

An item spec is a dict: ``{"type", "options": [ids], "bins": [ids], "rubric": [ids], "key"}``.
Response formats by type:

- single: ``"b"``; multiple: ``["a", "c"]``
- true_false: ``{"value": true, "justification": "j2"}``
- ordering: ``["s1", "s2", ...]`` (every item once)
- classification / matching: ``{"item id": "bin id", ...}``
- short_text: ``{"text": "...", "checked": ["r1", ...]}`` (self-assessed against the rubric)
"""

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


def _ids(value: Any) -> list[str] | None:
    if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
        return list(value)
    return None


def _mapping(spec: dict, response: Any, targets: list[str]) -> Score:
    if not isinstance(response, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in response.items()
    ):
        return invalid("expected a mapping of item ids to bin ids")
    unknown = [k for k in response if k not in spec["options"]]
    if unknown:
        return invalid(f"unknown item id(s): {', '.join(sorted(unknown))}")
    bad = [v for v in response.values() if v not in targets]
    if bad:
        return invalid(f"unknown bin id(s): {', '.join(sorted(set(bad)))}")
    if not response:
        return invalid("nothing placed yet")
    key = spec["key"]
    wrong = tuple(o for o in spec["options"] if response.get(o) != key[o])
    n = len(spec["options"])
    return Score((n - len(wrong)) / n, True, f"{n - len(wrong)} of {n} placed correctly", wrong)


def score(spec: dict, response: Any) -> Score:
    """Score ``response`` against the item ``spec`` (which must hold the key)."""
    kind = spec["type"]
    options = spec.get("options", [])
    key = spec.get("key")
    if response is None:
        return invalid("no answer given")
    if kind == "single":
        if not isinstance(response, str):
            return invalid("expected one option id")
        if response not in options:
            return invalid(f"unknown option id: {response}")
        ok = response == key
        return Score(1.0 if ok else 0.0, True, "", () if ok else (response,))
    if kind == "multiple":
        chosen = _ids(response)
        if chosen is None:
            return invalid("expected a list of option ids")
        if len(set(chosen)) != len(chosen):
            return invalid("an option is chosen twice")
        unknown = [c for c in chosen if c not in options]
        if unknown:
            return invalid(f"unknown option id(s): {', '.join(unknown)}")
        if not chosen:
            return invalid("choose at least one option")
        hits = [c for c in chosen if c in key]
        false = [c for c in chosen if c not in key]
        missed = [k for k in key if k not in chosen]
        value = max(0.0, (len(hits) - len(false)) / len(key))
        return Score(value, True, f"{len(hits)} of {len(key)} right, {len(false)} wrong",
                     tuple(false + missed))
    if kind == "true_false":
        if not isinstance(response, dict) or not isinstance(response.get("value"), bool):
            return invalid("expected {'value': true/false, 'justification': option id}")
        extra = set(response) - {"value", "justification"}
        if extra:
            return invalid(f"unexpected field(s): {', '.join(sorted(extra))}")
        just = response.get("justification")
        if just is not None and just not in options:
            return invalid(f"unknown justification id: {just}")
        value_ok = response["value"] == key["value"]
        just_ok = just == key["justification"]
        wrong = () if just_ok or just is None else (just,)
        return Score(0.5 * value_ok + 0.5 * (value_ok and just_ok), True, "", wrong)
    if kind == "ordering":
        order = _ids(response)
        if order is None:
            return invalid("expected a list of item ids in order")
        if sorted(order) != sorted(options):
            return invalid("put every item in the order exactly once")
        wrong = tuple(o for o, k in zip(order, key, strict=True) if o != k)
        n = len(key)
        return Score((n - len(wrong)) / n, True, f"{n - len(wrong)} of {n} in place", wrong)
    if kind in ("classification", "matching"):
        return _mapping(spec, response, spec.get("bins", []))
    if kind == "short_text":
        if not isinstance(response, dict) or not isinstance(response.get("text"), str):
            return invalid("expected {'text': your answer, 'checked': [rubric ids]}")
        if not response["text"].strip():
            return invalid("write an answer first")
        checked = _ids(response.get("checked", []))
        rubric = spec.get("rubric", [])
        if checked is None or any(c not in rubric for c in checked):
            return invalid("checked rubric points must be rubric ids")
        if len(set(checked)) != len(checked):
            return invalid("a rubric point is checked twice")
        value = len(checked) / len(rubric) if rubric else 1.0
        return Score(value, True, f"{len(checked)} of {len(rubric)} points self-checked")
    raise ValueError(f"unknown item type: {kind}")


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
