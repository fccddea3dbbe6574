"""The references of a module: every document and place its practice items and activities cite."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .text import h, pick

EXTERNAL_TITLE = "Other public sources"


@dataclass
class DocumentRefs:
    """The places cited in one document."""

    document: str
    """Document id from documents.yaml ('external' for [external] pointers)."""
    title: str
    pointer_name: str
    places: list[str] = field(default_factory=list)
    """Cited places in order of first citation, e.g. 'para 47', "box 'Forced displacement'"."""


@dataclass
class References:
    """References of a module, grouped by document."""

    module: str | None
    documents: list[DocumentRefs] = field(default_factory=list)
    unresolved: list[str] = field(default_factory=list)
    """Pointers that did not resolve (should not happen: content is checked on load)."""

    def _repr_html_(self) -> str:
        parts = ['<div class="pocedu-refs">']
        for d in self.documents:
            places = "; ".join(h(p) for p in d.places)
            parts.append(f"<p><b>{h(d.title)}</b> <i>({h(d.pointer_name)})</i><br>"
                         f"{places}</p>")
        if self.unresolved:
            parts.append("<p><b>Unresolved:</b> " + "; ".join(map(h, self.unresolved)) + "</p>")
        return "".join(parts) + "</div>"

    def __str__(self) -> str:
        return "\n".join(f"{d.title} ({d.pointer_name}): {'; '.join(d.places)}"
                         for d in self.documents)


def module_pointers(content: Any, module: str) -> list[str]:
    """Source pointers of the module's practice items and of the activities they refer to."""
    out: list[str] = []
    activities = getattr(content, "activities", {}) or {}
    for q in content.module_questions(module):
        out += list(q.source)
        for opt in q.options:
            act = activities.get(opt.ref) if opt.ref else None
            if act is not None:
                out += list(act.source)
    return list(dict.fromkeys(out))


def references(content: Any, module: str | None, *, lang: str = "en") -> References:
    """Group the pointers cited in ``module`` by document, with titles from documents.yaml."""
    from ..content.pointers import EXTERNAL, PointerError

    refs = References(module=module)
    if module is None:
        return refs
    resolver = content.resolver
    groups: dict[str, DocumentRefs] = {}
    for pointer in module_pointers(content, module):
        try:
            resolved = resolver.resolve(pointer)
        except PointerError:
            refs.unresolved.append(pointer)
            continue
        if resolved is None:
            group = groups.setdefault("external", DocumentRefs(
                "external", EXTERNAL_TITLE, EXTERNAL))
            place = pointer.strip()[len(EXTERNAL):].strip()
        else:
            doc = resolved.document
            group = groups.setdefault(doc.id, DocumentRefs(doc.id, pick(doc.title, lang),
                                                           doc.pointer_name))
            place = pointer.strip()[len(doc.pointer_name):].strip() or "(whole document)"
        if place not in group.places:
            group.places.append(place)
    order = list(resolver.documents) + ["external"]
    refs.documents = sorted(groups.values(), key=lambda g: order.index(g.document))
    return refs
