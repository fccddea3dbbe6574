"""Per-student feedback: what was missed, why, where to read, and no leaked keys or test code."""
# ruff: noqa: E501  (the inline YAML bank keeps one item field per line)

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from pocedu.assess.results.feedback import (
    bank_items,
    default_resolver,
    describe_pointer,
    write_feedback,
)

BANK = """\
schema_version: 1
module: 01_definitions
questions:
  - id: g01-resp-single-01
    module: 01_definitions
    objective: 6
    type: single
    section: host-state-responsibility
    prompt: {en: "Who has the primary responsibility to protect civilians in the host country?"}
    options:
      - {id: a, text: {en: "The host state"}}
      - id: b
        text: {en: "The peacekeeping mission"}
        feedback: {en: "The mission supports the host state or acts when it is unable or unwilling."}
      - {id: c, text: {en: "Humanitarian agencies"}}
    key: a
    explanation: {en: "A POC mandate does not replace the host state's own responsibility."}
    source: POC Policy 2015 para 19
    samples:
      - {kind: correct, response: a, score: 1}
      - {kind: wrong, response: b, score: 0}
      - {kind: invalid, response: z, score: 0}
  - id: g01-imminent-multiple-01
    module: 01_definitions
    objective: 3
    type: multiple
    section: imminent-threat
    prompt: {en: "Which elements make a threat imminent once the mission reasonably believes a potential perpetrator has them?"}
    options:
      - {id: a, text: {en: "Hostile intent"}}
      - {id: b, text: {en: "Capacity"}}
      - {id: c, text: {en: "A historical record"}}
      - {id: d, text: {en: "Opportunity"}}
      - id: e
        text: {en: "Violence already under way"}
        feedback: {en: "Violence need not have started for a threat to be imminent."}
    key: [a, b, c, d]
    explanation: {en: "Intent, capacity, record and opportunity together make a threat imminent."}
    source: POC Policy 2015 para 47
    samples:
      - {kind: correct, response: [a, b, c, d], score: 1}
      - {kind: wrong, response: [e], score: 0}
      - {kind: invalid, response: "a", score: 0}
  - id: g01-civilian-tf-01
    module: 01_definitions
    objective: 2
    type: true_false
    section: who-is-a-civilian
    prompt: {en: "A person carrying a rifle is a combatant and loses the protection owed to civilians."}
    options:
      - {id: j1, text: {en: "Civilians may carry arms without being combatants; in case of doubt, treat a person as a civilian."}}
      - {id: j2, text: {en: "Anyone who carries a weapon has given up civilian status."}}
    key: {value: false, justification: j1}
    explanation: {en: "Carrying arms alone does not make a person a combatant."}
    source: POC Policy 2015 para 41
    samples:
      - {kind: correct, response: {value: false, justification: j1}, score: 1}
      - {kind: wrong, response: {value: true, justification: j2}, score: 0}
      - {kind: invalid, response: "yes", score: 0}
  - id: g01-belief-text-01
    module: 01_definitions
    objective: 3
    type: short_text
    section: imminent-threat
    prompt: {en: "In one or two sentences, say what a 'reasonable belief' is."}
    rubric:
      - {id: r1, text: {en: "What a reasonable person would conclude"}}
      - {id: r2, text: {en: "From the circumstances known at that moment"}}
    model_answer: {en: "The conclusion a reasonable person would sensibly draw from what they know at that moment."}
    explanation: {en: "A reasonable belief rests on the facts known at the time, not on hindsight."}
    source: POC Policy 2015 Sec. F
    samples:
      - {kind: correct, response: {text: "x", checked: [r1, r2]}, score: 1}
      - {kind: wrong, response: {text: "x", checked: []}, score: 0}
      - {kind: invalid, response: {text: ""}, score: 0}
"""
ITEMS = ["g01-resp-single-01", "g01-imminent-multiple-01", "g01-civilian-tf-01",
         "g01-belief-text-01"]
MAX = [1.0, 1.0, 1.0, 2.0]


def _results(answers: dict[str, list], statuses: dict[str, str] | None = None) -> pd.DataFrame:
    """``answers``: student -> [(response, points)] per item; None for no submission."""
    rows = []
    for student, per in answers.items():
        for n, (item, mx) in enumerate(zip(ITEMS, MAX, strict=True)):
            resp, pts = per[n] if per else (None, float("nan"))
            rows.append({"student_id": student, "assignment": "quiz01", "item_id": item,
                         "label": f"Q{n + 1}", "module": "01_definitions", "objective": 1,
                         "points": pts, "max_points": mx,
                         "response": None if resp is None else json.dumps(resp),
                         "status": (statuses or {}).get(student, "graded" if per else "missing")})
    return pd.DataFrame(rows)


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    path = tmp_path / "bank" / "quiz01.yaml"
    path.parent.mkdir()
    path.write_text(BANK, encoding="utf-8")
    return path.parent


