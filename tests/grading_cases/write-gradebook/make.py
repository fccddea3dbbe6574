"""An added cell tries to overwrite the gradebook."""

ANSWERS = "FAILS_Q1_Q3"
"""Answers clicked before the edit: a helpers name or a JSON literal."""


def make(sub, h):
    h.add_code(sub, """\
import os
for up in range(0, 7):
    p = os.path.join(*(['..'] * up + ['gradebook.db']))
    if os.path.exists(p):
        open(p, 'w').write('gone')
open('../../../../gradebook.db', 'r+').write('gone')
""")
