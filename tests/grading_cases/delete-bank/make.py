"""An added cell tries to delete the graded bank and the sources."""

ANSWERS = "FAILS_Q1_Q3"
"""Answers clicked before the edit: a helpers name or a JSON literal."""


def make(sub, h):
    h.add_code(sub, """\
import os, shutil
for up in range(0, 7):
    for d in ('bank', 'source', 'submitted', 'release'):
        shutil.rmtree(os.path.join(*(['..'] * up + [d])), ignore_errors=True)
os.listdir('../../../bank')
""")
