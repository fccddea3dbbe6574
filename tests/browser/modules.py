"""What a lesson notebook should show, read from its own cells and the practice bank."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

ID = re.compile(r"""["'](\d\d-[A-Za-z0-9_-]+)["']""")
TYPES = ("single", "multiple", "true_false", "ordering", "classification", "matching",
         "short_text")


@dataclass(frozen=True)
class Expected:
    """Question ids asked and figures drawn by one lesson notebook."""

    question_ids: tuple[str, ...]
    figures: int


def expected(notebook: Path) -> Expected:
    """Parse the code cells for ``ask(...)`` ids and ``figure(...)``/``*_figure(...)`` calls."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    ids: list[str] = []
    figures = 0
    for cell in cells:
        if cell.get("cell_type") != "code":
            continue
        src = "".join(cell.get("source", []))
        for call in re.finditer(r"\bask\((.*?)\)", src, flags=re.S):
            ids += ID.findall(call.group(1))
        figures += len(re.findall(r"\w*figure\(", src))
    return Expected(tuple(ids), figures)


def click_plan(notebooks: list[Path]) -> dict[str, list[str]]:
    """Module name -> question ids to answer by clicking, covering every item type once.

    Each type goes to the module (among those asking such a question) with the fewest
    questions planned so far, so the clicking is spread over the modules; a module with
    questions always gets at least one.
    """
    from pocedu.content import packaged

    bank = packaged()
    by_module: dict[str, dict[str, str]] = {}
    for nb in notebooks:
        first: dict[str, str] = {}
        for qid in expected(nb).question_ids:
            first.setdefault(bank.question(qid).type, qid)
        by_module[nb.parent.name] = first
    plan: dict[str, list[str]] = {name: [] for name in by_module}
    for kind in TYPES:
        holders = [m for m, first in by_module.items() if kind in first]
        if holders:
            target = min(holders, key=lambda m: len(plan[m]))
            plan[target].append(by_module[target][kind])
    for name, first in by_module.items():
        if first and not plan[name]:
            plan[name].append(next(iter(first.values())))
    return plan
