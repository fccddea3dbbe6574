"""The capstone as a syndicate exercise: role cards and a backbrief template per inject."""

from __future__ import annotations

from typing import Any

from ..content.loader import Content
from ..i18n import gettext


def capstone_labels(lang: str) -> dict[str, str]:
    """Words of the role cards and backbrief templates, in ``lang``."""
    return {
        "role_card": gettext("Role card", lang),
        "who": gettext("Who you are", lang),
        "bring": gettext("What you bring to the cell", lang),
        "ask": gettext("Questions you put to the cell", lang),
        "speak_first": gettext("Injects where the cell hears you first", lang),
        "name": gettext("Name", lang),
        "backbrief_template": gettext("Backbrief", lang),
        "inject": gettext("Inject", lang),
        "component-police": gettext("Police component", lang),
        "component-military": gettext("Military component", lang),
        "component-civilian": gettext("Civilian component", lang),
        "component-humanitarian": gettext("Humanitarian partner", lang),
    }


def capstone_handouts(*, lang: str = "en", scenario: str = "silver_river",
                      content: Content | None = None) -> list[str]:
    """The role cards and, for each inject number, a blank backbrief template (HTML pages).

    Backbrief templates show the inject's number, clock and title only: the situation is
    released by the facilitator, and nothing on them is an answer.
    """
    from ..content.loader import packaged
    from .guides import _scenario, read_roles
    from .render import _env, labels

    content = content or packaged()
    sc = _scenario(scenario, content)
    roles = read_roles(scenario, content)
    firsts: dict[int, Any] = {}
    for inj in sorted(sc.injects, key=lambda i: (i.number, i.clock)):
        firsts.setdefault(inj.number, inj)
    injects = [{"number": n, "clock": i.clock, "title": i.title.get(lang)}
               for n, i in sorted(firsts.items())]
    t = {**labels(lang), **capstone_labels(lang)}
    page = _env().get_template("capstone_pages.html.j2").render(
        roles=roles, injects=injects, t=t, lang=lang, title=sc.title.get(lang))
    return [page]
