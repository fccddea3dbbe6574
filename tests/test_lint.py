"""The item-writing lint: a bank that breaks each rule gets each message, with figure and ids."""

from __future__ import annotations

from pathlib import Path

import yaml

from pocedu.cli import main
from pocedu.content.lint import lint_bank, lint_files
from pocedu.content.models.questions import Question

SRC = "POC Policy 2015 para 13"


def _opt(oid: str, text: str, mis: str | None = None) -> dict:
    opt: dict = {"id": oid, "text": {"en": text}}
    if mis:
        opt["misconception"] = {"en": mis}
    return opt


def single(i: int, key_text: str, others: list[str], *, mis: bool = True,
           level: str | None = "apply") -> dict:
    opts = [_opt("a", key_text)] + [_opt(chr(98 + n), t, "a wrong idea" if mis else None)
                                    for n, t in enumerate(others)]
    item = {"id": f"g01-x-single-{i:02d}", "module": "01_definitions", "objective": 1,
            "type": "single", "prompt": {"en": "Which?"}, "options": opts, "key": "a",
            "explanation": {"en": "Because."}, "source": SRC,
            "samples": [{"kind": "correct", "response": "a", "score": 1},
                        {"kind": "wrong", "response": "b", "score": 0},
                        {"kind": "invalid", "response": "z", "score": 0}]}
    if level:
        item["level"] = level
    return item


def true_false(i: int, value: bool) -> dict:
    opts = [_opt("j1", "Because the definition says so."),
            _opt("j2", "Because the host state decides this alone.", "host state decides"),
            _opt("j3", "Because only troops act.", "military primacy")]
    return {"id": f"g01-x-tf-{i:02d}", "module": "01_definitions", "objective": 1,
            "type": "true_false", "level": "understand", "prompt": {"en": "True or false?"},
            "options": opts, "key": {"value": value, "justification": "j1"},
            "explanation": {"en": "Because."}, "source": SRC,
            "samples": [{"kind": "correct", "response": {"value": value, "justification": "j1"},
                         "score": 1},
                        {"kind": "wrong", "response": {"value": not value, "justification": "j2"},
                         "score": 0},
                        {"kind": "invalid", "response": "yes", "score": 0}]}


def multiple(i: int, n_wrong: int, *, key_all: bool = False) -> dict:
    opts = [_opt(f"k{n}", f"A right statement number {n}.") for n in range(2)]
    if not key_all:
        opts += [_opt(f"w{n}", f"A wrong statement number {n}.", "a wrong idea")
                 for n in range(n_wrong)]
    key = ["k0", "k1"]
    return {"id": f"g01-x-multiple-{i:02d}", "module": "01_definitions", "objective": 1,
            "type": "multiple", "level": "apply", "prompt": {"en": "Which ones?"},
            "options": opts, "key": key, "explanation": {"en": "Because."}, "source": SRC,
            "samples": [{"kind": "correct", "response": key, "score": 1},
                        {"kind": "wrong", "response": ["k0", opts[-1]["id"]] if not key_all
                         else ["k0"], "score": 0 if not key_all else 0.5},
                        {"kind": "invalid", "response": ["zz"], "score": 0}]}


def _bank(items: list[dict]) -> list[Question]:
    return [Question.model_validate(i) for i in items]


def _rules(items: list[dict], graded: bool = True) -> dict[str, str]:
    return {f.rule + ("" if f.rule != "longest-option" else
                      (":longest" if "strictly" in f.message else ":range")): str(f)
            for f in lint_bank(_bank(items), label="bank/quiz99.yaml", graded=graded)}


BALANCED = ["A distractor of about the same length.", "Another distractor, much longer than "
            "the key and the first one.", "Short one."]


def good_bank() -> list[dict]:
    return ([single(i, "The key, of a middling length.", BALANCED) for i in range(4)]
            + [true_false(1, True), true_false(2, False)]
            + [multiple(1, 1), multiple(2, 2), multiple(3, 3)])


def test_a_bank_that_keeps_every_rule_has_no_finding() -> None:
    assert _rules(good_bank(), graded=False) == {}


