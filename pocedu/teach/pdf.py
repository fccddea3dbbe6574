"""HTML to PDF through Debian's headless Chromium, with no network."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import PoceduEnvironmentError, PoceduError

CANDIDATES = ("chromium", "chromium-browser", "google-chrome")


def chromium() -> Path:
    """The Chromium executable; PoceduEnvironmentError saying how to install it."""
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return Path(found)
    if Path("/usr/bin/chromium").is_file():
        return Path("/usr/bin/chromium")
    raise PoceduEnvironmentError(
        "Chromium is needed to write a PDF: install it (Debian: apt-get install chromium) or "
        "write .html and print it from a browser")


def html_to_pdf(html: str, out: Path, *, timeout: float = 120) -> Path:
    """Print ``html`` (self-contained, no network) to the PDF file ``out``."""
    from ..testing.browser import CHROMIUM_ARGS

    out = Path(out).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="pocedu-pdf-") as tmp:
        page = Path(tmp) / "page.html"
        page.write_text(html, encoding="utf-8")
        cmd = [str(chromium()), "--headless", *CHROMIUM_ARGS, "--no-pdf-header-footer",
               f"--user-data-dir={Path(tmp) / 'profile'}", f"--print-to-pdf={out}",
               page.as_uri()]
        try:
            run = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout,
                                 check=False)
        except subprocess.TimeoutExpired:
            raise PoceduError(
                f"Chromium did not finish printing {out.name} in {timeout:g} s") from None
        if run.returncode != 0 or not out.is_file() or out.stat().st_size == 0:
            tail = (run.stderr or "").strip().splitlines()[-3:]
            raise PoceduError(f"Chromium could not print {out.name}", tail)
    return out


def screenshot(html: str, out: Path, *, size: tuple[int, int] = (1280, 720),
               timeout: float = 120) -> Path:
    """A PNG of ``html`` at ``size`` (to look at a slide or a page)."""
    from ..testing.browser import CHROMIUM_ARGS

    out = Path(out).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="pocedu-png-") as tmp:
        page = Path(tmp) / "page.html"
        page.write_text(html, encoding="utf-8")
        cmd = [str(chromium()), "--headless", *CHROMIUM_ARGS, "--hide-scrollbars",
               f"--user-data-dir={Path(tmp) / 'profile'}", f"--window-size={size[0]},{size[1]}",
               "--virtual-time-budget=5000", f"--screenshot={out}", page.as_uri()]
        subprocess.run(cmd, capture_output=True, timeout=timeout, check=False)
    if not out.is_file():
        raise PoceduError(f"Chromium could not take a screenshot to {out}")
    return out
