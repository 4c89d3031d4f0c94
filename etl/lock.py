"""The ingest lock: one writer per database file, across processes.

Two ingests on one `--db` used to race on the shared work copy (`<db>.building`): the second one
deleted the first one's open file and the first then published a stale copy. Now every ingest holds
an exclusive `flock` on `<db>.lock` for its whole run, and the file names the holder's pid so the
refusal can say who. The kernel drops the lock when the holder dies (even on `kill -9`), so a
stale lock file never blocks anyone; the pid in it is only informative.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import time
from collections.abc import Iterator
from pathlib import Path


class IngestLocked(RuntimeError):
    """Another process holds the ingest lock of this database; str() is the one line to show."""

    def __init__(self, db_path: Path, pid: int | None) -> None:
        who = f"pid {pid}" if pid else "pid unknown"
        super().__init__(f"another ingest ({who}) is running on {db_path}; try again when it ends")
        self.pid = pid


WAIT_POLL_SECONDS = 0.2  # how often a waiting ingest retries the lock: short next to any real ingest


def lock_path(db_path: Path) -> Path:
    """The lock file beside the database."""
    return db_path.with_name(db_path.name + ".lock")


def holder_pid(db_path: Path) -> int | None:
    """The pid written by the current (or last) holder, if readable."""
    try:
        return int(lock_path(db_path).read_text(encoding="ascii").strip() or 0) or None
    except (OSError, ValueError):
        return None


@contextlib.contextmanager
def ingest_lock(db_path: Path, *, wait: float = 0.0) -> Iterator[Path]:
    """Hold the exclusive ingest lock of `db_path` for the block; IngestLocked if taken.

    `wait` > 0 retries for that many seconds before giving up (the CLI's `--wait`).
    """
    path = lock_path(Path(db_path))
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        _acquire(fd, Path(db_path), wait)
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode("ascii"))
        os.fsync(fd)
        try:
            yield path
        finally:
            os.ftruncate(fd, 0)  # the lock file stays (unlinking it would race a waiter); its pid goes
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _acquire(fd: int, db_path: Path, wait: float) -> None:
    deadline = time.monotonic() + wait
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except OSError as e:
            if e.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                raise
        if time.monotonic() >= deadline:
            raise IngestLocked(db_path, holder_pid(db_path))
        time.sleep(WAIT_POLL_SECONDS)
