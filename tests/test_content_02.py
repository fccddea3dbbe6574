"""Checks specific to module 02: framework, risk and displacement data, both banks, the lesson."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from pocedu.content.loader import (
    PACKAGED,
    catalogue,
    check_questions,
    load_kb_file,
    load_questions,
    parse,
)
from pocedu.content.models import DocumentsFile
from pocedu.content.pointers import PointerResolver
from pocedu.content.yamlio import read_yaml

ROOT = Path(__file__).resolve().parents[1]
PRACTICE = PACKAGED / "questions" / "02_tiers_phases.yaml"
GRADED = ROOT / "assessments" / "bank" / "quiz02.yaml"
NOTEBOOK = ROOT / "modules" / "02_tiers_phases" / "02_tiers_phases.ipynb"
SECTIONS = (
    "the-three-tiers", "the-four-phases", "the-activity-catalogue", "threat-and-risk-assessment",
    "prioritising-threats", "planning-tools", "forced-displacement",
)
TYPES = {"single", "multiple", "true_false", "ordering", "classification", "matching", "short_text"}


@cache
def _framework():
    return load_kb_file("framework.yaml")


@cache
def _acts() -> dict:
    return catalogue(_framework(), load_kb_file("activities_police.yaml"))


def _bank(path: Path, tmp_path: Path) -> dict:
    """Load one bank file on its own (keys derived from the KB) and run the cross checks."""
    shutil.copy(path, tmp_path / path.name)
    problems: list[str] = []
    items, files = load_questions(tmp_path, _acts(), problems, prefix="bank/")
    assert problems == []
    docs = parse("documents.yaml", read_yaml(PACKAGED / "documents.yaml"), DocumentsFile)
    assert check_questions(items, files, _acts(), PointerResolver(docs.documents)) == []
    return items


# ----------------------------------------------------------------- knowledge base


def test_framework_tiers_phases_actors() -> None:
    fw = _framework()
    assert [t.id for t in fw.tiers] == ["tier-1", "tier-2", "tier-3"]
    assert [p.id for p in fw.phases] == ["prevention", "pre-emption", "response", "consolidation"]
    assert all(p.police_trigger is not None for p in fw.phases)
    assert {a.id for a in fw.actors} == {
        "ipo", "fpu", "specialised-team", "other-formed-unit", "military", "civilian"
    }
    facts = {f.id for f in fw.facts}
    assert {"tiers-no-hierarchy", "phases-not-sequential", "every-component-every-tier",
            "tier-2-police-and-military"} <= facts


def test_catalogue_2015_is_complete_and_tagged() -> None:
    acts = _framework().activities
    assert 50 <= len(acts) <= 80
    for a in acts:
        assert a.id.startswith("act-2015-") and a.origin == "poc2015"
        assert a.tiers, f"{a.id} has no tier"
        if any("31" in s or "32" in s or "33" in s for s in a.source):
            assert a.phases, f"{a.id} is listed under a phase but has none"
    phases = Counter(p for a in acts for p in a.phases)
    assert all(phases[p] >= 5 for p in ("prevention", "pre-emption", "response", "consolidation"))
    tier2 = [a for a in acts if "tier-2" in a.tiers]
    assert all(set(a.actors) & {"fpu", "military", "civilian"} for a in tier2)
    # the boxes of E.3 are in the catalogue
    sources = " ".join(s for a in acts for s in a.source)
    for box in ("Harm mitigation", "Forced displacement", "Annex B §VIII"):
        assert box in sources


def test_risk_quadrants_and_tools() -> None:
    risk = load_kb_file("risk.yaml")
    assert [s.order for s in risk.assessment_steps] == [1, 2, 3, 4, 5]
    q = {x.letter: x for x in risk.quadrants}
    assert (q["D"].likelihood, q["D"].impact, q["D"].rank) == ("high", "high", 1)
    assert q["A"].inferred and not q["D"].inferred
    assert q["B"].rank == q["C"].rank  # the Policy leaves B versus C to arbitration
    assert risk.chart_layout is not None and risk.chart_layout.inferred
    assert [c.order for c in risk.decision_criteria] == [1, 2, 3, 4]
    assert {t.id for t in risk.tools} == {
        "tool-poc-strategy", "tool-threat-matrix", "tool-protection-matrix", "tool-action-plan"
    }
    assert {f.name.en for f in risk.impact_factors} == {
        "Scale", "Gravity", "Intensity", "Regularity or systematic nature"
    }


def test_displacement_order_and_site_conditions() -> None:
    disp = load_kb_file("displacement.yaml")
    assert [p.id for p in disp.priorities] == [
        "priority-outside-premises", "priority-adjacent-areas", "priority-poc-sites"
    ]
    conditions = {c.id for c in disp.poc_site_conditions}
    assert {"site-shortest-time", "site-decision-leadership", "site-risks-reduced",
            "site-international-standards"} <= conditions


# ----------------------------------------------------------------- banks


def test_practice_bank_covers_the_module(tmp_path: Path) -> None:
    items = _bank(PRACTICE, tmp_path)
    assert len(items) >= 25
    assert {q.type for q in items.values()} == TYPES
    assert {q.objective for q in items.values()} == {1, 2, 3, 4, 5, 6}
    assert {q.section for q in items.values()} <= set(SECTIONS)
    kb = [q for q in items.values() if q.kb_check in ("tier", "phase")
          and all(o.ref and o.ref.startswith("act-2015-") for o in q.options)]
    assert len(kb) >= 3
    for q in items.values():
        assert q.id.startswith("02-")
        _wrong_options_have_feedback(q)


def test_graded_bank_is_separate_and_sound(tmp_path: Path) -> None:
    (tmp_path / "graded").mkdir()
    (tmp_path / "practice").mkdir()
    graded = _bank(GRADED, tmp_path / "graded")
    assert 15 <= len(graded) <= 20
    assert all(q.id.startswith("g02-") for q in graded.values())
    assert sum(q.type == "short_text" for q in graded.values()) <= 2
    assert {q.objective for q in graded.values()} == {1, 2, 3, 4, 5, 6}
    assert "from-kb" not in GRADED.read_text(encoding="utf-8").split("questions:", 1)[1]
    practice = _bank(PRACTICE, tmp_path / "practice")
    prompts = {q.prompt.en for q in practice.values()}
    assert not prompts & {q.prompt.en for q in graded.values()}
    for q in graded.values():
        _wrong_options_have_feedback(q)


def _wrong_options_have_feedback(q) -> None:
    if q.type in ("single", "multiple"):
        key = {q.key} if isinstance(q.key, str) else set(q.key)
        missing = [o.id for o in q.options if o.id not in key and o.feedback is None]
    elif q.type == "true_false":
        missing = [o.id for o in q.options if o.id != q.key["justification"] and o.feedback is None]
    else:
        missing = [o.id for o in q.options if o.feedback is None]
    assert not missing, f"{q.id}: no feedback on {missing}"


# ----------------------------------------------------------------- lesson


def test_lesson_uses_existing_items_and_figures(tmp_path: Path) -> None:
    import nbformat

    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    markdown = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code")
    asked = re.findall(r'"(02-[a-z0-9-]+)"', code)
    items = _bank(PRACTICE, tmp_path)
    assert len(asked) >= 8 and set(asked) <= set(items)
    for name in ("tiers_phases_matrix", "risk_matrix", "risk_placer", "displacement_ladder"):
        assert f'lesson.figure("{name}")' in code
    for slug in SECTIONS:
        assert f'<a id="{slug}"></a>' in markdown
    assert nb.metadata["kernelspec"]["name"] == "python3"


@pytest.mark.parametrize("path", [PRACTICE, GRADED], ids=["practice", "graded"])
def test_sources_of_module_02_items_resolve(path: Path, tmp_path: Path) -> None:
    # _bank runs the pointer, KB-agreement and sample-score checks
    assert _bank(path, tmp_path)


# ----------------------------------------------------------------- item-writing rules (ITEMS.md)


def test_module_02_banks_and_the_capstone_pass_the_item_writing_lint() -> None:
    """ITEMS.md rules via the one lint (``pocedu validate`` lints every bank; this keeps the
    module 02 banks and the generated capstone green on their own)."""
    from pocedu.content.lint import lint_files

    capstone = ROOT / "assessments" / "bank" / "capstone.yaml"
    assert [str(f) for f in lint_files([PRACTICE, GRADED, capstone])] == []


def test_quiz02_high_level_items_are_kelvara_vignettes(tmp_path: Path) -> None:
    items = list(_bank(GRADED, tmp_path).values())
    vignettes = [q for q in items if q.level in ("apply", "analyse", "evaluate")]
    assert len(vignettes) >= 0.4 * len(items)
    kelvara = ("Kelvara", "UNMMK", "KNP", "PSDG", "Lanmore", "Orvane", "Kerris", "Dunmarl",
               "Greywater")
    assert all(any(w in q.prompt.en for w in kelvara) for q in vignettes)


def _texts(node: object) -> list[dict]:
    """Every per-language text map in a parsed YAML tree."""
    if isinstance(node, dict):
        here = [node] if isinstance(node.get("en"), str) else []
        return here + [t for v in node.values() for t in _texts(v)]
    if isinstance(node, list):
        return [t for v in node for t in _texts(v)]
    return []


@pytest.mark.parametrize("path", [
    PRACTICE, GRADED, ROOT / "assessments" / "bank" / "capstone.yaml",
    PACKAGED / "scenarios" / "silver_river.yaml"], ids=["practice", "graded", "capstone",
                                                         "scenario"])
def test_every_text_has_french(path: Path) -> None:
    texts = _texts(read_yaml(path))
    assert len(texts) > 100
    missing = [t["en"][:60] for t in texts if not t.get("fr")]
    assert missing == []


# ----------------------------------------------------------------- corrections (issue 11)


def test_protection_matrix_decision_is_taught_as_one_missions_practice(tmp_path: Path) -> None:
    """POC Policy 2015 Annex B §V reports how MONUSCO and the Protection Cluster worked ('the
    final decision was made by the Force'); it is an example, not a rule for every mission."""
    import nbformat

    capstone = ROOT / "modules" / "05_capstone" / "05_capstone.ipynb"
    texts = [c.source for nb in (NOTEBOOK, capstone)
             for c in nbformat.read(nb, as_version=4).cells if c.cell_type == "markdown"]
    risk = load_kb_file("risk.yaml")
    texts += [t.owner.en for t in risk.tools] + [f.text.en for f in risk.facts]
    texts += [f.title.en for f in risk.facts]
    for path in (PRACTICE, GRADED):
        (tmp_path / path.stem).mkdir()
        for q in _bank(path, tmp_path / path.stem).values():
            texts += [q.explanation.en, *(o.text.en for o in q.options),
                      *(o.feedback.en for o in q.options if o.feedback),
                      *(b.text.en for b in q.bins), *(r.text.en for r in q.rubric),
                      q.model_answer.en if q.model_answer else ""]
    from pocedu.scenario.protection import ProtectionMatrix

    texts.append(ProtectionMatrix().figure().layout.title.subtitle.text)
    for text in texts:
        assert "the Force decides" not in text, text
        if re.search(r"\bthe Force\b", text):
            assert "MONUSCO" in text, f"'the Force' without naming MONUSCO's practice: {text}"
