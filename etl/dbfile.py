"""The build-then-swap writer that keeps readers working.

DuckDB allows one read-write process *or* many read-only ones per file, and a conflicting open fails
at once (FACTS.md). So the ingest never writes to the file the dashboard reads: it writes to
`<db>.building` (a copy of the current file, or the leftover of a crashed run, which holds every
document committed before the crash) and then `os.replace`s it over `<db>`. Readers keep their old
snapshot until they reconnect; the dashboard reconnects when the file's mtime changes.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import duckdb

from etl.db import checkpoint, connect


def building_path(db_path: Path) -> Path:
    """The work file an ingest writes before swapping it in."""
    return db_path.with_name(db_path.name + ".building")


class PublishRefused(RuntimeError):
    """The final check before publishing failed; the work copy is kept and the published file untouched."""


FileIdentity = tuple[int, int, int, int]  # st_dev, st_ino, st_size, st_mtime_ns


def _identity(path: Path) -> FileIdentity | None:
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


@contextlib.contextmanager
def open_for_write(db_path: Path, *, rebuild: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    """A writable connection to the work file; on clean exit the work file replaces `db_path`.

    The caller holds the ingest lock (etl/lock.py), so no other ingest touches the work file. A work
    file left by a killed run is reused (its committed documents survive), so a re-run completes the
    work instead of starting over. On an exception the work file is kept for the same reason and
    `db_path` is untouched. Before publishing, the work file must still be the file this run opened
    and `db_path` the file it started from; else PublishRefused and nothing is replaced.
    """
    db_path = Path(db_path)
    work = building_path(db_path)
    if rebuild:
        work.unlink(missing_ok=True)
    elif work_copy_problem(work) is not None:
        work.unlink(missing_ok=True)
        if db_path.exists():
            shutil.copy2(db_path, work)
    published = _identity(db_path)
    con = connect(work)
    opened = _identity(work)
    try:
        yield con
    except BaseException:
        con.close()
        raise
    checkpoint(con)
    con.close()
    _check_before_publish(db_path, work, opened, published)
    os.replace(work, db_path)


def _check_before_publish(
    db_path: Path, work: Path, opened: FileIdentity | None, published: FileIdentity | None
) -> None:
    now = _identity(work)
    if now is None or opened is None or now[:2] != opened[:2]:
        raise PublishRefused(f"not published: the work copy {work} was replaced or deleted during the run")
    if _identity(db_path) != published:
        raise PublishRefused(
            f"not published: {db_path} changed during the run (written outside the ingest lock); "
            f"this run's work is kept in {work}"
        )
    if (problem := work_copy_problem(work)) is not None:
        raise PublishRefused(f"not published: the work copy {work} does not open ({problem})")


def work_copy_problem(path: Path) -> str | None:
    """None when `path` is a database DuckDB opens; else why not ('missing' or DuckDB's message)."""
    if not path.exists():
        return "missing"
    try:
        duckdb.connect(str(path), read_only=True).close()
    except duckdb.Error as e:
        return f"{type(e).__name__}: {str(e).splitlines()[0]}"
    return None
