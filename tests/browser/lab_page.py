"""Driving one notebook in JupyterLab: open, run all, inspect what rendered, screenshot, save."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

NOTEBOOK_READY = """() => {
  const app = window.jupyterapp;
  const w = app && app.shell.currentWidget;
  const s = w && w.sessionContext && w.sessionContext.session;
  return !!(w && w.context && w.context.isReady && s && s.kernel
            && s.kernel.connectionStatus === 'connected' && s.kernel.status === 'idle');
}"""

RUN_ALL = """async () => {
  const app = window.jupyterapp;
  await app.commands.execute('notebook:run-all-cells');
  return true;
}"""

ALL_EXECUTED = """() => {
  const w = window.jupyterapp.shell.currentWidget;
  const k = w.sessionContext.session && w.sessionContext.session.kernel;
  const cells = w.content.widgets.filter(c => c.model.type === 'code');
  return !!k && k.status === 'idle'
    && cells.every(c => c.model.executionCount !== null && c.model.executionCount !== undefined);
}"""

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
PLOTLY_MIME = "application/vnd.plotly.v1+json"

PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"
"""The notebook tab in front."""

RENDER_STATE = """() => {
  const panel = '%s';
  const outs = [...document.querySelectorAll(panel + ' .jp-OutputArea-output')];
  const widgetOuts = outs.filter(o => o.dataset.mimeType === '%s');
  const pending = widgetOuts.filter(
    o => !o.querySelector('.jupyter-widgets, .widget-box, .lm-Widget'));
  return {
    widget_outputs: widgetOuts.length,
    widgets_pending: pending.length,
    plotly_outputs: outs.filter(o => o.dataset.mimeType === '%s').length,
    plots: document.querySelectorAll(panel + ' .js-plotly-plot').length,
    questions: document.querySelectorAll(panel + ' .pocedu-q').length,
    broken_widgets: [...document.querySelectorAll(panel + ' .jupyter-widgets-error-widget')]
      .map(e => (e.innerText || e.textContent || e.title || 'error widget').slice(0, 300)),
  };
}""" % (PANEL, WIDGET_MIME, PLOTLY_MIME)  # noqa: UP031 - JavaScript braces

FIGURE_REPORT = """() => [...document.querySelectorAll(
    '.jp-NotebookPanel:not(.lm-mod-hidden) .js-plotly-plot')].map((gd, i) => {
  const svg = gd.querySelector('.main-svg');
  const box = svg ? svg.getBoundingClientRect() : {width: 0, height: 0};
  const data = gd._fullData || [];
  const drawn = gd.querySelectorAll(
    '.trace, .sankey-node, .sankey-link, .hm, .scatterlayer path, .barlayer path,'
    + ' .heatmaplayer image, .pielayer path').length;
  const title = gd.querySelector('.gtitle');
  return {index: i, title: title ? title.textContent : '', has_svg: !!svg,
          width: box.width, height: box.height, traces: data.length, drawn: drawn};
})"""

ERROR_TEXTS = ("Error displaying widget", "widget could not be displayed", "Loading widget...",
               "Failed to display", "Could not render", "model not found")
"""Text that must not be left in a notebook once it has run."""

STDERR_OUTPUTS = """() => [...document.querySelectorAll(
    '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-output')]
  .filter(o => o.dataset.mimeType === 'application/vnd.jupyter.stderr'
               || o.classList.contains('jp-mod-error')
               || o.dataset.mimeType === 'application/vnd.jupyter.error')
  .map(o => o.innerText.slice(0, 600))"""

SCROLLER = ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-WindowedPanel-outer"

VISIBLE_CODE = """() => [...document.querySelectorAll(
    '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell')]
  .filter(c => [...c.querySelectorAll('.jp-InputArea, .jp-InputPlaceholder')]
                 .some(e => e.offsetHeight > 0 && getComputedStyle(e).display !== 'none'))
  .map(c => (c.querySelector('.jp-InputArea-editor, .jp-InputPlaceholder') || c)
              .innerText.trim().slice(0, 60))"""
"""Python a student can see: code cells whose input (or its one-line preview) is shown."""


@dataclass
class RenderReport:
    """What a notebook shows after Run All."""

    questions: int
    """Question widgets (``.pocedu-q`` roots) rendered."""
    widget_outputs: int
    widgets_pending: int
    """Widget outputs with no rendered view inside."""
    plotly_outputs: int
    figures: list[dict[str, Any]]
    error_texts: list[str] = field(default_factory=list)
    error_outputs: list[str] = field(default_factory=list)
    broken_widgets: list[str] = field(default_factory=list)
    """Texts of ipywidgets' error views (a widget whose view could not be created)."""
    visible_code: list[str] = field(default_factory=list)
    """Code cells whose Python shows (students never see code)."""

    def problems(self, *, min_questions: int = 0, min_figures: int = 0) -> list[str]:
        """Everything a student would see as broken; empty when all is well."""
        out = []
        if self.questions < min_questions:
            out.append(f"{self.questions} question widgets rendered, expected {min_questions}")
        if self.widgets_pending:
            out.append(f"{self.widgets_pending} of {self.widget_outputs} widget outputs "
                       "show no widget")
        if len(self.figures) < max(min_figures, self.plotly_outputs):
            out.append(f"{len(self.figures)} plotly figures drawn, expected "
                       f"{max(min_figures, self.plotly_outputs)}")
        for f in self.figures:
            if not f["has_svg"] or f["width"] < 50 or f["height"] < 50:
                out.append(f"figure {f['index']} ({f['title']!r}) is blank: {f}")
            elif f["traces"] < 1 or f["drawn"] < 1:
                out.append(f"figure {f['index']} ({f['title']!r}) has no trace drawn: {f}")
        out += [f"widget could not be displayed: {t!r}" for t in self.broken_widgets]
        out += [f"text on the page: {t!r}" for t in self.error_texts]
        out += [f"error output: {t}" for t in self.error_outputs]
        out += [f"Python on screen: {t!r}" for t in self.visible_code]
        return out


