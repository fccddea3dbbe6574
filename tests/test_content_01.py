"""Module 01 content checks: glossary, principles, both banks and the lesson notebook."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from pocedu.content.loader import parse, read_yaml
from pocedu.content.models import QuestionFile
from pocedu.questions.grading import score, spec_of

REPO = Path(__file__).resolve().parents[1]
NOTEBOOK = REPO / "modules" / "01_definitions" / "01_definitions.ipynb"
GRADED = REPO / "assessments" / "bank" / "quiz01.yaml"
MODULE = "01_definitions"

REQUIRED_TERMS = {
    "poc", "civilian", "poc-threats", "hostile-act", "hostile-intent", "reasonable-belief",
    "imminent-threat", "collateral-damage", "iasc-protection", "r2p", "crsv", "sgbv", "ipo",
    "fpu", "specialised-team", "duf", "roe", "hrddp", "poc-site",
}
# CURRICULUM.md section 6, one entry per acronym
CURRICULUM_ACRONYMS = {
    "CAAC", "CAN", "CLA", "CoESPU", "CONOPS", "CPA", "WPA", "(e)CPOC", "CPTM", "CRSV", "CTFMR",
    "DDR", "SSR", "DPKO", "DFS", "DPO", "DSS", "DUF", "ERW", "FPU", "HCT", "HOM", "HOPC", "HOMC",
    "HRDDP", "IASC", "ICRC", "IDP", "IHL", "IHRL", "IRL", "IPO", "ISOP", "JAM", "JMAC", "JOC",
    "JPT", "MARA", "MRM", "OCHA", "OHCHR", "OLA", "OPLAN", "PoC site", "PSOCC", "R2P", "ROE",
    "SAGE", "SEA", "SGBV", "SMG-Protection", "SOP", "SRSG", "UNCT", "UNFPA", "UNHCR", "UNICEF",
    "UNMAS", "WG-CRSV",
}
# external facts must say so
EXTERNAL_ACRONYMS = {"CoESPU", "DPO", "ICRC", "UNFPA"}
SECTIONS = {
    "what-poc-means", "who-is-a-civilian", "poc-threats-and-imminence",
    "poc-humanitarian-protection-and-r2p", "guiding-principles-2015-and-2023",
    "host-state-and-the-active-duty-to-protect",
}
ALL_TYPES = {"single", "multiple", "true_false", "ordering", "classification", "matching",
             "short_text"}


@pytest.fixture(scope="module")
def content() -> Any:
    from pocedu.content.loader import packaged

    return packaged()


@pytest.fixture(scope="module")
def practice(content: Any) -> list[Any]:
    return content.module_questions(MODULE)


@pytest.fixture(scope="module")
def graded() -> QuestionFile:
    return parse(GRADED.name, read_yaml(GRADED), QuestionFile)


def _slug(heading: str) -> str:
    text = re.sub(r"^\d+\.\s*", "", heading.strip()).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def _notebook() -> dict:
    return json.loads(NOTEBOOK.read_text(encoding="utf-8"))


# ---------------------------------------------------------------- knowledge base


def test_glossary_holds_every_required_term(content: Any) -> None:
    assert REQUIRED_TERMS <= set(content.terms)


def test_glossary_imminence_has_four_markers(content: Any) -> None:
    elements = [e.en.lower() for e in content.terms["imminent-threat"].elements]
    assert len(elements) == 4
    for marker in ("intent", "capacity", "historical record", "opportunity"):
        assert any(marker in e for e in elements), marker


def test_glossary_poc_is_the_quoted_definition_with_four_limits(content: Any) -> None:
    poc = content.terms["poc"]
    assert poc.quote
    assert "without prejudice to the responsibility of the host government" in poc.definition.en
    assert len(poc.elements) == 4


def test_glossary_lists_every_curriculum_acronym(content: Any) -> None:
    have = {a.acronym for a in content.glossary.acronyms}
    assert CURRICULUM_ACRONYMS <= have, sorted(CURRICULUM_ACRONYMS - have)


def test_external_acronyms_say_external(content: Any) -> None:
    by_acronym = {a.acronym: a for a in content.glossary.acronyms}
    for name in EXTERNAL_ACRONYMS:
        assert any(p.startswith("[external]") for p in by_acronym[name].source), name


def test_principles_lists_and_links(content: Any) -> None:
    p = content.principles
    assert [x.number for x in p.principles_2015] == list(range(1, 14))
    assert [x.number for x in p.principles_2023] == list(range(1, 10))
    links15 = {(a.id, b) for a in p.principles_2015 for b in a.same_as}
    links23 = {(b, a.id) for a in p.principles_2023 for b in a.same_as}
    assert links15 == links23, "same_as must be stated on both sides"
    assert len(links15) == 7
    only_2023 = {x.id for x in p.principles_2023 if not x.same_as}
    assert only_2023 == {"p23-do-no-harm", "p23-technology-data"}
    assert all(x.change is not None for x in [*p.principles_2015, *p.principles_2023])


def test_every_curriculum_difference_is_recorded(content: Any) -> None:
    assert len(content.principles.differences) == 12


# ---------------------------------------------------------------- banks


def _check_items(items: list[Any]) -> list[str]:
    problems = []
    for q in items:
        if q.section not in SECTIONS:
            problems.append(f"{q.id}: section '{q.section}' is not a lesson heading")
        key = spec_of(q)["key"]
        for o in q.options:
            right = {"single": o.id == key, "multiple": key is not None and o.id in key,
                     "true_false": isinstance(key, dict) and o.id == key.get("justification")
                     }.get(q.type, False)
            if not right and o.feedback is None:
                problems.append(f"{q.id}: option '{o.id}' has no feedback")
    return problems


def _principle_key_problems(items: list[Any], content: Any) -> list[str]:
    """Classification keys over principles must agree with principles.yaml."""
    p = content.principles
    bins: dict[str, str] = {}
    for a in p.principles_2015:
        bins[a.id] = "both" if a.same_as else "only-2015"
    for b in p.principles_2023:
        bins[b.id] = "both" if b.same_as else "only-2023"
    problems = []
    for q in items:
        if q.type != "classification" or not any(o.ref in bins for o in q.options):
            continue
        for o in q.options:
            if o.ref not in bins:
                problems.append(f"{q.id}: option '{o.id}' has no principle ref")
            elif q.key[o.id] != bins[o.ref]:
                problems.append(f"{q.id}: '{o.id}' keyed '{q.key[o.id]}', KB says '{bins[o.ref]}'")
    return problems


def test_practice_bank_size_types_and_objectives(practice: list[Any]) -> None:
    assert len(practice) >= 25
    assert {q.type for q in practice} == ALL_TYPES
    assert set(range(1, 7)) <= {q.objective for q in practice}
    assert {q.section for q in practice} == SECTIONS


def test_practice_items_have_sections_and_feedback(practice: list[Any]) -> None:
    assert _check_items(practice) == []


def test_principle_keys_agree_with_knowledge_base(practice: list[Any], graded: QuestionFile,
                                                  content: Any) -> None:
    items = [*practice, *graded.questions]
    assert _principle_key_problems(items, content) == []
    assert sum(1 for q in items if q.type == "classification"
               and any(o.ref for o in q.options)) >= 2


def test_graded_bank_shape(graded: QuestionFile, practice: list[Any]) -> None:
    items = graded.questions
    assert 15 <= len(items) <= 20
    assert all(q.id.startswith("g01-") and q.module == MODULE for q in items)
    assert sum(q.type == "short_text" for q in items) <= 2
    assert len(Counter(q.type for q in items)) >= 5
    assert _check_items(items) == []
    prompts = {q.prompt.en for q in practice}
    assert not [q.id for q in items if q.prompt.en in prompts], "reuse of practice wording"


def test_graded_bank_samples_and_pointers(graded: QuestionFile, content: Any) -> None:
    resolver = content.resolver
    for q in graded.questions:
        for pointer in q.source:
            resolver.resolve(pointer)
        spec = spec_of(q)
        for sample in q.samples:
            got = score(spec, sample.response)
            assert got.score == pytest.approx(sample.score), (q.id, sample.kind)
            assert got.valid == (sample.kind != "invalid"), (q.id, sample.kind)


def test_graded_keys_are_not_packaged() -> None:
    from pocedu.content.loader import PACKAGED

    for path in PACKAGED.rglob("*.yaml"):
        assert "g01-" not in path.read_text(encoding="utf-8"), path


# ---------------------------------------------------------------- notebook


def test_notebook_follows_the_template(practice: list[Any]) -> None:
    nb = _notebook()
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    cells = nb["cells"]
    code = ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]
    markdown = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    assert all(not c.get("outputs") and c.get("execution_count") is None
               for c in cells if c["cell_type"] == "code"), "commit without outputs"
    assert code[0] == 'from pocedu import lesson; lesson.start("01_definitions")'
    assert markdown.startswith("# Module 01:")
    headings = re.findall(r"^## (\d+\. .+)$", markdown, flags=re.M)
    assert {_slug(h) for h in headings} == SECTIONS
    for required in ("## Learning objectives", "## Closing self-test", "## References",
                     "### Check your understanding", "Estimated time"):
        assert required in markdown, required
    asked = [i for c in code for i in re.findall(r'"(01-[a-z0-9-]+)"', c)
             if c.startswith("lesson.ask")]
    bank = {q.id for q in practice}
    assert len(asked) >= 8 and set(asked) <= bank, set(asked) - bank
    figures = [c for c in code if c.startswith("lesson.figure")]
    assert 'lesson.figure("policy_timeline")' in figures
    assert 'lesson.figure("principles_comparison")' in figures
    assert all(len(c.splitlines()) <= 2 for c in code)


# ---------------------------------------------------------------- corrections (issue 11)

SOURCES = REPO.parent / "shared" / "sources"
POLICY_2015 = SOURCES / "poc-policy-2015.txt"


def _policy_2015() -> str:
    return re.sub(r"\s+", " ", POLICY_2015.read_text(encoding="utf-8"))


def _para_2015(number: int) -> str:
    """Paragraph ``number`` of the 2015 Policy, whitespace folded."""
    text = _policy_2015()
    start = re.search(rf"(?<![\d.]){number}\. [A-Z]", text)
    end = re.search(rf"(?<![\d.]){number + 1}\. [A-Z]", text)
    assert start and end and start.start() < end.start(), number
    return text[start.start():end.start()]


def _markdown(nb: dict) -> str:
    return "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")


def _section(markdown: str, number: int) -> str:
    return re.split(r"^## ", markdown, flags=re.M)[number + 1]


def test_consent_does_not_rule_out_force_against_state_elements(
        content: Any, graded: QuestionFile, practice: list[Any]) -> None:
    """POC Policy 2015 para 23: consent, yet tactical force against government elements."""
    para23 = _para_2015(23)
    assert "operate with the consent of the host state" in para23
    assert "use of force against elements of government forces at the tactical level" in para23
    hostgov = next(q for q in graded.questions
                   if q.id == "g01-concepts-classify-10").option("hostgov")
    assert "tactical force against state elements" in hostgov.text.en
    assert "with its consent" not in hostgov.text.en
    assert "para 23" in hostgov.feedback.en
    poc_consent = next(n.en for n in content.terms["poc"].notes if n.en.startswith("Consent"))
    assert "force at the tactical level" in poc_consent and "para 23" in poc_consent
    table = _section(_markdown(_notebook()), 4)
    consent_row = next(line for line in table.splitlines() if line.startswith("| **Consent**"))
    poc_cell = consent_row.split("|")[2]
    assert "tactical level" in poc_cell and "para 23" in poc_cell, poc_cell
    by_id = {q.id: q for q in [*practice, *graded.questions]}
    assert by_id["01-hoststate-truefalse-41"].key == {"value": True, "justification": "j2"}
    assert "POC Policy 2015 para 23" in by_id["01-hoststate-truefalse-41"].source
    assert "01-hoststate-truefalse-32" not in by_id, "the key changed: the id must change too"


def test_r2p_has_a_specific_focus_on_atrocities_not_only_them(content: Any,
                                                               practice: list[Any]) -> None:
    """POC Policy 2015 Sec. F: R2P addresses physical violence 'with a specific focus on'."""
    sec_f = _policy_2015().split("F. TERMINOLOGY", 1)[1]
    assert "with a specific focus on mass atrocities" in sec_f
    r2p = content.terms["r2p"]
    texts = [r2p.definition.en, *(n.en for n in r2p.notes),
             *(n.en for n in content.terms["poc"].notes)]
    assert "specific focus on mass atrocities" in r2p.definition.en
    assert not [t for t in texts if re.search(r"atrocities only|only mass atrocities", t)]
    table = _section(_markdown(_notebook()), 4)
    scope_row = next(line for line in table.splitlines() if line.startswith("| **Scope**"))
    assert "specific focus on mass atrocities" in scope_row.split("|")[4]
    for q in practice:
        for o in q.options:
            assert "atrocities only" not in o.text.en, q.id


def test_documents_state_their_status(content: Any) -> None:
    """POC Policy 2015 para 7: it supersedes the 2010 Operational Concept and the Framework."""
    para7 = _para_2015(7)
    assert "supersedes the 2010 Operational Concept" in para7
    assert "Framework for Drafting Comprehensive Protection of Civilians Strategies" in para7
    docs = {d.id: d for d in content.documents.documents}
    assert {d.status.standing for d in docs.values()} == {
        "current", "earlier-version", "course-description"}
    assert docs["poc2023"].status.standing == "current"
    assert docs["poc2015"].status.standing == "earlier-version"
    notes_2015 = " ".join(n.en for n in docs["poc2015"].status.notes)
    for needle in ("Operational Concept", "Framework for Drafting", "para 7",
                   "carries forward", "no longer lists"):
        assert needle in notes_2015, needle
    # the course description still names both superseded documents, and its status says so
    course = re.sub(r"\s+", " ", (SOURCES / docs["coespu"].file).read_text(encoding="utf-8"))
    assert "Operational Concept POC" in course and "framework for Drafting" in course
    notes_course = " ".join(n.en for n in docs["coespu"].status.notes)
    assert "Operational Concept" in notes_course and "para 7" in notes_course
    resolver = content.resolver
    for d in docs.values():
        for pointer in d.status.source:
            resolver.resolve(pointer)
    section1 = _section(_markdown(_notebook()), 1)
    for needle in ("**Superseded** by the 2015 Policy *(POC Policy 2015 para 7)*",
                   "CoESPU course", "carries forward", "**Current** policy"):
        assert needle in section1, needle


def test_timeline_shows_what_each_document_is_used_for_today(content: Any) -> None:
    """The policy timeline's hover text carries each document's status (documents.yaml)."""
    from pocedu.figures.timeline import policy_timeline

    fig = policy_timeline(content=content)
    hover = " ".join(t for trace in fig.data for t in trace.hovertext)
    for d in content.documents.documents:
        if d.year is not None:
            assert d.status.current_for.en.split()[0] in hover, d.id
    assert "Use today:" in hover


def test_both_module_01_banks_pass_the_item_writing_lint() -> None:
    """ITEMS.md rules (issue 11) on the practice bank and on quiz01, naive strategies included."""
    from pocedu.content.lint import lint_files
    from pocedu.content.loader import PACKAGED

    findings = lint_files([PACKAGED / "questions" / "01_definitions.yaml", GRADED])
    assert [str(f) for f in findings] == []


def test_quiz01_is_mostly_kelvara_vignettes_at_apply_or_above(graded: QuestionFile) -> None:
    """At least 40% (aim ~50%) of quiz01 is apply or above, set in the Kelvara scenario."""
    from pocedu.content.models.questions import APPLY_OR_ABOVE

    places = ("Kelvara", "UNMMK", "KNP", "PSDG", "Lanmore", "Orvane", "Dunmarl", "Greywater",
              "Eastern Road", "Kerris", "Saran", "Sector East")
    high = [q for q in graded.questions if q.level in APPLY_OR_ABOVE]
    assert len(high) >= 0.5 * len(graded.questions)
    assert not [q.id for q in high if not any(p in q.prompt.en for p in places)]
