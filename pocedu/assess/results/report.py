"""The instructor's item-analysis report: one self-contained HTML page and its CSVs.

``build_report`` writes ``report.html`` (plotly.js embedded once, no CDN, no external CSS)
and ``items.csv``, ``students.csv``, ``distractors.csv``, ``objectives.csv``, ``flags.csv``
and ``events.csv``. The report shows answer keys: it is for instructors, never students.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .stats import SCORED, Analysis, analyse, check_results

if TYPE_CHECKING:
    import pandas as pd

    from ...content.models import Question

# Okabe-Ito colour-blind-safe palette
BLUE, ORANGE, SKY, GREEN, VERMILLION, GREY = (
    "#0072B2", "#E69F00", "#56B4E9", "#009E73", "#D55E00", "#6b6b6b")
EVENT_COLUMNS = ("student_id", "event", "grade", "check")
STATUS_EVENTS = {
    "graded-with-flags": ("Graded, with flags raised during grading",
                          "Open the submission and confirm the flagged answers."),
    "needs-review": ("Needs review: part of the grade is provisional",
                     "Grade the open parts in formgrader, then re-export."),
    "ungradable": ("Could not be graded automatically",
                   "Open the archived submission; grade by hand or ask the student to resubmit."),
    "missing": ("No submission", "Check with the student; the LMS exports leave the grade empty."),
}
e = html.escape


def kr20_reading(value: float) -> str:
    """A plain-language reading of a KR-20 value for instructors."""
    if value != value:
        return "Cannot be computed: fewer than two items, or every student has the same score."
    if value >= 0.8:
        return "High: the items agree with each other, so the total ranks students consistently."
    if value >= 0.7:
        return ("Acceptable for a course quiz: the total is a fair summary, but do not read much "
                "into small differences between students.")
    if value >= 0.5:
        return ("Moderate: use the total together with other evidence (the exercise, your "
                "observation) and look at the flagged items.")
    return ("Low: the total says little on its own. Look at the flagged items; a short quiz or a "
            "class with similar scores also lowers KR-20.")


def _pct(x: Any) -> str:
    return "–" if x != x else f"{100 * x:.0f}%"


def _num(x: Any, digits: int = 2) -> str:
    return "–" if x != x else f"{x:.{digits}f}"


def _short(text: str, n: int = 70) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _fig_html(fig: Any, first: list[bool]) -> str:
    """Figure as a div; plotly.js is embedded with the first figure only."""
    out = fig.to_html(full_html=False, include_plotlyjs=first[0],
                      config={"displaylogo": False, "responsive": True})
    first[0] = False
    return out


def _layout(fig: Any, *, title: str, height: int) -> Any:
    fig.update_layout(title={"text": title, "x": 0, "font": {"size": 17}}, height=height,
                      template="plotly_white", font={"size": 14},
                      margin={"l": 60, "r": 30, "t": 60, "b": 60})
    return fig


def distribution_figure(students: pd.DataFrame) -> Any:
    """Bar chart of scored students by 10%-wide score band, with mean and median marked."""
    import numpy as np
    import plotly.graph_objects as go

    pct = students.loc[students["status"].isin(SCORED), "percent"].dropna().to_numpy()
    counts, _ = np.histogram(np.clip(pct, 0, 100), bins=np.arange(0, 101, 10))
    labels = [f"{lo}–{lo + 9}%" if lo < 90 else "90–100%" for lo in range(0, 100, 10)]
    fig = go.Figure(go.Bar(x=labels, y=counts, marker_color=BLUE, text=counts,
                           textposition="outside", hovertemplate="%{x}: %{y} students"
                           "<extra></extra>"))
    title = "How the class scored"
    if len(pct):
        mean, median = float(pct.mean()), float(np.median(pct))
        for value, dash in ((mean, "dash"), (median, "dot")):
            fig.add_vline(x=min(value, 99.99) / 10 - 0.5, line_dash=dash, line_color=VERMILLION)
        title += f" (dashed line: mean {mean:.0f}%; dotted line: median {median:.0f}%)"
    fig.update_xaxes(title="score")
    fig.update_yaxes(title="students", rangemode="tozero")
    return _layout(fig, title=title, height=360)


def scatter_figure(items: pd.DataFrame) -> Any:
    """Facility (x) against point-biserial (y); flagged items as vermillion diamonds."""
    import plotly.graph_objects as go

    fig = go.Figure()
    fig.add_vrect(x0=-0.02, x1=0.2, fillcolor=GREY, opacity=0.12, line_width=0,
                  annotation_text="too hard", annotation_position="bottom left")
    fig.add_vrect(x0=0.95, x1=1.02, fillcolor=GREY, opacity=0.12, line_width=0,
                  annotation_text="too easy", annotation_position="bottom right")
    fig.add_hrect(y0=-1, y1=0, fillcolor=VERMILLION, opacity=0.07, line_width=0)
    fig.add_hline(y=0, line_color=GREY, line_width=1)
    for flagged, name, symbol, colour in ((False, "no flag", "circle", BLUE),
                                          (True, "flagged", "diamond", VERMILLION)):
        part = items[(items["flags"] != "") == flagged]
        # an item nobody (or everybody) got right has no correlation: drawn on the zero line
        fig.add_trace(go.Scatter(
            x=part["facility"], y=part["point_biserial"].fillna(0), mode="markers+text", name=name,
            text=part["label"], textposition="top center",
            marker={"symbol": symbol, "size": 14 if flagged else 11, "color": colour,
                    "line": {"width": 1, "color": "white"}},
            customdata=part[["item_id", "upper_lower", "flags"]].to_numpy(),
            hovertemplate="%{text} (%{customdata[0]})<br>facility %{x:.2f}<br>point-biserial "
            "%{y:.2f}<br>upper-lower %{customdata[1]:.2f}<br>%{customdata[2]}<extra></extra>"))
    low = min(-0.1, float(items["point_biserial"].min(skipna=True) or 0) - 0.1)
    fig.update_xaxes(title="facility (share of marks earned)", range=[-0.02, 1.02])
    fig.update_yaxes(title="discrimination (point-biserial)", range=[max(-1, low), 1])
    fig.update_layout(legend={"orientation": "h", "y": -0.2})
    return _layout(fig, title="Items: how easy, and how well they separate strong from weak",
                   height=470)


def distractor_figure(dist: pd.DataFrame, items: pd.DataFrame,
                      bank: Mapping[str, Question]) -> Any | None:
    """Share choosing each option, upper/all/lower group, for each flagged choice item."""
    import plotly.graph_objects as go
    from plotly.subplots import make_subplots

    from .feedback import option_label

    flagged = [i for i in items.loc[items["flags"] != "", "item_id"] if i in set(dist["item_id"])]
    if not flagged:
        return None
    labels = dict(zip(items["item_id"], items["label"], strict=True))
    fig = make_subplots(rows=len(flagged), cols=1, vertical_spacing=0.12 / len(flagged) + 0.04,
                        subplot_titles=[f"{labels[i]} ({i}): "
                                        f"{items.set_index('item_id').at[i, 'flags']}"
                                        for i in flagged])
    groups = (("share_upper", "upper 27%", BLUE), ("share_all", "everyone", SKY),
              ("share_lower", "lower 27%", ORANGE))
    for row, item_id in enumerate(flagged, start=1):
        part = dist[dist["item_id"] == item_id].iloc[::-1]
        names = [("✓ " if k else "") + _short(option_label(bank.get(item_id), o), 55)
                 for o, k in zip(part["option"], part["is_key"], strict=True)]
        for col, name, colour in groups:
            fig.add_trace(go.Bar(y=names, x=part[col], orientation="h", name=name,
                                 marker_color=colour, legendgroup=name, showlegend=row == 1,
                                 hovertemplate="%{y}: %{x:.0%} of " + name + "<extra></extra>"),
                          row=row, col=1)
        fig.update_xaxes(range=[0, 1], tickformat=".0%", row=row, col=1)
    fig.update_layout(barmode="group", legend={"orientation": "h", "y": 1.0, "yanchor": "bottom",
                                               "x": 1, "xanchor": "right"})
    fig = _layout(fig, title="Which options the flagged items' students chose (✓ = key)",
                  height=180 + 230 * len(flagged))
    fig.update_layout(margin={"l": 320})
    return fig


WRITTEN_BANDS = ((0.0, 0.25, "under 25%"), (0.25, 0.5, "25–49%"), (0.5, 0.75, "50–74%"),
                 (0.75, 1.0, "75–99%"), (1.0, 1.01, "full marks"))


def written_scores(results: pd.DataFrame, written: list[str]) -> pd.DataFrame:
    """Students per score band on each written (manually graded) item, and those ungraded."""
    import pandas as pd

    rows = results[results["status"].isin(SCORED) & results["item_id"].isin(written)]
    out = []
    for item_id, part in rows.groupby("item_id", sort=False):
        share = part["points"].astype(float) / part["max_points"].astype(float)
        counts = {label: int(((share >= lo) & (share < hi)).sum())
                  for lo, hi, label in WRITTEN_BANDS}
        counts["not graded yet"] = int(share.isna().sum())
        out.append({"item_id": item_id, "label": part["label"].iloc[0], **counts})
    return pd.DataFrame(out)


def written_figure(scores: pd.DataFrame) -> Any | None:
    """Stacked bars: how many students reached each score band on each written item."""
    import plotly.graph_objects as go

    if scores.empty:
        return None
    colours = (VERMILLION, ORANGE, SKY, BLUE, GREEN, GREY)
    names = [f"{r.label} ({r.item_id})" for r in scores.itertuples()]
    fig = go.Figure()
    for (_, _, band), colour in zip((*WRITTEN_BANDS, (0, 0, "not graded yet")), colours,
                                    strict=True):
        fig.add_trace(go.Bar(y=names, x=scores[band], orientation="h", name=band,
                             marker_color=colour,
                             hovertemplate="%{y}: %{x} student(s) " + band + "<extra></extra>"))
    fig.update_layout(barmode="stack", legend={"orientation": "h", "y": -0.25})
    fig = _layout(fig, title="Written answers: students per score band (graded by hand)",
                  height=160 + 60 * len(scores))
    fig.update_layout(margin={"l": 260})
    fig.update_xaxes(title_text="students")
    return fig


def strategies_table(bank: Mapping[str, Question], item_ids: list[str]) -> str:
    """How naive test-taking strategies score on this quiz's choice items, against chance."""
    from ...content.gameability import MAX_MARGIN, strategy_scores

    scores = strategy_scores([bank[i] for i in item_ids if i in bank])
    if not scores:
        return "<p>No single-choice, true/false or multiple-answer item to game.</p>"
    rows = "".join(
        f"<tr class='{'' if s.ok else 'bad'}'><td>{e(s.label)}</td><td>{s.items}</td>"
        f"<td>{s.score:.0f}%</td><td>{s.chance:.0f}%</td><td>{s.margin:+.0f}</td>"
        f"<td>{'✓ within' if s.ok else '✗ above'} {MAX_MARGIN:.0f} points</td></tr>"
        for s in scores)
    worst = max(scores, key=lambda s: s.margin)
    verdict = ("No strategy that knows nothing of POC does better than chance by more than "
               f"{MAX_MARGIN:.0f} points: the quiz cannot be passed by test-wiseness."
               if all(s.ok for s in scores) else
               f"'{worst.label}' scores {worst.margin:.0f} points above chance: rewrite the "
               "items whose key it finds (see pocedu validate).")
    return (f"<p>{e(verdict)}</p><table class='sortable'><thead><tr><th>Strategy</th>"
            "<th>Items</th><th>Score</th><th>Chance</th><th>Points above chance</th>"
            f"<th>Verdict</th></tr></thead><tbody>{rows}</tbody></table>")


