"""``pocedu html``: export a lesson module to one HTML file that opens offline."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "html",
        help="export a lesson module to one offline HTML file (no internet needed to open it)",
        description="Run a lesson module and save it as one HTML file that opens in any browser "
        "with no internet connection: text, figures and every question as a printable card "
        "(no answers). Students answer the questions interactively with `pocedu lab`.",
    )
    p.add_argument("target", metavar="MODULE_OR_NOTEBOOK",
                   help="a module (01 or 01_definitions), its folder, or a notebook file")
    p.add_argument("--out", type=Path,
                   help="HTML file to write (default: ./<notebook name>.html)")
    p.add_argument("--lang", default="en", help="language of the question cards (default: en)")
    p.add_argument("--modules", type=Path, help="folder holding the module notebooks")
    p.set_defaults(handler=_html)


def _html(args: argparse.Namespace) -> int:
    from ..offline_html import OfflineExportError, export_module_html, resolve_notebook

    try:
        notebook = resolve_notebook(args.target, modules=args.modules)
        print(f"running {notebook} ...", file=sys.stderr)
        out = export_module_html(notebook=notebook, out=args.out, lang=args.lang)
    except (FileNotFoundError, OfflineExportError, KeyError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    print(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB); it opens offline")
    return 0
