"""Prepare a student workspace of the lesson modules and start JupyterLab on it, offline."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from .errors import PoceduError

MODULE_GLOB = "[0-9][0-9]_*"


class LabError(PoceduError, FileNotFoundError):
    """The workspace cannot be prepared: no modules, or a bad student id."""

SETTINGS_DIR = ".pocedu-lab-settings"
# JupyterLab user settings for class use: no news or update checks (no network, no pop-up).
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false", "checkForUpdates": False,
    },
    # keep widget state in the saved notebook: a reopened notebook shows the answers at once
    "@jupyter-widgets/jupyterlab-manager/plugin.jupyterlab-settings": {"saveState": True},
}


PACKAGED_MODULES = Path(__file__).resolve().parent / "modules"
"""Where a wheel install keeps the lesson modules (copied there from ``modules/`` at build)."""
REPO_MODULES = Path(__file__).resolve().parents[1] / "modules"
"""The repository's ``modules/``: the one source, used directly by an editable install."""


def find_modules(*, modules: Path | None = None) -> Path:
    """The folder holding the lesson modules: ``modules``, the installed copy or the repo's."""
    candidates = [modules] if modules else [PACKAGED_MODULES, REPO_MODULES]
    for c in candidates:
        if c.is_dir() and any(c.glob(MODULE_GLOB)):
            return c
    where = ", ".join(str(c) for c in candidates)
    raise LabError(f"no lesson modules found (looked in {where}); pass --modules DIR")


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


def lab_environment(*, workspace: Path) -> dict[str, str]:
    """Environment for JupyterLab with pocedu's class settings written under ``workspace``."""
    settings = workspace / SETTINGS_DIR
    for name, values in LAB_SETTINGS.items():
        path = settings / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists():  # never overwrite what a user changed
            path.write_text(json.dumps(values, indent=2), encoding="utf-8")
    return {**os.environ, "JUPYTERLAB_SETTINGS_DIR": str(settings)}


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
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")  # JupyterLab refuses root otherwise (containers, class VMs)
    return cmd


def start_lab(*, workspace: Path, port: int | None = None, open_browser: bool = True,
              token: str | None = None, **popen: object) -> subprocess.Popen:
    """Start JupyterLab on ``workspace`` and return the running process."""
    popen.setdefault("env", lab_environment(workspace=workspace))
    return subprocess.Popen(lab_command(workspace=workspace, port=port,
                                        open_browser=open_browser, token=token), **popen)
