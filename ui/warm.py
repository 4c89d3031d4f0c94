"""Warm the shared caches in the background: every page's default view (no filters, Korean), once per process.

Streamlit runs no code of ours when the server starts: the first script run is the first visitor's. That run
starts one background thread (`start`); after a short wait it loads what each page shows by default (its
datasets and its charts' specs, through the same `st.cache_data` / `st.cache_resource` entries the pages use),
so the pages that visitor, and everyone after, opens next are built from cached figures. The first page of a
fresh process is still built cold (imports, the DuckDB connection, its own queries: ~1.5-2 s more on 2 cores).
Tables' display frames are not warmed (built on first show, ~10-50 ms each). Set POLICY_WARM=0 to turn it off.

Each step mirrors a page's calls with the same arguments (the cache keys must match); tests/test_warm.py runs
every page after `warm_all` and fails if any page still has to run a query or build a chart.
"""

from __future__ import annotations

import logging
import os
import threading
import time

import pandas as pd
from streamlit import config

from ui import charts, data, queries, tables
from ui.evidence import PAGE
from ui.filters import Filters
from ui.rankings import RANK_CHART

LOG = logging.getLogger(__name__)
LANG = "ko"  # a link without `lang` opens in Korean: that is the default view warmed
F = Filters()
# Seconds the thread waits before it starts: the first visitor's own page (a cold run of 1-2 s on 2 cores)
# goes first, then the warm-up takes the CPU it would otherwise compete for.
DELAY_S = 3.0
_LOCK = threading.Lock()
_started = False


def _figure(build: object, df: pd.DataFrame) -> None:
    data.figure(build, df, lang=LANG)


def _common() -> None:
    """What every page's start (ui/widgets.start, ui/sidebar) loads."""
    for fn in (queries.period_bounds, queries.overview_metrics, queries.program_options,
               queries.institution_options, queries.country_options):  # fmt: skip
        data.load(fn)


def _overview() -> None:
    data.load(queries.overview_metrics, F)
    data.load(queries.left_out_summary, F)
    _figure(charts.announcements_chart, data.load(queries.announcements_by_month, F))
    data.load(queries.latest_announcements, F, limit=15)


def _revisions(f: Filters, pid: str) -> None:
    """ui/history.revisions for one program (its tables are behind a switch, off by default)."""
    _figure(charts.revisions_chart, data.load(queries.program_revisions, f, program_id=pid))


def _budgets() -> None:
    _figure(charts.timeline_chart, data.load(queries.budget_timeline, F, limit=1500))
    _figure(charts.gantt_chart, data.load(queries.program_periods, F, limit=40))
    data.load(queries.reconciliation, F)
    programs = data.load(queries.program_table, F, limit=200)
    if not programs.empty:
        _revisions(F, programs["program_id"].iloc[0])
    data.load(queries.fact_counts, F)
    data.load(queries.budget_facts, F, limit=PAGE, offset=0)


def _programs() -> None:
    table = data.load(queries.program_table, F, limit=500)
    _figure(charts.hierarchy_chart, data.load(queries.program_tree, F))
    if table.empty:
        return
    pid = table["program_id"].iloc[0]
    one = F.replace(program=pid)
    data.load(queries.program_family, F, program_id=pid)
    _revisions(one, pid)
    data.load(queries.figure_history_count, one, program_id=pid)
    data.load(queries.figure_history, one, limit=PAGE, offset=0, program_id=pid)
    data.load(queries.fact_counts, one)
    data.load(queries.program_events, one, limit=PAGE, offset=0)
    data.load(queries.reconciliation, F, program_id=pid)


def _institutions() -> None:
    data.load(queries.institution_count, F, search="")
    rows = data.load(queries.institution_ranking, F, limit=PAGE, offset=0, search="")
    _figure(charts.ranking_chart, rows.head(RANK_CHART))
    _figure(charts.types_chart, data.load(queries.institution_types, F))


def _sites() -> None:
    _figure(charts.site_map_chart, data.load(queries.site_map, F, limit=2000))


def _sources() -> None:
    data.load(queries.source_health)
    data.load(queries.fact_counts, F, search="")
    docs = data.load(queries.document_list, F, limit=PAGE, offset=0, search="")
    if docs.empty:
        return
    doc_id = next(iter(tables.document_labels(docs, LANG)))
    for fn in (queries.document_text, queries.document_facts, queries.document_tables, queries.table_cells):
        data.load(fn, document_id=doc_id)


STEPS = (_common, _overview, _budgets, _programs, _institutions, _sites, _sources)


def warm_all() -> None:
    """Every page's default view into the shared caches; a step that fails is logged and skipped (the page
    itself will then show the error to its visitor, as it would have without the warm-up)."""
    for step in STEPS:
        try:
            step()
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
