"""Totals add each money once: a program inside another program's figure (etl/resources/programs.tsv gives
디지털 뉴딜 the parent 한국판 뉴딜) is left out of every sum across programs, and said to be."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl import db
from etl.config import Settings
from etl.pipeline import ingest
from ui import queries, sql
from ui.filters import Filters

PARENT = "정부, 한국판 뉴딜 발표\n2020-07-14\n\n정부는 14일 ‘한국판 뉴딜’ 종합계획을 발표하고 2025년까지 총사업비 160조원을 투입한다고 밝혔다.\n"
CHILD = (
    "과기정통부, 디지털 뉴딜 추진\n2020-07-20\n\n"
    "과학기술정보통신부는 ‘디지털 뉴딜’에 2025년까지 총사업비 58조2000억원을 투입한다고 20일 밝혔다.\n"
)
OTHER = (
    "AI 바우처 공고\n2021-03-02\n\n정부는 ‘AI 바우처 지원사업’에 올해 국비 560억원을 지원한다고 2일 밝혔다.\n"
)


def _metrics(path: Path, f: Filters) -> dict:
    con = sql.open_prepared(str(path))
    try:
        return queries.overview_metrics(con, filters=f).iloc[0].to_dict()
    finally:
        con.close()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "parent.txt").write_text(PARENT, encoding="utf-8")
    (folder / "other.txt").write_text(OTHER, encoding="utf-8")
    return folder


@pytest.mark.parametrize("f", [Filters(), Filters(year_from=2020)], ids=["stored", "period"])
def test_a_child_programs_announcement_does_not_change_the_total(
    corpus: Path, tmp_path: Path, f: Filters
) -> None:
    settings = Settings(db_path=tmp_path / "h.duckdb")
    ingest([str(corpus)], settings, progress=False)
    before = _metrics(settings.db_path, f)
    assert before["total_krw"] == 160_000_000_000_000 + 56_000_000_000
    assert (before["n_counted"], before["n_inside"]) == (2, 0)

    (corpus / "child.txt").write_text(CHILD, encoding="utf-8")
    ingest([str(corpus)], settings, progress=False)
    with db.connect(settings.db_path, read_only=True) as con:
        parent_of = dict(con.execute("SELECT name, parent_id FROM programs").fetchall())
        names = dict(con.execute("SELECT program_id, name FROM programs").fetchall())
    assert names[parent_of["디지털 뉴딜"]] == "한국판 뉴딜"
    after = _metrics(settings.db_path, f)
    assert after["total_krw"] == before["total_krw"]
    assert (after["n_counted"], after["n_inside"]) == (2, 1)
    assert after["n_programs"] == before["n_programs"] + 1  # the child is listed, only not added again


def test_fiscal_years_and_cumulative_totals_add_roots_only(corpus: Path, tmp_path: Path) -> None:
    (corpus / "child.txt").write_text(CHILD, encoding="utf-8")
    settings = Settings(db_path=tmp_path / "h.duckdb")
    ingest([str(corpus)], settings, progress=False)
    con = sql.open_prepared(str(settings.db_path))
    try:
        cumulative = queries.cumulative_totals(con, filters=Filters())
        kinds = queries.kind_totals(con, filters=Filters())
    finally:
        con.close()
    assert cumulative["cumulative_krw"].iloc[-1] == 160_000_000_000_000 + 56_000_000_000
    assert kinds["amount_krw"].sum() == 160_000_000_000_000 + 56_000_000_000


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_programs_page_draws_the_hierarchy_and_a_programs_children_with_their_gap(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clear_streamlit_caches: None, lang: str
) -> None:
    from streamlit.testing.v1 import AppTest

    from etl.config import ROOT

    (corpus / "child.txt").write_text(CHILD, encoding="utf-8")
    settings = Settings(db_path=tmp_path / "h.duckdb")
    ingest([str(corpus)], settings, progress=False)
    with db.connect(settings.db_path, read_only=True) as con:
        [(parent_id,)] = con.execute("SELECT program_id FROM programs WHERE name = '한국판 뉴딜'").fetchall()
    monkeypatch.setenv("POLICY_DB", str(settings.db_path))
    monkeypatch.delenv("POLICY_READ_ONLY", raising=False)
    at = AppTest.from_file(str(ROOT / "pages" / "2_Programs.py"), default_timeout=60)
    at.query_params["id"] = parent_id
    at.query_params["lang"] = lang
    at.run()
    assert not at.exception
    import json

    import pyarrow as pa

    [treemap] = [c for c in at.get("vega_lite_chart") if json.loads(c.proto.spec).get("name") == "treemap"]
    tiles = [
        r for d in treemap.proto.datasets for r in pa.ipc.open_stream(d.data.data).read_all().to_pylist()
    ]
    labels = {r["id"]: r["label"] for r in tiles}
    rest = next(i for i in labels if i.endswith("#rest"))
    assert labels[rest] == ("세부 미기재" if lang == "ko" else "not itemised")
    values = {r["id"]: r["value"] for r in tiles}
    assert values[parent_id] == 160e12 and values[rest] == 160e12 - 58.2e12  # the gap, not hidden
    box = {r["id"]: (r["x0"], r["y0"], r["x1"], r["y1"]) for r in tiles}
    inside = [
        i for i in box if i != parent_id and any(r["id"] == i and r["parent"] == parent_id for r in tiles)
    ]
    assert rest in inside and all(  # children are drawn inside their parent
        box[parent_id][0] <= box[i][0] and box[i][2] <= box[parent_id][2] and box[parent_id][1] < box[i][1]
        for i in inside
    )
    words = "58.2"
    assert any(words in c.value and "160" in c.value for c in at.caption), [c.value for c in at.caption]


def test_a_stale_program_in_a_link_resets_with_a_note(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clear_streamlit_caches: None
) -> None:
    from streamlit.testing.v1 import AppTest

    from etl.config import ROOT

    settings = Settings(db_path=tmp_path / "h.duckdb")
    ingest([str(corpus)], settings, progress=False)
    monkeypatch.setenv("POLICY_DB", str(settings.db_path))
    at = AppTest.from_file(str(ROOT / "pages" / "2_Programs.py"), default_timeout=60)
    at.query_params["id"] = "no-such-program"
    at.query_params["lang"] = "en"
    at.run()
    assert not at.exception
    assert any("not in the current filters" in i.value for i in at.info)
    assert at.selectbox(key="program_detail").value != "no-such-program"


YEARS = (
    "AI 실증 사업 착수\n2024-03-04\n\n정부는 ‘AI 실증 사업’에 2024년부터 2026년까지 총사업비 300억원을 투입한다. "
    "연도별로는 2024년 100억원, 2025년 100억원, 2026년 50억원이 배정됐다.\n"
)
PARTS = (
    "AI 거점 조성\n2024-05-02\n\n‘AI 거점 조성사업’의 총사업비는 100억원으로 국비 50억원, 지방비 30억원, "
    "민자 30억원으로 구성된다.\n"
)


def test_reconciliation_names_what_does_not_add_up(corpus: Path, tmp_path: Path) -> None:
    for name, text in (("child.txt", CHILD), ("years.txt", YEARS), ("parts.txt", PARTS)):
        (corpus / name).write_text(text, encoding="utf-8")
    settings = Settings(db_path=tmp_path / "h.duckdb")
    ingest([str(corpus)], settings, progress=False)
    con = sql.open_prepared(str(settings.db_path))
    try:
        every = queries.reconciliation(con, filters=Filters())
        ids = dict(con.execute("SELECT name, program_id FROM programs").fetchall())
        years = queries.reconciliation(con, filters=Filters(), program_id=ids["AI 실증 사업"])
        parent = queries.reconciliation(con, filters=Filters(), program_id=ids["한국판 뉴딜"])
    finally:
        con.close()
    parts = every[every["check_kind"] == "parts"].iloc[0]
    assert (parts["program"], parts["stated_krw"], parts["parts_krw"]) == (
        "AI 거점 조성사업",
        10**10,
        11 * 10**9,
    )
    assert parts["title"] == "AI 거점 조성"  # the document to read
    assert list(years["check_kind"]) == ["years"] and years["stated_krw"].iloc[0] == 3 * 10**10
    # 한국판 뉴딜 (160조) holds more than its one sub-program states: no mismatch to show
    assert parent.empty and "children" not in set(every["check_kind"])
