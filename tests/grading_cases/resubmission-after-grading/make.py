"""Graded once with wrong answers, then resubmitted later with right ones."""

ANSWERS = "WRONG"
"""Answers clicked before the edit: a helpers name or a JSON literal."""


def make(sub, h):
    pass
