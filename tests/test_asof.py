"""etl/asof.py and the dashboard's "as of" date: the record as it stood then, from versions never overwritten."""

from __future__ import annotations

import shutil
import time
from datetime import date, datetime
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from etl import asof
from etl.config import ROOT, Settings
from etl.pipeline import ingest
from tests.test_aggregates import derived
from ui import queries
from ui.filters import Filters, from_params, to_params

EVENTS = ROOT / "tests" / "fixtures" / "events"
RELEASE = "2025-06-02_msit_release.txt"
LATER = "2025-06-13_ajunews_second_failure.txt"
EOK = 10**8


def _run(folder: Path, db: Path) -> datetime:
    report = ingest([str(folder)], Settings(db_path=db, workers=1), progress=False)
    assert report.failed == 0, report.failures
    time.sleep(0.01)
    return datetime.now()


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, datetime, datetime, datetime]:
    """Three runs: the fixture set; the release's total corrected from 4,000억 to 5,000억; the 13 June story
    withdrawn. Returns the database and a moment after each run."""
    work = tmp_path_factory.mktemp("asof")
    folder, db = work / "in", work / "p.duckdb"
    shutil.copytree(EVENTS, folder, ignore=shutil.ignore_patterns("*.md"))
    first = _run(folder, db)
    release = folder / RELEASE
    text = release.read_text(encoding="utf-8")
    assert "4,000억" in text
    release.write_text(text.replace("4,000억", "5,000억"), encoding="utf-8")
    second = _run(folder, db)
    (folder / LATER).unlink()
    third = _run(folder, db)
    return db, first, second, third


def _facts(path: Path) -> tuple[int, list[int]]:
    with duckdb.connect(str(path), read_only=True) as con:
        [(n,)] = con.execute("SELECT count(*) FROM documents").fetchall()
        amounts = con.execute(
            f"""SELECT b.amount_krw FROM budgets b JOIN documents d USING (document_id)
                WHERE d.source LIKE '%{RELEASE}' AND b.kind = 'total'"""
        ).fetchall()
    return n, [a for (a,) in amounts]


def test_each_moment_shows_the_versions_current_then(history: tuple, tmp_path: Path) -> None:
    db, first, second, third = history
    out = tmp_path / "snap.duckdb"
    assert _facts(asof.build(db, first, out)) == (5, [4000 * EOK])  # the first text, every document
    assert _facts(asof.build(db, second, out)) == (5, [5000 * EOK])  # corrected, the later story still there
    assert _facts(asof.build(db, third, out)) == (4, [5000 * EOK])  # the withdrawn story gone
    assert _facts(asof.build(db, datetime(2000, 1, 1), out))[0] == 0  # before anything was loaded
    assert _facts(db) == (4, [5000 * EOK])  # the live file is untouched


def test_a_snapshot_of_now_equals_the_live_record(history: tuple, tmp_path: Path) -> None:
    db = history[0]
    out = asof.build(db, datetime.now(), tmp_path / "now.duckdb")
    with duckdb.connect(str(db), read_only=True) as live, duckdb.connect(str(out), read_only=True) as snap:
        assert derived(snap) == derived(live)
        for table in ("documents", "budgets", "participations", "event_documents"):
            rows = f"SELECT * FROM {table} ORDER BY ALL"
            assert snap.execute(rows).fetchall() == live.execute(rows).fetchall(), table


def _release_program(con: duckdb.DuckDBPyConnection) -> str:
    """The program whose total the re-called release states (the history fixture's changed figure)."""
    [(pid,)] = con.execute(
        f"""SELECT DISTINCT b.program_id FROM budgets b JOIN documents d USING (document_id)
            WHERE d.source LIKE '%{RELEASE}' AND b.kind = 'total'"""
    ).fetchall()
    return pid