def gain_section(pre: pd.DataFrame, post: pd.DataFrame) -> str:
    """Learning gain per objective and per student between the pre-test and this test."""
    from .gain import learning_gain

    g = learning_gain(pre, post)
    if g.students.empty:
        return "<p>No student has a scored result in both the pre-test and this test.</p>"
    obj = g.objectives.assign(
        Objective=[f"{m} · {int(o)}" for m, o in zip(g.objectives["module"],
                                                     g.objectives["objective"], strict=True)],
        Students=g.objectives["n_students"], Pre=g.objectives["pre"].map(_pct100),
        Final=g.objectives["post"].map(_pct100), Gain=g.objectives["gain"].map(_num))
    st = g.students.assign(Student=g.students["student_id"],
                           Pre=g.students["pre"].map(_pct100),
                           Final=g.students["post"].map(_pct100),
                           Gain=g.students["gain"].map(_num))
    mean_g = g.students["gain"].mean()
    return (f"<p>Normalised gain g = (final − pre) / (100 − pre): the share of what could be "
            f"gained that was gained. Mean over {len(st)} students: <b>{_num(mean_g)}</b> "
            "(0.3 or more is usually read as a good course effect; below 0 means the final "
            "score is lower).</p><h3>Per learning objective</h3>"
            + _table(obj[["Objective", "Students", "Pre", "Final", "Gain"]], cls="sortable")
            + "<h3>Per student</h3>"
            + _table(st[["Student", "Pre", "Final", "Gain"]], cls="sortable"))


