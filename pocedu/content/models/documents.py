"""The source documents that every pointer resolves to."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import Id, Sourced, StrictModel, Text

Standing = Literal["current", "earlier-version", "course-description"]
"""current: the guidance in force as far as the sources show; earlier-version: guidance that a
newer document carries forward in part; course-description: not guidance at all."""


class DocumentStatus(Sourced):
    """Where a document stands today, as far as the source documents themselves show."""

    standing: Standing = Field(
        description="'current', 'earlier-version' (a newer document carries it forward in part) "
        "or 'course-description' (describes a course; not guidance)."
    )
    current_for: Text = Field(
        description="What a course should use this document for today, in one or two sentences."
    )
    notes: list[Text] = Field(
        default_factory=list,
        description="What it supersedes, what a newer document carries forward or replaces, and "
        "superseded documents it still names; each note ends with its pointer in brackets.",
    )


class Document(StrictModel):
    """A source document and the places in it that a pointer may name."""

    id: Id
    pointer_name: str = Field(description="Name used in pointers, e.g. 'POC Policy 2015'.")
    title: Text = Field(description="Full title of the document.")
    year: int | None = Field(ge=1945, le=2100, description="Year of issue, if the text gives one.")
    reference: str | None = Field(default=None, description="Official reference, e.g. '2015.07'.")
    issuer: str = Field(description="Who issued the document, e.g. 'DPKO/DFS'.")
    file: str = Field(description="File name of the text in shared/sources/.")
    summary: Text = Field(description="One or two sentences on what the document is.")
    paragraphs: int = Field(ge=0, description="Highest numbered paragraph (0 if none).")
    footnotes: int = Field(ge=0, description="Highest footnote number (0 if none).")
    places: list[str] = Field(
        default_factory=list,
        description="Named places a pointer may cite: sections, boxes, annex parts.",
    )
    whole_document: bool = Field(
        default=False, description="Whether a pointer may cite the document with no place."
    )
    status: DocumentStatus = Field(
        description="Where the document stands today: current or not, for what, and which "
        "older documents it supersedes (as far as the sources show)."
    )


class DocumentsFile(StrictModel):
    """documents.yaml."""

    schema_version: int = Field(description="Content schema version.")
    documents: list[Document] = Field(min_length=1, description="All source documents.")
