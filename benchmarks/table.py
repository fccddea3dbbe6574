"""Result rows and the markdown table they are printed as."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

PASS, MISS, INFO = "PASS", "MISS", "-"


@dataclass(frozen=True)
class Row:
    """One measurement."""

    section: str
    """What part of the system it measures ('grading', 'start-up', 'report', 'size')."""
    measure: str
    """What was measured, e.g. 'pocedu grade, N=100: s/submission'."""
    value: str
    """The measured value, formatted with its unit."""
    target: str = ""
    """The target it is held to ('' when there is none)."""
    verdict: str = INFO
    """PASS, MISS or '-' (no target)."""
    note: str = ""
    """How it was measured, or why a target was missed."""


def verdict(ok: bool) -> str:
    """PASS or MISS."""
    return PASS if ok else MISS


def shortfall(value: float, target: float, *, unit: str = "s", higher_is_better: bool = False,
              ) -> str:
    """'missed by ...' for a value on the wrong side of ``target`` ('' when it meets it)."""
    gap = (target - value) if higher_is_better else (value - target)
    if gap <= 0:
        return ""
    return f"missed by {gap:.2f} {unit} ({100 * gap / target:.0f}% of the target)"


def fmt_s(seconds: float) -> str:
    """Seconds with a sensible precision."""
    return f"{seconds:.3f} s" if seconds < 10 else f"{seconds:.1f} s"


def fmt_bytes(n: float) -> str:
    """A size in kB or MB."""
    return f"{n / 1e6:.2f} MB" if n >= 1e6 else f"{n / 1e3:.1f} kB"


def _cell(text: Any) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def markdown_table(rows: list[Row]) -> str:
    """The rows as one markdown table."""
    lines = ["| section | measure | value | target | verdict | note |",
             "|---|---|---|---|---|---|"]
    lines += ["| " + " | ".join(_cell(v) for v in (r.section, r.measure, r.value, r.target,
                                                    r.verdict, r.note)) + " |" for r in rows]
    return "\n".join(lines)


@dataclass
class Results:
    """Everything one run found: rows plus free-text notes (profiles, mismatches)."""

    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """Markdown paragraphs printed under the table."""
    problems: list[str] = field(default_factory=list)
    """Things that went wrong (a failed step, a score mismatch): printed loudly."""
    missed: list[str] = field(default_factory=list)
    """Keys of ``benchmarks.explain.WHY`` for the targets this run missed."""

    def miss(self, key: str) -> None:
        """Record that the target ``key`` was missed (its explanation goes into the notes)."""
        if key not in self.missed:
            self.missed.append(key)
