"""DuckDB access: connect, migrate, the one transaction helper, and the ETL's SQL that is not a load's.

How a run writes a file that readers are using is etl/dbfile.py (build, then swap).
"""

from __future__ import annotations

import contextlib
import csv
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import duckdb
import pyarrow as pa

from etl import aggregates, doubts, events, hierarchy
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


def _m003_budget_roles(con: duckdb.DuckDBPyConnection) -> None:
    """Every won amount is a row with its role; ranges keep both bounds (issue #11)."""
    con.execute("ALTER TABLE budgets ADD COLUMN role VARCHAR DEFAULT 'budget'")
    con.execute("ALTER TABLE budgets ADD COLUMN low_krw BIGINT")
    con.execute("ALTER TABLE budgets ADD COLUMN high_krw BIGINT")
    con.execute("ALTER TABLE budgets ADD COLUMN approx BOOLEAN DEFAULT FALSE")
    con.execute("ALTER TABLE budgets ADD COLUMN bound VARCHAR DEFAULT 'exact'")


def _m004_reviews(con: duckdb.DuckDBPyConnection) -> None:
    """Stable fact ids and review states on facts, programs' parent, and what the last review pass did."""
    for table in ("budgets", "participations", "sites"):
        con.execute(f"ALTER TABLE {table} ADD COLUMN fact_id VARCHAR")
        con.execute(f"ALTER TABLE {table} ADD COLUMN state VARCHAR DEFAULT 'machine'")
    con.execute("ALTER TABLE programs ADD COLUMN parent_id VARCHAR")
    con.execute(table_ddl("review_outcomes"))


def _m006_watch(con: duckdb.DuckDBPyConnection) -> None:
    """Per-source state of `etl watch` and the items it fetched (issue #16; SQL in etl/watch/store.py)."""
    for table in ("watch_sources", "watch_items"):
        con.execute(table_ddl(table))


def _m007_document_versions(con: duckdb.DuckDBPyConnection) -> None:
    """History kept: documents carry a version; superseded versions and their facts are kept (issue #16)."""
    con.execute("ALTER TABLE documents ADD COLUMN version INTEGER DEFAULT 1")
    con.execute("ALTER TABLE documents ADD COLUMN valid_from TIMESTAMP")
    con.execute("UPDATE documents SET valid_from = loaded_at")
    for table in ("document_versions", "fact_versions"):
        con.execute(table_ddl(table))


def _m008_attachments_tables(con: duckdb.DuckDBPyConnection) -> None:
    """Attachments point to their page; table facts point to their cell; tables are kept as grids (issue #15)."""
    con.execute("ALTER TABLE documents ADD COLUMN parent_id VARCHAR")
    for col in ("table_seq", "cell_row", "cell_col"):
        con.execute(f"ALTER TABLE budgets ADD COLUMN {col} INTEGER")
    con.execute(table_ddl("document_tables"))
    con.execute("COMMENT ON TABLE document_tables IS '문서 속 표: 셀 격자(병합 셀은 반복), 제목, 단위'")
    con.execute(
        "COMMENT ON COLUMN documents.parent_id IS '첨부파일이면 그 파일을 링크한 보도자료 페이지의 document_id'"
    )


def _m009_aggregates(con: duckdb.DuckDBPyConnection) -> None:
    """Derived tables for the dashboard (etl/aggregates.py), filled from the facts; indexes by document."""
    con.execute("ALTER TABLE sites ADD COLUMN IF NOT EXISTS precision VARCHAR")  # the rebuild reads it (m013)
    for name in (*aggregates.DERIVED, *events.TABLES):  # the money tables read which documents count (m014)
        con.execute(table_ddl(name))
    for line in SCHEMA_PATH.read_text(encoding="utf-8").splitlines():
        table = line.split()[3] if line.startswith("COMMENT ON TABLE ") else ""
        if line.startswith("CREATE INDEX IF NOT EXISTS ") or table in aggregates.DERIVED:
            con.execute(line)
    aggregates.rebuild(con)


def _m010_program_ancestors(con: duckdb.DuckDBPyConnection) -> None:
    """The program hierarchy followed up, for totals that add each money once (issue #12)."""
    con.execute(table_ddl("program_ancestors"))
    con.execute("COMMENT ON TABLE program_ancestors IS '(파생) 사업 계층: 사업과 그 모든 상위 사업(단계 수)'")
    hierarchy.refresh_ancestors(con)


def _m011_doc_parts(con: duckdb.DuckDBPyConnection) -> None:
    """Parts that do not add up to their total, per document and program (the reconciliation check)."""
    con.execute(table_ddl("doc_parts"))
    con.execute("CREATE INDEX IF NOT EXISTS doc_parts_document ON doc_parts (document_id)")
    con.execute(
        "COMMENT ON TABLE doc_parts IS '(파생) 국비·지방비·민간의 합이 발표 총액과 맞지 않는 문서·사업'"
    )
    con.execute("DELETE FROM doc_parts")  # m009's rebuild on an older file has filled it already
    con.execute(f"INSERT INTO doc_parts {aggregates.doc_select('doc_parts', {'budgets': 'budgets'})}")


def _m012_fact_doubts(con: duckdb.DuckDBPyConnection) -> None:
    """The Review page's doubts per money fact, kept at load instead of computed per view (etl/doubts.py)."""
    con.execute(table_ddl("fact_doubts"))
    con.execute(
        "COMMENT ON TABLE fact_doubts IS '(파생) 규칙이 검토를 권하는 금액 사실: 이유(비트마스크)와 의심 점수'"
    )
    doubts.rebuild(con)
    aggregates.tidy(con)


