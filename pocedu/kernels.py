"""Kernels pocedu starts: steady waits, and IPC transport where the platform has it.

The stall: nbclient waits for a kernel's reply with one ``socket.poll(timeout)`` on pyzmq's
asyncio sockets. When that poll misses the socket's wake-up (it happens now and then while
widgets send comm messages), the reply sits in the socket until the timeout fires: a cell that
takes 0.1 s returns after the whole cell timeout (module 02 once took 306 s, 7-8 s in reruns).
``SteadyNotebookClient`` keeps nbclient's logic and only splits every wait on the shell and
IOPub channels into polls of at most ``POLL_SLICE`` seconds.

TCP on loopback makes every kernel warn that it is "running over TCP without encryption", and
parallel starts can race for a port (``ZMQError: Address already in use``). ``kernel_manager``
uses Unix sockets in a folder private to the process; the folder goes when the process ends.
"""

from __future__ import annotations

import atexit
import functools
import os
import shutil
import tempfile
from collections.abc import Awaitable, Callable
from functools import cache
from queue import Empty
from time import monotonic
from typing import Any

from nbclient import NotebookClient
from nbclient.util import ensure_async

POLL_SLICE = 0.2
"""Longest single poll of a kernel channel, in seconds."""
HAS_IPC = os.name == "posix"


def sliced(get_msg: Callable[..., Awaitable[dict[str, Any]]]) -> Callable[..., Any]:
    """``get_msg`` whose wait is a loop of short polls (same result, same ``Empty``)."""

    @functools.wraps(get_msg)
    async def wrapper(timeout: float | None = None) -> dict[str, Any]:
        deadline = None if timeout is None else monotonic() + timeout
        while True:
            left = POLL_SLICE if deadline is None else deadline - monotonic()
            try:
                return await ensure_async(get_msg(timeout=max(0.0, min(POLL_SLICE, left))))
            except Empty:
                if deadline is not None and monotonic() >= deadline:
                    raise

    return wrapper


class SteadyNotebookClient(NotebookClient):
    """``nbclient.NotebookClient`` whose channel waits never miss a message for long."""

    async def async_start_new_kernel_client(self) -> Any:
        kc = await super().async_start_new_kernel_client()
        for channel in (kc.shell_channel, kc.iopub_channel):
            if not getattr(channel, "_pocedu_sliced", False):
                channel.get_msg = sliced(channel.get_msg)
                channel._pocedu_sliced = True
        return kc


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
