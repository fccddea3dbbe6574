"""Files whose names are Latin-1 bytes (not UTF-8), as an old archiver leaves them."""

import os

ANSWERS = "KEYS"
"""Answers clicked before the edit: a helpers name or a JSON literal."""


def make(sub, h):
    (sub / os.fsdecode(b"notes-caf\xe9.txt")).write_bytes(b"caf\xe9")
    (sub / os.fsdecode(b"r\xe9ponse.ipynb")).write_bytes(h.nb_path(sub).read_bytes())