def language_section(table: pd.DataFrame) -> str:
    """Facility and discrimination per language, flagged items first."""
    langs = sorted(c.removeprefix("facility_") for c in table.columns
                   if c.startswith("facility_"))
    flagged = table[table["flag"]]
    intro = (f"<p>The class took the quiz in {', '.join(langs)}. Facility that differs by more "
             "than 0.2 between languages is flagged: read the item in each language, the "
             "translation may change its meaning or difficulty.</p>")
    if flagged.empty:
        intro += "<p>No item differs by more than 0.2 between languages.</p>"
    else:
        intro += (f"<p class='warn'>{len(flagged)} item(s) flagged: "
                  f"{e(', '.join(map(str, flagged['item_id'])))}.</p>")
    cols = {"item_id": "Item"}
    for lang in langs:
        cols[f"n_{lang}"] = f"n ({lang})"
        cols[f"facility_{lang}"] = f"Facility ({lang})"
        cols[f"point_biserial_{lang}"] = f"Point-biserial ({lang})"
    cols["gap"] = "Gap"
    shown = table[list(cols)].rename(columns=cols)
    for c in shown.columns[1:]:
        shown[c] = shown[c].map(lambda v: _num(v) if isinstance(v, float) else str(v))
    rows = ["flagged" if f else "" for f in table["flag"]]
    return intro + _table(shown.map(lambda v: e(str(v))), cls="sortable", row_class=rows)


