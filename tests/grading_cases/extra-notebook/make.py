"""A scratch notebook was submitted next to the quiz."""

ANSWERS = "KEYS"
"""Answers clicked before the edit: a helpers name or a JSON literal."""


def make(sub, h):
    nb = {"cells": [h.code("print(1)")], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    (sub / "scratch.ipynb").write_text(__import__("json").dumps(nb), encoding="utf-8")
