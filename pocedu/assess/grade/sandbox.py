"""Contain a grading kernel: resource limits, a private home, optionally another user.

``kernel_dir`` writes a kernelspec named ``python3`` whose command is this module; a grading
worker puts it first on ``JUPYTER_PATH``, so nbgrader's kernels start through ``main``:
it sets ``RLIMIT_AS`` (memory), ``RLIMIT_CPU``, ``RLIMIT_FSIZE`` and ``RLIMIT_CORE``, gives the
kernel a scratch ``HOME`` and a minimal environment and, when grading runs as root and the
kernel's Python is reachable by that user, drops privileges to ``Limits.user`` before
starting ``ipykernel``. The kernel's working directory is the student's copy in a throwaway
folder outside the course (see ``run``). What this does not stop is written in
docs/GRADING.md.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

KERNEL_NAME = "python3"
ENV_HOME = "POCEDU_SANDBOX_HOME"
ENV_KEEP = ("PATH", "LANG", "LC_ALL", "TZ", "PYTHONPATH", "POCEDU_STUDENT",
            "NBGRADER_EXECUTION", "JPY_PARENT_PID", "JPY_INTERRUPT_EVENT")


@dataclass(frozen=True)
class Limits:
    """Limits on each grading kernel (every field can be set from ``grade_assignment``)."""

    memory_mb: int = 2048
    """Address-space limit of the kernel process (RLIMIT_AS), in MiB."""
    cpu_seconds: int = 600
    """CPU time limit of the kernel (RLIMIT_CPU): ends loops that ignore interrupts."""
    file_mb: int = 64
    """Largest file the kernel may write (RLIMIT_FSIZE), in MiB."""
    user: str = "nobody"
    """Run kernels as this user when grading runs as root ('' never drops privileges)."""


def kernel_dir(root: Path, limits: Limits, *, drop: bool) -> Path:
    """Write ``root/kernels/python3/kernel.json`` launching through ``main``; return ``root``."""
    argv = [sys.executable, "-m", "pocedu.assess.grade.sandbox", "--memory-mb",
            str(limits.memory_mb), "--cpu-seconds", str(limits.cpu_seconds), "--file-mb",
            str(limits.file_mb), "--user", limits.user if drop else "", "{connection_file}"]
    spec = {"argv": argv, "display_name": "Python 3 (pocedu grading sandbox)",
            "language": "python", "metadata": {"debugger": False}}
    target = Path(root) / "kernels" / KERNEL_NAME
    target.mkdir(parents=True, exist_ok=True)
    (target / "kernel.json").write_text(json.dumps(spec, indent=1), encoding="utf-8")
    return Path(root)


def can_drop_to(user: str) -> str:
    """'' when kernels can run as ``user`` here, else why not."""
    if not user:
        return "no user configured"
    if os.geteuid() != 0:
        return "grading does not run as root, so kernels run as the grading user"
    try:
        import pwd

        entry = pwd.getpwnam(user)
    except KeyError:
        return f"there is no user '{user}'"
    try:
        failed = subprocess.run(
            [sys.executable, "-c", "import ipykernel, pocedu.quiz"], capture_output=True,
            preexec_fn=lambda: _become(entry.pw_uid, entry.pw_gid), cwd="/", timeout=60,
            check=False).returncode != 0
    except (OSError, subprocess.SubprocessError):
        failed = True
    if failed:
        return (f"user '{user}' cannot start this Python ({sys.executable}): "
                "install pocedu where that user can read it")
    return ""


def _become(uid: int, gid: int) -> None:
    os.setgroups([])
    os.setgid(gid)
    os.setuid(uid)


def _limit(kind: int, value: int) -> None:
    _soft, hard = resource.getrlimit(kind)
    if hard != resource.RLIM_INFINITY:
        value = min(value, hard)
    resource.setrlimit(kind, (value, value if hard == resource.RLIM_INFINITY else hard))


def _chown_tree(path: Path, uid: int, gid: int) -> None:
    os.chown(path, uid, gid)
    for root, dirs, files in os.walk(path):
        for name in dirs + files:
            os.chown(os.path.join(root, name), uid, gid, follow_symlinks=False)


def main(argv: list[str] | None = None) -> None:
    """Kernel launcher: apply limits, drop privileges, then exec ``ipykernel``."""
    import argparse

    p = argparse.ArgumentParser(prog="pocedu.assess.grade.sandbox")
    p.add_argument("--memory-mb", type=int, required=True)
    p.add_argument("--cpu-seconds", type=int, required=True)
    p.add_argument("--file-mb", type=int, required=True)
    p.add_argument("--user", default="")
    p.add_argument("connection_file")
    args, extra = p.parse_known_args(argv)
    home = Path(os.environ.get(ENV_HOME) or Path.cwd() / ".home")
    home.mkdir(parents=True, exist_ok=True)
    env = {k: os.environ[k] for k in ENV_KEEP if k in os.environ}
    env.update(HOME=str(home), IPYTHONDIR=str(home / ".ipython"), MPLBACKEND="agg",
               JUPYTER_RUNTIME_DIR=str(home / ".runtime"), PYTHONDONTWRITEBYTECODE="1")
    conn = Path(args.connection_file)
    if args.user and os.geteuid() == 0:
        import pwd

        entry = pwd.getpwnam(args.user)
        private = home / "kernel.json"
        shutil.copyfile(conn, private)
        conn = private
        _chown_tree(home, entry.pw_uid, entry.pw_gid)
        _chown_tree(Path.cwd(), entry.pw_uid, entry.pw_gid)
        _become(entry.pw_uid, entry.pw_gid)
    _limit(resource.RLIMIT_AS, args.memory_mb * 1024 * 1024)
    _limit(resource.RLIMIT_CPU, args.cpu_seconds)
    _limit(resource.RLIMIT_FSIZE, args.file_mb * 1024 * 1024)
    _limit(resource.RLIMIT_CORE, 0)
    # log level ERROR: the kernel's start-up warnings (e.g. plain-TCP transport on loopback)
    # would otherwise flood the grader's terminal once per student; cell errors are unaffected
    os.execve(sys.executable, [sys.executable, "-m", "ipykernel_launcher", "-f", str(conn),
                               "--log-level=ERROR", *extra], env)


if __name__ == "__main__":
    main()
