"""A scenario exercise as data: fictional mission, areas, actors, assets and a graph of injects.

The scenario file (``pocedu/content/scenarios/<name>.yaml``) is validated by these models;
``pocedu.scenario.load`` adds the cross-checks (pointers resolve, graph references exist,
every path ends in consolidation).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator, model_validator

from .base import Id, Sourced, StrictModel, Text, split_pointers
from .questions import Level

PhaseId = Literal["prevention", "pre-emption", "response", "consolidation"]
TierId = Literal["tier-1", "tier-2", "tier-3"]
LeadId = Literal[
    "ipo", "fpu", "specialised-team", "other-formed-unit", "military", "civilian", "leadership",
    "host-state",
]
Quadrant = Literal["A", "B", "C", "D"]
SiteKind = Literal["village", "town", "idp-site", "un-premises", "police-post", "market", "base"]
ActorKind = Literal[
    "host-state-police", "host-state-army", "armed-group", "community", "humanitarian",
    "mission-component",
]
FigureKind = Literal["trend", "map", "groups", "table"]
GroupBy = Literal["area", "type", "perpetrator", "sex", "age"]
ProtectRank = Literal["must", "should", "could"]


class Pointed(StrictModel):
    """A record with source pointers but no id of its own (it lives inside an inject)."""

    source: list[str] = Field(
        min_length=1,
        description="Source pointers ('POC Policy 2015 para 47'); each must resolve.",
    )

    @field_validator("source", mode="before")
    @classmethod
    def _split_source(cls, value: object) -> list[str]:
        return split_pointers(value)


class Site(StrictModel):
    """A place on the schematic map: a village, an IDP site, UN premises…"""

    id: Id
    name: str = Field(min_length=1, description="Invented place name shown on the map.")
    kind: SiteKind = Field(description="What the place is; fixes its map symbol.")
    x: float = Field(ge=0, le=100, description="Schematic map x position, km east.")
    y: float = Field(ge=0, le=100, description="Schematic map y position, km north.")
    population: int | None = Field(
        default=None, ge=0, description="People living or sheltering there, if known."
    )


class Area(StrictModel):
    """An area of responsibility of the team site."""

    id: Id
    name: str = Field(min_length=1, description="Invented area name.")
    population: int = Field(ge=0, description="Estimated resident population.")
    x: float = Field(ge=0, le=100, description="Schematic map x of the area's centre, km east.")
    y: float = Field(ge=0, le=100, description="Schematic map y of the area's centre, km north.")
    description: Text = Field(description="Who lives there and why the area matters.")
    sites: list[Site] = Field(default_factory=list, description="Places in the area.")
    weight: float = Field(
        gt=0, description="Relative base rate of incidents in the area (synthetic data)."
    )


class Actor(StrictModel):
    """A party in the scenario: host-state forces, armed group, community, partner."""

    id: Id
    name: str = Field(min_length=1, description="Invented name, e.g. 'Kelvara National Police'.")
    short: str = Field(min_length=1, description="Short name or acronym used in the text.")
    kind: ActorKind = Field(description="What sort of actor it is.")
    description: Text = Field(description="Capacity, intent and record, in short.")
    units: list[str] = Field(default_factory=list, description="Named sub-units, if any.")


class Asset(StrictModel):
    """A mission asset the syndicate can task."""

    id: Id
    name: str = Field(min_length=1, description="e.g. 'FPU 1st platoon'.")
    component: Literal["police", "military", "civilian"] = Field(description="Mission component.")
    actor: Literal["ipo", "fpu", "specialised-team", "other-formed-unit", "military",
                   "civilian"] = Field(description="Actor id of the asset (framework.yaml).")
    strength: int = Field(ge=1, description="Number of personnel.")
    base: Id = Field(description="Area id where the asset is based.")
    armed: bool = Field(description="Whether its personnel are armed.")
    note: Text | None = Field(default=None, description="Limits or skills worth knowing.")


class Mission(Sourced):
    """The fictional country, mission and mandate."""

    country: str = Field(min_length=1, description="Invented country name.")
    name: str = Field(min_length=1, description="Mission name.")
    acronym: str = Field(min_length=1, description="Mission acronym.")
    sector: str = Field(min_length=1, description="Sector the syndicates plan for.")
    team_site: str = Field(min_length=1, description="Team site where the planning cell sits.")
    d_day: str = Field(
        pattern=r"^\d{4}-\d{2}-\d{2}$", description="Calendar date of D-day (the attack), ISO."
    )
    mandate: Text = Field(description="The POC mandate in standard wording, in our words.")
    background: Text = Field(description="The situation at the start of the exercise.")
    role: Text = Field(description="Who the syndicate plays and what it produces.")


class Effects(StrictModel):
    """Consequences a choice has on the civilians (summed along a path)."""

    harm: int = Field(default=0, ge=0, description="Civilian-harm points added by the choice.")
    displaced: int = Field(default=0, ge=0, description="Extra people displaced by the choice.")


class Choice(StrictModel):
    """One option of a decision, with its score and consequences."""

    id: Id
    text: Text = Field(description="The option as the syndicate reads it.")
    points: float = Field(ge=0, le=1, description="Score of the option: 1 policy-consistent.")
    feedback: Text = Field(description="Why this option is (or is not) consistent with policy.")
    flags: list[Id] = Field(
        default_factory=list, description="State flags set when chosen; routes later injects."
    )
    effects: Effects = Field(default_factory=Effects, description="Consequences for civilians.")
    misconception: Text | None = Field(
        default=None,
        description="For an option that is not the key: the wrong idea it tests (e.g. 'prevention "
        "means waiting until a threat is identified'). Carried into the graded bank, where the "
        "item-writing lint requires one on every distractor.",
    )


class Decision(Sourced):
    """A choice among options; its key is the policy-consistent option."""

    prompt: Text = Field(description="The decision the syndicate must take.")
    options: list[Choice] = Field(min_length=2, description="Options, in display order.")
    key: Id = Field(description="Id of the policy-consistent option.")
    explanation: Text = Field(description="The reason for the key, shown after answering.")
    objective: int = Field(ge=1, le=9, description="Capstone learning objective it tests.")
    level: Level = Field(
        default="apply",
        description="Cognitive level of the decision (remember, understand, apply, analyse, "
        "evaluate); a scenario decision is at least 'apply'.",
    )

    @model_validator(mode="after")
    def _check_key(self) -> Decision:
        ids = [o.id for o in self.options]
        if len(set(ids)) != len(ids):
            raise ValueError("options: duplicate option ids")
        if self.key not in ids:
            raise ValueError(f"key: names option '{self.key}', which does not exist")
        best = next(o for o in self.options if o.id == self.key)
        if best.points != 1 or any(o.points > best.points for o in self.options):
            raise ValueError("key: the key option must score 1 and score highest")
        return self


class Lead(Pointed):
    """Which actor leads, asked as a question about this inject."""

    prompt: Text = Field(description="The question, e.g. 'Who leads the response at 05:40?'.")
    actor: LeadId = Field(description="The actor that leads.")
    explanation: Text = Field(description="Why this actor leads.")


class TieredAction(StrictModel):
    """An action considered at an inject (keyed or not), to be sorted into its tier."""

    id: Id
    text: Text = Field(description="The action, short, as the syndicate reads it.")
    tier: TierId = Field(description="The tier the action belongs to.")
    feedback: Text = Field(description="Why the action belongs to that tier.")


class Framing(Pointed):
    """The inject's phase, tiers and (if a threat is rated) risk quadrant, with the reason."""

    phase: PhaseId = Field(description="Phase the inject is in.")
    tiers: list[TierId] = Field(
        min_length=1, description="Tier(s) the policy-consistent actions touch."
    )
    actions: list[TieredAction] = Field(
        min_length=3,
        description="Actions considered at this inject, from the key and from other options, "
        "for the 'sort into tiers' item; they must not give the key away.",
    )
    quadrant: Quadrant | None = Field(
        default=None, description="Quadrant A-D of the main threat, when one is rated."
    )
    threat: Text | None = Field(
        default=None, description="The threat rated by the quadrant question."
    )
    explanation: Text = Field(description="Why this phase, these tiers and this quadrant.")

    @model_validator(mode="after")
    def _threat_with_quadrant(self) -> Framing:
        if (self.quadrant is None) != (self.threat is None):
            raise ValueError("threat: give both 'quadrant' and 'threat', or neither")
        if len(set(self.tiers)) != len(self.tiers):
            raise ValueError("tiers: a tier is listed twice")
        ids = [a.id for a in self.actions]
        if len(set(ids)) != len(ids):
            raise ValueError("actions: duplicate action ids")
        if len({a.tier for a in self.actions}) < 2:
            raise ValueError("actions: the actions to sort must span at least two tiers")
        return self


