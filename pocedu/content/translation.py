"""Translating content through PO catalogs: extract every text field to a PO file, import back.

The YAML stays the one source of truth (``{en: ..., fr: ...}`` maps); PO files are what a
translator works on (with Poedit, Weblate or an editor), made with Babel:

- ``extract_po(yaml_path, lang)`` -> a ``Catalog``: one message per text field, the English
  text as ``msgid``, the existing translation as ``msgstr``, and ``msgctxt`` naming the record
  and field (``r2p|definition``), so that two equal English texts can be translated apart.
- ``import_po(yaml_path, catalog, lang)`` writes each translated message back into the YAML
  next to its English text, keeping the file's comments, order and layout (ruamel.yaml round
  trip). A message whose English text has changed since extraction is skipped and reported.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog

from .models.base import LANGUAGES


def _yaml() -> Any:
    from ruamel.yaml import YAML

    y = YAML()
    y.preserve_quotes = True
    y.width = 4096
    y.indent(mapping=2, sequence=4, offset=2)
    return y


def _is_text(node: Any) -> bool:
    return (isinstance(node, dict) and isinstance(node.get("en"), str)
            and set(node) <= set(LANGUAGES))


def text_nodes(node: Any, record: str = "", path: str = "") -> Iterator[tuple[str, dict]]:
    """``(context, text map)`` for every ``{en: ...}`` map under ``node`` (a loaded YAML tree)."""
    if _is_text(node):
        yield f"{record}|{path}", node
    elif isinstance(node, dict):
        if isinstance(node.get("id"), str) and not record:
            record, path = node["id"], ""
        for key, value in node.items():
            yield from text_nodes(value, record, f"{path}.{key}" if path else str(key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            sub = value.get("id") if isinstance(value, dict) else None
            yield from text_nodes(value, record, f"{path}.{sub if isinstance(sub, str) else i}")


def extract_po(path: Path, lang: str) -> Catalog:
    """A PO catalog of every text field of the YAML file ``path``, for ``lang``."""
    tree = _yaml().load(path.read_text(encoding="utf-8"))
    catalog = Catalog(locale=lang, domain=path.stem, project="pocedu content",
                      fuzzy=False)
    for context, text in text_nodes(tree):
        catalog.add(str(text["en"]), string=str(text.get(lang) or ""),
                    locations=[(path.name, 0)], context=context)
    return catalog


@dataclass
class ImportReport:
    """What an import did."""

    written: int = 0
    """Translations written (new or changed)."""
    unchanged: int = 0
    """Translations already in the file."""
    stale: list[str] = field(default_factory=list)
    """Contexts whose English text changed since extraction (not written)."""
    unknown: list[str] = field(default_factory=list)
    """Contexts no longer in the file."""


def import_po(path: Path, catalog: Catalog, lang: str) -> ImportReport:
    """Write the translated messages of ``catalog`` into the YAML file ``path``."""
    y = _yaml()
    tree = y.load(path.read_text(encoding="utf-8"))
    nodes = dict(text_nodes(tree))
    report = ImportReport()
    for message in catalog:
        if not message.id or not message.string or message.fuzzy:
            continue
        context = str(message.context)
        node = nodes.get(context)
        if node is None:
            report.unknown.append(context)
        elif str(node["en"]) != message.id:
            report.stale.append(context)
        elif node.get(lang) == message.string:
            report.unchanged += 1
        else:
            from ruamel.yaml.scalarstring import DoubleQuotedScalarString

            value = DoubleQuotedScalarString(message.string)
            if lang in node:
                node[lang] = value
            else:
                node.insert(list(node).index("en") + 1, lang, value)
            report.written += 1
    if report.written:
        out = io.StringIO()
        y.dump(tree, out)
        path.write_text(out.getvalue(), encoding="utf-8")
    return report


def write_catalog(catalog: Catalog, out: Path, *, include_previous: bool = False) -> None:
    """Write ``catalog`` as a PO file (``include_previous``: keep the old English of fuzzy
    messages, for the translator to compare)."""
    from babel.messages.pofile import write_po

    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("wb") as fh:
        write_po(fh, catalog, width=0, include_lineno=False, include_previous=include_previous)


def read_catalog(path: Path, lang: str) -> Catalog:
    """Read a PO file."""
    from babel.messages.pofile import read_po

    with path.open("rb") as fh:
        return read_po(fh, locale=lang)
