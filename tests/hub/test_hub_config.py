"""``pocedu hub setup`` writes a hub whose groups get a student's or an instructor's Jupyter."""

from __future__ import annotations

import json
import runpy

from pocedu.cli import main


def test_hub_setup_writes_groups_exchange_and_gradebook_url(tmp_path, capsys):
    course, hub = tmp_path / "course", tmp_path / "hub"
    assert main(["course", "init", "--course", str(course)]) == 0
    url = "postgresql+psycopg2://grader@127.0.0.1:5432/gradebook"
    assert main(["hub", "setup", "--course", str(course), "--hub-dir", str(hub),
                 "--students", "s01,s02", "--instructors", "t01", "--db-url", url]) == 0
    assert f"c.CourseDirectory.db_url = '{url}'" in (course / "nbgrader_config.py").read_text()
    assert (hub / "exchange").stat().st_mode & 0o1777 == 0o1777

    class Config(dict):
        def __getattr__(self, name):
            return self.setdefault(name, Config())

        def __setattr__(self, name, value):
            self[name] = value

    c = Config()
    runpy.run_path(str(hub / "jupyterhub_config.py"), init_globals={"get_config": lambda: c})
    assert c.JupyterHub.load_groups["students"]["users"] == ["s01", "s02"]
    assert c.Authenticator.admin_users == {"t01"}
    student = json.loads((hub / "student" / "jupyter_server_config.json").read_text())
    extensions = student["ServerApp"]["jpserver_extensions"]
    assert extensions["nbgrader.server_extensions.formgrader"] is False
    assert extensions["nbgrader.server_extensions.assignment_list"] is True
    page = json.loads((hub / "student" / "app-settings" / "page_config.json").read_text())
    assert page["disabledExtensions"]["@jupyter/nbgrader:create-assignment"] is True
    teacher = json.loads((hub / "instructor" / "jupyter_server_config.json").read_text())
    assert teacher["ServerApp"]["jpserver_extensions"][
        "nbgrader.server_extensions.formgrader"] is True
    assert main(["hub", "setup", "--course", str(course), "--hub-dir", str(hub),
                 "--students", "s01", "--instructors", "s01"]) == 1
    assert "error: both student and instructor: s01" in capsys.readouterr().err
