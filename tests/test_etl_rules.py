"""One way to write: the rules of issue 14 checked on etl/'s source, so that they stay true.

- `grep -rn "BEGIN\\|COMMIT" etl/` finds only db.transaction.
- SQL lives in the modules that own the schema (etl/schema.sql, etl/db.py, etl/load.py, and
  etl/review_store.py for the review columns and table, etl/watch/store.py for the watch's tables, and the
  derived-table modules: aggregates, events, doubts, hierarchy, series, program_merges): no other
  etl module has an SQL statement in a string or calls a connection's execute/sql itself.
- No database error is swallowed: a handler of a DuckDB error, or a catch-all in a module that opens
  the database, re-raises or uses the error it caught (to report it).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from etl.config import ROOT

ETL = ROOT / "etl"
SCHEMA_OWNERS = {
    ETL / "db.py",
    ETL / "db_stats.py",
    ETL / "load.py",
    ETL / "staging.py",  # the load's Arrow staging
    ETL / "runs.py",  # runs, ingest_errors
    ETL / "program_rows.py",  # programs
    ETL / "aggregates.py",
    ETL / "deltas.py",  # aggregates' derived tables, kept in step
    ETL / "events.py",
    ETL / "asof.py",
    ETL / "doubts.py",
    ETL / "hierarchy.py",
    ETL / "series.py",  # series_rows (m016)
    ETL / "program_merges.py",  # program_merges (m017)
    ETL / "review_store.py",
    ETL / "watch" / "store.py",
}
SQL_STATEMENT = re.compile(
    r"\b(SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|DROP|BEGIN|COMMIT|ROLLBACK|CHECKPOINT|ATTACH|COPY)\s"
)
DB_CALLS = {"execute", "executemany", "sql", "query", "register", "unregister", "fetchall", "fetchone"}


def _modules() -> list[Path]:
    return sorted(p for p in ETL.rglob("*.py") if "__pycache__" not in p.parts)


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _transaction_lines() -> range:
    [fn] = [
        n
        for n in ast.walk(_tree(ETL / "db.py"))
        if isinstance(n, ast.FunctionDef) and n.name == "transaction"
    ]
    return range(fn.lineno, (fn.end_lineno or fn.lineno) + 1)


def test_begin_and_commit_appear_only_in_db_transaction() -> None:
    inside = _transaction_lines()
    hits = [
        (path, n)
        for path in sorted(p for p in ETL.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        for n, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1)
        if "BEGIN" in line or "COMMIT" in line
    ]
    assert hits, "db.transaction itself says BEGIN and COMMIT"
    stray = [f"{p.relative_to(ROOT)}:{n}" for p, n in hits if p != ETL / "db.py" or n not in inside]
    assert stray == []


def _strings(tree: ast.Module) -> list[tuple[int, str]]:
    return [
        (n.lineno, n.value)
        for n in ast.walk(tree)
        if isinstance(n, ast.Constant) and isinstance(n.value, str)
    ]


def test_no_sql_outside_the_modules_that_own_the_schema() -> None:
    stray = []
    for path in _modules():
        if path in SCHEMA_OWNERS:
            continue
        tree = _tree(path)
        where = path.relative_to(ROOT)
        stray += [f"{where}:{n}: {s[:60]!r}" for n, s in _strings(tree) if SQL_STATEMENT.search(s)]
        stray += [
            f"{where}:{n.lineno}: .{n.func.attr}()"
            for n in ast.walk(tree)
            if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr in DB_CALLS
        ]
    assert stray == []


def test_the_sql_check_sees_sql() -> None:
    """The check above is not vacuous: db.py's own source trips it."""
    db_tree = _tree(ETL / "db.py")
    assert sum(bool(SQL_STATEMENT.search(s)) for _, s in _strings(db_tree)) >= 10
    assert any(
        isinstance(n, ast.Call) and getattr(n.func, "attr", "") == "execute" for n in ast.walk(db_tree)
    )


def _catches_database_errors(handler: ast.ExceptHandler, opens_db: bool) -> bool:
    names = ast.unparse(handler.type) if handler.type else "BaseException"
    return "duckdb" in names or (opens_db and re.search(r"\b(Base)?Exception\b", names) is not None)


def _reports(handler: ast.ExceptHandler) -> bool:
    body = ast.Module(body=handler.body, type_ignores=[])
    uses = handler.name is not None and any(
        isinstance(n, ast.Name) and n.id == handler.name for n in ast.walk(body)
    )
    return uses or any(isinstance(n, ast.Raise) for n in ast.walk(body))


def _uses_database(tree: ast.Module) -> bool:
    for n in ast.walk(tree):
        if isinstance(n, ast.Import) and any(a.name == "duckdb" for a in n.names):
            return True
        if isinstance(n, ast.ImportFrom) and (
            n.module == "etl.db" or (n.module == "etl" and any(a.name == "db" for a in n.names))
        ):
            return True
    return False


def test_no_database_error_is_swallowed() -> None:
    swallowed, checked = [], 0
    for path in _modules():
        tree = _tree(path)
        opens_db = _uses_database(tree)
        for h in (n for n in ast.walk(tree) if isinstance(n, ast.ExceptHandler)):
            if _catches_database_errors(h, opens_db):
                checked += 1
                if not _reports(h):
                    swallowed.append(f"{path.relative_to(ROOT)}:{h.lineno}")
    # db.py's and pipeline.py's handlers are among those checked (etl/process.py's catch-alls touch no database)
    assert checked >= 4
    assert swallowed == []