HOSTILE = "<script>alert('x')</script>"
ANSWERS = {
    # right on Q1 and Q3; wrong on Q2 (chose the distractor); half marks on Q4 with HTML in it
    "amina": [("a", 1.0), (["a", "e"], 0.0), ({"value": False, "justification": "j1"}, 1.0),
              ({"text": HOSTILE, "checked": ["r1"]}, 1.0)],
    "bruno": [("a", 1.0), (["a", "b", "c", "d"], 1.0),
              ({"value": False, "justification": "j1"}, 1.0),
              ({"text": "fine", "checked": ["r1", "r2"]}, 2.0)],
    "chen": [("b", 0.0), (None, 0.0), ({"value": True, "justification": "j2"}, 0.0),
             ({"text": "no idea", "checked": []}, 0.0)],
    "dana": None,
}


def test_missed_items_get_answer_right_answer_explanation_source_and_section(
        bank: Path, tmp_path: Path) -> None:
    paths = write_feedback(results=_results(ANSWERS), bank=bank, out_dir=tmp_path / "fb")
    assert [p.relative_to(tmp_path / "fb").as_posix() for p in paths] == [
        "amina/quiz01.html", "bruno/quiz01.html", "chen/quiz01.html", "dana/quiz01.html"]
    page = (tmp_path / "fb" / "chen" / "quiz01.html").read_text(encoding="utf-8")
    assert "Score: <strong>0 of 5</strong>" in page
    # the student's answer and the right one as option texts, with per-option feedback
    assert "The peacekeeping mission" in page and "The host state" in page
    assert "acts when it is unable or unwilling" in page
    assert "No answer recorded" in page
    assert "Anyone who carries a weapon has given up civilian status." in page
    # explanations, resolved source pointers, lesson sections
    assert "does not replace the host state&#x27;s own responsibility" in page
    assert "POC Policy 2015 para 19: DPKO/DFS Policy: The Protection of Civilians" in page
    assert "POC Policy 2015 Sec. F" in page
    assert "modules/01_definitions/01_definitions.ipynb#imminent-threat" in page
    assert "modules/01_definitions/01_definitions.ipynb#who-is-a-civilian" in page


def test_items_answered_right_show_no_key(bank: Path, tmp_path: Path) -> None:
    write_feedback(results=_results(ANSWERS), bank=bank, out_dir=tmp_path)
    page = (tmp_path / "amina" / "quiz01.html").read_text(encoding="utf-8")
    # Q2 missed: its key is shown (expected feedback), with the chosen distractor's feedback
    assert "Opportunity" in page and "Violence need not have started" in page
    # Q1 and Q3 right: neither their key texts nor their explanations appear
    assert "The host state" not in page and "in case of doubt" not in page
    assert "does not replace" not in page
    assert "#who-is-a-civilian" not in page and "#host-state-responsibility" not in page
    for leak in ("BEGIN HIDDEN TESTS", "quiz.grade(", "grade_item(", '"key"'):
        assert leak not in page
    full = (tmp_path / "bruno" / "quiz01.html").read_text(encoding="utf-8")
    assert "full marks on 4 of 4" in full and "What was right" not in full


def test_student_text_is_escaped(bank: Path, tmp_path: Path) -> None:
    write_feedback(results=_results(ANSWERS), bank=bank, out_dir=tmp_path)
    page = (tmp_path / "amina" / "quiz01.html").read_text(encoding="utf-8")
    assert HOSTILE not in page and "&lt;script&gt;" in page
    assert "What a reasonable person would conclude" in page  # ticked rubric point


def test_missing_and_ungradable_students_get_a_note_not_items(bank: Path, tmp_path: Path) -> None:
    results = _results({**ANSWERS, "eve": ANSWERS["chen"]}, statuses={"eve": "ungradable"})
    write_feedback(results=results, bank=bank, out_dir=tmp_path)
    missing = (tmp_path / "dana" / "quiz01.html").read_text(encoding="utf-8")
    assert "no submission from you" in missing and "What was right" not in missing
    ungradable = (tmp_path / "eve" / "quiz01.html").read_text(encoding="utf-8")
    assert "could not be graded automatically" in ungradable
    assert "The host state" not in ungradable


def test_unsafe_ids_and_unknown_items_are_refused(bank: Path, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="folder name"):
        write_feedback(results=_results({"../x": ANSWERS["amina"]}), bank=bank, out_dir=tmp_path)
    other = _results({"amina": ANSWERS["amina"]}).replace({"item_id": {ITEMS[0]: "g09-x"}})
    with pytest.raises(KeyError, match="g09-x"):
        write_feedback(results=other, bank=bank, out_dir=tmp_path)
    assert not any(tmp_path.glob("*/quiz01.html"))


def test_bank_forms_and_pointer_description(bank: Path) -> None:
    items = bank_items(bank)
    assert list(items) == ITEMS
    assert bank_items({"quiz01": list(items.values())}) == items
    assert bank_items(list(items.values())) == items
    resolver = default_resolver()
    assert describe_pointer("[external] UN glossary", resolver) == "[external] UN glossary"
    assert "Guidelines" in describe_pointer("Police POC Guidelines 2017 para 31", resolver)
