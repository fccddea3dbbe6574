"""Exercise SILVER RIVER: data, graph, incidents, items, tools, facilitator and CLI."""

from __future__ import annotations

import io
import json
import re
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from pocedu.content.models import Question
from pocedu.scenario import engine
from pocedu.scenario.load import SCENARIOS, ScenarioError, load_scenario, scenario


@pytest.fixture(scope="module")
def sc():
    return scenario()


@pytest.fixture(scope="module")
def paths(sc):
    return engine.walk(sc)


def test_scenario_validates_and_is_rich_enough(sc) -> None:
    assert len(sc.injects) >= 8 and len(sc.areas) >= 4
    assert {a.kind for a in sc.actors} >= {"host-state-police", "host-state-army", "armed-group",
                                          "community", "humanitarian"}
    assert {a.actor for a in sc.assets} >= {"ipo", "fpu", "specialised-team", "military"}
    kinds = {s.kind for a in sc.areas for s in a.sites}
    assert {"idp-site", "un-premises"} <= kinds
    phases = {i.framing.phase for i in sc.injects}
    assert phases == {"prevention", "pre-emption", "response", "consolidation"}
    assert {t for i in sc.injects for t in i.framing.tiers} == {"tier-1", "tier-2", "tier-3"}
    assert any(i.content_note for i in sc.injects)


def test_every_path_ends_in_consolidation_with_a_score(sc, paths) -> None:
    assert len(paths) > 1000
    assert {p.end_phase for p in paths} == {"consolidation"}
    assert all(sc.inject(p.injects[-1]).final for p in paths)
    assert all(0 <= p.score <= 100 for p in paths)
    assert max(p.score for p in paths) == 100.0 and min(p.score for p in paths) == 0.0


def test_the_graph_branches(sc) -> None:
    routes = engine.routes(sc)
    assert len(routes) >= 4
    seen = {i for r in routes for i in r.injects}
    assert seen == {i.id for i in sc.injects}, "every inject is reachable"
    best = [i.id for i in engine.canonical_path(sc)]
    assert "i2b" not in best and "i6-mass" not in best


def test_waiting_at_inject_5_brings_more_displaced_people(sc) -> None:
    def play(overrides: dict[str, str]) -> engine.Run:
        run = engine.Run(sc)
        while True:
            for d in run.current.decisions:
                run.choose(d.id, overrides.get(d.id, d.key))
            if run.advance() is None:
                return run

    good, waited = play({}), play({"i5-action": "c"})
    assert "i6-mass" in waited.injects and "i6-mass" not in good.injects
    assert waited.displaced > good.displaced and waited.harm > good.harm
    late = play({"i1-action": "a"})
    assert engine.situation(sc.inject("i3"), late.flags) != sc.inject("i3").situation


def test_every_inject_has_a_source_pointed_answer_that_resolves(sc) -> None:
    from pocedu.content import packaged

    resolver = packaged().resolver
    for inj in sc.injects:
        for d in inj.decisions:
            assert d.key in {o.id for o in d.options}
            assert d.explanation.en and d.source
            for p in [*d.source, *inj.framing.source, *(inj.lead.source if inj.lead else [])]:
                resolver.resolve(p)  # raises PointerError if it does not resolve


def test_broken_scenario_names_the_problems(tmp_path: Path) -> None:
    text = (SCENARIOS / "silver_river.yaml").read_text(encoding="utf-8")
    bad = text.replace("source: POC Policy 2015 para 19; Police POC Guidelines 2017 paras 11",
                       "source: POC Policy 2015 para 99; Police POC Guidelines 2017 paras 11")
    bad = bad.replace("    next: i5b\n", "    next: i9\n")
    path = tmp_path / "broken.yaml"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(ScenarioError) as err:
        load_scenario(path)
    problems = "\n".join(err.value.problems)
    assert "para 99" in problems and "no inject 'i9'" in problems
    path.write_text(text.replace("  - id: i1\n", "  - id: i1\n    colour: red\n", 1),
                    encoding="utf-8")
    with pytest.raises(ScenarioError, match="unknown field"):
        load_scenario(path)


