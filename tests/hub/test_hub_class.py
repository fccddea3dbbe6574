"""A class on a real JupyterHub: Unix accounts, PAM login, shared exchange, PostgreSQL gradebook.

Starts the real parts: JupyterHub (PyPI) behind configurable-http-proxy (npm), PostgreSQL
(Debian), three Unix accounts (two students, one instructor) and Chromium. Needs root (CI runs
as root); marked ``hub``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

from pocedu.cli import main
from pocedu.testing.browser import free_port

REPO = Path(__file__).resolve().parents[2]
SHOTS = REPO / "screenshots"
STUDENTS = ("pocstu01", "pocstu02")
INSTRUCTOR = "pocinst01"
PASSWORD = "Kelvara-2026!"
QUIZ = "quiz02"

pytestmark = [
    pytest.mark.hub, pytest.mark.slow,
    pytest.mark.skipif(os.geteuid() != 0, reason="creates Unix accounts: run as root"),
    pytest.mark.skipif(not shutil.which("configurable-http-proxy"),
                       reason="npm install -g configurable-http-proxy (.ci/run does)"),
]


@pytest.fixture(scope="module")
def accounts():
    for user in (*STUDENTS, INSTRUCTOR):
        subprocess.run(["userdel", "-r", user], capture_output=True)
        subprocess.run(["useradd", "-m", "-s", "/bin/bash", user], check=True)
        subprocess.run(["chpasswd"], input=f"{user}:{PASSWORD}\n", text=True, check=True)
    yield
    for user in (*STUDENTS, INSTRUCTOR):
        subprocess.run(["pkill", "-u", user], capture_output=True)
        subprocess.run(["userdel", "-r", user], capture_output=True)


@pytest.fixture(scope="module")
def place():
    """A folder every account can read (pytest's tmp folders are root-only)."""
    path = Path(tempfile.mkdtemp(prefix="pocedu-hub-test-"))
    path.chmod(0o755)
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="module")
def gradebook_url(place):
    from pocedu.testing.postgres import postgres_server

    with postgres_server(place / "pg") as url:
        yield url


BUILD_INPUTS = ("pyproject.toml", "setup.py", "MANIFEST.in", "LICENSE", "README.md",
                "pocedu", "modules")


