"""Load the facilitator guides and the course overview, and check them against the content.

Checks (``check_guides``, run by ``pocedu validate``): the lesson blocks sum to the module's
stated duration, and the course timetable gives the module that time; every pointer resolves;
every learning objective is assessed by at least one item and practised by at least one
activity; blocks name real activities, discussions and lesson sections; misconception links
name real items and options of the module.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..content.loader import PACKAGED, Content, parse
from ..content.models.guide import CourseFile, GuideFile
from ..content.models.questions import MODULES
from ..content.pointers import PointerError, PointerResolver
from ..content.yamlio import ContentError, read_yaml
from ..errors import PoceduError

COURSE_FILE = "course.yaml"


class GuideError(ContentError):
    """Problems in a guide file; ``problems`` names file, item and field."""


def module_name(module: str) -> str:
    """'02', '2' or '02_tiers_phases' -> '02_tiers_phases'; PoceduError if unknown."""
    key = module.strip().removesuffix("/").split("/")[-1]
    if key.isdigit():
        key = f"{int(key):02d}"
    for name in MODULES:
        if name == key or name.startswith(key + "_"):
            return name
    raise PoceduError(f"unknown module '{module}': choose one of "
                      + ", ".join(m[:2] for m in MODULES))


def guides_dir(root: Path | None = None) -> Path:
    """The guides folder of a content directory (default: the packaged one)."""
    return (Path(root) if root is not None else PACKAGED) / "guides"


@dataclass(frozen=True)
class Assessed:
    """Something that assesses an objective: a practice item or a scenario decision/product."""

    id: str
    objective: int
    kind: str


def read_guide(path: Path) -> GuideFile:
    """Parse one guide file strictly (no cross-checks)."""
    label = f"guides/{path.name}"
    return parse(label, read_yaml(path, label), GuideFile)


def read_course(root: Path | None = None) -> CourseFile:
    """Parse guides/course.yaml strictly (no cross-checks)."""
    label = f"guides/{COURSE_FILE}"
    return parse(label, read_yaml(guides_dir(root) / COURSE_FILE, label), CourseFile)


def assessed_by(guide: GuideFile, content: Content) -> list[Assessed]:
    """Items (or, for a scenario module, decisions and products) with their objective."""
    if guide.scenario:
        sc = _scenario(guide.scenario, content)
        from ..scenario.items import framing_items

        out = [Assessed(d.id, d.objective, "decision") for i in sc.injects for d in i.decisions]
        out += [Assessed(q["id"], q["objective"], "framing")
                for i in sc.injects for q in framing_items(i)]
        return out + [Assessed(p.id, p.objective, "product") for p in sc.products]
    return [Assessed(q.id, q.objective, q.type) for q in content.module_questions(guide.module)]


def objectives(guide: GuideFile, content: Content) -> list[Any]:
    """The guide's objectives, or its scenario's."""
    if guide.scenario:
        return list(_scenario(guide.scenario, content).objectives)
    return list(guide.objectives)


def _scenario(name: str, content: Content) -> Any:
    from ..scenario.load import load_scenario

    return load_scenario(content.root / "scenarios" / f"{name}.yaml", resolver=content.resolver)


def roles_path(scenario: str, root: Path | None = None) -> Path:
    """The role-card file of ``scenario`` (``scenarios/roles/<scenario>.yaml``)."""
    return (Path(root) if root is not None else PACKAGED) / "scenarios" / "roles" / \
        f"{scenario}.yaml"


def read_roles(scenario: str, content: Content) -> Any:
    """The role cards and backbrief template of ``scenario``, parsed strictly."""
    from ..content.models.syndicate import SyndicateFile

    path = roles_path(scenario, content.root)
    label = f"scenarios/roles/{path.name}"
    return parse(label, read_yaml(path, label), SyndicateFile)


def check_roles(scenario: str, content: Content) -> list[str]:
    """Role cards against their scenario: pointers resolve, inject numbers exist, ids unique."""
    label = f"scenarios/roles/{scenario}.yaml"
    try:
        roles = read_roles(scenario, content)
    except ContentError as err:
        return err.problems
    problems = _pointer_problems(label, roles.roles, content.resolver)
    if roles.scenario != scenario:
        problems.append(f"{label}: field 'scenario': '{roles.scenario}' does not match the file")
    numbers = {i.number for i in _scenario(scenario, content).injects}
    for r in roles.roles:
        problems += [f"{label}: item '{r.id}': field 'injects': no inject {n} in {scenario}"
                     for n in r.injects if n not in numbers]
    for kind, recs in (("role", roles.roles), ("backbrief field", roles.backbrief)):
        ids = [x.id for x in recs]
        problems += [f"{label}: item '{i}': duplicate {kind} id"
                     for i in sorted({i for i in ids if ids.count(i) > 1})]
    lo, hi = roles.size
    if not 2 <= lo <= hi:
        problems.append(f"{label}: field 'size': give the smallest then the largest syndicate")
    return problems


def load_guide(module: str, *, content: Content | None = None) -> GuideFile:
    """The checked guide of ``module`` ('02' or '02_tiers_phases'); GuideError on problems."""
    from ..content.loader import packaged

    content = content or packaged()
    name = module_name(module)
    path = guides_dir(content.root) / f"{name}.yaml"
    if not path.is_file():
        raise GuideError([f"guides/{name}.yaml: file is missing"])
    try:
        guide = read_guide(path)
    except ContentError as err:
        raise GuideError(err.problems) from None
    problems = check_guide(guide, content, f"guides/{path.name}")
    if problems:
        raise GuideError(problems)
    return guide


def load_course(*, content: Content | None = None) -> CourseFile:
    """The checked course overview; GuideError on problems."""
    from ..content.loader import packaged

    content = content or packaged()
    try:
        course = read_course(content.root)
    except ContentError as err:
        raise GuideError(err.problems) from None
    problems = check_course(course, {}, content)
    if problems:
        raise GuideError(problems)
    return course


def _pointer_problems(label: str, records: Iterable[Any], resolver: PointerResolver) -> list[str]:
    out = []
    for rec in records:
        for p in rec.source:
            try:
                resolver.resolve(p)
            except PointerError as e:
                out.append(f"{label}: item '{rec.id}': field 'source': {e}")
    return out


def _section_slugs(module: str) -> set[str] | None:
    """Section slugs of the module's English notebook, or None if the notebook is absent."""
    from ..sections import slug

    nb = Path(__file__).resolve().parents[2] / "modules" / module / f"{module}.ipynb"
    if not nb.is_file():
        return None
    import nbformat

    slugs = set()
    for cell in nbformat.read(nb, as_version=4).cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("## "):
                    slugs.add(slug(line[3:]))
    return slugs


