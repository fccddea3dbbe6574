"""Content translation through PO files: extract, translate, import, and the YAML stays intact."""

from __future__ import annotations

import shutil
from pathlib import Path

from babel.messages.pofile import read_po, write_po

from pocedu.cli import main
from pocedu.content import load_content
from pocedu.content.loader import PACKAGED


def test_po_round_trip_writes_french_beside_english_and_keeps_the_file(
        content_copy: Path, tmp_path: Path, capsys) -> None:
    risk = content_copy / "risk.yaml"
    before = risk.read_text(encoding="utf-8")
    assert main(["translations", "extract", str(risk), "--out", str(tmp_path / "po")]) == 0
    po_path = tmp_path / "po" / "risk.fr.po"
    with po_path.open("rb") as fh:
        catalog = read_po(fh, locale="fr")
    messages = [m for m in catalog if m.id]
    assert len(messages) > 20 and all(m.context for m in messages)
    first, second = messages[0], messages[1]
    first.string, second.string = "Évaluer les menaces", "Texte traduit"
    with po_path.open("wb") as fh:
        write_po(fh, catalog)
    assert main(["translations", "import", str(risk), str(po_path)]) == 0
    assert "2 translation(s) written" in capsys.readouterr().out
    after = risk.read_text(encoding="utf-8")
    # Only the two French texts were added; comments and every other line are as they were.
    import difflib

    changed = [d for d in difflib.ndiff(before.splitlines(), after.splitlines())
               if d.startswith(("-", "+"))]
    assert all("fr: " in d for d in changed if d.startswith("+")), changed
    assert len([d for d in changed if d.startswith("-")]) <= 1, changed  # one inline map grew
    assert before.count("#") == after.count("#")
    texts = {(t.record, t.field): t.text for t in _fields(content_copy)}
    record, field = first.context.split("|")
    assert texts[(record, field)].fr == "Évaluer les menaces"


def _fields(root: Path):
    from pocedu.content.coverage import texts

    return list(texts(load_content(root).risk, "risk.yaml"))


def test_a_message_whose_english_changed_is_skipped(content_copy: Path, tmp_path: Path,
                                                    capsys) -> None:
    risk = content_copy / "risk.yaml"
    main(["translations", "extract", str(risk), "--out", str(tmp_path)])
    po_path = tmp_path / "risk.fr.po"
    with po_path.open("rb") as fh:
        catalog = read_po(fh, locale="fr")
    message = next(m for m in catalog if m.id)
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
