"""A written answer holding an unpaired surrogate (\\udcff), as a broken paste leaves it."""

ANSWERS = "KEYS"
"""Answers clicked before the edit: a helpers name or a JSON literal."""


def make(sub, h):
    nb = h.load_nb(sub)
    nb["cells"][h.index(nb, h.ITEM_IDS["Q6"])]["source"] = "Protect civilians \udcff first."
    h.nb_path(sub).write_text(__import__("json").dumps(nb, indent=1), encoding="utf-8")
