"""The ``pocedu`` command line: a thin layer over keyword-only functions.

Each command group lives in its own module and exposes ``register(subparsers)``; a command's
handler receives the parsed ``argparse.Namespace`` and returns an exit code. A
``pocedu.errors.PoceduError`` from any handler is caught here, once: its message and problems
are printed without a traceback and the exit code is 1.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from ..errors import PoceduError

GROUPS = ("content", "lab", "course", "results", "demo", "scenario", "html", "teach", "hub")
MAKES_COURSE = {("course", "init")}
"""Commands allowed to create the folder given as ``--course``; every other one needs a course."""


class NotACourseError(PoceduError):
    """``--course`` names a folder that is not a course: nothing is written there."""


def _user_errors() -> tuple[type[BaseException], ...]:
    """Errors that are a user's mistake: printed without a traceback.

    ``PoceduError`` is the one base; the other classes are those not yet derived from it
    (they become subclasses as their packages move to the base, and can then be dropped).
    """
    from ..assess.errors import AssessError
    from ..content.yamlio import ContentError

    return (PoceduError, AssessError, ContentError)


def _print_error(err: BaseException) -> None:
    message = getattr(err, "message", None)
    problems = [p for p in getattr(err, "problems", []) if p]
    lines = ([message] if message else []) + problems if (message or problems) else [str(err)]
    print(f"error: {lines[0]}", file=sys.stderr)
    for line in lines[1:]:
        print(f"  {line}", file=sys.stderr)


def require_course(args: argparse.Namespace) -> None:
    """Refuse a ``--course`` that is not a course (so a typo creates no gradebook or lock)."""
    course = getattr(args, "course", None)
    if not isinstance(course, Path) or _command(args) in MAKES_COURSE:
        return
    if not (course / "nbgrader_config.py").is_file():
        hint = ("no such folder" if not course.exists() else "no nbgrader_config.py in it")
        raise NotACourseError(
            f"{course} is not a pocedu course ({hint})",
            [f"create it with `pocedu course init --course {course} --roster roster.csv "
             "--copy-from assessments`, or pass --course with the course folder"])


def _command(args: argparse.Namespace) -> tuple[str, ...]:
    sub = next((getattr(args, k) for k in vars(args) if k.endswith("_command")
                and getattr(args, k)), None)
    return (args.command, sub) if sub else (args.command,)


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser (every group registered)."""
    parser = argparse.ArgumentParser(
        prog="pocedu",
        description="Learning and assessment for Protection of Civilians (POC) courses.",
    )
    from .. import __version__

    parser.add_argument("--version", action="version", version=f"pocedu {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in GROUPS:
        try:
            module = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise
            continue
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``pocedu`` command."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 0
    try:
        require_course(args)
        return int(args.handler(args) or 0)
    except _user_errors() as err:
        _print_error(err)
        return 1
    except BrokenPipeError:  # output piped into e.g. `head`
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("\ninterrupted: work done so far is kept; run the same command again to finish.",
              file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
