"""What a lesson notebook should show, read from its own cells and the practice bank."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

ID = re.compile(r"""["'](\d\d-[A-Za-z0-9_-]+)["']""")


@dataclass(frozen=True)
class Expected:
    """Question ids asked and figures drawn by one lesson notebook."""

    question_ids: tuple[str, ...]
    figures: int


def expected(notebook: Path) -> Expected:
    """Parse the notebook's code cells for ``ask(...)`` ids and ``figure(...)`` calls."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    ids: list[str] = []
    figures = 0
    for cell in cells:
        if cell.get("cell_type") != "code":
            continue
        src = "".join(cell.get("source", []))
        for call in re.finditer(r"\bask\((.*?)\)", src, flags=re.S):
            ids += ID.findall(call.group(1))
        figures += len(re.findall(r"\bfigure\(", src))
    return Expected(tuple(ids), figures)


def one_per_type(question_ids: tuple[str, ...]) -> list[str]:
    """The first question of each item type the notebook asks (in notebook order)."""
    from pocedu.content import packaged

    bank, seen, out = packaged(), set(), []
    for qid in question_ids:
        kind = bank.question(qid).type
        if kind not in seen:
            seen.add(kind)
            out.append(qid)
    return out
