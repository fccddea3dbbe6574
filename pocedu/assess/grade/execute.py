"""nbgrader's ``Execute`` with an output flood limit, for grading kernels.

nbgrader's ``LimitOutput`` trims lines after a notebook has run; this stops collecting output
while it runs, once a cell has produced ``max_output_bytes``, so a cell printing without end
cannot fill the grader's memory before the timeout ends it.
"""

from __future__ import annotations

from typing import Any

from nbgrader.preprocessors import Execute
from traitlets import Integer

NOTE = "\n[pocedu: output stopped here: the cell printed more than {n} bytes]\n"


class ContainedExecute(Execute):
    """``Execute`` that drops a cell's output beyond ``max_output_bytes``."""

    max_output_bytes = Integer(1_000_000, help="output kept per cell, in bytes").tag(
        config=True)

    def preprocess(self, *args: Any, **kwargs: Any) -> Any:
        """Run a notebook with a fresh output budget per cell."""
        self._pocedu_used: dict[int, int] = {}
        return super().preprocess(*args, **kwargs)

    def output(self, outs: list[Any], msg: dict[str, Any], display_id: str | None,
               cell_index: int) -> Any:
        """Collect output as usual until the cell's budget is spent, then only one note."""
        used = self._pocedu_used
        size = len(str(msg.get("content", "")))
        before = used.get(cell_index, 0)
        used[cell_index] = before + size
        if used[cell_index] <= self.max_output_bytes:
            return super().output(outs, msg, display_id, cell_index)
        if before <= self.max_output_bytes:
            from nbformat.v4 import new_output

            note = new_output("stream", name="stderr",
                              text=NOTE.format(n=self.max_output_bytes))
            outs.append(note)
            return note
        return None
