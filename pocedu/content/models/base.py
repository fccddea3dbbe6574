"""Building blocks shared by every content model: strict base, per-language text, ids, pointers."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator

SCHEMA_VERSION = 1
LANGUAGES = ("en", "fr")

Id = Annotated[
    str,
    Field(
        pattern=r"^[a-z0-9][a-z0-9_.-]*$",
        description="Stable identifier: lower-case letters, digits, '-', '_' or '.'.",
    ),
]


class StrictModel(BaseModel):
    """Base for all content: unknown fields are errors, values are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Text(StrictModel):
    """A text in several languages. English is required; French is accepted now."""

    en: str = Field(min_length=1, description="English text (required).")
    fr: str | None = Field(default=None, min_length=1, description="French text (optional).")

    def get(self, lang: str = "en") -> str:
        """The text in ``lang``, falling back to English."""
        return getattr(self, lang, None) or self.en

    def __str__(self) -> str:
        return self.en


_POINTER_SPLIT = re.compile(r"\s*;\s*")


class Pointer(StrictModel):
    """A place in a source document, e.g. ``POC Policy 2015 para 47``."""

    document: str = Field(description="Id of the document in documents.yaml, e.g. 'poc2015'.")
    locator: str = Field(description="Place in the document, e.g. 'para 47', 'fn 42', 'Sec. F'.")
    text: str = Field(description="The pointer as written in the content file.")

    def __str__(self) -> str:
        return self.text


def split_pointers(value: object) -> list[str]:
    """Accept a string ('A; B') or a list of strings and return the list of pointer strings."""
    if isinstance(value, str):
        return [p for p in _POINTER_SPLIT.split(value.strip()) if p]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return [v.strip() for v in value if v.strip()]
    raise ValueError("source must be a pointer string or a list of pointer strings")


class Sourced(StrictModel):
    """A record with a stable id and at least one source pointer."""

    id: Id
    source: list[str] = Field(
        min_length=1,
        description="Source pointers ('POC Policy 2015 para 47'); each must resolve "
        "to a known document and place. '[external] ...' marks a fact from outside the sources.",
    )

    @field_validator("source", mode="before")
    @classmethod
    def _split_source(cls, value: object) -> list[str]:
        return split_pointers(value)


class Fact(Sourced):
    """A key fact stated in our words, e.g. 'the tiers have no hierarchy'."""

    title: Text = Field(description="Short heading of the fact.")
    text: Text = Field(description="The fact, in our words.")
