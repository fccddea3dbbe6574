"""An added cell redefines quiz.grade (and Quiz.grade) to give full marks."""

ANSWERS = "WRONG"
"""Answers clicked before the edit: a helpers name or a JSON literal."""


def make(sub, h):
    h.add_code(sub, """\
from pocedu.quiz.runtime import Quiz
Quiz.grade = lambda *a, **k: 100.0
quiz.grade = lambda *a, **k: 100.0
""")
