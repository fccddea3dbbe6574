"""A module exported with ``pocedu html`` draws in Chromium with the network cut off."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pocedu.offline_html import export_module_html

REPO = Path(__file__).resolve().parents[2]
MODULE_01 = REPO / "modules" / "01_definitions" / "01_definitions.ipynb"
pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_module_01_draws_with_the_network_cut(browser: Any, tmp_path: Path,
                                              screenshot_dir: Path):
    exported = export_module_html(notebook=MODULE_01, out=tmp_path / "m01.html")
    requested: list[str] = []

    def only_files(route) -> None:
        url = route.request.url
        if url.startswith(("file:", "data:", "blob:")):
            route.continue_()
        else:
            requested.append(url)
            route.abort("internetdisconnected")

    context = browser.new_context(viewport={"width": 1200, "height": 1600})
    try:
        context.route("**/*", only_files)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda err: errors.append(str(err)))
        page.goto(exported.as_uri())
        page.wait_for_selector(".js-plotly-plot .main-svg", timeout=20_000)
        for width, height in ((1366, 768), (360, 740)):  # a laptop and a phone
            page.set_viewport_size({"width": width, "height": height})
            page.wait_for_timeout(300)
            page.screenshot(path=str(screenshot_dir / f"offline-01-{width}px.png"))
            wide = page.evaluate("() => document.documentElement.scrollWidth")
            if width == 360:
                assert wide <= 360 + 2, f"the page is {wide} px wide on a 360 px phone"
        figures = page.locator(".js-plotly-plot").count()
        cards = page.locator(".pocedu-card").count()
        traces = page.evaluate(
            "() => [...document.querySelectorAll('.js-plotly-plot')]"
            ".map(d => d.querySelectorAll('.main-svg .trace, .main-svg .scatterlayer').length)")
    finally:
        context.close()
    assert requested == []
    assert errors == []
    assert figures >= 2 and all(traces), traces
    assert cards >= 8
