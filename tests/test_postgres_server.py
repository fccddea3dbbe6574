"""The throwaway PostgreSQL server the gradebook tests use really starts and answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from pocedu.testing.postgres import postgres_server


@pytest.mark.slow
def test_postgres_server_starts_answers_and_stops(tmp_path: Path) -> None:
    sqlalchemy = pytest.importorskip("sqlalchemy")
    with postgres_server(tmp_path / "pg") as url:
        engine = sqlalchemy.create_engine(url)
        with engine.connect() as conn:
            assert "PostgreSQL" in conn.execute(sqlalchemy.text("select version()")).scalar()
        engine.dispose()
    assert (tmp_path / "pg" / "postgres-server.log").read_text().count("database system is ready")
