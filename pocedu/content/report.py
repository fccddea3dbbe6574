"""A readable summary of a validated content directory."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from .loader import load_content


def validate(*, directory: Path | None = None) -> str:
    """Validate ``directory`` (default: packaged) and return counts by module and type.

    Raises ContentError listing every problem.
    """
    content = load_content(directory)
    kb = Counter(type(rec).__name__ for label, rec in content.records()
                 if not label.startswith("questions/"))
    by_module = Counter(q.module for q in content.questions.values())
    by_type = Counter((q.module, q.type) for q in content.questions.values())
    types = sorted({t for _, t in by_type})
    lines = [f"content OK: {content.root}", "", "knowledge base records:"]
    lines += [f"  {name:<14} {n:>4}" for name, n in sorted(kb.items())]
    lines += ["", "practice questions:", "  " + f"{'module':<18}{'total':>6}" +
              "".join(f"{t:>15}" for t in types)]
    for module in sorted(by_module):
        lines.append("  " + f"{module:<18}{by_module[module]:>6}" +
                     "".join(f"{by_type[(module, t)]:>15}" for t in types))
    lines.append("  " + f"{'all':<18}{sum(by_module.values()):>6}")
    return "\n".join(lines)