@pytest.fixture(scope="module")
def class_python(place) -> Path:
    """pocedu installed (non-editable) for the class, on a Python every account can run."""
    system = Path("/usr/bin/python3")
    if not system.exists():
        pytest.skip("needs Debian's python3 (readable by every account)")
    src = place / "src"
    src.mkdir()
    for name in BUILD_INPUTS:
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, src / name,
                            ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copy2(REPO / name, src / name)
    venv = place / "venv"
    subprocess.run([str(system), "-m", "venv", str(venv)], check=True)
    # no constraints.txt: Debian's Python (3.11.2) cannot take every pin made on a newer one
    done = subprocess.run([str(venv / "bin" / "pip"), "install", "-q", f"{src}[hub]"],
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    shutil.rmtree(src)
    return venv / "bin" / "python"


@pytest.fixture(scope="module")
def hub(accounts, place, gradebook_url, class_python):
    """The course (gradebook on PostgreSQL, quiz released to the shared exchange) and the hub."""
    course, hub_dir = place / "course", place / "hub"
    roster = place / "roster.csv"
    roster.write_text("id,first_name,last_name,email\n" + "".join(
        f"{s},Officer,{s[-2:]},{s}@example.org\n" for s in STUDENTS), encoding="utf-8")
    assert main(["course", "init", "--course", str(course), "--copy-from",
                 str(REPO / "assessments")]) == 0
    port = free_port()
    assert main(["hub", "setup", "--course", str(course), "--hub-dir", str(hub_dir),
                 "--students", ",".join(STUDENTS), "--instructors", INSTRUCTOR,
                 "--db-url", gradebook_url, "--port", str(port),
                 "--python", str(class_python)]) == 0
    os.environ["POCEDU_EXCHANGE"] = str(hub_dir / "exchange")  # the instructor's terminal
    assert main(["course", "init", "--course", str(course), "--roster", str(roster)]) == 0
    assert main(["assess", "release", QUIZ, "--course", str(course)]) == 0
    env = {**os.environ, "PATH": f"{class_python.parent}{os.pathsep}{os.environ['PATH']}"}
    log = (place / "hub.log").open("w")
    proc = subprocess.Popen([str(class_python), "-m", "jupyterhub", "-f",
                             str(hub_dir / "jupyterhub_config.py")], cwd=hub_dir, env=env,
                            stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{base}/hub/api", timeout=2)
            break
        except OSError:
            time.sleep(0.5)
    else:
        proc.terminate()
        pytest.fail("JupyterHub did not start:\n" + (place / "hub.log").read_text()[-3000:])
    yield {"base": base, "course": course, "hub_dir": hub_dir, "log": place / "hub.log"}
    proc.terminate()
    proc.wait(timeout=30)
    os.environ.pop("POCEDU_EXCHANGE", None)


def _login(page, base: str, user: str) -> None:
    page.goto(f"{base}/hub/login")
    page.fill("#username_input", user)
    page.fill("#password_input", PASSWORD)
    page.click("#login_submit")
    page.wait_for_url(f"**/user/{user}/lab**", timeout=120_000)


def test_student_fetches_and_submits_on_the_hub_and_the_instructor_grades(hub):
    from playwright.sync_api import sync_playwright

    from pocedu.testing.browser import ensure_chromium, launch_chromium

    ensure_chromium()
    student = STUDENTS[0]
    SHOTS.mkdir(exist_ok=True)
    with sync_playwright() as pw:
        browser = launch_chromium(pw)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        try:
            try:
                _login(page, hub["base"], student)
            except Exception:
                page.screenshot(path=str(SHOTS / "hub_login_failed.png"))
                pytest.fail("login failed; hub log:\n" + hub["log"].read_text()[-4000:])
            tab = page.locator(".nbgrader-mainarea-widget")
            tab.wait_for(timeout=60_000)
            fetch = tab.get_by_role("button", name="Fetch")
            fetch.first.wait_for(timeout=60_000)
            menubar = page.locator("#jp-menu-panel").inner_text()
            assert "Nbgrader" not in menubar and "Formgrader" not in page.content()
            assert not page.get_by_text("Jupyter news").count()  # pocedu's offline settings
            page.screenshot(path=str(SHOTS / "hub_student_lab.png"))
            fetch.first.click()
            submit = tab.get_by_role("button", name="Submit")
            submit.first.wait_for(timeout=60_000)
            home = Path(f"/home/{student}") / QUIZ / f"{QUIZ}.ipynb"
            assert home.is_file()
            submit.first.click()
            page.wait_for_timeout(3000)
            page.screenshot(path=str(SHOTS / "hub_student_submitted.png"))
        finally:
            browser.close()
    inbound = hub["hub_dir"] / "exchange" / "pocedu" / "inbound"
    assert any(p.name.startswith(f"{student}+{QUIZ}+") for p in inbound.iterdir())
    course = str(hub["course"])
    answers = hub["hub_dir"].parent / "answers.json"
    answers.write_text('{"Q2": "b"}', encoding="utf-8")
    assert main(["course", "simulate-submission", QUIZ, "--course", course,
                 "--student", STUDENTS[1], "--answers", str(answers)]) == 0
    assert main(["assess", "collect", QUIZ, "--course", course]) == 0
    main(["grade", QUIZ, "--course", course])  # written answers await a grader
    from pocedu.assess.nbg import gradebook

    with gradebook(hub["course"]) as gb:
        assert gb.db.bind.dialect.name == "postgresql"
        for sid in STUDENTS:
            assert gb.find_submission(QUIZ, sid).max_score == 30
    _two_graders_at_once(hub["course"])


def _two_graders_at_once(course: Path) -> None:
    """Two graders mark written answers and comment every cell at once: no grade is lost."""
    import threading

    from pocedu.assess.nbg import gradebook

    start = threading.Barrier(2)
    errors: list[BaseException] = []

    def grader(sid: str, score: float) -> None:
        try:
            with gradebook(course) as gb:
                start.wait(timeout=30)
                notebook = gb.find_submission_notebook(QUIZ, QUIZ, sid)
                for grade in notebook.grades:  # every cell, as formgrader's score boxes
                    grade.manual_score = score * grade.max_score
                    grade.needs_manual_grade = False
                    gb.db.commit()  # one commit per grade: the two sessions interleave
                for comment in notebook.comments:
                    comment.manual_comment = f"seen by the grader of {sid}"
                    gb.db.commit()
        except BaseException as err:  # noqa: BLE001 (reported below)
            errors.append(err)

    threads = [threading.Thread(target=grader, args=(sid, s))
               for sid, s in zip(STUDENTS, (0.5, 1.0), strict=True)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors, errors
    with gradebook(course) as gb:
        for sid, score in zip(STUDENTS, (0.5, 1.0), strict=True):
            notebook = gb.find_submission_notebook(QUIZ, QUIZ, sid)
            assert notebook.grades and all(g.manual_score == score * g.max_score
                                           for g in notebook.grades)
            assert all(c.manual_comment == f"seen by the grader of {sid}"
                       for c in notebook.comments)
