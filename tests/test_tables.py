"""ui/tables.py: what a reader sees in each table, on the datasets the pages show, in Korean and English."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from etl.romanize import MARK
from ui import queries, tables
from ui.filters import Filters
from ui.i18n import COLUMNS, column

# Every dataset a page shows with widgets.table, with the money columns the page passes.
TABLES: dict[str, tuple[str, ...]] = {
    "latest_announcements": ("headline_krw",),
    "program_revisions": ("amount_krw",),
    "program_changes": ("from_krw", "to_krw"),
    "budget_facts": ("amount_krw",),
    "program_table": ("headline_krw",),
    "program_documents": (),
    "participation_facts": (),
    "site_map": (),
    "country_facts": (),
    "institution_ranking": (),
    "institution_types": ("money_krw",),
    "counted_figures": ("amount_krw",),
    "kind_breakdown": ("amount_krw",),
    "kind_totals": ("amount_krw",),
    "partner_countries": (),
    "document_list": (),
    "document_facts": (),
}
INTERNAL = {"program_id", "institution_id", "document_id", "budget_id", "norm_key", "iso2",
            "ev_start", "ev_end", "source"}  # fmt: skip
RAW_LOOKING = re.compile(r"^(None|nan|NaN|NaT|<NA>|null)$")


def _frame(con: duckdb.DuckDBPyConnection, name: str) -> pd.DataFrame:
    kw: dict[str, object] = {}
    if name in ("document_facts",):
        kw["document_id"] = con.execute("SELECT min(document_id) FROM documents").fetchone()[0]
    if name in ("program_revisions", "program_changes"):
        kw["program_id"] = con.execute("SELECT min(program_id) FROM budgets").fetchone()[0]
    return queries.DATASETS[name](con, filters=Filters(), **kw)


def _assert_readable(shown: pd.DataFrame, lang: str) -> None:
    assert not set(shown.columns) & INTERNAL, shown.columns
    for col in shown.columns:
        assert col in COLUMNS, f"no {lang} header for {col!r}"
        for value in shown[col]:
            assert not (isinstance(value, str) and RAW_LOOKING.match(value.strip())), (col, value)
            assert not isinstance(value, float) or value == value or pd.isna(value)


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("name", sorted(TABLES))
def test_every_table_shows_labelled_columns_and_no_raw_missing_marks(
    synth_con: duckdb.DuckDBPyConnection, name: str, lang: str
) -> None:
    df = _frame(synth_con, name)
    assert len(df) > 0
    before = df.copy()
    shown = tables.display_frame(df, lang=lang, money=TABLES[name])
    pd.testing.assert_frame_equal(df, before)
    _assert_readable(shown, lang)
    headers = tables.headers(list(shown.columns), lang)
    assert all(h != c or c in ("url",) for c, h in headers.items())  # a header, not the raw key
    if lang == "en":
        assert not any(re.search("[가-힣]", h) for h in headers.values())
    before = df.copy()
    exported = tables.export_frame(df, lang=lang, money=TABLES[name])
    pd.testing.assert_frame_equal(df, before)  # the cached query result is left as it was
    assert len(exported) == len(df) and not set(exported.columns) & set(df.columns) - {"url"}
    if lang == "en":
        assert not any(re.search("[가-힣]", h) for h in exported.columns)


def test_missing_cells_stay_missing_and_years_have_no_decimals(money_db: Path) -> None:
    with duckdb.connect(str(money_db), read_only=True) as con:
        df = queries.budget_facts(con, filters=Filters())
    shown = tables.display_frame(df, lang="ko", money=("amount_krw",))
    assert "currency" not in shown  # 'as written' says USD already
    by_text = shown.set_index(df["budget_id"])
    assert pd.isna(by_text.loc["d4:0", "program"])  # a budget without a program: an empty cell
    assert by_text.loc["d1:2", "fiscal_year"] == 2025 and pd.isna(by_text.loc["d1:0", "fiscal_year"])
    assert str(shown["fiscal_year"].dtype) == "Int64"
    assert pd.isna(by_text.loc["d3:1", "amount_krw"])  # a USD amount has no won figure
    assert by_text.loc["d1:0", "amount_krw"] == "946억원" and by_text.loc["d1:0", "kind"] == "총액"
    # Money tables put the evidence before the document's title.
    assert list(shown.columns).index("evidence") < list(shown.columns).index("title")


def test_sites_show_coordinates_with_precision_and_label_the_last_announcement(money_db: Path) -> None:
    with duckdb.connect(str(money_db), read_only=True) as con:
        df = queries.site_map(con, filters=Filters())
    for lang, header in (("ko", "최근 발표"), ("en", "Last announced")):
        shown = tables.display_frame(df, lang=lang)
        assert list(shown.columns)[-5:] == ["evidence", "n_mentions", "last_published", "state", "fact_id"]
        assert {"norm_key", "document_id"}.isdisjoint(shown.columns)
        cols = list(shown.columns)
        assert cols[cols.index("lat") : cols.index("lat") + 3] == ["lat", "lon", "precision"]
        csv = tables.export_frame(df, lang=lang)
        assert {column(c, lang) for c in ("lat", "lon", "precision")} <= set(csv.columns)
        assert tables.headers(list(shown.columns), lang)["last_published"] == header
        assert tables.headers(list(shown.columns), lang)["n_mentions"] in ("언급 수", "Mentions")


def test_country_names_in_the_readers_language(money_db: Path) -> None:
    with duckdb.connect(str(money_db), read_only=True) as con:
        partners = queries.partner_countries(con, filters=Filters())
        ranking = queries.institution_ranking(con, filters=Filters())
    assert list(tables.display_frame(partners, lang="ko")["country_ko"]) == ["캐나다"]
    assert "country_ko" not in tables.display_frame(partners, lang="en")
    assert "country_en" not in tables.display_frame(partners, lang="ko")
    shown = tables.display_frame(ranking, lang="ko", countries={"KR": "대한민국", "CA": "캐나다"})
    assert set(shown["country"]) == {"대한민국", "캐나다"}


def test_english_names_where_known() -> None:
    programs = pd.DataFrame(
        {
            "program_id": ["a", "b", "c"],
            "program": ["디지털 뉴딜", "인공지능+X", "Korean New Deal"],
            "name_en": ["Digital New Deal", None, "Korean New Deal"],
            "start_year": [2020, None, 2021],
            "end_year": [2025, None, None],
        }
    )
    en = tables.display_frame(programs, lang="en")
    assert list(en.columns) == ["program", "name_ko", "period"]
    # no English name on record: a marked machine romanisation, the Korean name beside it
    assert list(en["program"]) == ["Digital New Deal", MARK + "Ingongjineung+X", "Korean New Deal"]
    assert list(en["name_ko"].iloc[:2]) == ["디지털 뉴딜", "인공지능+X"] and pd.isna(
        en["name_ko"].iloc[2]
    )  # never twice
    assert list(en["period"].fillna("")) == ["2020–2025", "", "2021"]
    ko = tables.display_frame(programs, lang="ko")
    assert list(ko.columns) == ["program", "name_en", "period"] and pd.isna(ko["name_en"].iloc[2])
    facts = pd.DataFrame({"institution_id": ["i1", "i2"], "institution": ["과학기술정보통신부", "국회"]})
    english = {"institution_id": {"i1": "Ministry of Science and ICT"}}
    assert list(tables.display_frame(facts, lang="en", english=english)["institution"]) == [
        "Ministry of Science and ICT",
        MARK + "Gukhoe",  # no English name on record
    ]
    names = tables.display_names(programs, "program_id", "program", "en")
    assert names == {"a": "Digital New Deal", "b": MARK + "Ingongjineung+X", "c": "Korean New Deal"}
    assert tables.display_names(programs, "program_id", "program", "ko")["a"] == "디지털 뉴딜"


def test_long_evidence_is_shortened_for_the_table_but_exported_whole() -> None:
    long = "정부는 국가 AI 컴퓨팅 센터에 2조5,000억원을 투입해\n첨단 GPU를 확보한다고 밝혔다. " * 6
    cut = tables.shorten(long)
    assert cut.endswith("…") and "\n" not in cut
    assert sum(2 if ord(c) >= 0x1100 else 1 for c in cut[:-1]) <= tables.EVIDENCE_UNITS
    assert tables.shorten("짧은 문장.") == "짧은 문장." and tables.shorten(None) is None
    english = "The government will invest 2.5 trillion won " * 10
    assert len(tables.shorten(english)) <= tables.EVIDENCE_UNITS + 1 and not tables.shorten(english).endswith(
        " …"
    )
    df = pd.DataFrame(
        {"document_id": ["d1"], "amount_krw": [946 * 10**8], "kind": ["total"], "evidence": [long]}
    )
    assert tables.display_frame(df, lang="ko", money=("amount_krw",))["evidence"].iloc[0] == cut
    out = tables.export_frame(df, lang="ko", money=("amount_krw",))
    assert list(out.columns) == ["금액 (원)", "구분", "근거 문장"]
    assert out.iloc[0].tolist() == [946 * 10**8, "총액", long]
    assert tables.export_frame(df, lang="en", money=("amount_krw",)).columns[0] == "Amount (KRW)"


def test_a_source_url_column_shows_only_when_some_document_has_one() -> None:
    docs = pd.DataFrame({"title": ["a", "b"], "url": [None, "https://www.korea.kr/x"]})
    assert "url" in tables.display_frame(docs)
    assert "url" not in tables.display_frame(docs.iloc[:1])
    assert "원문 주소" in tables.export_frame(docs.iloc[:1]).columns  # the download keeps every column
