"""The public part of an item: what a student's widget may see (never the key)."""

from __future__ import annotations

from typing import Any

PUBLIC_FIELDS = ("id", "type", "module", "prompt", "options", "bins", "rubric")


def public_item(question: Any, *, label: str | None = None) -> dict:
    """A JSON-able dict of ``question`` without key, feedback, explanation or samples."""

    def text(t: Any) -> dict:
        return t.model_dump(exclude_none=True)

    return {
        "id": question.id,
        "label": label or question.id,
        "type": question.type,
        "module": question.module,
        "prompt": text(question.prompt),
        "options": [{"id": o.id, "text": text(o.text)} for o in question.options],
        "bins": [{"id": b.id, "text": text(b.text)} for b in question.bins],
        "rubric": [{"id": r.id, "text": text(r.text)} for r in question.rubric],
    }


def feedback_for(question: Any, response: Any, *, lang: str = "en") -> dict:
    """Practice feedback for ``response``: score, validity, per-option feedback, explanation."""
    from .grading import score, spec_of

    result = score(spec_of(question), response)
    per_option = []
    for oid in result.wrong:
        opt = next((o for o in question.options if o.id == oid), None)
        if opt is not None and opt.feedback is not None:
            per_option.append({"option": oid, "text": opt.feedback.get(lang)})
    return {
        "score": result.score,
        "valid": result.valid,
        "correct": result.correct,
        "message": result.message,
        "wrong": list(result.wrong),
        "option_feedback": per_option,
        "explanation": question.explanation.get(lang),
        "source": list(question.source),
        "model_answer": question.model_answer.get(lang) if question.model_answer else None,
    }
