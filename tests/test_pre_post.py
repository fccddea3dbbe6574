"""The pre-test and the final test are parallel forms over the same learning objectives."""

from __future__ import annotations

from pathlib import Path

from pocedu.content.loader import banks_by_file

BANK = Path(__file__).resolve().parents[1] / "assessments" / "bank"


def _form(name: str) -> list:
    return banks_by_file(BANK)[f"bank/{name}.yaml"]


def test_item_n_of_both_forms_shares_module_objective_type_and_level() -> None:
    pre, post = _form("pretest"), _form("final")
    assert len(pre) == len(post) >= 12
    for a, b in zip(pre, post, strict=True):
        assert (a.module, a.objective, a.type, a.level) == \
            (b.module, b.objective, b.type, b.level), (a.id, b.id)
        assert a.prompt.en != b.prompt.en, (a.id, b.id)


def test_the_forms_cover_every_module_and_are_fully_french() -> None:
    pre, post = _form("pretest"), _form("final")
    assert {q.module for q in pre} == {"01_definitions", "02_tiers_phases", "03_police_role",
                                       "04_crsv_cp"}
    for q in pre + post:
        assert q.prompt.fr and q.explanation.fr, q.id
        assert all(o.text.fr for o in q.options), q.id
