"""Vulnerable groups, CRSV, child protection and the reporting mechanisms (MARA, MRM)."""

from __future__ import annotations

from pydantic import Field

from .base import Fact, Sourced, StrictModel, Text


class Item(Sourced):
    """A named item of a list, e.g. a vulnerable group or a form of CRSV."""

    name: Text = Field(description="Name of the item.")
    text: Text | None = Field(default=None, description="Explanation, in our words.")


class Mechanism(Sourced):
    """A reporting or coordination mechanism and who leads it."""

    name: Text = Field(description="Name, e.g. 'Monitoring and Reporting Mechanism'.")
    acronym: str | None = Field(default=None, description="Acronym, if any.")
    led_by: Text = Field(description="Who leads or chairs it.")
    text: Text = Field(description="What it does and how police contribute.")


class ProtectionFile(StrictModel):
    """protection.yaml."""

    schema_version: int = Field(description="Content schema version.")
    vulnerable_groups: list[Item] = Field(min_length=5, description="Vulnerable groups.")
    crsv_forms: list[Item] = Field(min_length=5, description="Named forms of CRSV.")
    grave_violations: list[Item] = Field(
        min_length=6, max_length=6, description="The six grave violations against children."
    )
    mechanisms: list[Mechanism] = Field(min_length=2, description="MARA, MRM and others.")
    survivor_centred: list[Fact] = Field(min_length=1, description="Survivor-centred response.")
    child_protection: list[Fact] = Field(min_length=1, description="Child protection facts.")
    gender: list[Fact] = Field(min_length=1, description="Gender perspective facts.")
    facts: list[Fact] = Field(default_factory=list, description="Other key facts.")
