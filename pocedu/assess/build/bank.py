"""Step 1 of the build: load the graded bank and check it against the packaged knowledge base."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

from ..errors import AssessError

QUIZ_NAME = re.compile(r"^[a-z][a-z0-9_-]*$")


def _knowledge_base() -> tuple[dict[str, Any], Any]:
    """The activity catalogue and pointer resolver of the packaged content.

    While the knowledge base is incomplete (it fails to load), pointers are still checked
    against ``documents.yaml`` and a warning says that the key checks were skipped.
    """
    from ...content import ContentError, packaged
    from ...content.loader import catalogue, load_kb_file
    from ...content.pointers import PointerResolver

    try:
        content = packaged()
        return content.activities, content.resolver
    except ContentError as err:
        print(f"warning: the packaged knowledge base does not load ({len(err.problems)} "
              "problem(s)); checking the bank's pointers against documents.yaml only",
              file=sys.stderr)
    docs = load_kb_file("documents.yaml")
    parts = {}
    for name in ("framework.yaml", "activities_police.yaml"):
        try:
            parts[name] = load_kb_file(name)
        except (ContentError, OSError):
            parts[name] = None
    acts = catalogue(parts["framework.yaml"], parts["activities_police.yaml"])
    return acts, PointerResolver(docs.documents)


def load_bank(bank_dir: Path) -> dict[str, list[Any]]:
    """``{quiz name: [Question, ...]}`` in file order, from ``bank_dir/<quiz>.yaml``.

    Raises AssessError listing every problem (file, item, field): schema, pointers,
    knowledge-base keys, and the items' own sample responses.
    """
    from ...content.loader import check_questions, load_questions

    bank_dir = Path(bank_dir)
    acts, resolver = _knowledge_base()
    problems: list[str] = []
    items, files = load_questions(bank_dir, acts, problems, prefix="bank/")
    if not problems:
        problems += check_questions(items, files, acts, resolver)
    quizzes: dict[str, list[Any]] = {}
    for q in items.values():
        name = Path(files[q.id]).stem
        if not QUIZ_NAME.match(name):
            problems.append(f"{files[q.id]}: the file name must be a quiz name such as "
                            "quiz01.yaml (lower-case letters, digits, '-', '_')")
            continue
        quizzes.setdefault(name, []).append(q)
    if problems:
        raise AssessError(sorted(set(problems)))
    return dict(sorted(quizzes.items()))


def order_warnings(questions: list[Any]) -> list[str]:
    """Ordering items whose option ids, sorted, give away the key."""
    return [f"item '{q.id}': option ids sorted give the right order; rename them so that "
            "the items file does not reveal the key"
            for q in questions if q.type == "ordering" and sorted(q.key) == list(q.key)]
