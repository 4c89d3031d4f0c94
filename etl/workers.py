"""Extraction worker processes: forked from one warm Kiwi, and never outliving the ingest that started them.

Workers come from multiprocessing's forkserver, which imports `etl.prefork` once: that builds Kiwi and runs
it on one sentence (its first analysis allocates ~230 MB more), so every worker forked from the server
shares the model's ~500 MB copy-on-write instead of building its own (measured: a forked worker's private
memory after 1,000 documents was 33 MB; a spawned one held 585 MB). Kiwi is single-threaded
(`etl.nlp.get_kiwi`), so forking it is safe. The server is stopped when its pool is done (etl/pipeline.py),
so no Kiwi is held through the load's last transaction or between a watch's runs.

After `kill -9` of an ingest, its workers (Kiwi loaded) used to stay alive forever, blocked on a queue
nobody writes to. Each worker now runs a daemon thread that checks the ingest twice a second and exits when
it is gone; the forkserver exits when its last worker does. Linux's
`prctl(PR_SET_PDEATHSIG)` was not used: it fires when the *thread* that spawned the worker ends, which
is not the same as the ingest ending. With the workers gone, the multiprocessing resource tracker
sees its pipe close and exits too.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path

WARM_SENTENCE = "과학기술정보통신부는 28일 국가 AI 연구거점 개소식을 열었다."
PARENT_POLL_SECONDS = 0.5  # the fallback's reaction time; well inside the 5 s a test allows


def init_worker(ingest_pid: int) -> None:
    """ProcessPoolExecutor initializer: tie this process's life to the ingest `ingest_pid`.

    A worker's parent is the forkserver, not the ingest, and the server outlives a killed ingest while any
    worker lives (each worker holds the server's "alive" pipe), so the worker watches the ingest itself.
    """
    if not _alive(ingest_pid):  # the ingest died while this worker was starting
        os._exit(1)
    threading.Thread(target=_watch, args=(ingest_pid, os.getppid()), name="ingest-watch", daemon=True).start()


def _watch(ingest_pid: int, parent_pid: int) -> None:
    while _alive(ingest_pid) and os.getppid() == parent_pid:
        time.sleep(PARENT_POLL_SECONDS)
    os._exit(1)  # orphaned: nobody will read our results


def _alive(pid: int) -> bool:
    """Whether `pid` runs: it exists and is not a zombie (a killed ingest its shell has not yet reaped)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else
        return True
    try:
        stat = (Path("/proc") / str(pid) / "stat").read_text()
    except OSError:
        return True  # no /proc (not Linux): existing is all we can tell
    return stat[stat.rindex(")") + 2 :].split()[0] != "Z"


def warm() -> None:
    """Build Kiwi and import the readers now: the first document's time budget is for that document."""
    import importlib

    from etl.nlp import get_kiwi
    from etl.parse import _READERS

    get_kiwi().tokenize(WARM_SENTENCE)  # Kiwi's first analysis builds ~230 MB of tables: do it here, once
    for module, _ in _READERS.values():
        importlib.import_module(module)


@contextmanager
def pool(n_workers: int) -> Iterator[ProcessPoolExecutor]:
    """A pool of `n_workers` forked from a server holding a warm Kiwi; the server is stopped afterwards."""
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["etl.prefork"])
    try:
        with ProcessPoolExecutor(
            max_workers=n_workers, mp_context=ctx, initializer=init_worker, initargs=(os.getpid(),)
        ) as executor:
            yield executor
    finally:
        stop_forkserver()


def stop_forkserver() -> None:
    """Stop the forkserver once its workers are gone: it holds a whole Kiwi (~550 MB), and the load's last
    transaction (event grouping, the run's largest) comes after extraction. The next pool starts a new one.
    `_stop` is private (CPython's own tests use it; present since 3.4), hence the guard."""
    from multiprocessing import forkserver

    stop = getattr(getattr(forkserver, "_forkserver", None), "_stop", None)
    if stop is not None:
        stop()
