"""The knowledge base and practice bank validate, and broken copies get clear messages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from pocedu.cli import main
from pocedu.content import ContentError, load_content, packaged
from pocedu.questions.grading import score, spec_of

REPO = Path(__file__).resolve().parents[1]
BANK = REPO / "assessments" / "bank"


def _edit(path: Path, fn) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    fn(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _problems(root: Path) -> list[str]:
    with pytest.raises(ContentError) as info:
        load_content(root)
    return info.value.problems


def _first_question_file(root: Path) -> Path:
    return sorted((root / "questions").glob("*.yaml"))[0]


def test_packaged_content_validates_and_cli_prints_counts(capsys):
    assert main(["validate"]) == 0
    out = capsys.readouterr().out
    assert "content OK" in out
    for module in ("01_definitions", "02_tiers_phases", "03_police_role", "04_crsv_cp"):
        assert module in out


def test_each_module_has_25_items_of_all_types():
    content = packaged()
    types = {"single", "multiple", "true_false", "ordering", "classification", "matching",
             "short_text"}
    for module in ("01", "02", "03", "04"):
        items = content.module_questions(module)
        assert len(items) >= 25, module
        assert {q.type for q in items} == types, module


def test_unknown_field_is_named(content_copy, capsys):
    qfile = _first_question_file(content_copy)
    first_id = {}

    def add_field(d):
        d["questions"][0]["colour"] = "red"
        first_id["id"] = d["questions"][0]["id"]

    _edit(qfile, add_field)
    problems = _problems(content_copy)
    assert any(f"questions/{qfile.name}: item '{first_id['id']}': field 'colour': unknown field"
               in p for p in problems), problems
    assert main(["validate", str(content_copy)]) == 1
    assert "colour" in capsys.readouterr().err


def test_missing_source_is_named(content_copy):
    _edit(content_copy / "framework.yaml", lambda d: d["activities"][0].pop("source"))
    act = yaml.safe_load((content_copy / "framework.yaml").read_text())["activities"][0]["id"]
    problems = _problems(content_copy)
    assert any(f"framework.yaml: item '{act}': field 'source'" in p and "required" in p.lower()
               for p in problems), problems


def test_source_pointing_at_missing_paragraph_is_named(content_copy):
    _edit(content_copy / "glossary.yaml",
          lambda d: d["terms"][0].update(source="POC Policy 2015 para 99"))
    term = yaml.safe_load((content_copy / "glossary.yaml").read_text())["terms"][0]["id"]
    problems = _problems(content_copy)
    assert any(f"glossary.yaml: item '{term}': field 'source'" in p and "no para 99" in p
               for p in problems), problems


def test_unknown_document_is_named(content_copy):
    _edit(content_copy / "glossary.yaml",
          lambda d: d["terms"][0].update(source="POC Handbook 2020 p 3"))
    assert any("unknown document" in p for p in _problems(content_copy))


def test_key_naming_missing_option_is_named(content_copy):
    qfile = _first_question_file(content_copy)
    target = {}

    def break_key(d):
        q = next(q for q in d["questions"] if q["type"] == "single")
        q["key"] = "no-such-option"
        target["id"] = q["id"]

    _edit(qfile, break_key)
    problems = _problems(content_copy)
    assert any(f"item '{target['id']}': field 'key'" in p and "no-such-option" in p
               for p in problems), problems


def test_duplicate_ids_are_named(content_copy):
    files = sorted((content_copy / "questions").glob("*.yaml"))
    dup = yaml.safe_load(files[0].read_text())["questions"][0]

    def add(d):
        clone = dict(dup, module=d["module"])
        d["questions"].append(clone)

    _edit(files[1], add)
    problems = _problems(content_copy)
    assert any(f"item '{dup['id']}': duplicate id" in p for p in problems), problems


def test_classification_key_contradicting_kb_is_named(content_copy):
    target = {}
    for qfile in sorted((content_copy / "questions").glob("*.yaml")):
        data = yaml.safe_load(qfile.read_text())
        for q in data["questions"]:
            if q.get("kb_check") == "tier":
                target.update(file=qfile, id=q["id"])
                break
        if target:
            break
    assert target, "the bank must have a kb_check: tier item"
    acts = load_content(content_copy).activities

    def contradict(d):
        q = next(q for q in d["questions"] if q["id"] == target["id"])
        opt = q["options"][0]
        right = acts[opt["ref"]].tiers
        wrong = next(t for t in ("tier-1", "tier-2", "tier-3") if t not in right)
        key = q["key"] if isinstance(q["key"], dict) else {
            o["id"]: acts[o["ref"]].tiers[0] for o in q["options"]}
        key[opt["id"]] = wrong
        q["key"] = key
        target["opt"] = opt["id"]

    _edit(target["file"], contradict)
    problems = _problems(content_copy)
    assert any(f"item '{target['id']}': field 'key.{target['opt']}'" in p
               and "knowledge base" in p for p in problems), problems


def test_malformed_yaml_names_file_and_line(content_copy):
    path = content_copy / "risk.yaml"
    path.write_text(path.read_text() + "\n  broken: [unclosed\n", encoding="utf-8")
    problems = _problems(content_copy)
    assert any(re.match(r"risk\.yaml:\d+:\d+: malformed YAML", p) for p in problems), problems


def test_duplicate_yaml_key_is_an_error(content_copy):
    path = content_copy / "documents.yaml"
    path.write_text(path.read_text().replace("  - id: poc2015\n",
                                             "  - id: poc2015\n    id: again\n", 1))
    assert any("duplicate key 'id'" in p for p in _problems(content_copy))


def _all_items():
    content = packaged()
    items = list(content.questions.values())
    if BANK.is_dir():
        from pocedu.content.loader import load_questions

        problems: list[str] = []
        graded, _ = load_questions(BANK, content.activities, problems, prefix="bank/")
        assert not problems, problems
        items += list(graded.values())
    return items


@pytest.mark.parametrize("question", _all_items(), ids=lambda q: q.id)
def test_sample_responses_score_as_declared(question):
    spec = spec_of(question)
    for sample in question.samples:
        result = score(spec, sample.response)
        assert result.score == pytest.approx(sample.score), (sample, result)
        assert result.valid == (sample.kind != "invalid"), (sample, result)
    correct = [s for s in question.samples if s.kind == "correct"]
    assert any(s.score == 1 for s in correct), "a correct sample must earn full marks"
