"""Checks specific to module 03 (UN police role): police KB, activities, banks, notebook."""

from __future__ import annotations

import json
import re
from collections import Counter
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
from pocedu.content.models.framework import PHASE_IDS, TIER_IDS
from pocedu.content.pointers import PointerResolver

ROOT = Path(__file__).resolve().parents[1]
MODULE = "03_police_role"
PRACTICE = PACKAGED / "questions" / f"{MODULE}.yaml"
GRADED = ROOT / "assessments" / "bank" / "quiz03.yaml"
NOTEBOOK = ROOT / "modules" / MODULE / f"{MODULE}.ipynb"
FIGURES = ("escalation_ladder", "coordination_map", "police_activity_profile")
TYPES = {"single", "multiple", "true_false", "ordering", "classification", "matching",
         "short_text"}
# D.6 and D.7 of the 2017 Police Guidelines: paras 39-51 and the boxes in between
D6_D7_PARAS = range(39, 52)
D6_D7_PLACES = {"Tier I box", "Tier II box", "Tier III box", "box 'Protecting IDPs'",
                "D.6", "D.7"}


@pytest.fixture(scope="module")
def police() -> Any:
    return load_kb_file("police.yaml")


@pytest.fixture(scope="module")
def police_acts() -> Any:
    return load_kb_file("activities_police.yaml")


@pytest.fixture(scope="module")
def acts(police_acts: Any) -> dict[str, Any]:
    return catalogue(None, police_acts)


@pytest.fixture(scope="module")
def resolver() -> PointerResolver:
    return PointerResolver(load_kb_file("documents.yaml").documents)


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


def _code(nb: dict) -> list[str]:
    return ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]


def _asked(nb: dict) -> list[str]:
    return [i for src in _code(nb) if "lesson.ask(" in src for i in re.findall(r'"([^"]+)"', src)]


# ------------------------------------------------------------------ activity catalogue


def test_police_activities_are_tagged_and_from_d6_d7(police_acts: Any,
                                                      resolver: PointerResolver) -> None:
    activities = police_acts.activities
    assert 40 <= len(activities) <= 75
    for act in activities:
        assert act.id.startswith("act-2017-"), act.id
        assert act.origin == "police2017", act.id
        assert act.tiers and act.phases and act.actors, act.id
        places = [resolver.resolve(p) for p in act.source]
        in_scope = [r for r in places if r and r.document.id == "police2017" and (
            set(r.paragraphs) & set(D6_D7_PARAS) or set(r.places) & D6_D7_PLACES)]
        assert in_scope, f"{act.id}: no pointer into D.6 or D.7 of the Police Guidelines"


def test_every_tier_and_phase_has_at_least_two_police_activities(police_acts: Any) -> None:
    tiers = Counter(t for a in police_acts.activities for t in a.tiers)
    phases = Counter(p for a in police_acts.activities for p in a.phases)
    assert all(tiers[t] >= 2 for t in TIER_IDS), tiers
    assert all(phases[p] >= 2 for p in PHASE_IDS), phases


def test_each_box_and_phase_paragraph_is_covered(police_acts: Any,
                                                 resolver: PointerResolver) -> None:
    cited: set[object] = set()
    for act in police_acts.activities:
        for p in act.source:
            r = resolver.resolve(p)
            if r is not None:
                cited.update(r.paragraphs)
                cited.update(r.places)
    for place in ("Tier I box", "Tier II box", "Tier III box", "box 'Protecting IDPs'",
                  45, 48, 49, 50, 51):
        assert place in cited, place


# ------------------------------------------------------------------------ police.yaml


def test_roles_cover_the_four_police_capacities(police: Any) -> None:
    assert {r.actor for r in police.roles} == {"ipo", "fpu", "specialised-team",
                                               "other-formed-unit"}


def test_escalation_ladder_runs_ipo_fpu_military(police: Any) -> None:
    rungs = sorted(police.handover, key=lambda h: h.order)
    assert [h.order for h in rungs] == list(range(1, len(rungs) + 1))
    assert [h.to_actor for h in rungs] == ["ipo", "fpu", "military"]
    assert rungs[0].from_actor is None
    for prev, nxt in zip(rungs, rungs[1:], strict=False):
        assert nxt.from_actor == prev.to_actor
    assert "sustained" in rungs[-1].trigger.en.lower()


def test_partners_include_those_the_module_teaches(police: Any) -> None:
    ids = {p.id for p in police.partners}
    for needed in ("partner-joc", "partner-jmac", "partner-human-rights", "partner-poc-adviser",
                   "partner-hct-protection-cluster", "partner-gbv-subcluster",
                   "partner-cp-subcluster", "partner-dss", "partner-unmas"):
        assert needed in ids, needed
    assert all(p.routes for p in police.partners)


def test_underpinnings_cover_paras_9_to_21(police: Any, resolver: PointerResolver) -> None:
    assert len(police.underpinnings) >= 8
    paras = {n for f in police.underpinnings for p in f.source
             for n in (resolver.resolve(p).paragraphs if resolver.resolve(p) else ())}
    assert set(range(9, 22)) <= paras


