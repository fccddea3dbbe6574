"""Written answers: typed into a text box, saved in the answer store, graded by a person.

When the graded copy of a submission is built, ``place_written_answers`` copies each saved
written answer into the item's nbgrader manually graded cell (grade id = item id), so graders
read it in formgrader as usual.
"""

from __future__ import annotations

import copy
from typing import Any


def place_written_answers(nb: dict[str, Any], store: dict[str, Any],
                          items: list[dict[str, Any]]) -> dict[str, Any]:
    """A copy of ``nb`` with the saved text of every written (short_text) item in its cell.

    ``store`` is an answer store (``{"answers": {item_id: {"response": ...}}}``). An item with
    no saved text keeps what its cell holds. ``nb`` itself is never changed.
    """
    nb = copy.deepcopy(nb)
    written = {i["id"] for i in items if i.get("type") == "short_text"}
    answers = store.get("answers", {}) if isinstance(store, dict) else {}
    for cell in nb.get("cells", []):
        grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if grade_id not in written:
            continue
        response = (answers.get(grade_id) or {}).get("response")
        text = response.get("text") if isinstance(response, dict) else None
        if isinstance(text, str) and text.strip():
            cell["source"] = text
    return nb
