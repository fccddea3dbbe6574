"""Render a module's facilitator guide and its syndicate handouts (HTML, or PDF by extension).

The guide is for the instructor and holds the expected points; the handouts are for the
syndicates and never do (``handout_context`` passes no expected text to its template).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ..content.loader import Content
from ..errors import PoceduError
from ..i18n import check_language, gettext
from .guides import assessed_by, load_guide, module_name, objectives

TEMPLATES = Path(__file__).parent / "templates"


def labels(lang: str) -> dict[str, str]:
    """Interface words of guides and handouts, in ``lang`` (gettext catalog)."""
    return {
        "guide": gettext("Facilitator guide", lang),
        "handouts": gettext("Syndicate handouts", lang),
        "duration": gettext("Classroom time", lang),
        "minutes": gettext("min", lang),
        "overview": gettext("Overview", lang),
        "preparation": gettext("Before the lesson", lang),
        "objectives": gettext("Learning objectives and what assesses them", lang),
        "objective": gettext("Objective", lang),
        "objectives_short": gettext("Objectives", lang),
        "assessed": gettext("Assessed by", lang),
        "practised": gettext("Practised in", lang),
        "plan": gettext("Lesson plan", lang),
        "time": gettext("Time", lang),
        "block": gettext("Block", lang),
        "notes": gettext("What the instructor does", lang),
        "activities": gettext("Syndicate activities", lang),
        "activity": gettext("Activity", lang),
        "situation": gettext("Situation", lang),
        "tasks": gettext("Tasks", lang),
        "product": gettext("Backbrief", lang),
        "expected": gettext("Expected points for the debrief", lang),
        "discussions": gettext("Discussion questions", lang),
        "draw_out": gettext("Points to draw out", lang),
        "misconceptions": gettext("Common misconceptions", lang),
        "belief": gettext("The wrong idea", lang),
        "correction": gettext("What the sources say", lang),
        "address": gettext("How to address it", lang),
        "tested_by": gettext("Tested by these distractors", lang),
        "sources": gettext("Sources", lang),
        "syndicate": gettext("Syndicate", lang),
        "notes_space": gettext("Notes for the backbrief", lang),
        "no_answers": gettext("Handout for syndicates: it contains no expected answers.", lang),
        "instructor_only": gettext("Instructor material: contains the expected answers. "
                                   "Do not hand out.", lang),
        "day": gettext("Day", lang),
        "injects": gettext("Injects", lang),
        "n_items": gettext("items", lang),
        "presentation": gettext("Presentation", lang),
        "individual-check": gettext("Individual check", lang),
        "syndicate-work": gettext("Syndicate work", lang),
        "plenary": gettext("Plenary", lang),
        "snap-situation": gettext("Snap situation", lang),
        "vignette": gettext("Vignette", lang),
        "drafting": gettext("Drafting", lang),
        "role-play": gettext("Role play", lang),
        "sections": gettext("Notebook sections", lang),
        "colon": "\u00a0:" if lang == "fr" else ":",
        "lang": lang,
    }


@cache
def _env() -> Any:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=jinja2.select_autoescape(("html", "j2")),
        trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)
    env.filters["code"] = _code
    return env


def _code(text: str) -> Any:
    """Escape ``text`` and show `backticked` commands as code."""
    import re

    from markupsafe import Markup, escape

    return Markup(re.sub(r"`([^`]+)`", r"<code>\1</code>", str(escape(text))))


def css() -> str:
    """The print stylesheet, inlined so the file opens offline."""
    return (TEMPLATES / "print.css").read_text(encoding="utf-8")


@dataclass(frozen=True)
class Row:
    """One lesson-plan row: its clock and the block."""

    time: str
    block: Any


def _clock(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


def plan_rows(guide: Any) -> list[Row]:
    """Lesson-plan rows with a clock: elapsed time, or day and start time when given."""
    rows, at = [], 0
    for b in guide.blocks:
        if b.start:
            rows.append(Row(f"{b.start}", b))
        else:
            rows.append(Row(f"{_clock(at)}–{_clock(at + b.minutes)}", b))
        at += b.minutes
    return rows


def _distractors(guide: Any, content: Content, lang: str) -> dict[str, list[dict[str, str]]]:
    """For each misconception, its linked distractors: item id, option text, bank misconception."""
    out: dict[str, list[dict[str, str]]] = {}
    if guide.scenario:
        from .guides import _scenario

        sc = _scenario(guide.scenario, content)
        decisions = {d.id: d for i in sc.injects for d in i.decisions}
    for m in guide.misconceptions:
        rows = []
        for link in m.items:
            if guide.scenario:
                d = decisions[link.item]
                opt = next((o for o in d.options if o.id == link.option), None)
                tested = ""
            else:
                q = content.question(link.item)
                opt = next((o for o in q.options if o.id == link.option), None)
                tested = opt.misconception.get(lang) if opt and opt.misconception else ""
            rows.append({"item": link.item, "option": link.option or "",
                         "text": opt.text.get(lang) if opt else "", "misconception": tested})
        out[m.id] = rows
    return out


def guide_context(module: str, *, lang: str = "en", content: Content | None = None) -> dict:
    """Everything the guide template shows, in ``lang``."""
    from ..content.loader import packaged

    check_language(lang)
    content = content or packaged()
    guide = load_guide(module, content=content)
    objs = objectives(guide, content)
    assessed = assessed_by(guide, content)
    by_objective = {o.number: [a for a in assessed if a.objective == o.number] for o in objs}
    practised = {o.number: [a for a in guide.activities if o.number in a.objectives]
                 for o in objs}
    return {"guide": guide, "t": labels(lang), "lang": lang, "css": css(),
            "objectives": objs, "assessed": by_objective, "practised": practised,
            "rows": plan_rows(guide), "activities": {a.id: a for a in guide.activities},
            "distractors": _distractors(guide, content, lang),
            "documents": content.resolver.documents}


def handout_context(module: str, *, lang: str = "en", content: Content | None = None) -> dict:
    """What the handout template shows: situations, tasks and products only (no expected)."""
    from ..content.loader import packaged

    check_language(lang)
    content = content or packaged()
    guide = load_guide(module, content=content)
    cards = [{"id": a.id, "kind": a.kind, "minutes": a.minutes, "title": a.title.get(lang),
              "situation": a.situation.get(lang), "tasks": [t.get(lang) for t in a.tasks],
              "product": a.product.get(lang)} for a in guide.activities]
    return {"title": guide.title.get(lang), "module": guide.module, "cards": cards,
            "t": labels(lang), "lang": lang, "css": css(), "extra": extra_handouts(guide, lang)}


def extra_handouts(guide: Any, lang: str) -> list[str]:
    """Further handout pages (HTML) a module adds, e.g. the capstone's role cards."""
    if guide.scenario:
        from .capstone import capstone_handouts

        return capstone_handouts(lang=lang)
    return []


