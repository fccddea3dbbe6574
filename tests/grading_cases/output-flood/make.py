"""An added cell prints without end."""

ANSWERS = "FAILS_Q1_Q3"
"""Answers clicked before the edit: a helpers name or a JSON literal."""


def make(sub, h):
    h.add_code(sub, "while True:\n    print('x' * 10000)\n")
