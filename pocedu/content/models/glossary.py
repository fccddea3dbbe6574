"""Glossary: defined terms and acronyms."""

from __future__ import annotations

from pydantic import Field

from .base import Id, Sourced, StrictModel, Text


class Term(Sourced):
    """A defined term, e.g. 'civilian' or 'imminent threat'."""

    term: Text = Field(description="The term as written.")
    acronym: str | None = Field(default=None, description="Acronym, if any (e.g. 'CRSV').")
    definition: Text = Field(description="The definition, in our words or a one-sentence quote.")
    quote: bool = Field(
        default=False, description="True if the definition is a verbatim one-sentence quotation."
    )
    elements: list[Text] = Field(
        default_factory=list, description="Elements or conditions of the term (e.g. the four "
        "markers of imminence)."
    )
    notes: list[Text] = Field(default_factory=list, description="Rules, caveats, differences.")
    related: list[Id] = Field(default_factory=list, description="Ids of related terms.")


class Acronym(Sourced):
    """An acronym used in the modules."""

    acronym: str = Field(description="The acronym, e.g. 'JMAC'.")
    expansion: Text = Field(description="What it stands for.")


class GlossaryFile(StrictModel):
    """glossary.yaml."""

    schema_version: int = Field(description="Content schema version.")
    terms: list[Term] = Field(min_length=1, description="Defined terms.")
    acronyms: list[Acronym] = Field(min_length=1, description="Acronyms.")