def open_notebook(page: Any, url: str, *, timeout: float = 90) -> None:
    """Open a notebook URL and wait until its kernel is connected and idle."""
    page.goto(url)
    page.wait_for_function(NOTEBOOK_READY, timeout=timeout * 1000, polling=250)


def run_all(page: Any, *, timeout: float = 180) -> None:
    """Run all cells (JupyterLab's own command) and wait until every code cell has run."""
    page.evaluate(RUN_ALL)
    page.wait_for_function(ALL_EXECUTED, timeout=timeout * 1000, polling=250)


def scroll_through(page: Any, *, pause_ms: int = 150) -> None:
    """Scroll the notebook top to bottom, so that every output is laid out and drawn."""
    height = page.eval_on_selector(SCROLLER, "e => e.scrollHeight")
    step = page.eval_on_selector(SCROLLER, "e => e.clientHeight")
    for y in range(0, int(height) + int(step), max(int(step), 200)):
        page.eval_on_selector(SCROLLER, f"e => e.scrollTo(0, {y})")
        page.wait_for_timeout(pause_ms)
    page.eval_on_selector(SCROLLER, "e => e.scrollTo(0, 0)")


def wait_rendered(page: Any, *, timeout: float = 60) -> dict[str, Any]:
    """Wait until no widget output is still empty and every plotly output has its plot."""
    page.wait_for_function(
        f"() => {{ const s = ({RENDER_STATE})();"
        " return s.widgets_pending === 0 && s.plots >= s.plotly_outputs; }",
        timeout=timeout * 1000, polling=300)
    return page.evaluate(RENDER_STATE)


def render_report(page: Any) -> RenderReport:
    """Inspect the open notebook (after ``run_all``) for everything that should have rendered."""
    scroll_through(page)
    state = page.evaluate(RENDER_STATE)
    text = page.inner_text(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook")
    found = [t for t in ERROR_TEXTS if t.lower() in text.lower()]
    errors = [e for e in page.evaluate(STDERR_OUTPUTS) if e.strip()]
    return RenderReport(questions=state["questions"], widget_outputs=state["widget_outputs"],
                        widgets_pending=state["widgets_pending"],
                        plotly_outputs=state["plotly_outputs"],
                        figures=page.evaluate(FIGURE_REPORT), error_texts=found,
                        error_outputs=errors, broken_widgets=state["broken_widgets"],
                        visible_code=page.evaluate(VISIBLE_CODE))


def screenshots(page: Any, folder: Path, stem: str) -> list[Path]:
    """Viewport screenshots scrolling the notebook top to bottom: ``stem-01.png``, ...

    JupyterLab scrolls inside its notebook panel, so a full-page shot shows one screen only.
    """
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob(f"{stem}-*.png"):
        old.unlink()
    height = int(page.eval_on_selector(SCROLLER, "e => e.scrollHeight"))
    step = max(int(page.eval_on_selector(SCROLLER, "e => e.clientHeight")) - 60, 200)
    shots = []
    for n, y in enumerate(range(0, height, step), start=1):
        page.eval_on_selector(SCROLLER, f"e => e.scrollTo(0, {y})")
        page.wait_for_timeout(120)
        path = folder / f"{stem}-{n:02d}.png"
        page.screenshot(path=str(path))
        shots.append(path)
    page.eval_on_selector(SCROLLER, "e => e.scrollTo(0, 0)")
    return shots


def save(page: Any) -> None:
    """Save the notebook with Ctrl+S as a student would, and wait until it is clean."""
    page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook").click(
        position={"x": 5, "y": 5})
    page.keyboard.press("Control+s")
    page.wait_for_function(
        "() => { const w = window.jupyterapp.shell.currentWidget;"
        " return w && w.context && !w.context.model.dirty; }", timeout=30_000)


def close_current_tab(page: Any) -> None:
    """Close the open notebook tab (the document must be saved first)."""
    page.evaluate("() => window.jupyterapp.commands.execute('application:close')")
    page.wait_for_function(
        "() => !document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)')",
        timeout=30_000)


def slug(text: str) -> str:
    """A file-name-safe version of ``text``."""
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", text).strip("-")
