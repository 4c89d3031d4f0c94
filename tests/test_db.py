"""Schema: a fresh database equals a migrated one; migrations are recorded once."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from etl import db, dbfile


def _columns(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    return con.execute(
        "SELECT table_name, column_name, data_type, is_nullable FROM duckdb_columns() "
        "WHERE schema_name = 'main' ORDER BY table_name, column_index"
    ).fetchall()


V1_SCHEMA = Path(__file__).parent / "fixtures" / "schema_v1.sql"  # schema.sql as released at version 1


def test_fresh_equals_migrated(tmp_path: Path) -> None:
    """A database made at version 1 and migrated has exactly the columns of a fresh one."""
    fresh = db.connect(tmp_path / "fresh.duckdb")
    old = duckdb.connect(str(tmp_path / "old.duckdb"))
    old.execute(V1_SCHEMA.read_text(encoding="utf-8"))
    old.execute("INSERT INTO schema_migrations VALUES ('m001_initial', now())")
    assert db.migrate(old) == [name for name, _ in db.MIGRATIONS]
    assert _columns(fresh) == _columns(old)


def test_a_failing_migration_is_rolled_back_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A step that fails half way leaves no column of it behind and is not recorded; a re-run applies it."""
    old = duckdb.connect(str(tmp_path / "old.duckdb"))
    old.execute(V1_SCHEMA.read_text(encoding="utf-8"))
    old.execute("INSERT INTO schema_migrations VALUES ('m001_initial', now())")
    before = _columns(old)
    name, step = db.MIGRATIONS[0]

    def half_then_fail(con: duckdb.DuckDBPyConnection) -> None:
        step(con)  # every ALTER of the real step, then an error before it is recorded
        raise RuntimeError("disk full")

    monkeypatch.setattr(db, "MIGRATIONS", [(name, half_then_fail), *db.MIGRATIONS[1:]])
    with pytest.raises(RuntimeError, match="disk full"):
        db.migrate(old)
    assert _columns(old) == before
    assert old.execute("SELECT list(name) FROM schema_migrations").fetchall() == [(["m001_initial"],)]
    monkeypatch.undo()
    assert db.migrate(old) == [n for n, _ in db.MIGRATIONS]
    assert _columns(old) == _columns(db.connect(tmp_path / "fresh.duckdb"))


def test_known_inputs_of_missing_empty_unreadable_and_ingested_files(tmp_path: Path) -> None:
    assert db.known_inputs(tmp_path / "none.duckdb") == {}
    duckdb.connect(str(tmp_path / "empty.duckdb")).close()  # a DuckDB file with no tables yet
    assert db.known_inputs(tmp_path / "empty.duckdb") == {}
    (tmp_path / "junk.duckdb").write_bytes(b"not a database" * 512)
    with pytest.raises(db.DatabaseUnreadable, match=r"junk\.duckdb"):
        db.known_inputs(tmp_path / "junk.duckdb")
    con = db.connect(tmp_path / "x.duckdb")
    with db.transaction(con):
        con.execute("INSERT INTO inputs VALUES ('a.txt', 'ab12', 3, 1, 1)")
    con.close()
    assert db.known_inputs(tmp_path / "x.duckdb") == {"a.txt": "ab12"}


def test_migrate_is_recorded_and_idempotent(tmp_path: Path) -> None:
    con = db.connect(tmp_path / "x.duckdb")
    assert db.migrate(con) == []
    names = [r[0] for r in con.execute("SELECT name FROM schema_migrations ORDER BY name").fetchall()]
    assert names == sorted(["m001_initial", *(n for n, _ in db.MIGRATIONS)])
    assert db.schema_version() == 1 + len(db.MIGRATIONS)


def test_transaction_commits_rolls_back_and_refuses_nesting(tmp_path: Path) -> None:
    con = db.connect(tmp_path / "x.duckdb")
    con.execute("CREATE TABLE t (x INTEGER)")
    with db.transaction(con):
        con.execute("INSERT INTO t VALUES (1)")
    with pytest.raises(ValueError), db.transaction(con):
        con.execute("INSERT INTO t VALUES (2)")
        raise ValueError("boom")
    assert con.execute("SELECT list(x) FROM t").fetchall() == [([1],)]
    with db.transaction(con), pytest.raises(db.NestedTransactionError), db.transaction(con):
        pass
    with db.transaction(con):  # the refused inner block left the connection usable
        con.execute("INSERT INTO t VALUES (3)")
    assert con.execute("SELECT list(x ORDER BY x) FROM t").fetchall() == [([1, 3],)]


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
    with dbfile.open_for_write(path) as con:
        con.execute("INSERT INTO countries VALUES ('ZZ', 'Testland', '테스트')")
    reader = db.connect(path, read_only=True)
    with dbfile.open_for_write(path) as con:  # a reader holds the old file: the writer is not blocked
        con.execute("INSERT INTO countries VALUES ('ZY', 'Otherland', '다른나라')")
    reader.close()
    with db.connect(path, read_only=True) as fresh:
        got = {
            r[0] for r in fresh.execute("SELECT iso2 FROM countries WHERE iso2 IN ('ZZ', 'ZY')").fetchall()
        }
    assert got == {"ZZ", "ZY"}
    assert not dbfile.building_path(path).exists()
