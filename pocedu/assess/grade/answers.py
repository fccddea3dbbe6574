"""Check a submitted answer store and write a clean copy for grading.

Answers that do not fit their question (wrong type, option ids that do not exist) are
dropped from the copy, so they score 0 for that item; answers to ids that are not in the
quiz are dropped too. A store from another student or another assignment is still scored as
its answers allow, and flagged for review. Nothing here changes the submitted file.
"""

from __future__ import annotations

import json
from typing import Any

from ...quiz.store import SCHEMA
from .events import Event


def _ids(item: dict[str, Any], key: str) -> set[str]:
    return {o["id"] for o in item.get(key, [])}


def _is_id_list(value: Any, allowed: set[str]) -> bool:
    return (isinstance(value, list) and all(isinstance(v, str) and v in allowed for v in value)
            and len(set(value)) == len(value))


def response_problem(item: dict[str, Any], response: Any) -> str | None:
    """Why ``response`` cannot be an answer to the public ``item`` (None when it can)."""
    kind, options = item.get("type"), _ids(item, "options")
    if kind == "single":
        ok = isinstance(response, str) and response in options
    elif kind == "multiple":
        ok = _is_id_list(response, options)
    elif kind == "ordering":
        ok = _is_id_list(response, options) and len(response) == len(options)
    elif kind == "true_false":
        ok = (isinstance(response, dict) and set(response) <= {"value", "justification"}
              and isinstance(response.get("value"), bool)
              and (response.get("justification") is None
                   or response.get("justification") in options))
    elif kind in ("classification", "matching"):
        bins = _ids(item, "bins")
        ok = isinstance(response, dict) and all(
            isinstance(k, str) and k in options and isinstance(v, str) and v in bins
            for k, v in response.items())
    elif kind == "short_text":
        rubric = _ids(item, "rubric")
        ok = (isinstance(response, dict) and isinstance(response.get("text", ""), str)
              and _is_id_list(response.get("checked", []), rubric))
    else:
        return f"unknown question type {kind!r}"
    return None if ok else f"{json.dumps(response)[:80]} is not a valid {kind} answer"


def _empty(assignment: str, student: str) -> dict[str, Any]:
    return {"schema": SCHEMA, "assignment": assignment, "student": student, "answers": {}}


def _parse(raw: bytes) -> tuple[dict[str, Any] | None, str]:
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return None, "it is not UTF-8 text"
    except ValueError as err:
        return None, f"it is not valid JSON ({err.__class__.__name__}: {err})"
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        return None, f"it is not a pocedu answer store (schema {SCHEMA})"
    if not isinstance(data.get("answers"), dict):
        return None, "its 'answers' is not a mapping"
    return data, ""


def _foreign(data: dict[str, Any], *, assignment: str, student: str) -> list[Event]:
    events = []
    owner, quiz = data.get("student"), data.get("assignment")
    if isinstance(owner, str) and owner and owner != student:
        events.append(Event("store-other-student", "review",
                            f"the answer store was saved by '{owner}', not '{student}'",
                            "compare with the other student's submission (copied answers?); "
                            "scored as the answers allow"))
    if quiz != assignment:
        events.append(Event("store-other-assignment", "review",
                            f"the answer store belongs to '{quiz}', not '{assignment}'",
                            "answers to questions of another quiz score 0; ask the student"))
    return events


def clean_store(raw: bytes | None, *, items: list[dict[str, Any]], assignment: str,
                student: str) -> tuple[dict[str, Any], list[Event]]:
    """A store holding only valid answers to this quiz, and the events that explain it."""
    if raw is None:
        return _empty(assignment, student), [Event(
            "store-missing", "flag", "no saved answers (no answer store): every question "
            "scores 0", "if the student says they answered, ask for the answers file")]
    data, why = _parse(raw)
    if data is None:
        return _empty(assignment, student), [Event(
            "store-corrupt", "review", f"the answer store cannot be read: {why}; every "
            "question scores 0", "open the archived answers file; re-enter readable answers "
            "by hand if the student's work can be recovered")]
    events = _foreign(data, assignment=assignment, student=student)
    by_id = {it["id"]: it for it in items}
    clean = _empty(assignment, student)
    unknown, invalid = [], []
    for item_id, entry in sorted(data["answers"].items()):
        if item_id not in by_id:
            unknown.append(str(item_id))
            continue
        response = entry.get("response") if isinstance(entry, dict) else None
        if not isinstance(entry, dict) or "response" not in entry:
            invalid.append(f"{by_id[item_id]['label']}: not a saved answer")
        elif response is None:
            continue
        elif why := response_problem(by_id[item_id], response):
            invalid.append(f"{by_id[item_id]['label']}: {why}")
        else:
            clean["answers"][item_id] = {"response": response,
                                         "saved_at": str(entry.get("saved_at", ""))}
    if invalid:
        events.append(Event("answer-invalid", "flag",
                            f"{len(invalid)} answer(s) do not fit their question and score 0 "
                            f"({'; '.join(invalid)})",
                            "look at the archived answers file if the student disputes it"))
    if unknown:
        events.append(Event("answer-unknown-item", "flag",
                            f"{len(unknown)} answer(s) to questions not in {assignment} were "
                            f"ignored ({', '.join(unknown[:5])})"))
    return clean, events
