"""A module's presentation blocks as one offline reveal.js deck (1280x720).

The deck follows the facilitator guide: a title slide, the objectives, then for each
presentation block a divider (with the instructor's notes as speaker notes) and the lesson
notebook's text and figures of the block's sections. reveal.js (vendored in
``pocedu/teach/assets/reveal``) and plotly.js are inlined: the file opens with no network.
"""

from __future__ import annotations

import inspect
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import PoceduError
from ..i18n import check_language, gettext
from .slidetags import FIGURE_CALL

ASSETS = Path(__file__).parent / "assets" / "reveal"
SLIDE_CHARS = 520
"""About how much running text fits on one 1280x720 slide at the deck's font size."""
WIDTH, HEIGHT = 1280, 720


@dataclass
class Section:
    """A lesson section of the notebook: its title and its text and figure parts, in order."""

    slug: str
    title: str
    parts: list[tuple[str, str]] = field(default_factory=list)
    """("markdown", source) or ("figure", figure name)."""


def notebook_for(module: str, lang: str) -> Path:
    """The module's notebook in ``lang`` (``NN_name.fr.ipynb`` when it exists), else English."""
    from ..lab import find_modules

    folder = find_modules() / module
    localised = folder / f"{module}.{lang}.ipynb"
    return localised if lang != "en" and localised.is_file() else folder / f"{module}.ipynb"


def sections(notebook: Path) -> dict[str, Section]:
    """The notebook's ``##`` sections by slug, with their markdown and figure cells.

    A translated notebook (``NN_name.fr.ipynb``) is generated cell for cell from the English
    one, so its sections keep the slugs of the English headings (the ids the guides use).
    """
    import nbformat

    from ..sections import slug

    cells = nbformat.read(notebook, as_version=4).cells
    english = notebook.with_name(notebook.name.split(".")[0] + ".ipynb")
    source_cells = nbformat.read(english, as_version=4).cells if english != notebook else cells

    def english_heading(i: int) -> str | None:
        cell = source_cells[i] if i < len(source_cells) else None
        if cell is None or cell.cell_type != "markdown":
            return None
        return next((ln for ln in cell.source.splitlines() if ln.startswith("## ")), None)

    out: dict[str, Section] = {}
    current: Section | None = None
    for i, cell in enumerate(cells):
        if cell.cell_type == "markdown":
            heading = next((ln for ln in cell.source.splitlines() if ln.startswith("## ")), None)
            if heading:
                key = english_heading(i) or heading
                current = Section(slug(key[3:]), re.sub(r"^##\s*", "", heading))
                out[current.slug] = current
                body = cell.source.split(heading, 1)[1]
                if body.strip():
                    current.parts.append(("markdown", body))
                continue
            if current:
                current.parts.append(("markdown", cell.source))
        elif cell.cell_type == "code" and current and (m := FIGURE_CALL.match(cell.source)):
            current.parts.append(("figure", m.group("name") or f"sr.{m.group('sr')}"))
    return out


_ITEM = re.compile(r"^(?:[-*+]|\d+\.)\s")


def _blocks(markdown: str) -> list[tuple[str, bool]]:
    """Markdown split at blank lines and between list items: (text, is a list item)."""
    blocks: list[tuple[str, bool]] = []
    for para in re.split(r"\n\s*\n", markdown.strip()):
        lines = para.splitlines()
        if not lines or re.fullmatch(r"<a id=[^>]*></a>", para.strip()):
            continue
        if _ITEM.match(lines[0]):
            items: list[list[str]] = []
            for ln in lines:
                if _ITEM.match(ln) or not items:
                    items.append([ln])
                else:
                    items[-1].append(ln)
            blocks += [("\n".join(i), True) for i in items]
        else:
            blocks.append((para, False))
    return blocks


def chunks(markdown: str, limit: int = SLIDE_CHARS) -> list[str]:
    """Markdown cut into slide-sized pieces: at ``###`` headings, or when ``limit`` is passed
    (a list may continue on the next slide; an introduction ending in ':' stays with what
    follows)."""
    out: list[str] = []
    cur, size, glue, last_item = "", 0, False, False
    for block, item in _blocks(markdown):
        weight = _weight(block)
        if cur and not glue and (block.startswith("#") or size + weight > limit):
            out.append(cur)
            cur, size = "", 0
        sep = "\n" if (item and last_item and cur) else "\n\n"
        cur = f"{cur}{sep}{block}" if cur else block
        size += weight
        glue, last_item = block.rstrip().endswith(":"), item
    if cur:
        out.append(cur)
    return out


def _weight(block: str) -> int:
    """How much of a slide a block fills: tables and lists are set smaller or shorter."""
    if block.lstrip().startswith("|"):
        cells = sum(len(c.strip()) for ln in block.splitlines() if not set(ln) <= set("|-: ")
                    for c in ln.split("|"))
        return int(cells * 0.55) + 60 * block.count("\n")
    return len(block) + 40


