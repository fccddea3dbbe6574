"""Prepare a student workspace of the lesson modules and start JupyterLab on it, offline."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

MODULE_GLOB = "[0-9][0-9]_*"


def find_modules(*, modules: Path | None = None) -> Path:
    """The folder holding the lesson modules: ``modules``, ``./modules`` or the repository's."""
    candidates = [modules] if modules else [Path.cwd() / "modules",
                                            Path(__file__).resolve().parents[1] / "modules"]
    for c in candidates:
        if c is not None and c.is_dir() and any(c.glob(MODULE_GLOB)):
            return c
    where = ", ".join(str(c) for c in candidates if c is not None)
    raise FileNotFoundError(f"no lesson modules found (looked in {where}); pass --modules DIR")


def prepare_workspace(*, source: Path, dest: Path) -> list[Path]:
    """Copy each module folder from ``source`` into ``dest`` unless it is already there.

    Existing copies are never overwritten, so a student's work is never lost.
    Returns the module folders in ``dest``.
    """
    dest.mkdir(parents=True, exist_ok=True)
    out = []
    for module in sorted(source.glob(MODULE_GLOB)):
        if not module.is_dir():
            continue
        target = dest / module.name
        if not target.exists():
            shutil.copytree(module, target,
                            ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
        out.append(target)
    return out


def lab_command(*, workspace: Path, port: int | None = None, open_browser: bool = True,
                token: str | None = None) -> list[str]:
    """The ``jupyter lab`` command for ``workspace`` with every network call switched off."""
    cmd = [
        sys.executable, "-m", "jupyterlab",
        f"--ServerApp.root_dir={workspace}",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.news_url=",
        "--ServerApp.open_browser=" + ("True" if open_browser else "False"),
    ]
    if port is not None:
        cmd += [f"--ServerApp.port={port}", "--ServerApp.port_retries=0"]
    if token is not None:
        cmd.append(f"--IdentityProvider.token={token}")
    return cmd


def start_lab(*, workspace: Path, port: int | None = None, open_browser: bool = True,
              token: str | None = None, **popen: object) -> subprocess.Popen:
    """Start JupyterLab on ``workspace`` and return the running process."""
    return subprocess.Popen(lab_command(workspace=workspace, port=port,
                                        open_browser=open_browser, token=token), **popen)
