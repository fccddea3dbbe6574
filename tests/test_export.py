"""Grade exports for nbgrader, Canvas and Moodle parse back with the right numbers."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from pocedu.assess.results.export import NBGRADER_COLUMNS, ExportError, export_all, read_roster

ROSTER = [
    {"id": "amina", "first_name": "Amina", "last_name": "Diallo", "email": "amina@example.org"},
    {"id": "bruno", "first_name": "Bruno", "last_name": "Keller", "email": "bruno@example.org"},
    {"id": "chen", "first_name": "Chen", "last_name": "Wei", "email": "chen@example.org"},
    {"id": "dana", "first_name": "Dana", "last_name": "Okafor", "email": "dana@example.org"},
]
# points per item (max 1, 1, 2 = 4); dana has no submission, chen is still under review
POINTS = {"amina": [1, 0, 1.5], "bruno": [1, 1, 2], "chen": [0, 1, 0], "dana": [None] * 3}
STATUS = {"amina": "graded", "bruno": "graded-with-flags", "chen": "needs-review",
          "dana": "missing"}


def _results() -> pd.DataFrame:
    rows = []
    for student, pts in POINTS.items():
        for n, (p, mx) in enumerate(zip(pts, [1.0, 1.0, 2.0], strict=True)):
            rows.append({"student_id": student, "assignment": "quiz01", "item_id": f"i{n}",
                         "label": f"Q{n + 1}", "module": "01_definitions", "objective": 1,
                         "points": float("nan") if p is None else float(p), "max_points": mx,
                         "response": None, "status": STATUS[student]})
    return pd.DataFrame(rows)


def _read(path: Path) -> list[list[str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.reader(fh))


@pytest.fixture
def exported(tmp_path: Path) -> dict[str, Path]:
    roster = tmp_path / "roster.csv"
    pd.DataFrame(ROSTER).to_csv(roster, index=False)
    subs = pd.DataFrame({"student_id": ["amina"], "timestamp": ["2026-03-01 10:00:00"],
                         "late_submission_penalty": [0.5]})
    return export_all(results=_results(), roster=roster, out_dir=tmp_path / "out",
                      assignment="quiz01", name="POC quiz 1", canvas_assignment_id="4711",
                      submissions=subs)


def test_nbgrader_csv_has_nbgrader_columns_and_scores(exported: dict[str, Path]) -> None:
    frame = pd.read_csv(exported["nbgrader"], keep_default_na=False).set_index("student_id")
    assert tuple(["student_id", *frame.columns]) == (
        "student_id", *[c for c in NBGRADER_COLUMNS if c != "student_id"])
    assert frame.at["amina", "raw_score"] == 2.5
    assert frame.at["amina", "late_submission_penalty"] == 0.5
    assert frame.at["amina", "score"] == 2.0
    assert frame.at["amina", "timestamp"] == "2026-03-01 10:00:00"
    assert frame.at["bruno", "score"] == 4.0 and frame.at["chen", "score"] == 1.0
    # no submission: as `nbgrader export` writes it, empty timestamp and 0.0
    assert frame.at["dana", "timestamp"] == "" and frame.at["dana", "score"] == 0.0
    assert set(frame["max_score"]) == {4.0} and set(frame["assignment"]) == {"quiz01"}


def test_canvas_csv_has_points_possible_and_blank_for_held_back(
        exported: dict[str, Path]) -> None:
    rows = _read(exported["canvas"])
    assert rows[0] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section",
                       "POC quiz 1 (4711)"]
    assert rows[1] == ["    Points Possible", "", "", "", "", "4"]
    by_sis = {r[2]: r for r in rows[2:]}
    assert by_sis["amina"][0] == "Diallo, Amina" and by_sis["amina"][5] == "2"
    assert by_sis["bruno"][5] == "4"
    assert by_sis["chen"][5] == "" and by_sis["dana"][5] == ""


def test_moodle_csv_maps_by_idnumber_or_email(exported: dict[str, Path]) -> None:
    frame = pd.read_csv(exported["moodle"], keep_default_na=False, dtype=str)
    assert list(frame.columns) == ["idnumber", "email", "firstname", "lastname", "POC quiz 1"]
    grades = dict(zip(frame["email"], frame["POC quiz 1"], strict=True))
    assert grades == {"amina@example.org": "2", "bruno@example.org": "4",
                      "chen@example.org": "", "dana@example.org": ""}
    assert list(frame["idnumber"]) == ["amina", "bruno", "chen", "dana"]


def test_held_back_lists_why(exported: dict[str, Path]) -> None:
    held = pd.read_csv(exported["held_back"]).set_index("student_id")["status"].to_dict()
    assert held == {"chen": "needs-review", "dana": "missing"}


def test_roster_problems_are_clear(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="duplicate"):
        read_roster([{"id": "a"}, {"id": "a"}])
    with pytest.raises(ExportError, match="not on the roster"):
        export_all(results=_results(), roster=ROSTER[:2], out_dir=tmp_path, assignment="quiz01")
    with pytest.raises(ExportError, match="no results"):
        export_all(results=_results(), roster=ROSTER, out_dir=tmp_path, assignment="quiz09")
    with pytest.raises(ExportError, match="unknown format"):
        export_all(results=_results(), roster=ROSTER, out_dir=tmp_path, assignment="quiz01",
                   formats=["blackboard"])


def test_roster_students_without_rows_count_as_missing(tmp_path: Path) -> None:
    extra = [*ROSTER, {"id": "eve", "first_name": "Eve", "last_name": "Moreau", "email": ""}]
    paths = export_all(results=_results(), roster=extra, out_dir=tmp_path,
                       assignment="quiz01", formats=["nbgrader"])
    frame = pd.read_csv(paths["nbgrader"], keep_default_na=False).set_index("student_id")
    assert frame.at["eve", "score"] == 0.0 and "canvas" not in paths


def test_cli_commands_are_registered() -> None:
    from pocedu.cli import build_parser

    parser = build_parser()
    args = parser.parse_args(["export", "quiz01", "--format", "canvas", "--course", "c"])
    assert args.format == "canvas" and str(args.course) == "c" and callable(args.handler)
    for cmd in ("report", "feedback"):
        args = parser.parse_args([cmd, "quiz01", "--out", "x"])
        assert args.assignment == "quiz01" and str(args.out) == "x"
