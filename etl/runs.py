"""Run bookkeeping: the `runs` and `ingest_errors` rows of one ingest (the pipeline opens, reports and closes a run)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import duckdb

from etl import aggregates
from etl.db import transaction


def start_run(con: duckdb.DuckDBPyConnection, inputs: list[str], pid: int) -> tuple[int, datetime]:
    """Mark runs left unfinished by a killed ingest as aborted, and open this run's row."""
    started = datetime.now()
    with transaction(con):
        con.execute("UPDATE runs SET status = 'aborted' WHERE finished_at IS NULL AND status <> 'aborted'")
        [(run_id,)] = con.execute("SELECT coalesce(max(run_id), 0) + 1 FROM runs").fetchall()
        con.execute(
            "INSERT INTO runs (run_id, started_at, inputs, status, pid) VALUES (?, ?, ?, 'running', ?)",
            [run_id, started, "\n".join(inputs), pid],
        )
    return run_id, started


@dataclass
class RunTotals:
    """What `finish_run` writes into the run's row."""

    new: int
    updated: int
    unchanged: int
    failed: int
    withdrawn: int
    facts: int


def record_problems(
    con: duckdb.DuckDBPyConnection, run_id: int, rows: list[tuple[str, str, str, str]]
) -> None:
    """(source, stage, message, severity) rows into ingest_errors; call inside the run's last transaction."""
    if not rows:
        return
    now = datetime.now()
    con.executemany(
        "INSERT INTO ingest_errors (run_id, source, stage, message, failed_at, severity) VALUES (?, ?, ?, ?, ?, ?)",
        [[run_id, src, stage, msg, now, sev] for src, stage, msg, sev in rows],
    )


def finish_run(con: duckdb.DuckDBPyConnection, run_id: int, started: datetime, t: RunTotals) -> None:
    """Close the run's row, and re-sort the derived tables after a large load; call inside the run's last
    transaction. (A run that changed under a tenth of the documents left only a few row groups out of order.)"""
    [(n_docs,)] = con.execute("SELECT count(*) FROM documents").fetchall()
    changed = t.new + t.updated + t.withdrawn
    if changed and changed * 10 >= n_docs:
        aggregates.tidy(con)
    now = datetime.now()
    con.execute(
        "UPDATE runs SET finished_at = ?, status = 'finished', n_new = ?, n_updated = ?, n_unchanged = ?, "
        "n_failed = ?, n_withdrawn = ?, n_facts = ?, seconds = ? WHERE run_id = ?",
        [now, t.new, t.updated, t.unchanged, t.failed, t.withdrawn, t.facts,
         (now - started).total_seconds(), run_id],
    )  # fmt: skip
