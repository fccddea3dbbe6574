"""Translated lesson notebooks are built from the English one: they cannot drift."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest

from pocedu.cli import main
from pocedu.notebook_i18n import (
    check_module,
    paragraphs,
    po_path,
    read_catalog,
    translated_path,
    write_catalog,
)

MODULES = Path(__file__).resolve().parents[1] / "modules"


def _notebook(tmp_path: Path) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("# Module 99\n\nFirst paragraph.\n\n"
                                      '<div class="alert">\nA box\n\nwith two lines\n</div>'),
        nbformat.v4.new_code_cell('from pocedu import lesson; lesson.start("01_definitions")'),
        nbformat.v4.new_markdown_cell("## 1. Section\n\nSecond paragraph."),
        nbformat.v4.new_code_cell('lesson.ask(["01-definition-single-01"])'),
    ]
    path = tmp_path / "99_test.ipynb"
    path.write_text(nbformat.writes(nb), encoding="utf-8")
    return path


def test_paragraphs_keep_html_blocks_whole() -> None:
    assert paragraphs("# T\n\nA\nB\n\n<div>\nx\n\ny\n</div>\n\nC") == \
        ["# T", "A\nB", "<div>\nx\n\ny\n</div>", "C"]


FR = {"# Module 99": "# Module 99 (fr)", "First paragraph.": "Premier paragraphe.",
      "## 1. Section": "## 1. Section (fr)", "Second paragraph.": "Deuxième paragraphe."}


def _translate(path: Path) -> None:
    catalog = read_catalog(po_path(path, "fr"), "fr")
    for m in catalog:
        if m.id:
            m.string = FR.get(m.id, f"[fr] {m.id}")
    write_catalog(catalog, po_path(path, "fr"))


def test_translated_notebook_has_the_same_cells_code_and_ids(tmp_path: Path, capsys) -> None:
    path = _notebook(tmp_path)
    assert main(["translations", "notebook", str(path)]) == 0
    assert "5 paragraphs, 0 translated" in capsys.readouterr().out
    assert main(["translations", "notebook", str(path), "--build"]) == 1  # nothing translated
    _translate(path)
    assert main(["translations", "notebook", str(path), "--build"]) == 0
    en = json.loads(path.read_text(encoding="utf-8"))
    fr = json.loads(translated_path(path, "fr").read_text(encoding="utf-8"))
    assert [c["id"] for c in fr["cells"]] == [c["id"] for c in en["cells"]]
    assert [c["cell_type"] for c in fr["cells"]] == [c["cell_type"] for c in en["cells"]]
    assert "".join(fr["cells"][0]["source"]).startswith("# Module 99 (fr)\n\nPremier paragraphe.")
    assert "".join(fr["cells"][1]["source"]) == \
        'from pocedu import lesson; lesson.start("01_definitions", lang="fr")'
    assert "".join(fr["cells"][3]["source"]) == 'lesson.ask(["01-definition-single-01"])'
    assert check_module(path, "fr") == []


def test_a_changed_english_paragraph_is_reported_and_marked_for_review(tmp_path: Path,
                                                                       capsys) -> None:
    path = _notebook(tmp_path)
    main(["translations", "notebook", str(path)])
    _translate(path)
    main(["translations", "notebook", str(path), "--build"])
    text = path.read_text(encoding="utf-8").replace("Second paragraph.", "Second, edited.")
    path.write_text(text, encoding="utf-8")
    problems = check_module(path, "fr")
    assert any("no translation" in p or "English changed" in p for p in problems), problems
    assert any("out of date" in p for p in problems), problems
    capsys.readouterr()
    main(["translations", "notebook", str(path)])
    assert "1 to review" in capsys.readouterr().out


@pytest.mark.parametrize("notebook", sorted(p for p in MODULES.glob("*/*.ipynb")
                                            if p.suffixes == [".ipynb"]
                                            and po_path(p, "fr").exists()),
                         ids=lambda p: p.stem)
def test_committed_french_notebooks_are_complete_and_in_sync(notebook: Path) -> None:
    assert check_module(notebook, "fr") == []
