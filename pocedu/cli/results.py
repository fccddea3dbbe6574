"""``pocedu report``, ``pocedu feedback`` and ``pocedu export``: results of a graded assignment."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from ..assess.course.layout import Course

if TYPE_CHECKING:
    import pandas as pd


def _common(p: argparse.ArgumentParser, out_help: str) -> None:
    """ASSIGNMENT, --course, --out."""
    p.add_argument("assignment", help="assignment name, e.g. quiz01")
    p.add_argument("--course", type=Path, default=Path("assessments"),
                   help="nbgrader course directory (default: assessments)")
    p.add_argument("--out", type=Path, help=out_help)


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``report``, ``feedback`` and ``export``."""
    r = sub.add_parser(
        "report", help="item-analysis report (HTML + CSVs) of a graded assignment",
        description="Write report.html (offline, self-contained) and CSVs: score distribution, "
        "facility, discrimination, distractors, KR-20, mastery per objective, flagged items "
        "and grading events. For instructors: it shows answer keys.")
    _common(r, "output folder (default: COURSE/reports/ASSIGNMENT)")
    r.add_argument("--title", help="report title (default: 'ASSIGNMENT: item analysis')")
    r.add_argument("--events", type=Path,
                   help="CSV of extra grading events (student_id, event, grade, check)")
    r.add_argument("--pretest", metavar="ASSIGNMENT",
                   help="the graded pre-test (e.g. pretest): adds the learning gain per "
                   "objective and per student")
    r.set_defaults(handler=_report)

    f = sub.add_parser(
        "feedback", help="per-student feedback HTML for a graded assignment",
        description="Write each student's page: score and, for each missed item, the answer "
        "given, what was right, why, the source and the lesson section to revisit. By default "
        "into COURSE/feedback/<student>/<assignment>/, where `nbgrader release_feedback` "
        "delivers it. Never shows hidden test code; keys only for final results.")
    _common(f, "write OUT/<student>/<assignment>.html instead (not delivered by nbgrader)")
    f.add_argument("--lesson-base", default="modules",
                   help="where links to lesson notebooks point (default: modules)")
    f.add_argument("--withhold-keys", action="store_true",
                   help="show no right answers to anyone (e.g. until the quiz closes)")
    f.set_defaults(handler=_feedback)

    x = sub.add_parser(
        "export", help="export grades for nbgrader, Canvas or Moodle",
        description="Write grades CSVs: nbgrader's export columns, a Canvas gradebook import "
        "and a Moodle grade import. Students with no submission, ungradable or awaiting review "
        "are left empty in the LMS files and listed in ASSIGNMENT_held_back.csv.")
    _common(x, "output folder (default: COURSE/exports)")
    x.add_argument("--format", choices=("nbgrader", "canvas", "moodle", "all"), default="all")
    x.add_argument("--roster", type=Path,
                   help="roster CSV (default: COURSE/roster.csv, else the gradebook's students)")
    x.add_argument("--name", help="grade column name in the LMS (default: ASSIGNMENT)")
    x.add_argument("--canvas-assignment-id", help="Canvas assignment id to update")
    x.set_defaults(handler=_export)


def _load(args: argparse.Namespace) -> pd.DataFrame:
    from ..assess.results.table import load_results

    return load_results(course_dir=args.course, assignment=args.assignment)


def _report(args: argparse.Namespace) -> int:
    import pandas as pd

    from ..assess.results.report import build_report
    from ..assess.results.table import load_events

    events = load_events(course_dir=args.course, assignment=args.assignment)
    if args.events:
        extra = pd.read_csv(args.events, dtype=str, keep_default_na=False)
        events = pd.concat([events, extra], ignore_index=True)
    out = args.out or Course.at(args.course).assignment(args.assignment).reports
    from ..assess.results.table import load_results

    pre = (load_results(course_dir=args.course, assignment=args.pretest)
           if args.pretest else None)
    path = build_report(results=_load(args), bank=args.course / "bank", out_dir=out,
                        title=args.title or f"{args.assignment}: item analysis", events=events,
                        pretest=pre)
    print(f"report: {path}")
    return 0


def _feedback(args: argparse.Namespace) -> int:
    from ..assess.results.feedback import write_course_feedback, write_feedback

    course = Course.at(args.course)
    if args.out:
        paths = write_feedback(results=_load(args), bank=course.bank, out_dir=args.out,
                               lesson_base=args.lesson_base)
    else:
        paths = write_course_feedback(course_dir=course, assignment=args.assignment,
                                      lesson_base=args.lesson_base,
                                      withhold_keys=args.withhold_keys)
    print(f"feedback: {len(paths)} page(s) in {args.out or course.folder('feedback')}")
    return 0


def _submissions(args: argparse.Namespace) -> pd.DataFrame | None:
    """Submission times and late penalties from the course gradebook (None without one)."""
    from ..assess.results.table import load_submissions

    if not Course.at(args.course).has_gradebook():
        return None
    return load_submissions(course_dir=args.course, assignment=args.assignment)


def _export(args: argparse.Namespace) -> int:
    from ..assess.results.export import FORMATS, course_roster, export_all, read_roster

    roster = read_roster(args.roster) if args.roster else course_roster(course_dir=args.course)
    paths = export_all(results=_load(args), roster=roster,
                       out_dir=args.out or Course.at(args.course).exports,
                       assignment=args.assignment,
                       formats=FORMATS if args.format == "all" else (args.format,),
                       name=args.name, canvas_assignment_id=args.canvas_assignment_id,
                       submissions=_submissions(args))
    for kind, path in paths.items():
        print(f"{kind}: {path}")
    return 0
