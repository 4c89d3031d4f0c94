"""The program hierarchy followed up (derived table program_ancestors, m010): totals add each money once."""

from __future__ import annotations

import duckdb

# Parent links followed up to this many steps: deeper than any real hierarchy (strategy > plan > project >
# line item), and it ends a cycle an analyst's review might make.
MAX_DEPTH = 12
ANCESTORS_SQL = f"""INSERT INTO program_ancestors
WITH RECURSIVE up(program_id, ancestor_id, depth) AS (
    SELECT program_id, parent_id, 1 FROM programs WHERE parent_id IS NOT NULL AND parent_id <> program_id
    UNION ALL
    SELECT up.program_id, p.parent_id, up.depth + 1 FROM up JOIN programs p ON p.program_id = up.ancestor_id
    WHERE p.parent_id IS NOT NULL AND up.depth < {MAX_DEPTH})
SELECT program_id, ancestor_id, min(depth) FROM up WHERE ancestor_id <> program_id GROUP BY ALL"""


def refresh_ancestors(con: duckdb.DuckDBPyConnection) -> None:
    """Recompute program_ancestors from programs.parent_id (inside the caller's transaction)."""
    con.execute("DELETE FROM program_ancestors")
    con.execute(ANCESTORS_SQL)
