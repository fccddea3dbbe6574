"""Prepare a student workspace of the lesson modules and start a student's JupyterLab on it.

Offline (no news, no update checks), pocedu's settings through JupyterLab's ``overrides.json``
(the user's own settings folder is left alone), nbgrader's instructor tools off and its
Assignments tab on, the menus in the course language, and the student's id known to the quiz.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

from .errors import PoceduError

MODULE_GLOB = "[0-9][0-9]_*"
LAB_DIR = ".pocedu-lab"
"""pocedu's JupyterLab configuration inside the workspace (app settings, server config)."""
LANG_LOCALES = {"en": "en", "fr": "fr_FR"}
"""Course language -> JupyterLab locale (``fr_FR`` comes from jupyterlab-language-pack-fr-FR)."""
INSTRUCTOR_PLUGINS = ("@jupyter/nbgrader:menu", "@jupyter/nbgrader:create-assignment",
                      "@jupyter/nbgrader:course-list")
"""nbgrader's instructor tools in JupyterLab (formgrader menu, Create Assignment, courses)."""
INSTRUCTOR_SERVER_EXTENSIONS = ("nbgrader.server_extensions.formgrader",
                                "nbgrader.server_extensions.course_list")
STUDENT_SERVER_EXTENSIONS = ("nbgrader.server_extensions.assignment_list",
                             "nbgrader.server_extensions.validate_assignment")


class LabError(PoceduError, FileNotFoundError):
    """The workspace cannot be prepared: no modules, or a bad student id."""


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


def resolve_student(*, student: str | None, roster: Path | None) -> str | None:
    """The student's id: JupyterHub's user on a hub, else ``student`` checked on the roster.

    ``roster`` is the course's roster CSV (column ``id``) sent with the release.
    """
    hub_user = os.environ.get("JUPYTERHUB_USER")
    if hub_user:
        if student and student != hub_user:
            raise LabError(f"you are logged in to JupyterHub as '{hub_user}', not '{student}'")
        return hub_user
    if student is None:
        return None
    if roster is not None:
        try:
            with roster.open(newline="", encoding="utf-8-sig") as fh:
                ids = {row.get("id", "").strip() for row in csv.DictReader(fh)}
        except OSError as err:
            raise LabError(f"cannot read the roster {roster}: {err.strerror}") from None
        if student not in ids:
            raise LabError(f"'{student}' is not on the roster {roster}",
                           ["check the id your instructor gave you (e.g. officer01)"])
    return student


def lab_overrides(*, lang: str = "en") -> dict[str, dict[str, Any]]:
    """pocedu's JupyterLab settings (``overrides.json``): offline, widget state, language."""
    if lang not in LANG_LOCALES:
        raise LabError(f"no JupyterLab language for '{lang}' (choose {', '.join(LANG_LOCALES)})")
    return {
        # no news or update checks: no network, no pop-up
        "@jupyterlab/apputils-extension:notification": {"fetchNews": "false",
                                                        "checkForUpdates": False},
        # keep widget state in the saved notebook: a reopened notebook shows the answers at once
        "@jupyter-widgets/jupyterlab-manager:plugin": {"saveState": True},
        "@jupyterlab/translation-extension:plugin": {"locale": LANG_LOCALES[lang]},
    }


def write_lab_config(*, workspace: Path, lang: str = "en") -> Path:
    """Write pocedu's app settings and server config under ``workspace``; return their folder.

    ``app-settings/overrides.json`` and ``page_config.json`` (instructor plugins disabled) are
    merged over those of the installation; ``config/jupyter_server_config.json`` switches
    nbgrader's instructor server extensions off and the student's on.
    """
    root = workspace / LAB_DIR
    app = root / "app-settings"
    app.mkdir(parents=True, exist_ok=True)
    installed = Path(sys.prefix) / "share" / "jupyter" / "lab" / "settings"
    overrides = _read_json(installed / "overrides.json")
    for plugin, values in lab_overrides(lang=lang).items():
        overrides.setdefault(plugin, {}).update(values)
    page = _read_json(installed / "page_config.json")
    page.setdefault("disabledExtensions", {}).update({p: True for p in INSTRUCTOR_PLUGINS})
    (app / "overrides.json").write_text(json.dumps(overrides, indent=2), encoding="utf-8")
    (app / "page_config.json").write_text(json.dumps(page, indent=2), encoding="utf-8")
    config = root / "config"
    config.mkdir(exist_ok=True)
    extensions = {**{e: False for e in INSTRUCTOR_SERVER_EXTENSIONS},
                  **{e: True for e in STUDENT_SERVER_EXTENSIONS}}
    (config / "jupyter_server_config.json").write_text(
        json.dumps({"ServerApp": {"jpserver_extensions": extensions}}, indent=2),
        encoding="utf-8")
    return root


def _read_json(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def lab_environment(*, workspace: Path, lang: str = "en",
                    student: str | None = None) -> dict[str, str]:
    """Environment for a student's JupyterLab on ``workspace`` (pocedu's config first)."""
    root = write_lab_config(workspace=workspace, lang=lang)
    env = dict(os.environ)
    env["JUPYTER_CONFIG_PATH"] = os.pathsep.join(
        p for p in (str(root / "config"), env.get("JUPYTER_CONFIG_PATH")) if p)
    env["POCEDU_LANG"] = lang
    if student:
        env["POCEDU_STUDENT"] = student  # the quiz runtime saves answers under this id
    return env


def lab_command(*, workspace: Path, port: int | None = None, open_browser: bool = True,
                token: str | None = None) -> list[str]:
    """The ``jupyter lab`` command for ``workspace`` with every network call switched off."""
    cmd = [
        sys.executable, "-m", "jupyterlab",
        f"--ServerApp.root_dir={workspace}",
        f"--LabApp.app_settings_dir={workspace / LAB_DIR / 'app-settings'}",
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
              token: str | None = None, lang: str = "en", student: str | None = None,
              **popen: Any) -> subprocess.Popen:
    """Start JupyterLab on ``workspace`` and return the running process."""
    popen.setdefault("env", lab_environment(workspace=workspace, lang=lang, student=student))
    return subprocess.Popen(lab_command(workspace=workspace, port=port,
                                        open_browser=open_browser, token=token), **popen)


def run_until_stopped(process: subprocess.Popen, *, grace: float = 10.0) -> int:
    """Wait for ``process``; on SIGTERM or SIGINT stop it (terminate, then kill) and return.

    JupyterLab saves nothing on exit that a student could lose: notebooks autosave and every
    answer is saved when clicked.
    """
    stopping: list[int] = []

    def stop(signum: int, _frame: object) -> None:
        stopping.append(signum)
        if process.poll() is None:
            process.terminate()

    previous = {s: signal.signal(s, stop) for s in (signal.SIGTERM, signal.SIGINT)}
    try:
        while True:
            try:
                code = process.wait(timeout=grace if stopping else None)
                break
            except subprocess.TimeoutExpired:
                process.kill()
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
    return 128 + stopping[0] if stopping else code
