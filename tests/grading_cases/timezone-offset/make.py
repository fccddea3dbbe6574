"""Submitted at 13:30 in UTC+2 (11:30 UTC), half an hour before the 12:00 UTC due time,
with the offset written as ' +02:00', which nbgrader's parse_utc ignores."""

ANSWERS = "KEYS"
"""Answers clicked before the edit: a helpers name or a JSON literal."""


def make(sub, h):
    (sub / "timestamp.txt").write_text("2030-01-01 13:30:00 +02:00\n")
