"""Lesson section names: the slug items carry, and the title students read."""

from __future__ import annotations

import re

_ACRONYMS = ("POC", "UN", "IASC", "R2P", "CRSV", "SGBV", "MARA", "MRM", "IPO", "IPOs", "FPU",
             "FPUs", "DUF", "HRDDP", "JOC", "JMAC", "IDP", "IDPs", "HCT", "I", "II", "III")
_KNOWN = {w.lower(): w for w in _ACRONYMS}


def slug(heading: str) -> str:
    """The slug of a heading: its number dropped, lower case, words joined by '-'.

    ``'## 3. Reporting through MARA and the MRM'`` -> ``'reporting-through-mara-and-the-mrm'``.
    """
    text = re.sub(r"^[#\s]*(\d+\.\s*)?", "", heading)
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def title(section_slug: str) -> str:
    """A readable title from a slug: ``'poc-vs-iasc'`` -> ``'POC vs IASC'``."""
    words = [_KNOWN.get(w, w) for w in section_slug.split("-") if w]
    if not words:
        return section_slug
    return " ".join([words[0][:1].upper() + words[0][1:], *words[1:]])
