"""Answer-store-first grading: ``pocedu grade`` against serial ``nbgrader autograde``, the cost
curve over class sizes, the re-run with nothing changed, and peak memory (one run, ratios).

``python -m benchmarks.answers_path --sizes 20,100,400 --serial 20 --out FILE`` appends a
markdown section to FILE. Every figure comes from the same run on the same machine.
"""

from __future__ import annotations

import argparse
import math
import resource
import tempfile
import time
from pathlib import Path

from .course import build_course, copy_course
from .grading import gradebook_scores, pocedu_grade, serial_autograde, time_limit

QUIZ = "quiz02"


def _peak_children_mib() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.answers_path")
    p.add_argument("--sizes", default="20,100,400")
    p.add_argument("--serial", type=int, default=20, help="N for serial nbgrader autograde")
    p.add_argument("--out", type=Path, default=Path("benchmarks/RESULTS.md"))
    args = p.parse_args(argv)
    sizes = sorted(int(s) for s in args.sizes.split(","))
    rows: list[tuple[str, str, str]] = []
    with tempfile.TemporaryDirectory(prefix="pocedu-bench-") as tmp:
        work = Path(tmp)
        t = time.perf_counter()
        base = build_course(work, quiz=QUIZ, n_students=max(sizes + [args.serial]),
                            release=(QUIZ,))
        rows.append(("course build + simulated submissions", f"{time.perf_counter() - t:.0f} s",
                     f"N={max(sizes + [args.serial])}"))
        serial = copy_course(base, work / "serial", quiz=QUIZ, n=args.serial)
        ours = copy_course(base, work / "ours-serial-n", quiz=QUIZ, n=args.serial)
        s = serial_autograde(serial, quiz=QUIZ, log=work / "serial.log",
                             limit=time_limit(args.serial))
        o = pocedu_grade(ours, quiz=QUIZ, log=work / "ours.log", limit=time_limit(args.serial))
        same = gradebook_scores(serial, quiz=QUIZ) == gradebook_scores(ours, quiz=QUIZ)
        rows.append((f"serial `nbgrader autograde`, N={args.serial}",
                     f"{s.seconds / args.serial:.3f} s/sub", f"{s.seconds:.1f} s wall"))
        rows.append((f"`pocedu grade` (answers path), N={args.serial}",
                     f"{o.seconds / args.serial:.3f} s/sub",
                     f"{o.seconds:.1f} s wall incl. start-up; gradebook scores identical: "
                     f"{same}"))
        rows.append((f"speed-up, N={args.serial}", f"{s.seconds / o.seconds:.1f}x",
                     "target 50x at N=500"))
        curve = []
        for n in sizes:
            course = copy_course(base, work / f"n{n}", quiz=QUIZ, n=n)
            before = _peak_children_mib()
            first = pocedu_grade(course, quiz=QUIZ, log=work / f"n{n}.log", limit=time_limit(n))
            again = pocedu_grade(course, quiz=QUIZ, log=work / f"n{n}-again.log",
                                 limit=time_limit(n))
            curve.append((n, first.seconds))
            rows.append((f"`pocedu grade`, N={n}", f"{first.seconds:.1f} s",
                         f"{first.seconds / n * 1000:.0f} ms/sub; exit {first.returncode}"))
            rows.append((f"re-run, nothing changed, N={n}", f"{again.seconds:.1f} s",
                         f"exit {again.returncode}"))
            rows.append((f"peak memory of a grading process so far, N={n}",
                         f"{max(before, _peak_children_mib()):.0f} MiB", "ru_maxrss"))
        if len(curve) >= 2:
            (n0, t0), (n1, t1) = curve[0], curve[-1]
            k = math.log(t1 / t0) / math.log(n1 / n0)
            rows.append(("growth exponent (time ~ N^k)", f"{k:.2f}",
                         f"from N={n0} to N={n1}; includes ~constant start-up"))
    text = ["", "## Answer-store-first grading (quick run)", "",
            f"Command: `python -m benchmarks.answers_path --sizes {args.sizes} --serial "
            f"{args.serial}`, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, on the "
            "shared 2-core machine while other engineers ran tests (absolute times are "
            "inflated; the ratio is from one run).", "",
            "| measure | value | note |", "|---|---|---|",
            *[f"| {a} | {b} | {c} |" for a, b, c in rows], ""]
    with args.out.open("a", encoding="utf-8") as fh:
        fh.write("\n".join(text))
    print("\n".join(text))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