def check_guide(guide: GuideFile, content: Content, label: str) -> list[str]:
    """Cross-checks of one guide against the content (see the module docstring)."""
    problems: list[str] = []
    if f"{guide.module}.yaml" != Path(label).name:
        problems.append(f"{label}: field 'module': '{guide.module}' does not match the file name")
    total = sum(b.minutes for b in guide.blocks)
    if total != guide.duration_minutes:
        problems.append(
            f"{label}: field 'blocks': the blocks sum to {total} minutes but the module's "
            f"stated duration is {guide.duration_minutes} minutes "
            f"({', '.join(f'{b.id} {b.minutes}' for b in guide.blocks)})")
    kinds = {b.kind for b in guide.blocks}
    for kind in ("presentation", "individual-check", "syndicate", "plenary"):
        if kind not in kinds:
            problems.append(f"{label}: field 'blocks': no '{kind}' block in the lesson plan")
    for kind, records in (("block", guide.blocks), ("activity", guide.activities),
                          ("discussion", guide.discussions),
                          ("misconception", guide.misconceptions)):
        seen: set[str] = set()
        for r in records:
            if r.id in seen:
                problems.append(f"{label}: item '{r.id}': duplicate {kind} id")
            seen.add(r.id)
    resolver = content.resolver
    problems += _pointer_problems(label, [*guide.activities, *guide.discussions,
                                          *guide.misconceptions], resolver)
    activities = {a.id: a for a in guide.activities}
    discussions = {d.id for d in guide.discussions}
    used_acts: set[str] = set()
    slugs = _section_slugs(guide.module)
    for b in guide.blocks:
        where = f"{label}: item '{b.id}'"
        if b.activity is not None:
            act = activities.get(b.activity)
            if act is None:
                problems.append(f"{where}: field 'activity': no activity '{b.activity}' in the "
                                "guide")
            else:
                used_acts.add(act.id)
                if act.minutes > b.minutes:
                    problems.append(f"{where}: field 'minutes': activity '{act.id}' takes "
                                    f"{act.minutes} minutes, the block only {b.minutes}")
        problems += [f"{where}: field 'discussions': no discussion '{d}' in the guide"
                     for d in b.discussions if d not in discussions]
        if slugs is not None:
            problems += [f"{where}: field 'sections': no section '{s}' in the module notebook "
                         f"(sections: {', '.join(sorted(slugs))})"
                         for s in b.sections if s not in slugs]
    problems += [f"{label}: item '{a}': activity is not run in any syndicate block"
                 for a in activities if a not in used_acts]
    try:
        objs = objectives(guide, content)
        assessed = assessed_by(guide, content)
    except ContentError as err:
        return problems + err.problems
    numbers = {o.number for o in objs}
    for act in guide.activities:
        problems += [f"{label}: item '{act.id}': field 'objectives': no objective {n} in "
                     f"{guide.module}" for n in act.objectives if n not in numbers]
    for o in objs:
        if not any(a.objective == o.number for a in assessed):
            what = "decision, framing question or product in the scenario" if guide.scenario else \
                f"item in the practice bank of {guide.module}"
            problems.append(f"{label}: field 'objectives': objective {o.number} is assessed by "
                            f"no {what}")
        if not any(o.number in a.objectives for a in guide.activities):
            problems.append(f"{label}: field 'objectives': objective {o.number} is practised by "
                            "no syndicate activity")
    keyed: dict[str, set[str]] = {}
    if guide.scenario:
        problems += check_roles(guide.scenario, content)
        sc = _scenario(guide.scenario, content)
        options = {d.id: {o.id for o in d.options} for i in sc.injects for d in i.decisions}
        numbers_ = {i.number for i in sc.injects}
        where = f"scenario {guide.scenario}"
        for b in guide.blocks:
            problems += [f"{label}: item '{b.id}': field 'injects': no inject {n} in {where}"
                         for n in b.injects if n not in numbers_]
    else:
        from ..content.lint import keyed_ids

        bank = content.module_questions(guide.module)
        options = {q.id: {o.id for o in q.options} for q in bank}
        keyed = {q.id: keyed_ids(q) for q in bank}
        where = f"the practice bank of {guide.module}"
        problems += [f"{label}: item '{b.id}': field 'injects': the module has no scenario"
                     for b in guide.blocks if b.injects]
    for m in guide.misconceptions:
        for link in m.items:
            if link.item not in options:
                problems.append(f"{label}: item '{m.id}': field 'items': no item "
                                f"'{link.item}' in {where}")
            elif link.option and link.option not in options[link.item]:
                problems.append(f"{label}: item '{m.id}': field 'items': item '{link.item}' "
                                f"has no option '{link.option}'")
            elif link.option and link.option in keyed.get(link.item, ()):
                problems.append(f"{label}: item '{m.id}': field 'items': option "
                                f"'{link.option}' of '{link.item}' is the key, not a "
                                "distractor that holds the misconception")
    return problems


