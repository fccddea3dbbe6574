"""An added cell reads and overwrites other students' answers."""

ANSWERS = "FAILS_Q1_Q3"
"""Answers clicked before the edit: a helpers name or a JSON literal."""


def make(sub, h):
    h.add_code(sub, """\
import glob, os
found = []
for up in range(1, 4):
    base = os.path.join(*['..'] * up)
    for p in glob.glob(os.path.join(base, '**', '*.answers.json'), recursive=True):
        found.append(p)
        if 'all-correct' in p:
            open(p, 'w').write('{}')
print(found)
open('../../all-correct/quiz02/quiz02.answers.json').read()
""")
