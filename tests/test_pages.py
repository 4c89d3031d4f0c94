"""Every page through streamlit.testing.v1.AppTest on a synthetic database, plus the data layer's file swap."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from etl.config import ROOT
from etl.romanize import english_label, has_hangul
from ui import plain

PAGES = ["dashboard.py", *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "pages").glob("*.py"))]
TIMEOUT = 60


def app(page: str = "dashboard.py", **params: str | list[str]) -> AppTest:
    at = AppTest.from_file(str(ROOT / page), default_timeout=TIMEOUT)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run(timeout=TIMEOUT)


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def qp(at: AppTest, key: str) -> list[str]:
    value = at.query_params.get(key)
    return [] if value is None else value if isinstance(value, list) else [value]


def first_program(db: Path) -> tuple[str, str]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(
            "SELECT program_id, name FROM programs WHERE program_id IN (SELECT program_id FROM budgets) "
            "ORDER BY program_id LIMIT 1"
        ).fetchone()


def test_there_are_seven_pages() -> None:
    assert len(PAGES) == 7


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_page_renders_without_exception(ui_env: Path, page: str, lang: str) -> None:
    at = app(page, lang=lang)
    assert not at.exception, [e.value for e in at.exception]
    assert at.title and not at.warning
    assert len(at.sidebar.selectbox) >= 4  # the filters are there
    if lang == "en":
        assert not re.search("[가-힣]", at.title[0].value)


def test_query_param_filters_are_applied_on_the_overview(ui_env: Path) -> None:
    pid, _ = first_program(ui_env)
    at = app("dashboard.py", program=pid)
    assert metric(at, "사업 수") == "1"
    assert at.sidebar.selectbox(key="w_program").value == pid
    unfiltered = app("dashboard.py")
    assert int(metric(unfiltered, "발표문").replace(",", "")) > int(metric(at, "발표문").replace(",", ""))


def test_kind_filter_from_url_limits_the_budget_table(ui_env: Path) -> None:
    at = app("pages/1_Budgets.py", kind="local", budget_statements_open="1")
    assert not at.exception
    statements = at.dataframe[-1].value
    assert len(statements) > 0 and set(statements["kind"]) == {"지방비"}


def test_program_page_opens_the_program_in_the_url(ui_env: Path) -> None:
    pid, name = first_program(ui_env)
    at = app("pages/2_Programs.py", id=pid)
    assert name in [h.value for h in at.header]
    assert at.selectbox(key="program_detail").value == pid


def test_program_without_a_period(ui_env: Path) -> None:
    """Extractions miss fields: a program never stated with years still renders."""
    with duckdb.connect(str(ui_env), read_only=True) as con:
        pid = con.execute(
            "SELECT p.program_id FROM programs p JOIN program_mentions m USING (program_id) "
            "GROUP BY ALL HAVING bool_and(m.start_year IS NULL) ORDER BY 1 LIMIT 1"
        ).fetchone()
    assert pid, "the synthetic database should hold such a program"
    at = app("pages/2_Programs.py", id=pid[0], lang="en")
    assert not at.exception and metric(at, "Period") == "—"


def test_menu_is_in_the_readers_language_and_keeps_the_view(ui_env: Path) -> None:
    """Streamlit's own menu shows file names ('dashboard', 'Budgets'); ours is translated and keeps lang/filters."""
    for lang, labels in (("ko", ["개요", "예산", "사업", "기관", "거점", "원문", "검토"]),
                         ("en", ["Overview", "Budgets", "Programs", "Institutions", "Sites", "Sources", "Review"])):  # fmt: skip
        at = app("dashboard.py", lang=lang, kind="national")
        links = at.sidebar.get("page_link")
        assert [link.proto.label for link in links] == labels
        query = links[1].proto.query_string
        assert "kind=national" in query and (f"lang={lang}" in query) == (lang == "en")  # ko is the default
        assert any("stSidebarNav" in h.proto.body for h in at.get("html"))  # the file-name menu is hidden


def test_tables_draw_missing_cells_empty_and_multiselects_say_all(ui_env: Path) -> None:
    for lang, everything in (("ko", "전체"), ("en", "All")):
        at = app("pages/1_Budgets.py", lang=lang, budget_statements_open="1")
        assert at.dataframe and all(df.proto.placeholder == "" for df in at.dataframe)
        assert {m.proto.placeholder for m in at.sidebar.multiselect} == {everything}
        shown = at.dataframe[-1].value
        assert {"budget_id", "document_id", "program_id", "currency"}.isdisjoint(shown.columns)
        config = json.loads(at.dataframe[-1].proto.columns)
        assert config["amount_krw"]["alignment"] == "right"  # amounts line up like numbers
        assert config["fiscal_year"]["label"] == ("회계연도" if lang == "ko" else "Fiscal year")
        assert (
            shown["fiscal_year"].isna().any()
            and not shown.astype(str).isin(["None", "nan", "<NA>"]).any().any()
        )


