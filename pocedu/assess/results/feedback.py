"""Per-student feedback that teaches: for each missed item the answer given, what was right,
why, the source and the lesson section to revisit.

One self-contained HTML page per student and assignment (``<out_dir>/<student>/<assignment>.html``).
Only the items a student missed or partly missed show their key; items answered right show no
key, and nothing from the hidden test cells is ever used. Every text is HTML-escaped.
The module also reads the graded bank for the report (``bank_items``, ``choice_options``...).
"""

from __future__ import annotations

import html
import json
import shutil
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ...sections import slug, title
from ..course.layout import Course

if TYPE_CHECKING:
    import pandas as pd

    from ...content.models import Question
    from ...content.pointers import PointerResolver

# ---------------------------------------------------------------- the graded bank


def read_bank(path: Path | str) -> dict[str, Question]:
    """Items of a bank directory (or of one ``<quiz>.yaml`` in it), by id.

    Uses ``pocedu.assess.bank.load_bank``, so ``key: from-kb`` is resolved and the bank is
    checked exactly as ``pocedu assess build`` checks it.
    """
    from ..build.bank import load_bank

    path = Path(path)
    quizzes = load_bank(path.parent if path.is_file() else path)
    if path.is_file():
        quizzes = {path.stem: quizzes.get(path.stem, [])}
    return {q.id: q for items in quizzes.values() for q in items}


def bank_items(bank: Any) -> dict[str, Question]:
    """Normalise ``bank`` (path, QuestionFile(s), Questions, ``{id: item}`` or
    ``{quiz: [items]}`` as ``pocedu.assess.bank.load_bank`` gives) to ``{id: item}``."""
    if isinstance(bank, str | Path):
        return read_bank(bank)
    if isinstance(bank, Mapping):
        values = list(bank.values())
        if values and all(isinstance(v, list | tuple) for v in values):  # {quiz: [items]}
            return {q.id: q for v in values for q in v}
        return dict(bank)
    if hasattr(bank, "questions"):
        return {q.id: q for q in bank.questions}
    out: dict[str, Question] = {}
    for entry in bank:
        if hasattr(entry, "questions"):
            out.update((q.id, q) for q in entry.questions)
        elif hasattr(entry, "prompt"):
            out[entry.id] = entry
        else:
            raise TypeError(f"bank entries must be Question or QuestionFile, not {type(entry)}")
    return out


def _key(q: Question) -> Any:
    return q.key.model_dump() if hasattr(q.key, "model_dump") else q.key


def choice_options(items: Mapping[str, Question]) -> dict[str, list[str]]:
    """Choice ids a distractor analysis counts, per single/multiple/true_false item."""
    out: dict[str, list[str]] = {}
    for q in items.values():
        if q.type in ("single", "multiple"):
            out[q.id] = [o.id for o in q.options]
        elif q.type == "true_false":
            out[q.id] = ["true", "false"] + [o.id for o in q.options]
    return out


def choice_keys(items: Mapping[str, Question]) -> dict[str, list[str]]:
    """Right choices of each single/multiple/true_false item (for instructors' reports only)."""
    out: dict[str, list[str]] = {}
    for q in items.values():
        key = _key(q)
        if q.type == "single":
            out[q.id] = [key]
        elif q.type == "multiple":
            out[q.id] = list(key)
        elif q.type == "true_false":
            out[q.id] = ["true" if key["value"] else "false", key["justification"]]
    return out


def option_label(item: Question | None, option: str, *, lang: str = "en") -> str:
    """Readable text of choice ``option`` of ``item``."""
    if item is not None and item.type == "true_false" and option in ("true", "false"):
        return f"The statement is {option}"
    if item is not None:
        for o in item.options:
            if o.id == option:
                return o.text.get(lang)
        for b in item.bins:
            if b.id == option:
                return b.text.get(lang)
    return option

# ---------------------------------------------------------------- pointers and lessons


def default_resolver() -> PointerResolver:
    """``pocedu.content.packaged().resolver``; documents.yaml alone if the KB does not load."""
    from ...content import ContentError, PointerResolver, packaged

    try:
        return packaged().resolver
    except ContentError:
        from ...content.loader import PACKAGED, parse
        from ...content.models import DocumentsFile
        from ...content.yamlio import read_yaml

        path = PACKAGED / "documents.yaml"
        docs = parse("documents.yaml", read_yaml(path, "documents.yaml"), DocumentsFile)
        return PointerResolver(docs.documents)


