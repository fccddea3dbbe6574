"""Pointers and texts checked against the source documents in ../shared/sources (when present)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pocedu.content import packaged

SOURCES = Path(__file__).resolve().parents[2] / "shared" / "sources"
pytestmark = pytest.mark.skipif(not SOURCES.is_dir(), reason="shared/sources not beside the repo")
SHINGLE = 14  # this many identical consecutive words counts as copied text


def _text(doc_id: str) -> str:
    doc = packaged().resolver.documents[doc_id]
    return (SOURCES / doc.file).read_text(encoding="utf-8")


@pytest.mark.parametrize("doc_id", ["poc2015", "police2017"])
def test_paragraph_count_matches_the_document(doc_id):
    doc = packaged().resolver.documents[doc_id]
    starts = {int(m) for m in re.findall(r"(?m)^\s*(\d{1,2})\.\s+[A-Z“\"]", _text(doc_id))}
    assert set(range(1, doc.paragraphs + 1)) <= starts
    # numbers above the count may appear as list items, but not as the next paragraph in order
    assert doc.paragraphs + 1 not in starts or doc.paragraphs + 2 not in starts


@pytest.mark.parametrize("doc_id", ["poc2015", "police2017"])
def test_named_boxes_exist_in_the_document(doc_id):
    text = re.sub(r"\s+", " ", _text(doc_id)).lower()
    doc = packaged().resolver.documents[doc_id]
    for place in doc.places:
        if m := re.fullmatch(r"box '(.+)'", place):
            assert m.group(1).lower() in text, place
        elif m := re.fullmatch(r"(Tier I+) box", place):
            assert f"{m.group(1).lower()}: examples of un police activities" in text, place


QUOTED = re.compile(r"[\"“‘']([^\"”’']{1,300})[\"”’']")


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def _own_words(text: str) -> list[str]:
    """Words of ``text`` outside short quotations (quoted spans are attributed, allowed)."""
    return _words(QUOTED.sub(" | ", text))


def _shingles(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def _texts(node, quoted: bool = False):
    """Every English text in the content, with whether it is a declared quotation."""
    from pydantic import BaseModel

    from pocedu.content.models import Text

    if isinstance(node, Text):
        yield node.en, quoted
    elif isinstance(node, BaseModel):
        is_quote = bool(getattr(node, "quote", False))
        for name in type(node).model_fields:
            yield from _texts(getattr(node, name), quoted or (is_quote and name == "definition"))
    elif isinstance(node, list | tuple):
        for x in node:
            yield from _texts(x, quoted)


def test_content_is_in_our_own_words():
    content = packaged()
    source_shingles: set[tuple[str, ...]] = set()
    for doc in content.resolver.documents.values():
        source_shingles |= _shingles(_words((SOURCES / doc.file).read_text(encoding="utf-8")))
    copied = []
    roots = [getattr(content, n) for n in ("glossary", "principles", "framework",
                                           "activities_police", "risk", "displacement",
                                           "police", "protection")]
    roots += list(content.questions.values())
    for root in roots:
        for text, quoted in _texts(root):
            if quoted:
                continue
            hits = _shingles(_own_words(text)) & source_shingles
            if hits:
                copied.append((" ".join(sorted(hits)[0]), text[:80]))
    assert not copied, f"{len(copied)} text(s) copy {SHINGLE}+ words verbatim: {copied[:5]}"
