"""Evidence from every number and rankings that compare like with like (issue 13), through AppTest on the
synthetic database and on the hand-made money database; the cards and keys as plain functions."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pytest
from streamlit.testing.v1 import AppTest

from etl.config import ROOT
from ui import clicks, queries
from ui.figures import PICK, pick_key
from ui.filters import Filters

TIMEOUT = 60
EOK = 100_000_000


def app(page: str = "dashboard.py", **params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / page), default_timeout=TIMEOUT)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run(timeout=TIMEOUT)


def cards(at: AppTest) -> list[str]:
    return [h.proto.body for h in at.get("html") if 'class="ev-card"' in h.proto.body]


def vega_charts(at: AppTest) -> dict[str, dict]:
    """The page's Vega-Lite charts by widget key (the part of the id after the last dash), as specs."""
    return {c.proto.id.rsplit("-", 1)[-1]: json.loads(c.proto.spec) for c in at.get("vega_lite_chart")}


def select_point(at: AppTest, chart_key: str, key: str) -> AppTest:
    """What the browser sends when a point is clicked: the Vega-Lite point selection's fields."""
    assert any(chart_key in c.proto.id for c in at.get("vega_lite_chart")), chart_key
    at.session_state[chart_key] = {"selection": {PICK: [{"key": key}]}}
    return at.run(timeout=TIMEOUT)


# ---- keys and cards, as plain functions --------------------------------------------------------------------


def _card_row(**over: object) -> dict:
    row = dict.fromkeys(queries.evidence_facts.columns)
    row.update(fact="budget", document_id="d1", published_on=pd.Timestamp("2024-10-28"), title="<b>제목</b>",
               program="국가 AI 연구거점", amount_krw=44_000_000_000, unit_text="440억원", kind="national",
               role="budget", state="machine", counted=True, evidence="국비 440억원을 <투입>한다.", n_total=1,
               program_en="National AI Research Lab")  # fmt: skip
    return {**row, **over}


def test_cards_mark_the_figure_and_escape_the_document() -> None:
    body = clicks.cards_html(pd.DataFrame([_card_row()]), "en")
    assert "<mark" in body and ">440억원</mark>" in body
    assert "&lt;투입&gt;" in body and "&lt;b&gt;제목&lt;/b&gt;" in body and "<투입>" not in body
    assert "national funds" in body and "the figure counted" in body and "national<" not in body
    assert 'href="Sources?doc=d1&amp;lang=en"' in body and "National AI Research Lab" in body
    assert "국가 AI 연구거점" not in body.split("<mark")[0].split("</b>")[1]  # the program in English
    other = clicks.cards_html(pd.DataFrame([_card_row(counted=False, url="javascript:alert(1)")]), "ko")
    assert "국비" in other and "이 값으로 집계됨" not in other and "javascript" not in other


# ---- the facts behind a point, and what the total adds, on known money ----------------------------------------


@pytest.fixture
def money(money_db: Path) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(str(money_db), read_only=True)
    yield con
    con.close()


def test_a_point_opens_its_program_figure_and_the_rows_beside_it(money: duckdb.DuckDBPyConnection) -> None:
    rows = queries.evidence_facts(money, filters=Filters(), key=("pd", "pa", "d1"))
    assert list(rows["amount_krw"]) == [946 * EOK, 440 * EOK, 200 * EOK]
    assert list(rows["counted"]) == [True, False, False] and set(rows["title"]) == {"first"}
    head = queries.evidence_facts(money, filters=Filters(), key=("p", "pa"))  # the latest announcement's
    assert head.loc[head["counted"], "amount_krw"].tolist() == [1000 * EOK]
    national = queries.evidence_facts(money, filters=Filters(kinds=("national",)), key=("p", "pa"))
    assert national.loc[national["counted"], ["amount_krw", "kind"]].values.tolist() == [
        [500 * EOK, "national"]
    ]
    year = queries.evidence_facts(money, filters=Filters(), key=("fy", "2025"))
    assert year.loc[year["counted"], "amount_krw"].tolist() == [250 * EOK]
    assert set(year["fiscal_year"]) == {2025}
    month = queries.evidence_facts(money, filters=Filters(), key=("m", "2025-03-01"))  # A revised to 1,000억
    assert month.loc[month["counted"], "amount_krw"].tolist() == [1000 * EOK] and set(month["n_figures"]) == {
        1
    }
    top = queries.evidence_facts(money, filters=Filters(year_from=2024), key=("m", "2024-01-01"), limit=1)
    assert top["amount_krw"].tolist() == [946 * EOK] and top["n_figures"].tolist() == [1]
    inst = queries.evidence_facts(money, filters=Filters(), key=("i", "i2"))
    assert sorted(inst["document_id"]) == ["d1", "d3"] and set(inst["role"]) == {"lead"}


