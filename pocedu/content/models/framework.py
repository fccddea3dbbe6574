"""The operational concept: three tiers, four phases and the activity catalogue."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import Fact, Sourced, StrictModel, Text

TierId = Literal["tier-1", "tier-2", "tier-3"]
PhaseId = Literal["prevention", "pre-emption", "response", "consolidation"]
ActorId = Literal["ipo", "fpu", "specialised-team", "other-formed-unit", "military", "civilian"]
TIER_IDS: tuple[str, ...] = ("tier-1", "tier-2", "tier-3")
PHASE_IDS: tuple[str, ...] = ("prevention", "pre-emption", "response", "consolidation")
ACTOR_IDS: tuple[str, ...] = (
    "ipo", "fpu", "specialised-team", "other-formed-unit", "military", "civilian"
)


class Tier(Sourced):
    """One of the three tiers of POC action."""

    id: TierId  # type: ignore[assignment]
    number: int = Field(ge=1, le=3, description="1, 2 or 3.")
    name: Text = Field(description="Name, e.g. 'Protection through dialogue and engagement'.")
    summary: Text = Field(description="What the tier covers, in our words.")


class Phase(Sourced):
    """One of the four operational phases."""

    id: PhaseId  # type: ignore[assignment]
    number: int = Field(ge=1, le=4, description="1 to 4 (not a sequence).")
    name: Text = Field(description="Name of the phase.")
    trigger: Text = Field(description="When the phase applies (2015 Policy wording).")
    police_trigger: Text | None = Field(
        default=None, description="When it applies in the 2017 Police Guidelines, if different."
    )
    aim: Text = Field(description="What the mission aims to do in this phase.")


class Actor(Sourced):
    """A mission actor that carries out activities."""

    id: ActorId  # type: ignore[assignment]
    name: Text = Field(description="Name, e.g. 'Formed police unit (FPU)'.")


class Activity(Sourced):
    """An example activity from the 2015 Policy (E.2, E.3) or the 2017 Police Guidelines."""

    text: Text = Field(description="The activity, in our words.")
    tiers: list[TierId] = Field(default_factory=list, description="Tier(s) it belongs to.")
    phases: list[PhaseId] = Field(default_factory=list, description="Phase(s) it belongs to.")
    actors: list[ActorId] = Field(min_length=1, description="Who carries it out.")
    origin: Literal["poc2015", "police2017"] = Field(description="Which document lists it.")


class FrameworkFile(StrictModel):
    """framework.yaml."""

    schema_version: int = Field(description="Content schema version.")
    tiers: list[Tier] = Field(min_length=3, max_length=3, description="The three tiers.")
    phases: list[Phase] = Field(min_length=4, max_length=4, description="The four phases.")
    actors: list[Actor] = Field(min_length=6, description="Actors activities are tagged with.")
    facts: list[Fact] = Field(
        default_factory=list, description="Key facts, e.g. that tiers have no hierarchy."
    )
    activities: list[Activity] = Field(min_length=1, description="The activity catalogue.")


class ActivitiesFile(StrictModel):
    """activities_police.yaml: activities listed by the 2017 Police Guidelines (D.6, D.7)."""

    schema_version: int = Field(description="Content schema version.")
    activities: list[Activity] = Field(min_length=1, description="Police activities.")
