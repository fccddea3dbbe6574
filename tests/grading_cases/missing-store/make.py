"""The answers file was deleted."""

ANSWERS = "KEYS"
"""Answers clicked before the edit: a helpers name or a JSON literal."""


def make(sub, h):
    h.store_path(sub).unlink()
