"""``pocedu guide | handouts | slides``: what an instructor teaches a class from."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _common(p: argparse.ArgumentParser, *, kinds: str) -> None:
    p.add_argument("module", help="module number or name, e.g. 02 or 02_tiers_phases")
    p.add_argument("--lang", choices=("en", "fr"), default="en",
                   help="language of the texts (default: en)")
    p.add_argument("--out", type=Path, required=True, help=f"file to write ({kinds})")


def register(sub: argparse._SubParsersAction) -> None:
    g = sub.add_parser(
        "guide", help="write a module's facilitator guide (HTML or PDF)",
        description="Write the print-ready facilitator guide of a module: lesson plan with "
        "timings, objectives and the items that assess them, syndicate activities with the "
        "expected debrief points, discussion questions and common misconceptions. Instructor "
        "material: it holds the expected answers. A .pdf is printed with headless Chromium.")
    _common(g, kinds=".html or .pdf")
    g.set_defaults(handler=_guide)
    h = sub.add_parser(
        "handouts", help="write a module's one-page syndicate handouts (HTML or PDF)",
        description="Write the syndicate handouts of a module, one page per activity (and, for "
        "the capstone, the role cards and backbrief templates), with no expected answers.")
    _common(h, kinds=".html or .pdf")
    h.set_defaults(handler=_handouts)
    s = sub.add_parser(
        "slides", help="write a module's presentation blocks as an offline slide deck",
        description="Write the presentation blocks of a module as one reveal.js HTML file that "
        "opens offline (reveal.js and the figures inlined), 1280x720. Press F for full screen "
        "and S for the speaker notes (the guide's notes for the block).")
    _common(s, kinds=".html")
    s.set_defaults(handler=_slides)


def _run(write, args: argparse.Namespace) -> int:  # noqa: ANN001 - write_guide/write_handouts
    from ..content import ContentError
    from ..errors import PoceduError

    try:
        out = write(args.module, out=args.out, lang=args.lang)
    except (PoceduError, ContentError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    print(f"wrote {out} ({out.stat().st_size / 1e3:.0f} kB)")
    return 0


def _guide(args: argparse.Namespace) -> int:
    from ..teach.render import write_guide

    return _run(write_guide, args)


def _slides(args: argparse.Namespace) -> int:
    from ..teach.slides import write_slides

    return _run(write_slides, args)


def _handouts(args: argparse.Namespace) -> int:
    from ..teach.render import write_handouts

    return _run(write_handouts, args)


def add_team_arguments(p: argparse.ArgumentParser) -> None:
    """Options of ``pocedu scenario facilitate`` for running syndicates as teams."""
    p.add_argument("--teams", metavar="A,B,C", help="declare the syndicates (comma-separated)")
    p.add_argument("--team", help="with --release-next: release to this syndicate only")
    p.add_argument("--decide", nargs=3, metavar=("TEAM", "DECISION", "OPTION"), action="append",
                   help="record a syndicate's decision on its current inject (repeatable)")
    p.add_argument("--backbrief", nargs=3, metavar=("TEAM", "INJECT", "FILE.json"),
                   action="append",
                   help="record a syndicate's backbrief of an inject ({field id: text})")
    p.add_argument("--debrief", type=Path, metavar="FILE",
                   help="write the side-by-side debrief (.html or .pdf)")
    p.add_argument("--lang", choices=("en", "fr"), default="en", help="language of the debrief")


def facilitate_teams(fac, args: argparse.Namespace) -> int:  # noqa: ANN001 - a Facilitator
    """Run the team options of ``pocedu scenario facilitate``; prints each team's state."""
    import json

    from ..content import ContentError
    from ..errors import PoceduError

    try:
        if args.teams:
            fac.set_teams(args.teams.split(","))
        if args.release_next:
            fac.release_next(args.team)
        for team, decision, option in args.decide or []:
            fac.decide(team, decision, option)
        for team, inject, file in args.backbrief or []:
            answers = json.loads(Path(file).read_text(encoding="utf-8"))
            fac.record_backbrief(team, int(inject), answers)
        for team in fac.teams():
            run = fac.run(team)
            open_ = ", ".join(run.pending()) or "waiting for the next inject"
            print(f"{team}: inject {run.current.number} ({run.current.id}), released "
                  f"{fac.released(team)} of {fac.numbers[-1]}; open: {open_}")
        if args.debrief:
            from ..teach.debrief import write_debrief

            out = write_debrief(fac, out=args.debrief, lang=args.lang)
            print(f"debrief: {out}")
    except (KeyError, ValueError, OSError, PoceduError, ContentError) as err:
        msg = err.args[0] if isinstance(err, KeyError) and err.args else err
        print(f"error: {msg}", file=sys.stderr)
        return 1
    return 0
