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
    scenarios = _scenarios(content)
    guides = _guides(content)
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
    if scenarios:
        lines += ["", "scenarios:"] + [f"  {s}" for s in scenarios]
    if guides:
        lines += ["", "facilitator guides:"] + [f"  {g}" for g in guides]
    return "\n".join(lines)


def _guides(content) -> list[str]:
    """Check the facilitator guides and course overview of ``content`` (pocedu.teach)."""
    from ..teach.guides import check_guides
    from .yamlio import ContentError

    lines, problems = check_guides(content)
    if problems:
        raise ContentError(problems)
    return lines


def _scenarios(content) -> list[str]:
    """Validate every scenario file of ``content``; one summary line each."""
    from ..scenario.load import ScenarioError, load_scenario
    from .yamlio import ContentError

    lines, problems = [], []
    for path in sorted((content.root / "scenarios").glob("*.yaml")):
        try:
            model = load_scenario(path, resolver=content.resolver)
        except ScenarioError as err:
            problems += err.problems
            continue
        lines.append(f"{path.stem}: {len(model.injects)} injects, {len(model.areas)} areas")
    if problems:
        raise ContentError(problems)
    return lines
