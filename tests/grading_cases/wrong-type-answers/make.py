"""Answers of the wrong type (a number, a string for a list)."""

ANSWERS = "KEYS"
"""Answers clicked before the edit: a helpers name or a JSON literal."""


def make(sub, h):
    h.set_response(sub, "Q1", 42)
    h.set_response(sub, "Q2", "p-prev")
