"""Load a scenario file, validate it strictly and cross-check it (pointers, graph, areas)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from ..content.yamlio import ContentError, read_yaml

SCENARIOS = Path(__file__).resolve().parent.parent / "content" / "scenarios"
DEFAULT = "silver_river"


class ScenarioError(ContentError):
    """Problems in a scenario file; ``problems`` names file, item and field."""


def path_of(name_or_path: str | Path) -> Path:
    """The file of a packaged scenario name ('silver_river') or an explicit path."""
    p = Path(name_or_path)
    if p.suffix in (".yaml", ".yml"):
        return p
    return SCENARIOS / f"{name_or_path}.yaml"


def load_scenario(source: str | Path = DEFAULT, *, resolver: Any = None) -> Any:
    """Load and check a scenario (packaged name or path); raise ScenarioError listing problems.

    ``resolver`` resolves source pointers (default: the packaged documents).
    """
    from ..content.loader import parse
    from ..content.models.scenario import ScenarioFile

    path = path_of(source)
    label = f"scenarios/{path.name}"
    try:
        model = parse(label, read_yaml(path, label), ScenarioFile)
    except ContentError as err:
        raise ScenarioError(err.problems) from None
    if resolver is None:
        resolver = _packaged_resolver()
    problems = check_pointers(model, resolver, label) + check_graph(model, label)
    if problems:
        raise ScenarioError(problems)
    return model


@cache
def scenario(name: str = DEFAULT) -> Any:
    """The packaged scenario ``name``, loaded and checked once per process."""
    return load_scenario(name)


def _packaged_resolver() -> Any:
    from ..content.loader import load_kb_file
    from ..content.pointers import PointerResolver

    return PointerResolver(load_kb_file("documents.yaml").documents)


def pointer_records(model: Any) -> list[tuple[str, list[str]]]:
    """(where, pointers) for every sourced record of the scenario."""
    out = [("file", model.source), (f"mission '{model.mission.id}'", model.mission.source)]
    for inj in model.injects:
        for d in inj.decisions:
            out.append((f"inject '{inj.id}' decision '{d.id}'", d.source))
        out.append((f"inject '{inj.id}' framing", inj.framing.source))
        if inj.lead:
            out.append((f"inject '{inj.id}' lead", inj.lead.source))
    out += [(f"product '{p.id}'", p.source) for p in model.products]
    out += [(f"protection_matrix '{r.area}'", r.source) for r in model.protection_matrix]
    return out


def check_pointers(model: Any, resolver: Any, label: str) -> list[str]:
    """Every source pointer must resolve to a known document and place."""
    from ..content.pointers import PointerError

    problems = []
    for where, pointers in pointer_records(model):
        for p in pointers:
            try:
                resolver.resolve(p)
            except PointerError as err:
                problems.append(f"{label}: {where}: field 'source': {err}")
    return problems


def check_graph(model: Any, label: str) -> list[str]:
    """Ids exist and are unique, flags are set before use, every inject is reachable, no cycles."""
    problems: list[str] = []
    injects = {i.id: i for i in model.injects}
    area_ids = {a.id for a in model.areas}
    if len(injects) != len(model.injects):
        problems.append(f"{label}: field 'injects': duplicate inject ids")
    decision_ids = [d.id for i in model.injects for d in i.decisions]
    dupes = sorted({d for d in decision_ids if decision_ids.count(d) > 1})
    if dupes:
        problems.append(f"{label}: decision ids must be unique in the scenario: {', '.join(dupes)}")
    if model.start not in injects:
        problems.append(f"{label}: field 'start': no inject '{model.start}'")
    flags_set = {f for i in model.injects for d in i.decisions for o in d.options for f in o.flags}
    for inj in model.injects:
        where = f"{label}: inject '{inj.id}'"
        targets = [inj.next] + [r.goto for r in inj.routes]
        problems += [f"{where}: field 'next': no inject '{t}'"
                     for t in targets if t is not None and t not in injects]
        used = [f for r in inj.routes for f in r.when] + [f for v in inj.variants for f in v.when]
        problems += [f"{where}: flag '{f}' is never set by any choice"
                     for f in used if f not in flags_set]
        problems += [f"{where}: field 'data.areas': no area '{a}'"
                     for a in inj.data.areas if a not in area_ids]
    problems += [f"{label}: asset '{a.id}': field 'base': no area '{a.base}'"
                 for a in model.assets if a.base not in area_ids]
    problems += [f"{label}: product '{p.id}': field 'after': no inject '{p.after}'"
                 for p in model.products if p.after not in injects]
    problems += [f"{label}: protection_matrix: no area '{r.area}'"
                 for r in model.protection_matrix if r.area not in area_ids]
    if problems:
        return problems
    return problems + _reach(model, injects, label)


def _reach(model: Any, injects: dict[str, Any], label: str) -> list[str]:
    """Depth-first search from the start: unreachable injects and cycles are problems."""
    seen: set[str] = set()
    problems: list[str] = []

    def visit(node: str, stack: tuple[str, ...]) -> None:
        if node in stack:
            problems.append(f"{label}: cycle in the inject graph: {' -> '.join(stack + (node,))}")
            return
        if node in seen:
            return
        seen.add(node)
        inj = injects[node]
        for t in {inj.next, *(r.goto for r in inj.routes)} - {None}:
            visit(t, stack + (node,))

    visit(model.start, ())
    problems += [f"{label}: inject '{i}' cannot be reached from '{model.start}'"
                 for i in injects if i not in seen]
    return problems
