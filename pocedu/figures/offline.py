"""Make plotly figures render with no CDN: in JupyterLab 4 and in nbconvert HTML export.

What plotly 7 does by itself: in a Jupyter kernel its default renderer is ``plotly_mimetype``
only. JupyterLab draws that through the ``jupyterlab-plotly`` extension (plotly.js bundled,
offline), but nbconvert's HTML exporter does not know the mimetype, so exported figures are
blank. The stock ``notebook`` renderer adds ``text/html`` but puts a MathJax script from
cdnjs.cloudflare.com into every figure, and ``notebook_connected`` loads plotly.js from cdn.plot.ly.

pocedu therefore uses two renderers together:

- ``pocedu_mimetype``: the plotly mimetype (JupyterLab prefers it: the extension's rank 2 beats
  HTML's 50), with pocedu's plot config;
- ``pocedu_html``: a ``text/html`` fallback with the figure ``<div>`` and its ``Plotly.newPlot``
  call, without plotly.js or MathJax.

plotly.js itself is embedded once, inline, by ``setup_offline()`` (an HTML output holding the
bundle), so an exported page defines ``window.Plotly`` before the first figure. No output
contains an ``http(s)`` script. (The bundle's own text names cdn.plot.ly as the default place
for geographic map shapes; pocedu draws no geographic maps, so nothing is fetched.)
"""

from __future__ import annotations

from typing import Any

from plotly.io import renderers, to_html
from plotly.io._base_renderers import MimetypeRenderer, PlotlyRenderer

MIMETYPE = "pocedu_mimetype"
HTML = "pocedu_html"
RENDERER = f"{MIMETYPE}+{HTML}"
CONFIG: dict[str, Any] = {"displaylogo": False, "responsive": True}

_state = {"configured": False}


class OfflineHtmlRenderer(MimetypeRenderer):
    """``text/html`` for exported notebooks: figure div and script only, no plotly.js, no CDN."""

    def __init__(self, config: dict[str, Any] | None = None) -> None:
        self.config = dict(config or {})

    def to_mimebundle(self, fig_dict: dict[str, Any]) -> dict[str, str]:
        html = to_html(
            fig_dict, config=self.config, include_plotlyjs=False, include_mathjax=False,
            full_html=False, default_width="100%", default_height=525, validate=False,
            auto_play=False,
        )
        return {"text/html": html}


def plotly_js_html() -> str:
    """An HTML snippet holding the whole plotly.js bundle inline (about 4.8 MB)."""
    from plotly.offline import get_plotlyjs

    return (
        "<script type=\"text/javascript\">"
        "window.PlotlyConfig = {MathJaxConfig: 'local'};</script>\n"
        f"<script type=\"text/javascript\">{get_plotlyjs()}</script>"
    )


def _kernel_shell() -> Any:
    """The IPython shell when running inside a Jupyter kernel, else None."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with ipykernel
        return None
    shell = get_ipython()
    return shell if getattr(shell, "kernel", None) is not None else None


def setup_offline(*, embed: bool = True) -> None:
    """Configure plotly for offline use (``plotly.io.renderers.default`` becomes ``RENDERER``).

    Registers the two pocedu renderers and makes them the default. Inside a Jupyter kernel
    (and with ``embed=True``) it also displays plotly.js once, inline, so that nbconvert HTML
    exports work without a network; call it in a lesson's set-up cell. Safe to call again.
    """
    renderers[MIMETYPE] = PlotlyRenderer(config=CONFIG)
    renderers[HTML] = OfflineHtmlRenderer(config=CONFIG)
    renderers.default = RENDERER
    renderers.render_on_display = True
    _state["configured"] = True
    if embed and _kernel_shell() is not None:
        from IPython.display import display

        display({"text/html": plotly_js_html()}, raw=True)


def ensure_offline() -> None:
    """Run ``setup_offline()`` once per process if nobody has yet (figure functions call this)."""
    if not _state["configured"]:
        setup_offline()