def check_course(course: CourseFile, guides: dict[str, GuideFile], content: Content) -> list[str]:
    """The course overview against the documents and the guides' durations."""
    label = f"guides/{COURSE_FILE}"
    problems = _pointer_problems(label, course.documents, content.resolver)
    for p in course.source:
        try:
            content.resolver.resolve(p)
        except PointerError as e:
            problems.append(f"{label}: field 'source': {e}")
    docs = content.resolver.documents
    problems += [f"{label}: item '{d.id}': field 'document': no document '{d.document}' in "
                 "documents.yaml" for d in course.documents if d.document not in docs]
    missing = set(docs) - {d.document for d in course.documents}
    if missing:
        problems.append(f"{label}: field 'documents': no status for {', '.join(sorted(missing))}")
    for name, guide in guides.items():
        given = sum(s.minutes for d in course.timetable for s in d.sessions if s.module == name)
        if given != guide.duration_minutes:
            problems.append(f"{label}: field 'timetable': module {name} gets {given} minutes in "
                            f"the timetable but its guide lasts {guide.duration_minutes}")
    return problems


def check_guides(content: Content) -> tuple[list[str], list[str]]:
    """Check every guide file and the course overview of ``content``.

    Returns (summary lines, problems). A content directory without a guides folder has none.
    """
    folder = guides_dir(content.root)
    if not folder.is_dir():
        return [], []
    lines: list[str] = []
    problems: list[str] = []
    guides: dict[str, GuideFile] = {}
    for path in sorted(folder.glob("*.yaml")):
        if path.name == COURSE_FILE:
            continue
        label = f"guides/{path.name}"
        try:
            guide = read_guide(path)
        except ContentError as err:
            problems += err.problems
            continue
        found = check_guide(guide, content, label)
        problems += found
        guides[guide.module] = guide
        if not found:
            lines.append(f"{guide.module}: {guide.duration_minutes} min in {len(guide.blocks)} "
                         f"blocks, {len(guide.activities)} activities, "
                         f"{len(guide.discussions)} discussions, "
                         f"{len(guide.misconceptions)} misconceptions")
    try:
        course = read_course(content.root)
    except ContentError as err:
        return lines, problems + err.problems
    problems += check_course(course, guides, content)
    lines.append(f"course overview: {course.days} days, {len(course.documents)} documents")
    return lines, problems
