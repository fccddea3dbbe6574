"""UN police: roles, what underpins their contribution, handover, coordination, accountability."""

from __future__ import annotations

from pydantic import Field

from .base import Fact, Id, Sourced, StrictModel, Text
from .framework import ActorId


class Role(Sourced):
    """A UN police capacity (IPO, FPU, specialised team, other formed units)."""

    actor: ActorId = Field(description="Actor id used in the activity catalogue.")
    name: Text = Field(description="Name of the capacity.")
    armed: Text = Field(description="Whether and how it is armed.")
    text: Text = Field(description="Its POC role, in our words.")
    tasks: list[Text] = Field(default_factory=list, description="Typical POC tasks.")


class Handover(Sourced):
    """A rule for who leads as a situation escalates or de-escalates."""

    order: int = Field(ge=1, description="Rung on the escalation ladder.")
    from_actor: ActorId | None = Field(description="Who hands over (None for the first rung).")
    to_actor: ActorId = Field(description="Who leads after the trigger.")
    trigger: Text = Field(description="What triggers the handover.")
    text: Text = Field(description="The rule, in our words.")


class Partner(Sourced):
    """A coordination partner and what goes to it."""

    name: Text = Field(description="Name, e.g. 'Joint Operations Centre (JOC)'.")
    acronym: str | None = Field(default=None, description="Acronym, if any.")
    text: Text = Field(description="Its role for POC.")
    routes: list[Text] = Field(
        default_factory=list, description="Information or requests that go to it."
    )


class PoliceFile(StrictModel):
    """police.yaml."""

    schema_version: int = Field(description="Content schema version.")
    roles: list[Role] = Field(min_length=4, description="UN police capacities.")
    underpinnings: list[Fact] = Field(
        min_length=8, description="What underpins the police contribution (paras 9-21)."
    )
    handover: list[Handover] = Field(min_length=2, description="Escalation and handover ladder.")
    command: list[Fact] = Field(min_length=1, description="Primacy and command rules.")
    partners: list[Partner] = Field(min_length=5, description="Coordination partners.")
    accountability: list[Fact] = Field(min_length=1, description="Monitoring and accountability.")
    facts: list[Fact] = Field(default_factory=list, description="Other key facts.")
    related_terms: list[Id] = Field(default_factory=list, description="Glossary ids used here.")