def test_the_total_adds_what_the_panel_lists_and_every_other_row_has_a_reason(
    money: duckdb.DuckDBPyConnection,
) -> None:
    f = Filters()
    added = queries.counted_figures(money, filters=f)
    total = queries.overview_metrics(money, filters=f)["total_krw"].iloc[0]
    assert added["amount_krw"].sum() == total == 1300 * EOK
    assert added[["program_id", "kind", "role", "document_id"]].values.tolist() == [
        ["pa", "total", "budget", "d2"], ["pb", "unspecified", "budget", "d3"]]  # fmt: skip
    why = queries.left_out_summary(money, filters=f).set_index("reason")["n_rows"].to_dict()
    assert why == {"superseded": 3, "same_announcement": 4, "foreign_currency": 1, "no_program": 1}
    assert sum(why.values()) == money.execute("SELECT count(*) FROM budgets").fetchone()[0]
    foreign = queries.left_out_facts(money, filters=f, reason="foreign_currency")
    assert foreign["unit_text"].tolist() == ["USD 5 million"]
    national = queries.counted_figures(money, filters=f, part="national")
    assert national[["program_id", "amount_krw", "kind"]].values.tolist() == [["pa", 500 * EOK, "national"]]


# ---- pages ----------------------------------------------------------------------------------------------


def test_program_ranking_compares_one_kind_at_a_time(ui_env: Path) -> None:
    at = app("pages/2_Programs.py", lang="en", program_view="program_table")
    assert not at.exception
    picker = at.segmented_control(key="programs_kind")
    assert picker.value == "headline"
    table = at.dataframe[0].value
    assert {"kind", "role"} <= set(table.columns) and "national" not in set(table["kind"])
    assert set(table["kind"]) <= {"total cost", "national funds", "kind not stated"}
    picker.set_value("national").run()
    ranked = at.dataframe[0].value
    assert len(ranked) > 0 and set(ranked["kind"]) == {"national funds"}
    assert any("Only 'national funds' figures" in c.value for c in at.caption)


