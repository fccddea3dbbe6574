"""Every question wrong."""

ANSWERS = "WRONG"
"""Answers clicked before the edit: a helpers name or a JSON literal."""


def make(sub, h):
    pass
