"""The stall fix: channel waits are sliced, so a missed wake-up costs one slice, not the
whole cell timeout (benchmarks/stress.py reproduced a 305 s run of module 02 before it)."""

from __future__ import annotations

import asyncio
import time
from queue import Empty

import nbformat

from pocedu.kernels import POLL_SLICE, SteadyNotebookClient, sliced


def test_a_missed_wake_up_costs_one_slice_not_the_timeout() -> None:
    calls: list[float | None] = []

    async def get_msg(timeout: float | None = None) -> dict:
        calls.append(timeout)
        if len(calls) == 1:  # the reply is there, but this poll misses its wake-up
            await asyncio.sleep(timeout or 0)
            raise Empty
        return {"msg_type": "execute_reply"}

    start = time.monotonic()
    msg = asyncio.run(sliced(get_msg)(timeout=300))
    assert msg == {"msg_type": "execute_reply"}
    assert time.monotonic() - start < 3 * POLL_SLICE + 0.5
    assert all(t is not None and t <= POLL_SLICE for t in calls)


def test_no_message_still_times_out_and_no_timeout_waits_on() -> None:
    async def never(timeout: float | None = None) -> dict:
        await asyncio.sleep(timeout or 0)
        raise Empty

    start = time.monotonic()
    try:
        asyncio.run(sliced(never)(timeout=0.5))
    except Empty:
        pass
    else:
        raise AssertionError("expected Empty after the timeout")
    assert 0.45 <= time.monotonic() - start < 1.5


def test_a_notebook_with_widgets_runs_in_the_steady_client() -> None:
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("import ipywidgets as w\nout = w.Output()\nout"),
        nbformat.v4.new_code_cell("with out:\n    print('inside')\nprint('done')"),
    ])
    client = SteadyNotebookClient(nb, timeout=60, kernel_name="python3",
                                  store_widget_state=True)
    client.execute()
    assert "done" in nb.cells[1].outputs[-1]["text"]