def test_incidents_shape_disaggregation_and_seed(sc) -> None:
    from pocedu.scenario.incidents import COLUMNS, VICTIM_COLUMNS, incidents

    df = incidents(seed=3)
    assert list(df.columns) == list(COLUMNS) and len(df) >= 400
    assert (df[list(VICTIM_COLUMNS)].sum(axis=1) == df["victims"]).all()
    assert {"crsv", "child-recruitment"} <= set(df["type"])
    assert set(df["area"]) == {a.id for a in sc.areas}
    assert not any(df[c].dtype == object and df[c].str.len().max() > 40 for c in df.columns
                   if c != "date"), "no narrative text"
    assert incidents(seed=3).equals(df) and not incidents(seed=4).equals(df)
    per_day = df.groupby("day").size()
    before = per_day.loc[-90:-46].mean()
    rising = per_day.loc[-20:-1].mean()
    after = per_day.loc[15:30].mean()
    assert before < rising < per_day.loc[0] and after < rising
    orvane = df[(df["day"] == 0)]["area"].value_counts()
    assert orvane.index[0] == "orvane"


def test_capstone_items_fit_the_bank_schema_and_grade_their_samples() -> None:
    from pocedu.content import packaged
    from pocedu.content.loader import check_questions
    from pocedu.scenario.items import capstone_bank, capstone_items

    items = capstone_items()
    questions = [Question.model_validate(i) for i in items]
    assert len({q.id for q in questions}) == len(questions)
    assert {q.type for q in questions} == {"single", "classification", "short_text"}
    assert all(q.module == "05_capstone" and q.id.startswith("g05-") for q in questions)
    products = [q for q in questions if q.type == "short_text"]
    assert len(products) == 2 and all(len(q.rubric) >= 3 for q in products)
    c = packaged()
    assert check_questions({q.id: q for q in questions}, {q.id: "capstone" for q in questions},
                           c.activities, c.resolver) == []
    assert capstone_bank()["questions"] == items
    json.dumps(items)  # plain data


def test_committed_capstone_bank_is_the_generated_one() -> None:
    from pocedu.scenario.items import BANK_FILE, capstone_bank_yaml

    committed = (Path(__file__).resolve().parents[1] / BANK_FILE).read_text(encoding="utf-8")
    assert committed == capstone_bank_yaml(), (
        "assessments/bank/capstone.yaml is stale: run `python -m pocedu.scenario.items`")


def test_capstone_items_carry_levels_and_misconceptions() -> None:
    from pocedu.scenario.items import capstone_items

    questions = [Question.model_validate(i) for i in capstone_items()]
    assert all(q.level for q in questions)
    for q in questions:
        if q.type == "single":
            assert all(o.misconception for o in q.options if o.id != q.key), q.id
    singles = [q for q in questions if q.type == "single"]
    longest = [q.id for q in singles
               if len(q.option(q.key).text.en) > max(len(o.text.en) for o in q.options
                                                     if o.id != q.key)]
    assert len(longest) <= 0.3 * len(singles), longest


def test_tiers_of_inject_4_and_5_count_pressing_the_knp_as_tier_1(sc) -> None:
    # POC Policy 2015 para 30: Tier I includes "persuading the government and other relevant
    # actors to intervene to protect civilians"; inject 3 counts pressing the KNP as Tier I.
    from pocedu.scenario.items import capstone_items

    for inj_id in ("i3", "i4", "i5"):
        inj = sc.inject(inj_id)
        assert inj.framing.tiers == ["tier-1", "tier-2"], inj_id
        knp = [a for a in inj.framing.actions if "KNP" in a.text.en]
        assert knp and all(a.tier == "tier-1" for a in knp), inj_id
    ids = {i["id"] for i in capstone_items()}
    # the old multiple-answer items keyed Tier II only are retired, not reused with a new key
    assert not ids & {"g05-sr-i4-tiers", "g05-sr-i5-tiers"}
    assert {"g05-sr-i4-sort-tiers", "g05-sr-i5-sort-tiers"} <= ids


