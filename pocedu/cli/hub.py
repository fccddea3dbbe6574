"""``pocedu hub setup|up``: a class on one JupyterHub (Unix accounts, shared exchange)."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--course", type=Path, required=True, help="the course directory")
    p.add_argument("--hub-dir", type=Path, default=Path("pocedu-hub"),
                   help="folder for the hub's files (default: ./pocedu-hub)")
    p.add_argument("--students", required=True,
                   help="comma-separated Unix user names of the students")
    p.add_argument("--instructors", required=True,
                   help="comma-separated Unix user names of instructors and graders")
    p.add_argument("--db-url", help="gradebook URL, e.g. postgresql://user@host/gradebook "
                   "(several graders at once); default: the course's SQLite file")
    p.add_argument("--port", type=int, default=8000, help="hub port (default: 8000)")
    p.add_argument("--ip", default="127.0.0.1", help="hub address (default: 127.0.0.1)")
    p.add_argument("--python", type=Path, default=Path(sys.executable),
                   help="Python of the environment users' JupyterLab runs in; every account "
                   "must be able to read it (default: this one)")


def register(sub: argparse._SubParsersAction) -> None:
    hub = sub.add_parser("hub", help="run a class on a JupyterHub",
                         description="Write (setup) or write and start (up) a JupyterHub for "
                         "a class: students and instructors as groups with their own Jupyter "
                         "config, nbgrader's exchange shared, the gradebook on db_url. "
                         "See docs/HUB.md (and Kubernetes Helm values there).")
    hsub = hub.add_subparsers(dest="hub_command", metavar="COMMAND", required=True)
    p = hsub.add_parser("setup", help="write jupyterhub_config.py and the groups' config")
    _common(p)
    p.set_defaults(handler=_setup)
    p = hsub.add_parser("up", help="set up and start JupyterHub (Ctrl+C stops it)")
    _common(p)
    p.set_defaults(handler=_up)


def _write(args: argparse.Namespace) -> Path:
    from ..hub.config import HubSpec, write_hub

    spec = HubSpec(course_dir=args.course, db_url=args.db_url, port=args.port, ip=args.ip,
                   python=args.python,
                   students=tuple(s for s in args.students.split(",") if s),
                   instructors=tuple(s for s in args.instructors.split(",") if s))
    config = write_hub(hub=args.hub_dir, spec=spec)
    print(f"hub config: {config}")
    return config


def _setup(args: argparse.Namespace) -> int:
    config = _write(args)
    print(f"start it with: jupyterhub -f {config}   (or `pocedu hub up ...`)")
    return 0


def _up(args: argparse.Namespace) -> int:
    from ..errors import PoceduEnvironmentError
    from ..lab import run_until_stopped

    config = _write(args)
    for tool, how in (("configurable-http-proxy", "npm install -g configurable-http-proxy"),):
        if not shutil.which(tool):
            raise PoceduEnvironmentError(f"{tool} not found", [f"install it: {how}"])
    hub = subprocess.Popen([sys.executable, "-m", "jupyterhub", "-f", str(config)],
                           cwd=config.parent)
    print(f"JupyterHub on http://{args.ip}:{args.port}/ (Ctrl+C stops it)")
    return run_until_stopped(hub)
