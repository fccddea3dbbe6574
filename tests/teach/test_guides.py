"""Facilitator guides and the course overview: validated, bilingual, and each rule's message."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel

from pocedu.cli import main
from pocedu.content.loader import packaged
from pocedu.content.models.base import Text
from pocedu.content.models.questions import MODULES
from pocedu.teach.guides import (
    assessed_by,
    guides_dir,
    load_course,
    load_guide,
    module_name,
    objectives,
)


def _texts(node: Any, path: str = "") -> list[tuple[str, Text]]:
    if isinstance(node, Text):
        return [(path, node)]
    if isinstance(node, BaseModel):
        return [t for name in type(node).model_fields
                for t in _texts(getattr(node, name), f"{path}.{name}")]
    if isinstance(node, list):
        return [t for i, x in enumerate(node) for t in _texts(x, f"{path}[{i}]")]
    return []


@pytest.mark.parametrize("module", MODULES)
def test_every_module_has_a_checked_bilingual_guide(module: str) -> None:
    guide = load_guide(module)
    assert sum(b.minutes for b in guide.blocks) == guide.duration_minutes
    missing = [p for p, t in _texts(guide) if not t.fr]
    assert not missing, f"{module}: no French at {missing[:5]}"
    content = packaged()
    assessed = assessed_by(guide, content)
    for o in objectives(guide, content):
        assert any(a.objective == o.number for a in assessed)
        assert any(o.number in a.objectives for a in guide.activities)


def test_course_overview_is_bilingual_and_maps_every_module() -> None:
    course = load_course()
    assert not [p for p, t in _texts(course) if not t.fr]
    taught = {s.module for d in course.timetable for s in d.sessions if s.module}
    assert taught == set(MODULES)
    assert {d.document for d in course.documents} == set(packaged().resolver.documents)


def test_module_names() -> None:
    assert module_name("2") == module_name("02") == "02_tiers_phases"
    with pytest.raises(Exception, match="unknown module '09'"):
        module_name("09")


def _edit(path: Path, change) -> None:  # noqa: ANN001 - a function editing the parsed YAML
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_validate_names_each_broken_guide_rule(content_copy: Path, capsys) -> None:
    """One broken copy, one `pocedu validate` run: every rule reports its own message."""
    g01 = guides_dir(content_copy) / "01_definitions.yaml"
    g02 = guides_dir(content_copy) / "02_tiers_phases.yaml"

    def break01(d: dict) -> None:
        d["blocks"][0]["minutes"] += 5                              # timings no longer sum
        d["activities"][0]["source"] = ["POC Policy 2015 para 99"]  # pointer does not resolve
        d["activities"][1]["objectives"] = [4, 5]                   # objective 6: no activity
        d["objectives"].append({"number": 7, "text": {"en": "x", "fr": "x"}})  # no item
        d["misconceptions"][0]["items"] = [{"item": "01-nope-single-99"},
                                           {"item": "01-definition-single-01", "option": "z"}]

    def break02(d: dict) -> None:
        d["blocks"][2]["activity"] = "a9"                           # no such activity
        d["blocks"][0]["sections"] = ["no-such-section"]

    _edit(g01, break01)
    _edit(g02, break02)
    assert main(["validate", str(content_copy)]) == 1
    err = capsys.readouterr().err
    expected = [
        "guides/01_definitions.yaml: field 'blocks': the blocks sum to 245 minutes but the "
        "module's stated duration is 240 minutes",
        "guides/01_definitions.yaml: item 'a1': field 'source': 'POC Policy 2015 para 99': "
        "POC Policy 2015 has no para 99",
        "guides/01_definitions.yaml: field 'objectives': objective 6 is practised by no "
        "syndicate activity",
        "guides/01_definitions.yaml: field 'objectives': objective 7 is assessed by no item in "
        "the practice bank of 01_definitions",
        "guides/01_definitions.yaml: item 'm-imminent-hours': field 'items': no item "
        "'01-nope-single-99'",
        "item '01-definition-single-01' has no option 'z'",
        "guides/02_tiers_phases.yaml: item 'b3': field 'activity': no activity 'a9'",
        "guides/02_tiers_phases.yaml: item 'a1': activity is not run in any syndicate block",
        "guides/02_tiers_phases.yaml: item 'b1': field 'sections': no section 'no-such-section'",
    ]
    for message in expected:
        assert message in err, f"missing: {message}\n--- got:\n{err}"


def test_course_timetable_must_give_each_module_its_guide_time(content_copy: Path,
                                                               capsys) -> None:
    course = guides_dir(content_copy) / "course.yaml"
    _edit(course, lambda d: d["timetable"][0]["sessions"][1].update(minutes=200))
    assert main(["validate", str(content_copy)]) == 1
    err = capsys.readouterr().err
    assert ("guides/course.yaml: field 'timetable': module 01_definitions gets 200 minutes in "
            "the timetable but its guide lasts 240") in err


def test_unknown_guide_field_is_named(content_copy: Path, capsys) -> None:
    _edit(guides_dir(content_copy) / "03_police_role.yaml",
          lambda d: d["activities"][0].update(answer="x"))
    assert main(["validate", str(content_copy)]) == 1
    err = capsys.readouterr().err
    assert "guides/03_police_role.yaml: item 'a1': field 'answer': unknown field" in err
