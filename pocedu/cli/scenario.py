"""``pocedu scenario validate | walk | facilitate``: the capstone exercise SILVER RIVER."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("scenario", help="the capstone scenario exercise",
                       description="Validate, walk and facilitate the scenario exercise.")
    ssub = p.add_subparsers(dest="scenario_command", metavar="COMMAND", required=True)
    v = ssub.add_parser("validate", help="validate a scenario file",
                        description="Check the scenario against the strict schema, resolve every "
                        "source pointer and check the inject graph.")
    v.add_argument("scenario", nargs="?", default="silver_river",
                   help="packaged scenario name or path to a .yaml file")
    v.set_defaults(handler=_validate)
    w = ssub.add_parser("walk", help="print every branch path with its score",
                        description="Walk every branch of the inject graph. By default one line "
                        "per route (sequence of injects) with its number of choice paths and "
                        "best/worst score; --choices prints every choice path.")
    w.add_argument("scenario", nargs="?", default="silver_river")
    w.add_argument("--choices", action="store_true", help="print every choice path")
    w.set_defaults(handler=_walk)
    f = ssub.add_parser("facilitate", help="release injects and show a class's decisions",
                        description="Work with a class directory: release injects by hand or "
                        "on a clock, simulate a class, and write the debrief figure as HTML.")
    f.add_argument("--class-dir", type=Path, required=True, help="class directory")
    f.add_argument("--release-next", action="store_true", help="release the next inject")
    f.add_argument("--every", type=float, metavar="MINUTES",
                   help="release the next inject every MINUTES from now")
    f.add_argument("--simulate", type=int, metavar="N", help="simulate N syndicates (dry run)")
    f.add_argument("--seed", type=int, default=0, help="seed of the simulation (default 0)")
    f.add_argument("--html", type=Path, help="write the debrief figure to this HTML file")
    from .teach import add_team_arguments

    add_team_arguments(f)
    f.set_defaults(handler=_facilitate)


def _load(name: str):  # noqa: ANN202 - returns a ScenarioFile
    from ..scenario.load import load_scenario

    return load_scenario(name)


def _validate(args: argparse.Namespace) -> int:
    from ..scenario.engine import routes
    from ..scenario.load import ScenarioError

    try:
        sc = _load(args.scenario)
    except ScenarioError as err:
        print(f"{len(err.problems)} problem(s) found:", file=sys.stderr)
        for problem in err.problems:
            print(f"  - {problem}", file=sys.stderr)
        return 1
    r = routes(sc)
    print(f"{sc.title.en}: OK. {len(sc.injects)} injects, {len(sc.areas)} areas, "
          f"{len(sc.actors)} actors, {len(sc.assets)} assets, {len(sc.products)} written "
          f"products; {len(r)} routes, {sum(x.paths for x in r)} choice paths, every one ending "
          "in consolidation.")
    return 0


def _walk(args: argparse.Namespace) -> int:
    from ..scenario.engine import iter_paths, routes
    from ..scenario.load import ScenarioError

    try:
        sc = _load(args.scenario)
    except ScenarioError as err:
        print("\n".join(err.problems), file=sys.stderr)
        return 1
    if args.choices:
        for p in iter_paths(sc):
            choices = " ".join(f"{d}={o}" for d, o in p.choices)
            print(f"{p.score:5.1f}%  harm {p.harm:2d}  displaced {p.displaced:5d}  "
                  f"end {p.end_phase}  {choices}")
        return 0
    for r in routes(sc):
        print(f"{' -> '.join(r.injects)}\n    {r.paths} choice paths, score {r.worst:.1f}%-"
              f"{r.best:.1f}%, harm up to {r.max_harm}, extra displaced up to "
              f"{r.max_displaced:,}, ends in {r.end_phase}")
    return 0


def _facilitate(args: argparse.Namespace) -> int:
    from ..scenario.facilitator import Facilitator, simulate_class

    fac = Facilitator(args.class_dir)
    if (args.teams or args.team or args.decide or args.backbrief or args.debrief
            or (args.class_dir / "teams.json").is_file()):
        from .teach import facilitate_teams

        return facilitate_teams(fac, args)
    if args.simulate:
        results = simulate_class(args.class_dir, syndicates=args.simulate, seed=args.seed)
        print(f"simulated {len(results)} syndicates in {args.class_dir}")
    if args.every:
        fac.schedule(every_minutes=args.every)
        print(f"injects will be released every {args.every:g} minutes from now")
    if args.release_next:
        fac.release_next()
    print(f"released: {fac.released()} of {fac.numbers[-1]} injects; syndicates reporting: "
          f"{len(fac.syndicates())}")
    for did, per in fac.counts().items():
        key = fac._decisions[did][1].key
        cells = "  ".join(f"{o}{'*' if o == key else ''}:{n}" for o, n in per.items())
        print(f"  {did:12s} {cells}")
    if args.html:
        import plotly.io as pio

        args.html.parent.mkdir(parents=True, exist_ok=True)
        pio.write_html(fac.debrief_figure(), args.html, include_plotlyjs=True, auto_play=False)
        print(f"debrief figure: {args.html}")
    return 0
