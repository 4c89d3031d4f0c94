"""Reviews end to end: record a decision (checked against the database), and apply the file to a database.

`apply_file` runs inside an ingest (on its work copy, before publishing) and from `python -m etl review …`
under the ingest lock, through the same work-copy-and-swap as an ingest, so a dashboard reading the file is
never blocked and never sees half a review pass.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb

from etl import db, dbfile, program_merges, review_store
from etl.config import Settings
from etl.lock import ingest_lock
from etl.review_store import Outcome
from etl.reviews import Review, ReviewError, append, fold, read


def file_sha(path: Path) -> str | None:
    """The reviews file's fingerprint (None when there is no file)."""
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None


def apply_file(con: duckdb.DuckDBPyConnection, path: Path, merge_twins: bool = False) -> list[Outcome]:
    """Apply every decision of the file to an open writable database (none when there is no file), with the
    twin rule's proposals or, given `merge_twins`, its merges (etl/program_merges.py)."""
    sha = file_sha(path)
    return review_store.apply(con, fold(read(path)) if sha else {}, sha, merge_twins=merge_twins)


def pending(settings: Settings) -> bool:
    """True when the reviews file differs from the one last applied to the published database."""
    sha = file_sha(settings.reviews_path)
    if sha is None or not settings.db_path.exists():
        return False
    with db.connect(settings.db_path, read_only=True) as con:
        return review_store.applied_sha(con) != sha


def apply_now(settings: Settings, wait: float = 0.0) -> list[Outcome]:
    """Apply the file to the published database now (under the ingest lock, through a work copy)."""
    with ingest_lock(settings.db_path, wait=wait), dbfile.open_for_write(settings.db_path) as con:
        return apply_file(con, settings.reviews_path, settings.merge_twins)


def record(settings: Settings, review: Review) -> None:
    """Append a decision after checking that its fact is in the database (a typo must not become an orphan)."""
    if not settings.db_path.exists():
        raise ReviewError(f"no database at {settings.db_path}: run `python -m etl ingest` first")
    with db.connect(settings.db_path, read_only=True) as con:
        known = {f["fact_id"] for f in review_store.list_facts(con, review.fact_type)}
        if review.fact_id not in known:
            raise ReviewError(f"no {review.fact_type} with id {review.fact_id} in {settings.db_path}")
        if review.fields.get("merge_into") is not None:
            program_merges.check(con, review.fact_id, review.fields["merge_into"])
    append(settings.reviews_path, review)


def problem_lines(outcomes: list[Outcome]) -> list[str]:
    """One line per decision that was not applied (orphaned or in error), for the terminal and the run log."""
    return [
        f"review {o.fact_id} (line {o.lines}): {o.outcome}: {o.message}"
        for o in outcomes
        if o.outcome != "applied"
    ]
