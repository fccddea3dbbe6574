"""Arranging widgets: ordering (move items up and down) and placing items into bins or matches."""

from __future__ import annotations

import random
from typing import Any

from .base import QuestionWidget, button, html
from .text import h, pick, ui

TOGGLE_MAX_BINS = 4
"""Up to this many short bins are shown as big toggle buttons, otherwise as a drop-down."""
TOGGLE_MAX_LABEL = 28
ORDER_BUTTON_WIDTH = "104px"
"""Up/Down keep this width however long the item text is (the text wraps instead)."""


def practice_order(item_id: str, ids: list[str]) -> list[str]:
    """A fixed shuffle of ``ids`` (seeded by the item id) that differs from the file order."""
    shuffled = list(ids)
    random.Random(item_id).shuffle(shuffled)
    if shuffled == ids and len(ids) > 1:
        shuffled = ids[1:] + ids[:1]
    return shuffled


class OrderingWidget(QuestionWidget):
    """A list the student reorders with Up/Down buttons; response is the ids in order."""

    kind = "ordering"
    hint = "order_first"

    def _display_order(self, order: list[str] | None) -> list[str]:
        if order is None:
            return practice_order(str(self.item.get("id")), self.option_ids)
        return super()._display_order(order)

    def _build(self) -> Any:
        import ipywidgets as w

        self._current = list(self.order)
        self._touched = False
        """False until the student moves an item (an untouched list is not an answer)."""
        self._labels = {i: html() for i in self.option_ids}
        self._up: dict[str, Any] = {}
        self._down: dict[str, Any] = {}
        self._rows = {}
        for i in self.option_ids:
            self._up[i] = button(ui("up", self.lang), ui("move_up", self.lang, item=self.texts[i]),
                                 icon="arrow-up")
            self._down[i] = button(ui("down", self.lang),
                                   ui("move_down", self.lang, item=self.texts[i]),
                                   icon="arrow-down")
            self._up[i].on_click(lambda _b, i=i: self.move(i, -1))
            self._down[i].on_click(lambda _b, i=i: self.move(i, +1))
            self._labels[i].layout.flex = "1 1 0%"
            self._labels[i].layout.min_width = "0"
            for b in (self._up[i], self._down[i]):  # never squeezed to "↑ …" by long text
                b.layout.flex = "none"
                b.layout.min_width = ORDER_BUTTON_WIDTH
            self._rows[i] = w.HBox([self._labels[i], self._up[i], self._down[i]],
                                   layout=w.Layout(align_items="center", width="auto"))
            self._rows[i].add_class("pocedu-order-row")
        self._controls = w.VBox(layout=w.Layout(width="auto"))
        self._enabled = True
        self._relayout()
        return self._controls

    def _extra_rows(self) -> list[Any]:
        if self.mode != "quiz":
            return []
        keep = button(ui("keep_order", self.lang), ui("keep_order_tip", self.lang), icon="check")
        keep.on_click(lambda _b: self.keep_order())
        self._keep_button = keep
        return [keep]

    def keep_order(self) -> None:
        """Take the order shown as the answer (the quiz's "Save this order" button)."""
        self._touched = True
        self._save()

    def move(self, item_id: str, step: int) -> None:
        """Move ``item_id`` by ``step`` places (-1 up, +1 down), as its buttons do."""
        self._unknown([item_id], self.option_ids)
        pos = self._current.index(item_id)
        new = min(max(pos + step, 0), len(self._current) - 1)
        if new == pos:
            return
        self._current.insert(new, self._current.pop(pos))
        self._touched = True
        self._relayout()
        self._changed()

    def _relayout(self) -> None:
        last = len(self._current) - 1
        for n, i in enumerate(self._current):
            self._labels[i].value = (f"<b>{n + 1}.</b> <span class='pocedu-letter'>"
                                     f"({self.letters[i]})</span> {h(self.texts[i])}")
            self._up[i].disabled = not self._enabled or n == 0
            self._down[i].disabled = not self._enabled or n == last
        self._controls.children = [self._rows[i] for i in self._current]

    def _read(self) -> Any:
        return list(self._current) if self._touched else None

    def _write(self, value: Any) -> None:
        self._current = list(value) if value is not None else list(self.order)
        self._touched = value is not None
        self._relayout()

    def _validate(self, value: Any) -> Any:
        if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
            raise ValueError(f"an ordering answer is a list of item ids, not {value!r}")
        self._unknown(list(value), self.option_ids, "item")
        if sorted(value) != sorted(self.option_ids):
            raise ValueError(f"an ordering answer lists every item once: {self.option_ids}")
        return list(value)

    def _inputs(self) -> list[Any]:
        return []

    def _set_enabled(self, enabled: bool) -> None:
        self._enabled = enabled
        self._relayout()


class PlacementWidget(QuestionWidget):
    """Each item gets a bin (classification) or a target (matching); response ``{item: bin}``."""

    kind = "classification"
    hint = "place_some"
    placeholder = "pick_bin"
    tip = "bin_for"

    def _build(self) -> Any:
        import ipywidgets as w

        self.bin_ids = [b["id"] for b in self.item.get("bins", [])]
        bins = [(pick(b["text"], self.lang), b["id"]) for b in self.item.get("bins", [])]
        self._toggles = (len(bins) <= TOGGLE_MAX_BINS
                         and max(len(t) for t, _ in bins) <= TOGGLE_MAX_LABEL)
        self._controls: dict[str, Any] = {}
        rows = []
        for i in self.order:
            tip = ui(self.tip, self.lang, item=self.texts[i])
            if self._toggles:
                control = w.ToggleButtons(options=bins, value=None, tooltips=[tip] * len(bins),
                                          description_allow_html=False,
                                          style={"button_width": "auto"})
            else:
                control = w.Dropdown(options=[(ui(self.placeholder, self.lang), ""), *bins],
                                     value="", tooltip=tip, description_allow_html=False,
                                     layout=w.Layout(width="auto"))
            control.observe(self._changed, names="value")
            self._controls[i] = control
            label = html(f"<span class='pocedu-letter'>{self.letters[i]}.</span> "
                         f"{h(self.texts[i])}")
            label.layout.flex = "1 1 45%"
            rows.append(w.HBox([label, control],
                               layout=w.Layout(align_items="center", width="auto",
                                               flex_flow="row wrap",
                                               border_bottom="1px solid #ddd")))
        return w.VBox(rows, layout=w.Layout(width="auto"))

    def _read(self) -> Any:
        placed = {i: c.value for i, c in self._controls.items() if c.value}
        return {i: placed[i] for i in self.option_ids if i in placed} or None

    def _write(self, value: Any) -> None:
        value = value or {}
        empty = None if self._toggles else ""
        for i, control in self._controls.items():
            control.value = value.get(i, empty)

    def _validate(self, value: Any) -> Any:
        if not isinstance(value, dict) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
            raise ValueError(f"a {self.kind} answer is a mapping of item id to bin id, "
                             f"not {value!r}")
        self._unknown(list(value), self.option_ids, "item")
        self._unknown(list(value.values()), self.bin_ids, "bin")
        return dict(value)

    def _inputs(self) -> list[Any]:
        return list(self._controls.values())


class MatchingWidget(PlacementWidget):
    """Each left item picks a right target; response ``{left: right}``."""

    kind = "matching"
    placeholder = "pick_match"
    tip = "match_for"
