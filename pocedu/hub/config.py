"""``pocedu hub``: the files of a class on one JupyterHub.

Written into one folder (``HUB``):

- ``jupyterhub_config.py``: Unix accounts (PAM), groups ``students`` and ``instructors``, each
  user's JupyterLab started with the config of their group (``POCEDU_EXCHANGE`` and
  ``JUPYTER_CONFIG_PATH`` in the spawner's environment);
- ``student/``: the students' Jupyter config: nbgrader's Assignments tab on, its instructor
  tools (formgrader, Create Assignment, course list) off, the shared exchange and course id;
- ``instructor/``: the instructors' config: formgrader on, pointed at the course;
- ``exchange/``: nbgrader's shared exchange (world-writable, sticky, as nbgrader expects).

The course's gradebook is ``db_url`` (PostgreSQL for several graders at once), written into
the course's ``nbgrader_config.py`` so ``pocedu grade`` and formgrader share it.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from ..errors import PoceduError
from ..lab import (
    INSTRUCTOR_PLUGINS,
    INSTRUCTOR_SERVER_EXTENSIONS,
    STUDENT_SERVER_EXTENSIONS,
    lab_overrides,
)

DB_URL_MARK = "# pocedu hub: gradebook"
ASSIGNMENTS_TAB = "nbgrader-assignment-list:nbgrader-assignment-list"
STUDENT_WORKSPACE = {
    "data": {"layout-restorer:data": {"main": {"dock": {
        "type": "tab-area", "currentIndex": 0, "widgets": [ASSIGNMENTS_TAB]}}},
        ASSIGNMENTS_TAB: {"data": {}}},
    "metadata": {"id": "default"},
}
"""A student's first JupyterLab layout: the Assignments tab open."""


class HubError(PoceduError):
    """The hub cannot be set up as asked."""


@dataclass(frozen=True)
class HubSpec:
    """What a class on a hub needs: who is who, where the course and its gradebook are."""

    course_dir: Path
    students: tuple[str, ...]
    instructors: tuple[str, ...]
    db_url: str | None = None
    port: int = 8000
    ip: str = "127.0.0.1"
    python: Path = Path(sys.executable)
    """The Python (of an environment with pocedu) that every user's JupyterLab runs: every
    account must be able to read it, so not one under a private home such as /root."""


JUPYTERHUB_CONFIG = '''"""JupyterHub for a pocedu class (written by `pocedu hub setup`)."""

import os

c = get_config()  # noqa: F821 (provided by JupyterHub)
HUB = {hub!r}
STUDENTS = {students!r}
INSTRUCTORS = {instructors!r}

c.JupyterHub.ip = {ip!r}
c.JupyterHub.port = {port!r}
c.JupyterHub.cookie_secret_file = os.path.join(HUB, "jupyterhub_cookie_secret")
c.JupyterHub.db_url = "sqlite:///" + os.path.join(HUB, "jupyterhub.sqlite")
c.ConfigurableHTTPProxy.pid_file = os.path.join(HUB, "jupyterhub-proxy.pid")
# Real Unix accounts (PAM): each user's JupyterLab runs as that user.
c.JupyterHub.authenticator_class = "pam"
c.Authenticator.allowed_users = set(STUDENTS) | set(INSTRUCTORS)
c.Authenticator.admin_users = set(INSTRUCTORS)
c.JupyterHub.load_groups = {{
    "students": {{"users": STUDENTS}},
    "instructors": {{"users": INSTRUCTORS}},
}}
c.Spawner.default_url = "/lab"
c.Spawner.http_timeout = 120
c.Spawner.start_timeout = 120


def group_config(spawner):
    """Each user's JupyterLab gets the Jupyter config of their group.

    A student's JupyterLab opens on nbgrader's Assignments tab (their default workspace, written
    once): students have no nbgrader menu, since that menu also holds the instructor tools.
    """
    import pwd
    import shutil

    group = "instructor" if spawner.user.name in INSTRUCTORS else "student"
    spawner.environment["JUPYTER_CONFIG_PATH"] = os.path.join(HUB, group)
    spawner.environment["POCEDU_EXCHANGE"] = os.path.join(HUB, "exchange")
    spawner.environment["POCEDU_COURSE"] = {course!r}
    if group == "student":
        entry = pwd.getpwnam(spawner.user.name)
        folder = os.path.join(entry.pw_dir, ".jupyter", "lab", "workspaces")
        target = os.path.join(folder, "default-37a8.jupyterlab-workspace")
        if not os.path.exists(target):
            os.makedirs(folder, exist_ok=True)
            shutil.copyfile(os.path.join(HUB, "student", "workspace.json"), target)
            for path in (os.path.join(entry.pw_dir, ".jupyter"),
                         os.path.join(entry.pw_dir, ".jupyter", "lab"), folder, target):
                os.chown(path, entry.pw_uid, entry.pw_gid)


c.Spawner.cmd = [{singleuser!r}]


c.Spawner.pre_spawn_hook = group_config
'''

