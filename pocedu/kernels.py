"""Run notebooks without the intermittent stall: a ``NotebookClient`` that polls in slices.

The stall: nbclient waits for a kernel's reply with one ``socket.poll(timeout)`` on pyzmq's
asyncio sockets. When that poll misses the socket's wake-up (it happens now and then while
widgets send comm messages), the reply sits in the socket until the timeout fires and
pyzmq's final ``poll(0)`` finds it: a cell that takes 0.1 s returns after the whole cell
timeout (300 s in the benchmarks: module 02 took 306 s once, 7-8 s in reruns). On the IOPub
channel nbclient waits with no timeout, bounded by ``iopub_timeout`` (4 s): the released
quiz that took 4.0 s instead of 1.5 s, with outputs possibly dropped.

``SteadyNotebookClient`` keeps nbclient's logic and only splits every wait on the shell and
IOPub channels into polls of at most ``POLL_SLICE`` seconds, so a missed wake-up costs at
most one slice.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from queue import Empty
from time import monotonic
from typing import Any

from nbclient import NotebookClient
from nbclient.util import ensure_async

POLL_SLICE = 0.2
"""Longest single poll of a kernel channel, in seconds."""


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
