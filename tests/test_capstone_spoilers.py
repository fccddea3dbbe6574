"""The capstone shows nothing before its time: figures end at the first inject, the self-test
waits for the end of the exercise and lists only the injects played."""

from __future__ import annotations

from typing import Any

from pocedu.scenario import plots
from pocedu.scenario.load import scenario as packaged


def test_figures_before_the_exercise_end_at_the_first_inject() -> None:
    sc = packaged()
    first = min(sc.injects, key=lambda i: i.number)
    assert plots.story_so_far(sc) == (-90, first.day)
    trend = plots.trend_figure(by="area")
    assert max(max(t.x) for t in trend.data) <= first.day
    assert "to day -45" in trend.layout.meta["alt"]
    shapes = [s for s in trend.layout.shapes if s.x0 == 0]
    assert not shapes, "no D-day line before D-day"
    weeks = [int(s.label) for s in plots.map_figure().layout.sliders[0].steps]
    assert max(weeks) == first.day // 7
    assert "to day -45" in plots.groups_figure().layout.meta["alt"]


def _play_to_the_end(ex: Any) -> None:
    while not ex.run.finished:
        inj = ex.run.current
        for d in inj.decisions:
            if d.id in ex.run.pending():
                ex.answer(d.id, d.key)
        ex.next()


def test_self_test_opens_at_the_end_with_only_the_injects_played() -> None:
    from pocedu.scenario.play import exercise, self_test
    from pocedu.widgets.tracking import TRACKER

    TRACKER.reset()
    try:
        ex = exercise()
        box = self_test()
        assert len(box.children) == 1 and "opens here" in box.children[0].value
        _play_to_the_end(ex)
        assert len(box.children) == 2
        played = ex.run.result().injects
        phases = box.questions[0]
        assert len(phases.options) == len(played)  # only the injects played, each once
        texts = [o.text.en for o in phases.options]
        assert len(set(texts)) == len(texts)
        assert all("Inject" in t for t in texts)
        again = self_test()  # run after the end: filled at once
        assert len(again.children) == 2
    finally:
        TRACKER.reset()
