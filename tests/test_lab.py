"""``pocedu lab`` prepares a workspace without ever overwriting a student's copy."""

from __future__ import annotations

import json

from pocedu.cli import main
from pocedu.lab import find_modules, lab_command, lab_environment, prepare_workspace


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


def test_lab_command_is_offline_and_settings_silence_news(tmp_path):
    cmd = lab_command(workspace=tmp_path, port=8899, open_browser=False, token="t")
    assert "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate" in cmd
    assert "--ServerApp.port=8899" in cmd and "--ServerApp.open_browser=False" in cmd
    env = lab_environment(workspace=tmp_path)
    settings = next((tmp_path / ".pocedu-lab-settings").rglob("notification.jupyterlab-settings"))
    assert env["JUPYTERLAB_SETTINGS_DIR"] == str(tmp_path / ".pocedu-lab-settings")
    assert json.loads(settings.read_text())["fetchNews"] == "false"


def test_cli_dry_run_and_missing_modules(tmp_path, capsys):
    assert main(["lab", "--dry-run", "--workspace", str(tmp_path / "w")]) == 0
    assert "jupyterlab" in capsys.readouterr().out
    assert main(["lab", "--dry-run", "--modules", str(tmp_path / "none")]) == 1
    assert "no lesson modules found" in capsys.readouterr().err
