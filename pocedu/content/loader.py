"""Load a content directory into validated models and check it as a whole."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .models import (
    SCHEMA_VERSION,
    ActivitiesFile,
    DisplacementFile,
    DocumentsFile,
    FrameworkFile,
    GlossaryFile,
    PoliceFile,
    PrinciplesFile,
    ProtectionFile,
    Question,
    QuestionFile,
    RiskFile,
    TerminologyFile,
)
from .pointers import PointerError, PointerResolver
from .yamlio import ContentError, read_yaml

PACKAGED = Path(__file__).parent
KB_FILES: dict[str, type[BaseModel]] = {
    "documents.yaml": DocumentsFile,
    "glossary.yaml": GlossaryFile,
    "principles.yaml": PrinciplesFile,
    "framework.yaml": FrameworkFile,
    "activities_police.yaml": ActivitiesFile,
    "risk.yaml": RiskFile,
    "displacement.yaml": DisplacementFile,
    "police.yaml": PoliceFile,
    "protection.yaml": ProtectionFile,
    "terminology.yaml": TerminologyFile,
}
FROM_KB = "from-kb"
_FIELD_MSG = re.compile(r"^([a-z_][a-z_.]*): (.*)$", re.S)


def _item_at(data: Any, loc: tuple) -> tuple[str | None, str]:
    """The id of the innermost record on ``loc`` and the field path below it."""
    item_id, below, node = None, [], data
    for part in loc:
        node = node[part] if isinstance(node, dict | list) and _has(node, part) else None
        if isinstance(node, dict) and isinstance(node.get("id"), str):
            item_id, below = node["id"], []
        else:
            below.append(str(part))
    return item_id, ".".join(below)


def _has(node: Any, part: Any) -> bool:
    if isinstance(node, dict):
        return part in node
    return isinstance(part, int) and 0 <= part < len(node)


def describe(label: str, data: Any, err: ValidationError) -> list[str]:
    """One message per pydantic error: file, item id and field."""
    out = []
    for e in err.errors():
        loc = tuple(e["loc"])
        item_id, fld = _item_at(data, loc)
        where = f"{label}: item '{item_id}'" if item_id else label
        msg = e["msg"].removeprefix("Value error, ")
        if e["type"] == "extra_forbidden":
            msg = "unknown field (not in the schema)"
        elif e["type"] == "value_error" and (m := _FIELD_MSG.match(msg)):
            # model-level checks say which field they are about: "key: ..."
            fld, msg = ".".join(p for p in (fld, m.group(1)) if p), m.group(2)
        out.append(f"{where}: field '{fld or (loc[-1] if loc else '-')}': {msg}")
    return out


def parse(label: str, data: Any, model: type[BaseModel]) -> Any:
    """Validate ``data`` as ``model``; raise ContentError with readable messages."""
    if not isinstance(data, dict):
        raise ContentError([f"{label}: expected a mapping at the top level"])
    if data.get("schema_version") not in (None, SCHEMA_VERSION):
        raise ContentError([
            f"{label}: schema_version {data.get('schema_version')} is not supported "
            f"(this pocedu reads version {SCHEMA_VERSION})"
        ])
    try:
        return model.model_validate(data)
    except ValidationError as err:
        raise ContentError(describe(label, data, err)) from None


@dataclass
class Content:
    """A validated content directory: knowledge base and practice bank."""

    root: Path
    documents: DocumentsFile
    glossary: GlossaryFile
    principles: PrinciplesFile
    framework: FrameworkFile
    activities_police: ActivitiesFile
    risk: RiskFile
    displacement: DisplacementFile
    police: PoliceFile
    protection: ProtectionFile
    terminology: TerminologyFile
    questions: dict[str, Question] = field(default_factory=dict)
    question_files: dict[str, str] = field(default_factory=dict)

    @property
    def resolver(self) -> PointerResolver:
        return PointerResolver(self.documents.documents)

    def question(self, item_id: str) -> Question:
        """The practice item with ``item_id``; KeyError names close matches."""
        try:
            return self.questions[item_id]
        except KeyError:
            import difflib

            close = difflib.get_close_matches(item_id, self.questions, n=3)
            hint = f" (did you mean {', '.join(close)}?)" if close else ""
            raise KeyError(f"no question '{item_id}'{hint}") from None

    def module_questions(self, module: str) -> list[Question]:
        """Practice items of ``module`` ('02' or '02_tiers_phases'), in file order."""
        return [q for q in self.questions.values() if q.module.startswith(module)]

    @property
    def activities(self) -> dict[str, Any]:
        """The whole activity catalogue: 2015 Policy and 2017 Police Guidelines."""
        return catalogue(self.framework, self.activities_police)

    @property
    def terms(self) -> dict[str, Any]:
        return {t.id: t for t in self.glossary.terms}

    def records(self) -> Iterator[tuple[str, Any]]:
        """Every sourced record in the knowledge base and bank, with its file label."""
        for name in KB_FILES:
            yield from ((name, r) for r in _walk(getattr(self, name.removesuffix(".yaml"))))
        for q in self.questions.values():
            yield self.question_files[q.id], q


def _walk(node: Any) -> Iterator[Any]:
    if isinstance(node, BaseModel):
        if "source" in type(node).model_fields:
            yield node
        for name in type(node).model_fields:
            yield from _walk(getattr(node, name))
    elif isinstance(node, list):
        for x in node:
            yield from _walk(x)


def catalogue(framework: FrameworkFile | None, police: ActivitiesFile | None) -> dict[str, Any]:
    """Activities by id from both documents."""
    acts = list(framework.activities) if framework else []
    acts += list(police.activities) if police else []
    return {a.id: a for a in acts}


def _derive_keys(data: Any, acts: dict[str, Any]) -> None:
    """Fill ``key: from-kb`` of classification items from the activity catalogue."""
    if not acts or not isinstance(data, dict):
        return
    for q in data.get("questions") or []:
        if not (isinstance(q, dict) and q.get("key") == FROM_KB):
            continue
        attr = {"tier": "tiers", "phase": "phases", "actor": "actors"}.get(q.get("kb_check"))
        key: dict[str, str] = {}
        for opt in q.get("options") or []:
            act = acts.get(opt.get("ref")) if isinstance(opt, dict) else None
            values = getattr(act, attr) if act is not None and attr else []
            if len(values) == 1:
                key[opt["id"]] = values[0]
        q["key"] = key


def load_questions(directory: Path, acts: dict[str, Any],
                   problems: list[str], prefix: str = "questions/") -> tuple[dict, dict]:
    """Load every ``*.yaml`` bank file in ``directory``; collect problems instead of raising."""
    items: dict[str, Question] = {}
    files: dict[str, str] = {}
    paths = sorted(directory.glob("*.yaml")) if directory.is_dir() else []
    if not paths:
        problems.append(f"{prefix}: no question files found in {directory}")
    for path in paths:
        label = prefix + path.name
        try:
            data = read_yaml(path, label)
            _derive_keys(data, acts)
            bank = parse(label, data, QuestionFile)
        except ContentError as err:
            problems.extend(err.problems)
            continue
        for q in bank.questions:
            if q.id in items:
                problems.append(f"{label}: item '{q.id}': duplicate id (also in {files[q.id]})")
                continue
            items[q.id], files[q.id] = q, label
    return items, files


def banks_by_file(directory: Path, prefix: str = "bank/") -> dict[str, list[Question]]:
    """Every bank file of ``directory`` (e.g. ``assessments/bank``) with its items, in file
    order, keyed by label (``bank/quiz01.yaml``); keys ``from-kb`` derived from the packaged
    catalogue. Raises ContentError listing every problem."""
    problems: list[str] = []
    items, files = load_questions(Path(directory), packaged().activities, problems, prefix)
    if problems:
        raise ContentError(problems)
    out: dict[str, list[Question]] = {}
    for q in items.values():
        out.setdefault(files[q.id], []).append(q)
    return out


def check_questions(items: dict[str, Question], files: dict[str, str],
                    acts: dict[str, Any], resolver: PointerResolver) -> list[str]:
    """Cross-file checks of items: pointers, knowledge-base agreement, sample scores."""
    from ..questions.grading import score, spec_of

    problems = []
    for q in items.values():
        label = f"{files[q.id]}: item '{q.id}'"
        problems += [f"{label}: field 'source': {e}" for e in _pointer_errors(q.source, resolver)]
        if q.kb_check:
            attr = {"tier": "tiers", "phase": "phases", "actor": "actors"}[q.kb_check]
            for opt in q.options:
                act = acts.get(opt.ref) if opt.ref else None
                if act is None:
                    problems.append(f"{label}: field 'options.{opt.id}.ref': "
                                    f"'{opt.ref}' is not an activity in framework.yaml")
                    continue
                allowed = getattr(act, attr)
                if q.key.get(opt.id) not in allowed:
                    problems.append(
                        f"{label}: field 'key.{opt.id}': puts it in '{q.key.get(opt.id)}' but "
                        f"the knowledge base has activity '{act.id}' in {', '.join(allowed) or '-'}"
                    )
        spec = spec_of(q)
        for i, sample in enumerate(q.samples):
            got = score(spec, sample.response)
            if abs(got.score - sample.score) > 1e-9 or (sample.kind == "invalid") == got.valid:
                problems.append(
                    f"{label}: field 'samples.{i}': {sample.kind} sample scores {got.score:g}"
                    f" ({'valid' if got.valid else 'invalid: ' + got.message}), "
                    f"expected {sample.score:g}"
                )
    return problems


def _pointer_errors(pointers: list[str], resolver: PointerResolver) -> list[str]:
    errors = []
    for p in pointers:
        try:
            resolver.resolve(p)
        except PointerError as e:
            errors.append(str(e))
    return errors


def load_content(root: Path | str | None = None) -> Content:
    """Load and validate the content in ``root`` (default: the packaged content).

    Raises ContentError listing every problem, each naming the file, item id and field.
    """
    root = Path(root) if root is not None else PACKAGED
    if not root.is_dir():
        raise ContentError([f"{root}: content directory not found"])
    problems: list[str] = []
    loaded: dict[str, Any] = {}
    for name, model in KB_FILES.items():
        try:
            loaded[name] = parse(name, read_yaml(root / name, name), model)
        except ContentError as err:
            problems.extend(err.problems)
    acts = catalogue(loaded.get("framework.yaml"), loaded.get("activities_police.yaml"))
    items, files = load_questions(root / "questions", acts, problems)
    if problems:
        raise ContentError(problems)
    content = Content(root=root, **{k.removesuffix(".yaml"): v for k, v in loaded.items()},
                      questions=items, question_files=files)
    problems += check_kb(content)
    problems += check_questions(items, files, content.activities, content.resolver)
    if problems:
        raise ContentError(problems)
    return content


def check_kb(content: Content) -> list[str]:
    """Cross-record checks of the knowledge base: unique ids, pointers, references."""
    problems = []
    resolver = content.resolver
    seen: dict[str, str] = {}
    for label, rec in content.records():
        if label.startswith("questions/"):
            continue
        key = f"{type(rec).__name__}:{rec.id}"
        if key in seen:
            problems.append(f"{label}: item '{rec.id}': duplicate id (also in {seen[key]})")
        seen[key] = label
        problems += [f"{label}: item '{rec.id}': field 'source': {e}"
                     for e in _pointer_errors(rec.source, resolver)]
    terms = content.terms
    for t in content.glossary.terms:
        problems += [f"glossary.yaml: item '{t.id}': field 'related': no term '{r}'"
                     for r in t.related if r not in terms]
    problems += [f"police.yaml: field 'related_terms': no term '{r}' in glossary.yaml"
                 for r in content.police.related_terms if r not in terms]
    p15 = {p.id for p in content.principles.principles_2015}
    p23 = {p.id for p in content.principles.principles_2023}
    for lst, other in ((content.principles.principles_2015, p23),
                       (content.principles.principles_2023, p15)):
        problems += [f"principles.yaml: item '{p.id}': field 'same_as': no principle '{s}'"
                     for p in lst for s in p.same_as if s not in other]
    return problems


@cache
def packaged() -> Content:
    """The packaged content, loaded once per process."""
    return load_content(PACKAGED)


def load_kb_file(name: str, root: Path | str | None = None) -> Any:
    """Parse one knowledge-base file (e.g. 'framework.yaml') without cross-file checks."""
    root = Path(root) if root is not None else PACKAGED
    return parse(name, read_yaml(root / name, name), KB_FILES[name])
