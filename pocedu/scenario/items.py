"""The scenario's decisions as question items in the bank schema (``pocedu.content.models``).

``inject_questions`` gives the practice items of one inject (the decisions, then phase, tiers,
quadrant and lead); ``capstone_items`` gives the graded capstone: the decisions of the
policy-consistent path, summary classification items and the written products.
"""

from __future__ import annotations

from typing import Any

MODULE = "05_capstone"
LANGS = ("en", "fr")
Text = dict[str, str]
"""A per-language text, as in the bank files: ``{"en": ..., "fr": ...}``."""

PHASES = {"prevention": {"en": "Prevention", "fr": "Prévention"},
          "pre-emption": {"en": "Pre-emption", "fr": "Préemption"},
          "response": {"en": "Response", "fr": "Intervention"},
          "consolidation": {"en": "Consolidation", "fr": "Consolidation"}}
TIERS = {"tier-1": {"en": "Tier I: dialogue and engagement",
                    "fr": "Niveau I : dialogue et engagement"},
         "tier-2": {"en": "Tier II: physical protection", "fr": "Niveau II : protection physique"},
         "tier-3": {"en": "Tier III: protective environment",
                    "fr": "Niveau III : environnement protecteur"}}
LEADS = {"ipo": {"en": "Individual police officers (IPOs)",
                 "fr": "Policiers hors unités constituées (IPO)"},
         "fpu": {"en": "Formed police unit (FPU)", "fr": "Unité de police constituée (UPC)"},
         "specialised-team": {"en": "Specialised police team",
                              "fr": "Équipe de police spécialisée"},
         "military": {"en": "Military component", "fr": "Composante militaire"},
         "civilian": {"en": "Civilian components (e.g. human rights, CPA, WPA)",
                      "fr": ("Composantes civiles (p. ex. droits de l'homme, protection de "
                               "l'enfance, protection des femmes)")},
         "leadership": {"en": "Senior mission leadership (Head of Mission or Head of Office)",
                        "fr": "Haute direction de la mission (chef de mission ou chef de bureau)"},
         "host-state": {"en": "Host-state authorities (KNP)",
                        "fr": "Autorités de l'État hôte (KNP)"}}
QUADRANTS = {"a": {"en": "A: low likelihood, low impact",
                   "fr": "A : probabilité faible, impact faible"},
             "b": {"en": "B: high likelihood, low impact",
                   "fr": "B : probabilité élevée, impact faible"},
             "c": {"en": "C: low likelihood, high impact",
                   "fr": "C : probabilité faible, impact élevé"},
             "d": {"en": "D: high likelihood, high impact",
                   "fr": "D : probabilité élevée, impact élevé"}}