def test_institution_ranking_is_complete_paged_and_searchable(ui_env: Path) -> None:
    with duckdb.connect(str(ui_env), read_only=True) as con:
        n = con.execute("SELECT count(*) FROM institution_stats").fetchone()[0]
    assert n > 100, "the synthetic database should need two pages"
    at = app("pages/3_Institutions.py")
    assert not at.exception and len(at.dataframe[0].value) == 100
    assert "money_krw" not in at.dataframe[0].value and any(
        "기관별 금액은 없습니다" in c.value for c in at.caption
    )
    pages = next(w for w in at.number_input if w.key.startswith("institution_ranking_page_"))
    last = -(-n // 100)
    pages.set_value(last).run()
    assert len(at.dataframe[0].value) == n - 100 * (last - 1)  # every institution, not a top-25 cut
    at.text_input(key="institution_ranking_search").set_value("대학").run()
    found = at.dataframe[0].value
    assert 0 < len(found) < n and found["institution"].str.contains("대학").all()
    assert found["roles"].str.match(r"^(주관|지원|유치|참여|협력|언급) \d").all()  # role words, not codes


def test_how_this_is_counted_lists_what_was_added_and_left_out(ui_env: Path) -> None:
    at = app("dashboard.py")
    assert not next(
        e for e in at.expander if e.label == "어떻게 셌나"
    ).children  # nothing computed while closed
    at.session_state["how_counted"] = True  # the reader opens it
    at.run()
    panel = next(e for e in at.expander if e.label == "어떻게 셌나")
    with duckdb.connect(str(ui_env), read_only=True) as con:
        n_inside = con.execute(
            "SELECT count(DISTINCT a.program_id) FROM program_ancestors a JOIN program_stats s "
            "ON s.program_id = a.ancestor_id WHERE s.headline_krw IS NOT NULL"
        ).fetchone()[0]
    added = panel.dataframe[0].value
    counted = next(c.value for c in at.caption if "상위 사업만 더했습니다" in c.value)
    assert f"사업 {len(added)}개의 금액을 더했고" in counted and f"하위 사업 {n_inside}개는" in counted
    assert {"kind", "role", "evidence"} <= set(added.columns) and added["role"].eq("예산").all()
    assert added["kind"].isin(["총액", "국비", "미분류"]).all()
    reasons = panel.dataframe[1].value
    assert {"상위 사업에 포함", "다른(이전) 발표", "외화", "사업 없음"} <= set(reasons["reason"])
    at.selectbox(key="left_out_reason").set_value("inside_parent").run()
    left = next(e for e in at.expander if e.label == "어떻게 셌나").dataframe[-1].value
    assert len(left) > 0 and left["role"].eq("예산").all()


def test_a_headline_metric_opens_the_facts_behind_it(ui_env: Path) -> None:
    at = app("dashboard.py")
    assert not cards(at)
    at.button(key="facts_total").click().run()
    shown = cards(at)
    assert len(shown) == 1 and shown[0].count('class="ev-card"') == clicks.CARDS and "<mark" in shown[0]
    at.button(key="facts_total").click().run()  # a second click closes it
    assert not cards(at)
    at.button(key="facts_institutions").click().run()
    assert "근거: 참여 기관" in [h.value for h in at.subheader]  # the sentences naming each institution
    assert any({"institution", "role", "evidence"} <= set(d.value.columns) for d in at.dataframe)


def test_a_clicked_month_on_the_overview_opens_its_documents(ui_env: Path) -> None:
    """The Overview's chart is Vega-Lite with a point selection over its `key` field; a picked bar opens the
    documents of that month and language."""
    at = app()
    spec = vega_charts(at)["months"]
    assert spec["params"][0]["name"] == PICK and spec["params"][0]["select"]["fields"] == ["key"]
    assert spec["encoding"]["x"]["timeUnit"] == "utcyearmonth"
    with duckdb.connect(str(ui_env), read_only=True) as con:
        month, lang = con.execute(
            "SELECT date_trunc('month', published_on)::DATE, lang FROM documents WHERE published_on IS NOT NULL "
            "ORDER BY published_on DESC LIMIT 1"
        ).fetchone()
    at = select_point(at, "months", pick_key("dm", month.isoformat(), lang))
    assert not at.exception and cards(at)


def test_a_clicked_chart_point_opens_its_sentence(ui_env: Path) -> None:
    with duckdb.connect(str(ui_env), read_only=True) as con:
        pid, doc, evidence = con.execute(
            "SELECT program_id, document_id, evidence FROM budgets WHERE role = 'budget' AND program_id IS NOT NULL "
            "ORDER BY amount_krw DESC LIMIT 1"
        ).fetchone()
    at = app("pages/1_Budgets.py")
    assert any("점을 누르면" in c.value for c in at.caption)
    at = select_point(at, "timeline", pick_key("pd", pid, doc))
    shown = cards(at)
    assert not at.exception and len(shown) == 1 and "이 값으로 집계됨" in shown[0]
    text = evidence.split("억")[0][:12]
    assert text in shown[0] and "<mark" in shown[0]
    at = select_point(app("pages/3_Institutions.py", lang="en"), "types", json.dumps(["t", "university"]))
    assert cards(at) and "university" in cards(at)[0]


@pytest.mark.parametrize(
    "kinds", [(), ("total",), ("national",), ("local",), ("private",), ("national", "local")]
)
def test_the_ranking_kind_is_the_kind_of_the_row_stating_the_figure(
    synth_con: duckdb.DuckDBPyConnection, kinds: tuple[str, ...]
) -> None:
    """program_table reads each headline's kind from doc_figures; the budget row that states it agrees."""
    from ui import counted

    f = Filters(kinds=kinds)
    table = queries.program_table(synth_con, filters=f, limit=500).dropna(subset=["headline_krw"])
    rows = counted.figure_rows(synth_con, kinds, table.assign(figure=table["headline_krw"]))
    both = table.merge(rows, on=["program_id", "document_id"], suffixes=("", "_row"))
    assert len(both) == len(table) > 0
    assert (both["kind"] == both["kind_row"]).all() and both["role"].eq("budget").all()
    assert both["kind"].isin(kinds or ("total", "national", "unspecified")).all()


def test_every_left_out_reason_can_be_picked_and_is_explained() -> None:
    """A reason LEFT_OUT can give is offered by the Overview's picker and has its words in both languages."""
    import re

    from ui import left_out, rankings
    from ui.i18n import LABELS

    given = set(re.findall(r"(?:THEN|ELSE) '(\w+)'", left_out.LEFT_OUT))
    assert "same_event" in given and given <= set(rankings.REASONS)
    assert all(f"reason_{r}" in LABELS and f"left_{r}" in LABELS for r in rankings.REASONS)


def _keys(at: AppTest, chart: str, where: object = None) -> list[str]:
    """The `key` fields of a chart's data rows (those `where` keeps): Streamlit sends them as Arrow datasets."""
    [c] = [c for c in at.get("vega_lite_chart") if c.proto.id.endswith(f"-{chart}")]
    rows = [r for d in c.proto.datasets for r in pa.ipc.open_stream(d.data.data).read_all().to_pylist()]
    return [r["key"] for r in rows if r.get("key") and (where is None or where(r))]


@pytest.mark.parametrize(
    ("page", "params", "chart", "where"),
    [
        ("pages/1_Budgets.py", {"budget_chart": "by_kind"}, "mix_total", None),  # the donut's slices
        ("pages/2_Programs.py", {}, "hierarchy", None),  # the treemap's tiles
        ("pages/3_Institutions.py", {"institution_view": "coparticipation"}, "coparticipation",
         lambda r: r["n"] is not None and r["n"] > 0),  # a shared count off the diagonal
    ],
)  # fmt: skip
def test_donut_treemap_and_heatmap_open_the_facts_behind_a_click(
    ui_env: Path, page: str, params: dict[str, str], chart: str, where: object
) -> None:
    """The charts that were not clickable carry the PICK selection over a `key` field; a click opens cards."""
    at = app(page, **params)
    spec = vega_charts(at)[chart]
    assert spec["params"][0]["name"] == PICK and spec["params"][0]["select"]["fields"] == ["key"]
    keys = _keys(at, chart, where)
    assert keys
    at = select_point(at, chart, keys[0])
    shown = cards(at)
    assert not at.exception and len(shown) == 1 and 'class="ev-card"' in shown[0]


def test_a_kind_slice_and_a_pair_of_institutions_open_their_facts(money: duckdb.DuckDBPyConnection) -> None:
    """("kt", kind): each root program's part of that kind, from its headline document; ("ii", a, b): the two
    institutions' sentences in the programs they share."""
    national = queries.evidence_facts(money, filters=Filters(), key=("kt", "national"))
    counted = national.loc[national["counted"], ["amount_krw", "kind"]].values.tolist()
    assert counted == [[500 * EOK, "national"]]
    assert set(national["n_figures"]) == {1}
    assert queries.evidence_facts(money, filters=Filters(), key=("kt", "nonsense")).empty
    # Unspecified: A's 1,000억 less its 500억 national, and B's 300억.
    rest = queries.evidence_facts(money, filters=Filters(), key=("kt", "unspecified"))
    assert set(rest["n_figures"]) == {2} and set(rest["program_id"]) == {"pa", "pb"}
    pair = queries.evidence_facts(money, filters=Filters(), key=("ii", "i1", "i2"))  # they share A only (d1)
    assert sorted(zip(pair["label"], pair["role"], pair["document_id"], strict=True)) == [
        ("과학기술정보통신부", "funder", "d1"), ("한국과학기술원", "lead", "d1")
    ]  # fmt: skip
    assert queries.evidence_facts(money, filters=Filters(), key=("ii",)).empty
