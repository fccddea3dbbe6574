"""Section slugs match the module headings that items point to."""

from __future__ import annotations

import json
from pathlib import Path

from pocedu.content import packaged
from pocedu.sections import slug, title

REPO = Path(__file__).resolve().parents[1]


def test_slug_and_title():
    assert slug("## 3. Reporting through MARA and the MRM") == "reporting-through-mara-and-the-mrm"
    assert title("poc-vs-iasc-protection-vs-r2p") == "POC vs IASC protection vs R2P"


def test_every_item_section_is_a_heading_of_its_module():
    content = packaged()
    for module in ("01_definitions", "02_tiers_phases", "03_police_role", "04_crsv_cp"):
        nb = json.loads((REPO / "modules" / module / f"{module}.ipynb").read_text())
        headings = {slug(line) for cell in nb["cells"] if cell["cell_type"] == "markdown"
                    for line in "".join(cell["source"]).splitlines() if line.startswith("#")}
        missing = {q.id: q.section for q in content.module_questions(module)
                   if q.section and q.section not in headings}
        assert not missing, f"{module}: sections not among the headings: {missing}"