def _pct100(x: Any) -> str:
    return "–" if x != x else f"{x:.0f}%"


def mastery_figure(objectives: pd.DataFrame) -> Any | None:
    """Heatmap of mastery per objective (and module) for everyone and by score band."""
    import plotly.graph_objects as go

    if objectives.empty:
        return None
    bands = [c for c in objectives.columns if c.startswith("band ")]
    cols = ["all", *bands]
    names = ["everyone"] + [f"{c}{' (lowest)' if i == 0 else ''}"
                            f"{' (highest)' if i == len(bands) - 1 and i else ''}"
                            for i, c in enumerate(bands)]
    rows = [f"{m} · objective {int(o)}" if o == o else f"<b>{m} (whole module)</b>"
            for m, o in zip(objectives["module"], objectives["objective"], strict=True)]
    z = objectives[cols].to_numpy(dtype=float)
    fig = go.Figure(go.Heatmap(
        z=z[::-1], x=names, y=rows[::-1], zmin=0, zmax=1, colorscale="Cividis",
        text=[[_pct(v) for v in r] for r in z[::-1]], texttemplate="%{text}",
        colorbar={"title": "mastery", "tickformat": ".0%"},
        hovertemplate="%{y}<br>%{x}: %{text}<extra></extra>"))
    fig = _layout(fig, title="Mastery per learning objective, for everyone and by score band",
                  height=160 + 38 * len(rows))
    fig.update_layout(margin={"l": 260})
    return fig


def _table(frame: pd.DataFrame, *, cls: str = "", row_class: list[str] | None = None) -> str:
    head = "".join(f"<th scope='col'>{e(str(c))}</th>" for c in frame.columns)
    body = []
    for n, row in enumerate(frame.itertuples(index=False)):
        rc = f" class='{row_class[n]}'" if row_class and row_class[n] else ""
        body.append(f"<tr{rc}>" + "".join(f"<td>{v}</td>" for v in row) + "</tr>")
    return (f"<table class='{cls}'><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table>")


