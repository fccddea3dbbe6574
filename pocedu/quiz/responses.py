"""Turn what a keyboard user types into a stored response (option ids), with clear errors.

Letters (``"B"``) refer to the order the student sees; option ids are accepted too. A single
letter always means a displayed position.
"""

from __future__ import annotations

import re
import string
from typing import Any


class AnswerError(ValueError):
    """A typed answer that does not fit the question."""


_SPLIT = re.compile(r"\s*[,;\s]\s*")
_TRUE = {"true", "t", "yes", "y", "1"}
_FALSE = {"false", "f", "no", "n", "0"}


def letters(order: list[str]) -> dict[str, str]:
    """``{"A": first displayed id, ...}``."""
    return dict(zip(string.ascii_uppercase, order, strict=False))


def one_option(token: Any, order: list[str], what: str = "option") -> str:
    if not isinstance(token, str) or not token.strip():
        raise AnswerError(f"expected a letter (A, B, ...) or an {what} id, got {token!r}")
    tok = token.strip()
    by_letter = letters(order)
    if len(tok) == 1 and tok.isalpha():
        if tok.upper() in by_letter:
            return by_letter[tok.upper()]
        raise AnswerError(f"there is no {what} {tok.upper()}: choose from "
                          f"{', '.join(by_letter)}")
    if tok in order:
        return tok
    raise AnswerError(f"'{tok}' is not one of this question's {what}s: use a letter "
                      f"({', '.join(by_letter)})")


def many_options(value: Any, order: list[str]) -> list[str]:
    if isinstance(value, str):
        tokens = [t for t in _SPLIT.split(value.strip()) if t]
    elif isinstance(value, list | tuple):
        tokens = list(value)
    else:
        raise AnswerError("expected letters such as \"A, C\" or a list such as [\"A\", \"C\"]")
    ids = [one_option(t, order) for t in tokens]
    if len(set(ids)) != len(ids):
        raise AnswerError("an option is given twice")
    return ids


def _bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
        return value.strip().lower() in _TRUE
    raise AnswerError(f"expected True or False, got {value!r}")


def true_false_answer(value: Any, order: list[str]) -> dict[str, Any]:
    if isinstance(value, dict):
        extra = set(value) - {"value", "justification"}
        if extra or "value" not in value:
            raise AnswerError("expected {'value': True/False, 'justification': 'B'}")
        just = value.get("justification")
        return {"value": _bool(value["value"]),
                "justification": None if just is None else one_option(just, order, "justification")}
    if isinstance(value, str):
        value = [t for t in _SPLIT.split(value.strip()) if t]
    if isinstance(value, list | tuple) and 1 <= len(value) <= 2:
        just = one_option(value[1], order, "justification") if len(value) == 2 else None
        return {"value": _bool(value[0]), "justification": just}
    if isinstance(value, bool):
        return {"value": value, "justification": None}
    raise AnswerError("expected True or False and a justification letter, e.g. \"true, B\"")


def mapping_answer(value: Any, order: list[str], bins: list[str]) -> dict[str, str]:
    if not isinstance(value, dict) or not value:
        raise AnswerError("expected a mapping such as {\"A\": 1, \"B\": 2} "
                          "(option letter: bin number or id)")
    out: dict[str, str] = {}
    for key, target in value.items():
        oid = one_option(key, order)
        if isinstance(target, int) and not isinstance(target, bool):
            if not 1 <= target <= len(bins):
                raise AnswerError(f"there is no bin {target}: use 1 to {len(bins)}")
            out[oid] = bins[target - 1]
        elif isinstance(target, str) and target.strip() in bins:
            out[oid] = target.strip()
        elif isinstance(target, str) and target.strip().isdigit():
            out.update(mapping_answer({key: int(target.strip())}, order, bins))
        else:
            raise AnswerError(f"{target!r} is not a bin: use a number 1 to {len(bins)} "
                              f"or one of {', '.join(bins)}")
    return out


def parse_answer(item: dict[str, Any], value: Any, *, order: list[str]) -> Any:
    """The stored response for ``value`` typed for the public ``item`` shown in ``order``."""
    from ..questions import types

    try:
        kind = types.get(item["type"])
    except types.UnknownTypeError:
        raise AnswerError(f"unknown question type {item['type']!r}") from None
    return kind.parse_typed(item, value, order=order)
