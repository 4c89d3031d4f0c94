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

from etl import aggregates
from etl.config import RESOURCES

SCHEMA_PATH = Path(__file__).resolve().parent / "schema.sql"


# Named migrations after the initial schema, applied in order to databases made before them; never edit
# an applied one. Each change is also folded into schema.sql, which a new database runs instead
# (tests/test_db.py checks that a v1 database migrated equals a fresh one).
def _m002_ingest_safety(con: duckdb.DuckDBPyConnection) -> None:
    """Run status (aborted runs), warnings beside errors, withdrawn documents."""
    con.execute("ALTER TABLE runs ADD COLUMN status VARCHAR DEFAULT 'running'")
    con.execute("ALTER TABLE runs ADD COLUMN n_withdrawn INTEGER DEFAULT 0")
    con.execute("ALTER TABLE runs ADD COLUMN pid INTEGER")
    con.execute("UPDATE runs SET status = CASE WHEN finished_at IS NULL THEN 'aborted' ELSE 'finished' END")
    con.execute("ALTER TABLE ingest_errors ADD COLUMN severity VARCHAR DEFAULT 'error'")
    con.execute(table_ddl("withdrawn_documents"))


def _m003_aggregates(con: duckdb.DuckDBPyConnection) -> None:
    """Derived tables for the dashboard (etl/aggregates.py), filled from the facts; indexes by document."""
    for name in aggregates.DERIVED:
        con.execute(table_ddl(name))
    for line in SCHEMA_PATH.read_text(encoding="utf-8").splitlines():
        table = line.split()[3] if line.startswith("COMMENT ON TABLE ") else ""
        if line.startswith("CREATE INDEX IF NOT EXISTS ") or table in aggregates.DERIVED:
            con.execute(line)
    aggregates.rebuild(con)


MIGRATIONS: list[tuple[str, Callable[[duckdb.DuckDBPyConnection], None]]] = [
    ("m002_ingest_safety", _m002_ingest_safety),
    ("m003_aggregates", _m003_aggregates),
]


def table_ddl(name: str) -> str:
    """The CREATE TABLE statement of `name` as schema.sql has it (so a migration and a fresh file agree)."""
    text = SCHEMA_PATH.read_text(encoding="utf-8")
    start = text.index(f"CREATE TABLE IF NOT EXISTS {name} (")
    return text[start : text.index(");", start) + 2]


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


class PublishRefused(RuntimeError):
    """The final check before publishing failed; the work copy is kept and the published file untouched."""


class DatabaseUnreadable(RuntimeError):
    """The database file exists but cannot be opened; str() is the one line to show."""


FileIdentity = tuple[int, int, int, int]  # st_dev, st_ino, st_size, st_mtime_ns


def _identity(path: Path) -> FileIdentity | None:
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


@contextlib.contextmanager
def open_for_write(db_path: Path, *, rebuild: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    """A writable connection to the work file; on clean exit the work file replaces `db_path`.

    The caller holds the ingest lock (etl/lock.py), so no other ingest touches the work file. A work
    file left by a killed run is reused (its committed documents survive), so a re-run completes the
    work instead of starting over. On an exception the work file is kept for the same reason and
    `db_path` is untouched. Before publishing, the work file must still be the file this run opened
    and `db_path` the file it started from; else PublishRefused and nothing is replaced.
    """
    db_path = Path(db_path)
    work = building_path(db_path)
    if rebuild:
        work.unlink(missing_ok=True)
    elif work_copy_problem(work) is not None:
        work.unlink(missing_ok=True)
        if db_path.exists():
            shutil.copy2(db_path, work)
    published = _identity(db_path)
    con = connect(work)
    opened = _identity(work)
    try:
        yield con
    except BaseException:
        con.close()
        raise
    con.execute("CHECKPOINT")
    con.close()
    _check_before_publish(db_path, work, opened, published)
    os.replace(work, db_path)


def _check_before_publish(
    db_path: Path, work: Path, opened: FileIdentity | None, published: FileIdentity | None
) -> None:
    now = _identity(work)
    if now is None or opened is None or now[:2] != opened[:2]:
        raise PublishRefused(f"not published: the work copy {work} was replaced or deleted during the run")
    if _identity(db_path) != published:
        raise PublishRefused(
            f"not published: {db_path} changed during the run (written outside the ingest lock); "
            f"this run's work is kept in {work}"
        )
    if (problem := work_copy_problem(work)) is not None:
        raise PublishRefused(f"not published: the work copy {work} does not open ({problem})")


def work_copy_problem(path: Path) -> str | None:
    """None when `path` is a database DuckDB opens; else why not ('missing' or DuckDB's message)."""
    if not path.exists():
        return "missing"
    try:
        duckdb.connect(str(path), read_only=True).close()
    except duckdb.Error as e:
        return f"{type(e).__name__}: {str(e).splitlines()[0]}"
    return None


def known_inputs(path: Path) -> dict[str, str]:
    """input → raw_sha256 of every input recorded in `path` ({} when there is no file yet)."""
    if not path.exists():
        return {}
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error as e:
        raise DatabaseUnreadable(f"cannot open {path}: {str(e).splitlines()[0]}") from e
    try:
        return dict(con.execute("SELECT input, raw_sha256 FROM inputs").fetchall())
    except duckdb.CatalogException:
        return {}  # a database made before any ingest (no tables yet): nothing is known
    finally:
        con.close()


def stats_rows(con: duckdb.DuckDBPyConnection) -> tuple[tuple[object, object], list[tuple[str, int, int]]]:
    """(first, last publication date) and (kind, count, sum of won) per budget kind, for `etl stats`."""
    [span] = con.execute("SELECT min(published_on), max(published_on) FROM documents").fetchall()
    kinds = con.execute(
        "SELECT kind, count(*), coalesce(sum(amount_krw), 0) FROM budgets GROUP BY kind ORDER BY kind"
    ).fetchall()
    return span, kinds


def export_table(con: duckdb.DuckDBPyConnection, table: str, target: Path, fmt: str) -> None:
    """Write one table as CSV or Parquet (`table` comes from table_counts, i.e. the catalog)."""
    rel = con.sql(f'SELECT * FROM "{table}"')
    if fmt == "csv":
        rel.write_csv(str(target))
    else:
        rel.write_parquet(str(target))


def table_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Row count of every table (for `stats` and tests)."""
    names = [
        r[0] for r in con.execute("SELECT table_name FROM duckdb_tables() ORDER BY table_name").fetchall()
    ]
    # Table names come from the catalog, not from users; identifiers cannot be bound as parameters.
    return {n: con.execute(f'SELECT count(*) FROM "{n}"').fetchall()[0][0] for n in names}