def describe_pointer(pointer: str, resolver: PointerResolver) -> str:
    """``pointer`` followed by the document's full title (plain text)."""
    from ...content import PointerError

    try:
        found = resolver.resolve(pointer)
    except PointerError:
        return pointer
    if found is None:
        return pointer
    doc = found.document
    year = f", {doc.year}" if doc.year else ""
    return f"{pointer}: {doc.title.en} ({doc.issuer}{year})"


def lesson_link(item: Question, *, lesson_base: str = "modules") -> tuple[str, str]:
    """(href, readable path) of the lesson section to revisit for ``item``."""
    path = f"{lesson_base.rstrip('/')}/{item.module}/{item.module}.ipynb"
    anchor = f"#{slug(item.section)}" if item.section else ""
    where = f"Module {item.module[:2]}, section '{title(item.section)}'" if item.section else path
    return path + anchor, where

# ---------------------------------------------------------------- rendering answers

e = html.escape


def _parse(text: Any) -> tuple[bool, Any]:
    if text is None or (isinstance(text, float) and text != text):
        return True, None
    try:
        return True, json.loads(text)
    except (TypeError, ValueError):
        return False, None


def _ul(items: Iterable[str], tag: str = "ul") -> str:
    return f"<{tag}>" + "".join(f"<li>{i}</li>" for i in items) + f"</{tag}>"


def _text(q: Question, option: Any) -> str:
    if not isinstance(option, str) or option_label(q, option) == option:
        return "<em>an option that is not part of this question</em>"
    return e(option_label(q, option))


def render_answer(q: Question, response: Any) -> str:
    """HTML of a student's ``response`` to ``q``: option texts, never option ids."""
    if response is None:
        return "<p><em>No answer recorded.</em></p>"
    t = q.type
    try:
        if t == "single":
            return f"<p>{_text(q, response)}</p>"
        if t in ("multiple", "ordering"):
            return _ul((_text(q, r) for r in response), "ol" if t == "ordering" else "ul")
        if t == "true_false":
            value = "true" if response["value"] else "false"
            just = response.get("justification")
            reason = f"<p>Reason chosen: {_text(q, just)}</p>" if just else ""
            return f"<p>You said the statement is <strong>{value}</strong>.</p>{reason}"
        if t in ("classification", "matching"):
            return _ul(f"{_text(q, k)} &rarr; {_text(q, v)}" for k, v in response.items())
        if t == "short_text":
            checked = response.get("checked") or []
            ticked = [e(r.text.get("en")) for r in q.rubric if r.id in checked]
            ticks = f"<p>Points you ticked:</p>{_ul(ticked)}" if ticked else ""
            return f"<blockquote>{e(str(response.get('text', '')))}</blockquote>{ticks}"
    except (AttributeError, KeyError, TypeError):
        pass
    return "<p><em>Your answer was not in a form this question accepts.</em></p>"


def render_right(q: Question) -> str:
    """HTML of what was right for ``q`` (shown only for an item the student missed)."""
    key, t = _key(q), q.type
    if t == "single":
        return f"<p>{_text(q, key)}</p>"
    if t in ("multiple", "ordering"):
        return _ul((_text(q, k) for k in key), "ol" if t == "ordering" else "ul")
    if t == "true_false":
        value = "true" if key["value"] else "false"
        return (f"<p>The statement is <strong>{value}</strong>, because: "
                f"{_text(q, key['justification'])}</p>")
    if t in ("classification", "matching"):
        return _ul(f"{_text(q, o.id)} &rarr; {_text(q, key[o.id])}" for o in q.options)
    model = f"<blockquote>{e(q.model_answer.get('en'))}</blockquote>" if q.model_answer else ""
    points = _ul(e(r.text.get("en")) for r in q.rubric)
    return f"{model}<p>A good answer makes these points:</p>{points}"


def _chosen_feedback(q: Question, response: Any) -> list[str]:
    """Per-option feedback of the options the student chose or placed wrongly."""
    from ...questions.grading import score, spec_of

    if response is None or q.type == "short_text":
        return []
    try:
        wrong = score(spec_of(q), response).wrong
    except (TypeError, KeyError, AttributeError, ValueError):
        return []
    if q.type == "multiple" and isinstance(response, list):
        wrong = tuple(w for w in wrong if w in response)
    out = []
    for o in q.options:
        if o.id in wrong and o.feedback:
            out.append(f"<strong>{e(o.text.get('en'))}</strong>: {e(o.feedback.get('en'))}")
    return out

# ---------------------------------------------------------------- pages

