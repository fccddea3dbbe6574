"""The answers file was saved by another student (copied)."""

ANSWERS = "KEYS"
"""Answers clicked before the edit: a helpers name or a JSON literal."""


def make(sub, h):
    data = h.load_store(sub)
    data["student"] = "all-correct"
    h.save_store(sub, data)