def item_table(items: pd.DataFrame, bank: Mapping[str, Question]) -> str:
    """HTML item table (click a header to sort); flags as text, not only colour."""
    import pandas as pd

    prompts = [bank[i].prompt.get("en") if i in bank else "" for i in items["item_id"]]
    frame = pd.DataFrame({
        "Item": [f"<b>{e(str(lb))}</b> <span class='muted'>{e(i)}</span>"
                 for lb, i in zip(items["label"], items["item_id"], strict=True)],
        "Question": [f"<span title='{e(p)}'>{e(_short(p, 80))}</span>" for p in prompts],
        "Objective": [f"{e(str(m))} · {o}" for m, o in zip(items["module"], items["objective"],
                                                            strict=True)],
        "n": items["n"].astype(str),
        "Facility": items["facility"].map(_num),
        "Point-biserial": items["point_biserial"].map(_num),
        "Upper−lower": items["upper_lower"].map(_num),
        "Flags": ["" if not f else "⚑ " + e(f) for f in items["flags"]],
    })
    if not any(prompts):
        frame = frame.drop(columns="Question")
    return _table(frame, cls="sortable",
                  row_class=["flagged" if f else "" for f in items["flags"]])


def events_table(students: pd.DataFrame, events: pd.DataFrame | None) -> pd.DataFrame:
    """Grading events: one row per student not plainly graded, plus the ``events`` rows."""
    import pandas as pd

    rows = []
    for s in students[students["status"] != "graded"].itertuples(index=False):
        what, check = STATUS_EVENTS.get(s.status, (s.status, ""))
        grade = "" if s.points != s.points else f"{s.points:g} / {s.max_points:g}"
        rows.append({"student_id": s.student_id, "event": what, "grade": grade, "check": check})
    frame = pd.DataFrame(rows, columns=list(EVENT_COLUMNS))
    if events is not None and len(events):
        missing = [c for c in EVENT_COLUMNS if c not in events.columns]
        if missing:
            raise ValueError(f"events frame lacks column(s): {', '.join(missing)}")
        frame = pd.concat([frame, events[list(EVENT_COLUMNS)].astype(str)], ignore_index=True)
    return frame.sort_values("student_id", kind="stable").reset_index(drop=True)


CSS = """
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0;color:#1a1a1a;
font-size:16px;line-height:1.45;background:#fafafa}main{max-width:76rem;margin:0 auto;
padding:1.5rem 2rem 3rem;background:white}h1{font-size:1.8rem;margin:.2rem 0}
h2{font-size:1.35rem;margin:2.2rem 0 .6rem;border-bottom:2px solid #e5e5e5;padding-bottom:.2rem}
.muted{color:#666;font-size:.9em}.warn{background:#fff4e0;border-left:4px solid #E69F00;
padding:.5rem .9rem;margin:.8rem 0}.cards{display:flex;flex-wrap:wrap;gap:.8rem;margin:1rem 0}
.card{border:1px solid #ddd;border-radius:8px;padding:.7rem 1rem;min-width:9.5rem;flex:1}
.card .v{font-size:1.7rem;font-weight:650}.card .k{color:#555;font-size:.9rem}
table{border-collapse:collapse;width:100%;font-size:.93rem;margin:.5rem 0}
th,td{border-bottom:1px solid #e2e2e2;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f1f3f5;position:sticky;top:0}table.sortable th{cursor:pointer}
table.sortable th::after{content:' ⇅';color:#999;font-size:.8em}
tr.flagged td,tr.bad td{background:#fdf0e8}ul.first li{margin:.25rem 0}
details{margin:.6rem 0}summary{cursor:pointer;color:#0060a0}
"""
SORT_JS = """
document.querySelectorAll('table.sortable').forEach(function(t){
 t.querySelectorAll('th').forEach(function(th,i){th.addEventListener('click',function(){
  var rows=Array.from(t.tBodies[0].rows),asc=th.dataset.dir!=='asc';th.dataset.dir=asc?'asc':'desc';
  rows.sort(function(a,b){var x=a.cells[i].innerText,y=b.cells[i].innerText,
   p=parseFloat(x),q=parseFloat(y);var r=(!isNaN(p)&&!isNaN(q))?p-q:x.localeCompare(y);
   return asc?r:-r;});rows.forEach(function(r){t.tBodies[0].appendChild(r);});});});});
"""


