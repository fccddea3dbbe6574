"""The capstone as a syndicate exercise: role cards and backbrief templates (filled in later)."""

from __future__ import annotations


def capstone_handouts(*, lang: str = "en") -> list[str]:
    """Extra handout pages of the capstone (role cards, backbrief templates)."""
    return []
