"""The registry of question types: ``@register`` a ``QuestionType`` subclass, ``get`` it by name."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from .base import QuestionType

_TYPES: dict[str, QuestionType] = {}
T = TypeVar("T", bound="type[QuestionType]")


class UnknownTypeError(ValueError):
    """No question type of that name is registered."""


def register(cls: T) -> T:
    """Register (an instance of) ``cls`` under ``cls.name``; a later class of a name replaces it."""
    if not cls.name:
        raise ValueError(f"{cls.__name__} has no name")
    _TYPES[cls.name] = cls()
    return cls


def get(name: str) -> QuestionType:
    """The registered type ``name``; ``UnknownTypeError`` names the known ones."""
    try:
        return _TYPES[name]
    except KeyError:
        raise UnknownTypeError(f"unknown item type: {name!r} (known: {', '.join(_TYPES)})") \
            from None


def names() -> tuple[str, ...]:
    """Names of every registered type, in registration order."""
    return tuple(_TYPES)
