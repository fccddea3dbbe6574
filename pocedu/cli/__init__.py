"""The ``pocedu`` command line: a thin layer over keyword-only functions.

Each command group lives in its own module and exposes ``register(subparsers)``; a command's
handler receives the parsed ``argparse.Namespace`` and returns an exit code.
"""

from __future__ import annotations

import argparse
import importlib
import sys

GROUPS = ("content", "lab", "course", "results", "demo", "scenario", "html", "teach")


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
        return int(args.handler(args) or 0)
    except BrokenPipeError:  # output piped into e.g. `head`
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("\ninterrupted: work done so far is kept; run the same command again to finish.",
              file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