def _first_look(a: Analysis) -> str:
    out = []
    for f, lbl in ((a.flags, "flag"),):
        if len(f):
            labels = a.items.set_index("item_id").loc[f["item_id"].unique(), "label"]
            out.append(f"{len(labels)} item(s) {lbl}ged: <b>{e(', '.join(map(str, labels)))}"
                       "</b>. Check their key and wording (table and charts below).")
    obj = a.objectives.dropna(subset=["objective"])
    if len(obj):
        weak = obj.loc[obj["all"].idxmin()]
        out.append(f"Weakest learning objective: <b>{e(str(weak['module']))} objective "
                   f"{int(weak['objective'])}</b> ({_pct(weak['all'])} mastery). Consider "
                   "revisiting it in class.")
    if len(a.items):
        hard = a.items.loc[a.items["facility"].idxmin()]
        out.append(f"Hardest item: <b>{e(str(hard['label']))}</b> "
                   f"(facility {_num(hard['facility'])}).")
    return "<ul class='first'>" + "".join(f"<li>{x}</li>" for x in out) + "</ul>"


def render_report(a: Analysis, *, title: str, bank: Mapping[str, Question],
                  events: pd.DataFrame, written: pd.DataFrame | None = None,
                  gain: str | None = None, languages: pd.DataFrame | None = None) -> str:
    """The report page for analysis ``a``."""
    import numpy as np

    st = a.students
    pct = st.loc[st["status"].isin(SCORED), "percent"].dropna()
    n_missing = int((st["status"] == "missing").sum())
    n_ungradable = int((st["status"] == "ungradable").sum())
    cards = [("students on the roster", str(len(st))), ("scored", str(a.n_scored)),
             ("no submission / ungradable", f"{n_missing} / {n_ungradable}"),
             ("mean score", "–" if pct.empty else f"{pct.mean():.0f}%"),
             ("median score", "–" if pct.empty else f"{np.median(pct):.0f}%"),
             ("KR-20 reliability", _num(a.kr20))]
    first = [True]
    parts = [
        f"<h1>{e(title)}</h1>",
        f"<p class='muted'>Item-analysis report, generated {datetime.now():%Y-%m-%d %H:%M}."
        f" {len(a.items)} items.</p>",
        "<p class='warn'>For instructors only: this report and its CSVs show answer keys. "
        "Do not share them with students.</p>",
        "<div class='cards'>" + "".join(
            f"<div class='card'><div class='v'>{v}</div><div class='k'>{e(k)}</div></div>"
            for k, v in cards) + "</div>",
        f"<p><b>Reading the KR-20 of {_num(a.kr20)}:</b> {e(kr20_reading(a.kr20))}</p>",
        "<h2>Can a test-wise student pass?</h2><p>Strategies that know nothing of POC, "
        "scored on the quiz's single-choice, true/false and multiple-answer items with the "
        "real scoring rules, against a random answer of the same form. Positions are those of "
        "the bank; released quizzes also shuffle options per student.</p>",
        strategies_table(bank, list(a.items["item_id"])),
        "<h2>What to look at first</h2>", _first_look(a),
        "<h2>Score distribution</h2>", _fig_html(distribution_figure(st), first),
        "<h2>Items</h2><p>Facility is the share of marks the class earned on the item. "
        "Point-biserial is the correlation of the item with the rest of the quiz (above 0.2 is "
        "good; below 0 means stronger students do worse). Upper−lower compares the top and "
        "bottom 27% of students. Click a column heading to sort.</p>",
        item_table(a.items, bank),
        _fig_html(scatter_figure(a.items), first),
    ]
    dist_fig = distractor_figure(a.distractors, a.items, bank)
    parts.append("<h2>Distractors of flagged items</h2>")
    if dist_fig is None:
        parts.append("<p>No flagged single-choice, multiple-choice or true/false item.</p>")
    else:
        parts.append("<p>An option that strong students (upper 27%) choose more often than weak "
                     "ones may be defensible or the key may be wrong; an option nobody chooses "
                     "does no work. All items' options are in <code>distractors.csv</code>.</p>")
        parts.append(_fig_html(dist_fig, first))
    for f in a.flags.itertuples(index=False):
        parts.append(f"<p class='muted'>⚑ {e(str(f.item_id))} {e(f.flag)}: {e(f.advice)}</p>")
    if written is not None and not written.empty:
        parts.append("<h2>Written answers</h2><p>Written answers are graded by hand with the "
                     "rubric in the graders' guide; this chart shows how many students reached "
                     "each share of the marks. Option statistics do not apply to them.</p>")
        parts.append(_fig_html(written_figure(written), first))
    if gain is not None:
        parts.append("<h2>Learning gain since the pre-test</h2>" + gain)
    if languages is not None:
        parts.append("<h2>By language</h2>" + language_section(languages))
    parts.append("<h2>Mastery of learning objectives</h2><p>Mean share of marks on each "
                 "objective's items. Score bands split the class into equal groups by total "
                 "score: a low value even in the highest band points at teaching or the items, "
                 "not at the students.</p>")
    heat = mastery_figure(a.objectives)
    parts.append(_fig_html(heat, first) if heat is not None else "<p>No scored students.</p>")
    parts.append("<h2>Grading events</h2>")
    if events.empty:
        parts.append("<p>Every student on the roster was graded with no events.</p>")
    else:
        frame = events.rename(columns={"student_id": "Student", "event": "What happened",
                                       "grade": "Grade", "check": "What a grader should check"})
        parts.append(f"<p>{len(events)} event(s). Students who were simply graded are not "
                     "listed.</p>")
        parts.append(_table(frame.map(lambda v: e(str(v))), cls="sortable"))
    parts.append(
        "<h2>How these numbers are computed</h2><ul class='muted'>"
        "<li>Only students with a graded submission (graded, graded with flags, needs review) "
        "enter the item statistics; missing and ungradable students do not.</li>"
        "<li>Point-biserial: Pearson correlation of the item score with the total score "
        "without that item (corrected item-rest correlation).</li>"
        "<li>Upper−lower: mean share of marks in the top 27% minus the bottom 27% by total "
        "score.</li><li>KR-20: partial credit counts as right only at full marks.</li>"
        "<li>Flags: negative point-biserial; facility above 0.95 or below 0.2.</li></ul>")
    body = "\n".join(parts)
    return (f"<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
            f"<meta name='viewport' content='width=device-width, initial-scale=1'>"
            f"<title>{e(title)}</title><style>{CSS}</style></head><body><main>\n{body}\n"
            f"</main><script>{SORT_JS}</script></body></html>\n")


