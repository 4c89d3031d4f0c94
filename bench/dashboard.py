"""Dashboard timings: every public function of ui/queries.py on synthetic DBs, and each page's warm rerun.

Queries run the way ui/data.py runs them: one `ui.sql.open_prepared` connection per database and a
fresh `.cursor()` per call, with no filters (the widest, heaviest view). Functions that need an id get
the one a page would open first: the top row of `program_table` / `latest_announcements`.
"""

from __future__ import annotations

import contextlib
import hashlib
import inspect
import logging
import os
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pandas as pd

from etl.config import ROOT

OUT = ROOT / "bench" / "out"
PAGES = [ROOT / "dashboard.py", *sorted((ROOT / "pages").glob("[!_.]*.py"))]


def query_db(n_budgets: int, seed: int = 0, root: Path = OUT) -> Path:
    """A synthetic DB with n_budgets budget rows (bench.synth_db), built only when missing or stale."""
    from bench import synth_db

    source = b"".join(
        (ROOT / f).read_bytes() for f in ("bench/synth_db.py", "etl/schema.sql", "etl/aggregates.py")
    )
    key = hashlib.sha256(source + f"|{n_budgets}|{seed}".encode()).hexdigest()[:10]
    path = root / f"budgets-{n_budgets}-{key}.duckdb"
    if path.exists():
        return path
    root.mkdir(parents=True, exist_ok=True)
    for old in root.glob(f"budgets-{n_budgets}-*.duckdb"):
        old.unlink()
    tmp = path.with_name(path.name + ".tmp")
    for stale in (tmp, tmp.with_name(tmp.name + ".wal")):  # left by an interrupted build
        stale.unlink(missing_ok=True)
    with _quiet_stdout():  # DuckDB draws progress bars on fd 1 for long statements
        synth_db.make_db(tmp, n_budgets, seed=seed)
    tmp.replace(path)
    return path


@contextlib.contextmanager
def _quiet_stdout() -> Iterator[None]:
    """Point file descriptor 1 at /dev/null for the block (C code writes there directly)."""
    sys.stdout.flush()
    saved = os.dup(1)
    try:
        with open(os.devnull, "w") as null:
            os.dup2(null.fileno(), 1)
            yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)


def public_queries() -> dict[str, Callable[..., pd.DataFrame]]:
    """ui.queries' public dataset functions, found with inspect: (con, *, filters, ...) -> DataFrame."""
    from ui import queries

    found = {}
    for name, fn in inspect.getmembers(queries, inspect.isfunction):
        # Datasets may be defined in a sibling ui module and re-exported: the signature decides.
        params = inspect.signature(fn).parameters
        filters = params.get("filters")
        if name.startswith("_") or not fn.__module__.startswith("ui.") or filters is None:
            continue
        if filters.kind is inspect.Parameter.KEYWORD_ONLY and next(iter(params)) == "con":
            found[name] = fn
    return found


def time_queries(path: Path, runs: int, budget_s: float) -> dict[str, list[float]]:
    """Seconds per call of every public query: up to `runs` calls, fewer (at least 3) past `budget_s` each."""
    from ui import sql
    from ui.filters import Filters

    fns = public_queries()
    con = sql.open_prepared(str(path))
    try:
        ids = _page_ids(con, fns)
        out: dict[str, list[float]] = {}
        for name, fn in fns.items():
            kwargs = {k: v for k, v in ids.items() if k in inspect.signature(fn).parameters}
            times: list[float] = []
            while len(times) < runs and (len(times) < 3 or sum(times) < budget_s):
                t0 = time.perf_counter()
                cur = con.cursor()
                fn(cur, filters=Filters(), **kwargs)
                cur.close()
                times.append(time.perf_counter() - t0)
            out[name] = times
        return out
    finally:
        con.close()


def _page_ids(con: object, fns: dict[str, Callable[..., pd.DataFrame]]) -> dict[str, str]:
    from ui.filters import Filters

    ids: dict[str, str] = {}
    for key, source in (("program_id", "program_table"), ("document_id", "latest_announcements")):
        if source in fns:
            frame = fns[source](con.cursor(), filters=Filters())  # type: ignore[attr-defined]
            if len(frame):
                ids[key] = str(frame[key].iloc[0])
    return ids


def time_pages(db: Path, pages: list[Path] = PAGES) -> dict[str, tuple[float, float, str]]:
    """(first run s, warm rerun s, exception text or "") of every page via AppTest, caches cleared first."""
    import streamlit as st
    from streamlit import logger as streamlit_logger
    from streamlit.testing.v1 import AppTest

    # Bare-mode AppTest warns "missing ScriptRunContext" / "No runtime found" on every run; Streamlit
    # resets its loggers' levels when it parses its config, so the two are filtered out instead.
    for name in (
        "streamlit.runtime.scriptrunner_utils.script_run_context",
        "streamlit.runtime.caching.cache_data_api",
    ):
        streamlit_logger.get_logger(name).addFilter(_bare_mode_noise)
    before = os.environ.get("POLICY_DB")
    os.environ["POLICY_DB"] = str(db)
    st.cache_data.clear()
    st.cache_resource.clear()
    out: dict[str, tuple[float, float, str]] = {}
    try:
        for page in pages:
            at = AppTest.from_file(str(page), default_timeout=600)
            t0 = time.perf_counter()
            at.run()
            first = time.perf_counter() - t0
            t0 = time.perf_counter()
            at.run()
            warm = time.perf_counter() - t0
            error = at.exception[0].message.splitlines()[0] if at.exception else ""
            out[page.relative_to(ROOT).as_posix()] = (first, warm, error)
    finally:
        st.cache_data.clear()
        st.cache_resource.clear()  # closes the connection to this DB
        if before is None:
            os.environ.pop("POLICY_DB", None)
        else:
            os.environ["POLICY_DB"] = before
    return out


def _bare_mode_noise(record: logging.LogRecord) -> bool:
    """False for Streamlit's warnings about running without a server (expected under AppTest)."""
    message = str(record.msg)
    return "missing ScriptRunContext" not in message and "No runtime found" not in message
