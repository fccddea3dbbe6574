"""A readable summary of a validated content directory."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from .loader import load_content


def graded_bank_dir() -> Path | None:
    """The graded bank of a source checkout (``assessments/bank`` beside the package), if any."""
    bank = Path(__file__).resolve().parents[2] / "assessments" / "bank"
    return bank if bank.is_dir() else None


def validate(*, directory: Path | None = None, graded: Path | None = None,
             lang: str | None = None, lint: bool = True) -> str:
    """Validate ``directory`` (default: packaged) and return counts, lint and language coverage.

    ``graded`` is a graded bank folder to check too (default: the source checkout's
    ``assessments/bank`` when ``directory`` is the packaged content). ``lang`` makes every
    missing text in that language a problem. Raises ContentError listing every problem.
    """
    from .coverage import coverage, missing
    from .lint import lint_items
    from .loader import load_questions
    from .yamlio import ContentError

    content = load_content(directory)
    scenarios, scenario_models = _scenarios(content)
    if graded is None and directory is None:
        graded = graded_bank_dir()
    graded_items: dict = {}
    graded_files: dict[str, str] = {}
    if graded is not None:
        problems: list[str] = []
        graded_items, graded_files = load_questions(graded, content.activities, problems,
                                                    prefix=f"{graded.parent.name}/{graded.name}/")
        if problems:
            raise ContentError(problems)
    findings = []
    if lint:
        findings = lint_items(content.questions.values(), content.question_files, graded=False)
        findings += lint_items(graded_items.values(), graded_files, graded=True)
    fields = _text_fields(content, graded_items, graded_files, scenario_models)
    problems = [str(f) for f in findings]
    if lang is not None:
        problems += missing(fields, lang)
    if problems:
        raise ContentError(problems)
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
    if graded_items:
        lines += ["", f"graded items: {len(graded_items)} in {len(set(graded_files.values()))} "
                  f"files ({graded})"]
    if lint:
        n_files = len(set(content.question_files.values()) | set(graded_files.values()))
        lines += ["", f"item-writing lint: {n_files} bank files, no problem"]
    if guides:
        lines += ["", "facilitator guides:"] + [f"  {g}" for g in guides]
    lines += ["", "language coverage (text fields):"]
    for code, (done, total) in coverage(fields).items():
        lines.append(f"  {code}: {done}/{total} ({100 * done / max(total, 1):.1f}%)")
    return "\n".join(lines)


def _text_fields(content, graded_items: dict, graded_files: dict[str, str],
                 scenario_models: dict) -> list:
    """Every text field of the knowledge base, practice and graded banks and scenarios."""
    from .coverage import texts
    from .loader import KB_FILES

    fields = []
    for name in KB_FILES:
        fields += texts(getattr(content, name.removesuffix(".yaml")), name)
    for q in content.questions.values():
        fields += texts(q, content.question_files[q.id])
    for q in graded_items.values():
        fields += texts(q, graded_files[q.id])
    for label, model in scenario_models.items():
        fields += texts(model, label)
    return fields


def _guides(content) -> list[str]:
    """Check the facilitator guides and course overview of ``content`` (pocedu.teach)."""
    from ..teach.guides import check_guides
    from .yamlio import ContentError

    lines, problems = check_guides(content)
    if problems:
        raise ContentError(problems)
    return lines


def _scenarios(content) -> tuple[list[str], dict]:
    """Validate every scenario file of ``content``; one summary line each, and the models."""
    from ..scenario.load import ScenarioError, load_scenario
    from .yamlio import ContentError

    lines, problems, models = [], [], {}
    for path in sorted((content.root / "scenarios").glob("*.yaml")):
        try:
            model = load_scenario(path, resolver=content.resolver)
        except ScenarioError as err:
            problems += err.problems
            continue
        models[f"scenarios/{path.name}"] = model
        lines.append(f"{path.stem}: {len(model.injects)} injects, {len(model.areas)} areas")
    if problems:
        raise ContentError(problems)
    return lines, models
