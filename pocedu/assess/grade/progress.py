"""A progress bar with ETA on stderr; plain lines when stderr is not a terminal."""

from __future__ import annotations

import sys
import time
from typing import TextIO


def _clock(seconds: float) -> str:
    seconds = max(0, int(round(seconds)))
    return f"{seconds // 60}:{seconds % 60:02d}"


class Progress:
    """Counts finished units of work and shows how long the rest will take."""

    def __init__(self, total: int, *, label: str = "students", stream: TextIO | None = None,
                 enabled: bool = True) -> None:
        self.total, self.label, self.done = total, label, 0
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.start = time.monotonic()

    def eta(self) -> float | None:
        """Seconds left, from the mean time per finished unit (None before the first)."""
        if not self.done:
            return None
        return (time.monotonic() - self.start) / self.done * (self.total - self.done)

    def step(self, note: str = "") -> None:
        """One more unit finished; ``note`` names it (e.g. 'ana: graded')."""
        self.done += 1
        if not self.enabled:
            return
        eta = self.eta()
        left = f"ETA {_clock(eta)}" if eta is not None else "ETA -"
        if self.tty:
            width = 30
            fill = int(width * self.done / max(self.total, 1))
            bar = "#" * fill + "." * (width - fill)
            self.stream.write(f"\r[{bar}] {self.done}/{self.total} {self.label}  {left}  "
                              f"{note[:30]:<30}")
            if self.done == self.total:
                self.stream.write("\n")
        else:
            self.stream.write(f"{self.done}/{self.total} {self.label} {left} {note}\n")
        self.stream.flush()
