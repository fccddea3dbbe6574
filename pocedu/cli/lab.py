"""``pocedu lab``: open JupyterLab on a workspace copy of the lesson modules."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "lab",
        help="open JupyterLab on the lesson modules (works offline)",
        description="Copy the lesson modules into a workspace folder (existing copies are kept, "
        "so your answers are never overwritten) and open JupyterLab there. Widgets and figures "
        "work with no internet connection.",
    )
    p.add_argument("--workspace", type=Path, default=Path("pocedu-workspace"),
                   help="folder for your copy of the modules (default: ./pocedu-workspace)")
    p.add_argument("--modules", type=Path, help="folder holding the module notebooks")
    p.add_argument("--port", type=int, help="port for JupyterLab (default: first free)")
    p.add_argument("--no-browser", action="store_true", help="do not open a browser")
    p.add_argument("--dry-run", action="store_true",
                   help="prepare the workspace and print the command, do not start JupyterLab")
    p.set_defaults(handler=_lab)


def _lab(args: argparse.Namespace) -> int:
    from ..lab import find_modules, lab_command, lab_environment, prepare_workspace

    try:
        source = find_modules(modules=args.modules)
    except FileNotFoundError as err:
        print(err, file=sys.stderr)
        return 1
    folders = prepare_workspace(source=source, dest=args.workspace)
    print(f"workspace: {args.workspace.resolve()} ({len(folders)} modules)")
    cmd = lab_command(workspace=args.workspace.resolve(), port=args.port,
                      open_browser=not args.no_browser)
    if args.dry_run:
        print(" ".join(cmd))
        return 0
    return subprocess.call(cmd, env=lab_environment(workspace=args.workspace.resolve()))
