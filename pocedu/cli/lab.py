"""``pocedu lab``: open a student's JupyterLab on a workspace copy of the lesson modules."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..lab import LANG_LOCALES


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "lab",
        help="open JupyterLab on the lesson modules (works offline)",
        description="Copy the lesson modules into a workspace folder (existing copies are kept, "
        "so your answers are never overwritten) and open JupyterLab there. Widgets and figures "
        "work with no internet connection. Stop it with Ctrl+C.",
    )
    p.add_argument("--workspace", type=Path, default=Path("pocedu-workspace"),
                   help="folder for your copy of the modules (default: ./pocedu-workspace)")
    p.add_argument("--modules", type=Path, help="folder holding the module notebooks")
    p.add_argument("--student", help="your student id from the course (e.g. officer01); on "
                   "a JupyterHub your login is used")
    p.add_argument("--roster", type=Path,
                   help="the course roster sent with the quizzes, to check --student against")
    p.add_argument("--lang", choices=sorted(LANG_LOCALES), default="en",
                   help="language of JupyterLab's menus (default: en)")
    p.add_argument("--port", type=int, help="port for JupyterLab (default: first free)")
    p.add_argument("--no-browser", action="store_true", help="do not open a browser")
    p.add_argument("--dry-run", action="store_true",
                   help="prepare the workspace and print the command, do not start JupyterLab")
    p.set_defaults(handler=_lab)


def _lab(args: argparse.Namespace) -> int:
    from ..lab import (
        find_modules,
        lab_command,
        prepare_workspace,
        resolve_student,
        run_until_stopped,
        start_lab,
    )

    student = resolve_student(student=args.student, roster=args.roster)
    source = find_modules(modules=args.modules)
    workspace = args.workspace.resolve()
    folders = prepare_workspace(source=source, dest=workspace)
    print(f"workspace: {workspace} ({len(folders)} modules)"
          + (f", student {student}" if student else ""))
    if args.dry_run:
        print(" ".join(lab_command(workspace=workspace, port=args.port,
                                   open_browser=not args.no_browser)))
        return 0
    process = start_lab(workspace=workspace, port=args.port, open_browser=not args.no_browser,
                        lang=args.lang, student=student)
    return run_until_stopped(process)
