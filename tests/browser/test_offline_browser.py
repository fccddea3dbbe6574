"""No network: every module renders with the browser cut off from all but the local server.

Every browser context of this suite routes requests through ``OfflineGuard``, which aborts and
records any request to a host other than 127.0.0.1/localhost. A module passes only if nothing
at all was blocked, so no figure or widget can depend on a CDN.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import ModuleRuns, Tab, module_notebooks

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.mark.parametrize("notebook", module_notebooks(), ids=lambda p: p.parent.name)
def test_module_renders_offline(module_runs: ModuleRuns, notebook: Path) -> None:
    run = module_runs.get(notebook)
    assert not run.failure, run.failure
    assert not run.blocked, ("requests to the network were blocked (a CDN?):\n"
                             + "\n".join(run.blocked))
    figures = run.report.figures
    assert all(f["traces"] and f["has_svg"] for f in figures), figures
    assert len(figures) >= run.expected.figures


def test_guard_really_cuts_the_network(tab: Tab) -> None:
    """A script and a fetch from a CDN fail in the page and are recorded as blocked."""
    page = tab.page
    page.goto(f"{tab.server.base_url}/lab?reset&token={tab.server.token}")
    page.wait_for_function("() => !!window.jupyterapp", timeout=60_000)
    outcome = page.evaluate("""async () => {
      const script = await new Promise(resolve => {
        const s = document.createElement('script');
        s.src = 'https://cdn.plot.ly/plotly-2.35.2.min.js';
        s.onload = () => resolve('loaded');
        s.onerror = () => resolve('failed');
        document.head.appendChild(s);
      });
      let fetched;
      try { await fetch('https://cdnjs.cloudflare.com/ajax/libs/mathjax/2.7.5/MathJax.js');
            fetched = 'loaded'; } catch (e) { fetched = 'failed'; }
      return {script, fetched};
    }""")
    assert outcome == {"script": "failed", "fetched": "failed"}
    assert any("cdn.plot.ly" in u for u in tab.guard.blocked)
    assert any("cdnjs.cloudflare.com" in u for u in tab.guard.blocked)
    # the local server still answers through the same guard
    status = page.evaluate("async () => (await fetch('/api/status')).status")
    assert status == 200