STATUS_NOTES = {
    "missing": "We have no submission from you for this assignment. If you did submit, "
    "tell your instructor.",
    "ungradable": "Your submission could not be graded automatically. An instructor will "
    "review it and tell you your result.",
    "needs-review": "Part of your submission is waiting for an instructor's review; the score "
    "below may still change.",
    "graded-with-flags": "Your submission was graded; something in it was unusual and an "
    "instructor may look at it.",
}

CSS = """
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;max-width:52rem;
margin:2rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.5;font-size:17px}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin:0 0 .5rem}
.score{font-size:1.3rem;margin:.5rem 0 1rem}.note{background:#fff4e0;border-left:4px solid
#E69F00;padding:.6rem 1rem}.item{border:1px solid #ccc;border-radius:6px;padding:1rem 1.2rem;
margin:1.2rem 0}.prompt{font-weight:600}.label{color:#555;font-size:.95rem}
.yours{border-left:4px solid #D55E00;padding-left:.8rem}.right{border-left:4px solid #0072B2;
padding-left:.8rem}h3{font-size:1rem;margin:.8rem 0 .2rem}blockquote{margin:.3rem 0;
padding:.3rem .8rem;background:#f4f4f4;white-space:pre-wrap}a{color:#0060a0}
footer{margin-top:2rem;color:#555;font-size:.9rem}
"""


def safe_dir_name(student_id: str) -> str:
    """``student_id`` if it is safe as one folder name; ValueError otherwise."""
    name = str(student_id)
    if not name.strip() or name in (".", "..") or "/" in name or "\\" in name or "\0" in name:
        raise ValueError(f"student id {student_id!r} cannot be used as a folder name")
    return name


def _fmt(x: float) -> str:
    return f"{x:.2f}".rstrip("0").rstrip(".")


FINAL = ("graded", "graded-with-flags")
"""Statuses whose result is final: only then does a page show keys and model answers."""
WITHHELD = ("<p><em>The right answer is shown once your result is final and the quiz has "
            "closed.</em></p>")


def render_page(*, student: str, assignment: str, rows: pd.DataFrame,
                items: Mapping[str, Question], resolver: PointerResolver,
                lesson_base: str = "modules", show_keys: bool = True) -> str:
    """The feedback page of one student for one assignment (``rows``: their result rows).

    Keys and model answers appear only when ``show_keys`` and the result is final.
    """
    status = str(rows["status"].iloc[0])
    show_keys = show_keys and status in FINAL
    points = rows["points"].astype(float).fillna(0)
    total, maximum = float(points.sum()), float(rows["max_points"].astype(float).sum())
    scored = status not in ("missing", "ungradable")
    parts = [f"<h1>Feedback: {e(assignment)}</h1>",
             f"<p class='label'>Student: {e(student)}</p>"]
    if scored:
        pct = f" ({100 * total / maximum:.0f}%)" if maximum else ""
        parts.append(f"<p class='score'>Score: <strong>{_fmt(total)} of {_fmt(maximum)}"
                     f"</strong>{pct}</p>")
    if status in STATUS_NOTES:
        parts.append(f"<p class='note'>{e(STATUS_NOTES[status])}</p>")
    missed = rows[scored & (points < rows["max_points"].astype(float))] if scored else rows[:0]
    if scored:
        n_right = len(rows) - len(missed)
        parts.append(f"<p>You earned full marks on {n_right} of {len(rows)} questions.")
        if len(missed):
            parts.append(" Below, for each question you missed or partly missed: your answer, "
                         "what was right, why, where the policy says so, and the part of the "
                         "lesson to go back to.</p>")
        else:
            parts.append(" Well done.</p>")
    lessons: dict[str, str] = {}
    blocks = []
    for row, earned in zip(missed.itertuples(index=False), points[missed.index], strict=True):
        q = items.get(row.item_id)
        if q is None:
            raise KeyError(f"item '{row.item_id}' of the results is not in the bank")
        href, where = lesson_link(q, lesson_base=lesson_base)
        lessons[href] = where
        ok, response = _parse(row.response)
        answer = render_answer(q, response) if ok else \
            "<p><em>Your answer could not be read.</em></p>"
        why = _chosen_feedback(q, response) if ok else []
        why_html = f"<h3>About your choice</h3>{_ul(why)}" if why else ""
        sources = _ul(e(describe_pointer(p, resolver)) for p in q.source)
        blocks.append(
            f"<section class='item'><h2>{e(str(row.label))} "
            f"<span class='label'>({_fmt(earned)} of {_fmt(float(row.max_points))} "
            f"{'mark' if float(row.max_points) == 1 else 'marks'})"
            "</span></h2>"
            f"<p class='prompt'>{e(q.prompt.get('en'))}</p>"
            f"<div class='yours'><h3>Your answer</h3>{answer}{why_html}</div>"
            f"<div class='right'><h3>What was right</h3>"
            f"{render_right(q) if show_keys else WITHHELD}</div>"
            f"<h3>Why</h3><p>{e(q.explanation.get('en'))}</p>"
            f"<h3>Source</h3>{sources}"
            f"<h3>Revisit</h3><p><a href='{e(href)}'>{e(where)}</a></p></section>")
    if lessons:
        parts.append("<h2>Lesson sections to revisit</h2>" + _ul(
            f"<a href='{e(h)}'>{e(w)}</a>" for h, w in lessons.items()))
    parts.extend(blocks)
    parts.append("<footer>Made by pocedu from your graded answers. Questions you answered "
                 "right are not repeated here.</footer>")
    body = "\n".join(parts)
    return (f"<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
            f"<meta name='viewport' content='width=device-width, initial-scale=1'>"
            f"<title>Feedback: {e(assignment)} - {e(student)}</title><style>{CSS}</style>"
            f"</head><body>\n{body}\n</body></html>\n")