class DataView(StrictModel):
    """Which slice of the incident dataset the inject shows, and how."""

    figure: FigureKind = Field(description="trend, map, groups (by sex and age) or table.")
    days: tuple[int, int] = Field(description="First and last day shown, relative to D-day.")
    areas: list[Id] = Field(default_factory=list, description="Areas shown (empty: all).")
    by: GroupBy = Field(default="area", description="How a trend is split.")
    caption: Text = Field(description="What the data shows, for the syndicate.")

    @field_validator("days")
    @classmethod
    def _ordered(cls, value: tuple[int, int]) -> tuple[int, int]:
        if value[0] > value[1]:
            raise ValueError("first day must not be after the last day")
        return value


class Variant(StrictModel):
    """A different situation text when earlier choices set all of ``when`` flags."""

    when: list[Id] = Field(min_length=1, description="Flags that must all be set.")
    situation: Text = Field(description="The situation text replacing the default.")


class Route(StrictModel):
    """Go to ``goto`` when any of the ``when`` flags is set (first matching route wins)."""

    when: list[Id] = Field(min_length=1, description="Flags; any one of them selects this route.")
    goto: Id = Field(description="Id of the next inject.")


class Inject(StrictModel):
    """One inject: situation, new data, decisions, and where it leads."""

    id: Id
    number: int = Field(ge=1, description="Inject number shown to syndicates (variants share).")
    title: Text = Field(description="Short title.")
    clock: str = Field(min_length=1, description="Exercise clock, e.g. 'Day 1 09:00'.")
    day: int = Field(description="Story day relative to D-day (the attack), e.g. -45.")
    situation: Text = Field(description="What happens, short and non-graphic.")
    variants: list[Variant] = Field(
        default_factory=list, description="Situation texts that depend on earlier choices."
    )
    content_note: Text | None = Field(
        default=None, description="Shown before the situation (CRSV, child protection)."
    )
    data: DataView = Field(description="The new data shown with the inject.")
    decisions: list[Decision] = Field(min_length=1, description="Choices to make, in order.")
    framing: Framing = Field(description="Phase, tiers and quadrant questions with their key.")
    lead: Lead | None = Field(default=None, description="Which actor leads (asked as a question).")
    routes: list[Route] = Field(default_factory=list, description="Conditional next injects.")
    next: Id | None = Field(default=None, description="Next inject when no route matches.")
    final: bool = Field(default=False, description="True for an end of the exercise.")

    @model_validator(mode="after")
    def _check_end(self) -> Inject:
        if self.final and (self.next or self.routes):
            raise ValueError("next: a final inject has no next inject or routes")
        if not self.final and self.next is None:
            raise ValueError("next: give the next inject (or mark the inject final)")
        if self.final and self.framing.phase != "consolidation":
            raise ValueError("final: the exercise must end in consolidation")
        ids = [d.id for d in self.decisions]
        if len(set(ids)) != len(ids):
            raise ValueError("decisions: duplicate decision ids")
        return self


