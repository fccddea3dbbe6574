"""CLI wiring: every command answers --help; the bank exports parse back."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from pocedu.cli import build_parser, main
from pocedu.content import packaged


def _commands(parser, prefix=()):
    for action in parser._actions:
        if action.__class__.__name__ == "_SubParsersAction":
            for name, sub in action.choices.items():
                yield (*prefix, name)
                yield from _commands(sub, (*prefix, name))


COMMANDS = sorted(set(_commands(build_parser())))


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_has_help(command, capsys):
    with pytest.raises(SystemExit) as info:
        main([*command, "--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: pocedu " + " ".join(command))


def test_no_command_prints_help(capsys):
    assert main([]) == 0
    assert "usage: pocedu" in capsys.readouterr().out


def test_bank_export_json_round_trips(tmp_path):
    out = tmp_path / "bank.json"
    assert main(["bank", "export", "--format", "json", "--out", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {q["id"] for q in data["questions"]} == set(packaged().questions)


def test_bank_export_moodle_xml_has_every_item(tmp_path):
    out = tmp_path / "bank.xml"
    assert main(["bank", "export", "--format", "moodle-xml", "--out", str(out)]) == 0
    root = ET.parse(out).getroot()
    questions = [q for q in root if q.get("type") != "category"]
    assert len(questions) == len(packaged().questions)
    kinds = {q.get("type") for q in questions}
    assert {"multichoice", "truefalse", "matching", "essay"} <= kinds
    single = next(q for q in questions if q.find("single") is not None
                  and q.find("single").text == "true")
    fractions = [float(a.get("fraction")) for a in single.findall("answer")]
    assert fractions.count(100) == 1


def test_bank_export_gift_one_block_per_item(capsys):
    assert main(["bank", "export", "--format", "gift", "--module", "02"]) == 0
    out = capsys.readouterr().out
    n = len(packaged().module_questions("02"))
    assert out.count("::02-") == n
    assert "$CATEGORY: $course$/pocedu/02_tiers_phases" in out