def write_feedback(*, results: pd.DataFrame, bank: Any, out_dir: Path | str,
                   lesson_base: str = "modules",
                   resolver: PointerResolver | None = None) -> list[Path]:
    """Write ``<out_dir>/<student>/<assignment>.html`` for every student and assignment.

    ``bank`` is the graded bank (path, QuestionFile(s) or ``{id: Question}``); ``resolver``
    defaults to ``default_resolver()``. Returns the paths written, sorted.
    """
    from .stats import check_results

    check_results(results)
    items = bank_items(bank)
    unknown = sorted(set(results["item_id"]) - set(items))
    if unknown:
        raise KeyError(f"item(s) not in the bank: {', '.join(map(str, unknown))}")
    for sid in results["student_id"].unique():
        safe_dir_name(sid)
    for a in results["assignment"].unique():
        safe_dir_name(a)
    resolver = resolver or default_resolver()
    out = Path(out_dir)
    written = []
    for (student, assignment), rows in results.groupby(["student_id", "assignment"], sort=True):
        page = render_page(student=str(student), assignment=str(assignment), rows=rows,
                           items=items, resolver=resolver, lesson_base=lesson_base)
        path = out / str(student) / f"{assignment}.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".html.tmp")
        tmp.write_text(page, encoding="utf-8")
        tmp.replace(path)
        written.append(path)
    return written


def write_course_feedback(*, course_dir: Path | Course, assignment: str, bank: Any = None,
                          withhold_keys: bool = False, lesson_base: str = "modules",
                          resolver: PointerResolver | None = None) -> list[Path]:
    """Write each student's page where ``nbgrader release_feedback`` delivers it.

    ``feedback/<student>/<assignment>/<assignment>.html`` with nbgrader's ``timestamp.txt``
    and ``submission_secret.txt`` from the student's submission (a student without a
    submission gets no page). ``withhold_keys`` shows no key to anyone (until the quiz closes);
    a provisional result never shows one. Returns the pages written.
    """
    from .table import load_results

    course = Course.at(course_dir)
    quiz = course.assignment(assignment)
    results = load_results(course_dir=course, assignment=assignment)
    items = bank_items(bank if bank is not None else course.bank)
    resolver = resolver or default_resolver()
    written = []
    for student, rows in results.groupby("student_id", sort=True):
        submitted = quiz.submitted(str(student))
        if not submitted.is_dir() or submitted.is_symlink():
            continue
        page = render_page(student=str(student), assignment=assignment, rows=rows, items=items,
                           resolver=resolver, lesson_base=lesson_base,
                           show_keys=not withhold_keys)
        dest = quiz.feedback(safe_dir_name(str(student)))
        dest.mkdir(parents=True, exist_ok=True)
        for name in ("timestamp.txt", "submission_secret.txt"):
            src = submitted / name
            if src.is_file() and not src.is_symlink():
                shutil.copyfile(src, dest / name)
        path = dest / f"{assignment}.html"
        tmp = path.with_suffix(".html.tmp")
        tmp.write_text(page, encoding="utf-8")
        tmp.replace(path)
        written.append(path)
    return written
