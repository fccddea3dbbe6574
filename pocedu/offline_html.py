"""Export a lesson module to one self-contained HTML file that opens offline (no CDN).

The export is a short pipeline of small steps, each usable on its own:

1. ``execute_notebook``: run the module in a fresh kernel (cwd = the notebook's folder);
2. ``replace_widgets``: every question widget becomes a static, printable card per item
   (label, prompt, options; never a key or feedback), any other widget a short note that the
   tool needs JupyterLab; the saved widget state is dropped;
3. ``to_html``: nbconvert's ``lab`` template without code, with every external URL trait empty
   and the blocks that load require.js, MathJax, mermaid and the widget manager left out;
4. ``strip_network``: remove any ``<script src>``, ``<link href=http…>`` or
   ``@import url(http…)`` left, then ``network_references`` must find none.

plotly.js is already inline, once, in the output of ``lesson.start`` (see
``pocedu.figures.offline``), so the figures draw with no network.
"""

from __future__ import annotations

import ast
import copy
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
ASK_FUNCTION = "ask"
TEMPLATE_NAME = "pocedu_offline.html.j2"
TRAITS_OFF = ("mathjax_url", "require_js_url", "jquery_url", "jupyter_widgets_base_url",
              "widget_renderer_url", "mermaid_js_url", "mermaid_layout_elk_js_url")
"""nbconvert 7 ``HTMLExporter`` traits holding a network address; all are set to ``""``."""

CARD_CSS = """
.pocedu-card { break-inside: avoid; page-break-inside: avoid; }
.pocedu-card ol, .pocedu-card ul { margin: 6px 0 6px 0; padding-left: 1.6em; }
.pocedu-card ul.pocedu-marks { list-style: none; padding-left: 0.4em; }
.pocedu-card li { margin: 3px 0; }
.pocedu-card .pocedu-mark { display: inline-block; width: 1.4em; }
.pocedu-card .pocedu-rank { display: inline-block; width: 1.1em; height: 1.1em;
  border: 1px solid #555; vertical-align: -0.15em; }
.pocedu-card .pocedu-how { font-style: italic; margin: 4px 0; }
.pocedu-card .pocedu-sub { font-weight: 600; margin: 8px 0 2px 0; }
.pocedu-card .pocedu-blank { border: 1px solid #777; border-radius: 4px; min-height: 8em;
  margin: 6px 0; }
.pocedu-tool-note { color: #333; font-size: 16px;
  border-top: 1px dashed #999; padding-top: 4px; margin-top: 8px; }
.pocedu-tool-note { border: 1px dashed #999; padding: 8px 12px; max-width: 60em; }
"""

TEMPLATE = (
    "{%- extends 'index.html.j2' -%}\n"
    "{% block html_head_js %}{% endblock html_head_js %}\n"
    "{% block jupyter_widgets %}{% endblock jupyter_widgets %}\n"
    "{% block html_head_js_mathjax %}{% endblock html_head_js_mathjax %}\n"
    "{% block html_head_js_mermaidjs %}{% endblock html_head_js_mermaidjs %}\n"
    "{% block extra_css %}<style type=\"text/css\">" + CARD_CSS
    + "</style>{% endblock extra_css %}\n"
)
"""The ``lab`` template with every network-loading block left empty, plus the card styles."""

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "tool": "This interactive tool needs JupyterLab: open the module with "
                "<code>pocedu lab</code> to use it.",
    },
    "fr": {
        "tool": "Cet outil interactif demande JupyterLab : ouvrez le module avec "
                "<code>pocedu lab</code> pour l'utiliser.",
    },
}
"""Card strings (the ``tool`` entry is trusted HTML)."""

_NETWORK = (
    re.compile(r"""<script\b[^>]*?\bsrc\s*=[^>]*>""", re.IGNORECASE),
    re.compile(r"""<link\b[^>]*?\bhref\s*=\s*["']?\s*(?:https?:)?//[^>]*>""", re.IGNORECASE),
    re.compile(r"""@import\s+(?:url\()?\s*["']?\s*(?:https?:)?//[^;]*;?""", re.IGNORECASE),
)
"""Tags and rules that make a browser fetch something: any script src, remote links, imports."""

_SCRIPT_SRC_TAG = re.compile(
    r"""<script\b[^>]*?\bsrc\s*=[^>]*>\s*</script>""", re.IGNORECASE)


class OfflineExportError(RuntimeError):
    """The module could not be exported to offline HTML; the message says why."""


@dataclass(frozen=True)
class AskCall:
    """One ``ask(...)`` call found in a cell's source."""

    ids: tuple[str, ...]
    numbered: bool
    """True for a list of ids (shown as "Question 1", "Question 2"...), as ``ask`` does."""
    lang: str | None
    """The call's ``lang=`` if given."""


