"""Helpers shared by the per-module content tests."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pocedu.content.loader import load_questions
from pocedu.sections import slug


def load_bank_file(path: Path, acts: dict[str, Any], folder: Path) -> dict[str, Any]:
    """Load one bank file on its own (copied into ``folder``) and return its items."""
    (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    problems: list[str] = []
    items, _ = load_questions(folder, acts, problems, prefix="bank/")
    assert not problems, problems
    return items


def notebook_sections(nb: dict) -> set[str]:
    """Slugs of the numbered '## N. Heading' sections of a notebook."""
    return {slug(m.group(1)) for cell in nb["cells"] if cell["cell_type"] == "markdown"
            for line in "".join(cell["source"]).splitlines()
            if (m := re.match(r"^##\s+(\d+\..*)$", line))}
