"""Choice widgets: single choice, multiple choice, and true/false with a justification."""

from __future__ import annotations

from typing import Any

from .base import QuestionWidget
from .text import ui


def _full_width() -> Any:
    import ipywidgets as w

    return w.Layout(width="auto")


class SingleWidget(QuestionWidget):
    """Radio buttons with nothing pre-selected; response ``"b"``."""

    kind = "single"
    hint = "choose"

    def _build(self) -> Any:
        import ipywidgets as w

        self._controls = w.RadioButtons(
            options=[(self.lettered(i), i) for i in self.order], value=None,
            layout=_full_width(), description_allow_html=False)
        self._controls.observe(self._changed, names="value")
        return self._controls

    def _read(self) -> Any:
        return self._controls.value

    def _write(self, value: Any) -> None:
        self._controls.value = value

    def _validate(self, value: Any) -> Any:
        if not isinstance(value, str):
            raise ValueError(f"a single-choice answer is one option id, not {value!r}")
        self._unknown([value], self.option_ids)
        return value

    def _inputs(self) -> list[Any]:
        return [self._controls]


class MultipleWidget(QuestionWidget):
    """One checkbox per option; response ``["a", "c"]`` (in option order)."""

    kind = "multiple"
    hint = "choose_some"

    def _build(self) -> Any:
        import ipywidgets as w

        self._controls = {
            i: w.Checkbox(value=False, description=self.lettered(i), indent=False,
                          description_allow_html=False, layout=_full_width())
            for i in self.order
        }
        for box in self._controls.values():
            box.observe(self._changed, names="value")
        return w.VBox([self._controls[i] for i in self.order])

    def _read(self) -> Any:
        chosen = [i for i in self.option_ids if self._controls[i].value]
        return chosen or None

    def _write(self, value: Any) -> None:
        chosen = set(value or [])
        for i, box in self._controls.items():
            box.value = i in chosen

    def _validate(self, value: Any) -> Any:
        if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
            raise ValueError(f"a multiple-choice answer is a list of option ids, not {value!r}")
        if len(set(value)) != len(value):
            raise ValueError(f"an option is chosen twice in {list(value)}")
        self._unknown(list(value), self.option_ids)
        return [i for i in self.option_ids if i in value]

    def _inputs(self) -> list[Any]:
        return list(self._controls.values())


class TrueFalseWidget(QuestionWidget):
    """A True/False toggle plus a justification; response ``{"value", "justification"}``."""

    kind = "true_false"
    hint = "choose_tf"

    def _build(self) -> Any:
        import ipywidgets as w

        value = w.ToggleButtons(
            options=[(ui("true", self.lang), True), (ui("false", self.lang), False)], value=None,
            tooltips=[ui("true", self.lang), ui("false", self.lang)],
            description_allow_html=False, style={"button_width": "auto"})
        justification = w.RadioButtons(
            options=[(self.lettered(i), i) for i in self.order], value=None,
            layout=_full_width(), description_allow_html=False)
        self._controls = {"value": value, "justification": justification}
        for c in self._controls.values():
            c.observe(self._changed, names="value")
        because = w.HTML(f"<i>{ui('because', self.lang)}</i>")
        return w.VBox([value, because, justification])

    def _read(self) -> Any:
        value = self._controls["value"].value
        if value is None:
            return None
        just = self._controls["justification"].value
        return {"value": value, "justification": just} if just else {"value": value}

    def _write(self, value: Any) -> None:
        value = value or {}
        self._controls["value"].value = value.get("value")
        self._controls["justification"].value = value.get("justification")

    def _validate(self, value: Any) -> Any:
        if not isinstance(value, dict) or not isinstance(value.get("value"), bool):
            raise ValueError("a true/false answer is {'value': True/False, 'justification': id}, "
                             f"not {value!r}")
        extra = set(value) - {"value", "justification"}
        if extra:
            raise ValueError(f"unexpected field(s) in a true/false answer: {sorted(extra)}")
        just = value.get("justification")
        if just is not None:
            if not isinstance(just, str):
                raise ValueError(f"the justification is an option id, not {just!r}")
            self._unknown([just], self.option_ids, "justification")
        return {"value": value["value"], **({"justification": just} if just else {})}

    def _inputs(self) -> list[Any]:
        return list(self._controls.values())
