"""Kernels pocedu starts talk over IPC (Unix sockets) where the platform has them.

TCP on loopback makes every kernel warn that it is "running over TCP without encryption", and
parallel starts can race for a port (``ZMQError: Address already in use``). Unix sockets in a
folder private to this process have neither problem; the folder goes when the process ends.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from functools import cache
from typing import Any

HAS_IPC = os.name == "posix"


@cache
def _socket_dir(pid: int) -> str:
    """A socket folder per process (a forked worker gets its own: no shared socket names)."""
    path = tempfile.mkdtemp(prefix=f"pocedu-kernels-{pid}-")
    os.chmod(path, 0o1777)  # a grading kernel may run as another (unprivileged) user
    atexit.register(lambda: os.getpid() == pid and shutil.rmtree(path, True))
    return path


def ipc_settings() -> dict[str, str]:
    """``KernelManager`` traits for IPC transport (empty where there is no IPC)."""
    if not HAS_IPC:
        return {}
    return {"transport": "ipc", "ip": os.path.join(_socket_dir(os.getpid()), "kernel")}


def kernel_manager(kernel_name: str = "python3") -> Any:
    """A ``jupyter_client`` kernel manager using IPC transport where available."""
    from jupyter_client.manager import KernelManager

    return KernelManager(kernel_name=kernel_name, **ipc_settings())
