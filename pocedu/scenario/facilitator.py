"""Facilitator mode: run syndicates as teams, release injects per team or for all (by hand or
on a clock), record each team's decisions and backbriefs, and debrief the teams side by side.

A class directory holds ``teams.json`` (the teams), ``release.json`` (schedule, injects
released for all and per team), one ``decisions/<team>.json`` per team ({decision id: option
id}) and one ``backbriefs/<team>.json`` ({inject number: {field id: text}}). Files are written
atomically, so syndicates and the facilitator can share the directory.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SYNDICATE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$")


def _write_json(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=1, sort_keys=True)
    os.replace(tmp, path)


def _read_json(path: Path, default: Any) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return default
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise ValueError(f"{path}: not a valid JSON file ({err})") from None


class Facilitator:
    """Release injects for a class in ``class_dir`` and show its decisions for the debrief."""

    def __init__(self, class_dir: str | Path, *, scenario: Any = None,
                 clock: Callable[[], float] = time.time) -> None:
        from .load import scenario as packaged

        self.class_dir = Path(class_dir)
        self.scenario = scenario if scenario is not None else packaged()
        self.clock = clock
        self.numbers = sorted({i.number for i in self.scenario.injects})
        self._decisions = {d.id: (i, d) for i in self.scenario.injects for d in i.decisions}

    # ----- releasing ---------------------------------------------------------------------------
    @property
    def _state_path(self) -> Path:
        return self.class_dir / "release.json"

    def _state(self) -> dict:
        return _read_json(self._state_path, {"manual": 1, "start": None, "minutes": None})

    def schedule(self, *, every_minutes: float, start: float | None = None) -> None:
        """Release inject 1 at ``start`` (default now) and the next one every ``every_minutes``."""
        if every_minutes <= 0:
            raise ValueError("every_minutes must be positive")
        state = self._state()
        state.update(start=self.clock() if start is None else start, minutes=every_minutes)
        _write_json(self._state_path, state)

    def release_next(self, team: str | None = None) -> int:
        """Release the next inject by hand, to every team or to ``team`` only; returns how many
        injects are now released (for ``team`` when given)."""
        state = self._state()
        if team is None:
            state["manual"] = min(max(state["manual"], self.released()) + 1, self.numbers[-1])
        else:
            self._path(team)
            per = state.setdefault("teams", {})
            per[team] = min(max(int(per.get(team, 0)), self.released(team)) + 1,
                            self.numbers[-1])
        _write_json(self._state_path, state)
        return self.released(team)

    def released(self, team: str | None = None) -> int:
        """How many injects (by number) are released now, by hand or by the clock; with
        ``team``, counting what was released to that team only."""
        state = self._state()
        count = int(state.get("manual") or 1)
        if state.get("start") is not None and state.get("minutes"):
            elapsed = (self.clock() - state["start"]) / 60
            if elapsed >= 0:
                count = max(count, 1 + int(elapsed // state["minutes"]))
        if team is not None:
            count = max(count, int((state.get("teams") or {}).get(team, 0)))
        return min(count, self.numbers[-1])

    def next_release_at(self) -> float | None:
        """Clock time of the next scheduled release, or None without a schedule or at the end."""
        state = self._state()
        if state.get("start") is None or self.released() >= self.numbers[-1]:
            return None
        return state["start"] + self.released() * state["minutes"] * 60

    # ----- decisions ---------------------------------------------------------------------------
    def _path(self, syndicate: str) -> Path:
        if not SYNDICATE.match(syndicate):
            raise ValueError(f"syndicate name {syndicate!r}: use letters, digits, '-' or '_'")
        return self.class_dir / "decisions" / f"{syndicate}.json"

    def record(self, syndicate: str, decision_id: str, option_id: str) -> None:
        """Store a syndicate's decision (the first one stands)."""
        if decision_id not in self._decisions:
            raise KeyError(f"no decision '{decision_id}' in the scenario")
        options = [o.id for o in self._decisions[decision_id][1].options]
        if option_id not in options:
            raise KeyError(f"decision '{decision_id}' has no option '{option_id}' "
                           f"(options: {', '.join(options)})")
        path = self._path(syndicate)
        data = _read_json(path, {})
        data.setdefault(decision_id, option_id)
        _write_json(path, data)

    def recorder(self, syndicate: str) -> Callable[[str, str], None]:
        """A callback for ``Exercise(on_decision=...)`` recording for ``syndicate``."""
        self._path(syndicate)
        return lambda decision_id, option_id: self.record(syndicate, decision_id, option_id)

    def syndicates(self) -> list[str]:
        """Names of the syndicates that have recorded decisions."""
        folder = self.class_dir / "decisions"
        return sorted(p.stem for p in folder.glob("*.json")) if folder.is_dir() else []

    def decisions(self) -> Any:
        """All recorded decisions as a DataFrame: syndicate, inject, decision, option, key."""
        import pandas as pd

        rows = []
        for s in self.syndicates():
            for did, oid in _read_json(self._path(s), {}).items():
                if did not in self._decisions:
                    continue
                inj, d = self._decisions[did]
                rows.append({"syndicate": s, "inject": inj.id, "number": inj.number,
                             "decision": did, "option": oid, "key": d.key,
                             "consistent": oid == d.key})
        return pd.DataFrame(rows, columns=["syndicate", "inject", "number", "decision", "option",
                                           "key", "consistent"])

    def counts(self) -> dict[str, dict[str, int]]:
        """{decision id: {option id: number of syndicates}} including options nobody chose."""
        df = self.decisions()
        out: dict[str, dict[str, int]] = {}
        for inj in self.scenario.injects:
            for d in inj.decisions:
                chosen = df[df["decision"] == d.id]
                if len(chosen):
                    out[d.id] = {o.id: int((chosen["option"] == o.id).sum()) for o in d.options}
        return out

    # ----- teams -------------------------------------------------------------------------------
    def set_teams(self, names: Iterable[str]) -> list[str]:
        """Declare the class's teams (syndicates), e.g. ``["alpha", "bravo", "charlie"]``."""
        teams = [n.strip() for n in names if n.strip()]
        if not teams:
            raise ValueError("give at least one team name")
        for n in teams:
            self._path(n)
        if len(set(teams)) != len(teams):
            raise ValueError(f"team names must differ: {', '.join(teams)}")
        _write_json(self.class_dir / "teams.json", {"teams": teams})
        return teams

    def teams(self) -> list[str]:
        """The declared teams, then any other syndicate that has recorded decisions."""
        declared = list(_read_json(self.class_dir / "teams.json", {}).get("teams") or [])
        return declared + [s for s in self.syndicates() if s not in declared]

    def run(self, team: str) -> Any:
        """``team``'s way through the scenario: its recorded decisions replayed along the inject
        graph, as far as the injects released to it (a branch inject shares its number)."""
        from .engine import Run, next_inject

        chosen = _read_json(self._path(team), {})
        allowed = self.released(team)
        run = Run(self.scenario)
        while True:
            for d in run.current.decisions:
                if d.id in chosen:
                    run.choose(d.id, chosen[d.id])
            if run.pending() or run.current.final:
                return run
            nxt = next_inject(run.current, run.flags)
            if nxt is None or self.scenario.inject(nxt).number > allowed:
                return run
            run.advance()

    def decide(self, team: str, decision_id: str, option_id: str) -> Any:
        """Record ``team``'s decision on its current inject; returns the option chosen.

        Raises ValueError when the decision is not one the team has before it now (not yet
        released, on another branch, or already taken: the first choice stands).
        """
        run = self.run(team)
        if decision_id not in run.pending():
            waiting = ", ".join(run.pending()) or "none: wait for the next inject"
            raise ValueError(f"team {team} is at inject {run.current.number} "
                             f"({run.current.id}); decision '{decision_id}' is not open to it "
                             f"(open: {waiting})")
        option = run.choose(decision_id, option_id)
        self.record(team, decision_id, option_id)
        return option

    def record_backbrief(self, team: str, inject: int, answers: dict[str, str]) -> None:
        """Store ``team``'s backbrief of inject number ``inject`` ({field id: text})."""
        fields = self.backbrief_fields()
        unknown = sorted(set(answers) - set(fields))
        if unknown:
            raise KeyError(f"unknown backbrief field(s) {', '.join(unknown)} "
                           f"(fields: {', '.join(fields)})")
        if inject not in self.numbers or inject > self.released(team):
            raise ValueError(f"inject {inject} is not released to team {team}")
        path = self.class_dir / "backbriefs" / self._path(team).name
        data = _read_json(path, {})
        data[str(inject)] = {k: str(v) for k, v in answers.items()}
        _write_json(path, data)

    def backbriefs(self, team: str) -> dict[int, dict[str, str]]:
        """``team``'s backbriefs by inject number."""
        data = _read_json(self.class_dir / "backbriefs" / self._path(team).name, {})
        return {int(k): v for k, v in data.items()}

    def backbrief_fields(self) -> list[str]:
        """Field ids of the backbrief template (from the scenario's role file)."""
        from ..content.loader import packaged
        from ..teach.guides import read_roles

        roles = read_roles(self.scenario.id.replace("-", "_"), packaged())
        return [f.id for f in roles.backbrief]

    def debrief(self) -> Debrief:
        """The teams side by side: each decision with every team's choice and the key."""
        from .engine import canonical_path

        teams = self.teams()
        runs = {t: self.run(t) for t in teams}
        canonical = [i.id for i in canonical_path(self.scenario)]
        reached = set(canonical) | {i for r in runs.values() for i in r.injects}
        rows = []
        for inj in self.scenario.injects:
            if inj.id not in reached:
                continue
            for d in inj.decisions:
                rows.append(DebriefRow(inject=inj, decision=d, on_path=inj.id in canonical,
                                       picks={t: runs[t].choices.get(d.id) for t in teams}))
        paths = [TeamPath(team=t, result=runs[t].result(), backbriefs=self.backbriefs(t),
                          current=runs[t].current.id) for t in teams]
        return Debrief(teams=paths, rows=rows, canonical=canonical)

    # ----- debrief -----------------------------------------------------------------------------
    def debrief_figure(self) -> Any:
        """Per decision, the number of syndicates per option; the policy-consistent one marked."""
        import plotly.graph_objects as go

        from ..figures.offline import ensure_offline
        from ..figures.style import OKABE_ITO, finish, wrap

        ensure_offline()
        counts = self.counts()
        groups, labels, values, keys, hovers = [], [], [], [], []
        for did, per_option in counts.items():
            inj, d = self._decisions[did]
            group = f"Inject {inj.number} ({inj.id})"
            for o in d.options:
                groups.append(group)
                labels.append(f"{did} · {o.id}")
                values.append(per_option[o.id])
                keys.append(o.id == d.key)
                hovers.append(f"<b>{wrap(d.prompt.en, 60)}</b><br>{o.id}: "
                              f"{wrap(o.text.en, 60)}")
        blue, orange = OKABE_ITO["blue"], OKABE_ITO["orange"]
        fig = go.Figure(go.Bar(
            orientation="h", y=[groups, labels], x=values, showlegend=False,
            text=[f"{'✔' if k else '✘'} {v}" for k, v in zip(keys, values, strict=True)],
            textposition="outside", hovertext=hovers,
            hovertemplate="%{hovertext}<br>%{x} syndicate(s)<extra></extra>",
            marker={"color": [blue if k else orange for k in keys],
                    "pattern": {"shape": ["" if k else "/" for k in keys]}}))
        for colour, hatch, name in ((blue, "", "✔ policy-consistent option"),
                                    (orange, "/", "✘ other option")):
            fig.add_trace(go.Bar(orientation="h", x=[None], y=[[groups[0]], [labels[0]]],
                                 name=name, marker={"color": colour, "pattern": {"shape": hatch}})
                          if groups else go.Bar(x=[None], y=[None], name=name))
        n = len(self.syndicates())
        right = sum(int(per[self._decisions[did][1].key]) for did, per in counts.items())
        total = sum(sum(per.values()) for per in counts.values())
        alt = (f"Horizontal bar chart: for each decision of each inject, how many of {n} "
               f"syndicates chose each option; {right} of {total} decisions were the "
               "policy-consistent option, marked with a tick.")
        finish(fig, title="Debrief: the class's decisions, inject by inject",
               subtitle=f"{n} syndicates. Blue with ✔: the policy-consistent option; orange "
                        "hatched with ✘: other options.",
               x_title="Syndicates", y_title="", alt=alt, height=max(500, 34 * len(values) + 200))
        fig.update_layout(barmode="overlay", bargap=0.25,
                          legend={"orientation": "h", "y": -0.06, "yanchor": "top", "x": 0})
        fig.update_yaxes(autorange="reversed", tickfont={"size": 14})
        fig.update_xaxes(dtick=1, range=[0, max(values + [1]) + 1])
        return fig

    def panel(self) -> Any:
        """An ipywidgets panel: what is released, a Release button, and the debrief figure."""
        import ipywidgets as w
        from IPython.display import display

        status = w.HTML()
        out = w.Output()
        release = w.Button(description="Release next inject", button_style="primary",
                           icon="forward", tooltip="Release the next inject to every syndicate")
        refresh = w.Button(description="Refresh debrief", icon="refresh",
                           tooltip="Read the syndicates' decisions again and redraw")

        def show(_b: Any = None) -> None:
            at = self.next_release_at()
            when = (f" Next release at {time.strftime('%H:%M', time.localtime(at))}."
                    if at else "")
            status.value = (f"Injects released: <b>{self.released()} of {self.numbers[-1]}</b>."
                            f"{when} Syndicates reporting: {len(self.syndicates())}.")
            out.clear_output(wait=True)
            with out:
                display(self.debrief_figure())

        release.on_click(lambda _b: (self.release_next(), show()))
        refresh.on_click(show)
        show()
        return w.VBox([status, w.HBox([release, refresh]), out])