def test_figure_history_shows_when_a_figure_changed(history: tuple) -> None:
    db = history[0]
    with duckdb.connect(str(db), read_only=True) as con:
        pid = _release_program(con)
        df = queries.figure_history(con, filters=Filters(), program_id=pid)
    totals = df[df["kind"] == "total"]
    release = totals[totals["title"].str.contains("재공고", na=False) & totals["version"].isin([1, 2])]
    got = {(int(r.version), int(r.amount_krw), r.valid_to is None or str(r.valid_to) in ("NaT", "None"))
           for r in release.itertuples()}  # fmt: skip
    assert (1, 4000 * EOK, False) in got and (2, 5000 * EOK, True) in got
    withdrawn = df[df["title"].str.contains("결국 유찰", na=False)]
    assert not withdrawn.empty and withdrawn["valid_to"].notna().all()  # kept, marked no longer current


def test_figure_history_comes_a_page_at_a_time(history: tuple) -> None:
    """Pages of two rows, read in turn, are the whole record in the same order; the count says how many."""
    db = history[0]
    with duckdb.connect(str(db), read_only=True) as con:
        pid = _release_program(con)
        whole = queries.figure_history(con, filters=Filters(), program_id=pid, limit=1000)
        n = int(queries.figure_history_count(con, filters=Filters(), program_id=pid)["n_rows"].iloc[0])
        pages = [queries.figure_history(con, filters=Filters(), program_id=pid, limit=2, offset=k)
                 for k in range(0, n + 2, 2)]  # fmt: skip
    assert n == len(whole) > 2 and whole["valid_to"].notna().any()  # current rows and replaced versions
    joined = pd.concat([p for p in pages if len(p)], ignore_index=True)
    assert joined.astype(str).equals(whole.astype(str))
    assert (
        whole.groupby("document_id", sort=False)["version"].apply(lambda v: v.is_monotonic_decreasing)
    ).all()


def test_as_of_goes_through_the_url() -> None:
    f = from_params({"asof": "2025-06-02", "from": "2024"})
    assert f.as_of == "2025-06-02" and to_params(f)["asof"] == "2025-06-02"
    assert from_params({"asof": "yesterday"}).as_of is None
    assert from_params({"asof": "2025-13-40"}).as_of is None


def test_pages_read_the_snapshot_of_the_chosen_day(history: tuple, monkeypatch: pytest.MonkeyPatch,
                                                   clear_streamlit_caches: None) -> None:  # fmt: skip
    db = history[0]
    monkeypatch.setenv("POLICY_DB", str(db))
    monkeypatch.delenv("POLICY_READ_ONLY", raising=False)
    at = AppTest.from_file(str(ROOT / "pages" / "2_Programs.py"), default_timeout=60)
    at.query_params["asof"] = "2000-01-01"  # before anything was loaded: the record was empty
    at.run(timeout=60)
    assert not at.exception
    assert any("2000-01-01" in i.value for i in at.info)
    assert at.sidebar.toggle(key="w_as_of_on").value  # the link's day shows in the picker, its switch on
    assert str(at.sidebar.date_input(key="w_as_of").value) == "2000-01-01"
    at = AppTest.from_file(str(ROOT / "pages" / "2_Programs.py"), default_timeout=60)
    at.run(timeout=60)
    assert not at.exception and not any("2000-01-01" in i.value for i in at.info)
    assert not at.sidebar.toggle(key="w_as_of_on").value and not at.sidebar.date_input  # no picker drawn
    at.sidebar.toggle(key="w_as_of_on").set_value(True).run()
    assert at.sidebar.date_input(key="w_as_of").value is None and "asof" not in at.query_params
    day = date.today().replace(year=date.today().year - 5)  # within the picker's default range (10 years)
    at.sidebar.date_input(key="w_as_of").set_value(day).run()
    assert at.query_params["asof"] in (day.isoformat(), [day.isoformat()]) and any(
        day.isoformat() in i.value for i in at.info
    )
    at.sidebar.toggle(key="w_as_of_on").set_value(False).run()
    assert "asof" not in at.query_params and not at.sidebar.date_input  # off: the record now again
