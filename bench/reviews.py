"""Applying reviews at scale (issue #12): N decisions on a copy of a synthetic database, timed.

The synthetic facts carry no review ids (the loader makes them from the text), so the copy first gets
`b-<budget_id>` ids; the decisions are a fixed mix over money facts picked by a hash of their id: a
quarter rejected, a quarter with a new amount, a quarter with a new kind, a quarter confirmed. Timed:
the pass (decisions into the facts and the derived tables refreshed for the documents it changed), the
same pass again (what every ingest does: nothing changed, nothing refreshed), and a full rebuild of the
derived tables (what a pass cost before), each in its own transaction.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from bench.table import Row, size_label
from etl import aggregates, db, review_store
from etl.reviews import Decision

ACTIONS = ("reject", "amount", "kind", "confirm")


def decisions(con: db.duckdb.DuckDBPyConnection, n: int) -> dict[str, Decision]:
    """`n` decisions over money facts picked by a hash of their id (the same ones every run)."""
    rows = con.execute(
        "SELECT fact_id, amount_krw FROM budgets WHERE role = 'budget' AND amount_krw IS NOT NULL "
        "ORDER BY hash(budget_id), budget_id LIMIT ?",
        [n],
    ).fetchall()
    out: dict[str, Decision] = {}
    for i, (fid, amount) in enumerate(rows):
        action = ACTIONS[i % len(ACTIONS)]
        state = {"reject": "rejected", "confirm": "confirmed"}.get(action, "edited")
        fields = {"amount": {"amount_krw": amount * 2}, "kind": {"kind": "national"}}.get(action, {})
        out[fid] = Decision(fid, state, fields, [i + 1], "bench")
    return out


def time_reviews(source: Path, work: Path, n: int) -> dict[str, float]:
    """Seconds of a pass of `n` decisions, of the same pass again and of a full rebuild, with what the
    passes refreshed (documents) and the database's documents, on a copy of `source`."""
    copy = work / f"reviews-{source.stem}.duckdb"
    shutil.copy(source, copy)
    try:
        with db.connect(copy) as con:
            with db.transaction(con):
                con.execute("UPDATE budgets SET fact_id = 'b-' || budget_id WHERE fact_id IS NULL")
            picked = decisions(con, n)
            out: dict[str, float] = {"documents": con.execute("SELECT count(*) FROM documents").fetchone()[0]}
            for label in ("first", "again"):
                stats: dict[str, int] = {}
                t0 = time.perf_counter()
                outcomes = review_store.apply(con, picked, "bench", stats)
                out[f"{label}_s"] = time.perf_counter() - t0
                out[f"{label}_docs"] = stats["documents"]
                out["applied"] = sum(o.outcome == "applied" for o in outcomes)
            t0 = time.perf_counter()
            with db.transaction(con):
                aggregates.rebuild(con)
            out["rebuild_s"] = time.perf_counter() - t0
        return out
    finally:
        copy.unlink(missing_ok=True)
        copy.with_name(copy.name + ".wal").unlink(missing_ok=True)


def rows(n_budgets: int, n: int, work: Path) -> list[Row]:
    """The table rows: a pass of `n` decisions on the n_budgets synthetic database, the same pass again, and
    a full rebuild of the derived tables beside them."""
    from bench import dashboard

    got = time_reviews(dashboard.query_db(n_budgets, root=work), work, n)
    size = f"{size_label(n_budgets)} budgets, {size_label(int(got['documents']))} docs"
    rebuild = f"full rebuild: {got['rebuild_s']:.1f} s"
    return [
        Row("reviews", f"apply {n:,} decisions ({int(got['applied']):,} applied)", size,
            f"{got['first_s']:.1f} s; derived rows of {int(got['first_docs']):,} documents refreshed", rebuild,
            f"x{got['first_s'] / got['rebuild_s']:.2f}"),
        Row("reviews", f"the same {n:,} again (each ingest re-applies)", size,
            f"{got['again_s']:.1f} s; derived rows of {int(got['again_docs']):,} documents refreshed", rebuild,
            f"x{got['again_s'] / got['rebuild_s']:.2f}"),
    ]  # fmt: skip
