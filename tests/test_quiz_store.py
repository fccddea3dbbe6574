"""The answer store: atomic writes, corruption handling, no keys."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from pocedu.quiz.store import AnswerStore, store_path


def _store(tmp_path: Path) -> AnswerStore:
    return AnswerStore(store_path(tmp_path, "quiz02"), assignment="quiz02", student="ana")


def test_save_and_read_back(tmp_path: Path) -> None:
    store = _store(tmp_path)
    store.save("i1", "b")
    store.save("i2", ["a", "c"])
    store.save("i1", "c")
    data = json.loads((tmp_path / "quiz02.answers.json").read_text())
    assert data["schema"] == 1 and data["assignment"] == "quiz02" and data["student"] == "ana"
    assert {k: v["response"] for k, v in data["answers"].items()} == {"i1": "c", "i2": ["a", "c"]}
    assert all("saved_at" in v for v in data["answers"].values())
    assert _store(tmp_path).answers() == {"i1": "c", "i2": ["a", "c"]}


def test_write_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = _store(tmp_path)
    store.save("i1", "b")

    def crash(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        store.save("i2", "a")
    monkeypatch.undo()
    assert _store(tmp_path).answers() == {"i1": "b"}
    assert [p.name for p in tmp_path.iterdir()] == ["quiz02.answers.json"]


@pytest.mark.parametrize("junk", ['{"schema": 1, "answ', "[]", '{"schema": 9}', "\xff\xfe"])
def test_corrupt_store_is_kept_aside(tmp_path: Path, junk: str) -> None:
    path = tmp_path / "quiz02.answers.json"
    path.write_text(junk, encoding="latin-1")
    store = _store(tmp_path)
    assert store.answers() == {}
    assert store.notice and "could not be read" in store.notice
    aside = list(tmp_path.glob("quiz02.answers.corrupt-*.json"))
    assert len(aside) == 1 and aside[0].read_text(encoding="latin-1") == junk
    store.save("i1", "a")
    assert _store(tmp_path).answers() == {"i1": "a"}
