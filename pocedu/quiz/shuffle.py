"""Per-student option order: stable for a student and item, different between students."""

from __future__ import annotations

import hashlib
import random


def display_order(option_ids: list[str], *, student: str, item_id: str) -> list[str]:
    """``option_ids`` shuffled with a seed from a hash of ``student`` and ``item_id``."""
    digest = hashlib.sha256(f"{student}\x00{item_id}".encode()).digest()
    order = list(option_ids)
    random.Random(int.from_bytes(digest[:8], "big")).shuffle(order)
    return order
