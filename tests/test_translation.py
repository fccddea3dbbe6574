"""Content translation through PO files: extract, translate, import, and the YAML stays intact."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from babel.messages.pofile import read_po, write_po

from pocedu.cli import main
from pocedu.content.loader import PACKAGED

SAMPLE = """\
# A content file: comments, flow maps and folded blocks must survive an import.
schema_version: 1
steps:
  - id: step-one
    name: {en: "Assess threats"}
    text:
      en: >-
        Identify every situation of impending physical violence against civilians,
        whatever its source.
    source: POC Policy 2015 para 36
  - id: step-two
    name: {en: "Evaluate the risk", fr: "Évaluer le risque"}
"""


def test_po_round_trip_writes_french_beside_english_and_keeps_the_file(
        tmp_path: Path, capsys) -> None:
    path = tmp_path / "steps.yaml"
    path.write_text(SAMPLE, encoding="utf-8")
    assert main(["translations", "extract", str(path), "--out", str(tmp_path / "po")]) == 0
    assert "3 texts, 1 already translated" in capsys.readouterr().out
    po_path = tmp_path / "po" / "steps.fr.po"
    with po_path.open("rb") as fh:
        catalog = read_po(fh, locale="fr")
    by_context = {m.context: m for m in catalog if m.id}
    assert set(by_context) == {"step-one|name", "step-one|text", "step-two|name"}
    by_context["step-one|name"].string = "Évaluer les menaces"
    by_context["step-one|text"].string = "Repérer toute situation de violence physique imminente."
    with po_path.open("wb") as fh:
        write_po(fh, catalog)
    assert main(["translations", "import", str(path), str(po_path)]) == 0
    assert "2 translation(s) written, 1 unchanged" in capsys.readouterr().out
    after = path.read_text(encoding="utf-8")
    import difflib

    changed = [d for d in difflib.ndiff(SAMPLE.splitlines(), after.splitlines())
               if d.startswith(("-", "+"))]
    assert [d for d in changed if d.startswith("-")] == \
        ['-     name: {en: "Assess threats"}'], changed
    assert all("fr: " in d for d in changed if d.startswith("+")), changed
    assert after.startswith("# A content file")
    data = yaml.safe_load(after)
    assert data["steps"][0]["name"] == {"en": "Assess threats", "fr": "Évaluer les menaces"}
    assert data["steps"][0]["text"]["fr"].startswith("Repérer toute situation")
    assert data["steps"][1]["name"]["fr"] == "Évaluer le risque"


def test_a_message_whose_english_changed_is_skipped(tmp_path: Path, capsys) -> None:
    risk = tmp_path / "steps.yaml"
    risk.write_text(SAMPLE, encoding="utf-8")
    main(["translations", "extract", str(risk), "--out", str(tmp_path)])
    po_path = tmp_path / "steps.fr.po"
    with po_path.open("rb") as fh:
        catalog = read_po(fh, locale="fr")
    message = next(m for m in catalog if m.id and not m.string)
    message.string = "Traduction"
    with po_path.open("wb") as fh:
        write_po(fh, catalog)
    text = risk.read_text(encoding="utf-8")
    risk.write_text(text.replace(message.id, message.id + " (edited)", 1), encoding="utf-8")
    assert main(["translations", "import", str(risk), str(po_path)]) == 0
    captured = capsys.readouterr()
    assert "0 translation(s) written" in captured.out
    assert "English text changed since extraction" in captured.err


def test_missing_files_are_named(tmp_path: Path, capsys) -> None:
    assert main(["translations", "import", str(tmp_path / "x.yaml"),
                 str(tmp_path / "x.po")]) == 1
    assert "x.yaml: no such file" in capsys.readouterr().err
    shutil.rmtree(tmp_path, ignore_errors=True)
    assert PACKAGED.is_dir()
