"""The self-paced exercise: one inject at a time, with immediate feedback and branching.

Each decision is a practice question widget (``pocedu.widgets.build``). The first checked
answer to a decision is the syndicate's decision: it scores and sets the branch; retrying
afterwards is for learning only. ``Next inject`` follows the branch the decisions chose.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .engine import Run

CONTENT_NOTE_STYLE = "border-left:6px solid #E69F00;padding:8px 14px;background:#FBF8CF;"
CARD_STYLE = "border-left:6px solid #0072B2;padding:8px 14px;font-size:17px;"


def _h(text: Any) -> str:
    import html

    return html.escape(str(text), quote=False)


def briefing(*, scenario: Any = None, lang: str | None = None) -> Any:
    """The opening brief (country, mission, role, areas, actors, assets) as HTML."""
    from IPython.display import HTML

    from ..i18n import format_number, gettext
    from .load import scenario as packaged

    lang = _lang(lang)

    def _(msg: str) -> str:
        return gettext(msg, lang=lang)

    sc = scenario if scenario is not None else packaged()
    m = sc.mission
    areas = "".join(f"<li><b>{_h(a.name)}</b> ({_('population')} "
                    f"{format_number(a.population, lang=lang, digits=0)}): "
                    f"{_h(a.description.get(lang))}</li>" for a in sc.areas)
    actors = "".join(f"<li><b>{_h(a.name)} ({_h(a.short)})</b>: {_h(a.description.get(lang))}"
                     "</li>" for a in sc.actors)
    assets = "".join(f"<li>{_h(a.name)}: {a.strength} {_('armed') if a.armed else _('unarmed')}, "
                     f"{_('based in')} {_h(sc.area(a.base).name)}"
                     + (f" ({_h(a.note.get(lang))})" if a.note else "") + "</li>"
                     for a in sc.assets)
    return HTML(
        f'<div style="{CARD_STYLE}"><h3>{_h(sc.title.get(lang))}: {_h(m.country)}, '
        f'{_h(m.name)} ({_h(m.acronym)})</h3>'
        f"<p>{_('Everything in this exercise is fictional.')}</p>"
        f"<p><b>{_('Mandate.')}</b> {_h(m.mandate.get(lang))} "
        f"<i>({_h('; '.join(m.source[:1]))})</i></p>"
        f"<p><b>{_('Situation.')}</b> {_h(m.background.get(lang))}</p>"
        f"<p><b>{_('Your role.')}</b> {_h(m.role.get(lang))}</p>"
        f"<h4>{_('Areas of responsibility')}</h4><ul>{areas}</ul><h4>{_('Actors')}</h4>"
        f"<ul>{actors}</ul><h4>{_('Mission assets at')} {_h(m.team_site)}</h4>"
        f"<ul>{assets}</ul></div>")


class Exercise:
    """The exercise as a widget; display it and play. ``.run`` holds the path and score.

    ``on_decision(decision_id, option_id)`` is called for each decision taken (e.g. a
    facilitator's recorder); ``released()`` returns how many injects (by number) may be played.
    """

    def __init__(self, *, scenario: Any = None, df: Any = None, lang: str | None = None,
                 on_decision: Callable[[str, str], None] | None = None,
                 released: Callable[[], int] | None = None) -> None:
        import ipywidgets as w

        from .incidents import incidents
        from .load import scenario as packaged

        self.scenario = scenario if scenario is not None else packaged()
        self.df = df if df is not None else incidents(scenario=self.scenario)
        self.lang = _lang(lang)
        self.run = Run(self.scenario)
        self._on_decision, self._released = on_decision, released
        self.questions: list[Any] = []
        self.widgets: list[Any] = []
        self.next_button = w.Button(description="Next inject ▶", button_style="primary",
                                    tooltip="Go on to the next inject (after every decision)",
                                    disabled=True)
        self.next_button.on_click(lambda _b: self.next())
        self.status = w.HTML()
        self.box = w.VBox(layout=w.Layout(width="auto"))
        _LATEST[:] = [self]
        _SELF_TESTS.clear()
        self._render()

    # ----- playing ---------------------------------------------------------------------------
    def _check(self, question: Any) -> Callable[[Any], dict]:
        from ..questions.public import feedback_for
        from ..widgets.tracking import TRACKER

        decision_id = question.id.removeprefix("05-sr-")
        is_decision = decision_id in self.run.pending() or decision_id in self.run.choices

        def check(response: Any) -> dict:
            fb = feedback_for(question, response, lang=self.lang)
            if not fb["valid"]:
                return fb
            TRACKER.record(item_id=question.id, module=question.module,
                           section=question.section, score=fb["score"], correct=fb["correct"],
                           response=response)
            if is_decision and decision_id not in self.run.choices:
                option = self.run.choose(decision_id, response)
                if self._on_decision:
                    self._on_decision(decision_id, option.id)
            self._update_status()
            return fb

        return check

    def answer(self, decision_id: str, option_id: str) -> dict:
        """Answer a decision of the current inject as a click would (for keyboards and tests)."""
        for q, qw in zip(self.questions, self.widgets, strict=True):
            if q.id == f"05-sr-{decision_id}":
                if qw.feedback is not None:
                    qw.retry()
                qw.set_response(option_id)
                return qw.check()
        raise KeyError(f"inject '{self.run.current_id}' has no decision '{decision_id}'")

    def next(self) -> Any:
        """Go to the next inject (if every decision is taken and it is released)."""
        if self.run.pending():
            self._update_status()
            return None
        upcoming = self._upcoming_number()
        if upcoming is not None and self._released and upcoming > self._released():
            self.status.value = (f"⏸ Inject {upcoming} has not been released yet: wait for the "
                                 "facilitator, then press Next again.")
            return None
        nxt = self.run.advance()
        self._render() if nxt is not None else self._finish()
        return nxt

    def _upcoming_number(self) -> int | None:
        from .engine import next_inject

        nid = next_inject(self.run.current, self.run.flags)
        return self.scenario.inject(nid).number if nid else None

    # ----- drawing ---------------------------------------------------------------------------
    def _render(self) -> None:
        import ipywidgets as w
        from IPython.display import display

        from ..questions.public import public_item
        from ..widgets import build
        from ..widgets.tracking import TRACKER
        from .items import inject_questions
        from .plots import inject_figure

        inj = self.run.current
        self.questions = inject_questions(inj)
        for q in self.questions:
            TRACKER.was_asked(q.id, q.module)
        self.widgets = [build(public_item(q, label=self._label(q)), mode="practice",
                              lang=self.lang, check=self._check(q)) for q in self.questions]
        head = (f"<h3>Inject {inj.number}: {_h(inj.title.get(self.lang))}</h3>"
                f"<p><i>{_h(inj.clock)} · story day D{inj.day:+d}</i></p>")
        note = (f'<div role="note" style="{CONTENT_NOTE_STYLE}">⚠ '
                f"{_h(inj.content_note.get(self.lang))}</div>" if inj.content_note else "")
        text = f'<div style="{CARD_STYLE}">{_h(self.run.situation().get(self.lang))}</div>'
        fig_out = w.Output()
        with fig_out:
            display(inject_figure(inj, df=self.df, scenario=self.scenario))
        self.box.children = [w.HTML(head + note + text), fig_out,
                             w.HTML(f"<p><b>New data:</b> {_h(inj.data.caption.get(self.lang))}"
                                    "</p><h4>Your decisions</h4>"),
                             *[qw.widget for qw in self.widgets], self.status, self.next_button]
        self._update_status()

    def _label(self, q: Any) -> str:
        inj = self.run.current
        for kind, name in (("-phase", "Phase"), ("-tiers", "Tiers"), ("-quadrant", "Priority"),
                           ("-lead", "Who leads")):
            if q.id.endswith(kind) and "framing" in q.tags:
                return f"Inject {inj.number} · {name}"
        return f"Inject {inj.number} · Decision"

    def _update_status(self) -> None:
        pending = self.run.pending()
        self.next_button.disabled = bool(pending)
        if pending:
            self.status.value = (f"Take every decision and press <b>Check</b> "
                                 f"({len(pending)} decision(s) left). Your first checked answer "
                                 "is your decision; you may retry afterwards to learn.")
        elif self.run.current.final:
            self.status.value = "Last inject: press <b>Next inject</b> to see your result."
        else:
            self.status.value = "✔ Decisions taken. Press <b>Next inject</b> when ready."

    def _finish(self) -> None:
        import ipywidgets as w

        self.next_button.disabled = True
        self.box.children = [w.HTML(self.summary_html())]
        while _SELF_TESTS:
            _fill_self_test(_SELF_TESTS.pop(), self)

    def summary_html(self) -> str:
        """Your path, score and its consequences, compared with the policy-consistent path."""
        from .engine import canonical_path

        r = self.run.result()
        best = [i.id for i in canonical_path(self.scenario)]
        rows = []
        for did, oid in r.choices:
            inj = next(i for i in self.scenario.injects if any(d.id == did
                                                                for d in i.decisions))
            d = next(x for x in inj.decisions if x.id == did)
            ok = oid == d.key
            rows.append(f"<tr><td>Inject {inj.number}</td><td>{'✔' if ok else '✘'} {_h(oid)}"
                        f"</td><td>{_h(d.key)}</td><td><i>{_h('; '.join(d.source))}</i></td></tr>")
        detour = ("You followed the policy-consistent path." if list(r.injects) == best else
                  f"Your choices changed the story: you played {', '.join(r.injects)}; the "
                  f"policy-consistent path is {', '.join(best)}.")
        return (f'<div style="{CARD_STYLE}"><h3>Exercise complete: consolidation reached</h3>'
                f"<p><b>Decision score: {r.score:.0f}%</b> ({r.points:g} of {r.decisions} "
                f"decisions policy-consistent). Civilian-harm points from your choices: "
                f"{r.harm}. Extra people displaced: {r.displaced:,}.</p><p>{_h(detour)}</p>"
                "<table><tr><th>Inject</th><th>Your choice</th><th>Policy-consistent</th>"
                f"<th>Source</th></tr>{''.join(rows)}</table></div>")

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.box._repr_mimebundle_(**kwargs)


def exercise(**kwargs: Any) -> Exercise:
    """A new ``Exercise`` (see its options)."""
    return Exercise(**kwargs)


def _lang(lang: str | None) -> str:
    """``lang``, or the lesson's language (``lesson.start(..., lang=...)``) when not given."""
    from ..i18n import get_language

    return lang or get_language()


def _practice(questions: list[Any], *, lang: str = "en") -> Any:
    from ..widgets.practice import QuestionList, practice_widget

    return QuestionList(practice_widget(q, lang=lang) for q in questions)


def products(*, scenario: Any = None, lang: str | None = None) -> Any:
    """The written products (CONOPS annex, Threat Matrix entry) as practice short-text widgets."""
    from ..content.models import Question
    from .items import product_item
    from .load import scenario as packaged

    sc = scenario if scenario is not None else packaged()
    return _practice([Question.model_validate(product_item(p)) for p in sc.products],
                     lang=_lang(lang))


_LATEST: list[Any] = []
"""The exercise of this session (the one a self-test follows)."""
_SELF_TESTS: list[Any] = []
"""Self-test boxes waiting for the exercise to finish."""


def self_test(*, scenario: Any = None, lang: str | None = None) -> Any:
    """Closing self-test: put each inject you played in its phase, and name who leads each task.

    It lists only the injects played, so it opens once the exercise above is finished (before,
    it says so): nothing of what comes later is shown early.
    """
    import ipywidgets as w

    from ..i18n import gettext
    from .load import scenario as packaged

    sc = scenario if scenario is not None else packaged()
    box = w.VBox(layout=w.Layout(width="auto"))
    box.scenario, box.lang = sc, _lang(lang)  # type: ignore[attr-defined]
    played = _LATEST[-1] if _LATEST else None
    if played is not None and played.run.finished:
        _fill_self_test(box, played)
    else:
        box.children = [w.HTML('<p role="note"><i>' + _h(gettext(
            "The self-test opens here when you have played the last inject of the exercise "
            "above.")) + "</i></p>")]
        _SELF_TESTS.append(box)
    return box


def _fill_self_test(box: Any, exercise: Any) -> None:
    from ..content.models import Question
    from .items import _summary_items

    path = [exercise.scenario.inject(i) for i in exercise.run.result().injects]
    items = []
    for d in _summary_items(path):
        d = {**d, "id": d["id"].replace("g05-", "05-", 1)}
        items.append(Question.model_validate(d))
    box.questions = items
    box.children = [q.widget for q in _practice(items, lang=box.lang)]


def references(*, scenario: Any = None) -> Any:
    """Every document and place the exercise cites, grouped by document, as HTML."""
    from IPython.display import HTML

    from .load import pointer_records
    from .load import scenario as packaged

    sc = scenario if scenario is not None else packaged()
    pointers = sorted({p for _where, ps in pointer_records(sc) for p in ps})
    items = "".join(f"<li>{_h(p)}</li>" for p in pointers)
    return HTML(f"<p>The exercise cites {len(pointers)} places in the sources:</p><ul>{items}</ul>")
