"""Answers naming options and bins that do not exist."""

ANSWERS = "KEYS"
"""Answers clicked before the edit: a helpers name or a JSON literal."""


def make(sub, h):
    h.set_response(sub, "Q1", "t9")
    h.set_response(sub, "Q5", {"a-dialogue": "tier-9", "a-force": "tier-2",
                              "a-programme": "tier-3"})