def test_host_police_abuse_at_inject_2b_is_not_prevention(sc) -> None:
    # POC Policy 2015 para 31(i): prevention is for areas "where no clear threat to civilians
    # has yet been identified"; para 31(ii) lists the measures to pre-empt violations by state
    # security forces (advocacy, accountability, HRDDP).
    inj = sc.inject("i2b")
    assert "threat" in inj.decisions[0].prompt.en
    assert inj.framing.phase == "pre-emption"
    assert "31(ii)" in " ".join(inj.framing.source)


def test_hrddp_measures_are_those_the_guidelines_list(sc) -> None:
    # Police POC Guidelines 2017 Tier I box (excluding commanders, pledges of good conduct) and
    # Tier III box (background checks); neither lists 'joint monitoring'.
    text = (SCENARIOS / "silver_river.yaml").read_text(encoding="utf-8")
    assert "joint monitoring" not in text
    key = sc.inject("i2").decisions[0]
    assert "Tier III box" in " ".join(key.source)


def test_practice_items_per_inject(sc) -> None:
    from pocedu.scenario.items import inject_questions

    qs = inject_questions(sc.inject("i3"))
    kinds = [q.id.removeprefix("05-sr-") for q in qs]
    assert kinds == ["i3-action", "i3-phase", "i3-sort-tiers", "i3-quadrant", "i3-lead"]
    assert qs[3].key == "d"


def test_threat_matrix_uses_the_priority_chart() -> None:
    from pocedu.scenario.threats import ThreatMatrix

    m = ThreatMatrix()
    m.add("Robberies on the road", area="eastroad", likelihood="high", impact="low",
          component="fpu")
    m.add("PSDG attack on Orvane", area="orvane", likelihood="high", impact="high",
          component="fpu")
    assert [e.quadrant for e in m.sorted()] == ["D", "B"]
    assert list(m.table()["area"]) == ["Orvane", "Eastern Road"]
    with pytest.raises(ValueError, match="unknown area"):
        m.add("x", area="nowhere", likelihood="low", impact="low", component="ipo")
    assert m.figure().layout.meta["alt"]
    html = m.table_html()
    assert "Formed police units (FPUs)" in html and "<th scope=\"col\">Priority</th>" in html
    assert ">fpu<" not in html and ">eastroad<" not in html and "<td>0</td>" not in html
    m.add("<script>x</script>", area="orvane", likelihood="low", impact="low", component="ipo")
    assert "<script>" not in m.table_html()


def test_protection_matrix_compares_with_reference() -> None:
    from pocedu.scenario.protection import ProtectionMatrix

    m = ProtectionMatrix()
    m.set("orvane", "must")
    m.set("lanmore", "must")
    rows = {r["area"]: r["agree"] for r in m.compare()}
    assert rows["Orvane"] and not rows["Lanmore"]
    with pytest.raises(ValueError):
        m.set("orvane", "maybe")


def test_figures_are_offline_and_described(sc) -> None:
    from pocedu.scenario.plots import inject_figure, map_figure

    for inj in sc.injects:
        fig = inject_figure(inj)
        assert fig.layout.meta["alt"]
    fig = map_figure(days=(-14, 0))
    assert len(fig.frames) == 3 and fig.layout.sliders


def test_self_paced_exercise_branches_and_scores() -> None:
    from pocedu.scenario.play import Exercise

    recorded: list[tuple[str, str]] = []
    with redirect_stdout(io.StringIO()):
        ex = Exercise(on_decision=lambda d, o: recorded.append((d, o)))
        assert ex.next() is None and "decision" in ex.status.value  # must decide first
        fb = ex.answer("i1-action", "a")
        assert fb["valid"] and not fb["correct"] and "POC Policy 2015" in " ".join(fb["source"])
        ex.answer("i1-action", "b")  # a retry teaches but does not change the decision
        assert ex.run.choices["i1-action"] == "a"
        while True:
            for d in ex.run.current.decisions:
                if d.id not in ex.run.choices:
                    ex.answer(d.id, d.key)
            if ex.next() is None:
                break
    result = ex.run.result()
    assert result.end_phase == "consolidation" and result.score == 90.0
    assert recorded[0] == ("i1-action", "a") and len(recorded) == result.decisions
    assert "90%" in ex.summary_html()


