"""Peak memory of a process tree (a parent and its workers), sampled from /proc in a background thread.

The figure is the tree's proportional set size (PSS, /proc/PID/smaps_rollup): a page shared by k processes
counts 1/k in each, so the sum is the memory the tree really holds. The ingest's workers share one Kiwi
copy-on-write (etl/workers.py); summing RSS would count that ~500 MB once per worker and answer "does it fit
in 2 GB" wrongly. The RSS sum is kept beside it (`peak_rss`), as an upper bound.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from types import TracebackType

PAGE = os.sysconf("SC_PAGE_SIZE")
PROC = Path("/proc")


def children(pid: int) -> list[int]:
    """Direct children of `pid` (from /proc/PID/task/*/children, else by scanning /proc/*/stat)."""
    tasks = PROC / str(pid) / "task"
    try:
        found: list[int] = []
        for task in tasks.iterdir():
            found += [int(c) for c in (task / "children").read_text().split()]
        return found
    except FileNotFoundError:
        return []
    except OSError:
        return [p for p, parent in _parents().items() if parent == pid]


def _parents() -> dict[int, int]:
    out: dict[int, int] = {}
    for entry in PROC.iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            # The command name may hold spaces and parentheses: fields start after the last ')'.
            out[int(entry.name)] = int(stat[stat.rindex(")") + 2 :].split()[1])
    return out


def tree(pid: int) -> list[int]:
    """`pid` and all its descendants."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo += children(p)
    return out


def rss(pid: int) -> int:
    """Resident bytes of one process (0 when it is gone)."""
    try:
        return int((PROC / str(pid) / "statm").read_text().split()[1]) * PAGE
    except (OSError, IndexError, ValueError):
        return 0


def pss(pid: int) -> int:
    """Proportional resident bytes of one process (its RSS where smaps_rollup is missing; 0 when gone)."""
    try:
        with open(PROC / str(pid) / "smaps_rollup", "rb") as f:
            for line in f:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * 1024
    except FileNotFoundError:
        return rss(pid) if (PROC / str(pid)).exists() else 0
    except (OSError, ValueError):
        return 0
    return rss(pid)


def tree_rss(pid: int) -> int:
    """Resident bytes of `pid` and its descendants, summed (shared pages counted once per process)."""
    return sum(rss(p) for p in tree(pid))


def tree_pss(pid: int) -> int:
    """Proportional resident bytes of `pid` and its descendants, summed: what the tree holds."""
    return sum(pss(p) for p in tree(pid))


class PeakRSS:
    """Context manager: samples the tree every `interval` seconds; `.peak` is the maximum PSS sum in bytes,
    `.peak_rss` the maximum RSS sum."""

    def __init__(self, pid: int | None = None, interval: float = 0.05) -> None:
        self.pid = pid if pid is not None else os.getpid()
        self.interval = interval
        self.peak = 0
        self.peak_rss = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="peak-rss", daemon=True)

    def _run(self) -> None:
        while True:
            pids = tree(self.pid)
            self.peak = max(self.peak, sum(pss(p) for p in pids))
            self.peak_rss = max(self.peak_rss, sum(rss(p) for p in pids))
            if self._stop.wait(self.interval):
                return

    def __enter__(self) -> PeakRSS:
        self._thread.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._stop.set()
        self._thread.join()