def build_report(*, results: pd.DataFrame, bank: Any = None, out_dir: Path | str,
                 title: str = "Assessment report", events: pd.DataFrame | None = None,
                 pretest: pd.DataFrame | None = None) -> Path:
    """Write ``report.html`` and the CSVs into ``out_dir``; return the HTML path.

    ``bank`` (path, QuestionFile(s) or ``{id: Question}``; optional) adds prompts, option texts
    and keys; ``events`` (columns ``student_id, event, grade, check``) adds grading events to
    those derived from ``status``; ``pretest`` (the pre-test's results table) adds the learning
    gain per objective and per student, written to ``gain_objectives.csv`` and
    ``gain_students.csv`` too.
    """
    from .feedback import bank_items, choice_keys, choice_options, option_label

    check_results(results)
    items = bank_items(bank) if bank is not None else {}
    a = analyse(results, options=choice_options(items), keys=choice_keys(items))
    ev = events_table(a.students, events)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    dist = a.distractors.assign(option_text=[
        option_label(items.get(i), o) for i, o in zip(a.distractors["item_id"],
                                                      a.distractors["option"], strict=True)])
    for name, frame in (("items", a.items), ("students", a.students), ("distractors", dist),
                        ("objectives", a.objectives), ("flags", a.flags), ("events", ev)):
        frame.round(4).to_csv(out / f"{name}.csv", index=False)
    written_ids = [q.id for q in items.values() if q.type == "short_text"]
    written = written_scores(results, written_ids)
    gain = None
    if pretest is not None:
        from .gain import learning_gain

        g = learning_gain(pretest, results)
        rounding = {"pre": 1, "post": 1, "gain": 3}
        g.objectives.round(rounding).to_csv(out / "gain_objectives.csv", index=False)
        g.students.round(rounding).to_csv(out / "gain_students.csv", index=False)
        gain = gain_section(pretest, results)
    path = out / "report.html"
    tmp = out / "report.html.tmp"
    from .stats import by_language

    languages = by_language(results)
    if languages is not None:
        languages.to_csv(out / "languages.csv", index=False)
    tmp.write_text(render_report(a, title=title, bank=items, events=ev, written=written,
                                 gain=gain, languages=languages), encoding="utf-8")
    tmp.replace(path)
    return path
