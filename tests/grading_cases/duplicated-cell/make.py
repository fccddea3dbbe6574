"""The test cell of Q1 was copied and pasted twice."""

ANSWERS = "FAILS_Q1_Q3"
"""Answers clicked before the edit: a helpers name or a JSON literal."""


def make(sub, h):
    nb = h.load_nb(sub)
    i = h.index(nb, h.ITEM_IDS["Q1"])
    nb["cells"][i:i] = [nb["cells"][i], nb["cells"][i]]
    h.save_nb(sub, nb)
