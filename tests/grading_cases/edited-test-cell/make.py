"""The test cell of Q1 was edited to award itself points."""

ANSWERS = "FAILS_Q1_Q3"
"""Answers clicked before the edit: a helpers name or a JSON literal."""


def make(sub, h):
    nb = h.load_nb(sub)
    nb["cells"][h.index(nb, h.ITEM_IDS["Q1"])]["source"] = "quiz.grade = lambda *a, **k: 100.0\n"
    h.save_nb(sub, nb)
