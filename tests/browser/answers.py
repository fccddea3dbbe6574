"""Answering a pocedu question widget in the browser by clicking, as a student would.

Every function takes the widget's root locator (``.pocedu-q``) and the item's public dict
(``public_item`` or a quiz's ``items.json`` entry) and works from the visible texts and the
tooltips the widgets set; nothing reads the kernel's state.
"""

from __future__ import annotations

import re
from typing import Any

from pocedu.widgets.text import pick, ui

TIMEOUT_MS = 20_000


def _exact(text: str) -> re.Pattern[str]:
    return re.compile(rf"^\s*{re.escape(text)}\s*$")


def _attr(value: str) -> str:
    """``value`` quoted for a CSS attribute selector."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


LETTER = r"[A-Z]\.\s+"
"""Options are shown as "B. text": the letter the student sees, then the text."""


def _lettered(text: str) -> re.Pattern[str]:
    return re.compile(rf"^\s*{LETTER}{re.escape(text)}\s*$")


def _unletter(text: str) -> str:
    return re.sub(rf"^\s*{LETTER}", "", text)


def question_root(page: Any, label: str) -> Any:
    """The root of the question widget whose item id (``data-item-id``) or label ('Q3') is
    ``label``."""
    label_box = page.locator(f".pocedu-head[data-item-id={_attr(label)}]").or_(
        page.locator(".pocedu-label", has_text=_exact(label)))
    return page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .pocedu-q").filter(
        has=label_box)


def texts(item: dict) -> dict[str, str]:
    """Option id -> the English text shown."""
    return {o["id"]: pick(o["text"]) for o in item.get("options", [])}


def bin_texts(item: dict) -> dict[str, str]:
    """Bin id -> the English text shown."""
    return {b["id"]: pick(b["text"]) for b in item.get("bins", [])}


def _click_radio(root: Any, text: str) -> None:
    radio = root.get_by_role("radio", name=_lettered(text))
    radio.check(timeout=TIMEOUT_MS)


def _set_checkbox(root: Any, text: str, on: bool) -> None:
    box = root.get_by_role("checkbox", name=_lettered(text))
    box.set_checked(on, timeout=TIMEOUT_MS)


def _toggle(scope: Any, text: str, *, title: str | None = None) -> None:
    sel = "button.widget-toggle-button" + (f"[title={_attr(title)}]" if title else "")
    button = scope.locator(sel).filter(has_text=_exact(text))
    button.click(timeout=TIMEOUT_MS)
    button.locator("xpath=self::*[contains(@class,'mod-active')]").wait_for(timeout=TIMEOUT_MS)


def read_order(root: Any, item: dict) -> list[str]:
    """The option ids of an ordering widget in the order shown."""
    by_text = {v: k for k, v in texts(item).items()}
    shown = root.locator(".widget-html").all_text_contents()
    order = []
    for line in shown:
        m = re.match(r"^\s*\d+\.\s*(?:\([A-Z]\)\s*)?(.*?)\s*$", line, flags=re.S)
        if m and m.group(1) in by_text:
            order.append(by_text[m.group(1)])
    return order


def _reorder(root: Any, item: dict, target: list[str]) -> None:
    """Click Up buttons until the list shows ``target``."""
    shown = texts(item)
    for pos, oid in enumerate(target):
        current = read_order(root, item)
        steps = current.index(oid) - pos
        up = root.locator(f"button[title={_attr(ui('move_up', item=shown[oid]))}]")
        for _ in range(steps):
            before = current.index(oid)
            up.click(timeout=TIMEOUT_MS)
            root.page.wait_for_function(
                r"""([el, text, want]) => [...el.querySelectorAll('.widget-html')].some(
                     h => h.textContent.replace(/\s+/g, " ").trim()
                          .replace(/^(\d+\.) \([A-Z]\) /, "$1 ") === `${want}. ${text}`)""",
                arg=[root.element_handle(), shown[oid], before], timeout=TIMEOUT_MS)
            current = read_order(root, item)
    got = read_order(root, item)
    if got != list(target):
        raise AssertionError(f"{item['id']}: the list shows {got}, wanted {target}")


def _place(root: Any, item: dict, mapping: dict[str, str]) -> None:
    shown, bins = texts(item), bin_texts(item)
    tip_key = "match_for" if item["type"] == "matching" else "bin_for"
    for oid, bid in mapping.items():
        tip = ui(tip_key, item=shown[oid])
        dropdown = root.locator(f"select[title={_attr(tip)}]")
        if dropdown.count():
            # option labels use no-break spaces; the value attribute holds the plain text
            dropdown.select_option(value=bins[bid], timeout=TIMEOUT_MS)
        else:
            _toggle(root, bins[bid], title=tip)


def set_response(root: Any, item: dict, response: Any) -> None:
    """Click ``response`` (the grading format, option ids) into the widget at ``root``."""
    kind, shown = item["type"], texts(item)
    root.scroll_into_view_if_needed(timeout=TIMEOUT_MS)
    if kind == "single":
        _click_radio(root, shown[response])
    elif kind == "multiple":
        for oid in shown:
            _set_checkbox(root, shown[oid], oid in response)
    elif kind == "true_false":
        _toggle(root, ui("true") if response["value"] else ui("false"))
        if response.get("justification"):
            _click_radio(root, shown[response["justification"]])
    elif kind == "ordering":
        _reorder(root, item, list(response))
    elif kind in ("classification", "matching"):
        _place(root, item, response)
    elif kind == "short_text":
        root.locator("textarea").fill(response["text"], timeout=TIMEOUT_MS)
    else:
        raise ValueError(f"no click recipe for item type {kind!r}")


def tick_rubric(root: Any, item: dict, checked: list[str]) -> None:
    """Short text, after Check: tick the rubric points ``checked`` (others unticked)."""
    for r in item.get("rubric", []):
        box = root.get_by_role("checkbox", name=pick(r["text"]), exact=True)
        box.set_checked(r["id"] in checked, timeout=TIMEOUT_MS)


def press(root: Any, label: str) -> None:
    """Click the widget's button whose visible label is ``label`` ('Check', 'Try again')."""
    root.locator("button").filter(has_text=_exact(label)).click(timeout=TIMEOUT_MS)