def _markdown() -> Any:
    import mistune

    return mistune.create_markdown(escape=False, plugins=["table", "strikethrough"])


def figure_html(name: str, *, lang: str) -> str | None:
    """A figure of the lesson as an HTML div sized for a slide (None if not a plotly figure)."""
    import plotly.graph_objects as go

    if name.startswith("sr."):
        from .. import scenario as sr

        func = getattr(sr, name[3:])
    else:
        from .. import figures

        func = getattr(figures, name)
    kwargs = {"lang": lang} if "lang" in inspect.signature(func).parameters else {}
    fig = func(**kwargs)
    if not isinstance(fig, go.Figure):
        return None
    # the slide's heading and caption replace the figure's own title and subtitle
    caption = " — ".join(re.sub(r"<[^>]+>", " ", x) for x in
                         (fig.layout.title.text, fig.layout.title.subtitle.text) if x)
    top = int(fig.layout.margin.t or 90)
    width = int(fig.layout.width or WIDTH - 80)
    height = int(fig.layout.height or 560) - max(top - 40, 0)
    fig.update_layout(title=None, width=width, height=height, autosize=False,
                      margin={"t": 40})
    # drawn at the size it was designed for, then scaled to fill the slide below its heading
    scale = min((WIDTH - 80) / width, (HEIGHT - 160) / height, 1.6)
    div = fig.to_html(full_html=False, include_plotlyjs=False,
                      config={"displayModeBar": False, "responsive": False})
    from markupsafe import escape

    return (f'<p class="caption">{escape(caption)}</p>'
            f'<div style="width:{width * scale:.0f}px;height:{height * scale:.0f}px;'
            f'margin:0 auto"><div style="width:{width}px;height:{height}px;'
            f'transform:scale({scale:.3f});transform-origin:0 0">{div}</div></div>')


def slide_labels(lang: str) -> dict[str, str]:
    """Words of the deck, in ``lang``."""
    return {
        "objectives": gettext("Learning objectives", lang),
        "continued": gettext("continued", lang),
        "minutes": gettext("min", lang),
        "figure_note": gettext("Figure in English: its French labels are not yet available.",
                               lang),
        "source_note": gettext("Text from the English notebook: the French notebook is not yet "
                               "available.", lang),
    }


def deck_context(module: str, *, lang: str = "en") -> dict:
    """The slides of ``module`` in ``lang`` (title, objectives, presentation blocks)."""
    from ..content.loader import packaged
    from .guides import load_guide, module_name, objectives

    check_language(lang)
    name = module_name(module)
    content = packaged()
    guide = load_guide(name, content=content)
    notebook = notebook_for(name, lang)
    secs = sections(notebook)
    md = _markdown()
    english_text = lang != "en" and not notebook.name.endswith(f".{lang}.ipynb")
    t = slide_labels(lang)
    blocks = []
    for b in guide.blocks:
        if b.kind != "presentation":
            continue
        slides = []
        for s in b.sections:
            sec = secs.get(s)
            if sec is None:
                raise PoceduError(f"{notebook.name}: no section '{s}' for block {b.id}")
            first = True
            for kind, value in sec.parts:
                if kind == "markdown":
                    for piece in chunks(value):
                        title = sec.title if first else f"{sec.title} ({t['continued']})"
                        slides.append({"title": title, "html": md(piece), "figure": False})
                        first = False
                else:
                    div = figure_html(value, lang=lang)
                    if div:
                        slides.append({"title": sec.title, "html": div, "figure": True})
        blocks.append({"block": b, "slides": slides})
    return {"guide": guide, "lang": lang, "t": t, "blocks": blocks,
            "objectives": objectives(guide, content), "english_text": english_text,
            "english_figures": lang != "en"}


def _asset(name: str) -> str:
    return (ASSETS / name).read_text(encoding="utf-8")


def render_slides(module: str, *, lang: str = "en") -> str:
    """The deck as one self-contained HTML file (reveal.js and plotly.js inlined)."""
    from plotly.offline import get_plotlyjs

    from .render import _env

    ctx = deck_context(module, lang=lang)
    return _env().get_template("slides.html.j2").render(
        **ctx, reveal_css=_asset("reveal.css"), theme_css=_asset("white.css"),
        reveal_js=_asset("reveal.js"), notes_js=_asset("notes.js"), plotly_js=get_plotlyjs(),
        width=WIDTH, height=HEIGHT)


def write_slides(module: str, *, out: Path, lang: str = "en") -> Path:
    """Write the deck of ``module`` to ``out`` (.html)."""
    out = Path(out)
    if out.suffix.lower() not in (".html", ".htm"):
        raise PoceduError(f"{out}: slides are written as .html (open it in a browser, "
                          "press F for full screen and S for the speaker notes)")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_slides(module, lang=lang), encoding="utf-8")
    return out
