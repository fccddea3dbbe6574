"""A private PostgreSQL server for tests: Debian's ``postgresql`` binaries, a throwaway cluster.

``with postgres_server(tmp_path) as url:`` runs ``initdb`` and ``pg_ctl`` (as the ``postgres``
Unix user when the caller is root, since PostgreSQL refuses to run as root), listens only on a
Unix socket in the cluster folder and on 127.0.0.1 at a free port, creates a database, yields a
SQLAlchemy URL (``postgresql+psycopg2://...``) and stops the server on exit.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import PoceduEnvironmentError


def pg_bindir() -> Path:
    """The folder of Debian's PostgreSQL server binaries (the newest version installed)."""
    root = Path("/usr/lib/postgresql")
    versions = sorted((p for p in root.glob("*/bin") if (p / "initdb").exists()),
                      key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0)
    if not versions:
        raise PoceduEnvironmentError(
            "PostgreSQL server binaries not found under /usr/lib/postgresql: "
            "install Debian's 'postgresql' package (apt-get install postgresql)")
    return versions[-1]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_owner(cmd: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return cmd
    runuser = shutil.which("runuser") or "/usr/sbin/runuser"
    return [runuser, "-u", "postgres", "--", *cmd]


def _run(cmd: list[str]) -> None:
    done = subprocess.run(_as_owner(cmd), capture_output=True, text=True)
    if done.returncode:
        raise PoceduEnvironmentError(
            f"{Path(cmd[0]).name} failed (exit {done.returncode})",
            [line for line in (done.stderr or done.stdout).splitlines() if line.strip()][-5:])


@contextmanager
def postgres_server(base: Path, database: str = "pocedu") -> Iterator[str]:
    """Start a throwaway PostgreSQL cluster; yield its URL; stop and remove it on exit.

    The cluster lives in a fresh folder under the system temp dir (``base`` keeps the server
    log): the ``postgres`` user must be able to reach it, and pytest's ``tmp_path`` is private
    to root.
    """
    bindir = pg_bindir()
    base.mkdir(parents=True, exist_ok=True)
    data = Path(tempfile.mkdtemp(prefix="pocedu-pg-"))
    if os.geteuid() == 0:
        shutil.chown(data, "postgres")
    port = _free_port()
    _run([str(bindir / "initdb"), "-D", str(data), "-U", "pocedu", "--auth=trust", "-E", "UTF8"])
    started = False
    try:
        _run([str(bindir / "pg_ctl"), "-D", str(data), "-l", str(data / "server.log"), "-w",
              "-t", "60", "-o",
              f"-p {port} -k {data} -c listen_addresses=127.0.0.1 -c fsync=off", "start"])
        started = True
        _run([str(bindir / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "pocedu",
              database])
        yield f"postgresql+psycopg2://pocedu@127.0.0.1:{port}/{database}"
    finally:
        if started:
            subprocess.run(_as_owner([str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast",
                                      "-w", "stop"]), capture_output=True)
        if (data / "server.log").exists():
            shutil.copy(data / "server.log", base / "postgres-server.log")
        shutil.rmtree(data, ignore_errors=True)
