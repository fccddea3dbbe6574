"""The answers file was uploaded one folder down (inside a 'quiz02' folder)."""

ANSWERS = "FAILS_Q1_Q3"
"""Answers clicked before the edit: a helpers name or a JSON literal."""


def make(sub, h):
    (sub / "quiz02").mkdir()
    h.store_path(sub).rename(sub / "quiz02" / "quiz02.answers.json")
