"""Offline HTML export: question cards without keys, no network in the page, figures drawn."""

from __future__ import annotations

import html as html_lib
import re
from pathlib import Path

import nbformat
import pytest

from pocedu.cli import build_parser, main
from pocedu.content import packaged
from pocedu.offline_html import (
    WIDGET_VIEW,
    AskCall,
    OfflineExportError,
    ask_calls,
    cards_html,
    export_module_html,
    item_card,
    network_references,
    replace_widgets,
    resolve_notebook,
    strip_network,
    to_html,
)
from pocedu.questions.public import public_item
from pocedu.widgets.text import pick

REPO = Path(__file__).resolve().parents[1]
MODULE_01 = REPO / "modules" / "01_definitions" / "01_definitions.ipynb"
NOTEBOOK_ONLY = ("JupyterLab", "Run All", "pocedu lab")
"""Wording that means nothing to a reader of the page outside a notebook."""
REMOTE_TAG = re.compile(r"""<(?:script|link)\b[^>]*?(?:src|href)\s*=\s*["']?\s*https?://""",
                        re.IGNORECASE)


def _hidden_texts(question) -> list[str]:
    """Texts a student must not see before answering: explanation, feedback, model answer,
    and a short-text item's rubric (its self-assessment key)."""
    texts = [pick(question.explanation)]
    texts += [pick(o.feedback) for o in question.options if o.feedback is not None]
    if question.model_answer is not None:
        texts.append(pick(question.model_answer))
    if question.type == "short_text":
        texts += [pick(r.text) for r in question.rubric]
    return [t for t in texts if t]


def _widget_output() -> nbformat.NotebookNode:
    return nbformat.v4.new_output(
        "execute_result", execution_count=1,
        data={"text/plain": "VBox()", WIDGET_VIEW: {"model_id": "abc", "version_major": 2,
                                                    "version_minor": 0}})


# --- reading ask() calls -------------------------------------------------------------------


def test_ask_calls_reads_literal_ids():
    src = ('from pocedu import lesson\nlesson.ask(["01-a", "01-b"])\n'
           'pocedu.ask("02-c", lang="fr")\nask(("03-d",))')
    assert ask_calls(src) == [AskCall(("01-a", "01-b"), True, None),
                              AskCall(("02-c",), False, "fr"),
                              AskCall(("03-d",), True, None)]


@pytest.mark.parametrize("src", ["lesson.figure('x')", "%matplotlib inline\nx = 1", ""])
def test_ask_calls_without_ask(src):
    assert ask_calls(src) == []


@pytest.mark.parametrize("src", ["lesson.ask(ids)", "lesson.ask([f'01-{n}' for n in x])",
                                 "lesson.ask()", "lesson.ask([])"])
def test_ask_calls_computed_ids_are_not_guessed(src):
    assert ask_calls(src) is None


# --- cards ---------------------------------------------------------------------------------


def _lines(card: str) -> list[str]:
    """The visible text of ``card``, one line per element."""
    text = html_lib.unescape(re.sub(r"<[^>]+>", "\n", card))
    return [ln.strip() for ln in text.splitlines() if ln.strip()]


def test_every_bank_item_gets_a_card_without_key_or_feedback():
    for question in packaged().questions.values():
        card = item_card(public_item(question), number=1)
        assert f'data-item-id="{question.id}"' in card
        assert not any(w in card for w in NOTEBOOK_ONLY)
        plain = "\n".join(_lines(card))
        assert pick(question.prompt) in plain
        for text in _hidden_texts(question):
            assert text not in plain, (question.id, text[:60])
        assert "checked" not in card


def test_ordering_and_matching_cards_do_not_show_the_key_order():
    for question in packaged().questions.values():
        if question.type not in ("ordering", "matching"):
            continue
        lines = _lines(item_card(public_item(question), key=question.key))
        if question.type == "ordering":
            texts = {o.id: pick(o.text) for o in question.options}
            positions = [lines.index(texts[i]) for i in question.key]
            assert positions != sorted(positions), question.id
        else:
            bins = {pick(b.text): b.id for b in question.bins}
            shown = [bins[ln] for ln in lines if ln in bins]
            assert sorted(shown) == sorted(bins.values())
            assert shown != [question.key[o.id] for o in question.options], question.id


