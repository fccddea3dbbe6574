"""Short written answers, self-assessed against the rubric after the model answer is shown."""

from __future__ import annotations

from typing import Any

from .base import QuestionWidget
from .feedback import CHECK_MARK, INFO, render
from .style import CORRECT, NEUTRAL
from .text import h, pick, ui


class ShortTextWidget(QuestionWidget):
    """A text box; after Check, the model answer and rubric points to tick (score = ticked/total).

    Response: ``{"text": "...", "checked": [rubric ids]}``.
    """

    kind = "short_text"
    hint = "write"

    def _build(self) -> Any:
        import ipywidgets as w

        self.rubric_ids = [r["id"] for r in self.item.get("rubric", [])]
        self._text = w.Textarea(value="", rows=5, continuous_update=True,
                                layout=w.Layout(width="100%"), description_allow_html=False)
        self._ticks = {
            r["id"]: w.Checkbox(value=False, description=pick(r["text"], self.lang), indent=False,
                                description_allow_html=False, layout=w.Layout(width="auto"))
            for r in self.item.get("rubric", [])
        }
        self._text.observe(self._changed, names="value")
        for box in self._ticks.values():
            box.observe(self._ticked, names="value")
        self._controls = {"text": self._text, "rubric": self._ticks}
        return self._text

    def _extra_rows(self) -> list[Any]:
        import ipywidgets as w

        self._rubric_box = w.VBox([w.HTML(f"<b>{h(ui('self_assess', self.lang))}</b>"),
                                   *self._ticks.values()], layout=w.Layout(width="auto"))
        self._rubric_box.layout.display = "none"
        return [self._rubric_box] if self.mode == "practice" else []

    def _ticked(self, *_args: Any) -> None:
        if self._loading or self.feedback is None:
            return
        self._assess()

    def _assess(self) -> None:
        """Re-score with the ticked points and refresh the feedback shown."""
        fb = self._check_fn(self.response)  # type: ignore[misc]
        if fb.get("valid"):
            self.feedback = fb
            self._show(fb)

    def check(self) -> dict:
        """First press: show the model answer and rubric; later calls re-score the ticks."""
        if self.mode == "practice" and self.feedback is not None:
            self._assess()
            return self.feedback
        fb = super().check()
        if fb.get("valid"):
            self._rubric_box.layout.display = None
        return fb

    def retry(self) -> None:
        super().retry()
        self._rubric_box.layout.display = "none"
        self._loading = True
        try:
            for box in self._ticks.values():
                box.value = False
        finally:
            self._loading = False

    def _show(self, fb: dict) -> None:
        n, total = len(self._checked()), len(self.rubric_ids)
        done = total > 0 and n == total
        heading = (CHECK_MARK if done else INFO, ui("self_score", self.lang, n=n, total=total),
                   CORRECT if done else NEUTRAL)
        model = fb.get("model_answer") or ""
        extra_html = (f"<p><b>{h(ui('model_answer', self.lang))}:</b> {h(model)}</p>"
                      if model else "")
        extra_text = f"{ui('model_answer', self.lang)}: {model}" if model else ""
        self._feedback_box.value, self._feedback_text = render(
            {**fb, "message": ""}, self.item, lang=self.lang, heading=heading,
            extra_html=extra_html, extra_text=extra_text)

    def _checked(self) -> list[str]:
        return [r for r in self.rubric_ids if self._ticks[r].value]

    def _read(self) -> Any:
        if not self._text.value.strip():
            return None
        return {"text": self._text.value, "checked": self._checked()}

    def _write(self, value: Any) -> None:
        value = value or {}
        self._text.value = value.get("text", "")
        checked = set(value.get("checked", []))
        for r, box in self._ticks.items():
            box.value = r in checked

    def _validate(self, value: Any) -> Any:
        if not isinstance(value, dict) or not isinstance(value.get("text"), str):
            raise ValueError("a short-text answer is {'text': '...', 'checked': [rubric ids]}, "
                             f"not {value!r}")
        extra = set(value) - {"text", "checked"}
        if extra:
            raise ValueError(f"unexpected field(s) in a short-text answer: {sorted(extra)}")
        checked = value.get("checked", [])
        if not isinstance(checked, list | tuple) or not all(isinstance(c, str) for c in checked):
            raise ValueError(f"'checked' is a list of rubric ids, not {checked!r}")
        self._unknown(list(checked), self.rubric_ids, "rubric")
        return {"text": value["text"], "checked": [r for r in self.rubric_ids if r in checked]}

    def _inputs(self) -> list[Any]:
        return [self._text]