def test_board_of_inquiry_and_icrc_are_in_the_kb(police: Any) -> None:
    acc = " ".join(f.text.en for f in police.accountability)
    assert "Board of Inquiry" in acc
    icrc = [f for f in police.facts if "ICRC" in f.text.en]
    assert icrc and any("POC Policy 2015 fn 37" in p for f in icrc for p in f.source)


def test_related_terms_exist_in_the_glossary(police: Any) -> None:
    terms = {t.id for t in load_kb_file("glossary.yaml").terms}
    assert set(police.related_terms) <= terms


# -------------------------------------------------------------------------- banks


def test_practice_bank_covers_types_objectives_and_kb_checks(practice: dict[str, Question]) -> None:
    qs = list(practice.values())
    assert len(qs) >= 25
    assert {q.type for q in qs} == TYPES
    assert {q.objective for q in qs} == set(range(1, 8))
    assert sum(1 for q in qs if q.kb_check) >= 3
    assert all(re.match(r"^03-[a-z]+-[a-z_]+-\d\d$", q.id) for q in qs)


@pytest.mark.parametrize("which", ["practice", "graded"])
def test_items_have_feedback_on_every_wrong_option(which: str,
                                                   request: pytest.FixtureRequest) -> None:
    for q in request.getfixturevalue(which).values():
        assert q.section and q.explanation and q.source, q.id
        if q.type == "single":
            wrong = [o for o in q.options if o.id != q.key]
        elif q.type == "multiple":
            wrong = [o for o in q.options if o.id not in q.key]
        elif q.type == "true_false":
            wrong = [o for o in q.options if o.id != q.key["justification"]]
        else:
            wrong = list(q.options)
        assert all(o.feedback for o in wrong), q.id


@pytest.mark.parametrize("which", ["practice", "graded"])
def test_samples_pointers_and_kb_keys_check_out(which: str, acts: dict[str, Any],
                                                resolver: PointerResolver,
                                                request: pytest.FixtureRequest) -> None:
    items = request.getfixturevalue(which)
    files = {i: which for i in items}
    assert check_questions(items, files, acts, resolver) == []


def test_graded_bank_is_separate_and_well_formed(graded: dict[str, Question],
                                                 practice: dict[str, Question]) -> None:
    qs = list(graded.values())
    assert 15 <= len(qs) <= 20
    assert all(q.id.startswith("g03-") and q.module == MODULE for q in qs)
    assert sum(q.type == "short_text" for q in qs) <= 2
    assert len({q.type for q in qs}) >= 6
    assert {q.objective for q in qs} == set(range(1, 8))
    assert not set(graded) & set(practice)
    practice_prompts = {q.prompt.en for q in practice.values()}
    assert not [q.id for q in qs if q.prompt.en in practice_prompts]
    assert PACKAGED not in GRADED.parents


# ------------------------------------------------------------------------ notebook


def test_notebook_follows_the_template(notebook: dict, practice: dict[str, Question]) -> None:
    assert notebook["metadata"]["kernelspec"]["name"] == "python3"
    cells = notebook["cells"]
    assert all(not c.get("outputs") and not c.get("execution_count")
               for c in cells if c["cell_type"] == "code")
    first = "".join(cells[0]["source"])
    assert first.startswith("# Module 03:") and "Estimated time" in first
    assert "Run All Cells" in first
    code = _code(notebook)
    assert code[0] == 'from pocedu import lesson; lesson.start("03_police_role")'
    assert all(len(src.splitlines()) <= 2 for src in code)
    asked = _asked(notebook)
    assert len(asked) >= 8 and len(asked) == len(set(asked))
    assert set(asked) <= set(practice)
    for name in FIGURES:
        assert f'lesson.figure("{name}")' in code
    assert "lesson.progress()" in code and "lesson.references()" in code
    text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    assert "## Closing self-test" in text and "## References" in text


def test_item_sections_match_notebook_headings(notebook: dict, practice: dict[str, Question],
                                               graded: dict[str, Question]) -> None:
    sections = _sections(notebook)
    for q in [*practice.values(), *graded.values()]:
        assert q.section in sections, (q.id, q.section, sorted(sections))




# ------------------------------------------------ corrections checked against the Guidelines

SOURCES = ROOT.parent / "shared" / "sources"
KB_FILES = (PACKAGED / "police.yaml", PACKAGED / "activities_police.yaml", PRACTICE, GRADED)


def _english(node: Any) -> list[str]:
    """Every English text in a loaded YAML tree."""
    if isinstance(node, dict):
        return [t for k, v in node.items() for t in ([v] if k == "en" and isinstance(v, str)
                                                     else _english(v))]
    if isinstance(node, list):
        return [t for v in node for t in _english(v)]
    return []


@pytest.fixture(scope="module")
def module_texts(notebook: dict) -> str:
    """All English text module 03 teaches: notebook markdown, its KB files and both banks."""
    import yaml

    md = ["".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "markdown"]
    kb = [t for f in KB_FILES for t in _english(yaml.safe_load(f.read_text(encoding="utf-8")))]
    return "\n".join(md + kb)