def test_card_refuses_an_item_with_a_key():
    with pytest.raises(ValueError, match="holds a key"):
        item_card({"id": "x", "type": "single", "key": "a"})


def test_cards_are_numbered_like_ask():
    calls = [AskCall(("01-definition-single-01", "01-definition-short-37"), True, None)]
    html = cards_html(calls)
    assert "Question 1" in html and "Question 2" in html
    assert 'class="pocedu-blank"' in html
    assert "Question 1" not in cards_html([AskCall(("01-definition-single-01",), False, None)])


def test_cards_in_french():
    html = cards_html([AskCall(("01-definition-single-01",), True, "fr")])
    assert "Choisissez une réponse." in html and "JupyterLab" not in html


# --- notebook steps ------------------------------------------------------------------------


def _small_notebook() -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {}}}
    ask = nbformat.v4.new_code_cell('lesson.ask(["01-definition-single-01", '
                                    '"01-history-order-05"])')
    ask.outputs = [_widget_output(), _widget_output()]
    tool = nbformat.v4.new_code_cell("lesson.figure('risk_placer')")
    tool.outputs = [_widget_output()]
    text = nbformat.v4.new_code_cell("print('hello')\nsecret_code = 1")
    text.outputs = [nbformat.v4.new_output("stream", name="stdout", text="hello\n")]
    nb.cells = [nbformat.v4.new_markdown_cell("# Title"), ask, tool, text]
    return nb


def test_replace_widgets_makes_cards_and_notes():
    nb = replace_widgets(_small_notebook())
    assert "widgets" not in nb.metadata
    ask, tool, text = nb.cells[1:]
    assert len(ask.outputs) == 1  # one set of cards, the second widget output dropped
    cards = ask.outputs[0]["data"]["text/html"]
    assert cards.count("pocedu-card") == 2 and not any(w in cards for w in NOTEBOOK_ONLY)
    assert "needs JupyterLab" in tool.outputs[0]["data"]["text/html"]
    assert text.outputs[0]["text"] == "hello\n"
    assert not [o for c in nb.cells for o in c.get("outputs", []) if WIDGET_VIEW in o.get(
        "data", {})]


def test_to_html_has_no_code_and_no_network():
    html = to_html(replace_widgets(_small_notebook()))
    assert "secret_code" not in html and "lesson.ask" not in html
    assert "hello" in html and "Question 2" in html
    assert not network_references(html)
    assert not REMOTE_TAG.search(html)
    assert "require.min.js" not in html and "mathjax" not in html.lower()


def test_strip_network_removes_every_loading_tag():
    page = ('<head><script src="https://cdn.example/x.js"></script>'
            '<script src="local.js"></script>'
            '<link rel="stylesheet" href="http://cdn.example/a.css">'
            '<link rel="icon" href="data:,">'
            '<style>@import url("https://fonts.example/f.css");\nbody{}</style>'
            '<script>var a = 1;</script></head>')
    assert len(network_references(page)) == 4
    clean = strip_network(page)
    assert network_references(clean) == []
    assert "var a = 1;" in clean and 'href="data:,"' in clean and "body{}" in clean


# --- finding a notebook, CLI ---------------------------------------------------------------


def test_resolve_notebook(tmp_path):
    folder = tmp_path / "modules" / "07_demo"
    folder.mkdir(parents=True)
    nb = folder / "07_demo.ipynb"
    nb.write_text("{}", encoding="utf-8")
    modules = tmp_path / "modules"
    assert resolve_notebook("07", modules=modules) == nb
    assert resolve_notebook("07_demo", modules=modules) == nb
    assert resolve_notebook(folder) == nb
    assert resolve_notebook(str(nb)) == nb
    with pytest.raises(FileNotFoundError, match="07_demo"):
        resolve_notebook("08", modules=modules)