QUADRANT_MISCONCEPTIONS = {
    "a": {"en": "A threat that is not yet confirmed or under way can be rated low on both "
                "likelihood and impact.",
          "fr": "Une menace qui n'est pas encore confirmée ni en cours peut être cotée faible en "
                "probabilité comme en impact."},
    "b": {"en": "Impact is judged by the harm done so far, not by the potential scale and "
                "gravity of the violence.",
          "fr": "L'impact se juge au tort déjà causé, non à l'ampleur et à la gravité possibles "
                "de la violence."},
    "c": {"en": "A threat stays unlikely until the violence is confirmed or under way, whatever "
                "the perpetrator's intent, capacity and record.",
          "fr": "Une menace reste peu probable tant que la violence n'est pas confirmée ou en "
                "cours, quels que soient l'intention, la capacité et les antécédents de "
                "l'auteur."},
    "d": {"en": "Any threat that could take a high toll is also likely, whatever the evidence.",
          "fr": "Toute menace qui pourrait faire un bilan lourd est aussi probable, quels que "
                "soient les éléments."},
}
PROMPTS = {
    "context": {"en": "Inject {n} ({clock}, D{day:+d}): {text}",
                "fr": "Inject {n} ({clock}, J{day:+d}) : {text}"},
    "phase": {"en": "Inject {n}: which phase is this?", "fr": "Inject {n} : quelle est la phase ?"},
    "sort": {"en": "Inject {n}: whatever you decided, sort these actions considered at this "
                   "inject into the tier each belongs to.",
             "fr": "Inject {n} : quelle que soit votre décision, rangez ces actions envisagées à "
                   "cet inject dans le niveau auquel chacune appartient."},
    "quadrant": {"en": "Inject {n}: in which quadrant of the prioritisation chart do you rate "
                       "this threat: {text}?",
                 "fr": "Inject {n} : dans quel quadrant du graphique de priorités cotez-vous "
                       "cette menace : {text} ?"},
    "lead": {"en": "Inject {n}: {text}", "fr": "Inject {n} : {text}"},
    "summary": {"en": "Inject {n} ({clock}): {text}", "fr": "Inject {n} ({clock}) : {text}"},
    "product": {"en": "Graders check the {text} against the rubric.",
                "fr": "Les correcteurs évaluent ce texte ({text}) selon la grille."},
}
PHASE_OBJECTIVE, TIER_OBJECTIVE, RISK_OBJECTIVE, LEAD_OBJECTIVE = 1, 2, 3, 4


def _t(text: str | Text) -> Text:
    return dict(text) if isinstance(text, dict) else {"en": text}


def _text(model: Any) -> Text:
    return model.model_dump(exclude_none=True)


def _fill(template: str, text: Any = None, **parts: Any) -> Text:
    """``PROMPTS[template]`` in each language; ``text`` (a Text model or dict) fills
    ``{text}``. A language is given only where ``text`` has it too."""
    texts = _text(text) if text is not None and not isinstance(text, dict) else text
    out = {}
    for lang in LANGS:
        value = texts.get(lang) if texts is not None else None
        if texts is not None and value is None:
            continue
        out[lang] = PROMPTS[template][lang].format(text=value, **parts)
    return out


def _single(qid: str, *, prompt: str | Text, options: dict[str, str | Text], key: str,
            explanation: str | Text, source: list[str], objective: int, section: str,
            feedback: dict[str, Text] | None = None,
            misconceptions: dict[str, Text] | None = None, level: str = "apply") -> dict:
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


def _context(inject: Any) -> Text:
    return _fill("context", inject.situation, n=inject.number, clock=inject.clock, day=inject.day)


