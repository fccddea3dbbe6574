"""``pocedu demo``: the whole assessment workflow on a simulated class."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..assess.demo.run import DEFAULT, PRE_POST


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "demo", help="run a whole course on a simulated class",
        description="Build a course from the graded bank; for the pre-test, a quiz and the "
        "final test in turn, release it, simulate a seeded class of students clicking answers, "
        "collect, grade in parallel, write feedback, exports and the report (the final test's "
        "report shows the learning gain since the pre-test); print the final scores and where "
        "everything is.")
    p.add_argument("--out", type=Path, default=Path("pocedu-demo"),
                   help="output folder, replaced if it exists (default: ./pocedu-demo)")
    p.add_argument("--students", type=int, default=20, help="class size (default: 20)")
    p.add_argument("--seed", type=int, default=2015, help="random seed (default: 2015)")
    p.add_argument("--assignment", action="append",
                   help=f"assignment to run (repeatable; default: {PRE_POST[0]}, {DEFAULT}, "
                   f"{PRE_POST[1]})")
    p.add_argument("--jobs", type=int, help="grading workers (default: number of cores)")
    p.set_defaults(handler=_demo)


def _demo(args: argparse.Namespace) -> int:
    from ..assess.demo.run import run_demo

    run_demo(out=args.out, students=args.students, seed=args.seed,
             assignments=args.assignment, jobs=args.jobs)
    return 0
