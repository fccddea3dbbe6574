"""An added cell reads and overwrites other students' answers."""

ANSWERS = "FAILS_Q1_Q3"
"""Answers clicked before the edit: a helpers name or a JSON literal."""


def make(sub, h):
    h.add_code(sub, "import glob, os\nfound = []\nfor up in range(1, 4):\n    base = os.path.join(*['..'] * up)\n    for p in glob.glob(os.path.join(base, '**', '*.answers.json'), recursive=True):\n        found.append(p)\n        if 'all-correct' in p:\n            open(p, 'w').write('{}')\nprint(found)\nopen('../../all-correct/quiz02/quiz02.answers.json').read()\n")