def simulate_class(class_dir: str | Path, *, syndicates: int = 6, seed: int = 0,
                   scenario: Any = None) -> list[Any]:
    """Play the exercise for ``syndicates`` seeded syndicates of varied skill, recording every
    decision in ``class_dir``; returns each syndicate's ``PathResult``."""
    import random

    from .engine import Run

    fac = Facilitator(class_dir, scenario=scenario)
    rng = random.Random(seed)
    results = []
    for n in range(1, syndicates + 1):
        name = f"syndicate-{n:02d}"
        skill = rng.uniform(0.35, 0.95)
        run = Run(fac.scenario)
        while True:
            for d in run.current.decisions:
                others = [o.id for o in d.options if o.id != d.key]
                choice = d.key if rng.random() < skill else rng.choice(others)
                run.choose(d.id, choice)
                fac.record(name, d.id, choice)
            if run.advance() is None:
                break
        results.append(run.result())
    return results


@dataclass
class DebriefRow:
    """One decision in the debrief: the teams' choices next to the policy-consistent option."""

    inject: Any
    """The inject (scenario model)."""
    decision: Any
    """The decision (scenario model); ``decision.key`` is the policy-consistent option."""
    on_path: bool
    """Whether the inject lies on the policy-consistent path."""
    picks: dict[str, str | None] = field(default_factory=dict)
    """Option id chosen by each team (None: not reached or not decided)."""

    def consistent(self, team: str) -> bool | None:
        """Whether ``team`` chose the key (None if it did not decide)."""
        pick = self.picks.get(team)
        return None if pick is None else pick == self.decision.key


@dataclass
class TeamPath:
    """One team's way through the exercise."""

    team: str
    result: Any
    """``PathResult``: injects, choices, score, harm and displacement."""
    backbriefs: dict[int, dict[str, str]]
    """Backbriefs by inject number."""
    current: str
    """Id of the inject the team is on."""


@dataclass
class Debrief:
    """The side-by-side debrief of a class."""

    teams: list[TeamPath]
    rows: list[DebriefRow]
    canonical: list[str]
    """Inject ids of the policy-consistent path."""
