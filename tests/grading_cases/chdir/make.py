"""An added cell changes the working directory and writes there."""

ANSWERS = "FAILS_Q1_Q3"
"""Answers clicked before the edit: a helpers name or a JSON literal."""


def make(sub, h):
    h.add_code(sub, """\
import os
os.chdir('..')
os.chdir('..')
open('planted.txt', 'w').write('x')
""")
