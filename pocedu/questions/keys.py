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
    from . import types

    kind = types.get(q.type)
    if kind.needs_options and len(opts) < 2:
        raise ValueError(f"key: a {q.type} item needs at least 2 options")
    kind.check_key(q, options=opts, bins=bins)
    if q.kb_check and q.type != "classification":
        raise ValueError("kb_check: only classification items can be checked against the KB")
    kinds = {s.kind for s in q.samples}
    if kinds != {"correct", "wrong", "invalid"}:
        raise ValueError("samples: need at least one correct, one wrong and one invalid sample")
