"""The SQL of `etl watch`: read and write the `watch_sources` and `watch_items` tables (m006_watch).

Like etl/review_store.py for the reviews, this module owns its tables' SQL (tests/test_etl_rules.py
lists it); the DDL itself lives in etl/schema.sql.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import duckdb

from etl.db import has_table, transaction


def watch_state(path: Path) -> tuple[dict[str, dict], dict[str, dict[str, str]]]:
    """(source_name → its watch_sources row, source_name → {item key: stamp} of items fetched), published file."""
    if not path.exists():
        return {}, {}
    with contextlib.closing(duckdb.connect(str(path), read_only=True)) as con:
        if not has_table(con, "watch_sources"):
            return {}, {}
        cur = con.execute("SELECT * FROM watch_sources")
        cols = [d[0] for d in cur.description]
        rows = {r[0]: dict(zip(cols, r, strict=True)) for r in cur.fetchall()}
        seen: dict[str, dict[str, str]] = {}
        for name, key, stamp in con.execute(
            "SELECT source_name, item_key, stamp FROM watch_items"
        ).fetchall():
            seen.setdefault(name, {})[key] = stamp or ""
    return rows, seen


WATCH_SOURCE_COLUMNS = (
    "source_name", "url", "kind", "etag", "last_modified", "content_sha256", "last_checked_at",
    "last_success_at", "last_status", "last_error", "last_error_at", "n_failures", "n_new_last",
)  # fmt: skip


def save_watch_state(con: duckdb.DuckDBPyConnection, sources: list[dict], items: list[dict]) -> None:
    """Upsert each source's state and record the items fetched, in one transaction.

    `sources` rows carry WATCH_SOURCE_COLUMNS; `items` rows: source_name, item_key, link, title, stamp,
    first_seen_at (an item fetched again keeps its first_seen_at). n_items_seen is recounted.
    """
    cols = ", ".join(WATCH_SOURCE_COLUMNS)
    marks = ", ".join("?" for _ in WATCH_SOURCE_COLUMNS)
    with transaction(con):
        if sources:
            con.executemany(
                f"INSERT OR REPLACE INTO watch_sources ({cols}) VALUES ({marks})",
                [[row[c] for c in WATCH_SOURCE_COLUMNS] for row in sources],
            )
        if items:
            con.executemany(
                "INSERT INTO watch_items (source_name, item_key, link, title, stamp, first_seen_at) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (source_name, item_key) DO UPDATE SET "
                "link = excluded.link, title = excluded.title, stamp = excluded.stamp",
                [
                    [r[c] for c in ("source_name", "item_key", "link", "title", "stamp", "first_seen_at")]
                    for r in items
                ],
            )
        con.execute(
            "UPDATE watch_sources SET n_items_seen = (SELECT count(*) FROM watch_items i "
            "WHERE i.source_name = watch_sources.source_name)"
        )
