"""A 21 MiB file uploaded with the quiz (a video): kept in the archive, never parsed."""

ANSWERS = "KEYS"
"""Answers clicked before the edit: a helpers name or a JSON literal."""


def make(sub, h):
    (sub / "briefing.ipynb").write_bytes(b"{" + b" " * (21 * 1024 * 1024) + b"}")
