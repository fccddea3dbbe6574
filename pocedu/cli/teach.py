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


def _handouts(args: argparse.Namespace) -> int:
    from ..teach.render import write_handouts

    return _run(write_handouts, args)
