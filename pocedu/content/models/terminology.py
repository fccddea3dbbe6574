"""The English-French terminology table of the glossary: one UN term per entry."""

from __future__ import annotations

from pydantic import Field

from .base import Sourced, StrictModel, Text


class Equivalent(Sourced):
    """An English term and its official UN French equivalent (with acronyms)."""

    term: Text = Field(description="The term in English (en) and its French equivalent (fr).")
    acronym_en: str | None = Field(default=None, description="English acronym, e.g. 'FPU'.")
    acronym_fr: str | None = Field(
        default=None, description="French acronym where UN French texts use one, e.g. 'UPC'.")
    uncertain: Text | None = Field(
        default=None,
        description="Where the official French term is uncertain or varies between UN texts: "
        "what varies, and what pocedu uses.",
    )


class TerminologyFile(StrictModel):
    """terminology.yaml: the terminology table translators and authors follow."""

    schema_version: int = Field(description="Content schema version.")
    equivalents: list[Equivalent] = Field(min_length=1, description="The table, one term each.")
