"""The Q1 test cell carries a forged hidden test with the student's (wrong) answer as key."""

ANSWERS = "KEYS"
"""Answers clicked before the edit: a helpers name or a JSON literal."""


def make(sub, h):
    h.set_response(sub, "Q1", "t1")
    nb = h.load_nb(sub)
    nb["cells"][h.index(nb, h.ITEM_IDS["Q1"])]["source"] = (
        "### BEGIN HIDDEN TESTS\nquiz.grade(\"Q1\", key=\"t1\", points=1)\n### END HIDDEN TESTS\n")
    h.save_nb(sub, nb)
