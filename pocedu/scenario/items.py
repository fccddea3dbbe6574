"""The scenario's decisions as question items in the bank schema (``pocedu.content.models``).

``inject_questions`` gives the practice items of one inject (the decisions, then phase, tiers,
quadrant and lead); ``capstone_items`` gives the graded capstone: the decisions of the
policy-consistent path, summary classification items and the written products.
"""

from __future__ import annotations

from typing import Any

MODULE = "05_capstone"
PHASES = {"prevention": "Prevention", "pre-emption": "Pre-emption", "response": "Response",
          "consolidation": "Consolidation"}
TIERS = {"tier-1": "Tier I: dialogue and engagement", "tier-2": "Tier II: physical protection",
         "tier-3": "Tier III: protective environment"}
LEADS = {"ipo": "Individual police officers (IPOs)", "fpu": "Formed police unit (FPU)",
         "specialised-team": "Specialised police team", "military": "Military component",
         "civilian": "Civilian components (e.g. human rights, CPA, WPA)",
         "leadership": "Senior mission leadership (Head of Mission or Head of Office)",
         "host-state": "Host-state authorities (KNP)"}
QUADRANTS = {"a": "A: low likelihood, low impact", "b": "B: high likelihood, low impact",
             "c": "C: low likelihood, high impact", "d": "D: high likelihood, high impact"}
QUADRANT_MISCONCEPTIONS = {
    "a": "A threat that is not yet confirmed or under way can be rated low on both likelihood "
         "and impact.",
    "b": "Impact is judged by the harm done so far, not by the potential scale and gravity of "
         "the violence.",
    "c": "A threat stays unlikely until the violence is confirmed or under way, whatever the "
         "perpetrator's intent, capacity and record.",
    "d": "Any threat that could take a high toll is also likely, whatever the evidence.",
}
PHASE_OBJECTIVE, TIER_OBJECTIVE, RISK_OBJECTIVE, LEAD_OBJECTIVE = 1, 2, 3, 4


def _t(text: str) -> dict[str, str]:
    return {"en": text}


def _text(model: Any) -> dict[str, str]:
    return model.model_dump(exclude_none=True)


def _single(qid: str, *, prompt: str, options: dict[str, str], key: str, explanation: str,
            source: list[str], objective: int, section: str, feedback: dict[str, str] | None = None,
            misconceptions: dict[str, str] | None = None, level: str = "apply") -> dict:
    feedback, misconceptions = feedback or {}, misconceptions or {}
    wrong = next(o for o in options if o != key)
    return {
        "id": qid, "module": MODULE, "objective": objective, "type": "single", "level": level,
        "section": section, "prompt": _t(prompt),
        "options": [{"id": o, "text": _t(t),
                     **({"feedback": _t(feedback[o])} if o in feedback else {}),
                     **({"misconception": _t(misconceptions[o])} if o in misconceptions else {})}
                    for o, t in options.items()],
        "key": key, "explanation": _t(explanation), "source": list(source),
        "samples": [{"kind": "correct", "response": key, "score": 1},
                    {"kind": "wrong", "response": wrong, "score": 0},
                    {"kind": "invalid", "response": "zz", "score": 0}],
    }


def _prefix(graded: bool) -> str:
    return "g05-sr-" if graded else "05-sr-"


def _context(inject: Any) -> str:
    return f"Inject {inject.number} ({inject.clock}, D{inject.day:+d}): {inject.situation.en}"


def decision_item(inject: Any, decision: Any, *, graded: bool = False,
                  with_context: bool = False) -> dict:
    """A single-choice item dict for one decision (bank schema)."""
    prompt = decision.prompt.en
    if with_context:
        prompt = f"{_context(inject)}\n\n{prompt}"
    item = _single(
        f"{_prefix(graded)}{decision.id}", prompt=prompt,
        options={o.id: o.text.en for o in decision.options}, key=decision.key,
        explanation=decision.explanation.en, source=decision.source,
        objective=decision.objective, section=f"inject-{inject.number}",
        feedback={o.id: o.feedback.en for o in decision.options if o.id != decision.key},
        misconceptions={o.id: o.misconception.en for o in decision.options
                        if o.id != decision.key and o.misconception},
        level=decision.level)
    item["tags"] = ["scenario", inject.id, "decision"]
    return item


