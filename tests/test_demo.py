"""The demo runs a class through the pre-test, a quiz and the final test, and reports the gain."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from pocedu.assess.demo.run import run_demo


@pytest.mark.slow
def test_demo_reports_learning_gain_between_pre_test_and_final_test(tmp_path: Path) -> None:
    said: list[str] = []
    outputs = run_demo(out=tmp_path / "demo", students=8, seed=7, say=said.append)
    assert {"pretest report", "quiz02 report", "final report"} <= set(outputs)
    final = outputs["final report"].read_text(encoding="utf-8")
    assert "Learning gain since the pre-test" in final
    assert "Can a test-wise student pass?" in final
    assert "Learning gain" not in outputs["quiz02 report"].read_text(encoding="utf-8")
    gain = pd.read_csv(outputs["final report"].parent / "gain_students.csv")
    assert 1 <= len(gain) <= 8
    assert gain["post"].mean() > gain["pre"].mean()   # the simulated class learned
