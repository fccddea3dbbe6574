"""Start-up costs: ``import pocedu`` in a fresh interpreter, notebooks in a fresh kernel."""

from __future__ import annotations

import re
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_TIMER = ("import time; t = time.perf_counter(); import {module}; "
          "print(time.perf_counter() - t)")


def import_times(*, module: str = "pocedu", runs: int) -> list[float]:
    """Seconds to ``import module`` in ``runs`` fresh interpreters (measured inside each)."""
    times = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", _TIMER.format(module=module)],
                             capture_output=True, text=True, check=True)
        times.append(float(out.stdout.strip().splitlines()[-1]))
    return times


def import_breakdown(*, module: str = "pocedu", top: int = 8) -> list[tuple[str, float]]:
    """The ``top`` slowest imports (cumulative seconds) from ``python -X importtime``."""
    out = subprocess.run([sys.executable, "-X", "importtime", "-c", f"import {module}"],
                         capture_output=True, text=True, check=True)
    rows = []
    pattern = re.compile(r"import time:\s+(\d+)\s+\|\s+(\d+)\s+\|\s+(.*)$")
    for line in out.stderr.splitlines():
        if m := pattern.match(line):
            rows.append((m.group(3).strip(), int(m.group(2)) / 1e6))
    return sorted(rows, key=lambda r: -r[1])[:top]


@dataclass(frozen=True)
class Executed:
    """A notebook run top to bottom in a fresh kernel."""

    path: Path
    seconds: float
    notebook: Any
    """The executed notebook (outputs and widget state), for export."""
    error: str = ""


def execute_notebook(path: Path, *, timeout: int = 300) -> Executed:
    """Run ``path`` in a fresh kernel from its own folder (kernel start included)."""
    import nbformat
    from nbclient.exceptions import CellExecutionError

    from pocedu.kernels import SteadyNotebookClient as NotebookClient

    nb = nbformat.read(path, as_version=4)
    kernel = nb.metadata.get("kernelspec", {}).get("name", "python3")
    client = NotebookClient(nb, kernel_name=kernel, timeout=timeout, store_widget_state=True,
                            resources={"metadata": {"path": str(Path(path).parent)}})
    start = time.perf_counter()
    error = ""
    try:
        client.execute()
    except CellExecutionError as err:
        error = str(err).strip().splitlines()[-1][:200] if str(err).strip() else repr(err)
    return Executed(Path(path), time.perf_counter() - start, nb, error)


def median(values: list[float]) -> float:
    """The median (0 for no values)."""
    return statistics.median(values) if values else 0.0