def test_cli_registers_html(capsys, tmp_path):
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    assert "html" in sub.choices
    assert main(["html", "99", "--modules", str(REPO / "modules")]) == 1
    assert "no notebook or module '99'" in capsys.readouterr().err


def test_export_reports_a_missing_notebook(tmp_path):
    with pytest.raises(FileNotFoundError):
        export_module_html(notebook=tmp_path / "none.ipynb", out=tmp_path / "x.html")


@pytest.mark.slow
def test_export_small_notebook_to_the_current_folder(tmp_path, monkeypatch):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# Small"),
                nbformat.v4.new_code_cell("from pathlib import Path\nprint(Path.cwd().name)")]
    folder = tmp_path / "lessons"
    folder.mkdir()
    nbformat.write(nb, folder / "small.ipynb")
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    assert main(["html", str(folder / "small.ipynb")]) == 0
    html = (here / "small.html").read_text(encoding="utf-8")
    assert "lessons" in html  # ran in the notebook's folder
    assert "Path.cwd" not in html and not network_references(html)


@pytest.mark.slow
def test_export_names_a_failing_cell(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("1 / 0")]
    nbformat.write(nb, tmp_path / "broken.ipynb")
    with pytest.raises(OfflineExportError, match="broken.ipynb: a cell failed"):
        export_module_html(notebook=tmp_path / "broken.ipynb", out=tmp_path / "b.html")
    assert not (tmp_path / "b.html").exists()


# --- the real module, end to end -----------------------------------------------------------


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("html") / "m01.html"
    return export_module_html(notebook=MODULE_01, out=out)


@pytest.mark.slow
def test_module_01_exports_offline(exported: Path):
    html = exported.read_text(encoding="utf-8")
    assert not REMOTE_TAG.search(html)
    assert not network_references(html)
    assert html.count("Plotly.newPlot") >= 2
    assert len(re.findall(r"\*\s*plotly\.js v\d", html)) == 1  # the bundle, once
    assert "application/vnd.jupyter.widget-state+json" not in html
    assert "lesson.ask" not in html and "lesson.start" not in html  # no code input
    nb = nbformat.read(MODULE_01, as_version=4)
    ids = [i for c in nb.cells if c.cell_type == "code" for call in ask_calls(c.source) or []
           for i in call.ids]
    assert len(ids) >= 8
    bank = packaged()
    plain = "\n".join(_lines(html))
    for item_id in ids:
        question = bank.question(item_id)
        assert f'data-item-id="{item_id}"' in html
        assert pick(question.prompt) in plain, item_id
        for text in _hidden_texts(question):
            assert text not in plain, (item_id, text[:60])
    assert "needs JupyterLab" in html  # the progress widget


def test_graded_items_never_enter_the_cards_of_any_module() -> None:
    """Every card of every module (as ``pocedu html`` makes them) holds no graded item."""
    import nbformat as nbf
    from pocedu.assess.bank import load_bank

    graded = [q for qs in load_bank(REPO / "assessments" / "bank").values() for q in qs]
    assert graded
    for notebook in sorted(REPO.glob("modules/[0-9][0-9]_*/[0-9][0-9]_*.ipynb")):
        nb = nbf.read(notebook, as_version=4)
        calls = [c for cell in nb.cells if cell.cell_type == "code"
                 for c in (ask_calls(cell.source) or [])]
        html = cards_html(calls)
        for q in graded:
            assert q.id not in html, f"{notebook.name}: graded item {q.id} on the page"
            assert pick(q.prompt) not in html, f"{notebook.name}: prompt of {q.id} on the page"


def test_page_title_is_the_module_heading() -> None:
    from pocedu.offline_html import page_title

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x"),
                                         nbformat.v4.new_markdown_cell("# Module 01: POC\ntext")])
    assert page_title(nb) == "Module 01: POC"
    assert "<title>Module 01: POC</title>" in to_html(nb)
