"""Warm the shared caches in the background: every page's default view (no filters, Korean), once per process.

Streamlit runs no code of ours when the server starts: the first script run is the first visitor's. That run
starts one background thread (`start`); after a short wait it loads what each page shows by default (its
datasets and its charts' specs, through the same `st.cache_data` / `st.cache_resource` entries the pages use),
so the pages that visitor, and everyone after, opens next are built from cached figures. The first page of a
fresh process is still built cold (imports, the DuckDB connection, its own queries: ~1.5-2 s more on 2 cores).
Tables' display frames are not warmed (built on first show, ~10-50 ms each). Set POLICY_WARM=0 to turn it off.

What a page shows by default is declared once, in ui/views.py (its parts and DEFAULT_VIEWS), which the pages
themselves read and draw through; tests/test_warm.py runs every page after `warm_all` and fails if any page
still has to run a query or build a chart, or if the warm-up loaded what no default page shows.
"""

from __future__ import annotations

import logging
import os
import threading
import time

from streamlit import config

from ui import data, queries, sidebar, views
from ui.filters import Filters

LOG = logging.getLogger(__name__)
LANG = "ko"  # a link without `lang` opens in Korean: that is the default view warmed
F = Filters()
# Seconds the thread waits before it starts: the first visitor's own page (a cold run of 1-2 s on 2 cores)
# goes first, then the warm-up takes the CPU it would otherwise compete for.
DELAY_S = 3.0
_LOCK = threading.Lock()
_started = False


def _common(f: Filters, lang: str) -> None:
    """What every page's start loads: the database check's figures (ui/data.status) and the sidebar's pickers."""
    for fn in (queries.overview_metrics, *sidebar.OPTIONS.values()):
        data.load(fn)


STEPS = (_common, *views.DEFAULT_VIEWS.values())


def warm_all() -> None:
    """Every page's default view into the shared caches; a step that fails is logged and skipped (the page
    itself will then show the error to its visitor, as it would have without the warm-up)."""
    for step in STEPS:
        try:
            step(F, LANG)
        except Exception:  # a warm-up must never take the server down
            LOG.warning("cache warm-up step %s failed", step.__name__, exc_info=True)


def _run() -> None:
    time.sleep(DELAY_S)
    t0 = time.perf_counter()
    warm_all()
    LOG.info("caches warmed in %.2f s", time.perf_counter() - t0)


def enabled() -> bool:
    """Off under AppTest (tests swap databases under it) and with POLICY_WARM=0."""
    off = os.environ.get("POLICY_WARM", "1").strip().lower() in ("0", "false", "no")
    return not off and not config.get_option("global.appTest")


def start() -> None:
    """Start the warm-up thread, once per process (the first script run calls this; later calls do nothing)."""
    global _started
    with _LOCK:
        if _started or not enabled():
            return
        _started = True
    threading.Thread(target=_run, name="policy-cache-warm-up", daemon=True).start()
