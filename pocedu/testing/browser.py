"""End-to-end test infrastructure: JupyterLab on a temp workspace and Debian's Chromium.

Used by ``tests/browser``. Nothing here downloads a browser: Chromium comes from the system
packages and Playwright drives it through its executable path. Playwright is imported only by
the functions that need it.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from ..lab import lab_command

CHROMIUM = Path("/usr/bin/chromium")
"""Debian's Chromium (``apt-get install chromium``)."""

CHROMIUM_ARGS: tuple[str, ...] = (
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--no-first-run", "--disable-quic",
)
"""Flags for a headless Chromium in a container, with its own background traffic off."""

LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})

LAB_SETTINGS: dict[str, dict[str, Any]] = {
    # No "get Jupyter news?" toast and no update check: both would ask for the network.
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings":
        {"fetchNews": "false", "checkForUpdates": False},
}
"""User settings written for the test server (path under the settings dir -> values)."""


class BrowserSetupError(RuntimeError):
    """Chromium or JupyterLab could not be made ready; the message says what to do."""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def ensure_chromium(*, executable: Path = CHROMIUM, install: bool = True) -> Path:
    """The Chromium executable; installed with apt-get when missing and running as root.

    Raises ``BrowserSetupError`` with the command to run when it is missing and cannot be
    installed here.
    """
    if executable.is_file() and os.access(executable, os.X_OK):
        return executable
    if install and hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        for cmd in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "chromium"]):
            done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
            if done.returncode != 0:
                raise BrowserSetupError(f"`{' '.join(cmd)}` failed: {done.stderr.strip()[-500:]}")
        if executable.is_file():
            return executable
    raise BrowserSetupError(
        f"Chromium not found at {executable}. Install Debian's package as root "
        "(`apt-get install -y chromium`, as .ci/run does) and run the browser tests again; "
        "do not use `playwright install`.")


def write_lab_settings(settings_dir: Path) -> None:
    """Write ``LAB_SETTINGS`` into a JupyterLab user-settings folder."""
    for rel, values in LAB_SETTINGS.items():
        path = settings_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values, indent=2), encoding="utf-8")


@dataclass
class LabServer:
    """A running JupyterLab server started by ``start_lab_server``."""

    base_url: str
    """``http://127.0.0.1:PORT``."""
    token: str
    root: Path
    """The server's root folder (the student's workspace)."""
    process: subprocess.Popen
    log: Path
    """The server's combined stdout/stderr."""

    def lab_url(self, path: str, *, workspace: str | None = None) -> str:
        """URL opening ``path`` (relative to ``root``) in JupyterLab, in a fresh workspace."""
        ws = workspace or f"t{secrets.token_hex(4)}"
        return f"{self.base_url}/lab/workspaces/{ws}/tree/{path}?reset&token={self.token}"

    def api(self, method: str, path: str, body: Any = None) -> Any:
        """Call the server's REST API; returns the decoded JSON (or None)."""
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(f"{self.base_url}{path}", data=data, method=method,
                                     headers={"Authorization": f"token {self.token}",
                                              "Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=30) as resp:
            raw = resp.read()
        return json.loads(raw) if raw else None

    def shutdown_kernels(self) -> None:
        """Shut down every session and kernel (between tests, to keep the machine free)."""
        for session in self.api("GET", "/api/sessions") or []:
            self.api("DELETE", f"/api/sessions/{session['id']}")
        for kernel in self.api("GET", "/api/kernels") or []:
            self.api("DELETE", f"/api/kernels/{kernel['id']}")

    def log_tail(self, lines: int = 40) -> str:
        """The last lines of the server log (for failure messages)."""
        text = self.log.read_text(encoding="utf-8", errors="replace") if self.log.exists() else ""
        return "\n".join(text.splitlines()[-lines:])

    def stop(self, *, timeout: float = 15) -> None:
        """Stop the server (SIGTERM, then SIGKILL after ``timeout`` seconds)."""
        if self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=timeout)


def start_lab_server(*, root: Path, state: Path, env: dict[str, str] | None = None,
                     timeout: float = 120) -> LabServer:
    """Start JupyterLab on ``root`` (offline flags of ``pocedu.lab``) and wait for it.

    ``state`` is a scratch folder for the server's settings, workspaces, config and log, so
    the user's own Jupyter set-up is not used. ``env`` adds variables (e.g. POCEDU_STUDENT)
    for the server and its kernels.
    """
    state.mkdir(parents=True, exist_ok=True)
    settings = state / "settings"
    write_lab_settings(settings)
    token, port = secrets.token_hex(16), free_port()
    cmd = lab_command(workspace=root, port=port, open_browser=False, token=token) + [
        "--ServerApp.ip=127.0.0.1",
        "--LabApp.expose_app_in_browser=True",
        f"--LabApp.user_settings_dir={settings}",
        f"--LabApp.workspaces_dir={state / 'workspaces'}",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")
    full_env = {**os.environ, "JUPYTER_CONFIG_DIR": str(state / "config"),
                "JUPYTER_RUNTIME_DIR": str(state / "runtime"), "PYTHONUNBUFFERED": "1",
                **(env or {})}
    log = state / "jupyterlab.log"
    with log.open("wb") as out:
        process = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=full_env,
                                   cwd=root)
    server = LabServer(f"http://127.0.0.1:{port}", token, root, process, log)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise BrowserSetupError(f"JupyterLab exited with code {process.returncode}:\n"
                                    f"{server.log_tail()}")
        try:
            server.api("GET", "/api/status")
            return server
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    server.stop()
    raise BrowserSetupError(f"JupyterLab did not answer /api/status within {timeout:.0f} s:\n"
                            f"{server.log_tail()}")


def launch_chromium(playwright: Any, *, executable: Path = CHROMIUM) -> Any:
    """Headless Chromium (a fresh temporary profile each launch) with ``CHROMIUM_ARGS``."""
    return playwright.chromium.launch(executable_path=str(executable), headless=True,
                                      args=list(CHROMIUM_ARGS))


def new_context(browser: Any, *, guard: OfflineGuard,
                viewport: tuple[int, int] = (1280, 900)) -> Any:
    """A fresh browser context (empty cache, no service workers) cut off by ``guard``."""
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]},
                                  service_workers="block")
    guard.install(context)
    return context


