"""Strict pydantic models for every content file."""

from .base import SCHEMA_VERSION, Fact, Pointer, Sourced, StrictModel, Text
from .documents import Document, DocumentsFile
from .framework import ActivitiesFile, Activity, FrameworkFile, Phase, Tier
from .glossary import Acronym, GlossaryFile, Term
from .police import PoliceFile
from .principles import Principle, PrinciplesFile
from .protection import ProtectionFile
from .questions import MODULES, Question, QuestionFile
from .risk import DisplacementFile, RiskFile
from .terminology import Equivalent, TerminologyFile

__all__ = [
    "SCHEMA_VERSION", "Acronym", "ActivitiesFile", "Activity", "Document", "DocumentsFile",
    "DisplacementFile", "Fact", "FrameworkFile", "GlossaryFile", "MODULES", "Phase", "Pointer",
    "PoliceFile",
    "Principle", "PrinciplesFile", "ProtectionFile", "Question", "QuestionFile", "RiskFile",
    "Sourced", "StrictModel", "Term", "TerminologyFile", "Equivalent", "Text", "Tier",
]
