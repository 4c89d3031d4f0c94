"""Schema: a fresh database equals a migrated one; migrations are recorded once."""

from __future__ import annotations

from pathlib import Path

import duckdb

from etl import db


def _columns(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    return con.execute(
        "SELECT table_name, column_name, data_type, is_nullable FROM duckdb_columns() "
        "WHERE schema_name = 'main' ORDER BY table_name, column_index"
    ).fetchall()


def test_fresh_equals_migrated(tmp_path: Path) -> None:
    fresh = duckdb.connect(str(tmp_path / "fresh.duckdb"))
    fresh.execute(db.SCHEMA_PATH.read_text(encoding="utf-8"))
    migrated = db.connect(tmp_path / "migrated.duckdb")
    assert _columns(fresh) == _columns(migrated)


def test_migrate_is_recorded_and_idempotent(tmp_path: Path) -> None:
    con = db.connect(tmp_path / "x.duckdb")
    assert db.migrate(con) == []
    names = [r[0] for r in con.execute("SELECT name FROM schema_migrations").fetchall()]
    assert names == ["m001_initial"] and db.schema_version() == 1 + len(db.MIGRATIONS)


def test_schema_first_line_states_version() -> None:
    first = db.SCHEMA_PATH.read_text(encoding="utf-8").splitlines()[0]
    assert f"version {db.schema_version()}" in first


def test_money_is_exact_bigint(tmp_path: Path) -> None:
    con = db.connect(tmp_path / "x.duckdb")
    types = dict(
        con.execute(
            "SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = 'budgets'"
        ).fetchall()
    )
    assert types["amount_krw"] == "BIGINT"


def test_writer_swaps_in_while_a_reader_is_open(tmp_path: Path) -> None:
    path = tmp_path / "p.duckdb"
    with db.open_for_write(path) as con:
        con.execute("INSERT INTO countries VALUES ('ZZ', 'Testland', '테스트')")
    reader = db.connect(path, read_only=True)
    with db.open_for_write(path) as con:  # a reader holds the old file: the writer is not blocked
        con.execute("INSERT INTO countries VALUES ('ZY', 'Otherland', '다른나라')")
    reader.close()
    with db.connect(path, read_only=True) as fresh:
        got = {
            r[0] for r in fresh.execute("SELECT iso2 FROM countries WHERE iso2 IN ('ZZ', 'ZY')").fetchall()
        }
    assert got == {"ZZ", "ZY"}
    assert not db.building_path(path).exists()
