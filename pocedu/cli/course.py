"""``pocedu course ...``, ``pocedu assess ...`` and ``pocedu grade``: the instructor workflow."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

COURSE_HELP = "course directory (default: assessments)"


def _course_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--course", type=Path, default=Path("assessments"), help=COURSE_HELP)


def register(sub: argparse._SubParsersAction) -> None:
    course = sub.add_parser("course", help="set up a course, simulate submissions",
                            description="Course set-up and dry runs.")
    csub = course.add_subparsers(dest="course_command", metavar="COMMAND", required=True)
    p = csub.add_parser("init", help="create an nbgrader course directory with a roster",
                        description="Create a standard nbgrader course directory "
                        "(nbgrader_config.py, source/, release/, submitted/ ...) and add the "
                        "roster (CSV columns id, first_name, last_name, email) to the gradebook.")
    _course_arg(p)
    p.add_argument("--roster", type=Path, help="roster CSV")
    p.add_argument("--copy-from", type=Path,
                   help="course directory whose bank/ and source/ to copy (e.g. assessments)")
    p.set_defaults(handler=_init)
    p = csub.add_parser("simulate-submission", help="write a submission as a student would",
                        description="Save the answers into a copy of the released quiz exactly as "
                        "clicking them would, and submit it as STUDENT through the course's "
                        "exchange (or into submitted/ when the quiz is not in an exchange).")
    p.add_argument("assignment")
    _course_arg(p)
    p.add_argument("--student", required=True)
    p.add_argument("--answers", type=Path, required=True,
                   help="JSON object: label (Q3) or item id -> response (option ids)")
    p.set_defaults(handler=_simulate)

    assess = sub.add_parser("assess", help="build, release and collect quizzes",
                            description="Graded quizzes: build from the bank, release, collect.")
    asub = assess.add_subparsers(dest="assess_command", metavar="COMMAND", required=True)
    p = asub.add_parser("build", help="generate nbgrader sources from the graded bank",
                        description="Validate the graded bank and write source/<quiz>/ "
                        "(notebook with hidden tests, public items file).")
    _course_arg(p)
    p.add_argument("--bank", type=Path, help="bank directory (default: COURSE/bank)")
    p.add_argument("--check", action="store_true",
                   help="only check that the sources are in sync with the bank")
    p.add_argument("--no-verify", action="store_true",
                   help="skip running each quiz with right answers and through nbgrader")
    p.set_defaults(handler=_build)
    p = asub.add_parser("release", help="generate the student version and release it",
                        description="Generate the student version (keys stripped) into "
                        "release/ASSIGNMENT and release it to the course's exchange, where "
                        "students fetch it.")
    p.add_argument("assignment")
    _course_arg(p)
    p.add_argument("--no-exchange", action="store_true",
                   help="only generate release/ASSIGNMENT (hand it out yourself); by default "
                   "it is also released to the course's nbgrader exchange")
    p.set_defaults(handler=_release)
    p = asub.add_parser("collect", help="collect submissions into submitted/")
    p.add_argument("assignment")
    _course_arg(p)
    p.add_argument("--inbox", type=Path,
                   help="folder of INBOX/<student>/<assignment>/ (default: the course's exchange)")
    p.set_defaults(handler=_collect)

    p = sub.add_parser("grade", help="autograde submissions in parallel",
                       description="Autograde every submission of ASSIGNMENT with nbgrader, "
                       "several students at once. Safe to interrupt and run again.")
    p.add_argument("assignment")
    _course_arg(p)
    p.add_argument("--jobs", type=int, help="worker processes (default: number of cores)")
    p.add_argument("--student", action="append", help="only this student (repeatable)")
    p.add_argument("--force", action="store_true", help="regrade students already graded")
    p.add_argument("--wait", action="store_true",
                   help="wait for another grading run on this course instead of refusing")
    p.add_argument("--allow-student-code", action="store_true",
                   help="run code cells students added (after the graded cells, contained); "
                   "by default they are removed, as quizzes need none")
    p.add_argument("--memory-mb", type=int, default=2048,
                   help="memory limit of each grading kernel in MiB (default: 2048)")
    p.set_defaults(handler=_grade)


def _init(args: argparse.Namespace) -> int:
    from ..assess.course.setup import init_course

    students = init_course(course_dir=args.course, roster=args.roster,
                           copy_from=args.copy_from)
    print(f"course ready in {args.course} with {len(students)} student(s) on the roster")
    if not any((args.course / "bank").glob("*.yaml")):
        print(f"no graded bank in {args.course / 'bank'} yet: add one with --copy-from "
              "assessments (from a clone of pocedu) before `pocedu assess build`",
              file=sys.stderr)
    return 0


def _simulate(args: argparse.Namespace) -> int:
    """A student's submission: into the exchange when the quiz is released there."""
    import tempfile

    from ..assess.course.release import now_timestamp
    from ..assess.demo.simulate import read_answers, simulate_submission
    from ..hub.exchange import inbound, submit

    answers = read_answers(args.answers)
    if not inbound(args.course).is_dir():
        dest = simulate_submission(course_dir=args.course, assignment=args.assignment,
                                   student=args.student, answers=answers)
        print(f"wrote {dest}")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        stamp = now_timestamp()
        work = simulate_submission(course_dir=args.course, assignment=args.assignment,
                                   student=args.student, answers=answers,
                                   target=Path(tmp) / args.assignment, timestamp=stamp)
        dest = submit(course_dir=args.course, assignment=args.assignment,
                      student=args.student, folder=work, timestamp=stamp)
    print(f"submitted as {args.student}: {dest}")
    return 0


