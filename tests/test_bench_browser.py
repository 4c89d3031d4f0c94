"""Smoke test of the browser benchmark (bench/browser.py): its table, and one real measurement when Chromium is there.

No timing is checked: the figures are printed by `make bench`, never asserted.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import browser


def test_table_shows_before_now_and_whether_targets_are_met() -> None:
    now = {
        "bundled": {
            "Budgets": {"first_chart_s": 1.2, "settled_s": 2.5, "warm_settled_s": 1.5, "filter_s": 0.3}
        }
    }
    before = {"bundled": {"Budgets": {"settled_s": 8.0, "warm_settled_s": 7.0, "filter_s": 1.9}}}
    table = browser.render(now, before)
    row = next(line for line in table.splitlines() if "Budgets" in line)
    assert "8.00 s → 2.50 s" in row and "7.00 s → 1.50 s" in row and "1.90 s → 0.30 s" in row
    assert row.endswith(": met |")
    slow = {
        "bundled": {
            "Sites": {"first_chart_s": None, "settled_s": 3.0, "warm_settled_s": 2.5, "filter_s": 0.2}
        }
    }
    row = next(line for line in browser.render(slow, {}).splitlines() if "Sites" in line)
    assert "| — |" in row and "— → 3.00 s" in row and row.endswith("NOT met |")


def test_floor_rows_are_references_without_targets() -> None:
    ref = {"floor": {"Streamlit, empty page": {"first_chart_s": None, "settled_s": 1.1, "warm_settled_s": 0.9,
                                               "filter_s": None}}}  # fmt: skip
    row = next(line for line in browser.render(ref, {}).splitlines() if "empty page" in line)
    assert "1.10 s" in row and "0.90 s" in row and row.endswith("| reference |")


@pytest.mark.browser
@pytest.mark.skipif(browser.chromium() is None, reason="no Chromium on PATH (Debian package chromium)")
def test_one_page_measured_in_a_real_browser(synth_db: Path) -> None:
    pytest.importorskip("playwright.sync_api", reason="needs playwright")
    got = browser.measure(synth_db, reps=1, pages={"Budgets": "Budgets"})
    times = got["Budgets"]
    assert times["first_chart_s"] is not None and 0 < times["first_chart_s"] <= times["settled_s"]
    assert times["warm_settled_s"] > 0 and times["filter_s"] > 0
