"""Parse and resolve source pointers.

Example: ``POC Policy 2015 para 31(ii), box 'Forced displacement'``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .models.documents import Document

EXTERNAL = "[external]"
_NUM = r"\d+(?:\s*\((?:[ivx]+|[a-z])\))*"
_NUMLIST = rf"{_NUM}(?:\s*[-–]\s*{_NUM})?(?:\s*(?:,|and)\s*{_NUM}(?:\s*[-–]\s*{_NUM})?)*"
_PARA = re.compile(rf"paras?\s+({_NUMLIST})(?=$|[\s,;])")
_FN = re.compile(rf"fns?\s+({_NUMLIST})(?=$|[\s,;])")
_SEP = re.compile(r"\s*(?:,|and)\s*")


class PointerError(ValueError):
    """A pointer that does not resolve to a known document and place."""


@dataclass(frozen=True)
class Resolved:
    """A resolved pointer: the document and the places named in it."""

    document: Document
    paragraphs: tuple[int, ...]
    footnotes: tuple[int, ...]
    places: tuple[str, ...]

    def __str__(self) -> str:
        parts = []
        if self.paragraphs:
            parts.append("para " + ", ".join(map(str, self.paragraphs)))
        if self.footnotes:
            parts.append("fn " + ", ".join(map(str, self.footnotes)))
        parts.extend(self.places)
        return f"{self.document.pointer_name} {', '.join(parts)}".strip()


def _numbers(text: str) -> list[int]:
    out: list[int] = []
    for part in re.split(r"\s*(?:,|and)\s*", text):
        ends = [int(re.match(r"\d+", p).group()) for p in re.split(r"\s*[-–]\s*", part)]
        out.extend(range(ends[0], ends[-1] + 1) if len(ends) == 2 else ends)
    return out


class PointerResolver:
    """Resolves pointer strings against the documents of a content directory."""

    def __init__(self, documents: Iterable[Document]) -> None:
        docs = list(documents)
        # longest names first so 'POC Policy 2015' wins over a shorter prefix
        self._by_name = sorted(
            ((d.pointer_name, d) for d in docs), key=lambda kv: -len(kv[0])
        )
        self.documents = {d.id: d for d in docs}

    def resolve(self, pointer: str) -> Resolved | None:
        """Resolve ``pointer``; ``None`` for an '[external]' pointer. Raises PointerError."""
        text = pointer.strip()
        if text.startswith(EXTERNAL):
            if len(text) <= len(EXTERNAL) + 3:
                raise PointerError(
                    f"'{pointer}': an [external] pointer must name its public source"
                )
            return None
        for name, doc in self._by_name:
            if text == name or text.startswith(name + " "):
                return self._resolve_in(doc, text[len(name):].strip(), pointer)
        known = ", ".join(sorted(n for n, _ in self._by_name))
        raise PointerError(f"'{pointer}': unknown document (known: {known})")

    def _resolve_in(self, doc: Document, rest: str, pointer: str) -> Resolved:
        if not rest:
            if doc.whole_document:
                return Resolved(doc, (), (), ())
            raise PointerError(f"'{pointer}': name a place in {doc.pointer_name}")
        paras: list[int] = []
        fns: list[int] = []
        places: list[str] = []
        while rest:
            if m := _PARA.match(rest):
                paras.extend(_numbers(m.group(1)))
            elif m := _FN.match(rest):
                fns.extend(_numbers(m.group(1)))
            else:
                place = next((p for p in sorted(doc.places, key=len, reverse=True)
                              if rest == p or re.match(re.escape(p) + r"(?=$|[\s,;])", rest)), None)
                if place is None:
                    raise PointerError(
                        f"'{pointer}': '{rest}' is not a paragraph, footnote or known place "
                        f"of {doc.pointer_name}"
                    )
                places.append(place)
                rest = rest[len(place):]
                rest = _SEP.sub("", rest, count=1) if _SEP.match(rest) else rest.strip()
                continue
            rest = rest[m.end():]
            rest = _SEP.sub("", rest, count=1) if _SEP.match(rest) else rest.strip()
        for p in paras:
            if not 1 <= p <= doc.paragraphs:
                raise PointerError(
                    f"'{pointer}': {doc.pointer_name} has no para {p} (paras 1-{doc.paragraphs})"
                )
        for f in fns:
            if not 1 <= f <= doc.footnotes:
                raise PointerError(
                    f"'{pointer}': {doc.pointer_name} has no fn {f} (fns 1-{doc.footnotes})"
                )
        return Resolved(doc, tuple(paras), tuple(fns), tuple(places))
