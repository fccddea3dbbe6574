"""The notebook was saved in Latin-1 by another tool."""

ANSWERS = "KEYS"
"""Answers clicked before the edit: a helpers name or a JSON literal."""


def make(sub, h):
    text = h.nb_path(sub).read_text(encoding="utf-8").replace("YOUR ANSWER HERE", "Réponse")
    h.nb_path(sub).write_bytes(text.encode("latin-1"))
