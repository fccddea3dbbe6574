"""The capstone debrief as a page: teams side by side with the policy-consistent path."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..i18n import check_language, format_number, gettext


def debrief_labels(lang: str) -> dict[str, str]:
    """Words of the debrief page, in ``lang``."""
    return {
        "debrief": gettext("Debrief", lang),
        "teams_side_by_side": gettext("Syndicates side by side with the policy-consistent path",
                                      lang),
        "teams": gettext("syndicates", lang),
        "legend": gettext("✔ policy-consistent option, ✘ another option, — not reached", lang),
        "summary": gettext("Paths and outcomes", lang),
        "team": gettext("Syndicate", lang),
        "score": gettext("Score", lang),
        "decisions": gettext("Decisions", lang),
        "harm": gettext("Harm to civilians", lang),
        "displaced": gettext("Extra displaced", lang),
        "route": gettext("Route", lang),
        "policy_path": gettext("Policy-consistent path", lang),
        "decisions_by_inject": gettext("Decisions, inject by inject", lang),
        "key": gettext("Policy-consistent option", lang),
        "branch": gettext("branch", lang),
        "backbriefs": gettext("Backbriefs against the inject's framing", lang),
        "framing": gettext("Phase, tiers and lead (key)", lang),
        "phase": gettext("Phase", lang),
        "tiers": gettext("Tiers", lang),
        "lead": gettext("Lead", lang),
        "inject": gettext("Inject", lang),
    }


def render_debrief(facilitator: Any, *, lang: str = "en") -> str:
    """The side-by-side debrief of the class in ``facilitator``'s directory, as HTML."""
    from .guides import read_roles
    from .render import _env, css, labels

    check_language(lang)
    db = facilitator.debrief()
    sc = facilitator.scenario
    from ..content.loader import packaged

    fields = read_roles(sc.id.replace("-", "_"), packaged()).backbrief
    firsts: dict[int, Any] = {}
    for inj in sc.injects:
        if inj.id in db.canonical:
            firsts.setdefault(inj.number, inj)

    def option_text(decision: Any, option_id: str) -> str:
        opt = next((o for o in decision.options if o.id == option_id), None)
        return opt.text.get(lang) if opt else option_id

    return _env().get_template("debrief.html.j2").render(
        t={**labels(lang), **debrief_labels(lang)}, lang=lang, css=css(),
        title=sc.title.get(lang), teams=db.teams, rows=db.rows, canonical=db.canonical,
        framings=sorted(firsts.items()), fields=fields, option_text=option_text,
        fmt=lambda v, d: format_number(v, lang=lang, digits=d))


def write_debrief(facilitator: Any, *, out: Path, lang: str = "en") -> Path:
    """Write the debrief page to ``out`` (.html, or .pdf through headless Chromium)."""
    from .render import write

    return write(render_debrief(facilitator, lang=lang), out)