def feedback_text(root: Any, *, contains: str, timeout_ms: int = TIMEOUT_MS) -> str:
    """Wait until the feedback box shows ``contains``; return its whole text."""
    box = root.locator(".pocedu-feedback")
    box.filter(has_text=contains).wait_for(timeout=timeout_ms)
    return box.inner_text()


def merged(kind: str, before: Any, after: Any) -> Any:
    """The response a widget holds after clicking ``after`` over ``before``.

    Mappings keep earlier entries the new answer does not touch (a placed item stays placed).
    """
    if isinstance(before, dict) and isinstance(after, dict) and kind != "short_text":
        return {**before, **after}
    return after


READ_STATE = """el => {
  const text = n => n.textContent.replace(/\\s+/g, ' ').trim();
  const radios = [...el.querySelectorAll('.widget-radio-box label')]
    .filter(l => l.querySelector('input:checked')).map(text);
  const boxes = [...el.querySelectorAll('.widget-checkbox label')]
    .filter(l => l.querySelector('input:checked')).map(text);
  const toggles = [...el.querySelectorAll('button.widget-toggle-button.mod-active')]
    .map(b => [b.getAttribute('title') || '', text(b)]);
  const selects = [...el.querySelectorAll('select')].map(s => [s.getAttribute('title'), s.value]);
  const area = el.querySelector('textarea');
  return {radios, boxes, toggles, selects, text: area ? area.value : null};
}"""


def read_response(root: Any, item: dict) -> Any:
    """The response the widget at ``root`` shows, read from the page (None when blank)."""
    kind, shown = item["type"], texts(item)
    by_text = {v: k for k, v in shown.items()}
    state = root.evaluate(READ_STATE)
    if kind == "single":
        return by_text.get(_unletter(state["radios"][0])) if state["radios"] else None
    if kind == "multiple":
        chosen = {by_text.get(_unletter(t)) for t in state["boxes"]}
        return [i for i in shown if i in chosen] or None
    if kind == "true_false":
        value = [t for _tip, t in state["toggles"] if t in (ui("true"), ui("false"))]
        if not value:
            return None
        out: dict[str, Any] = {"value": value[0] == ui("true")}
        if state["radios"]:
            out["justification"] = by_text.get(_unletter(state["radios"][0]))
        return out
    if kind == "ordering":
        return read_order(root, item)
    if kind in ("classification", "matching"):
        bins = {v: k for k, v in bin_texts(item).items()}
        tip_key = "match_for" if kind == "matching" else "bin_for"
        tips = {ui(tip_key, item=t): oid for oid, t in shown.items()}
        placed = {tips[tip]: bins[v] for tip, v in state["selects"] + state["toggles"]
                  if tip in tips and v in bins}
        return {i: placed[i] for i in shown if i in placed} or None
    if kind == "short_text":
        return {"text": state["text"]} if state["text"] else None
    raise ValueError(f"no read recipe for item type {kind!r}")
