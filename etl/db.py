"""DuckDB access: connect, migrate, and the build-then-swap writer that keeps readers working.

DuckDB allows one read-write process *or* many read-only ones per file, and a conflicting open fails
at once (FACTS.md). So the ingest never writes to the file the dashboard reads: it writes to
`<db>.building` (a copy of the current file, or the leftover of a crashed run, which holds every
document committed before the crash) and then `os.replace`s it over `<db>`. Readers keep their old
snapshot until they reconnect; the dashboard reconnects when the file's mtime changes.
"""

from __future__ import annotations

import contextlib
import csv
import os
import shutil
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import duckdb
import pyarrow as pa

from etl.config import RESOURCES

SCHEMA_PATH = Path(__file__).resolve().parent / "schema.sql"

# Named migrations after the initial schema, applied in order to databases made before them; never edit
# an applied one. Each change is also folded into schema.sql, which a new database runs instead
# (tests/test_db.py checks that a v1 database migrated equals a fresh one).
MIGRATIONS: list[tuple[str, Callable[[duckdb.DuckDBPyConnection], None]]] = []


def schema_version() -> int:
    """The version a fully migrated database has."""
    return 1 + len(MIGRATIONS)


def connect(path: Path | str, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open a database file; a writable one is migrated to the current schema."""
    path = Path(path)
    if read_only:
        return duckdb.connect(str(path), read_only=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(path))
    migrate(con)
    return con


class NestedTransactionError(RuntimeError):
    """transaction() was entered on a connection that already has one open."""


_OPEN: set[int] = set()  # id() of connections inside transaction(); DuckDB connections take no attributes


@contextlib.contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """The one way to write: BEGIN, then COMMIT on success or ROLLBACK on any exception (re-raised).

    Nesting is an error rather than a silent no-op: an inner block that believed it could roll back
    on its own would be wrong about what it undoes.
    """
    key = id(con)
    if key in _OPEN:
        raise NestedTransactionError("a transaction is already open on this connection")
    _OPEN.add(key)
    try:
        con.execute("BEGIN")
        try:
            yield con
        except BaseException:
            con.execute("ROLLBACK")
            raise
        con.execute("COMMIT")
    finally:
        _OPEN.discard(key)


def migrate(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Bring a database to the current schema; return the names of the steps applied.

    A new database runs schema.sql (the full current DDL) and records every migration as applied,
    since schema.sql already holds their changes. An existing one runs, in order and each in its own
    transaction, the migrations it has not recorded.
    """
    with transaction(con):
        con.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (name VARCHAR PRIMARY KEY, applied_at TIMESTAMP NOT NULL)"
        )
        done = {r[0] for r in con.execute("SELECT name FROM schema_migrations").fetchall()}
    if not done:
        with transaction(con):
            _initial(con)
            now = datetime.now()
            for name in ["m001_initial", *(n for n, _ in MIGRATIONS)]:
                con.execute("INSERT INTO schema_migrations VALUES (?, ?)", [name, now])
        return ["m001_initial"]
    applied: list[str] = []
    for name, step in MIGRATIONS:
        if name in done:
            continue
        with transaction(con):
            step(con)
            con.execute("INSERT INTO schema_migrations VALUES (?, ?)", [name, datetime.now()])
        applied.append(name)
    return applied


def _initial(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(SCHEMA_PATH.read_text(encoding="utf-8"))
    _load_countries(con)


def _load_countries(con: duckdb.DuckDBPyConnection) -> None:
    path = RESOURCES / "countries.csv"
    if not path.exists():
        return
    with path.open(encoding="utf-8", newline="") as f:
        rows = [(r["iso2"], r["name_en"], r["name_ko"]) for r in csv.DictReader(f)]
    con.executemany("INSERT OR REPLACE INTO countries VALUES (?, ?, ?)", rows)


def insert_rows(
    con: duckdb.DuckDBPyConnection, table: str, rows: list[dict], *, ignore_conflicts: bool = False
) -> None:
    """Insert dict rows through one Arrow table (executemany manages ~1,500 rows/s; this, millions)."""
    if not rows:
        return
    arrow = pa.Table.from_pylist(rows)
    cols = ", ".join(arrow.column_names)
    con.register("_insert_rows", arrow)
    try:
        # Table and column names come from our own code, never from input; values travel as Arrow data.
        conflict = " ON CONFLICT DO NOTHING" if ignore_conflicts else ""
        con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM _insert_rows{conflict}")
    finally:
        con.unregister("_insert_rows")


def building_path(db_path: Path) -> Path:
    """The work file an ingest writes before swapping it in."""
    return db_path.with_name(db_path.name + ".building")


@contextlib.contextmanager
def open_for_write(db_path: Path, *, rebuild: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    """A writable connection to the work file; on clean exit the work file replaces `db_path`.

    A work file left by a killed run is reused (its committed documents survive), so a re-run
    completes the work instead of starting over. On an exception the work file is kept for the same
    reason and `db_path` is untouched.
    """
    db_path = Path(db_path)
    work = building_path(db_path)
    if rebuild:
        work.unlink(missing_ok=True)
    elif not _usable(work):
        work.unlink(missing_ok=True)
        if db_path.exists():
            shutil.copy2(db_path, work)
    con = connect(work)
    try:
        yield con
    except BaseException:
        con.close()
        raise
    con.execute("CHECKPOINT")
    con.close()
    os.replace(work, db_path)


def _usable(path: Path) -> bool:
    if not path.exists():
        return False
    try:
        duckdb.connect(str(path)).close()
    except duckdb.Error:
        return False
    return True


def table_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Row count of every table (for `stats` and tests)."""
    names = [
        r[0] for r in con.execute("SELECT table_name FROM duckdb_tables() ORDER BY table_name").fetchall()
    ]
    # Table names come from the catalog, not from users; identifiers cannot be bound as parameters.
    return {n: con.execute(f'SELECT count(*) FROM "{n}"').fetchall()[0][0] for n in names}
