"""Sizes of what students receive: a released quiz, and a module exported to offline HTML."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

EXTERNAL = (
    re.compile(r"""<(?:script|link)\b[^>]*?(?:src|href)\s*=\s*["'](https?://[^"']+)""",
               re.IGNORECASE),
    re.compile(r"""widgetRendererSrc\s*=\s*["'](https?://[^"']+)"""),
)
"""Network loads in nbconvert's page: script/link tags, and the widget manager it injects."""


def released_size(release_dir: Path, quiz: str) -> dict[str, int]:
    """Bytes of the released notebook and its items file."""
    folder = Path(release_dir) / quiz
    return {name: (folder / name).stat().st_size
            for name in (f"{quiz}.ipynb", f"{quiz}.items.json")}


@dataclass(frozen=True)
class HtmlExport:
    """A module notebook exported to one HTML file."""

    path: Path
    bytes: int
    external: list[str]
    """Addresses of scripts or stylesheets the page loads from the network (want none)."""
    has_widget_state: bool


def export_html(notebook: Any, dest: Path) -> HtmlExport:
    """Export an executed notebook as ``pocedu html`` does (``pocedu.offline_html``)."""
    import copy

    from pocedu.offline_html import replace_widgets, strip_network, to_html

    body = strip_network(to_html(replace_widgets(copy.deepcopy(notebook))))
    dest = Path(dest)
    dest.write_text(body, encoding="utf-8")
    external = sorted({url for pattern in EXTERNAL for url in pattern.findall(body)})
    return HtmlExport(dest, dest.stat().st_size, external,
                      "application/vnd.jupyter.widget-state+json" in body)
