"""Stress: execute every lesson module and released quiz many times, each in a fresh kernel.

An intermittent stall (one run of module 02 took 306 s where reruns took 7-8 s) shows only when
a notebook runs often. This script runs each notebook ``--runs`` times from a fresh copy,
records every run's wall time and, for the slowest run, the slowest cell (nbclient's timing),
and prints a markdown table: median, slowest and slowest/median per notebook. A run slower
than ``--stall`` times its notebook's median is listed as a stall with its slowest cell.

    python benchmarks/stress.py --runs 10            # modules and quizzes
    python benchmarks/stress.py --runs 3 --only 02   # notebooks whose name contains "02"
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


@dataclass
class Runs:
    """Every run of one notebook."""

    name: str
    seconds: list[float] = field(default_factory=list)
    slowest_cell: list[tuple[float, int, str]] = field(default_factory=list)
    """Per run: (seconds, cell number, first line of its source)."""
    errors: list[str] = field(default_factory=list)


def _cell_times(nb: object) -> tuple[float, int, str]:
    worst = (0.0, 0, "")
    for n, cell in enumerate(getattr(nb, "cells", []), 1):
        timing = cell.get("metadata", {}).get("execution", {})
        start, end = timing.get("iopub.execute_input"), timing.get("shell.execute_reply")
        if not (start and end):
            continue
        took = (datetime.fromisoformat(end.replace("Z", "+00:00"))
                - datetime.fromisoformat(start.replace("Z", "+00:00"))).total_seconds()
        if took > worst[0]:
            worst = (took, n, cell.source.splitlines()[0][:60] if cell.source else "")
    return worst


def run_once(path: Path, *, timeout: int) -> tuple[float, tuple[float, int, str], str]:
    """Execute a fresh copy of ``path``'s folder in a fresh kernel; (seconds, worst cell, error)."""
    import nbformat
    from nbclient.exceptions import CellExecutionError, CellTimeoutError

    from pocedu.kernels import SteadyNotebookClient as NotebookClient

    with tempfile.TemporaryDirectory(prefix="pocedu-stress-") as tmp:
        folder = Path(tmp) / path.parent.name
        shutil.copytree(path.parent, folder)
        nb = nbformat.read(folder / path.name, as_version=4)
        client = NotebookClient(nb, timeout=timeout, store_widget_state=True,
                                record_timing=True, kernel_name="python3",
                                resources={"metadata": {"path": str(folder)}})
        start = time.perf_counter()
        error = ""
        try:
            client.execute()
        except (CellExecutionError, CellTimeoutError) as err:
            error = (str(err).strip().splitlines() or [repr(err)])[-1][:160]
        return time.perf_counter() - start, _cell_times(nb), error


def released_quizzes(workdir: Path) -> list[Path]:
    """Build and release every quiz of the repo's bank in ``workdir``; their notebooks."""
    from pocedu.assess.release import release_assignment

    from pocedu.assess.build import build_sources
    from pocedu.assess.course import init_course

    course = workdir / "course"
    shutil.copytree(REPO / "assessments" / "bank", course / "bank")
    built = build_sources(course_dir=course, verify=False)
    roster = workdir / "roster.csv"
    roster.write_text("id,first_name,last_name,email\ns01,A,B,a@example.org\n")
    init_course(course_dir=course, roster=roster)
    for b in built:
        release_assignment(course_dir=course, assignment=b.name)
    return sorted((course / "release").glob("*/*.ipynb"))


def table(results: list[Runs], *, stall: float) -> str:
    """The markdown report."""
    lines = ["| notebook | runs | median s | slowest s | slowest / median | slowest cell "
             "(slowest run) |", "|---|---:|---:|---:|---:|---|"]
    stalls = []
    for r in results:
        if not r.seconds:
            continue
        med, top = statistics.median(r.seconds), max(r.seconds)
        i = r.seconds.index(top)
        cell = r.slowest_cell[i]
        lines.append(f"| `{r.name}` | {len(r.seconds)} | {med:.2f} | {top:.2f} | "
                     f"{top / med:.2f} | cell {cell[1]} ({cell[0]:.2f} s): `{cell[2]}` |")
        stalls += [f"- `{r.name}` run {n + 1}: {s:.1f} s (median {med:.1f} s); slowest cell "
                   f"{r.slowest_cell[n][1]} took {r.slowest_cell[n][0]:.1f} s"
                   for n, s in enumerate(r.seconds) if s > stall * med]
        stalls += [f"- `{r.name}`: {e}" for e in r.errors]
    worst = max((max(r.seconds), r.name) for r in results if r.seconds)
    out = "\n".join(lines) + f"\n\nSlowest run of all: `{worst[1]}` {worst[0]:.2f} s.\n"
    out += ("\nStalls and errors (runs over " f"{stall:g} x the median):\n" + "\n".join(stalls)
            if stalls else f"\nNo run took more than {stall:g} x its notebook's median.")
    return out + "\n"


def main(argv: list[str] | None = None) -> int:
    """Run the stress test and print its table."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=10, help="runs per notebook (default 10)")
    p.add_argument("--only", default="", help="only notebooks whose file name contains this")
    p.add_argument("--no-quizzes", action="store_true", help="lesson modules only")
    p.add_argument("--stall", type=float, default=3.0,
                   help="a run slower than this many times the median is a stall (default 3)")
    p.add_argument("--timeout", type=int, default=300, help="seconds per cell (default 300)")
    args = p.parse_args(argv)
    notebooks = sorted(p for p in (REPO / "modules").glob("[0-9][0-9]_*/*.ipynb")
                       if ".ipynb_checkpoints" not in p.parts)
    with tempfile.TemporaryDirectory(prefix="pocedu-stress-course-") as tmp:
        if not args.no_quizzes:
            notebooks += released_quizzes(Path(tmp))
        notebooks = [n for n in notebooks if args.only in n.name]
        results = []
        for path in notebooks:
            r = Runs(path.name)
            for n in range(args.runs):
                seconds, cell, error = run_once(path, timeout=args.timeout)
                r.seconds.append(seconds)
                r.slowest_cell.append(cell)
                if error:
                    r.errors.append(f"run {n + 1}: {error}")
                print(f"{path.name} run {n + 1}/{args.runs}: {seconds:.2f} s", file=sys.stderr)
            results.append(r)
    print(table(results, stall=args.stall))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