def _m013_site_precision(con: duckdb.DuckDBPyConnection) -> None:
    """What a site's coordinates stand for (building, district, city, province); re-ingest fills it (issue #13)."""
    for table in ("sites", "facilities"):  # IF NOT EXISTS: m009 adds the one of sites on files older than it
        con.execute(f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS precision VARCHAR")


def _m014_events(con: duckdb.DuckDBPyConnection) -> None:
    """One event per announcement (etl/events.py): group the documents, then count only primaries' money."""
    for name in events.TABLES:
        con.execute(table_ddl(name))
    for line in SCHEMA_PATH.read_text(encoding="utf-8").splitlines():
        words = line.split()
        if line.startswith(("CREATE INDEX", "COMMENT ON TABLE")) and any(t in words for t in events.TABLES):
            con.execute(line)
    events.rebuild(con)
    aggregates.rebuild(con)


# m015: columns the derived tables gained (schema.sql has them last, so a migrated file equals a fresh one).
_M015_COLUMNS = {
    "document_stats": ("is_primary BOOLEAN",),
    "doc_figures": ("n_rows BIGINT", "figure_budget_id VARCHAR", "national_budget_id VARCHAR"),
    "program_stats": (
        "n_rows BIGINT",
        "head_rows BIGINT",
        "figure_budget_id VARCHAR",
        "national_budget_id VARCHAR",
    ),
}


def _m015_counted_rows(con: duckdb.DuckDBPyConnection) -> None:
    """What three page queries computed per view, kept at load (issue #14): money rows per program by why they
    count or not (money_reasons, counted rows per document and program), the row stating each headline, and
    which documents are their event's primary."""
    con.execute(table_ddl("money_reasons"))  # IF NOT EXISTS: m009 makes every derived table of today's schema
    for line in SCHEMA_PATH.read_text(encoding="utf-8").splitlines():
        if line.startswith("COMMENT ON TABLE money_reasons "):
            con.execute(line)
    for table, columns in _M015_COLUMNS.items():
        for column in columns:  # IF NOT EXISTS: as above
            con.execute(f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {column}")
    aggregates.rebuild(con)


def _m016_series_rows(con: duckdb.DuckDBPyConnection) -> None:
    """A program's revision rows kept at load (etl/series.py), so its history reads its own row groups (#14)."""
    con.execute(table_ddl("series_rows"))  # IF NOT EXISTS: m009 makes every derived table of today's schema
    for line in SCHEMA_PATH.read_text(encoding="utf-8").splitlines():
        if line.startswith("COMMENT ON TABLE series_rows "):
            con.execute(line)
    con.execute("DELETE FROM series_rows")  # m009's rebuild on an older file has filled it already
    con.execute(
        f"INSERT INTO series_rows {aggregates.doc_select('series_rows', {t: t for t in aggregates.FACT_TABLES})}"
    )
    aggregates.tidy(con)


def _m017_program_merges(con: duckdb.DuckDBPyConnection) -> None:
    """Programs merged by review or proposed by the cross-language twin rule (issue #12, etl/program_merges.py)."""
    con.execute(table_ddl("program_merges"))
    for line in SCHEMA_PATH.read_text(encoding="utf-8").splitlines():
        if line.startswith("COMMENT ON TABLE program_merges "):
            con.execute(line)


MIGRATIONS: list[tuple[str, Callable[[duckdb.DuckDBPyConnection], None]]] = [
    ("m002_ingest_safety", _m002_ingest_safety),
    ("m003_budget_roles", _m003_budget_roles),
    ("m004_reviews", _m004_reviews),
    ("m006_watch", _m006_watch),
    ("m007_document_versions", _m007_document_versions),
    ("m008_attachments_tables", _m008_attachments_tables),
    ("m009_aggregates", _m009_aggregates),
    ("m010_program_ancestors", _m010_program_ancestors),
    ("m011_doc_parts", _m011_doc_parts),
    ("m012_fact_doubts", _m012_fact_doubts),
    ("m013_site_precision", _m013_site_precision),
    ("m014_events", _m014_events),
    ("m015_counted_rows", _m015_counted_rows),
    ("m016_series_rows", _m016_series_rows),
    ("m017_program_merges", _m017_program_merges),
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


def checkpoint(con: duckdb.DuckDBPyConnection) -> None:
    """Write the WAL into the file, so the file alone holds every committed change (before a swap)."""
    con.execute("CHECKPOINT")


class DatabaseUnreadable(RuntimeError):
    """The database file exists but cannot be opened; str() is the one line to show."""


def known_inputs(path: Path) -> dict[str, str]:
    """input → raw_sha256 of every input recorded in `path` ({} when there is no file yet)."""
    if not path.exists():
        return {}
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error as e:
        raise DatabaseUnreadable(f"cannot open {path}: {str(e).splitlines()[0]}") from e
    try:
        if not has_table(con, "inputs"):
            return {}  # a database made before any ingest (no tables yet): nothing is known
        return dict(con.execute("SELECT input, raw_sha256 FROM inputs").fetchall())
    finally:
        con.close()


def has_table(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    found = con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = ?", [name]).fetchall()
    return found[0][0] > 0
