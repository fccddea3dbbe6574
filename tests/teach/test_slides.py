"""Slides: an offline reveal.js deck per module and language; notebooks tagged for RISE."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pocedu.cli import main
from pocedu.content.models.questions import MODULES
from pocedu.lab import find_modules
from pocedu.teach.guides import load_guide
from pocedu.teach.slides import HEIGHT, WIDTH, chunks, render_slides
from pocedu.teach.slidetags import slide_type, tag, untagged


@pytest.fixture(scope="module")
def decks() -> dict[tuple[str, str], str]:
    return {(m, lang): render_slides(m, lang=lang) for m in MODULES for lang in ("en", "fr")}


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("module", MODULES)
def test_deck_holds_every_presentation_block_offline(decks, module: str, lang: str) -> None:
    deck = decks[(module, lang)]
    guide = load_guide(module)
    for b in guide.blocks:
        if b.kind == "presentation":
            assert f"<h2>{b.title.get(lang)}</h2>" in deck.replace("&#39;", "'")
            assert b.notes.get(lang)[:40] in deck.replace("&#39;", "'")  # speaker notes
    assert "Reveal.initialize" in deck and f"width: {WIDTH}" in deck
    markup = re.sub(r"<script>.*?</script>", "", deck, flags=re.S)  # libraries' own strings
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", markup), "fetches from the web"
    assert "<script src" not in deck and "<link" not in deck
    assert deck.count("<section") >= 5


def test_decks_include_the_lessons_figures(decks) -> None:
    assert decks[("02_tiers_phases", "en")].count('class="plotly-graph-div"') >= 3
    assert decks[("05_capstone", "en")].count('class="plotly-graph-div"') >= 2


def test_chunks_keep_an_introduction_with_what_follows() -> None:
    md = "Three rules:\n\n- " + "\n- ".join(f"rule {i} " + "x" * 200 for i in range(4))
    parts = chunks(md, limit=500)
    assert parts[0].startswith("Three rules:\n\n- rule 0")
    assert sum(p.count("- rule") for p in parts) == 4 and len(parts) >= 2


def test_cli_writes_html_only(tmp_path: Path, capsys) -> None:
    assert main(["slides", "04", "--lang", "fr", "--out", str(tmp_path / "s.html")]) == 0
    assert main(["slides", "04", "--out", str(tmp_path / "s.pdf")]) == 1
    assert "slides are written as .html" in capsys.readouterr().err


@pytest.mark.parametrize("module", MODULES)
def test_notebooks_are_tagged_for_rise(module: str) -> None:
    nb = json.loads((find_modules() / module / f"{module}.ipynb").read_text(encoding="utf-8"))
    assert untagged(nb) == [], "run: python -m pocedu.teach.slidetags"
    kinds = [slide_type(c) for c in nb["cells"]]
    assert kinds[0] == "slide" and "skip" in kinds and "subslide" in kinds
    assert tag(nb) == 0


@pytest.mark.browser
def test_every_slide_fits_1280x720_and_figures_draw(tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    from pocedu.testing.browser import CHROMIUM_ARGS

    out = tmp_path / "deck.html"
    assert main(["slides", "02", "--out", str(out)]) == 0
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                    args=list(CHROMIUM_ARGS))
        page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        fetched: list[str] = []
        page.route(re.compile(r"^https?://"),
                   lambda route: (fetched.append(route.request.url), route.abort()))
        page.goto(out.as_uri())
        page.wait_for_function("window.Reveal && Reveal.isReady()")
        heights = page.evaluate("""() => Reveal.getSlides().map((s, i) => {
            Reveal.slide(i); return [s.querySelector('h1,h2').innerText, s.scrollHeight]; })""")
        drawn = page.evaluate("document.querySelectorAll('.plotly-graph-div .main-svg').length")
        Path("screenshots/teach").mkdir(parents=True, exist_ok=True)
        page.evaluate("Reveal.slide(3)")
        page.screenshot(path="screenshots/teach/slide02-3.png")
        browser.close()
    assert not errors and not fetched
    assert not [h for h in heights if h[1] > HEIGHT], "slides that overflow 1280x720"
    assert drawn >= 3
