"""The notebook file is not JSON at all."""

ANSWERS = "KEYS"
"""Answers clicked before the edit: a helpers name or a JSON literal."""


def make(sub, h):
    h.nb_path(sub).write_text("this is { not a notebook", encoding="utf-8")
