"""Connection and cache layer between Streamlit and ui/queries.py.

- One read-only connection per process (`st.cache_resource`): an in-memory DuckDB that ATTACHes the
  file READ_ONLY (ui/sql.open_prepared; a file older than the derived tables gets them built once, in
  memory). Each query gets its own `.cursor()`, because a connection shared by concurrent sessions
  raises "connection is busy".
- Charts are built once per chart, data and options (`figure`, `st.cache_resource`), and shared.
- The ETL swaps a new file in with `os.replace`. The file's `st_mtime_ns` is the db_version: every
  `st.cache_data` entry is keyed by it, so results refresh by themselves, and when it changes the
  resource is cleared (closing the old connection) *before* reconnecting: DuckDB keeps serving an open
  instance for the same path until every connection to it is closed.
- Nothing runs at import time: no connect, no file reads.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal

import duckdb
import pandas as pd
import streamlit as st
from streamlit.errors import StreamlitSecretNotFoundError

from etl import asof
from etl.config import Settings
from ui import charts, figures, queries, sql
from ui.filters import Filters

_LOCK = threading.Lock()  # guards version checks, reconnects and cursor creation across session threads
NO_FILTERS = Filters()


def settings() -> Settings:
    """The ETL's settings (env POLICY_DB / POLICY_RAW), read on every call so tests can change them."""
    return Settings.from_env()


def db_path() -> Path:
    """The database file the dashboard reads."""
    return settings().db_path


def read_only() -> bool:
    """True when POLICY_READ_ONLY=1: not even the first-start build from data/raw/ runs."""
    return _flag("POLICY_READ_ONLY")


def writes_allowed() -> bool:
    """Visitors may add announcements only when the host says so: POLICY_ALLOW_WRITE=1 (`make run` sets it)
    or `allow_write = true` under [policy] in .streamlit/secrets.toml. Read-only is the default, so a
    hosted app or a shared link never shows a write control by accident."""
    if read_only():
        return False
    return _flag("POLICY_ALLOW_WRITE") or _secret_allows_write()


def _flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in ("1", "true", "yes")


def _secret_allows_write() -> bool:
    try:
        return bool(st.secrets.get("policy", {}).get("allow_write", False))
    except (FileNotFoundError, KeyError, AttributeError, StreamlitSecretNotFoundError):
        return False  # no secrets file: the default stays read-only


def db_version(path: Path | None = None) -> int:
    """The database file's st_mtime_ns, 0 when it is missing."""
    try:
        return (path or db_path()).stat().st_mtime_ns
    except OSError:
        return 0


@dataclass
class _Database:
    con: duckdb.DuckDBPyConnection
    version: int


def _release(db: _Database) -> None:
    db.con.close()


@st.cache_resource(show_spinner=False, on_release=_release)
def _database(path: str) -> _Database:
    """The process's one connection to `path` (see module docstring)."""
    version = db_version(Path(path))
    return _Database(sql.open_prepared(path), version)


@contextmanager
def cursor(path: Path | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
    """A cursor on the process's connection, reconnecting first if the file changed; closed after use."""
    path = path or db_path()
    with _LOCK:
        db = _database(str(path))
        if db.version != db_version(path):
            _database.clear()  # closes the old connection (on_release) before the new one opens
            db = _database(str(path))
        cur = db.con.cursor()
    try:
        yield cur
    finally:
        cur.close()


@st.cache_data(ttl=600, max_entries=2000, show_spinner=False)
def _load(name: str, path: str, version: int, filters: Filters, kwargs: tuple) -> pd.DataFrame:
    # `version` is only part of the cache key: a swapped file gives new entries.
    with cursor(Path(path)) as cur:
        return queries.DATASETS[name](cur, filters=filters, **dict(kwargs))


def load(fn: Callable[..., pd.DataFrame], filters: Filters = NO_FILTERS, **kwargs: object) -> pd.DataFrame:
    """A dataset from ui/queries.py for these filters, cached until the database file changes (with an
    "as of" date: from the record as it stood then, etl/asof.py)."""
    path = source(filters)
    return _load(fn.__name__, str(path), db_version(path), filters, tuple(sorted(kwargs.items())))


def source(filters: Filters) -> Path:
    """The file a dataset reads: the database, or its snapshot as of `filters.as_of`."""
    path = db_path()
    if not filters.as_of:
        return path
    return Path(_snapshot(str(path), db_version(path), filters.as_of))


@st.cache_resource(max_entries=16, show_spinner=False)
def _snapshot(path: str, version: int, day: str) -> str:
    """The record of `path` as of the end of `day`, built once per file version and day in a temp folder
    (a read-only host can still show it; `version` makes a swapped file give new snapshots)."""
    folder = Path(tempfile.gettempdir()) / "policy-tracker-asof"
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / f"{hashlib.sha1(f'{path}|{version}|{day}'.encode()).hexdigest()[:16]}.duckdb"
    if not out.exists():
        asof.build(Path(path), asof.moment(date.fromisoformat(day)), out)
    return str(out)


def figure(build: Callable[..., Any], df: pd.DataFrame, **options: object) -> str:
    """A ui/charts.py chart of `df` as Vega-Lite JSON text (figures.spec_text), built once per chart, data and
    options and then shared.

    Building a chart and converting it to a validated spec took 20-100 ms a chart and ~0.9 s plus 0.3-0.6 s
    for the map (its outline) on every rerun; cached, a rerun only parses the text.
    """
    return _figure(build.__name__, df, tuple(sorted(options.items())))


@st.cache_resource(max_entries=500, show_spinner=False)
def _figure(name: str, df: pd.DataFrame, options: tuple) -> str:
    return figures.spec_text(getattr(charts, name)(df, **dict(options)))


def table_frames(
    build: Callable[..., tuple[pd.DataFrame, bytes]], df: pd.DataFrame, **options: object
) -> tuple[pd.DataFrame, bytes]:
    """A table's shown frame and CSV (`build`, ui/widgets.py), made once per data and options and shared.

    Formatting every cell (amounts, codes, dates, shortened evidence) and writing the CSV took most of a warm
    rerun of a 2,000-row table; like figures, the result is not copied out of the cache, only displayed.
    """
    return _table_frames(
        f"{build.__module__}.{build.__qualname__}", build, df, tuple(sorted(options.items()))
    )


@st.cache_resource(max_entries=200, show_spinner=False)
def _table_frames(
    name: str, _build: Callable[..., tuple[pd.DataFrame, bytes]], df: pd.DataFrame, options: tuple
) -> tuple[pd.DataFrame, bytes]:
    # The builder is keyed by its name (`_build`, with a leading underscore, is not hashed).
    return _build(df, **dict(options))


def status() -> Literal["missing", "empty", "broken", "ok"]:
    """Whether there is a database with documents in it."""
    path = db_path()
    if not path.exists():
        return "missing"
    try:
        bounds = load(queries.period_bounds)
        n_docs = load(queries.overview_metrics)["n_documents"].iloc[0]
    except duckdb.Error:
        return "broken"
    return "ok" if n_docs or bounds["min_year"].notna().any() else "empty"


def clear_caches() -> None:
    """Forget every cached result and close the connection (after the app itself wrote the file)."""
    with _LOCK:
        _load.clear()
        _database.clear()
