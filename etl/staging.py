"""Arrow staging of a batch's rows: typed by the table's own schema, with the schema's column defaults.

A staged Arrow row names every column, so DuckDB's own default would not apply: the defaults are read from
the schema and filled in here.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import duckdb
import pyarrow as pa

_ARROW_TYPES = {"VARCHAR": pa.string(), "BIGINT": pa.int64(), "INTEGER": pa.int32(), "DOUBLE": pa.float64(),
                "DATE": pa.date32(), "BOOLEAN": pa.bool_(), "TIMESTAMP": pa.timestamp("us")}  # fmt: skip


# Column defaults the schema gives (DEFAULT 'machine', DEFAULT false …), as the values a staged row gets
# when the loader leaves the column out (a staged Arrow row names every column, so DuckDB's own default
# would not apply).
_DEFAULTS = {"false": False, "true": True}


def arrow_schema(con: duckdb.DuckDBPyConnection, table: str) -> pa.Schema:
    """The Arrow schema of a table's columns, in order (typed even when a batch has no row or only NULLs),
    with each column's default value in its field metadata."""
    cols = con.execute(
        "SELECT column_name, data_type, column_default FROM duckdb_columns() WHERE database_name = "
        "current_database() AND schema_name = 'main' AND table_name = ? ORDER BY column_index",
        [table],
    ).fetchall()
    return pa.schema(
        [pa.field(name, _ARROW_TYPES[kind], metadata={"default": default} if default else None)
         for name, kind, default in cols]
    )  # fmt: skip


def _default(field: pa.Field) -> object:
    """The value of a column's schema default: a quoted string, a number or a boolean."""
    text = (field.metadata or {}).get(b"default", b"").decode()
    if text.startswith("'") and text.endswith("'"):
        return text[1:-1].replace("''", "'")
    if text in _DEFAULTS:
        return _DEFAULTS[text]
    return int(text) if text.lstrip("-").isdigit() else None


def _with_defaults(rows: list[dict], schema: pa.Schema) -> list[dict]:
    """Rows with every defaulted column the loader left out set to its default."""
    defaults = {f.name: _default(f) for f in schema if f.metadata}
    missing = {k: v for k, v in defaults.items() if v is not None and rows and k not in rows[0]}
    return [{**missing, **r} for r in rows] if missing else rows


@contextlib.contextmanager
def staged(
    con: duckdb.DuckDBPyConnection, rows: dict[str, list[dict]], schemas: dict[str, pa.Schema]
) -> Iterator[dict[str, str]]:
    """Insert a batch's documents and facts; inside the block each is also relation `_staged_<table>`
    (typed Arrow), the batch's rows that the derived tables are computed from."""
    names: dict[str, str] = {}
    try:
        for table, schema in schemas.items():
            names[table] = f"_staged_{table}"  # names from the fixed list above
            con.register(
                names[table], pa.Table.from_pylist(_with_defaults(rows[table], schema), schema=schema)
            )
            con.execute(f"INSERT INTO {table} SELECT * FROM {names[table]}")
        yield names
    finally:
        for name in names.values():
            con.unregister(name)
