"""Question items.

The practice bank (packaged) and the graded bank (assessments/) share this schema.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, field_validator, model_validator

from .base import Id, Sourced, StrictModel, Text

BUILT_IN_TYPES = (
    "single", "multiple", "true_false", "ordering", "classification", "matching", "short_text"
)
"""The question types pocedu ships (each a module of ``pocedu.questions.types``)."""
MODULES = ("01_definitions", "02_tiers_phases", "03_police_role", "04_crsv_cp", "05_capstone")
Module = Literal["01_definitions", "02_tiers_phases", "03_police_role", "04_crsv_cp", "05_capstone"]
KbCheck = Literal["tier", "phase", "actor"]
Level = Literal["remember", "understand", "apply", "analyse", "evaluate"]
"""Cognitive level of an item (a revised Bloom's taxonomy, cut at 'evaluate')."""
APPLY_OR_ABOVE: tuple[str, ...] = ("apply", "analyse", "evaluate")


class Option(StrictModel):
    """A choice, an item to order or classify, or the left side of a match."""

    id: Id
    text: Text = Field(description="What the student sees.")
    feedback: Text | None = Field(
        default=None, description="Shown when this option is chosen or placed wrongly."
    )
    ref: Id | None = Field(
        default=None,
        description="Knowledge-base record this option stands for (e.g. an activity id); "
        "used to check the key against the knowledge base.",
    )
    misconception: Text | None = Field(
        default=None,
        description="For a distractor: the wrong idea it tests (e.g. 'POC is the same as R2P'). "
        "The item-writing lint requires one on every distractor of single, multiple and "
        "true/false items.",
    )


class Bin(StrictModel):
    """A category for classification, or the right side of a match."""

    id: Id
    text: Text = Field(description="Label of the bin or match target.")


class RubricPoint(StrictModel):
    """One point a good short-text answer makes (used for self-assessment and grading)."""

    id: Id
    text: Text = Field(description="The point, as a student would tick it.")


class TrueFalseKey(StrictModel):
    """Key of a true/false item: the truth value and the right justification."""

    value: bool = Field(description="Whether the statement is true.")
    justification: Id = Field(description="Id of the option that justifies the answer.")


class Sample(StrictModel):
    """A sample response and the score it must get (questions test themselves)."""

    kind: Literal["correct", "wrong", "invalid"] = Field(description="What the sample shows.")
    response: Any = Field(description="A response in the item type's format.")
    score: float = Field(ge=0, le=1, description="Score (0-1) the response must get.")


class Question(Sourced):
    """One question item."""

    module: Module = Field(description="Module the item belongs to.")
    objective: int = Field(ge=1, le=9, description="Learning objective number in the module.")
    type: str = Field(
        description="Question type; fixes the response and key format. One of the registered "
        "types of pocedu.questions.types (built in: " + ", ".join(BUILT_IN_TYPES) + ").",
        json_schema_extra={"examples": list(BUILT_IN_TYPES)})
    level: Level | None = Field(
        default=None,
        description="Cognitive level: remember, understand, apply, analyse or evaluate. "
        "Required by the item-writing lint; graded quizzes need 40% at 'apply' or above.",
    )
    section: str | None = Field(
        default=None, description="Lesson section to revisit, e.g. 'the-three-tiers'."
    )
    prompt: Text = Field(description="The question as the student reads it.")
    options: list[Option] = Field(
        default_factory=list,
        description="Choices (single/multiple), justifications (true_false), items to order, "
        "classify or match.",
    )
    bins: list[Bin] = Field(
        default_factory=list, description="Bins (classification) or match targets (matching)."
    )
    rubric: list[RubricPoint] = Field(
        default_factory=list, description="Points a good answer makes (short_text only)."
    )
    key: Any = Field(
        default=None,
        description="single: option id; multiple: list of ids; true_false: {value, "
        "justification}; ordering: ids in order; classification/matching: {option id: bin id}; "
        "short_text: none.",
    )
    model_answer: Text | None = Field(default=None, description="Model answer (short_text).")
    kb_check: KbCheck | None = Field(
        default=None,
        description="For classification: check each option's bin against its knowledge-base "
        "record's tiers, phases or actors.",
    )
    explanation: Text = Field(description="Why the key is right, shown after answering.")
    samples: list[Sample] = Field(
        min_length=3, description="At least a correct, a wrong and an invalid sample response."
    )
    tags: list[str] = Field(default_factory=list, description="Free tags, e.g. 'misconception'.")

    @field_validator("type")
    @classmethod
    def _registered_type(cls, value: str) -> str:
        from ...questions import types

        types.get(value)  # raises UnknownTypeError (a ValueError) naming the known types
        return value

    @model_validator(mode="after")
    def _check_shape(self) -> Question:
        from ...questions.keys import check_item_shape

        check_item_shape(self)
        return self

    def option(self, option_id: str) -> Option:
        """The option with ``option_id``."""
        return next(o for o in self.options if o.id == option_id)


class QuestionFile(StrictModel):
    """A question bank file: one module's items."""

    schema_version: int = Field(description="Content schema version.")
    module: Module | None = Field(
        default=None,
        description="Module of every item in the file; leave out for a test that spans "
        "modules (the pre-test and the final test), whose items name their own module.",
    )
    questions: list[Question] = Field(min_length=1, description="The items.")

    @model_validator(mode="after")
    def _same_module(self) -> QuestionFile:
        for q in self.questions:
            if self.module is not None and q.module != self.module:
                raise ValueError(f"item '{q.id}' has module '{q.module}', file is '{self.module}'")
        return self
