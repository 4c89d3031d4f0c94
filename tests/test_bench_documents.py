"""Smoke test of `python -m bench.documents --quick`: every format and size prints a row (no timing checks)."""

from __future__ import annotations

import importlib.util

import pytest

from bench import documents


@pytest.mark.skipif(
    importlib.util.find_spec("koreanize_matplotlib") is None,
    reason="no Korean TTF for the PDFs: pip install -r requirements-dev.txt",
)
def test_quick_run_prints_a_row_per_format_and_size() -> None:
    lines = documents.report(quick=True)
    rows = lines[1:-1]
    assert [r.split()[0] for r in rows] == ["hwpx", "hwp", "pdf"] * 2
    assert all(
        ("f/s" in r) == (i < 3) and ("rows/s" in r) == (i >= 3) and "MB" in r for i, r in enumerate(rows)
    )
    assert lines[-1].startswith("peak resident memory")
