"""The `programs` rows etl/consolidate.py's ProgramIndex resolves names against and keeps in step: names,
parents, merges and orphans. Writes go through etl/db.py's `transaction`."""

from __future__ import annotations

import duckdb
import pyarrow as pa

from etl import hierarchy
from etl.db import transaction


def link_parents(con: duckdb.DuckDBPyConnection, links: list[tuple[str, str]]) -> None:
    """Set programs.parent_id from (child norm key, parent norm key) pairs where both programs exist.

    Runs after every load, before the reviews (which may change a parent again); a program never becomes
    its own parent."""
    if not links:
        return
    con.register("_links", pa.table({"child": [c for c, _ in links], "parent": [p for _, p in links]}))
    try:
        with transaction(con):
            con.execute(
                """UPDATE programs SET parent_id = l.parent_id
                   FROM (SELECT c.program_id, any_value(p.program_id) AS parent_id
                         FROM _links JOIN program_aliases c ON c.norm_key = _links.child
                         JOIN program_aliases p ON p.norm_key = _links.parent
                         WHERE c.program_id <> p.program_id GROUP BY c.program_id) l
                   WHERE programs.program_id = l.program_id"""
            )
            hierarchy.refresh_ancestors(con)
    finally:
        con.unregister("_links")


PROGRAM_CHILD_TABLES = ("program_mentions", "budgets", "participations", "sites", "program_countries")


def program_index_rows(con: duckdb.DuckDBPyConnection) -> tuple[dict[str, str], set[str], dict[str, str]]:
    """(norm_key → program_id of every alias, ids of programs with an English name, program_id → name)."""
    by_key = dict(con.execute("SELECT norm_key, program_id FROM program_aliases").fetchall())
    has_en = {
        r[0] for r in con.execute("SELECT program_id FROM programs WHERE name_en IS NOT NULL").fetchall()
    }
    names = dict(con.execute("SELECT program_id, name FROM programs").fetchall())
    return by_key, has_en, names


def update_program_names(
    con: duckdb.DuckDBPyConnection, english: dict[str, str], renames: dict[str, tuple[str, str]]
) -> None:
    """Give programs an English name they lack, and Korean names to programs first met in English."""
    for pid, en in english.items():
        con.execute("UPDATE programs SET name_en = ? WHERE program_id = ? AND name_en IS NULL", [en, pid])
    for pid, (ko, en) in renames.items():
        con.execute(
            "UPDATE programs SET name = ?, name_en = coalesce(name_en, ?) WHERE program_id = ?", [ko, en, pid]
        )


def merge_program(con: duckdb.DuckDBPyConnection, victim: str, into: str) -> None:
    """Move one program's facts and aliases to another and delete its row (inside a transaction)."""
    for table in PROGRAM_CHILD_TABLES:
        if table == "program_mentions":
            # A document may mention both: keep the surviving program's row.
            con.execute(
                "DELETE FROM program_mentions WHERE program_id = ? AND document_id IN "
                "(SELECT document_id FROM program_mentions WHERE program_id = ?)",
                [victim, into],
            )
        # Table names are our own constants; the ids travel as parameters.
        con.execute(f"UPDATE {table} SET program_id = ? WHERE program_id = ?", [into, victim])
    con.execute(
        "INSERT INTO program_aliases SELECT ?, alias, norm_key FROM program_aliases WHERE program_id = ? "
        "ON CONFLICT DO NOTHING",
        [into, victim],
    )
    delete_programs(con, [victim])


def orphan_programs(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Ids of programs that no document mentions."""
    return [
        r[0]
        for r in con.execute(
            "SELECT program_id FROM programs WHERE program_id NOT IN (SELECT program_id FROM program_mentions)"
        ).fetchall()
    ]


def delete_programs(con: duckdb.DuckDBPyConnection, program_ids: list[str]) -> None:
    """Delete programs with their aliases (their facts must already be gone or moved)."""
    for pid in program_ids:
        con.execute("DELETE FROM program_aliases WHERE program_id = ?", [pid])
        con.execute("DELETE FROM programs WHERE program_id = ?", [pid])