def test_facilitator_releases_and_counts_a_simulated_class(tmp_path: Path) -> None:
    from pocedu.scenario.facilitator import Facilitator, simulate_class

    now = [1000.0]
    fac = Facilitator(tmp_path, clock=lambda: now[0])
    assert fac.released() == 1
    fac.schedule(every_minutes=20)
    now[0] += 45 * 60
    assert fac.released() == 3
    assert fac.release_next() == 4
    results = simulate_class(tmp_path, syndicates=7, seed=11)
    assert len(fac.syndicates()) == 7
    counts = fac.counts()
    for did, per_option in counts.items():
        expected = sum(dict(r.choices).get(did) is not None for r in results)
        assert sum(per_option.values()) == expected
    i1 = [dict(r.choices)["i1-action"] for r in results]
    assert counts["i1-action"] == {o: i1.count(o) for o in ("a", "b", "c")}
    fig = fac.debrief_figure()
    bars = fig.data[0]
    assert sum(bars.x) == sum(len(r.choices) for r in results)
    right = [t for t in bars.text if t.startswith("✔")]
    assert len(right) == len(counts)  # one marked option per decision
    with pytest.raises(KeyError):
        fac.record("syndicate-01", "i1-action", "z")
    with pytest.raises(ValueError):
        fac.record("../evil", "i1-action", "a")


def test_cli_validate_walk_and_facilitate(tmp_path: Path, capsys) -> None:
    from pocedu.cli import main

    assert main(["scenario", "validate"]) == 0
    assert "every one ending in consolidation" in capsys.readouterr().out
    assert main(["scenario", "walk"]) == 0
    out = capsys.readouterr().out
    assert out.count("ends in consolidation") == len(engine.routes(scenario()))
    html = tmp_path / "debrief.html"
    assert main(["scenario", "facilitate", "--class-dir", str(tmp_path / "c"), "--simulate", "3",
                 "--release-next", "--html", str(html)]) == 0
    assert "released: 2 of 8" in capsys.readouterr().out and html.stat().st_size > 1000
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema_version: 1\nid: x\n", encoding="utf-8")
    assert main(["scenario", "validate", str(bad)]) == 1


def test_map_legend_is_capitalised_and_shapes_differ() -> None:
    from pocedu.scenario.plots import SITE_STYLE, map_figure

    names = [t.name for t in map_figure(days=(-14, 0)).data if t.name]
    assert {"UN premises", "IDP site", "Village", "Town"} <= set(names)
    assert SITE_STYLE["village"][0] != SITE_STYLE["town"][0]


def test_map_spreads_sites_that_sit_on_top_of_each_other() -> None:
    from pocedu.scenario.plots import MIN_GAP, _spread

    out = _spread([(48.0, 42.0), (48.0, 42.0), (49.0, 41.0)])
    for i, (x, y) in enumerate(out):
        for px, py in out[:i]:
            assert ((x - px) ** 2 + (y - py) ** 2) ** 0.5 >= MIN_GAP - 1e-9


def test_capstone_notebook_credits_the_course_descriptions_only_with_what_they_say() -> None:
    # The CoESPU course description (shared/sources/course-coespu-ecpoc.txt) names a closing
    # scenario-based exercise on police planning at the tactical level but no syndicate size.
    import nbformat

    root = Path(__file__).resolve().parents[1]
    nb = nbformat.read(root / "modules" / "05_capstone" / "05_capstone.ipynb", as_version=4)
    setting = next(c.source for c in nb.cells if c.source.startswith("## 1. The setting"))
    assert "(CoESPU course)" in setting and "scenario-based exercise" in setting
    for sentence in re.split(r"(?<=\.)\s", setting):
        if "CoESPU course" in sentence:
            assert not re.search(r"syndicates? of|five|seven|\b[5-8]\b", sentence), sentence
