"""Guiding principles (2015 and 2023) and where the source documents differ."""

from __future__ import annotations

from pydantic import Field

from .base import Id, Sourced, StrictModel, Text


class Principle(Sourced):
    """A guiding principle from one of the policy lists."""

    number: int = Field(ge=1, description="Position in its list.")
    name: Text = Field(description="Short name of the principle.")
    summary: Text = Field(description="What it means, in our words.")
    same_as: list[Id] = Field(
        default_factory=list, description="Ids of the matching principle(s) in the other list."
    )
    change: Text | None = Field(default=None, description="What changed between 2015 and 2023.")


class Difference(Sourced):
    """A point where the source documents differ; taught as such."""

    topic: Text = Field(description="What the difference is about.")
    text: Text = Field(description="What each document says.")


class PrinciplesFile(StrictModel):
    """principles.yaml."""

    schema_version: int = Field(description="Content schema version.")
    principles_2015: list[Principle] = Field(min_length=13, description="The 2015 list (13).")
    principles_2023: list[Principle] = Field(min_length=9, description="The 2023 list (9).")
    differences: list[Difference] = Field(
        min_length=1, description="Where the source documents differ."
    )
