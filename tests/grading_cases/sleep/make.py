"""An added cell sleeps for an hour."""

ANSWERS = "FAILS_Q1_Q3"
"""Answers clicked before the edit: a helpers name or a JSON literal."""


def make(sub, h):
    h.add_code(sub, 'import time\ntime.sleep(3600)\n')