NBGRADER_SHARED = '''c = get_config()  # noqa: F821
c.CourseDirectory.course_id = {course_id!r}
c.Exchange.root = {exchange!r}
'''


def write_hub(*, hub: Path, spec: HubSpec) -> Path:
    """Write the hub's files into ``hub``; return the ``jupyterhub_config.py`` path."""
    from ..assess.course.nbgrader_api import course_id

    course = spec.course_dir.resolve()
    if not (course / "nbgrader_config.py").is_file():
        raise HubError(f"{course} is not a pocedu course",
                       [f"create it first: `pocedu course init --course {spec.course_dir}`"])
    overlap = set(spec.students) & set(spec.instructors)
    if overlap:
        raise HubError(f"both student and instructor: {', '.join(sorted(overlap))}")
    hub = hub.resolve()
    exchange = hub / "exchange"
    exchange.mkdir(parents=True, exist_ok=True)
    os.chmod(exchange, 0o1777)
    os.chmod(hub, 0o755)
    shared = NBGRADER_SHARED.format(course_id=course_id(course), exchange=str(exchange))
    for group, off, on, disabled in (
            ("student", INSTRUCTOR_SERVER_EXTENSIONS, STUDENT_SERVER_EXTENSIONS,
             INSTRUCTOR_PLUGINS),
            ("instructor", (), (*STUDENT_SERVER_EXTENSIONS, *INSTRUCTOR_SERVER_EXTENSIONS), ())):
        folder = hub / group
        (folder / "labconfig").mkdir(parents=True, exist_ok=True)
        extensions = {**{e: False for e in off}, **{e: True for e in on}}
        app = folder / "app-settings"  # pocedu's offline settings and the disabled plugins
        app.mkdir(exist_ok=True)
        (app / "overrides.json").write_text(json.dumps(lab_overrides(), indent=2))
        (app / "page_config.json").write_text(
            json.dumps({"disabledExtensions": {p: True for p in disabled}}, indent=2))
        server: dict = {"ServerApp": {"jpserver_extensions": extensions},
                        "LabApp": {"app_settings_dir": str(app),
                                   "check_for_updates_class": "jupyterlab.NeverCheckForUpdate",
                                   "news_url": ""}}
        if group == "instructor":
            server["ServerApp"]["root_dir"] = str(course.parent)
        (folder / "jupyter_server_config.json").write_text(json.dumps(server, indent=2))
        (folder / "labconfig" / "page_config.json").write_text(
            json.dumps({"disabledExtensions": {p: True for p in disabled}}, indent=2))
        text = shared + (f"c.CourseDirectory.root = {str(course)!r}\n"
                         if group == "instructor" else "")
        (folder / "nbgrader_config.py").write_text(text)
    if spec.db_url:
        set_course_db_url(course, spec.db_url)
    config = hub / "jupyterhub_config.py"
    config.write_text(JUPYTERHUB_CONFIG.format(
        hub=str(hub), students=list(spec.students), instructors=list(spec.instructors),
        ip=spec.ip, port=spec.port, course=str(course),
        singleuser=str(spec.python.parent / "jupyterhub-singleuser")))
    (hub / "student" / "workspace.json").write_text(json.dumps(STUDENT_WORKSPACE, indent=2))
    return config


def set_course_db_url(course_dir: Path, db_url: str) -> None:
    """Point the course's gradebook at ``db_url`` (replacing an earlier pocedu hub setting)."""
    path = Path(course_dir) / "nbgrader_config.py"
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines()
             if not ln.endswith(DB_URL_MARK)]
    lines.append(f"c.CourseDirectory.db_url = {db_url!r}  {DB_URL_MARK}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