def decision_item(inject: Any, decision: Any, *, graded: bool = False,
                  with_context: bool = False) -> dict:
    """A single-choice item dict for one decision (bank schema)."""
    prompt = _text(decision.prompt)
    if with_context:
        context = _context(inject)
        prompt = {lang: f"{context[lang]}\n\n{p}" for lang, p in prompt.items()
                  if lang in context}
    item = _single(
        f"{_prefix(graded)}{decision.id}", prompt=prompt,
        options={o.id: _text(o.text) for o in decision.options}, key=decision.key,
        explanation=_text(decision.explanation), source=decision.source,
        objective=decision.objective, section=f"inject-{inject.number}",
        feedback={o.id: _text(o.feedback) for o in decision.options if o.id != decision.key},
        misconceptions={o.id: _text(o.misconception) for o in decision.options
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
        "prompt": _fill("sort", n=inject.number),
        "options": [{"id": a.id, "text": _text(a.text), "feedback": _text(a.feedback)}
                    for a in f.actions],
        "bins": [{"id": t, "text": _t(n)} for t, n in TIERS.items()],
        "key": key, "explanation": _text(f.explanation), "source": list(f.source),
        "samples": [{"kind": "correct", "response": key, "score": 1},
                    {"kind": "wrong", "response": shift, "score": 0},
                    {"kind": "invalid", "response": {f.actions[0].id: "tier-9"}, "score": 0}],
    }


def framing_items(inject: Any, *, graded: bool = False) -> list[dict]:
    """Phase (single), sort into tiers (classification), quadrant (single, if rated) and lead
    (single) items."""
    f, pre, section = inject.framing, f"{_prefix(graded)}{inject.id}", f"inject-{inject.number}"
    items = [_single(f"{pre}-phase", prompt=_fill("phase", n=inject.number), options=PHASES,
                     key=f.phase, explanation=_text(f.explanation), source=f.source,
                     objective=PHASE_OBJECTIVE, section=section)]
    items.append(tier_sort_item(inject, graded=graded))
    if f.quadrant:
        items.append(_single(
            f"{pre}-quadrant", prompt=_fill("quadrant", f.threat, n=inject.number),
            options=QUADRANTS, key=f.quadrant.lower(), explanation=_text(f.explanation),
            source=f.source, objective=RISK_OBJECTIVE, section=section,
            misconceptions=QUADRANT_MISCONCEPTIONS))
    if inject.lead:
        lead = inject.lead
        items.append(_single(f"{pre}-lead", prompt=_fill("lead", lead.prompt, n=inject.number),
                             options=LEADS, key=lead.actor, explanation=_text(lead.explanation),
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
        "explanation": {lang: PROMPTS["product"][lang].format(text=t[0].lower() + t[1:])
                        for lang, t in _text(product.title).items()},
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
             "text": _fill("summary", i.title, n=i.number, clock=i.clock)} for i in path]
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
         "prompt": {"en": "Put each inject of Exercise SILVER RIVER in its phase.",
                    "fr": "Rangez chaque inject de l'exercice SILVER RIVER dans sa phase."},
         "options": opts, "bins": [{"id": p, "text": _t(n)} for p, n in PHASES.items()],
         "key": phase_key,
         "explanation": {
             "en": "Prevention: no clear threat yet. Pre-emption: likely threats are identified "
                   "and attacks expected. Response: violence is apparent. Consolidation: "
                   "violence is subsiding. The phases need not follow one another in order.",
             "fr": "Prévention : pas encore de menace claire. Préemption : des menaces probables "
                   "sont identifiées et des attaques attendues. Intervention : la violence est "
                   "manifeste. Consolidation : la violence diminue. Les phases n'ont pas à se "
                   "suivre dans l'ordre."},
         "source": phase_src,
         "samples": [{"kind": "correct", "response": phase_key, "score": 1},
                     {"kind": "wrong", "response": wrong_phase, "score": 0},
                     {"kind": "invalid", "response": {"inj1": "phase-9"}, "score": 0}]},
        {"id": "g05-sr-leads-classify", "module": MODULE, "objective": LEAD_OBJECTIVE,
         "type": "classification", "level": "apply", "section": "leads",
         "prompt": {"en": "Which component leads the key task of each inject?",
                    "fr": "Quelle composante mène la tâche clé de chaque inject ?"},
         "options": [o for o, _i in lead_path],
         "bins": [{"id": b, "text": _t(LEADS[b])} for b in lead_bins],
         "key": lead_key,
         "explanation": {
             "en": "IPOs liaise with and advise the host police; FPUs deter and respond while "
                   "there is no sustained, large-scale use of firearms; the military takes over "
                   "beyond that; human rights, CPAs and WPAs lead on the HRDDP, MRM and MARA; "
                   "mission leadership decides on POC sites and leads advocacy with the "
                   "authorities.",
             "fr": "Les policiers hors unités constituées assurent la liaison avec la police hôte "
                   "et la "
                   "conseillent ; les UPC dissuadent et interviennent tant qu'il n'y a pas d'usage "
                   "soutenu et à grande échelle d'armes à feu ; au-delà, les militaires prennent "
                   "le relais ; les droits de l'homme, les conseillers pour la protection de "
                   "l'enfance et des femmes mènent sur la HRDDP, le "
                   "MRM et les MARA ; la direction de la mission décide des sites de protection "
                   "des civils et mène le plaidoyer auprès des autorités."},
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
