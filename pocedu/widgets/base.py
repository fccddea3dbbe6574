"""The common frame of every question widget: prompt, controls, Check/Try again, feedback.

Subclasses (one per item type) build the controls and translate between them and the response
format of ``pocedu/questions/grading.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, Literal

from .feedback import as_dict, invalid_feedback, render, render_invalid
from .style import NEUTRAL
from .text import h, pick, ui

Mode = Literal["practice", "quiz"]
MODES = ("practice", "quiz")


def button(label: str, tip: str, *, primary: bool = False, icon: str = "") -> Any:
    """A large, keyboard-usable button with a visible label and a tooltip."""
    import ipywidgets as w

    return w.Button(description=label, tooltip=tip, icon=icon,
                    button_style="primary" if primary else "",
                    layout=w.Layout(width="auto", padding="4px 16px", margin="4px 8px 4px 0"))


def html(value: str = "", *, css: str = "") -> Any:
    """An HTML widget (content must already be escaped)."""
    import ipywidgets as w

    out = w.HTML(value, layout=w.Layout(width="auto"))
    if css:
        out.add_class(css)
    return out


def heading_html(item: dict, *, lang: str = "en", number: int | None = None) -> str:
    """The line above the prompt: "Question N" (or a quiz label such as "Q3") for students.

    No internal id is shown: it travels in the ``data-item-id`` attribute (for tests and
    instructors' tools). A quiz label ("Q3") is the ``.pocedu-label``.
    """
    item_id = str(item.get("id", ""))
    label = pick(item.get("label") or item_id, lang)
    if label != item_id:
        title, css = label, "pocedu-qnum pocedu-label"
    else:
        title = ui("question_n", lang, n=number) if number is not None else ui("question", lang)
        css = "pocedu-qnum"
    return (f'<div class="pocedu-head" data-item-id="{h(item_id)}"><span class="{css}">'
            f"{h(title)}</span></div>")


class QuestionWidget:
    """One question rendered with ipywidgets; ``.widget`` is the root to display."""

    kind: ClassVar[str] = ""
    """The item type this class renders."""
    hint: ClassVar[str] = "choose"
    """Interface string shown when Check is pressed with no answer."""

    def __init__(self, item: dict, *, mode: Mode, lang: str = "en", initial: Any = None,
                 order: list[str] | None = None,
                 on_answer: Callable[[Any], None] | None = None,
                 check: Callable[[Any], dict] | None = None,
                 number: int | None = None) -> None:
        import ipywidgets as w

        if mode not in MODES:
            raise ValueError(f"mode must be 'practice' or 'quiz', not {mode!r}")
        if item.get("type") != self.kind:
            raise ValueError(f"{type(self).__name__} renders '{self.kind}' items, "
                             f"item '{item.get('id')}' is '{item.get('type')}'")
        if mode == "practice" and check is None:
            raise ValueError("practice mode needs check= (a function returning feedback_for())")
        self.item, self.mode, self.lang = item, mode, lang
        self._on_answer, self._check_fn = on_answer, check
        self.option_ids: list[str] = [o["id"] for o in item.get("options", [])]
        self.texts: dict[str, str] = {o["id"]: pick(o["text"], lang)
                                      for o in item.get("options", [])}
        self.order: list[str] = self._display_order(order)
        self.letters: dict[str, str] = {i: chr(ord("A") + n) for n, i in enumerate(self.order)}
        """Option id -> its letter (A, B, C...) in the order this student sees."""
        self.feedback: dict | None = None
        """The last valid feedback dict shown (practice), or None."""
        self._feedback_text = ""
        self._status_text = ""
        self._loading = True
        body = self._build()
        prompt = html(heading_html(item, lang=lang, number=number)
                      + f'<div class="pocedu-prompt">{h(pick(item.get("prompt"), lang))}</div>')
        self._status = html(css="pocedu-status")
        self._feedback_box = html(css="pocedu-feedback")
        children = [prompt, body]
        if mode == "practice":
            self._check_button = button(ui("check", lang), ui("check_tip", lang), primary=True)
            self._retry_button = button(ui("retry", lang), ui("retry_tip", lang), icon="undo")
            self._check_button.on_click(lambda _b: self.check())
            self._retry_button.on_click(lambda _b: self.retry())
            self._retry_button.layout.display = "none"
            children += [w.HBox([self._check_button, self._retry_button]), self._feedback_box]
        children += [*self._extra_rows(), self._status]
        self.widget = w.VBox(children, layout=w.Layout(width="auto"))
        self.widget.add_class("pocedu-q")
        self.widget.add_class(f"pocedu-{self.kind.replace('_', '-')}")
        try:
            if initial is not None:
                self._write(self._validate(initial))
        except ValueError as err:
            self._set_status(ui("bad_initial", lang, error=str(err)))
        finally:
            self._loading = False

    # ----- to be provided by each type -------------------------------------------------------
    def _build(self) -> Any:
        """Create the controls; return the widget that holds them."""
        raise NotImplementedError

    def _read(self) -> Any:
        """The response shown by the controls, or None when nothing is answered."""
        raise NotImplementedError

    def _write(self, value: Any) -> None:
        """Show ``value`` (already validated; None clears) in the controls."""
        raise NotImplementedError

    def _validate(self, value: Any) -> Any:
        """Check ``value`` is a response of this type naming known ids; return it normalised."""
        raise NotImplementedError

    def _inputs(self) -> list[Any]:
        """The controls a student changes (disabled while feedback is shown)."""
        raise NotImplementedError

    def _extra_rows(self) -> list[Any]:
        """Rows added below the buttons (e.g. a rubric)."""
        return []

    # ----- public API ------------------------------------------------------------------------
    @property
    def response(self) -> Any:
        """The current response in the format of ``pocedu.questions.grading``, or None."""
        return self._read()

    def set_response(self, value: Any) -> None:
        """Show ``value`` as if the student had clicked it (None clears); ids are validated."""
        normalised = None if value is None else self._validate(value)
        if self.mode == "practice" and self.feedback is not None:
            self.retry()
        self._loading = True
        try:
            self._write(normalised)
        finally:
            self._loading = False
        self._changed()

    def check(self) -> dict:
        """Practice: score the answer through ``check`` and show the feedback; return its dict."""
        if self.mode != "practice":
            raise RuntimeError("check() is only available in practice mode")
        response = self.response
        if response is None:
            fb = invalid_feedback(ui(self.hint, self.lang))
        else:
            fb = as_dict(self._check_fn(response))  # type: ignore[misc]
        if not fb.get("valid"):
            self._feedback_box.value, self._feedback_text = render_invalid(
                fb.get("message") or ui(self.hint, self.lang))
            return fb
        self.feedback = fb
        self._show(fb)
        self._set_enabled(False)
        self._check_button.layout.display = "none"
        self._retry_button.layout.display = None
        return fb

    def retry(self) -> None:
        """Practice: clear the feedback so the student can change the answer."""
        if self.mode != "practice":
            raise RuntimeError("retry() is only available in practice mode")
        self.feedback = None
        self._feedback_box.value, self._feedback_text = "", ""
        self._set_enabled(True)
        self._check_button.layout.display = None
        self._retry_button.layout.display = "none"
        if self._on_answer is not None and not self._loading:
            self._on_answer(self.response)  # saved as not checked

    @property
    def feedback_text(self) -> str:
        """Plain text of the feedback and status shown (for tests and screen readers)."""
        return "\n".join(t for t in (self._feedback_text, self._status_text) if t)

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.item.get('id')!r} mode={self.mode}>"

    def lettered(self, option_id: str) -> str:
        """``"B. text"``: an option's letter and text, as shown (plain text)."""
        return f"{self.letters[option_id]}. {self.texts[option_id]}"

    # ----- shared machinery ------------------------------------------------------------------
    def _display_order(self, order: list[str] | None) -> list[str]:
        if order is None:
            return list(self.option_ids)
        if sorted(order) != sorted(self.option_ids):
            raise ValueError(f"order must list every option id of '{self.item.get('id')}' once "
                             f"({', '.join(self.option_ids)}), got {order}")
        return list(order)

    def _show(self, fb: dict) -> None:
        self._feedback_box.value, self._feedback_text = render(
            fb, self.item, lang=self.lang, response=self.response,
            texts={i: self.lettered(i) for i in self.option_ids})

    def _set_enabled(self, enabled: bool) -> None:
        for control in self._inputs():
            control.disabled = not enabled

    def _set_status(self, text: str) -> None:
        self._status_text = text
        self._status.value = (f'<span role="status" style="color:{NEUTRAL}">{h(text)}</span>'
                              if text else "")

    def _changed(self, *_args: Any) -> None:
        """Called on every change a student makes: the answer is saved at once.

        In a quiz the status line says so; in practice the answer is kept quietly (in the
        practice store beside the notebook when a lesson opened one).
        """
        if self._loading:
            return
        if self.mode == "quiz":
            self._save()
        elif self._on_answer is not None:
            self._on_answer(self.response)

    def _save(self) -> None:
        response = self.response
        try:
            if self._on_answer is not None:
                self._on_answer(response)
        except Exception as err:
            self._set_status(f"\u26a0 {ui('not_saved', self.lang)}: {err}")
            raise
        self._set_status("\u2713 " + ui("saved" if response is not None else "cleared", self.lang))

    def _unknown(self, ids: list[str], pool: list[str], what: str = "option") -> None:
        bad = [i for i in ids if i not in pool]
        if bad:
            raise ValueError(f"unknown {what} id(s) {', '.join(map(repr, bad))} for "
                             f"'{self.item.get('id')}' (known: {', '.join(pool)})")
