"""Building quiz sources from a graded bank; roster checks; CLI wiring."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fixtures_course import QUIZ, write_bank, write_roster

from pocedu.assess.build import build_sources, out_of_sync
from pocedu.assess.course.roster import read_roster
from pocedu.assess.errors import AssessError
from pocedu.cli import main

REPO = Path(__file__).resolve().parents[1]


def test_build_writes_notebook_and_public_items(tmp_path: Path) -> None:
    write_bank(tmp_path)
    built = build_sources(course_dir=tmp_path, verify=False)
    assert [(b.name, b.items, b.points) for b in built] == [(QUIZ, 6, 11)]
    nb = json.loads((tmp_path / "source" / QUIZ / f"{QUIZ}.ipynb").read_text())
    meta = [c["metadata"]["nbgrader"] for c in nb["cells"]]
    graded = [m for m in meta if m["grade"]]
    assert [m["points"] for m in graded] == [1, 2, 1, 2, 2, 3]
    assert sum(m["solution"] for m in graded) == 1  # the written answer, graded by hand
    tests = ["".join(c["source"]) for c in nb["cells"] if c["metadata"]["nbgrader"]["grade"]
             and c["cell_type"] == "code"]
    assert all("### BEGIN HIDDEN TESTS" in t and "quiz.grade(" in t for t in tests)
    assert all(m["locked"] for m in meta if not m["solution"])
    assert out_of_sync(course_dir=tmp_path) == []


def test_edited_bank_is_out_of_sync(tmp_path: Path) -> None:
    bank = write_bank(tmp_path)
    build_sources(course_dir=tmp_path, verify=False)
    text = (bank / f"{QUIZ}.yaml").read_text().replace("Tier II\"}", "Tier 2\"}")
    (bank / f"{QUIZ}.yaml").write_text(text)
    assert out_of_sync(course_dir=tmp_path) == [f"source/{QUIZ}/{QUIZ}.items.json"]
    assert main(["assess", "build", "--check", "--course", str(tmp_path)]) == 1


def test_bad_bank_names_file_item_and_field(tmp_path: Path) -> None:
    bank = write_bank(tmp_path)
    text = (bank / f"{QUIZ}.yaml").read_text().replace("2015 para 31\n", "2015 para 99\n")
    (bank / f"{QUIZ}.yaml").write_text(text)
    with pytest.raises(AssessError) as err:
        build_sources(course_dir=tmp_path, verify=False)
    assert any("g02-phases-multiple-01" in p and "para 99" in p for p in err.value.problems)


@pytest.mark.skipif(not (REPO / "assessments" / "bank").is_dir(), reason="no graded bank yet")
def test_committed_sources_are_in_sync_with_the_bank() -> None:
    assert out_of_sync(course_dir=REPO / "assessments") == []


def test_roster_errors_name_the_row(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_text("id,first_name,last_name,email\nana,A,B,a@x\nana,C,D,c@x\n"
                    "bo b,E,F,e@x\nzoë,G,H,g@x\n", encoding="utf-8")
    with pytest.raises(AssessError) as err:
        read_roster(path)
    assert err.value.problems == [
        "roster.csv row 3: duplicate id 'ana' (also row 2)",
        "roster.csv row 4: id 'bo b' has spaces",
        "roster.csv row 5: id 'zoë' has non-ASCII letters; use ASCII letters and digits only",
    ]
    assert [s.id for s in read_roster(write_roster(path, ["ana", "bo"]))] == ["ana", "bo"]


def test_course_init_cli(tmp_path: Path) -> None:
    roster = write_roster(tmp_path / "r.csv", ["ana", "bo"])
    assert main(["course", "init", "--course", str(tmp_path / "c"), "--roster", str(roster)]) == 0
    from pocedu.assess.course.nbgrader_api import gradebook

    with gradebook(tmp_path / "c") as gb:
        assert sorted(s.id for s in gb.students) == ["ana", "bo"]
    assert (tmp_path / "c" / "nbgrader_config.py").exists()
    bad = tmp_path / "bad.csv"
    bad.write_text("id,first_name\nx,y\n")
    assert main(["course", "init", "--course", str(tmp_path / "d"), "--roster", str(bad)]) == 1
    assert not (tmp_path / "d").exists()
