"""A normal (non-editable) install works: the wheel carries the modules and the deps suffice.

Builds the wheel from a copy of the sources, installs it in a fresh venv (pip's cache makes this
a local copy after the first run) and runs the student's commands there, outside the repository.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
BUILD_INPUTS = ("pyproject.toml", "setup.py", "MANIFEST.in", "LICENSE", "README.md",
                "pocedu", "modules")

pytestmark = pytest.mark.slow


def _run(cmd: list[str], **kwargs) -> subprocess.CompletedProcess:
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=900, **kwargs)
    assert done.returncode == 0, f"{cmd}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    src = tmp_path_factory.mktemp("src")
    for name in BUILD_INPUTS:
        (shutil.copytree if (REPO / name).is_dir() else shutil.copy2)(
            REPO / name, src / name,
            **({"ignore": shutil.ignore_patterns("__pycache__", "*.egg-info",
                                                 ".ipynb_checkpoints")}
               if (REPO / name).is_dir() else {}))
    out = tmp_path_factory.mktemp("dist")
    _run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(out), str(src)])
    return next(out.glob("pocedu-*.whl"))


def test_wheel_carries_modules_and_licence_and_no_graded_keys(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    for module in sorted(p.name for p in (REPO / "modules").glob("[0-9][0-9]_*")):
        assert f"pocedu/modules/{module}/{module}.ipynb" in names, module
    meta = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("METADATA")))
    assert b"License-Expression: MIT" in meta
    assert not [n for n in names if n.startswith(("assessments/", "pocedu/assessments"))]


def test_installed_wheel_runs_lab_and_html(wheel, tmp_path):
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", str(venv)])
    py = venv / "bin" / "python"
    _run([str(py), "-m", "pip", "install", "-q", "--disable-pip-version-check",
          "-c", str(REPO / "constraints.txt"), str(wheel)])
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    work = tmp_path / "student"
    work.mkdir()
    lab = _run([str(venv / "bin" / "pocedu"), "lab", "--dry-run"], cwd=work, env=env)
    assert "5 modules" in lab.stdout and str(venv) in lab.stdout
    assert (work / "pocedu-workspace" / "01_definitions" / "01_definitions.ipynb").is_file()
    html = _run([str(venv / "bin" / "pocedu"), "html", "01"], cwd=work, env=env)
    page = work / "01_definitions.html"
    assert page.is_file() and "opens offline" in html.stdout
    assert "Protection of Civilians" in page.read_text(encoding="utf-8")
