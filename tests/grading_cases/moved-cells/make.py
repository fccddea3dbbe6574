"""The cells were put in reverse order."""

ANSWERS = "KEYS"
"""Answers clicked before the edit: a helpers name or a JSON literal."""


def make(sub, h):
    nb = h.load_nb(sub)
    nb["cells"].reverse()
    h.save_nb(sub, nb)
