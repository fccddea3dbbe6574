"""The answers file of another quiz was put in place."""

ANSWERS = "{}"
"""Answers clicked before the edit: a helpers name or a JSON literal."""


def make(sub, h):
    h.save_store(sub, {"schema": 1, "assignment": "quiz01", "student": sub.parent.name,
                  "answers": {"g01-definition-single-01": {"response": "a", "saved_at": "x"}}})
