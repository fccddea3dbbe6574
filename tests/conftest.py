"""Shared fixtures."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED_SOURCES = REPO.parent / "shared" / "sources"


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A writable copy of the packaged content directory."""
    from pocedu.content.loader import PACKAGED

    dest = tmp_path / "content"
    shutil.copytree(PACKAGED, dest, ignore=shutil.ignore_patterns("*.py", "__pycache__",
                                                                  "models"))
    return dest