def tier_sort_item(inject: Any, *, graded: bool = False) -> dict:
    """A classification item: sort the actions considered at the inject into the three tiers.

    The actions come from the key and from the other options, so the item does not give the
    decision's key away; it replaces a 'which tiers?' multiple-answer item that scored 0 when a
    student ticked one tier more or less than the key.
    """
    f = inject.framing
    key = {a.id: a.tier for a in f.actions}
    tiers = list(TIERS)
    shift = {a.id: tiers[(tiers.index(a.tier) + 1) % len(tiers)] for a in f.actions}
    return {
        "id": f"{_prefix(graded)}{inject.id}-sort-tiers", "module": MODULE,
        "objective": TIER_OBJECTIVE, "type": "classification", "level": "apply",
        "section": f"inject-{inject.number}",
        "prompt": _t(f"Inject {inject.number}: whatever you decided, sort these actions "
                     "considered at this inject into the tier each belongs to."),
        "options": [{"id": a.id, "text": _text(a.text), "feedback": _text(a.feedback)}
                    for a in f.actions],
        "bins": [{"id": t, "text": _t(n)} for t, n in TIERS.items()],
        "key": key, "explanation": _t(f.explanation.en), "source": list(f.source),
        "samples": [{"kind": "correct", "response": key, "score": 1},
                    {"kind": "wrong", "response": shift, "score": 0},
                    {"kind": "invalid", "response": {f.actions[0].id: "tier-9"}, "score": 0}],
    }


def framing_items(inject: Any, *, graded: bool = False) -> list[dict]:
    """Phase (single), sort into tiers (classification), quadrant (single, if rated) and lead
    (single) items."""
    f, pre, section = inject.framing, f"{_prefix(graded)}{inject.id}", f"inject-{inject.number}"
    items = [_single(f"{pre}-phase", prompt=f"Inject {inject.number}: which phase is this?",
                     options=PHASES, key=f.phase, explanation=f.explanation.en, source=f.source,
                     objective=PHASE_OBJECTIVE, section=section)]
    items.append(tier_sort_item(inject, graded=graded))
    if f.quadrant:
        items.append(_single(
            f"{pre}-quadrant", prompt=f"Inject {inject.number}: in which quadrant of the "
            f"prioritisation chart do you rate this threat: {f.threat.en}?",
            options=QUADRANTS, key=f.quadrant.lower(), explanation=f.explanation.en,
            source=f.source, objective=RISK_OBJECTIVE, section=section,
            misconceptions=QUADRANT_MISCONCEPTIONS))
    if inject.lead:
        lead = inject.lead
        items.append(_single(f"{pre}-lead", prompt=f"Inject {inject.number}: {lead.prompt.en}",
                             options=LEADS, key=lead.actor, explanation=lead.explanation.en,
                             source=lead.source, objective=LEAD_OBJECTIVE, section=section))
    for it in items:
        it["tags"] = ["scenario", inject.id, "framing"]
    return items


def product_item(product: Any, *, graded: bool = False) -> dict:
    """A short-text item for a written product, with its rubric for graders."""
    return {
        "id": f"{_prefix(graded)}{product.id}", "module": MODULE, "objective": product.objective,
        "type": "short_text", "level": "evaluate", "section": "written-products",
        "prompt": _text(product.prompt),
        "rubric": [{"id": r.id, "text": _text(r.text)} for r in product.rubric],
        "model_answer": _text(product.model_answer),
        "explanation": _t(f"Graders check the {product.title.en.lower()} against the rubric."),
        "source": list(product.source),
        "samples": [
            {"kind": "correct", "response": {"text": "answer",
                                             "checked": [r.id for r in product.rubric]},
             "score": 1},
            {"kind": "wrong", "response": {"text": "answer", "checked": []}, "score": 0},
            {"kind": "invalid", "response": {"text": ""}, "score": 0}],
        "tags": ["scenario", "product", product.after],
    }


def inject_questions(inject: Any, *, graded: bool = False) -> list[Any]:
    """Validated ``Question`` models for one inject: its decisions, then the framing items."""
    from ..content.models import Question

    dicts = [decision_item(inject, d, graded=graded) for d in inject.decisions]
    dicts += framing_items(inject, graded=graded)
    return [Question.model_validate(d) for d in dicts]


