"""Lesson notebooks in other languages, built from the English notebook and a PO catalog.

The English notebook is the one source of a module's structure: its cells, their order, ids,
metadata and code. A translation lives beside it as ``<module>.<lang>.po``: one message per
paragraph of each markdown cell (``msgctxt`` = ``<cell id>#<paragraph>``). The French notebook
``<module>.fr.ipynb`` is *generated*: markdown paragraphs translated, code cells copied (the
set-up call gets ``lang="fr"``). So the two versions have the same sections in the same order,
the same questions and the same figures by construction; ``check_module`` says when the
committed translation is stale (an English paragraph changed) or incomplete.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog

from .content.translation import read_catalog
from .content.translation import write_catalog as _write
from .errors import PoceduError

_START = re.compile(r"lesson\.start\((?P<args>[^)]*)\)")
_BLANK = re.compile(r"\n[ \t]*\n")


class TranslationError(PoceduError):
    """A translated notebook cannot be built (missing or stale paragraphs)."""


def paragraphs(markdown: str) -> list[str]:
    """Split a markdown cell into blocks separated by blank lines (HTML blocks kept whole)."""
    blocks, current, in_html = [], [], 0
    for line in markdown.split("\n"):
        opened = len(re.findall(r"<div\b", line)) - len(re.findall(r"</div>", line))
        if not line.strip() and not in_html and current:
            blocks.append("\n".join(current))
            current = []
            continue
        if line.strip() or current:
            current.append(line)
        in_html = max(0, in_html + opened)
    if current:
        blocks.append("\n".join(current))
    return blocks


def _source(cell: Any) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else str(src)


def messages(nb: dict) -> Iterator[tuple[str, str]]:
    """``(context, English paragraph)`` for every paragraph of every markdown cell."""
    for n, cell in enumerate(nb.get("cells", [])):
        if cell.get("cell_type") != "markdown":
            continue
        cid = cell.get("id") or f"cell{n}"
        for i, para in enumerate(paragraphs(_source(cell))):
            yield f"{cid}#{i}", para


def po_path(notebook: Path, lang: str) -> Path:
    """Where a notebook's translation lives: ``01_definitions.fr.po`` beside it."""
    return notebook.with_name(f"{notebook.stem}.{lang}.po")


def translated_path(notebook: Path, lang: str) -> Path:
    """The generated notebook: ``01_definitions.fr.ipynb`` beside the English one."""
    return notebook.with_name(f"{notebook.stem}.{lang}.ipynb")


def update_catalog(notebook: Path, lang: str) -> Catalog:
    """The notebook's catalog: existing translations kept, new paragraphs added, old dropped.

    A paragraph whose English changed keeps its old translation marked fuzzy (to review).
    """
    import json

    nb = json.loads(notebook.read_text(encoding="utf-8"))
    old = read_catalog(po_path(notebook, lang), lang) if po_path(notebook, lang).exists() \
        else Catalog(locale=lang)
    by_context = {str(m.context): m for m in old if m.id}
    new = Catalog(locale=lang, domain=notebook.stem, project="pocedu lesson notebooks",
                  fuzzy=False)
    for context, para in messages(nb):
        prev = by_context.get(context)
        string = prev.string if prev else ""
        flags = ["fuzzy"] if prev and prev.id != para and string else []
        new.add(para, string=string, context=context, flags=flags,
                previous_id=[prev.id] if flags and prev else [])
    return new


def write_catalog(catalog: Catalog, path: Path) -> None:
    """Write a notebook's catalog, keeping the old English of paragraphs to review."""
    _write(catalog, path, include_previous=True)


@dataclass
class Check:
    """What stands between a catalog and a complete translated notebook."""

    missing: list[str] = field(default_factory=list)
    """Contexts with no translation."""
    stale: list[str] = field(default_factory=list)
    """Contexts whose English paragraph changed since it was translated (fuzzy or different)."""

    @property
    def ok(self) -> bool:
        return not (self.missing or self.stale)


def _set_lang(code: str, lang: str) -> str:
    def repl(m: re.Match[str]) -> str:
        args = m.group("args")
        if "lang=" in args:
            args = re.sub(r"lang\s*=\s*['\"][a-z]+['\"]", f'lang="{lang}"', args)
        else:
            args = f'{args}, lang="{lang}"' if args.strip() else f'lang="{lang}"'
        return f"lesson.start({args})"

    return _START.sub(repl, code)


def build(nb: dict, catalog: Catalog, lang: str) -> tuple[dict, Check]:
    """The notebook in ``lang`` and what was missing or stale (left in English)."""
    table = {str(m.context): m for m in catalog if m.id}
    out = copy.deepcopy(nb)
    check = Check()
    for n, cell in enumerate(out.get("cells", [])):
        text = _source(cell)
        if cell.get("cell_type") == "code":
            new = _set_lang(text, lang)
        elif cell.get("cell_type") == "markdown":
            cid = cell.get("id") or f"cell{n}"
            parts = []
            for i, para in enumerate(paragraphs(text)):
                m = table.get(f"{cid}#{i}")
                if m is None or not m.string:
                    check.missing.append(f"{cid}#{i}")
                    parts.append(para)
                elif m.id != para or m.fuzzy:
                    check.stale.append(f"{cid}#{i}")
                    parts.append(para)
                else:
                    parts.append(str(m.string))
            new = "\n\n".join(parts)
        else:
            continue
        cell["source"] = new.splitlines(keepends=True)
    out.setdefault("metadata", {})["language"] = lang
    return out, check


def build_module(notebook: Path, lang: str) -> tuple[str, Check]:
    """The JSON text of the translated notebook of ``notebook``, and its check."""
    import json

    import nbformat

    nb = json.loads(notebook.read_text(encoding="utf-8"))
    path = po_path(notebook, lang)
    if not path.exists():
        raise TranslationError(f"{path}: no translation catalog (run "
                               f"`pocedu translations notebook {notebook} --lang {lang}`)")
    out, check = build(nb, read_catalog(path, lang), lang)
    return nbformat.writes(nbformat.from_dict(out)) + "\n", check


def check_module(notebook: Path, lang: str) -> list[str]:
    """Problems of a module's translation: incomplete, stale, or generated file out of date."""
    text, check = build_module(notebook, lang)
    problems = [f"{po_path(notebook, lang).name}: {c}: no translation" for c in check.missing]
    problems += [f"{po_path(notebook, lang).name}: {c}: the English changed; review the "
                 "translation" for c in check.stale]
    target = translated_path(notebook, lang)
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        problems.append(f"{target.name}: out of date with {notebook.name} and "
                        f"{po_path(notebook, lang).name} (run `pocedu translations notebook "
                        f"{notebook} --lang {lang} --build`)")
    return problems
