"""Why a target is missed and what would close it: findings from profiling, by target key.

These are the conclusions of profiling runs made while writing the benchmarks (py-spy and
pyinstrument on the same 2-core machine, November 2026); ``run.py`` prints the paragraph of
each target a run misses. Re-profile before relying on them for another machine or version.
"""

from __future__ import annotations

WHY: dict[str, str] = {
    "speedup": (
        "**Grading speed-up.** Parallel grading cannot beat the number of cores (2x here), "
        "and each student's autograde is CPU-bound on both sides: about 1.5 s of CPU in "
        "nbgrader's own process (nbclient's message polling and heartbeat thread ~0.95 s, "
        "nbformat/jsonschema validation of the notebook ~0.3 s, per-cell gradebook sessions "
        "in SaveAutoGrades/CheckCellMetadata ~0.4 s) plus ~0.7 s to start the kernel. With "
        "two workers each starting a kernel, four busy processes share two cores, and any "
        "other load on the machine (see the load averages above) comes straight off the "
        "ratio. Both commands also pay the same fixed 3-8 s to import nbgrader (of which "
        "2-4 s is `rfc3987_syntax` compiling a Lark grammar at import, pulled in by "
        "jsonschema's format checker; python-jsonschema/jsonschema#1392), which dilutes "
        "the ratio at small N. To close it: run on an otherwise idle machine; in "
        "`pocedu/assess/grade.py` overlap kernel start-up with the previous student's "
        "gradebook work (start the next kernel early: a warm pool of one pre-started "
        "`KernelManager` per worker, handed to nbgrader's `Execute` via its "
        "`kernel_manager_class`), and write each student's grades in one gradebook session "
        "instead of one per cell."),
    "floor": (
        "**Distance from the floor.** The floor counts only a kernel start and one trivial "
        "cell. A real autograde also runs ~36 quiz cells (~0.3 s in the kernel), validates "
        "and rewrites the notebook twice, and does ~20 gradebook round trips, ~1.5 s of CPU "
        "per student in the grading process (see the speed-up paragraph). So stock nbgrader "
        "`Autograde` costs roughly 3x the kernel start in CPU, and 1.5x of the floor is out "
        "of reach while each student goes through it. What would close most of it: grade "
        "from the answer store instead of re-executing the notebook (pocedu's hidden tests "
        "only call `quiz.grade(...)` on stored option ids; `pocedu.questions.grading.score` "
        "could score a whole class in-process in milliseconds and write the grades through "
        "the nbgrader `Gradebook` API), keeping a real nbgrader autograde only for "
        "submissions whose notebook was edited (checksums differ) or that hold manual-graded "
        "answers. That is a design change for the lead, not a tuning knob."),
    "quiz": (
        "**Released quiz in a fresh kernel.** Most of the time is the kernel start itself "
        "(python + ipykernel + zmq, shown as 'kernel start + trivial cell'); the quiz's own "
        "cells take a few tenths of a second (importing `pocedu.quiz` and ipywidgets, "
        "building one widget per item). On a quiet machine the kernel start is ~0.65 s and "
        "the quiz passes; under load the kernel start alone eats most of the 1.5 s. What "
        "would close it: nothing in the quiz's own code dominates; keep widget construction "
        "lazy and avoid importing plotly/pandas in `pocedu.quiz` (it does not today)."),
    "import": (
        "**`import pocedu`.** See the `-X importtime` breakdown below: a heavy library is "
        "imported at `import pocedu` time; move that import into the function that needs "
        "it."),
    "report": (
        "**Report for 10,000 students.** Profile `pocedu.assess.report.build_report`; the "
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
