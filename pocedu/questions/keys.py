"""Structural checks of an item: its key fits its type, options and bins."""

from __future__ import annotations

from collections import Counter
from typing import Any


def _dupes(ids: list[str]) -> list[str]:
    return [i for i, n in Counter(ids).items() if n > 1]


def check_item_shape(q: Any) -> None:
    """Raise ValueError naming the field when the key does not fit the item."""
    opts = [o.id for o in q.options]
    bins = [b.id for b in q.bins]
    for name, ids in (("options", opts), ("bins", bins), ("rubric", [r.id for r in q.rubric])):
        if d := _dupes(ids):
            raise ValueError(f"{name}: duplicate id(s) {', '.join(d)}")
    key, t = q.key, q.type

    def need(cond: bool, msg: str) -> None:
        if not cond:
            raise ValueError(f"key: {msg}")

    if t != "short_text":
        need(len(opts) >= 2, f"a {t} item needs at least 2 options")
    if t == "single":
        need(isinstance(key, str), "single: expected one option id")
        need(key in opts, f"names option '{key}', which does not exist")
    elif t == "multiple":
        need(isinstance(key, list) and key and all(isinstance(k, str) for k in key),
             "multiple: expected a non-empty list of option ids")
        missing = [k for k in key if k not in opts]
        need(not missing, f"names option(s) {', '.join(missing)}, which do not exist")
    elif t == "true_false":
        need(isinstance(key, dict) and isinstance(key.get("value"), bool)
             and set(key) == {"value", "justification"},
             "true_false: expected {value: true/false, justification: option id}")
        need(key["justification"] in opts,
             f"names justification '{key['justification']}', which does not exist")
    elif t == "ordering":
        need(isinstance(key, list) and sorted(key) == sorted(opts),
             "ordering: expected every option id exactly once")
    elif t in ("classification", "matching"):
        need(len(bins) >= 2, f"a {t} item needs at least 2 bins")
        need(isinstance(key, dict), f"{t}: expected a mapping of option id to bin id")
        missing = [o for o in opts if o not in key]
        need(not missing, f"option(s) {', '.join(missing)} have no bin")
        unknown = [k for k in key if k not in opts]
        need(not unknown, f"names option(s) {', '.join(unknown)}, which do not exist")
        bad = [v for v in key.values() if v not in bins]
        need(not bad, f"names bin(s) {', '.join(sorted(set(bad)))}, which do not exist")
    elif t == "short_text":
        need(key is None, "short_text items have no key; use rubric and model_answer")
        if not q.rubric or q.model_answer is None:
            raise ValueError("rubric: a short_text item needs rubric points and a model_answer")
    if q.kb_check and t != "classification":
        raise ValueError("kb_check: only classification items can be checked against the KB")
    kinds = {s.kind for s in q.samples}
    if kinds != {"correct", "wrong", "invalid"}:
        raise ValueError("samples: need at least one correct, one wrong and one invalid sample")