def render_guide(module: str, *, lang: str = "en", content: Content | None = None) -> str:
    """The facilitator guide of ``module`` as one self-contained HTML page."""
    return _env().get_template("guide.html.j2").render(
        **guide_context(module, lang=lang, content=content))


def render_handouts(module: str, *, lang: str = "en", content: Content | None = None) -> str:
    """The syndicate handouts of ``module``, one page each, as one HTML file."""
    return _env().get_template("handouts.html.j2").render(
        **handout_context(module, lang=lang, content=content))


def write(html: str, out: Path) -> Path:
    """Write ``html`` to ``out``: HTML as is, PDF through headless Chromium."""
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix in (".html", ".htm"):
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(html, encoding="utf-8")
        return out
    if suffix == ".pdf":
        from .pdf import html_to_pdf

        return html_to_pdf(html, out)
    raise PoceduError(f"{out}: write .html or .pdf (the extension chooses the format)")


def write_guide(module: str, *, out: Path, lang: str = "en") -> Path:
    """Write the facilitator guide of ``module`` to ``out`` (.html or .pdf)."""
    return write(render_guide(module_name(module), lang=lang), out)


def write_handouts(module: str, *, out: Path, lang: str = "en") -> Path:
    """Write the syndicate handouts of ``module`` to ``out`` (.html or .pdf)."""
    return write(render_handouts(module_name(module), lang=lang), out)
