"""Why a target is missed and what would close it: findings from profiling, by target key.

These are the conclusions of profiling runs made while writing the benchmarks (py-spy and
pyinstrument on the same 2-core machine, November 2026); ``run.py`` prints the paragraph of
each target a run misses. Re-profile before relying on them for another machine or version.
"""

from __future__ import annotations

WHY: dict[str, str] = {
    "speedup": (
        "**Grading speed-up.** Parallel grading cannot beat the number of free cores, and "
        "this machine's two cores were shared with other sessions (see the load averages "
        "above): with a load of ~5-6 there is no idle core for the second worker, so the "
        "wall-clock ratio mostly measures the neighbours. The CPU columns are less sensitive "
        "to that: compare the 'speed-up ceiling from CPU time' row, which is what the same "
        "work would give on idle cores. The work itself is CPU-bound: profiling stock "
        "`nbgrader autograde` (py-spy) gave about 1.5 s of CPU per student in nbgrader's own "
        "process (nbclient's message polling and heartbeat thread ~0.95 s; the notebook is "
        "read, validated with jsonschema and written twice, once to sanitize and once to "
        "autograde, ~0.3 s; gradebook queries and commits in SaveAutoGrades, "
        "CheckCellMetadata and OverwriteCells ~0.4 s) plus ~0.7 s to start the kernel. "
        "`pocedu grade` adds its own per-student steps on top (archive with sha256, a "
        "sanitised copy, an answer-store check, a contained kernel launch, a journal entry), "
        "so its CPU per submission is higher than serial nbgrader's and the ceiling is below "
        "2x. Both commands also pay a fixed 2-8 s to import nbgrader, of which 2-4 s is "
        "`rfc3987_syntax` compiling a Lark grammar at import, pulled in by jsonschema's "
        "format checker (python-jsonschema/jsonschema#1392). What would close it: measure "
        "on idle cores first; then cut per-student CPU in `pocedu/assess/grade.py` and the "
        "modules it calls (profile one worker with `py-spy record --subprocesses`), e.g. "
        "write a student's grades in one gradebook session, skip the second nbformat "
        "validation of the copy pocedu made itself, and start the next student's kernel "
        "while the current one's gradebook work runs."),
    "floor": (
        "**Distance from the floor.** The floor counts only a kernel start and one trivial "
        "cell. A real autograde also runs ~36 quiz cells (~0.3 s in the kernel), reads, "
        "validates and writes the notebook twice and talks to the gradebook, ~1.5 s of CPU "
        "per student in nbgrader's process (see above). Stock nbgrader `Autograde` therefore "
        "costs about 3x the kernel start in CPU, and 1.5x of the floor is out of reach while "
        "every student goes through it. What would close most of it: grade from the answer "
        "store instead of re-executing the notebook (the hidden tests only call "
        "`quiz.grade(...)` on stored option ids, and `pocedu.questions.grading.score` could "
        "score a whole class in-process in milliseconds and write the grades through "
        "nbgrader's `Gradebook` API), keeping a real nbgrader autograde only for submissions "
        "whose notebook was edited (checksums differ) or that hold manually graded answers. "
        "That is a design change for the lead, not a tuning knob."),
    "quiz": (
        "**Released quiz in a fresh kernel.** Most of the time is the kernel start itself "
        "(python + ipykernel + zmq, shown as 'kernel start + trivial cell'); the quiz's own "
        "cells take a few tenths of a second (importing `pocedu.quiz` and the widget "
        "library, building one widget per item; under nbgrader the same cells render plain "
        "text and take ~0.25 s in all). On a quiet machine the kernel start is ~0.65 s and "
        "the quiz passes; under load the kernel start alone eats most of the 1.5 s. What "
        "would close it: nothing in the quiz's own code dominates; keep widget construction "
        "lazy and avoid importing plotly/pandas in `pocedu.quiz` (it does not today)."),
    "import": (
        "**`import pocedu`.** See the `-X importtime` breakdown below: a heavy library is "
        "imported at `import pocedu` time; move that import into the function that needs "
        "it."),
    "report": (
        "**Report for 10,000 students.** Profile `pocedu.assess.results.report.build_report`; the "
        "statistics are vectorised, so look at per-row Python loops in the tables or the "
        "distractor analysis."),
    "html-cdn": (
        "**Offline HTML export.** pocedu's figures are CDN-free (plotly.js is embedded once "
        "by `setup_offline()`), but nbconvert's stock `lab` HTML template adds four network "
        "loads: require.js and MathJax from cdnjs, and the ipywidgets HTML manager from "
        "unpkg (which the embedded widget state needs to draw anything). Opened offline, "
        "the figures still draw (plotly.js is inline), but the widgets do not. To close it, "
        "an export helper in pocedu (e.g. `pocedu.lab.export_html`) should use an "
        "`HTMLExporter` subclass whose template drops `html_head_js_requirejs` and MathJax "
        "(`exclude_mathjax`-style: no formulas in the modules) and either inlines the "
        "`@jupyter-widgets/html-manager` embed bundle (vendored as package data) or, "
        "simpler, replaces each widget's output with its plain-text fallback and omits the "
        "widget state."),
}
