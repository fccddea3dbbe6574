"""All cell metadata was removed (e.g. by another editor)."""

ANSWERS = "KEYS"
"""Answers clicked before the edit: a helpers name or a JSON literal."""


def make(sub, h):
    nb = h.load_nb(sub)
    for c in nb["cells"]:
        c["metadata"] = {}
    h.save_nb(sub, nb)
