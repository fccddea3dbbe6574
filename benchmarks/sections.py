"""Each benchmark section: run the measurements of one module and turn them into ``Row``s."""

from __future__ import annotations

import os
import shutil
import statistics
from dataclasses import dataclass, field
from pathlib import Path

from . import grading, reportgen, sizes, startup
from .course import REPO, build_course, copy_course
from .table import Results, Row, fmt_bytes, fmt_s, shortfall, verdict

SPEEDUP_TARGET = 1.8
FLOOR_FACTOR = 1.5
IMPORT_TARGET = 0.2
QUIZ_TARGET = 1.5
REPORT_TARGET = 10.0
TARGET_N = 100


@dataclass
class Config:
    """What one run measures."""

    workdir: Path
    """Scratch folder (course copies, logs, exports)."""
    sizes: list[int] = field(default_factory=lambda: [20, 100, 500])
    """Numbers of submissions to grade."""
    quiz: str = "quiz01"
    """The module quiz whose submissions are graded."""
    report_students: list[int] = field(default_factory=lambda: [1000, 10000])
    import_runs: int = 7
    floor_repeats: int = 7
    sections: tuple[str, ...] = ("grading", "import", "notebooks", "report", "size", "items")
    module_glob: str = "*/*.ipynb"
    """Which module notebooks (under modules/) to execute."""
    cores: int = field(default_factory=lambda: os.cpu_count() or 1)


@dataclass
class State:
    """What sections share: the built course, the floor, executed notebooks."""

    base: Path | None = None
    floor: float | None = None
    kernel_start: float | None = None
    executed: list[startup.Executed] = field(default_factory=list)


def ensure_course(cfg: Config, st: State) -> Path:
    """Build the base course once (roster and submissions for the largest N)."""
    if st.base is None:
        n = max(cfg.sizes) if "grading" in cfg.sections and cfg.sizes else 1
        st.base = build_course(cfg.workdir, quiz=cfg.quiz, n_students=n)
    return st.base


def ensure_floor(cfg: Config, st: State) -> float:
    """Measure the bare kernel start + trivial cell once; return it per submission."""
    if st.floor is None:
        times = grading.kernel_floor(repeats=cfg.floor_repeats)
        st.kernel_start = statistics.median(times)
        st.floor = grading.floor_per_submission(times, cores=cfg.cores)
    return st.floor


