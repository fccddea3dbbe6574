"""Submitted a day after the due date (penalty method 'zero')."""

ANSWERS = "KEYS"
"""Answers clicked before the edit: a helpers name or a JSON literal."""


def make(sub, h):
    pass