def test_a_selected_row_shows_its_whole_evidence(ui_env: Path) -> None:
    at = app("pages/1_Budgets.py", budget_statements_open="1")
    assert any("근거 문장 전체" in c.value for c in at.caption)  # the hint, before any selection
    whole = at.dataframe[-1].value  # shortened in the table …
    at.session_state["budget_statements"] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    at.run()
    boxes = [h.proto.body for h in at.get("html") if "border-left" in h.proto.body]
    assert len(boxes) == 1 and whole["evidence"].iloc[0].rstrip("…") in boxes[0].replace("&#x27;", "'")


def test_english_pages_use_english_names(ui_env: Path) -> None:
    with duckdb.connect(str(ui_env), read_only=True) as con:
        pid, name_en = con.execute(
            "SELECT program_id, name_en FROM programs WHERE name_en IS NOT NULL AND name_en <> name "
            "AND program_id IN (SELECT program_id FROM program_mentions) ORDER BY program_id LIMIT 1"
        ).fetchone()
    at = app("pages/2_Programs.py", id=pid, lang="en")
    assert not at.exception and plain.md(name_en) in [h.value for h in at.header]  # shown as plain text
    assert at.selectbox(key="program_detail").format_func(pid) == name_en


def test_charts_get_english_program_names(ui_env: Path) -> None:
    from ui import data, queries, widgets

    timeline = data.load(queries.budget_timeline, limit=200)
    english = data.load(queries.program_options).set_index("program_id")["name_en"].dropna()
    named = widgets.named(timeline, "en")
    assert widgets.named(timeline, "ko") is timeline
    known = timeline["program_id"].isin(english.index)
    assert known.any() and (~known).any()  # the synthetic database has programs with and without one
    assert (named.loc[known, "program"] == timeline.loc[known, "program_id"].map(english)).all()
    romanised = [english_label(None, k) for k in timeline.loc[~known, "program"]]  # marked, never raw Korean
    assert named.loc[~known, "program"].tolist() == romanised and not any(map(has_hangul, named["program"]))


def test_sources_page_highlights_facts_as_escaped_text(ui_env: Path) -> None:
    with duckdb.connect(str(ui_env), read_only=True) as con:
        doc_id, title = con.execute(
            "SELECT document_id, title FROM documents ORDER BY document_id LIMIT 1"
        ).fetchone()
    at = app("pages/5_Sources.py", doc=doc_id, text="국비")
    assert title in [h.value for h in at.header]
    shown = len(at.dataframe)  # the facts' table is behind a switch, kept in the link
    at.toggle(key="facts_table").set_value(True).run()
    assert len(at.dataframe) == shown + 1 and qp(at, "facts_table") == ["1"]
    body = [h.proto.body for h in at.get("html")]
    assert any("<mark" in b and "국비" in b for b in body)
    assert at.text_input[0].value == "국비"


def test_sources_page_shows_a_table_with_its_budget_cell_marked(ui_env: Path) -> None:
    with duckdb.connect(str(ui_env), read_only=True) as con:
        doc_id, unit_text = con.execute(
            "SELECT document_id, unit_text FROM budgets WHERE table_seq IS NOT NULL ORDER BY document_id LIMIT 1"
        ).fetchone()
    at = app("pages/5_Sources.py", doc=doc_id)
    assert not at.exception
    tables = [h.proto.body for h in at.get("html") if h.proto.body.startswith("<table")]
    assert len(tables) == 1 and "<caption>사업비</caption>" in tables[0]
    marked = re.findall(r'<td style="[^"]*background:[^"]*" title="([^"]*)">([^<]*)</td>', tables[0])
    assert [cell for _, cell in marked] == [html.escape(unit_text)]


def test_widget_changes_are_written_to_the_url_and_the_share_box(ui_env: Path) -> None:
    pid, _ = first_program(ui_env)
    at = app("dashboard.py")
    at.sidebar.selectbox(key="w_program").set_value(pid).run()
    at.sidebar.multiselect(key="w_kinds").set_value(["national"]).run()
    assert qp(at, "program") == [pid] and qp(at, "kind") == ["national"]
    [share] = [h.proto.body for h in at.sidebar.get("html") if h.proto.body.startswith("<code")]
    assert f"program={pid}" in share
    at.switch_page("pages/3_Institutions.py").run()  # the filters follow to the next page
    assert not at.exception and at.sidebar.selectbox(key="w_program").value == pid
    at.sidebar.button[0].click().run()  # reset
    assert "program" not in at.query_params and at.sidebar.selectbox(key="w_program").value == ""


def test_english_and_exact_won(ui_env: Path) -> None:
    at = app("dashboard.py", lang="en", won="exact")
    assert at.title[0].value == "Overview"
    assert re.fullmatch(r"[\d,]+ won", metric(at, "Total announced"))
    ko = app("dashboard.py")
    assert re.fullmatch(r"[\d,.]+(조원|억원|억 [\d,]+만원)", metric(ko, "발표 총액"))


def test_a_filter_without_rows_says_so(ui_env: Path) -> None:
    for page in PAGES:
        at = app(page, q="존재하지 않는 사업명")
        assert not at.exception, page
        assert any("필터에 맞는 자료가 없습니다" in i.value for i in at.info), page