def grading_rows(cfg: Config, st: State, res: Results) -> None:
    """Serial nbgrader autograde vs pocedu grade on identical course copies, for each N."""
    base = ensure_course(cfg, st)
    floor = ensure_floor(cfg, st)
    res.rows.append(Row("grading", "floor: kernel start + 1 trivial cell, / cores",
                        f"{floor:.3f} s/sub", "", "-",
                        f"median of {cfg.floor_repeats} starts = {st.kernel_start:.3f} s, "
                        f"/ {cfg.cores} cores; nbclient, kernel spec python3"))
    for n in cfg.sizes:
        runs = {}
        for name, fn in (("serial", grading.serial_autograde), ("pocedu", grading.pocedu_grade)):
            course = copy_course(base, cfg.workdir / f"{name}-{n}", quiz=cfg.quiz, n=n)
            runs[name] = fn(course, quiz=cfg.quiz, log=cfg.workdir / f"{name}-{n}.log",
                            limit=grading.time_limit(n))
            if runs[name].returncode == grading.TIMED_OUT:
                res.problems.append(f"{runs[name].command} (N={n}) was killed after "
                                    f"{grading.time_limit(n):.0f} s; see {runs[name].log}")
            elif runs[name].returncode != 0:
                res.problems.append(f"{runs[name].command} (N={n}) exited with "
                                    f"{runs[name].returncode}; see {runs[name].log}")
        scores = {k: grading.gradebook_scores(cfg.workdir / f"{k}-{n}", quiz=cfg.quiz)
                  for k in runs}
        diff = grading.compare_scores(scores["serial"], scores["pocedu"], expected=n)
        if diff:
            res.problems.append(f"GRADEBOOK MISMATCH at N={n}: " + "; ".join(diff[:10])
                                + (f" (+{len(diff) - 10} more)" if len(diff) > 10 else ""))
        same = "identical scores" if not diff else "SCORES DIFFER (see problems)"
        serial, pocedu = runs["serial"].seconds / n, runs["pocedu"].seconds / n
        speedup, ratio = serial / pocedu, pocedu / floor
        res.rows.append(Row("grading", f"serial `nbgrader autograde`, N={n}",
                            f"{serial:.3f} s/sub", "", "-",
                            f"{fmt_s(runs['serial'].seconds)} wall in all; CPU "
                            f"{runs['serial'].cpu / n:.2f} s/sub"))
        res.rows.append(Row("grading", f"`pocedu grade` ({cfg.cores} jobs), N={n}",
                            f"{pocedu:.3f} s/sub", "", "-",
                            f"{fmt_s(runs['pocedu'].seconds)} wall in all"
                            f"{grading.startup_note(runs['pocedu'])}; CPU "
                            f"{runs['pocedu'].cpu / n:.2f} s/sub; {same}"))
        at_target = n == TARGET_N
        fast_ok, floor_ok = speedup >= SPEEDUP_TARGET, ratio <= FLOOR_FACTOR
        if at_target and not fast_ok:
            res.miss("speedup")
        if at_target and not floor_ok:
            res.miss("floor")
        res.rows.append(Row(
            "grading", f"speed-up, N={n}", f"{speedup:.2f}x",
            f">= {SPEEDUP_TARGET}x at N={TARGET_N}" if at_target else "",
            verdict(fast_ok) if at_target else "-",
            shortfall(speedup, SPEEDUP_TARGET, unit="x", higher_is_better=True)
            if at_target else f"target is set at N={TARGET_N}"))
        if runs["pocedu"].cpu > 0:
            ceiling = cfg.cores * runs["serial"].cpu / runs["pocedu"].cpu
            res.rows.append(Row(
                "grading", f"speed-up ceiling from CPU time, N={n}", f"{ceiling:.2f}x", "",
                "-", "cores x serial CPU / pocedu CPU: what the speed-up would be on "
                "otherwise idle cores if both runs were CPU-bound"))
        res.rows.append(Row(
            "grading", f"`pocedu grade` / floor, N={n}", f"{ratio:.2f}x",
            f"<= {FLOOR_FACTOR}x at N={TARGET_N}" if at_target else "",
            verdict(floor_ok) if at_target else "-",
            shortfall(ratio, FLOOR_FACTOR, unit="x") if at_target else
            f"target is set at N={TARGET_N}"))
    if TARGET_N not in cfg.sizes:
        res.notes.append(f"The grading targets are set at N={TARGET_N}, which this run did not "
                         f"measure (sizes: {', '.join(map(str, cfg.sizes))}).")


def import_rows(cfg: Config, st: State, res: Results) -> None:
    """``import pocedu`` (and ``pocedu.quiz``) in fresh interpreters."""
    times = startup.import_times(runs=cfg.import_runs)
    imp = statistics.median(times)
    if imp >= IMPORT_TARGET:
        res.miss("import")
    res.rows.append(Row("start-up", "`import pocedu` (fresh interpreter)", fmt_s(imp),
                        f"< {IMPORT_TARGET} s", verdict(imp < IMPORT_TARGET),
                        f"median of {cfg.import_runs}; min {min(times):.3f} s "
                        + shortfall(imp, IMPORT_TARGET)))
    quiz_imp = statistics.median(startup.import_times(module="pocedu.quiz",
                                                      runs=cfg.import_runs))
    res.rows.append(Row("start-up", "`import pocedu.quiz` (what a released quiz imports)",
                        fmt_s(quiz_imp), "", "-", f"median of {cfg.import_runs}"))
    if imp >= IMPORT_TARGET:
        top = startup.import_breakdown()
        res.notes.append("`python -X importtime -c 'import pocedu'`, slowest (cumulative): "
                         + ", ".join(f"`{m}` {s:.3f} s" for m, s in top))