def _guidelines() -> str:
    path = SOURCES / "un-police-poc-guidelines-2017.txt"
    if not path.is_file():
        pytest.skip("shared/sources not beside the repo")
    return re.sub(r"\s+", " ", path.read_text(encoding="utf-8"))


def _markdown_with(notebook: dict, needle: str) -> str:
    cells = ["".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "markdown"]
    hits = [c for c in cells if needle in c]
    assert len(hits) == 1, needle
    return hits[0]


def test_hrddp_measures_are_the_ones_the_tier_boxes_list(notebook: dict,
                                                         module_texts: str) -> None:
    """Police POC Guidelines 2017 para 11 and the Tier I, II and III boxes: the mitigating
    measures they give are excluding problem units or commanders and pledges of good conduct
    (Tier I), contingency planning against violations in joint operations (Tier II) and human
    rights background checks (Tier III). None of them lists 'joint monitoring'."""
    text = _guidelines().lower()
    start1, start3 = text.index("tier i: examples"), text.index("tier iii: examples")
    tier1 = text[start1:text.index("tier ii", start1 + 10)]
    tier3 = text[start3:text.index("d.7.", start3)]
    assert "excluding problematic units or commanders" in tier1
    assert "pledges of good conduct" in tier1
    assert "human rights background checks" in tier3
    measure = re.compile(r"joint monitoring(?! and evaluation)")  # M&E teams are para 67
    assert not measure.search(text)
    assert not measure.search(module_texts.lower())
    cell = _markdown_with(notebook, "**The HRDDP is not a ban.**")
    for measure in ("out of operations", "pledges of good conduct", "contingency planning",
                    "background checks"):
        assert measure in cell, measure
    for box in ("*(Tier I box)*", "*(Tier II box)*", "*(Tier III box)*"):
        assert box in cell, box


def test_handover_to_the_military_adds_no_fpu_tasks(module_texts: str) -> None:
    """Police POC Guidelines 2017 paras 32, 44 and 53 set the threshold and the transfer of
    authority; they give FPUs no 'escape routes' or crowd task once sustained fire begins."""
    text = _guidelines().lower()
    assert "escape route" not in text
    assert "transfer of authority between the police and military" in text
    for phrase in ("escape route", "manage crowds", "managing crowds", "manages the crowds"):
        assert phrase not in module_texts.lower(), phrase


def test_escalation_ladder_is_taught_as_a_summary_of_para_28(notebook: dict,
                                                             police: Any) -> None:
    """Police POC Guidelines 2017 para 28: the police POC strategy or OPLAN codifies the
    IPO-FPU handover triggers; para 31: IPOs also advise host police in the response phase."""
    text = _guidelines()
    assert "what triggers a handover from one to the other" in text
    assert "advising host-State police in pre-emption and response phases" in text
    cell = _markdown_with(notebook, "## 5. Escalation and handover")
    assert "this course's summary" in cell and "*(para 28)*" in cell
    assert "during the response too *(para 31)*" in cell
    first = min(police.handover, key=lambda h: h.order)
    assert first.trigger.en.startswith("Typically")
    assert "response phase" in first.text.en and "(para 28)" in first.text.en


def test_sage_poc_sites_and_protection_cluster_keep_the_guidelines_hedges(
        notebook: dict, police: Any) -> None:
    """Police POC Guidelines 2017 para 58 (SAGE only 'in missions where' it is deployed),
    para 35 (police 'may support' security in 'limited situations' inside UN premises, which
    'might entail' the listed tasks) and para 65 (the Protection Cluster 'may have' its own
    strategy)."""
    text = _guidelines()
    assert "in missions where SAGE" in text
    assert "in limited situations, within UN premises" in text and "this might entail" in text
    assert "may have its complementary but distinct protection strategy" in text
    coord = _markdown_with(notebook, "## 7. Coordination partners")
    assert "in missions where SAGE is deployed" in coord
    assert "may have its own, distinct protection strategy" in coord
    sites = _markdown_with(notebook, "## 6. POC sites and IDP camps")
    assert "in limited situations inside" in sites and "this might include *(para 35)*" in sites
    cluster = next(p for p in police.partners if p.id == "partner-hct-protection-cluster")
    assert "may have its own" in cluster.text.en


def test_poc_adviser_matching_option_is_the_para_60_planning_input(
        practice: dict[str, Question]) -> None:
    """Police POC Guidelines 2017 para 60 (POC Adviser: input to the police CONOPS and OPLAN).
    'Contingency planning' alone would also fit the Protection Cluster (Tier II box: close
    contacts with the Protection Cluster on contingency planning), so it is not the cue."""
    text = _guidelines()
    assert "overall POC planning (CONOPS, OPLAN)" in text
    assert "Protection Cluster on contingency planning" in text
    item = practice["03-coord-matching-04"]
    option = next(o for o in item.options if item.key[o.id] == "pocadv")
    assert "CONOPS" in option.text.en and "contingency" not in option.text.en.lower()
