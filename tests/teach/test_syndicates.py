"""The capstone run by three syndicates through `pocedu scenario facilitate`."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from pocedu.cli import main
from pocedu.scenario.facilitator import Facilitator
from pocedu.scenario.load import scenario
from pocedu.teach.render import render_handouts


def _play_policy_path(fac: Facilitator, team: str) -> None:
    """Take the key at every inject, releasing the next inject to ``team`` as it goes."""
    while not (run := fac.run(team)).finished:
        if not run.pending():
            fac.release_next(team)
        for did in run.pending():
            fac.decide(team, did, next(d for d in run.current.decisions if d.id == did).key)


def test_three_syndicates_are_recorded_released_and_compared(tmp_path: Path, capsys) -> None:
    d = str(tmp_path / "class")
    fac_cmd = ["scenario", "facilitate", "--class-dir", d]
    assert main([*fac_cmd, "--teams", "alpha,bravo,charlie"]) == 0
    # inject 1, released to all: three different decisions
    assert main([*fac_cmd, "--decide", "alpha", "i1-action", "b", "--decide", "bravo",
                 "i1-action", "a", "--decide", "charlie", "i1-action", "c"]) == 0
    # a decision on an inject not yet released is refused, with the reason
    assert main([*fac_cmd, "--decide", "charlie", "i2-action", "c"]) == 1
    assert "team charlie is at inject 1 (i1); decision 'i2-action' is not open" in \
        capsys.readouterr().err
    # inject 2 for all; bravo supports the RIU unconditionally and meets branch inject 2b
    assert main([*fac_cmd, "--release-next", "--decide", "bravo", "i2-action", "b",
                 "--decide", "charlie", "i2-action", "c"]) == 0
    out = capsys.readouterr().out
    assert "bravo: inject 2 (i2b)" in out and "charlie: inject 2 (i2), released 2 of 8" in out
    # inject 3 to charlie only
    assert main([*fac_cmd, "--team", "charlie", "--release-next"]) == 0
    out = capsys.readouterr().out
    assert "charlie: inject 3 (i3), released 3 of 8; open: i3-action" in out
    assert "bravo: inject 2 (i2b), released 2 of 8" in out
    # alpha plays the whole policy-consistent path through the API
    fac = Facilitator(d)
    _play_policy_path(fac, "alpha")
    # a backbrief (checked against the template's fields)
    brief = tmp_path / "alpha1.json"
    brief.write_text(json.dumps({"phase": "prevention: no clear threat yet",
                                 "lead": "IPOs with the KNP"}), encoding="utf-8")
    page = tmp_path / "debrief.html"
    assert main([*fac_cmd, "--backbrief", "alpha", "1", str(brief), "--debrief", str(page)]) == 0
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"answer": "x"}), encoding="utf-8")
    assert main([*fac_cmd, "--backbrief", "bravo", "1", str(bad)]) == 1
    assert "unknown backbrief field(s) answer" in capsys.readouterr().err

    db = fac.debrief()
    assert [p.team for p in db.teams] == ["alpha", "bravo", "charlie"]
    by_id = {r.decision.id: r for r in db.rows}
    assert by_id["i1-action"].picks == {"alpha": "b", "bravo": "a", "charlie": "c"}
    assert [by_id["i1-action"].consistent(t) for t in ("alpha", "bravo", "charlie")] == \
        [True, False, False]
    assert by_id["i2b-action"].on_path is False  # a branch only bravo reached
    assert by_id["i8-action"].picks["alpha"] == by_id["i8-action"].decision.key
    assert by_id["i8-action"].picks["bravo"] is None
    alpha = next(p for p in db.teams if p.team == "alpha")
    assert alpha.result.score == 100.0 and list(alpha.result.injects) == db.canonical
    assert "i2b" in next(p for p in db.teams if p.team == "bravo").result.injects

    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page.read_text("utf-8"))).split())
    for team in ("alpha", "bravo", "charlie"):
        assert team in text
    assert "✔ b" in text and "✘ a" in text and "✘ c" in text
    i1 = scenario().inject("i1").decisions[0]
    assert i1.explanation.en[:60] in text  # the policy-consistent path's reasoning
    assert "; ".join(i1.source) in text     # and its source paragraphs
    assert "prevention: no clear threat yet" in text


def test_capstone_handouts_have_role_cards_and_blank_backbriefs() -> None:
    page = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", render_handouts("05"))).split())
    for role in ("Police component commander", "FPU commander", "JOC/JMAC liaison analyst",
                 "Civil Affairs officer", "Human rights officer", "Child Protection Adviser",
                 "Humanitarian liaison officer"):
        assert f"Role card — {role}" in page
    for n in range(1, 9):
        assert f"Backbrief — Inject {n}" in page
    sc = scenario()
    leaked = [d.id for i in sc.injects for d in i.decisions
              if d.explanation.en[:50] in page
              or any(o.feedback.en[:50] in page for o in d.options)]
    assert not leaked
    assert sc.inject("i3").situation.en[:50] not in page  # injects are released, not printed
