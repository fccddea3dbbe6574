"""Session fixtures of the browser suite: one JupyterLab server, one Chromium, a page per test.

The server runs on a temp copy of the lesson modules (``pocedu.lab.prepare_workspace``). Every
browser context is cut off from the network except the local server (``OfflineGuard``), so no
test can pass by fetching something from the internet.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from pocedu.lab import prepare_workspace
from pocedu.testing.browser import (
    BrowserSetupError,
    ConsoleLog,
    LabServer,
    OfflineGuard,
    ensure_chromium,
    launch_chromium,
    new_context,
    start_lab_server,
)

from .module_run import LAPTOP

REPO = Path(__file__).resolve().parents[2]
MODULES = Path(os.environ.get("POCEDU_BROWSER_MODULES") or REPO / "modules")
"""The lesson modules under test (``POCEDU_BROWSER_MODULES`` points at another copy)."""
STUDENT = "browser-student"
"""The student id the server's kernels run as (``POCEDU_STUDENT``)."""


def module_notebooks() -> list[Path]:
    """Every lesson notebook ``modules/NN_*/NN_*.ipynb`` (new modules are picked up)."""
    return sorted(p for p in MODULES.glob("[0-9][0-9]_*/[0-9][0-9]_*.ipynb")
                  if p.stem == p.parent.name)


@pytest.fixture(scope="session")
def chromium() -> Path:
    """Debian's Chromium, installed with apt-get if missing and running as root."""
    try:
        return ensure_chromium()
    except BrowserSetupError as err:
        pytest.fail(str(err), pytrace=False)


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    """Where screenshots go: ``$POCEDU_SCREENSHOTS`` or ``screenshots/`` at the repo root."""
    folder = Path(os.environ.get("POCEDU_SCREENSHOTS") or REPO / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def lab_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LabServer]:
    """JupyterLab on a temp copy of ``modules/``; stopped at the end of the session."""
    root = tmp_path_factory.mktemp("workspace")
    prepare_workspace(source=MODULES, dest=root)
    try:
        server = start_lab_server(root=root, state=tmp_path_factory.mktemp("lab-state"),
                                  env={"POCEDU_STUDENT": STUDENT})
    except BrowserSetupError as err:
        pytest.fail(str(err), pytrace=False)
    yield server
    server.stop()


@pytest.fixture(scope="package")
def browser(chromium: Path) -> Iterator[Any]:
    """One headless Chromium for the browser tests (package scope: Playwright's sync API keeps
    an asyncio loop running in the thread while it is open, so it must close before the tests
    of other folders run, which start their own Playwright or call ``asyncio.run``)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chrome = launch_chromium(pw, executable=chromium)
        yield chrome
        chrome.close()


@dataclass
class Tab:
    """A fresh page with its console log and the network guard of its context."""

    page: Any
    console: ConsoleLog
    guard: OfflineGuard
    server: LabServer

    def open(self, path: str) -> None:
        """Open ``path`` (relative to the workspace) in JupyterLab and wait for its kernel."""
        from .lab_page import open_notebook

        open_notebook(self.page, self.server.lab_url(path))


@pytest.fixture
def tab(browser: Any, lab_server: LabServer) -> Iterator[Tab]:
    """A new page in a new, offline browser context; kernels are shut down afterwards."""
    guard = OfflineGuard()
    context = new_context(browser, guard=guard, viewport=LAPTOP)
    context.set_default_timeout(30_000)
    page = context.new_page()
    console = ConsoleLog()
    console.attach(page)
    yield Tab(page, console, guard, lab_server)
    context.close()
    lab_server.shutdown_kernels()


class ModuleRuns:
    """Runs each lesson module once per session, on first request, and keeps the record."""

    def __init__(self, *, browser: Any, server: LabServer, screenshot_dir: Path) -> None:
        from .modules import click_plan

        self.browser, self.server, self.screenshot_dir = browser, server, screenshot_dir
        self.plan = click_plan(module_notebooks())
        """Module name -> practice ids answered by clicking (every item type once)."""
        self._runs: dict[Path, Any] = {}

    def expected(self, notebook: Path) -> tuple[str, ...]:
        """The practice ids ``notebook`` asks."""
        from .modules import expected

        return expected(notebook).question_ids

    def get(self, notebook: Path) -> Any:
        """The ``ModuleRun`` of ``notebook`` (run now if this is the first request)."""
        from .module_run import run_module

        if notebook not in self._runs:
            self._runs[notebook] = run_module(
                browser=self.browser, server=self.server, notebook=notebook,
                to_click=self.plan.get(notebook.parent.name, []),
                screenshot_dir=self.screenshot_dir)
            self.server.shutdown_kernels()
        return self._runs[notebook]


@pytest.fixture(scope="package")
def module_runs(browser: Any, lab_server: LabServer, screenshot_dir: Path) -> ModuleRuns:
    """The session's module runs (see ``ModuleRuns``)."""
    return ModuleRuns(browser=browser, server=lab_server, screenshot_dir=screenshot_dir)
