"""Pages on an empty, missing or swapped database, what pages and ui modules may hold, the source-health table and list choices in the link (page rendering and filters are in tests/test_pages.py)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from bench.synth_db import make_db
from etl.config import ROOT, Settings
from tests.test_pages import PAGES, app, first_program, metric, qp

# --- an empty, missing or swapped database; what pages and ui modules may hold; source health ---------


@pytest.mark.usefixtures("clear_streamlit_caches")
def test_empty_database_is_explained(monkeypatch: pytest.MonkeyPatch, empty_db: Path) -> None:
    monkeypatch.setenv("POLICY_DB", str(empty_db))
    for page in PAGES:
        at = app(page)
        assert not at.exception, page
        assert any("발표문이 없습니다" in i.value for i in at.info), page


@pytest.mark.usefixtures("clear_streamlit_caches")
def test_missing_database_in_read_only_mode(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("POLICY_DB", str(tmp_path / "none.duckdb"))
    monkeypatch.setenv("POLICY_READ_ONLY", "1")
    for page in PAGES:
        at = app(page)
        assert not at.exception, page
        assert any("준비되지 않았습니다" in i.value for i in at.info), page
        assert not at.sidebar.get("file_uploader")  # nothing that writes
    assert not (tmp_path / "none.duckdb").exists()


@pytest.mark.usefixtures("clear_streamlit_caches")
def test_missing_database_is_built_on_first_start(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from ui import ingest

    calls: list[tuple[list[str], Settings]] = []

    def fake_run(inputs: list[str], settings: Settings, **kw: object) -> ingest.Outcome:
        calls.append((inputs, settings))
        make_db(settings.db_path, 500, seed=3)
        return ingest.Outcome(returncode=0)

    monkeypatch.setattr(ingest, "run", fake_run)
    monkeypatch.setenv("POLICY_DB", str(tmp_path / "policy.duckdb"))
    monkeypatch.setenv("POLICY_RAW", str(tmp_path / "raw"))
    monkeypatch.delenv("POLICY_READ_ONLY", raising=False)
    monkeypatch.setenv("POLICY_ALLOW_WRITE", "1")
    at = app("dashboard.py")
    assert not at.exception and metric(at, "사업 수") != "0"
    assert calls == [([str(tmp_path / "raw")], Settings.from_env())]
    assert at.sidebar.get("file_uploader")  # the add-an-announcement control is shown when writes are allowed


@pytest.mark.usefixtures("clear_streamlit_caches")
def test_data_layer_follows_a_swapped_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The ETL os.replace()s a new file in: the next load must read it (FACTS.md: close, then reconnect)."""
    from ui import data, queries

    path = tmp_path / "policy.duckdb"
    make_db(path, 300, seed=1)
    monkeypatch.setenv("POLICY_DB", str(path))
    before = data.load(queries.overview_metrics).iloc[0]["n_documents"]
    make_db(tmp_path / "next.duckdb", 900, seed=2)
    os.utime(tmp_path / "next.duckdb", ns=(path.stat().st_mtime_ns + 10**9,) * 2)  # coarse clocks
    os.replace(tmp_path / "next.duckdb", path)
    after = data.load(queries.overview_metrics).iloc[0]["n_documents"]
    assert (before, after) == (30, 90)
    with data.cursor() as cur:  # and the connection itself reads the new file
        assert cur.execute("SELECT count(*) FROM budgets").fetchone()[0] == 900


def test_pages_hold_no_sql_or_plot_construction() -> None:
    for page in PAGES:
        text = (ROOT / page).read_text(encoding="utf-8")
        assert not re.search(r"\b(SELECT|duckdb|go\.Figure|import re)\b", text), page
        assert 20 <= len(text.splitlines()) <= 80, page


def test_ui_modules_do_no_work_at_import(tmp_path: Path) -> None:
    """Importing ui/* with a missing database must neither connect nor create files."""
    env = {**os.environ, "POLICY_DB": str(tmp_path / "never.duckdb")}
    code = (
        "import ui.data, ui.queries, ui.charts, ui.widgets, ui.sidebar, ui.sql, ui.fmt, ui.i18n, ui.highlight, "
        "ui.tables, ui.figures"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, timeout=60)
    assert result.returncode == 0, result.stderr.decode()
    assert not list(tmp_path.iterdir())


