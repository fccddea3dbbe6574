"""Report generation at scale: ``build_report`` on ``simulate_results``, time and peak memory.

Each size runs in its own interpreter so that its peak resident memory is its own.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from .course import BANK

CHILD = r'''
import json, resource, sys, time
from pathlib import Path

def rss_mb():
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")

n, out, bank, quiz = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
from pocedu.assess.build.bank import load_bank
from pocedu.assess.results.report import build_report
from pocedu.assess.demo.class_results import simulate_results
questions = load_bank(Path(bank))[quiz]
t0 = time.perf_counter()
results = simulate_results(n_students=n, items=questions, seed=2026, assignment=quiz)
t1 = time.perf_counter()
before = rss_mb()
html = build_report(results=results, bank={q.id: q for q in questions}, out_dir=out,
                    title=f"Benchmark report, {n} students")
t2 = time.perf_counter()
print(json.dumps({"simulate_s": t1 - t0, "report_s": t2 - t1, "rss_before_mb": before,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "html_bytes": Path(html).stat().st_size, "rows": len(results),
                  "items": len(questions)}))
'''


@dataclass(frozen=True)
class ReportRun:
    """One report build."""

    students: int
    simulate_s: float
    report_s: float
    rss_before_mb: float
    peak_rss_mb: float
    html_bytes: int
    rows: int
    items: int


def report_run(n_students: int, *, out_dir: Path, quiz: str = "quiz01",
               bank: Path = BANK) -> ReportRun:
    """Simulate ``n_students`` on ``quiz``'s items and build the report in a fresh process."""
    proc = subprocess.run([sys.executable, "-c", CHILD, str(n_students), str(out_dir),
                           str(bank), quiz], capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"report for {n_students} students failed:\n{proc.stderr[-2000:]}")
    data = json.loads(proc.stdout.strip().splitlines()[-1])
    return ReportRun(students=n_students, **data)
