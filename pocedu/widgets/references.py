"""The references of a module: every document and place its practice items and activities cite."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .text import h, pick

EXTERNAL_TITLE = "Other public sources"


@dataclass
class DocumentRefs:
    """What one document is cited for."""

    document: str
    """Document id from documents.yaml ('external' for [external] pointers)."""
    title: str
    pointer_name: str
    paragraphs: list[int] = field(default_factory=list)
    footnotes: list[int] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    """Named places (boxes, sections, annex parts) or external sources, in citation order."""
    pointers: list[str] = field(default_factory=list)
    """The pointers as written in the items, e.g. 'POC Policy 2015 para 31(ii)'."""

    @property
    def cited(self) -> str:
        """A compact list: 'paras 30-33, 47; fns 36, 42; box 'Harm mitigation''."""
        parts = []
        if self.paragraphs:
            word = "para" if len(self.paragraphs) == 1 else "paras"
            parts.append(f"{word} {ranges(self.paragraphs)}")
        if self.footnotes:
            word = "fn" if len(self.footnotes) == 1 else "fns"
            parts.append(f"{word} {ranges(self.footnotes)}")
        places = self.places if self.document == "external" else sorted(self.places)
        return "; ".join(parts + places) or "whole document"


def ranges(numbers: list[int]) -> str:
    """'30-33, 47' for [30, 31, 32, 33, 47]."""
    out: list[str] = []
    nums = sorted(set(numbers))
    start = prev = nums[0]
    for n in [*nums[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        out.append(str(start) if start == prev else f"{start}\u2013{prev}")
        if n is not None:
            start = prev = n
    return ", ".join(out)


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
            parts.append(f"<p><b>{h(d.title)}</b> <i>({h(d.pointer_name)})</i><br>"
                         f"{h(d.cited)}</p>")
        if self.unresolved:
            parts.append("<p><b>Unresolved:</b> " + "; ".join(map(h, self.unresolved)) + "</p>")
        return "".join(parts) + "</div>"

    def __str__(self) -> str:
        return "\n".join(f"{d.title} ({d.pointer_name}): {d.cited}" for d in self.documents)


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
            places = [pointer.strip()[len(EXTERNAL):].strip()]
        else:
            doc = resolved.document
            group = groups.setdefault(doc.id, DocumentRefs(doc.id, pick(doc.title, lang),
                                                           doc.pointer_name))
            group.paragraphs = sorted(set(group.paragraphs) | set(resolved.paragraphs))
            group.footnotes = sorted(set(group.footnotes) | set(resolved.footnotes))
            places = list(resolved.places)
        group.places += [p for p in places if p not in group.places]
        group.pointers.append(pointer)
    order = list(resolver.documents) + ["external"]
    refs.documents = sorted(groups.values(), key=lambda g: order.index(g.document))
    return refs
