"""The record as it stood at a past moment: a database file of the document versions current then.

History is never overwritten (m007): a document whose text changed, or that was withdrawn, keeps its old
version in `document_versions` (valid_from … valid_to) and that version's fact rows in `fact_versions`. The
record as of T holds, per document, the version current at T:
- a current document whose version began at or before T (`documents.valid_from`, else `loaded_at`);
- else the past version with valid_from ≤ T < valid_to;
- a document first loaded after T is left out.
Reviews, programs, institutions and every other table are copied as they are now (a correction stays
corrected); the derived tables and events are then rebuilt from those facts, so every dashboard dataset
reads the snapshot exactly as it reads the current file. `build` writes it beside nothing: the caller
names the file (the dashboard keeps one per date in a temporary folder).
"""

from __future__ import annotations

import json
import os
from datetime import date, datetime, time
from pathlib import Path

import duckdb

from etl import aggregates, events
from etl.db import connect, transaction

FACTS = ("budgets", "program_mentions", "participations", "sites", "program_countries")
HISTORY = ("document_versions", "fact_versions")
_NOT_COPIED = {"documents", *FACTS, *HISTORY, *aggregates.DERIVED, *events.TABLES, "schema_migrations"}
_CURRENT = "coalesce(valid_from, loaded_at) <= $1"
_PAST = "valid_from <= $1 AND valid_to > $1"


def moment(day: date) -> datetime:
    """The end of `day`: 'as of 2025-06-02' includes what was loaded that day."""
    return datetime.combine(day, time.max)


def build(source: Path, when: datetime, out: Path) -> Path:
    """Write the record of `source` as of `when` to `out` (built beside it, then renamed into place)."""
    work = out.with_name(out.name + f".{os.getpid()}.part")
    work.unlink(missing_ok=True)
    con = connect(work)  # a fresh file at the current schema
    try:
        con.execute(f"ATTACH '{_quoted(source)}' AS src (READ_ONLY)")
        with transaction(con):
            _copy_tables(con)
            _copy_documents(con, when)
            for table in FACTS:
                _copy_facts(con, table, when)
            events.rebuild(con)
            aggregates.rebuild(con)
        con.execute("DETACH src")
        con.execute("CHECKPOINT")
    finally:
        con.close()
    os.replace(work, out)
    return out


def _quoted(path: Path) -> str:
    return str(path).replace("'", "''")  # ATTACH takes no parameter; the path is the caller's own file


def _columns(con: duckdb.DuckDBPyConnection, table: str, catalog: str) -> list[tuple[str, str]]:
    return [
        (r[0], r[1])
        for r in con.execute(
            "SELECT column_name, data_type FROM duckdb_columns() WHERE database_name = ? AND table_name = ? "
            "ORDER BY column_index",
            [catalog, table],
        ).fetchall()
    ]


def _copy_tables(con: duckdb.DuckDBPyConnection) -> None:
    """Every table that is not a document, a fact, its history or derived: as it is now (by column name)."""
    tables = [
        r[0]
        for r in con.execute("SELECT table_name FROM duckdb_tables() WHERE database_name = 'src'").fetchall()
    ]
    mine = {
        r[0]
        for r in con.execute("SELECT table_name FROM duckdb_tables() WHERE database_name <> 'src'").fetchall()
    }
    for table in tables:
        if table in _NOT_COPIED or table not in mine:
            continue
        con.execute(f"DELETE FROM main.{table}")  # names from the source's catalog, not from a user
        con.execute(f"INSERT INTO main.{table} BY NAME SELECT * FROM src.{table}")


def _copy_documents(con: duckdb.DuckDBPyConnection, when: datetime) -> None:
    con.execute(f"INSERT INTO main.documents SELECT * FROM src.documents WHERE {_CURRENT}", [when])
    con.execute(
        f"""INSERT INTO main.documents BY NAME
            SELECT document_id, version, source, input, url, title, published_on, content_hash, text,
                   length(text) AS n_chars, run_id, fetched_at AS loaded_at, valid_from
            FROM src.document_versions WHERE {_PAST}
              AND document_id NOT IN (SELECT document_id FROM main.documents)""",
        [when],
    )


def _copy_facts(con: duckdb.DuckDBPyConnection, table: str, when: datetime) -> None:
    """A current document's rows from the table; a past version's from fact_versions (the JSON of each row)."""
    con.execute(
        f"""INSERT INTO main.{table} SELECT * FROM src.{table} WHERE document_id IN
            (SELECT document_id FROM src.documents WHERE {_CURRENT})""",
        [when],
    )
    shape = json.dumps(dict(_columns(con, table, "src")))
    con.execute(
        f"""INSERT INTO main.{table} BY NAME
            SELECT unnest(json_transform(f.fact, $2)) FROM src.fact_versions f
            JOIN src.document_versions v ON v.document_id = f.document_id AND v.version = f.version
            WHERE f.fact_table = $3 AND v.valid_from <= $1 AND v.valid_to > $1
              AND f.document_id NOT IN (SELECT document_id FROM src.documents WHERE {_CURRENT})""",
        [when, shape, table],
    )
