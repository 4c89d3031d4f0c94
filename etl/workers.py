"""Extraction worker processes that never outlive the ingest that started them.

After `kill -9` of an ingest, its spawn workers (~620 MB each, Kiwi loaded) used to stay alive
forever, blocked on a queue nobody writes to. Each worker now asks the kernel to kill it when its
parent dies (Linux `prctl(PR_SET_PDEATHSIG)`), and as a second line (other systems, or a parent
that died before the request) a daemon thread checks the parent pid. With the workers gone, the
multiprocessing resource tracker sees its pipe close and exits too.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time

PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
PARENT_POLL_SECONDS = 0.5  # the fallback's reaction time; well inside the 5 s a test allows


def init_worker(parent_pid: int) -> None:
    """ProcessPoolExecutor initializer: tie this process's life to `parent_pid`."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent_pid:  # the parent died before the request above took effect
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent_pid,), name="parent-watch", daemon=True).start()


def _watch_parent(parent_pid: int) -> None:
    while os.getppid() == parent_pid:
        time.sleep(PARENT_POLL_SECONDS)
    os._exit(1)  # orphaned: nobody will read our results


def warm() -> None:
    """Build Kiwi and import the readers now: the first document's time budget is for that document."""
    import importlib

    from etl.nlp import get_kiwi
    from etl.parse import _READERS

    get_kiwi()
    for module, _ in _READERS.values():
        importlib.import_module(module)