def _text(key: str, lang: str) -> str:
    return TEXTS.get(lang, TEXTS["en"]).get(key) or TEXTS["en"][key]


def ask_calls(source: str) -> list[AskCall] | None:
    """The ``ask(...)`` calls of a cell (``lesson.ask``, ``pocedu.ask``, ``ask``), in order.

    Ids are read from literal arguments only. Returns ``None`` when the cell calls ``ask`` in a
    way that cannot be read without running it (ids computed at run time), ``[]`` when it does
    not call ``ask`` or is not plain Python.
    """
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    calls: list[AskCall] = []
    nodes = sorted((n for n in ast.walk(tree) if isinstance(n, ast.Call)),
                   key=lambda n: (n.lineno, n.col_offset))
    for node in nodes:
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
        if name != ASK_FUNCTION:
            continue
        try:
            ids = ast.literal_eval(node.args[0]) if node.args else None
            lang = next((ast.literal_eval(k.value) for k in node.keywords if k.arg == "lang"),
                        None)
        except ValueError:
            return None
        if isinstance(ids, str):
            calls.append(AskCall((ids,), False, lang))
        elif isinstance(ids, list | tuple) and ids and all(isinstance(i, str) for i in ids):
            calls.append(AskCall(tuple(ids), True, lang))
        else:
            return None
    return calls


def display_orders(item: dict, key: Any = None) -> tuple[list[str], list[str]]:
    """The order of an item's options and of its bins on a card.

    Ordering items are shuffled as the widget shuffles them, matching targets with their own
    seed; when ``key`` is given, an order that would spell out the key is rotated by one.
    """
    from .widgets.arrange import practice_order

    options = [o["id"] for o in item["options"]]
    bins = [b["id"] for b in item["bins"]]
    if item["type"] == "ordering":
        options = practice_order(item["id"], options)
        if key is not None and options == list(key):
            options = options[1:] + options[:1]
    if item["type"] == "matching":
        bins = practice_order(f"{item['id']}/targets", bins)
        if isinstance(key, dict) and bins == [key.get(o) for o in options]:
            bins = bins[1:] + bins[:1]
    return options, bins


def _body(item: dict, lang: str, key: Any = None) -> str:
    """The type-specific part of a card (from the item's type): instructions and options."""
    from .questions import types

    order, targets = display_orders(item, key)
    try:
        kind = types.get(item["type"])
    except types.UnknownTypeError:
        raise OfflineExportError(f"item '{item['id']}': no printable card for type "
                                 f"{item['type']!r}") from None
    return kind.card_body(item, lang=lang, order=order, targets=targets)


def item_card(item: dict, *, lang: str = "en", number: int | None = None,
              key: Any = None) -> str:
    """A static HTML card for a public item (``public_item``): what a student may see.

    ``key`` (the item's key, never shown) only keeps the card from listing an ordering or
    matching item in the order of its answer.
    """
    from .widgets.base import heading_html
    from .widgets.text import h, pick

    if "key" in item:
        raise ValueError(f"item '{item.get('id')}' holds a key; pass public_item(question)")
    prompt = h(pick(item["prompt"], lang))
    return (f'<section class="pocedu-q pocedu-card pocedu-{h(item["type"])}" '
            f'data-item-id="{h(item["id"])}">'
            f'{heading_html(item, lang=lang, number=number)}'
            f'<div class="pocedu-prompt">{prompt}</div>{_body(item, lang, key)}'
            "</section>")


def cards_html(calls: list[AskCall], *, lang: str = "en", bank: Any = None) -> str:
    """The cards of every item asked by ``calls``, numbered as ``ask`` numbers its widgets."""
    from .questions.public import public_item

    if bank is None:
        from .content import packaged

        bank = packaged()
    cards = []
    for call in calls:
        for n, item_id in enumerate(call.ids, 1):
            question = bank.question(item_id)
            cards.append(item_card(public_item(question), lang=call.lang or lang,
                                   number=n if call.numbered else None, key=question.key))
    return "\n".join(cards)


def _html_output(html: str) -> Any:
    import nbformat

    return nbformat.v4.new_output("display_data", data={"text/html": html})


def replace_widgets(nb: Any, *, lang: str = "en", bank: Any = None) -> Any:
    """``nb`` (executed) with widget outputs made static and its widget state dropped.

    In a cell whose source calls ``ask`` with literal ids, the first widget output becomes
    the cards of every asked item and the cell's other widget outputs are dropped; any other
    widget output becomes a note that the tool needs JupyterLab. Changes ``nb`` in place.
    """
    note = _html_output(f'<div class="pocedu-tool-note" role="note">{_text("tool", lang)}</div>')
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        calls = ask_calls(cell.source)
        cards = cards_html(calls, lang=lang, bank=bank) if calls else None
        outputs = []
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if WIDGET_STATE in data:
                continue
            if WIDGET_VIEW not in data:
                outputs.append(out)
            elif cards is not None:
                outputs.append(_html_output(cards))
                cards = None
            elif not calls:
                outputs.append(copy.deepcopy(note))
        cell.outputs = outputs
    return nb


