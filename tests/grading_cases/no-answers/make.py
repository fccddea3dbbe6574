"""The quiz was opened and nothing answered: an empty answer store."""

ANSWERS = "{}"
"""Answers clicked before the edit: a helpers name or a JSON literal."""


def make(sub, h):
    h.save_store(sub, {"schema": 1, "assignment": h.QUIZ, "student": sub.parent.name,
                      "answers": {}})
