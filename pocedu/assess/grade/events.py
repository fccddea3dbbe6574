"""What grading did to one student's submission: events, and the status they add up to.

Statuses, from best to worst: ``graded`` (nothing to check), ``graded-with-flags`` (graded,
something was repaired or ignored on the copy), ``needs-review`` (a person must look: a
manual grade, a store from someone else, a notebook that could not be read),
``ungradable`` (nothing gradable was submitted or grading failed) and ``missing``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal, get_args

Status = Literal["graded", "graded-with-flags", "needs-review", "ungradable", "missing"]
"""A result's status, best first (defined here only)."""
Severity = Literal["info", "flag", "review", "fatal"]
STATUSES: tuple[str, ...] = get_args(Status)
SEVERITY_STATUS: dict[str, str] = {"info": "graded", "flag": "graded-with-flags",
                                   "review": "needs-review", "fatal": "ungradable"}
"""The least a status can be when an event of that severity happened."""


@dataclass(frozen=True)
class Event:
    """One thing that happened while grading a submission."""

    code: str
    """Stable machine name, e.g. 'cell-deleted', 'store-other-student'."""
    severity: Severity
    """'info', 'flag', 'review' or 'fatal' (see ``SEVERITY_STATUS``)."""
    event: str
    """What happened, in plain words."""
    check: str = ""
    """What a grader should check (empty when nothing)."""

    def __post_init__(self) -> None:
        if self.severity not in SEVERITY_STATUS:
            raise ValueError(f"unknown event severity {self.severity!r}")

    def as_dict(self) -> dict[str, str]:
        """Plain JSON-ready fields."""
        return asdict(self)


def status_of(events: list[Event], *, submitted: bool = True) -> str:
    """The status a list of events adds up to (the worst severity wins)."""
    if not submitted:
        return "missing"
    rank = {s: i for i, s in enumerate(STATUSES)}
    worst = "graded"
    for ev in events:
        candidate = SEVERITY_STATUS[ev.severity]
        if rank[candidate] > rank[worst]:
            worst = candidate
    return worst


@dataclass
class StudentResult:
    """The one result of one (roster student, assignment)."""

    student: str
    assignment: str
    status: str
    score: float | None = None
    """Points in the gradebook (None when not graded)."""
    max_score: float | None = None
    """Points available, from the instructor's source (never from the submission)."""
    events: list[Event] = field(default_factory=list)
    input_sha: str = ""
    """sha256 of the archived submission manifest ('' when there was none)."""
    skipped: bool = False
    """True when an unchanged, already graded submission was not graded again."""
    seconds: float = 0.0

    def as_record(self) -> dict[str, Any]:
        """The JSON record kept in the results journal (without run bookkeeping)."""
        return {"student": self.student, "assignment": self.assignment, "status": self.status,
                "score": self.score, "max_score": self.max_score, "input_sha": self.input_sha,
                "events": [e.as_dict() for e in self.events]}

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> StudentResult:
        """Rebuild from a journal record."""
        return cls(student=record["student"], assignment=record["assignment"],
                   status=record["status"], score=record.get("score"),
                   max_score=record.get("max_score"),
                   events=[Event(**e) for e in record.get("events", [])],
                   input_sha=record.get("input_sha", ""))

    def line(self) -> str:
        """One summary line: student, status, grade, what happened, what to check."""
        grade = ("-" if self.score is None else
                 f"{self.score:g}/{self.max_score:g}" if self.max_score else f"{self.score:g}")
        what = "; ".join(e.event for e in self.events if e.severity != "info") or "ok"
        checks = "; ".join(e.check for e in self.events if e.check)
        tail = f" | check: {checks}" if checks else ""
        again = " (unchanged, not regraded)" if self.skipped else ""
        return f"{self.student}: {self.status} {grade}{again} | {what}{tail}"
