"""Threat and risk assessment, prioritisation, decision criteria, planning tools, displacement."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import Fact, Sourced, StrictModel, Text

Level = Literal["low", "high"]


class Step(Sourced):
    """An item of an ordered list (assessment steps, decision criteria, priorities)."""

    order: int = Field(ge=1, description="Position in the list.")
    name: Text = Field(description="Short name.")
    text: Text = Field(description="What it means, in our words.")


class Quadrant(Sourced):
    """A quadrant A-D of the threat prioritisation chart."""

    letter: Literal["A", "B", "C", "D"] = Field(description="Quadrant letter.")
    likelihood: Level = Field(description="Likelihood of the threat.")
    impact: Level = Field(description="Impact of the threat.")
    rank: int = Field(ge=1, le=4, description="Priority rank, 1 = first.")
    label: Text = Field(description="Short label, e.g. 'high likelihood, high impact'.")
    text: Text = Field(description="What the quadrant means and how it is prioritised.")
    inferred: bool = Field(
        default=False, description="True where the chart is inferred (the source chart is missing)."
    )


class ChartLayout(Sourced):
    """How the A-D prioritisation chart is drawn (the source chart is missing)."""

    x_axis: Literal["likelihood", "impact"] = Field(description="Dimension on the x axis.")
    y_axis: Literal["likelihood", "impact"] = Field(description="Dimension on the y axis.")
    inferred: bool = Field(
        default=True, description="True where the layout is inferred, not read from the source."
    )
    note: Text = Field(description="What is inferred and why, for learners and instructors.")


class Tool(Sourced):
    """A planning tool, e.g. the POC Threat Matrix."""

    name: Text = Field(description="Name of the tool.")
    horizon: Text = Field(description="Time horizon it covers.")
    owner: Text = Field(description="Who approves, endorses or decides.")
    text: Text = Field(description="What it is for.")


class RiskFile(StrictModel):
    """risk.yaml."""

    schema_version: int = Field(description="Content schema version.")
    assessment_steps: list[Step] = Field(min_length=5, max_length=5, description="Five steps.")
    risk_formula: Fact = Field(description="Risk = likelihood x impact, and what drives each.")
    impact_factors: list[Step] = Field(min_length=1, description="What impact combines.")
    risk_drivers: list[Step] = Field(min_length=1, description="What drives likelihood and impact.")
    quadrants: list[Quadrant] = Field(min_length=4, max_length=4, description="Chart A-D.")
    chart_layout: ChartLayout | None = Field(
        default=None, description="Axes of the A-D chart and whether the layout is inferred."
    )
    decision_criteria: list[Step] = Field(min_length=4, max_length=4, description="Four criteria.")
    tools: list[Tool] = Field(min_length=1, description="Planning tools.")
    facts: list[Fact] = Field(default_factory=list, description="Other key facts.")


class DisplacementFile(StrictModel):
    """displacement.yaml."""

    schema_version: int = Field(description="Content schema version.")
    principle: Fact = Field(description="Prevent displacement first.")
    responses: list[Step] = Field(
        min_length=1, description="What the mission does if prevention fails, in order."
    )
    priorities: list[Step] = Field(
        min_length=3, max_length=3, description="Ordered priorities for protection in areas of "
        "displacement."
    )
    poc_site_conditions: list[Fact] = Field(min_length=1, description="Conditions on POC sites.")
    facts: list[Fact] = Field(default_factory=list, description="Other key facts.")
