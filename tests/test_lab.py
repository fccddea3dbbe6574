"""``pocedu lab``: a student's workspace and a student's JupyterLab, started for real."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from pocedu.cli import main
from pocedu.lab import (
    INSTRUCTOR_PLUGINS,
    LabError,
    find_modules,
    lab_command,
    lab_environment,
    prepare_workspace,
    resolve_student,
)


def test_workspace_copies_modules_once_and_keeps_student_work(tmp_path):
    source = find_modules()
    dest = tmp_path / "ws"
    folders = prepare_workspace(source=source, dest=dest)
    assert [f.name for f in folders] == sorted(p.name for p in source.glob("[0-9][0-9]_*")
                                               if p.is_dir())
    notebook = next(folders[0].glob("*.ipynb"))
    notebook.write_text("my answers", encoding="utf-8")
    prepare_workspace(source=source, dest=dest)
    assert notebook.read_text(encoding="utf-8") == "my answers"


def test_settings_go_through_overrides_and_leave_user_settings_alone(tmp_path, monkeypatch):
    monkeypatch.setenv("JUPYTERLAB_SETTINGS_DIR", "/my/own/settings")
    env = lab_environment(workspace=tmp_path, lang="fr", student="officer01")
    assert env["JUPYTERLAB_SETTINGS_DIR"] == "/my/own/settings"
    assert env["POCEDU_STUDENT"] == "officer01"
    cmd = lab_command(workspace=tmp_path, port=8899, open_browser=False, token="t")
    app = tmp_path / ".pocedu-lab" / "app-settings"
    assert f"--LabApp.app_settings_dir={app}" in cmd
    assert "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate" in cmd
    overrides = json.loads((app / "overrides.json").read_text())
    assert overrides["@jupyterlab/apputils-extension:notification"]["fetchNews"] == "false"
    assert overrides["@jupyterlab/translation-extension:plugin"]["locale"] == "fr_FR"
    page = json.loads((app / "page_config.json").read_text())
    assert set(INSTRUCTOR_PLUGINS) <= set(page["disabledExtensions"])
    server = json.loads((tmp_path / ".pocedu-lab" / "config" / "jupyter_server_config.json")
                        .read_text())["ServerApp"]["jpserver_extensions"]
    assert server["nbgrader.server_extensions.formgrader"] is False
    assert server["nbgrader.server_extensions.assignment_list"] is True


def test_student_id_from_hub_or_checked_on_the_roster(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    roster = tmp_path / "roster.csv"
    roster.write_text("id,first_name,last_name,email\nofficer01,A,B,a@b\n", encoding="utf-8")
    assert resolve_student(student="officer01", roster=roster) == "officer01"
    with pytest.raises(LabError, match="'officer1' is not on the roster"):
        resolve_student(student="officer1", roster=roster)
    assert main(["lab", "--dry-run", "--student", "officer1", "--roster", str(roster),
                 "--workspace", str(tmp_path / "w")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: 'officer1' is not on the roster") and "Traceback" not in err
    monkeypatch.setenv("JUPYTERHUB_USER", "officer02")
    assert resolve_student(student=None, roster=None) == "officer02"
    with pytest.raises(LabError, match="logged in to JupyterHub as 'officer02'"):
        resolve_student(student="officer01", roster=roster)


def test_cli_dry_run_and_missing_modules(tmp_path, capsys):
    assert main(["lab", "--dry-run", "--workspace", str(tmp_path / "w")]) == 0
    assert "jupyterlab" in capsys.readouterr().out
    assert main(["lab", "--dry-run", "--modules", str(tmp_path / "none")]) == 1
    assert "error: no lesson modules found" in capsys.readouterr().err


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=5) as response:
        return json.loads(response.read())


@pytest.mark.slow
@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_lab_in_french_for_a_student_and_stopped_by_a_signal(tmp_path, stop):
    """The real JupyterLab: French locale available and set, no formgrader, stops on a signal."""
    port = _free_port()
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    env.pop("JUPYTERHUB_USER", None)
    lab = subprocess.Popen([sys.executable, "-m", "pocedu", "lab", "--workspace",
                            str(tmp_path / "ws"), "--no-browser", "--port", str(port),
                            "--lang", "fr", "--student", "officer01"],
                           env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                           start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        token = None
        deadline = time.monotonic() + 120
        while token is None and time.monotonic() < deadline:
            line = lab.stdout.readline()
            if "token=" in line:
                token = line.split("token=", 1)[1].split()[0].strip()
        assert token, "JupyterLab did not start"
        time.sleep(1)
        q = f"?token={token}"
        languages = _get(f"{base}/lab/api/translations{q}")["data"]
        assert "fr_FR" in languages
        locale = _get(f"{base}/lab/api/settings/@jupyterlab/translation-extension:plugin{q}")
        assert locale["schema"]["properties"]["locale"]["default"] == "fr_FR"  # overrides.json
        with pytest.raises(urllib.error.HTTPError):  # no formgrader server extension
            urllib.request.urlopen(f"{base}/formgrader{q}", timeout=5)
        os.kill(lab.pid, stop)
        assert lab.wait(timeout=30) == 128 + stop
        time.sleep(1)
        with pytest.raises(OSError):  # the JupyterLab server is gone with it
            socket.create_connection(("127.0.0.1", port), timeout=2).close()
    finally:
        if lab.poll() is None:
            os.killpg(lab.pid, signal.SIGKILL)
