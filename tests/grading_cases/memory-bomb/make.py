"""An added cell allocates memory without end."""

ANSWERS = "FAILS_Q1_Q3"
"""Answers clicked before the edit: a helpers name or a JSON literal."""


def make(sub, h):
    h.add_code(sub, 'blocks = []\nwhile True:\n    blocks.append(bytearray(50 * 1024 * 1024))\n')