def test_naive_strategies_on_a_graded_bank() -> None:
    items = [single(i, "The key is by far the longest option of all, with every detail in it.",
                    ["Short.", "Also short.", "Brief."]) for i in range(4)]
    found = [str(f) for f in lint_bank(_bank(items), label="bank/quiz99.yaml", graded=True)
             if f.rule == "naive-strategy"]
    assert any("'always the longest option" in m and "scores 100% on 4 choice items, 75 points "
               "above chance (25%" in m for m in found), found
    assert any("'always the first option' scores 100%" in m for m in found), found
    assert not any("naive-strategy" in str(f) for f in
                   lint_bank(_bank(items), label="q.yaml", graded=False))


def test_longest_option_cue_names_figure_and_items() -> None:
    items = [single(i, "The key is by far the longest option of all, with every detail in it.",
                    ["Short.", "Also short."]) for i in range(4)]
    found = _rules(items)
    assert "4 of 4 (100%)" in found["longest-option:longest"]
    assert "g01-x-single-00" in found["longest-option:longest"]
    assert "within its distractors' range in only 0 of 4" in found["longest-option:range"]


def test_true_false_balance() -> None:
    found = _rules(good_bank()[:4] + [true_false(i, False) for i in range(5)])
    assert "0 of 5 (0%) true/false keys are True" in found["true-false-balance"]
    assert "g01-x-tf-04" in found["true-false-balance"]


def test_all_or_none_of_the_above() -> None:
    items = good_bank()
    items[0]["options"][1]["text"] = {"en": "All of the above, as far as they go."}
    assert "g01-x-single-00:b" in _rules(items)["all-none-of-the-above"]


def test_multiple_answer_items_all_with_the_same_number_of_wrong_options() -> None:
    items = good_bank()[:6] + [multiple(i, 2) for i in range(4)]
    assert "4 of 4 (100%) multiple-answer items have exactly 2 wrong" in \
        _rules(items)["multiple-form"]


def test_multiple_answer_item_with_no_wrong_option() -> None:
    items = good_bank() + [multiple(9, 0, key_all=True)]
    assert "g01-x-multiple-09" in _rules(items)["multiple-form"]


def test_distractor_without_misconception() -> None:
    items = good_bank()
    items[1] = single(1, "The key, of a middling length.", BALANCED, mis=False)
    found = _rules(items)["misconception"]
    assert "3 distractor(s)" in found and "g01-x-single-01:b" in found


def test_level_missing_and_graded_share_of_apply() -> None:
    items = [single(i, "The key, of a middling length.", BALANCED, level="remember")
             for i in range(4)] + [single(9, "The key, of a middling length.", BALANCED,
                                          level=None)]
    found = _rules(items)
    assert "1 item(s) have no 'level'" in found["level"] or "0 of 5" in found["level"]
    msgs = [str(f) for f in lint_bank(_bank(items), label="bank/quiz99.yaml", graded=True)]
    assert any("0 of 5 (0%) items are at 'apply' or above" in m for m in msgs)
    practice = [str(f) for f in lint_bank(_bank(items), label="q.yaml", graded=False)]
    assert not any("at 'apply' or above" in m for m in practice)


def test_lint_files_and_validate_cli_report_a_broken_graded_bank(tmp_path: Path,
                                                                  capsys) -> None:
    bank = tmp_path / "bank"
    bank.mkdir()
    items = [true_false(i, False) for i in range(5)]
    path = bank / "quiz99.yaml"
    path.write_text(yaml.safe_dump({"schema_version": 1, "module": "01_definitions",
                                    "questions": items}), encoding="utf-8")
    assert any(f.rule == "true-false-balance" for f in lint_files([path]))
    assert main(["validate", "--graded", str(bank)]) == 1
    err = capsys.readouterr().err
    assert "bank/quiz99.yaml: true-false-balance: 0 of 5 (0%)" in err
    assert main(["validate", "--graded", str(bank), "--no-lint"]) == 0


def test_validate_prints_language_coverage_and_lang_fr_names_each_missing_text(
        content_copy: Path, capsys) -> None:
    path = content_copy / "glossary.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["terms"][0]["definition"].pop("fr", None)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert main(["validate", str(content_copy), "--no-lint"]) == 0
    out = capsys.readouterr().out
    assert "language coverage" in out and "  en: " in out and "  fr: " in out
    assert main(["validate", str(content_copy), "--no-lint", "--lang", "fr"]) == 1
    err = capsys.readouterr().err
    term = data["terms"][0]["id"]
    assert f"glossary.yaml: item '{term}': field 'definition': no 'fr' text" in err
