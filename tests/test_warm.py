"""ui/warm.py: after the warm-up, every page's default view is served from the shared caches, and the warm-up
loads only what some default page shows (both read ui/views.py)."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from etl.config import ROOT
from ui import charts, queries, warm

PAGES = ["dashboard.py", *(f"pages/{p.name}" for p in sorted((ROOT / "pages").glob("[0-9]_*.py")))]
SKIP = {"pages/6_Review.py"}  # Review's doubts depend on the review state: not a default view anyone lands on


def _spy(monkeypatch: pytest.MonkeyPatch, calls: list[tuple]) -> None:
    """Record every query run (name, filters, arguments) and every chart built (name) into `calls` (cleared
    by the caller between phases)."""

    def spy(name: str, fn: object) -> object:
        @functools.wraps(fn)
        def wrapper(*args: object, **kwargs: object) -> object:
            if name.endswith(("_chart", "_heatmap")):
                calls.append((name,))
            else:
                calls.append((name, repr(kwargs.get("filters")), repr(sorted(kwargs.items())[1:])))
            return fn(*args, **kwargs)

        return wrapper

    for name, fn in list(queries.DATASETS.items()):
        monkeypatch.setitem(queries.DATASETS, name, spy(name, fn))
    for name in [n for n in dir(charts) if n.endswith("_chart") or n.endswith("_heatmap")]:
        monkeypatch.setattr(charts, name, spy(name, getattr(charts, name)))


def _run_pages() -> None:
    for page in PAGES:
        if page in SKIP:
            continue
        at = AppTest.from_file(str(ROOT / page), default_timeout=60).run()
        assert not at.exception, page


def test_after_the_warm_up_no_default_page_runs_a_query_or_builds_a_chart(
    ui_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warm.warm_all()
    missed: list[tuple] = []
    _spy(monkeypatch, missed)
    for page in PAGES:
        if page in SKIP:
            continue
        at = AppTest.from_file(str(ROOT / page), default_timeout=60).run()
        assert not at.exception, page
        assert not missed, (page, missed)


def test_the_warm_up_loads_nothing_a_default_page_does_not_show(
    ui_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Warming what no page shows by default (a closed fold, a section not chosen) costs the server for nobody."""
    calls: list[tuple] = []
    _spy(monkeypatch, calls)
    warm.warm_all()
    warmed = set(calls)
    st.cache_data.clear()
    st.cache_resource.clear()
    calls.clear()
    _run_pages()
    assert warmed and warmed <= set(calls), warmed - set(calls)


def test_the_warm_up_is_off_under_apptest_and_by_env(monkeypatch: pytest.MonkeyPatch) -> None:
    assert warm.enabled()
    monkeypatch.setenv("POLICY_WARM", "0")
    assert not warm.enabled()
