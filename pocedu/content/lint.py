"""Item-writing rules, checked per bank file: keys not given away by form, distractors that test.

``lint_bank(questions, label=..., graded=...)`` returns one ``Finding`` per broken rule, each
with the figure and the offending ids. ``pocedu validate`` runs it on the practice bank and on
the graded bank of a source checkout; ``python -m pocedu.content.lint FILE...`` on any file.

The rules (figures per bank file; a text's length is that of its English text):

- ``longest-option``: over single-choice and true/false items (a true/false item compares its
  keyed justification with the others), the key is the strictly longest option in at most 30%
  of items, and its length lies within its distractors' range in at least 70%.
- ``true-false-balance``: 40-60% of true/false keys are True (or True and False differ by one).
- ``all-none-of-the-above``: no option reads "all/none of the above".
- ``multiple-form``: every multiple-answer item has a keyed and a wrong option, and no single
  number of wrong options covers more than 60% of the file's multiple-answer items.
- ``misconception``: every distractor names the wrong idea it tests.
- ``level``: every item has a cognitive level; a graded file has at least 40% of its items at
  ``apply`` or above.
- ``naive-strategy`` (graded files): no strategy that knows nothing of POC (longest option,
  words shared with the question, first or last option, always False, two longest) scores more
  than 10 points above chance on the choice items (``pocedu.content.gameability``).
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .models.questions import APPLY_OR_ABOVE, Option, Question

MAX_KEY_LONGEST = 0.30
MIN_KEY_IN_RANGE = 0.70
TRUE_SHARE = (0.40, 0.60)
MAX_SAME_WRONG_COUNT = 0.60
MIN_APPLY_GRADED = 0.40

_ABOVE = re.compile(
    r"\b(all|none|both|neither) of the (above|answers|options)\b|\bl'ensemble des réponses\b|"
    r"\b(toutes|aucune) des (réponses|propositions) (ci-dessus|précédentes)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Finding:
    """One broken rule in one bank file."""

    rule: str
    """Rule name, e.g. 'longest-option'."""
    file: str
    """The bank file (as given)."""
    message: str
    """The figure and what the rule asks."""
    ids: tuple[str, ...] = ()
    """The offending item ids (``item:option`` for an option)."""

    def __str__(self) -> str:
        shown = ", ".join(self.ids[:12]) + (f" (+{len(self.ids) - 12} more)"
                                             if len(self.ids) > 12 else "")
        return f"{self.file}: {self.rule}: {self.message}" + (f": {shown}" if shown else "")


def _pct(n: int, d: int) -> str:
    return f"{n} of {d} ({100 * n / d:.0f}%)"


def keyed_ids(q: Question) -> set[str]:
    """Ids of the options that are (part of) the key of a choice item."""
    if q.type == "single":
        return {q.key}
    if q.type == "multiple":
        return set(q.key)
    if q.type == "true_false":
        return {q.key["justification"]}
    return set()


def distractors(q: Question) -> list[Option]:
    """The wrong options of a single, multiple or true/false item."""
    if q.type not in ("single", "multiple", "true_false"):
        return []
    keys = keyed_ids(q)
    return [o for o in q.options if o.id not in keys]


def _length_cues(qs: Sequence[Question], label: str) -> list[Finding]:
    longest, outside, n = [], [], 0
    for q in qs:
        if q.type not in ("single", "true_false"):
            continue
        wrong = [len(o.text.en) for o in distractors(q)]
        if not wrong:
            continue
        n += 1
        key_len = len(q.option(next(iter(keyed_ids(q)))).text.en)
        if key_len > max(wrong):
            longest.append(q.id)
        if not min(wrong) <= key_len <= max(wrong):
            outside.append(q.id)
    out = []
    if n and len(longest) > MAX_KEY_LONGEST * n:
        out.append(Finding("longest-option", label,
                           f"the key is the strictly longest option in {_pct(len(longest), n)} "
                           f"single-choice and true/false items (at most "
                           f"{MAX_KEY_LONGEST:.0%})", tuple(longest)))
    if n and n - len(outside) < MIN_KEY_IN_RANGE * n:
        out.append(Finding("longest-option", label,
                           f"the key's length is within its distractors' range in only "
                           f"{_pct(n - len(outside), n)} items (at least {MIN_KEY_IN_RANGE:.0%})",
                           tuple(outside)))
    return out


def _true_false(qs: Sequence[Question], label: str) -> list[Finding]:
    tf = [q for q in qs if q.type == "true_false"]
    if not tf:
        return []
    true = [q.id for q in tf if q.key["value"] is True]
    share = len(true) / len(tf)
    if TRUE_SHARE[0] <= share <= TRUE_SHARE[1] or abs(2 * len(true) - len(tf)) <= 1:
        return []
    side = [q.id for q in tf if (q.key["value"] is True) == (share > 0.5)]
    return [Finding("true-false-balance", label,
                    f"{_pct(len(true), len(tf))} true/false keys are True (40-60% asked); "
                    f"keyed {'True' if share > 0.5 else 'False'}", tuple(side))]


def _above(qs: Sequence[Question], label: str) -> list[Finding]:
    bad = [f"{q.id}:{o.id}" for q in qs for o in q.options
           if any(_ABOVE.search(t) for t in (o.text.en, o.text.fr or ""))]
    return [Finding("all-none-of-the-above", label, "options read 'all/none of the above'",
                    tuple(bad))] if bad else []


def _multiple(qs: Sequence[Question], label: str) -> list[Finding]:
    multi = [q for q in qs if q.type == "multiple"]
    out = []
    degenerate = [q.id for q in multi if not q.key or len(q.key) == len(q.options)]
    if degenerate:
        out.append(Finding("multiple-form", label,
                           "multiple-answer items need at least one keyed and one wrong option",
                           tuple(degenerate)))
    if len(multi) >= 3:
        counts = Counter(len(q.options) - len(q.key) for q in multi)
        wrong_n, same = counts.most_common(1)[0]
        if same > MAX_SAME_WRONG_COUNT * len(multi):
            ids = tuple(q.id for q in multi if len(q.options) - len(q.key) == wrong_n)
            out.append(Finding("multiple-form", label,
                               f"{_pct(same, len(multi))} multiple-answer items have exactly "
                               f"{wrong_n} wrong option(s) (at most {MAX_SAME_WRONG_COUNT:.0%}: "
                               "vary the number of wrong options)", ids))
    return out


def _misconceptions(qs: Sequence[Question], label: str) -> list[Finding]:
    bad = [f"{q.id}:{o.id}" for q in qs for o in distractors(q) if o.misconception is None]
    return [Finding("misconception", label,
                    f"{len(bad)} distractor(s) name no misconception (field 'misconception')",
                    tuple(bad))] if bad else []


def _levels(qs: Sequence[Question], label: str, graded: bool) -> list[Finding]:
    out = []
    missing = [q.id for q in qs if q.level is None]
    if missing:
        out.append(Finding("level", label, f"{len(missing)} item(s) have no 'level'",
                           tuple(missing)))
    if graded and qs:
        high = sum(q.level in APPLY_OR_ABOVE for q in qs)
        if high < MIN_APPLY_GRADED * len(qs):
            low = tuple(q.id for q in qs if q.level not in APPLY_OR_ABOVE)
            out.append(Finding("level", label,
                               f"{_pct(high, len(qs))} items are at 'apply' or above (a graded "
                               f"quiz needs at least {MIN_APPLY_GRADED:.0%})", low))
    return out


def _naive(qs: Sequence[Question], label: str) -> list[Finding]:
    from .gameability import MAX_MARGIN, strategy_scores

    return [Finding("naive-strategy", label,
                    f"'{s.label}' scores {s.score:.0f}% on {s.items} choice items, "
                    f"{s.margin:.0f} points above chance ({s.chance:.0f}%; at most "
                    f"{MAX_MARGIN:.0f} above)") for s in strategy_scores(qs) if not s.ok]


def lint_bank(questions: Sequence[Question], *, label: str, graded: bool) -> list[Finding]:
    """Every broken item-writing rule of one bank file (naive strategies: graded files only)."""
    return [*_length_cues(questions, label), *_true_false(questions, label),
            *_above(questions, label), *_multiple(questions, label),
            *_misconceptions(questions, label), *_levels(questions, label, graded),
            *(_naive(questions, label) if graded else [])]


def is_graded(path: Path) -> bool:
    """Whether a bank file is a graded one (it lives in a course's ``bank/`` folder)."""
    return path.parent.name == "bank"


def lint_items(items: Iterable[Question], files: dict[str, str], *,
               graded: bool) -> list[Finding]:
    """Lint loaded items file by file (``files`` maps an item id to its file label)."""
    by_file: dict[str, list[Question]] = {}
    for q in items:
        by_file.setdefault(files[q.id], []).append(q)
    return [f for label, qs in by_file.items() for f in lint_bank(qs, label=label, graded=graded)]


def lint_files(paths: Iterable[Path]) -> list[Finding]:
    """Lint bank files (each parsed with the strict schema; a parse error raises ContentError)."""
    from .loader import _derive_keys, parse
    from .models.questions import QuestionFile
    from .yamlio import read_yaml

    acts = _activities()
    findings: list[Finding] = []
    for path in paths:
        data = read_yaml(path, str(path))
        _derive_keys(data, acts)
        bank = parse(str(path), data, QuestionFile)
        findings += lint_bank(bank.questions, label=str(path), graded=is_graded(path))
    return findings


def _activities() -> dict:
    """The packaged activity catalogue (for ``key: from-kb``), or none if it does not load."""
    from . import packaged
    from .yamlio import ContentError

    try:
        return packaged().activities
    except ContentError:
        return {}


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m pocedu.content.lint FILE...``: print findings; exit 1 if any."""
    from .yamlio import ContentError

    paths = [Path(a) for a in (sys.argv[1:] if argv is None else argv)]
    if not paths:
        print("usage: python -m pocedu.content.lint BANK.yaml [BANK.yaml ...]", file=sys.stderr)
        return 2
    try:
        findings = lint_files(paths)
    except ContentError as err:
        print("\n".join(err.problems), file=sys.stderr)
        return 1
    for f in findings:
        print(f)
    print(f"{len(findings)} item-writing problem(s) in {len(paths)} file(s)")
    return 1 if findings else 0


if __name__ == "__main__":
    raise SystemExit(main())
