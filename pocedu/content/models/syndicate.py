"""A scenario run by syndicates: role cards and the backbrief template.

File: ``pocedu/content/scenarios/roles/<scenario>.yaml`` (beside the scenario it serves, in a
sub-folder so that it is not read as a scenario). Checked by ``pocedu.teach.guides``.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import Id, Sourced, StrictModel, Text

Component = Literal["police", "military", "civilian", "humanitarian"]


class Role(Sourced):
    """A role card: who the holder plays in the syndicate and what they bring to each inject."""

    title: Text = Field(description="The role, e.g. 'FPU commander'.")
    component: Component = Field(description="Where the role sits: mission component or partner.")
    brief: Text = Field(description="Who you are and whom you speak for, in two sentences.")
    bring: list[Text] = Field(min_length=2, description="What you bring to the cell's decisions.")
    injects: list[int] = Field(
        min_length=1, description="Inject numbers where the cell must hear you first."
    )
    ask: list[Text] = Field(min_length=1, description="Questions you put to the cell.")


class BackbriefField(StrictModel):
    """One box of the backbrief template a syndicate fills after each inject."""

    id: Id
    label: Text = Field(description="What the syndicate writes in the box.")
    lines: int = Field(ge=1, le=8, description="Writing lines on the printed template.")


class SyndicateFile(StrictModel):
    """Role cards and the backbrief template for running a scenario with syndicates."""

    schema_version: int = Field(description="Content schema version.")
    scenario: Id = Field(description="Scenario file name the roles serve, e.g. 'silver_river'.")
    size: tuple[int, int] = Field(description="Smallest and largest syndicate, e.g. [5, 8].")
    note: Text = Field(description="How to hand out the roles when a syndicate is small or big.")
    roles: list[Role] = Field(min_length=3, description="The role cards.")
    backbrief: list[BackbriefField] = Field(
        min_length=3, description="The boxes of the backbrief template, in order."
    )
    backbrief_minutes: int = Field(ge=1, le=15, description="Length of a backbrief in minutes.")
