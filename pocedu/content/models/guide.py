"""Facilitator guides (one per module) and the course overview for instructors.

Files: ``pocedu/content/guides/<module>.yaml`` (``GuideFile``) and
``pocedu/content/guides/course.yaml`` (``CourseFile``). They hold expected answers, so they live
in the package's content (read by instructors' commands), never in ``modules/`` (copied to
students). ``pocedu.teach.guides`` adds the cross-checks: timings sum, pointers resolve, every
objective has an item and an activity, misconception links name real items and options.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .base import Id, Sourced, StrictModel, Text
from .questions import Module

BlockKind = Literal["presentation", "individual-check", "syndicate", "plenary"]
"""The four kinds of lesson block, as in the UN's own lesson plans."""
ActivityKind = Literal["snap-situation", "vignette", "drafting", "role-play"]
DocumentStatus = Literal["current", "current-summary", "superseded-in-part", "course-description"]


class Block(StrictModel):
    """One timed block of the lesson plan."""

    id: Id
    kind: BlockKind = Field(
        description="presentation, individual-check, syndicate (group work) or plenary."
    )
    minutes: int = Field(ge=5, le=240, description="Length of the block in minutes.")
    title: Text = Field(description="What the block is, as the timetable shows it.")
    notes: Text = Field(description="What the instructor does and says in the block.")
    sections: list[str] = Field(
        default_factory=list,
        description="Lesson notebook sections (slugs) the block presents or checks; "
        "presentation blocks become the slides.",
    )
    activity: Id | None = Field(
        default=None, description="Syndicate blocks: id of the activity the syndicates do."
    )
    discussions: list[Id] = Field(
        default_factory=list, description="Plenary blocks: ids of the discussion questions."
    )
    day: int | None = Field(
        default=None, ge=1, le=5, description="Day of a multi-day plan (e.g. the capstone)."
    )
    start: str | None = Field(
        default=None, pattern=r"^\d{2}:\d{2}$", description="Clock time the block starts, HH:MM."
    )
    injects: list[int] = Field(
        default_factory=list, description="Scenario inject numbers the block plays or debriefs."
    )

    @model_validator(mode="after")
    def _kind_fits(self) -> Block:
        if self.kind == "syndicate" and self.activity is None:
            raise ValueError("activity: a syndicate block names the activity it runs")
        if self.kind != "syndicate" and self.activity is not None:
            raise ValueError("activity: only a syndicate block runs an activity")
        return self


class Objective(StrictModel):
    """A learning objective; its number is the one the bank's items carry (``objective:``)."""

    number: int = Field(ge=1, le=9, description="Objective number, as in the question bank.")
    text: Text = Field(description="What learners will be able to do.")


class Activity(Sourced):
    """A syndicate activity: a snap situation or vignette in the fictional Kelvara setting."""

    kind: ActivityKind = Field(description="snap-situation, vignette, drafting or role-play.")
    title: Text = Field(description="Short title printed on the handout.")
    minutes: int = Field(ge=5, le=240, description="Group work time in minutes.")
    objectives: list[int] = Field(min_length=1, description="Objective numbers it practises.")
    situation: Text = Field(description="The situation as the syndicate reads it (handout).")
    tasks: list[Text] = Field(min_length=1, description="What the syndicate does (handout).")
    product: Text = Field(description="What the syndicate backbriefs, and in how long (handout).")
    expected: list[Text] = Field(
        min_length=2,
        description="Points the instructor expects in the debrief. Never printed on handouts.",
    )


class Discussion(Sourced):
    """A plenary discussion question with the points the instructor draws out."""

    question: Text = Field(description="The question put to the class.")
    expected: list[Text] = Field(min_length=2, description="Points to draw out.")


class ItemLink(StrictModel):
    """A distractor that tests a misconception: a practice item's option or a scenario choice."""

    item: Id = Field(description="Practice item id ('01-definition-single-01') or, in a "
                     "scenario module, a decision id ('i3-action').")
    option: Id | None = Field(
        default=None, description="Option (or justification) id of the distractor, if one."
    )


class Misconception(Sourced):
    """A common wrong idea of the module and how to address it."""

    belief: Text = Field(description="The wrong idea, as a learner would hold it.")
    correction: Text = Field(description="What the sources say instead.")
    address: Text = Field(description="How the instructor brings it out and corrects it.")
    items: list[ItemLink] = Field(
        default_factory=list, description="Bank distractors that test it (item + option)."
    )


class GuideFile(StrictModel):
    """A facilitator guide for one module."""

    schema_version: int = Field(description="Content schema version.")
    module: Module = Field(description="The module the guide teaches.")
    title: Text = Field(description="Title of the guide.")
    duration_minutes: int = Field(
        ge=30, description="The module's stated classroom time; blocks must sum to it."
    )
    overview: Text = Field(description="What the lesson does, for the instructor, in short.")
    preparation: list[Text] = Field(
        min_length=1, description="What to prepare before the lesson (room, files, copies)."
    )
    objectives: list[Objective] = Field(
        default_factory=list,
        description="Learning objectives (empty for a scenario module: the scenario's are used).",
    )
    scenario: Id | None = Field(
        default=None, description="Scenario file name whose objectives and decisions apply."
    )
    blocks: list[Block] = Field(min_length=4, description="The lesson plan, in order.")
    activities: list[Activity] = Field(min_length=2, description="Syndicate activities.")
    discussions: list[Discussion] = Field(min_length=1, description="Discussion questions.")
    misconceptions: list[Misconception] = Field(
        min_length=1, description="The module's common misconceptions."
    )

    @model_validator(mode="after")
    def _objectives_or_scenario(self) -> GuideFile:
        if bool(self.objectives) == bool(self.scenario):
            raise ValueError("objectives: give the objectives, or name a scenario, not both")
        return self


class Session(StrictModel):
    """A slot of a course day: a pocedu module, or a session pocedu does not cover."""

    minutes: int = Field(ge=15, le=480, description="Length in minutes.")
    module: Module | None = Field(default=None, description="The pocedu module taught.")
    title: Text = Field(description="What the session is.")


class Day(StrictModel):
    """One day of the course."""

    number: int = Field(ge=1, le=30, description="Day of the course.")
    sessions: list[Session] = Field(min_length=1, description="The day's sessions, in order.")


class SourceStatus(Sourced):
    """The status of a source document (current, superseded, a summary)."""

    document: Id = Field(description="Document id in documents.yaml.")
    status: DocumentStatus = Field(description="How current the document is.")
    note: Text = Field(description="What is current, what was superseded, and what to teach.")


class CourseFile(StrictModel):
    """guides/course.yaml: the course the package serves, for instructors."""

    schema_version: int = Field(description="Content schema version.")
    title: Text = Field(description="Course name.")
    source: list[str] = Field(min_length=1, description="Course descriptions it follows.")
    aims: list[Text] = Field(min_length=1, description="The course's aims.")
    audience: Text = Field(description="Who takes the course, with ranks and numbers.")
    length: Text = Field(description="How long the course lasts.")
    days: int = Field(ge=1, le=30, description="Number of course days.")
    prerequisites: Text = Field(description="What participants must have done before.")
    languages: Text = Field(description="Languages the course is given in.")
    timetable: list[Day] = Field(min_length=1, description="The course day by day.")
    documents: list[SourceStatus] = Field(min_length=1, description="Status of each source.")

    @model_validator(mode="after")
    def _days_cover(self) -> CourseFile:
        numbers = [d.number for d in self.timetable]
        if numbers != list(range(1, self.days + 1)):
            raise ValueError(f"timetable: days must be numbered 1..{self.days} in order")
        return self
