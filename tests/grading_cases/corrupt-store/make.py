"""The answers file is cut off (not valid JSON)."""

ANSWERS = "KEYS"
"""Answers clicked before the edit: a helpers name or a JSON literal."""


def make(sub, h):
    raw = h.store_path(sub).read_bytes()
    h.store_path(sub).write_bytes(raw[:40])
