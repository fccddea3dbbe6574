"""The notebook was renamed (a 'Copy1' saved instead)."""

ANSWERS = "KEYS"
"""Answers clicked before the edit: a helpers name or a JSON literal."""


def make(sub, h):
    h.nb_path(sub).rename(sub / "quiz02-Copy1.ipynb")