def _summary_items(path: list[Any]) -> list[dict]:
    """Classification items over the whole canonical path: phase and lead of each inject."""
    opts = [{"id": f"inj{i.number}{'b' if i.id.endswith('b') else ''}",
             "text": _t(f"Inject {i.number} ({i.clock}): {i.title.en}")} for i in path]
    phase_key = {o["id"]: i.framing.phase for o, i in zip(opts, path, strict=True)}
    phase_src = sorted({p for i in path for p in i.framing.source})
    wrong_phase = {k: ("prevention" if v != "prevention" else "response")
                   for k, v in phase_key.items()}
    lead_path = [(o, i) for o, i in zip(opts, path, strict=True) if i.lead]
    lead_key = {o["id"]: i.lead.actor for o, i in lead_path}
    lead_bins = sorted(set(lead_key.values()))
    lead_src = sorted({p for _o, i in lead_path for p in i.lead.source})
    shift = {b: lead_bins[(n + 1) % len(lead_bins)] for n, b in enumerate(lead_bins)}
    return [
        {"id": "g05-sr-phases-classify", "module": MODULE, "objective": PHASE_OBJECTIVE,
         "type": "classification", "level": "apply", "section": "phases",
         "prompt": _t("Put each inject of Exercise SILVER RIVER in its phase."),
         "options": opts, "bins": [{"id": p, "text": _t(n)} for p, n in PHASES.items()],
         "key": phase_key,
         "explanation": _t("Prevention: no clear threat yet. Pre-emption: likely threats are "
                           "identified and attacks expected. Response: violence is apparent. "
                           "Consolidation: violence is subsiding. The phases need not follow "
                           "one another in order."),
         "source": phase_src,
         "samples": [{"kind": "correct", "response": phase_key, "score": 1},
                     {"kind": "wrong", "response": wrong_phase, "score": 0},
                     {"kind": "invalid", "response": {"inj1": "phase-9"}, "score": 0}]},
        {"id": "g05-sr-leads-classify", "module": MODULE, "objective": LEAD_OBJECTIVE,
         "type": "classification", "level": "apply", "section": "leads",
         "prompt": _t("Which component leads the key task of each inject?"),
         "options": [o for o, _i in lead_path],
         "bins": [{"id": b, "text": _t(LEADS[b])} for b in lead_bins],
         "key": lead_key,
         "explanation": _t("IPOs liaise with and advise the host police; FPUs deter and respond "
                           "while there is no sustained, large-scale use of firearms; the "
                           "military takes over beyond that; human rights, CPAs and WPAs lead "
                           "on the HRDDP, MRM and MARA; mission leadership decides on POC "
                           "sites and leads advocacy with the authorities."),
         "source": lead_src,
         "samples": [{"kind": "correct", "response": lead_key, "score": 1},
                     {"kind": "wrong", "response": {k: shift[v] for k, v in lead_key.items()},
                      "score": 0},
                     {"kind": "invalid", "response": {"inj1": "nobody"}, "score": 0}]},
    ]


def capstone_items(scenario: Any = None, *, graded: bool = True) -> list[dict]:
    """The graded capstone as bank-schema item dicts (``pocedu.content.models.Question``).

    Decisions along the policy-consistent path (with the situation as context), the tiers and
    quadrant items of that path, two summary classification items (phase and lead of each
    inject) and the written products as short-text items with their rubric.
    """
    from .engine import canonical_path
    from .load import scenario as packaged

    sc = scenario if scenario is not None else packaged()
    path = canonical_path(sc)
    items: list[dict] = []
    for inj in path:
        items += [decision_item(inj, d, graded=graded, with_context=True)
                  for d in inj.decisions]
        items += [it for it in framing_items(inj, graded=graded)
                  if it["id"].endswith(("-sort-tiers", "-quadrant"))]
    items += _summary_items(path)
    items += [product_item(p, graded=graded) for p in sc.products]
    return items


def capstone_bank(scenario: Any = None) -> dict:
    """A bank file dict (``QuestionFile`` schema) holding ``capstone_items()``."""
    return {"schema_version": 1, "module": MODULE, "questions": capstone_items(scenario)}


BANK_FILE = "assessments/bank/capstone.yaml"
BANK_HEADER = (
    "# Generated from pocedu/content/scenarios/silver_river.yaml by "
    "pocedu.scenario.capstone_bank().\n"
    "# Do not edit: change the scenario, then run `python -m pocedu.scenario.items` from the\n"
    "# repository root. The graded capstone follows the policy-consistent path; the self-paced\n"
    "# version branches.\n")


def capstone_bank_yaml(scenario: Any = None) -> str:
    """The text of ``assessments/bank/capstone.yaml``: header and ``capstone_bank()`` as YAML."""
    import yaml

    return BANK_HEADER + yaml.safe_dump(capstone_bank(scenario), sort_keys=False,
                                        allow_unicode=True, width=100)


if __name__ == "__main__":  # python -m pocedu.scenario.items [OUT]: regenerate the capstone bank
    import sys
    from pathlib import Path

    out = Path(sys.argv[1] if len(sys.argv) > 1 else BANK_FILE)
    out.write_text(capstone_bank_yaml(), encoding="utf-8")
    print(f"wrote {out}")
