"""Where figures get their data: a given content object or the packaged knowledge base."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..content import Content


def resolve(content: Content | Any | None) -> Any:
    """``content`` itself, or the packaged content when it is None.

    Any object with the attributes a figure reads (``framework``, ``risk``, ``police``…) will do,
    so tests and authors can draw from a partly written knowledge base.
    """
    if content is not None:
        return content
    from ..content import packaged

    return packaged()


def activities(content: Any) -> dict[str, Any]:
    """The activity catalogue of ``content`` (both documents), by id."""
    acts = getattr(content, "activities", None)
    if isinstance(acts, dict):
        return acts
    from ..content.loader import catalogue

    return catalogue(getattr(content, "framework", None),
                     getattr(content, "activities_police", None))


def actor_names(content: Any) -> dict[str, str]:
    """Actor id -> display name, from framework.yaml."""
    return {a.id: a.name.en for a in content.framework.actors}