def execute_notebook(path: Path, *, timeout: int = 180, kernel_name: str = "python3") -> Any:
    """The notebook at ``path`` executed top to bottom in a fresh kernel (cwd = its folder).

    ``timeout`` is the limit for one cell, in seconds.
    """
    import nbformat
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    from .kernels import SteadyNotebookClient, kernel_manager

    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"no notebook at {path}")
    nb = nbformat.read(path, as_version=4)
    client = SteadyNotebookClient(nb, timeout=timeout, kernel_name=kernel_name,
                            km=kernel_manager(kernel_name),
                            resources={"metadata": {"path": str(path.parent.resolve())}})
    try:
        client.execute()
    except CellExecutionError as err:
        raise OfflineExportError(f"{path.name}: a cell failed while running:\n{err}") from err
    except CellTimeoutError as err:
        raise OfflineExportError(f"{path.name}: a cell ran longer than {timeout} s; is the "
                                 "machine busy? Try again or pass a longer timeout") from err
    except DeadKernelError as err:
        raise OfflineExportError(f"{path.name}: the Python kernel stopped while running the "
                                 "module; run the export again") from err
    except RuntimeError as err:  # jupyter_client: "Kernel didn't respond in 60 seconds"
        raise OfflineExportError(f"{path.name}: could not start the Python kernel "
                                 f"'{kernel_name}': {err}") from err
    return nb


def network_references(html: str) -> list[str]:
    """Every tag or rule in ``html`` that would make a browser fetch something (want none)."""
    return [m.group(0)[:200] for pattern in _NETWORK for m in pattern.finditer(html)]


def strip_network(html: str) -> str:
    """``html`` without script tags that load a ``src``, remote ``<link>`` tags or imports."""
    html = _SCRIPT_SRC_TAG.sub("", html)
    for pattern in _NETWORK:
        html = pattern.sub("", html)
    return html


def to_html(nb: Any) -> str:
    """One HTML page of ``nb``: ``lab`` template, no code, no network-loading blocks."""
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab", extra_loaders=[
        DictLoader({TEMPLATE_NAME: TEMPLATE})], exclude_input=True, exclude_input_prompt=True,
        exclude_output_prompt=True, embed_images=True, **dict.fromkeys(TRAITS_OFF, ""))
    exporter.template_file = TEMPLATE_NAME
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": page_title(nb)}})
    return body


def page_title(nb: Any) -> str:
    """The page's title: the notebook's first Markdown heading (not "Notebook")."""
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        for line in cell.source.splitlines():
            if line.startswith("#"):
                return line.lstrip("#").strip()
    return "pocedu"


def export_module_html(*, notebook: Path, out: Path | None = None, lang: str = "en",
                       timeout: int = 180) -> Path:
    """Run ``notebook`` and write it as one offline HTML file; returns the file's path.

    ``out`` defaults to ``./<notebook stem>.html`` in the current directory; ``timeout`` is
    the limit for one cell, in seconds. Raises
    ``OfflineExportError`` if a cell fails or if the page would still load anything from the
    network.
    """
    notebook = Path(notebook)
    nb = replace_widgets(execute_notebook(notebook, timeout=timeout), lang=lang)
    html = strip_network(to_html(nb))
    left = network_references(html)
    if left:
        raise OfflineExportError(f"{notebook.name}: the page would still load from the "
                                 f"network: {'; '.join(left)}")
    out = Path(out) if out is not None else Path.cwd() / f"{notebook.stem}.html"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(html, encoding="utf-8")
    return out


def resolve_notebook(target: str | Path, *, modules: Path | None = None) -> Path:
    """A notebook from a path, a module folder or a module name (``01``, ``01_definitions``)."""
    path = Path(target)
    if path.is_file():
        return path
    if path.is_dir():
        found = sorted(path.glob(f"{path.name}.ipynb")) or sorted(path.glob("*.ipynb"))
        if len(found) == 1:
            return found[0]
        raise FileNotFoundError(f"{path}: expected one notebook, found {len(found)}")
    from .lab import MODULE_GLOB, find_modules

    root = find_modules(modules=modules)
    names = [p.name for p in sorted(root.glob(MODULE_GLOB)) if p.is_dir()]
    match = [n for n in names if n == str(target) or n.split("_", 1)[0] == str(target)]
    if len(match) != 1:
        raise FileNotFoundError(f"no notebook or module '{target}' (modules in {root}: "
                                f"{', '.join(names)})")
    return resolve_notebook(root / match[0])
