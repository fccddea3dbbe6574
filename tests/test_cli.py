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


@pytest.fixture
def course(tmp_path):
    """An empty course (config, folders, a two-student roster): no bank, nothing released."""
    roster = tmp_path / "roster.csv"
    roster.write_text("id,first_name,last_name,email\ns01,A,B,a@b.org\ns02,C,D,c@d.org\n",
                      encoding="utf-8")
    assert main(["course", "init", "--course", str(tmp_path / "c"), "--roster", str(roster)]) == 0
    return tmp_path / "c"


def _error(capsys) -> str:
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "Traceback" not in err, err
    return err


@pytest.mark.parametrize("command", ["export", "report", "feedback"])
def test_results_of_an_unknown_quiz_say_so(command, course, capsys):
    assert main([command, "nosuchquiz", "--course", str(course)]) == 1
    assert "cannot read the items of nosuchquiz" in _error(capsys)


@pytest.mark.parametrize("command", [["grade", "quiz02"], ["export", "quiz02"],
                                     ["assess", "collect", "quiz02"], ["assess", "build"]])
def test_a_mistyped_course_is_refused_and_nothing_is_created(command, tmp_path, capsys):
    typo = tmp_path / "mycoursee"
    assert main([*command, "--course", str(typo)]) == 1
    err = _error(capsys)
    assert f"error: {typo} is not a pocedu course (no such folder)" in err
    assert "pocedu course init --course" in err
    assert not typo.exists()


def test_collect_from_a_missing_inbox_fails_loudly(course, capsys):
    assert main(["assess", "collect", "quiz02", "--course", str(course),
                 "--inbox", "/nonexistent"]) == 1
    assert "error: nothing to collect: /nonexistent is not a folder" in _error(capsys)
    empty = course / "inbox"
    empty.mkdir()
    assert main(["assess", "collect", "quiz02", "--course", str(course),
                 "--inbox", str(empty)]) == 1
    assert f"error: no submission of quiz02 in {empty}" in capsys.readouterr().err


def test_build_without_a_bank_names_copy_from(course, capsys):
    assert main(["assess", "build", "--course", str(course)]) == 1
    err = _error(capsys)
    assert f"no graded bank in {course / 'bank'}" in err and "--copy-from assessments" in err


def test_demo_help_names_its_default_assignments(capsys):
    from pocedu.assess.demo.run import DEFAULT, PRE_POST

    with pytest.raises(SystemExit):
        main(["demo", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert f"default: {PRE_POST[0]}, {DEFAULT}, {PRE_POST[1]})" in out


def test_grades_csv_has_no_float_noise(tmp_path):
    import pandas as pd
    from pocedu.assess.export import write_nbgrader_csv

    table = pd.DataFrame([{"assignment": "quiz02", "timestamp": "", "student_id": "s01",
                           "last_name": "B", "first_name": "A", "email": "a@b.org",
                           "raw_score": 18.233333000000002, "late_submission_penalty": 0.0,
                           "score": 18.233333000000002, "max_score": 30.0}])
    text = write_nbgrader_csv(table, tmp_path / "g.csv").read_text(encoding="utf-8")
    assert ",18.23,0.0,18.23,30.0" in text and "18.2333" not in text


def test_kernels_pocedu_starts_use_ipc_and_do_not_warn(tmp_path):
    from pocedu.kernels import kernel_manager

    km = kernel_manager()
    km.start_kernel(stderr=(tmp_path / "err").open("w"), cwd=str(tmp_path))
    try:
        client = km.client()
        client.start_channels()
        client.wait_for_ready(timeout=60)
        assert km.transport == "ipc" and client.execute_interactive("1").get("content")
    finally:
        km.shutdown_kernel(now=True)
    assert "without encryption" not in (tmp_path / "err").read_text()
    assert not list(tmp_path.iterdir())[1:]  # no socket files left in the working folder
