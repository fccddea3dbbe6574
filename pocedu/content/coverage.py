"""Language coverage: which text fields of the content have a text in each language.

Every text field is a ``Text`` (``{en: ..., fr: ...}``). ``texts(model, label)`` walks any
validated model and yields each ``Text`` with the file, the outermost record id and the field
path, so that a missing French text is named as ``glossary.yaml: item 'r2p': field
'definition'``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from .models.base import LANGUAGES, Text


@dataclass(frozen=True)
class TextField:
    """One text field of the content."""

    file: str
    """File label, e.g. 'questions/01_definitions.yaml'."""
    record: str
    """Id of the outermost record holding the field ('' at file level)."""
    field: str
    """Dotted path of the field within the record, e.g. 'options.b.feedback'."""
    text: Text

    def missing(self, lang: str) -> bool:
        """Whether the field has no (or an empty) text in ``lang``."""
        value = getattr(self.text, lang, None)
        return not (isinstance(value, str) and value.strip())

    def __str__(self) -> str:
        where = f"item '{self.record}': " if self.record else ""
        return f"{self.file}: {where}field '{self.field}'"


def texts(node: object, file: str, record: str = "", path: str = "") -> Iterator[TextField]:
    """Every ``Text`` inside ``node`` (a model, list or dict), with where it is."""
    if isinstance(node, Text):
        yield TextField(file, record, path, node)
    elif isinstance(node, BaseModel):
        rid = getattr(node, "id", None)
        if isinstance(rid, str) and not record:  # the outermost record names the field
            record, path = rid, ""
        for name in type(node).model_fields:
            sub = f"{path}.{name}" if path else name
            yield from texts(getattr(node, name), file, record, sub)
    elif isinstance(node, list | tuple):
        for i, item in enumerate(node):
            key = getattr(item, "id", None)
            yield from texts(item, file, record, f"{path}.{key if isinstance(key, str) else i}")
    elif isinstance(node, dict):
        for key, item in node.items():
            yield from texts(item, file, record, f"{path}.{key}")


def coverage(fields: Iterable[TextField]) -> dict[str, tuple[int, int]]:
    """``{lang: (fields with a text, all fields)}`` for every language."""
    items = list(fields)
    return {lang: (sum(not f.missing(lang) for f in items), len(items)) for lang in LANGUAGES}


def missing(fields: Iterable[TextField], lang: str) -> list[str]:
    """One problem line per field with no text in ``lang``."""
    return [f"{f}: no '{lang}' text" for f in fields if f.missing(lang)]