def _build(args: argparse.Namespace) -> int:
    from ..assess.build import build_sources, out_of_sync
    from ..errors import PoceduError

    bank = args.bank or args.course / "bank"
    if not any(Path(bank).glob("*.yaml")):
        raise PoceduError(f"no graded bank in {bank} (no *.yaml files)",
                          [f"copy one in: `pocedu course init --course {args.course} "
                           "--copy-from assessments` (assessments/ of a pocedu clone), "
                           "or pass --bank DIR"])
    if args.check:
        stale = out_of_sync(course_dir=args.course, bank_dir=args.bank)
        if stale:
            print("out of sync with the bank (run `pocedu assess build`):", file=sys.stderr)
            print("\n".join(f"  {s}" for s in stale), file=sys.stderr)
            return 1
        print("sources are in sync with the bank")
        return 0
    built = build_sources(course_dir=args.course, bank_dir=args.bank, verify=not args.no_verify)
    for q in built:
        print(f"{q.name}: {q.items} items, {q.points:g} points -> {q.directory}")
    return 0


def _release(args: argparse.Namespace) -> int:
    from ..assess.course.release import release_assignment
    from ..hub.exchange import exchange_root

    path = release_assignment(course_dir=args.course, assignment=args.assignment,
                              exchange=not args.no_exchange)
    print(f"released {args.assignment}: {path}")
    if not args.no_exchange:
        print(f"students fetch it from the exchange {exchange_root(args.course)} "
              "(JupyterLab's Assignments tab)")
    return 0


def _collect(args: argparse.Namespace) -> int:
    from ..assess.course.release import collect
    from ..errors import PoceduError
    from ..hub.exchange import inbound

    source = args.inbox if args.inbox is not None else inbound(args.course)
    if not Path(source).is_dir():
        raise PoceduError(f"nothing to collect: {source} is not a folder",
                          ["pass --inbox with the folder of INBOX/<student>/<assignment>/"]
                          if args.inbox is not None else
                          [f"release first: `pocedu assess release {args.assignment}`"])
    done = collect(course_dir=args.course, assignment=args.assignment, inbox=args.inbox)
    if done.unknown:
        print(f"not on the roster, left in the inbox: {', '.join(done.unknown)}",
              file=sys.stderr)
    if not done.collected:
        print(f"error: no submission of {args.assignment} in {source}", file=sys.stderr)
        return 1
    print(f"collected {len(done.collected)} submission(s) of {args.assignment}")
    return 0


def _grade(args: argparse.Namespace) -> int:
    from ..assess.grade import grade_assignment
    from ..assess.grade.sandbox import Limits

    summary = grade_assignment(course_dir=args.course, assignment=args.assignment,
                               jobs=args.jobs, students=args.student, force=args.force,
                               wait=args.wait, allow_student_code=args.allow_student_code,
                               limits=Limits(memory_mb=args.memory_mb))
    print(summary)
    return 1 if summary.by_status("ungradable") else 0
