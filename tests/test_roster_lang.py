"""A roster may give each student's course language; a wrong one is named by row."""

from __future__ import annotations

from pathlib import Path

import pytest

from pocedu.assess.course.roster import read_roster
from pocedu.errors import PoceduError


def test_lang_column_is_read_and_defaults_to_english(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_text("id,first_name,last_name,email,lang\n"
                    "s01,Awa,Diop,a@example.org,fr\ns02,Ben,Ode,b@example.org,\n",
                    encoding="utf-8")
    assert [(s.id, s.lang) for s in read_roster(path)] == [("s01", "fr"), ("s02", "en")]


def test_unknown_language_is_named_with_its_row(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_text("id,first_name,last_name,email,lang\ns01,Awa,Diop,a@example.org,de\n",
                    encoding="utf-8")
    with pytest.raises(PoceduError, match="row 2: lang 'de' is not one of en, fr"):
        read_roster(path)
