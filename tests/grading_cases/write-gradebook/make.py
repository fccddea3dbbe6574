"""An added cell tries to overwrite the gradebook."""

ANSWERS = "FAILS_Q1_Q3"
"""Answers clicked before the edit: a helpers name or a JSON literal."""


def make(sub, h):
    h.add_code(sub, "import os\nfor up in range(0, 7):\n    p = os.path.join(*(['..'] * up + ['gradebook.db']))\n    if os.path.exists(p):\n        open(p, 'w').write('gone')\nopen('../../../../gradebook.db', 'r+').write('gone')\n")
