"""Cells were unlocked and a grade cell re-pointed to 100 points."""

ANSWERS = "FAILS_Q1_Q3"
"""Answers clicked before the edit: a helpers name or a JSON literal."""


def make(sub, h):
    nb = h.load_nb(sub)
    for c in nb["cells"]:
        c["metadata"]["nbgrader"]["locked"] = False
        c["metadata"].pop("editable", None)
    nb["cells"][h.index(nb, h.ITEM_IDS["Q1"])]["metadata"]["nbgrader"]["points"] = 100
    h.save_nb(sub, nb)
