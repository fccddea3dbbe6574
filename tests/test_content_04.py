"""Checks specific to module 04 (CRSV, child protection, gender): KB, banks, notebook."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from content_helpers import load_bank_file as _bank
from content_helpers import notebook_sections

from pocedu.content.loader import (
    PACKAGED,
    catalogue,
    check_questions,
    load_kb_file,
)
from pocedu.content.models import Question

ROOT = Path(__file__).resolve().parents[1]
MODULE = "04_crsv_cp"
PRACTICE = PACKAGED / "questions" / f"{MODULE}.yaml"
GRADED = ROOT / "assessments" / "bank" / "quiz04.yaml"
NOTEBOOK = ROOT / "modules" / MODULE / f"{MODULE}.ipynb"
FIGURES = ("reporting_pathways", "disaggregation_chart")


@pytest.fixture(scope="module")
def protection() -> Any:
    return load_kb_file("protection.yaml")


@pytest.fixture(scope="module")
def acts() -> dict[str, Any]:
    return catalogue(load_kb_file("framework.yaml"), load_kb_file("activities_police.yaml"))


@pytest.fixture(scope="module")
def practice(acts: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Question]:
    return _bank(PRACTICE, acts, tmp_path_factory.mktemp("practice"))


@pytest.fixture(scope="module")
def graded(acts: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Question]:
    return _bank(GRADED, acts, tmp_path_factory.mktemp("graded"))


@pytest.fixture(scope="module")
def notebook() -> dict:
    return json.loads(NOTEBOOK.read_text(encoding="utf-8"))


_sections = notebook_sections


def test_protection_has_the_records_the_module_needs(protection: Any) -> None:
    assert len(protection.crsv_forms) == 6  # five named forms + 'comparable gravity'
    assert {g.id for g in protection.grave_violations} == {
        "gv-killing-maiming", "gv-recruitment-use", "gv-sexual-violence", "gv-abduction",
        "gv-attacks-schools-hospitals", "gv-denial-humanitarian-access",
    }
    assert all(p.startswith("[external]") for g in protection.grave_violations
               for p in g.source[:1]), "the six grave violations must cite their external source"
    acronyms = {m.acronym for m in protection.mechanisms}
    assert {"MARA", "MRM", "WG-CRSV", "CTFMR", "GBV Sub-Cluster", "CP Sub-Cluster"} <= acronyms


def test_external_facts_say_so_in_their_text(protection: Any) -> None:
    for rec in [*protection.survivor_centred, *protection.child_protection, *protection.gender]:
        if all(p.startswith("[external]") for p in rec.source):
            assert "[external]" in rec.text.en, rec.id


def test_banks_are_large_enough_and_cover_every_type(
    practice: dict[str, Question], graded: dict[str, Question]
) -> None:
    assert len(practice) >= 25
    assert {q.type for q in practice.values()} == {
        "single", "multiple", "true_false", "ordering", "classification", "matching", "short_text"
    }
    assert {q.objective for q in practice.values()} == set(range(1, 7))
    assert 15 <= len(graded) <= 20
    assert all(q.id.startswith("g04-") for q in graded.values())
    assert sum(q.type == "short_text" for q in graded.values()) <= 2


def test_graded_bank_samples_and_pointers_check(
    graded: dict[str, Question], acts: dict[str, Any]
) -> None:
    from pocedu.content.pointers import PointerResolver

    docs = load_kb_file("documents.yaml").documents
    files = {q: "quiz04.yaml" for q in graded}
    assert check_questions(graded, files, acts, PointerResolver(docs)) == []


def test_graded_items_differ_from_practice(
    practice: dict[str, Question], graded: dict[str, Question]
) -> None:
    prompts = {q.prompt.en for q in practice.values()}
    assert not [q.id for q in graded.values() if q.prompt.en in prompts]
    assert not list(PACKAGED.rglob("quiz04*")), "the graded bank must never be packaged"


@pytest.mark.parametrize("bank", ["practice", "graded"])
def test_every_wrong_option_has_feedback(bank: str, request: pytest.FixtureRequest) -> None:
    missing = []
    for q in request.getfixturevalue(bank).values():
        if q.type == "single":
            right = {q.key}
        elif q.type == "multiple":
            right = set(q.key)
        elif q.type == "true_false":
            right = {q.key["justification"]}
        else:
            right = set()  # any ordered, classified or matched option can be placed wrongly
        missing += [f"{q.id}:{o.id}" for o in q.options if o.id not in right and o.feedback is None]
    assert not missing


@pytest.mark.parametrize("bank", ["practice", "graded"])
def test_grave_violation_keys_agree_with_the_kb(
    bank: str, request: pytest.FixtureRequest, protection: Any
) -> None:
    gv = {g.id for g in protection.grave_violations}
    checked = 0
    for q in request.getfixturevalue(bank).values():
        for o in q.options:
            if o.ref in gv:
                assert q.key[o.id] == o.ref, f"{q.id}:{o.id}"
                checked += 1
    assert checked >= 5


def test_mechanism_match_agrees_with_who_leads(
    practice: dict[str, Question], protection: Any
) -> None:
    leads = {m.id: m.led_by.en for m in protection.mechanisms}
    q = practice["04-mech-matching-01"]
    bins = {b.id: b.text.en for b in q.bins}
    for o in q.options:
        assert bins[q.key[o.id]] == leads[o.ref], o.id


def test_sections_are_lesson_headings(
    practice: dict[str, Question], graded: dict[str, Question], notebook: dict
) -> None:
    sections = _sections(notebook)
    bad = [q.id for q in [*practice.values(), *graded.values()] if q.section not in sections]
    assert not bad, (bad, sorted(sections))


def test_notebook_follows_the_template(notebook: dict, practice: dict[str, Question]) -> None:
    cells = notebook["cells"]
    assert notebook["metadata"]["kernelspec"]["name"] == "python3"
    assert all(not c.get("outputs") and not c.get("execution_count")
               for c in cells if c["cell_type"] == "code"), "commit the notebook without outputs"
    first = "".join(cells[0]["source"])
    assert first.startswith("# Module 04:") and "Content note" in first and "step out" in first
    code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    assert 'lesson.start("04_crsv_cp")' in code
    asked = re.findall(r'"(04-[a-z0-9-]+)"', code)
    assert len(set(asked)) >= 8 and set(asked) <= set(practice)
    for name in FIGURES:
        assert f'lesson.figure("{name}")' in code
    assert "lesson.progress()" in code and "lesson.references()" in code
    code_cells = [c for c in cells if c["cell_type"] == "code"]
    assert all(len("".join(c["source"]).splitlines()) <= 2 for c in code_cells)
