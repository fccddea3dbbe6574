"""Facilitator guides and handouts: every module in both languages; no answers on handouts."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from pocedu.cli import main
from pocedu.content.models.questions import MODULES
from pocedu.teach.guides import load_guide
from pocedu.teach.render import render_guide, render_handouts


def _visible(page: str) -> str:
    """The text of an HTML page, tags dropped and entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def _answers(module: str) -> list[str]:
    """Every expected point, discussion point and correction of the guide, in both languages."""
    g = load_guide(module)
    texts = [e for a in g.activities for e in a.expected]
    texts += [e for d in g.discussions for e in d.expected]
    texts += [m.correction for m in g.misconceptions]
    return [t for x in texts for t in (x.en, x.fr) if t]


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("module", MODULES)
def test_handouts_carry_no_expected_answer(module: str, lang: str) -> None:
    page = _visible(render_handouts(module, lang=lang))
    guide = load_guide(module)
    for a in guide.activities:
        assert a.situation.get(lang)[:60] in " ".join(page.split())
    leaked = [t for t in _answers(module) if " ".join(t.split())[:80] in " ".join(page.split())]
    assert not leaked, f"{module} {lang}: handout shows {leaked[:2]}"


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("module", MODULES)
def test_guide_shows_plan_answers_and_misconceptions(module: str, lang: str) -> None:
    page = " ".join(_visible(render_guide(module, lang=lang)).split())
    guide = load_guide(module)
    for b in guide.blocks:
        assert b.title.get(lang) in page
    for a in guide.activities:
        assert " ".join(a.expected[0].get(lang).split()) in page
    for m in guide.misconceptions:
        assert m.belief.get(lang) in page
    if lang == "fr":
        for english in ("Lesson plan", "Expected points for the debrief", "Common misconceptions",
                        "Instructor material"):
            assert english not in page


def test_guide_links_misconceptions_to_bank_distractors() -> None:
    page = _visible(render_guide("01"))
    assert "01-imminence-multiple-12 (d)" in page
    assert "An attack expected within the next 24 hours" in page


def test_cli_writes_html_and_refuses_other_formats(tmp_path: Path, capsys) -> None:
    out = tmp_path / "g.html"
    assert main(["guide", "03", "--lang", "fr", "--out", str(out)]) == 0
    assert "Plan de séance" in out.read_text(encoding="utf-8")
    assert main(["handouts", "03", "--out", str(tmp_path / "h.docx")]) == 1
    assert "write .html or .pdf" in capsys.readouterr().err
    assert main(["guide", "09", "--out", str(out)]) == 1
    assert "unknown module '09'" in capsys.readouterr().err


@pytest.mark.skipif(not shutil.which("chromium"), reason="needs Debian chromium")
def test_guide_prints_to_pdf_with_chromium(tmp_path: Path) -> None:
    out = tmp_path / "guide02.pdf"
    assert main(["guide", "02", "--lang", "fr", "--out", str(out)]) == 0
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
        pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    else:
        pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
    assert 4 <= pages <= 15
