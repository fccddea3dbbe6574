"""An added cell kills the kernel with os._exit."""

ANSWERS = "FAILS_Q1_Q3"
"""Answers clicked before the edit: a helpers name or a JSON literal."""


def make(sub, h):
    h.add_code(sub, 'import os\nos._exit(3)\n')