def notebook_rows(cfg: Config, st: State, res: Results) -> None:
    """Each module notebook and each released quiz, run top to bottom in a fresh kernel."""
    kernel = st.kernel_start
    if kernel is None:
        ensure_floor(cfg, st)
        kernel = st.kernel_start
    modules = cfg.workdir / "modules"
    if modules.exists():
        shutil.rmtree(modules)
    shutil.copytree(REPO / "modules", modules)
    for path in sorted(modules.glob(cfg.module_glob)):
        ex = startup.execute_notebook(path)
        st.executed.append(ex)
        if ex.error:
            res.problems.append(f"module {path.name} failed to execute: {ex.error}")
        res.rows.append(Row("start-up", f"execute module `{path.name}` (fresh kernel)",
                            fmt_s(ex.seconds), "", "-",
                            "ERROR: " + ex.error if ex.error else
                            f"{len(ex.notebook.cells)} cells; kernel start ~{kernel:.2f} s"))
    base = ensure_course(cfg, st)
    released = cfg.workdir / "released-run"
    if released.exists():
        shutil.rmtree(released)
    shutil.copytree(base / "release", released)
    for path in sorted(released.glob("*/*.ipynb")):
        ex = startup.execute_notebook(path)
        if ex.error:
            res.problems.append(f"released quiz {path.name} failed to execute: {ex.error}")
        ok = ex.seconds < QUIZ_TARGET and not ex.error
        if not ok:
            res.miss("quiz")
        res.rows.append(Row("start-up", f"execute released `{path.name}` (fresh kernel)",
                            fmt_s(ex.seconds), f"< {QUIZ_TARGET} s", verdict(ok),
                            ("ERROR: " + ex.error) if ex.error else
                            f"kernel start + trivial cell ~{kernel:.2f} s (median), so quiz "
                            f"cells ~{max(ex.seconds - kernel, 0):.2f} s; "
                            + shortfall(ex.seconds, QUIZ_TARGET)))


def report_rows(cfg: Config, st: State, res: Results) -> None:
    """``build_report`` on a simulated class of each size."""
    for n in cfg.report_students:
        run = reportgen.report_run(n, out_dir=cfg.workdir / f"report-{n}", quiz=cfg.quiz)
        target = n == 10000
        if target and run.report_s >= REPORT_TARGET:
            res.miss("report")
        res.rows.append(Row("report", f"`build_report`, {n:,} students x {run.items} items",
                            fmt_s(run.report_s), f"< {REPORT_TARGET:g} s" if target else "",
                            verdict(run.report_s < REPORT_TARGET) if target else "-",
                            f"simulate_results {run.simulate_s:.2f} s; HTML "
                            f"{fmt_bytes(run.html_bytes)}"))
        res.rows.append(Row("report", f"peak memory, {n:,} students",
                            f"{run.peak_rss_mb:.0f} MB", "", "-",
                            f"max RSS of the process; {run.rss_before_mb:.0f} MB before "
                            "build_report (imports + results frame)"))


def size_rows(cfg: Config, st: State, res: Results) -> None:
    """A released quiz's size, and each executed module exported to one HTML file."""
    base = ensure_course(cfg, st)
    got = sizes.released_size(base / "release", cfg.quiz)
    res.rows.append(Row("size", f"released `{cfg.quiz}` (notebook + items json)",
                        fmt_bytes(sum(got.values())), "", "-",
                        ", ".join(f"{k} {fmt_bytes(v)}" for k, v in got.items())))
    if not st.executed:
        first = sorted((REPO / "modules").glob(cfg.module_glob))[:1]
        st.executed += [startup.execute_notebook(p) for p in first]
    for ex in st.executed:
        out = sizes.export_html(ex.notebook, cfg.workdir / f"{ex.path.stem}.html")
        offline = not out.external
        if not offline:
            res.miss("html-cdn")
        res.rows.append(Row("size", f"module `{ex.path.stem}` as offline HTML",
                            fmt_bytes(out.bytes), "no CDN", verdict(offline),
                            ("widget state embedded; " if out.has_widget_state
                             else "no widget state; ")
                            + ("no network scripts" if offline else
                               "loads from the network: " + ", ".join(out.external))))


def gameability_rows(cfg: Config, st: State, res: Results) -> None:
    """Naive test-taking strategies on every graded quiz, against the chance score (issue 11)."""
    from pocedu.content import ContentError
    from pocedu.content.gameability import MAX_MARGIN, strategy_scores
    from pocedu.content.loader import banks_by_file

    try:
        banks = banks_by_file(REPO / "assessments" / "bank", prefix="")
    except ContentError as err:
        res.problems += err.problems
        return
    for name, qs in sorted(banks.items()):
        scores = strategy_scores(qs)
        worst = max(scores, key=lambda x: x.margin)
        ok = all(x.ok for x in scores)
        res.rows.append(Row(
            "items", f"{name.removesuffix('.yaml')}: best naive strategy, points above chance",
            f"{worst.margin:+.1f}", f"<= +{MAX_MARGIN:.0f}", "PASS" if ok else "MISS",
            f"'{worst.label}': {worst.score:.0f}% vs chance {worst.chance:.0f}% on "
            f"{worst.items} choice items; {len(scores)} strategies scored"))


SECTIONS = {"grading": grading_rows, "import": import_rows, "notebooks": notebook_rows,
            "report": report_rows, "size": size_rows, "items": gameability_rows}