@dataclass
class OfflineGuard:
    """A route handler that lets only the local server through and records what it blocked."""

    allowed: frozenset[str] = LOCAL_HOSTS
    blocked: list[str] = field(default_factory=list)
    """Every URL aborted, in order."""

    def handle(self, route: Any) -> None:
        """Playwright route callback: continue local requests, abort and record the rest."""
        url = route.request.url
        parsed = urlparse(url)
        if parsed.scheme in ("data", "blob") or (parsed.hostname or "") in self.allowed:
            route.continue_()
            return
        self.blocked.append(url)
        route.abort("internetdisconnected")

    def install(self, context: Any) -> None:
        """Route every request of ``context`` (all its pages) through ``handle``."""
        context.route("**/*", self.handle)


@dataclass(frozen=True)
class Benign:
    """A console error that is known noise, with the reason it is ignored."""

    pattern: str
    """Regular expression searched in ``'<text> @ <url>'``."""
    reason: str


BENIGN_CONSOLE: tuple[Benign, ...] = (
    Benign(r"Failed to load resource: the server responded with a status of 404 .*"
           r"@ http://127\.0\.0\.1:\d+/api/contents/",
           "JupyterLab probes /api/contents/<name> at the root for the document it opens from "
           "a /tree/ URL; a 404 there is expected and harmless."),
)
"""The only console errors a test may ignore; everything else fails the test."""


@dataclass
class ConsoleLog:
    """Collects console errors and uncaught page errors of one page."""

    entries: list[str] = field(default_factory=list)

    def attach(self, page: Any) -> None:
        """Start collecting from ``page``."""
        page.on("console", self._console)
        page.on("pageerror", lambda err: self.entries.append(f"pageerror: {err}"))

    def _console(self, msg: Any) -> None:
        if msg.type == "error":
            url = (msg.location or {}).get("url", "")
            self.entries.append(f"{msg.text} @ {url}")

    def errors(self, *, benign: tuple[Benign, ...] = BENIGN_CONSOLE) -> list[str]:
        """Entries that match no ``benign`` pattern."""
        return [e for e in self.entries if not any(re.search(b.pattern, e) for b in benign)]
