"""Slide types for the lesson notebooks (``metadata.slideshow.slide_type``), for RISE.

One rule decides every cell's type: the module title and each ``##`` section open a slide, other
text and the figures are sub-slides, and code that is not a figure (questions, set-up, progress,
tools) is skipped, as a projected lesson shows text and figures only. Only
``metadata.slideshow`` is written; cell sources and other metadata are left as they are.

``python -m pocedu.teach.slidetags [MODULES_DIR]`` tags every notebook in place;
``untagged(nb)`` lists the cells whose type differs from the rule (a test keeps them at zero).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

SlideType = str
FIGURE_CALL = re.compile(
    r"^\s*(?:lesson\.figure\(\s*[\"'](?P<name>\w+)[\"']|sr\.(?P<sr>briefing|map_figure|"
    r"trend_figure|groups_figure)\()")


def _heading(source: str) -> int:
    """The level of the first markdown heading in ``source`` (0 if none)."""
    for line in source.splitlines():
        if m := re.match(r"^(#{1,6})\s", line):
            return len(m.group(1))
        if line.strip() and not line.lstrip().startswith("<a "):
            return 0
    return 0


def slide_type(cell: Any) -> SlideType:
    """The slide type the rule gives ``cell``."""
    source = cell.get("source", "")
    source = "".join(source) if isinstance(source, list) else source
    if cell.get("cell_type") == "markdown":
        level = _heading(source)
        return "slide" if level in (1, 2) else "subslide"
    if cell.get("cell_type") == "code" and FIGURE_CALL.match(source):
        return "subslide"
    return "skip"


def tag(nb: Any) -> int:
    """Set every cell's slide type by the rule; returns how many cells changed."""
    changed = 0
    for cell in nb["cells"]:
        want = slide_type(cell)
        meta = cell.setdefault("metadata", {})
        if meta.get("slideshow", {}).get("slide_type") != want:
            meta["slideshow"] = {**meta.get("slideshow", {}), "slide_type": want}
            changed += 1
    return changed


def untagged(nb: Any) -> list[int]:
    """Indexes of the cells whose slide type differs from the rule."""
    return [i for i, c in enumerate(nb["cells"])
            if c.get("metadata", {}).get("slideshow", {}).get("slide_type") != slide_type(c)]


def tag_file(path: Path) -> int:
    """Tag the notebook at ``path`` in place (keeping its JSON layout); returns cells changed."""
    import json

    text = path.read_text(encoding="utf-8")
    nb = json.loads(text)
    changed = tag(nb)
    if changed:
        out = json.dumps(nb, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
        path.write_text(out, encoding="utf-8")
    return changed


def main(argv: list[str] | None = None) -> int:
    """Tag every module notebook under the modules folder (default: the repository's)."""
    from ..lab import find_modules

    args = sys.argv[1:] if argv is None else argv
    root = find_modules(modules=Path(args[0]) if args else None)
    for nb in sorted(root.glob("*/*.ipynb")):
        print(f"{nb.relative_to(root)}: {tag_file(nb)} cell(s) tagged")
    return 0


if __name__ == "__main__":
    sys.exit(main())