class RubricPoint(StrictModel):
    """One point graders look for in a written product."""

    id: Id
    text: Text = Field(description="The point, as a grader ticks it.")


class Product(Sourced):
    """A written product (e.g. a police CONOPS annex), graded by hand against a rubric."""

    title: Text = Field(description="Name of the product.")
    prompt: Text = Field(description="What to write, with length and format.")
    rubric: list[RubricPoint] = Field(min_length=3, description="Points graders look for.")
    model_answer: Text = Field(description="A short model answer for graders.")
    objective: int = Field(ge=1, le=9, description="Capstone learning objective it tests.")
    after: Id = Field(description="Inject after which the product is written.")


class ProtectionRow(Pointed):
    """A row of the reference protection matrix: an area ranked must/should/could."""

    area: Id = Field(description="Area id.")
    rank: ProtectRank = Field(description="1 must, 2 should, 3 could protect.")
    reason: Text = Field(description="Why, in terms of threat, vulnerability and who else acts.")


class Objective(StrictModel):
    """A capstone learning objective."""

    number: int = Field(ge=1, le=9, description="Objective number.")
    text: Text = Field(description="What learners will be able to do.")


class ScenarioFile(StrictModel):
    """A scenario exercise file."""

    schema_version: int = Field(description="Content schema version.")
    id: Id
    title: Text = Field(description="Exercise name.")
    source: list[str] = Field(
        min_length=1, description="Pointers to the course designs the exercise follows."
    )
    objectives: list[Objective] = Field(min_length=1, description="Capstone learning objectives.")
    mission: Mission = Field(description="Country, mission, mandate and starting situation.")
    areas: list[Area] = Field(min_length=4, description="Areas of responsibility.")
    actors: list[Actor] = Field(min_length=1, description="Parties in the scenario.")
    assets: list[Asset] = Field(min_length=1, description="Mission assets.")
    start: Id = Field(description="Id of the first inject.")
    injects: list[Inject] = Field(min_length=8, description="The injects (nodes of the graph).")
    products: list[Product] = Field(default_factory=list, description="Written products.")
    protection_matrix: list[ProtectionRow] = Field(
        default_factory=list, description="Reference must/should/could ranking at D-7."
    )

    @field_validator("source", mode="before")
    @classmethod
    def _split_source(cls, value: object) -> list[str]:
        return split_pointers(value)

    def inject(self, inject_id: str) -> Inject:
        """The inject with ``inject_id``; KeyError if there is none."""
        for i in self.injects:
            if i.id == inject_id:
                return i
        raise KeyError(f"no inject '{inject_id}' in scenario '{self.id}'")

    def area(self, area_id: str) -> Area:
        """The area with ``area_id``; KeyError if there is none."""
        for a in self.areas:
            if a.id == area_id:
                return a
        raise KeyError(f"no area '{area_id}' in scenario '{self.id}'")
