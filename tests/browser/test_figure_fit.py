"""Every figure fits the 934 px notebook column at 1366x768 and reads on a projector.

Each figure of ``pocedu.figures`` and the capstone's plots is drawn in Chromium (offline) at
the column's width; ``figure_fit.FIT_JS`` measures every text box: not clipped, not over
another text, inside its box, at least 16 px, contrast at least 4.5:1, and the figure no
taller than the visible notebook panel.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from .figure_fit import COLUMN_PX, VISIBLE_PX, figure_page, measure

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _figures() -> dict[str, Callable[[], Any]]:
    import pocedu.figures as F
    from pocedu.scenario import plots

    out: dict[str, Callable[[], Any]] = {}
    for name in F.FIGURES:
        out[name] = lambda name=name: getattr(F, name)()
    for name in ("trend_figure", "groups_figure", "map_figure"):
        out[name] = lambda name=name: getattr(plots, name)()
    return out


FIGURES = _figures()


def _plotly(obj: Any) -> Any:
    return getattr(obj, "figure", obj) if not hasattr(obj, "to_plotly_json") else obj


@pytest.mark.parametrize("name", list(FIGURES))
def test_figure_fits_the_column_and_reads(name: str, browser: Any, tmp_path: Path,
                                          screenshot_dir: Path) -> None:
    fig = _plotly(FIGURES[name]())
    html = tmp_path / f"{name}.html"
    html.write_text(figure_page(fig), encoding="utf-8")
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    blocked: list[str] = []

    def only_files(route: Any) -> None:
        if route.request.url.startswith(("file:", "data:", "blob:")):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort("internetdisconnected")

    try:
        context.route("**/*", only_files)
        page = context.new_page()
        page.goto(html.as_uri())
        problems = measure(page)
        page.screenshot(path=str(screenshot_dir / f"figure-{name}.png"), full_page=True)
    finally:
        context.close()
    assert blocked == []
    assert problems and problems[0] == [], (
        f"{name} at {COLUMN_PX} px (visible height {VISIBLE_PX} px):\n- "
        + "\n- ".join(problems[0]))
