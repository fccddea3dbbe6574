"""The (hidden-)test cell of Q2 was deleted."""

ANSWERS = "KEYS"
"""Answers clicked before the edit: a helpers name or a JSON literal."""


def make(sub, h):
    nb = h.load_nb(sub)
    del nb["cells"][h.index(nb, h.ITEM_IDS["Q2"])]
    h.save_nb(sub, nb)