def test_sources_page_shows_source_health(
    ui_env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What `etl watch` recorded shows on the Sources page, opened when a source keeps failing."""
    import shutil

    from etl import db

    path = tmp_path / "health.duckdb"
    shutil.copy(ui_env, path)
    con = db.connect(path)
    with db.transaction(con):
        con.execute(
            "INSERT INTO watch_sources (source_name, url, kind, last_status, last_error, n_failures, n_items_seen) "
            "VALUES ('피드 가', 'https://example.org/a.xml', 'rss', 'error', 'HTTP 500 (after 3 attempts)', 2, 0), "
            "('피드 나', 'https://example.org/b.xml', 'rss', 'not-modified', NULL, 0, 7)"
        )
    con.close()
    monkeypatch.setenv("POLICY_DB", str(path))
    at = app("pages/5_Sources.py")
    assert not at.exception, [e.value for e in at.exception]
    tables = [d.value for d in at.dataframe if "source_name" in d.value.columns]
    assert "감시 중인 수집원" in [e.label for e in at.expander]
    names = list(tables[0]["source_name"])  # failing sources first (the synthetic one fails 3 times in a row)
    assert names == ["synthetic broken feed", "피드 가", "synthetic feed", "피드 나"]
    assert "HTTP 500" in tables[0]["last_error"].iloc[1]


def test_list_choices_are_kept_in_the_link(ui_env: Path) -> None:
    """The ranking's kind and search, a list's page and the Review state reopen from a shared link."""
    at = app("pages/2_Programs.py", program_view="program_table", programs_by="national", programs_q="AI")
    assert not at.exception and not at.warning
    assert at.segmented_control(key="programs_kind").value == "national"
    assert at.text_input(key="programs_search").value == "AI"
    at.segmented_control(key="programs_kind").set_value("total").run()
    assert qp(at, "programs_by") == ["total"]
    at.segmented_control(key="programs_kind").set_value("headline").run()
    assert qp(at, "programs_by") == []  # the default: left out of the link
    at = app("pages/2_Programs.py", program_view="program_table", programs_by="nonsense")
    assert not at.exception and at.segmented_control(key="programs_kind").value == "headline"
    at = app("pages/6_Review.py", state="rejected")
    assert not at.exception and at.segmented_control(key="review_state").value == "rejected"
    at = app("pages/1_Budgets.py", budget_statements_open="1", budget_statements_p="2")
    assert not at.exception and not at.warning
    [page] = [w for w in at.number_input if (w.key or "").startswith("budget_statements_page_")]
    assert page.value == 2


def charts(at: AppTest) -> list[str]:
    """The mark types of the page's Vega-Lite charts (a layered chart: its layers' marks)."""
    out = []
    for c in at.get("vega_lite_chart"):
        spec = json.loads(c.proto.spec)
        for view in spec.get("layer", [spec]):
            mark = view.get("mark", {})
            out.append(mark.get("type") if isinstance(mark, dict) else mark)
    return out


def test_institutions_and_revisions_show_one_section_at_a_time(ui_env: Path) -> None:
    """Institutions draws types, co-participation or partners (one at a time, in the link); the Budgets
    revisions (a section of their own) show the changes or every point, one table at a time."""
    at = app("pages/3_Institutions.py")
    assert at.segmented_control(key="institution_view").value == "by_type" and not qp(at, "institution_view")
    assert len(at.get("vega_lite_chart")) == 2  # the ranking's bars and the types' bars
    assert len(at.dataframe) == 1  # the ranking; the types' table is behind a switch
    at.toggle(key="institution_table").set_value(True).run()
    assert len(at.dataframe) == 2 and qp(at, "institution_table") == ["1"]
    at.segmented_control(key="institution_view").set_value("coparticipation").run()
    assert not at.exception and qp(at, "institution_view") == ["coparticipation"] and "rect" in charts(at)
    at = app("pages/3_Institutions.py", institution_view="partners")
    assert not at.exception and at.segmented_control(key="institution_view").value == "partners"
    assert len(at.get("vega_lite_chart")) == 2 and "bar" in charts(at)  # the ranking's and the partners' bars
    at = app("pages/1_Budgets.py", budget_chart="revisions")
    assert not at.toggle(key="revisions_tables").value and not qp(at, "revisions_tables")  # tables: a switch
    at.toggle(key="revisions_tables").set_value(True).run()
    assert (
        qp(at, "revisions_tables") == ["1"]
        and app("pages/1_Budgets.py", budget_chart="revisions", revisions_tables="1")
        .toggle(key="revisions_tables")
        .value
    )  # kept in the link
    assert at.segmented_control(key="revisions_list").value == "changes"
    before = len(at.dataframe)
    at.segmented_control(key="revisions_list").set_value("revision_points").run()
    assert not at.exception and qp(at, "revisions_list") == ["revision_points"]
    assert len(at.dataframe) >= before  # the points table in place of the changes (or of the empty note)


def test_only_the_chosen_section_is_drawn_and_kept_in_the_link(ui_env: Path) -> None:
    """Budgets and Programs draw one section at a time (in place of st.tabs, which drew every tab's charts)."""
    at = app("pages/1_Budgets.py")
    assert at.segmented_control(key="budget_chart").value == "gantt" and not qp(at, "budget_chart")
    assert len(at.get("vega_lite_chart")) == 2  # timeline, program periods (revisions: a section)
    assert not at.get("plotly_chart")
    at.segmented_control(key="budget_chart").set_value("by_kind").run()
    assert qp(at, "budget_chart") == ["by_kind"] and "arc" in charts(at)
    at.segmented_control(key="budget_chart").set_value(None).run()  # clicking the chosen one again keeps it
    assert at.segmented_control(key="budget_chart").value == "by_kind" and "arc" in charts(at)
    for section in ("per_year", "cumulative"):
        at.segmented_control(key="budget_chart").set_value(section).run()
        assert not at.exception and "bar" in charts(at), section
    at = app("pages/1_Budgets.py", budget_chart="nonsense")
    assert not at.exception and at.segmented_control(key="budget_chart").value == "gantt"
    pid, _ = first_program(ui_env)
    for shown, hidden in (("budgets", "name_seen"), ("documents", "unit_text")):  # name_seen: documents only
        at = app("pages/2_Programs.py", id=pid, program_list=shown)
        assert not at.exception and at.segmented_control(key="program_list").value == shown
        columns = [set(d.value.columns) for d in at.dataframe]
        assert not any(hidden in c for c in columns)
        assert any(("unit_text" if shown == "budgets" else "name_seen") in c for c in columns)


def test_folded_tables_are_drawn_once_opened_and_kept_in_the_link(ui_env: Path) -> None:
    """Budgets' figures that do not add up and a program's figures by version: closed, their tables are not
    built (a closed st.expander would still draw them); open, they are, and the link says so."""
    closed = app("pages/1_Budgets.py")
    assert not closed.exception and not qp(closed, "reconciliation_open")
    assert closed.expander[0].proto.expanded is False and not closed.expander[0].children
    opened = app("pages/1_Budgets.py", reconciliation_open="1")
    assert not opened.exception and qp(opened, "reconciliation_open") == ["1"]
    assert len(opened.dataframe) == len(closed.dataframe) + 1  # the synthetic data has figures that differ
    pid, _ = first_program(ui_env)
    closed = app("pages/2_Programs.py", id=pid, program_list="revisions")
    assert not closed.exception and "program_revisions_history" not in {d.key for d in closed.dataframe}
    opened = app("pages/2_Programs.py", id=pid, program_list="revisions", program_revisions_history_open="1")
    assert not opened.exception and qp(opened, "program_revisions_history_open") == ["1"]
    assert len(opened.dataframe) == len(closed.dataframe) + 1
