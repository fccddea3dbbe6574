"""``python benchmarks/run.py [--quick] [--out benchmarks/RESULTS.md]``: run every benchmark.

Prints a markdown table and writes it, with the machine it ran on, to ``--out``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.explain import WHY  # noqa: E402
from benchmarks.machine import load_average, machine_info  # noqa: E402
from benchmarks.sections import SECTIONS, Config, State  # noqa: E402
from benchmarks.table import Results, markdown_table  # noqa: E402

DEFAULT_OUT = Path(__file__).resolve().parent / "RESULTS.md"


def _ints(text: str) -> list[int]:
    return [int(x) for x in text.split(",") if x.strip()]


def parser() -> argparse.ArgumentParser:
    """The command line."""
    p = argparse.ArgumentParser(prog="python benchmarks/run.py", description=__doc__)
    p.add_argument("--quick", action="store_true",
                   help="grade N=20 only, fewer repeats (under 5 minutes)")
    p.add_argument("--out", type=Path, default=DEFAULT_OUT, help="markdown file to write")
    p.add_argument("--sizes", type=_ints, help="numbers of submissions (default 20,100,500)")
    p.add_argument("--report-students", type=_ints,
                   help="class sizes for the report (default 1000,10000)")
    p.add_argument("--only", help="comma-separated sections: " + ",".join(SECTIONS))
    p.add_argument("--repeats", type=int, help="fresh interpreters/kernels per timing")
    p.add_argument("--modules", help="glob of module notebooks under modules/ "
                   "(default */*.ipynb)")
    p.add_argument("--workdir", type=Path, help="keep scratch files here (default: a temp dir)")
    return p


def config(args: argparse.Namespace, workdir: Path) -> Config:
    """The run's configuration from the command line."""
    cfg = Config(workdir=workdir)
    if args.quick:
        cfg.sizes, cfg.import_runs, cfg.floor_repeats = [20], 5, 5
    if args.sizes:
        cfg.sizes = args.sizes
    if args.report_students:
        cfg.report_students = args.report_students
    if args.repeats:
        cfg.import_runs = cfg.floor_repeats = args.repeats
    if args.modules:
        cfg.module_glob = args.modules
    if args.only:
        wanted = tuple(s.strip() for s in args.only.split(",") if s.strip())
        unknown = [s for s in wanted if s not in SECTIONS]
        if unknown:
            raise SystemExit(f"unknown section(s): {', '.join(unknown)} "
                             f"(choose from {', '.join(SECTIONS)})")
        cfg.sections = wanted
    return cfg


def _busy_note() -> str | None:
    """A warning when other work kept the machine busy during the run."""
    import os

    try:
        load = os.getloadavg()[1]
    except OSError:
        return None
    cores = os.cpu_count() or 1
    if load <= cores * 0.75:
        return None
    return (f"The machine was busy with other work during this run (5-minute load average "
            f"{load:.1f} on {cores} cores), so the times above are pessimistic, and parallel "
            "grading (which needs the cores for itself) suffers most.")


def render(res: Results, info: dict[str, str], *, mode: str, seconds: float,
           argv: list[str]) -> str:
    """RESULTS.md: machine, table, problems and notes."""
    hidden = ("--workdir", "--out")
    shown = [a for i, a in enumerate(argv) if not a.startswith(hidden)
             and not (i and argv[i - 1] in hidden)]
    head = ["# pocedu benchmarks", "",
            f"Command: `python benchmarks/run.py{''.join(' ' + a for a in shown)}` "
            f"({mode} run, {seconds / 60:.1f} min).", ""]
    head += [f"- {k}: {v}" for k, v in info.items()]
    head += [f"- load average at end: {load_average()}", ""]
    body = [markdown_table(res.rows), ""]
    if res.problems:
        body += ["## PROBLEMS", ""] + [f"- **{p}**" for p in res.problems] + [""]
    if res.missed:
        body += ["## Why targets are missed, and what would close them", ""]
        body += [WHY[key] + "\n" for key in res.missed if key in WHY]
    notes = res.notes + [n for n in (_busy_note(),) if n]
    if notes:
        body += ["## Notes", ""] + [f"- {n}" for n in notes] + [""]
    return "\n".join(head + body)


def run(cfg: Config) -> Results:
    """Run the configured sections in order; a failing section is reported, not fatal."""
    res, st = Results(), State()
    for name in cfg.sections:
        print(f"== {name}", file=sys.stderr, flush=True)
        start = time.perf_counter()
        try:
            SECTIONS[name](cfg, st, res)
        except Exception as err:  # noqa: BLE001 - report any failure and go on
            res.problems.append(f"section {name} failed: {type(err).__name__}: {err}")
        print(f"   {name} took {time.perf_counter() - start:.1f} s", file=sys.stderr,
              flush=True)
    return res


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks; exit 1 if a step failed or the two gradebooks disagree."""
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parser().parse_args(argv)
    info = machine_info()
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="pocedu-bench-") as tmp:
        workdir = args.workdir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        cfg = config(args, workdir)
        res = run(cfg)
    mode = "quick" if args.quick else "full" if not (args.sizes or args.only) else "custom"
    text = render(res, info, mode=mode, seconds=time.perf_counter() - start, argv=argv)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(text)
    for problem in res.problems:
        print(f"PROBLEM: {problem}", file=sys.stderr)
    return 1 if res.problems else 0


if __name__ == "__main__":
    sys.exit(main())
