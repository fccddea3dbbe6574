"""A plain rendering of a quiz item, used during autograding and when widgets are unavailable."""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from .responses import letters


def _text(t: Any, lang: str = "en") -> str:
    return t.get(lang) or t.get("en", "") if isinstance(t, dict) else str(t)


@dataclass
class PlainQuestion:
    """One question as text with letters for keyboard answers."""

    item: dict[str, Any]
    order: list[str]
    response: Any = None

    def lines(self) -> list[str]:
        item, opts = self.item, {o["id"]: o for o in self.item.get("options", [])}
        out = [f"{item['label']}. {_text(item['prompt'])} ({item.get('points', 1):g} point(s))"]
        for letter, oid in letters(self.order).items():
            out.append(f"  {letter}. {_text(opts[oid]['text'])}")
        for i, b in enumerate(item.get("bins", []), 1):
            out.append(f"  bin {i}: {_text(b['text'])}")
        saved = "none yet" if self.response is None else self.describe(self.response)
        out.append(f"Saved answer: {saved}")
        out.append(f'Answer by clicking, or type e.g. answer("{item["label"]}", "B").')
        return out

    def describe(self, response: Any) -> str:
        """``response`` in the letters this student sees."""
        back = {oid: letter for letter, oid in letters(self.order).items()}

        def one(x: Any) -> str:
            return back.get(x, str(x)) if isinstance(x, str) else str(x)

        if isinstance(response, list):
            return ", ".join(one(x) for x in response)
        if isinstance(response, dict) and "value" in response:
            just = response.get("justification")
            return f"{response['value']}" + (f", {one(just)}" if just else "")
        if isinstance(response, dict) and "text" in response:
            return f"{len(response['text'])} characters of text"
        if isinstance(response, dict):
            bins = {b["id"]: i for i, b in enumerate(self.item.get("bins", []), 1)}
            return ", ".join(f"{one(k)}: bin {bins.get(v, v)}" for k, v in response.items())
        return one(response)

    def __repr__(self) -> str:
        return "\n".join(self.lines())

    def _repr_html_(self) -> str:
        body = "<br>".join(html.escape(line).replace("  ", "&nbsp;&nbsp;") for line in self.lines())
        return f'<div class="pocedu-quiz-plain" style="font-size:1.1em">{body}</div>'
