"""Revision series (issue 12 item 2): a revision is a later figure for the same program, kind and scope; a figure
for another scope is its own series, never a revision. Tiny databases written as the loader writes them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from etl import aggregates, lexicon
from etl.db import connect, transaction
from ui import charts, queries
from ui.filters import Filters

EOK = 100_000_000
JO = 10_000 * EOK

# The example: a first-year supplementary portion (8,324억원, no year stated, in a release about the
# third supplementary budget), then the multi-year total (58.2조원 through 2025). And a real revision: 국비
# 360억원 for 2024–2028, then 440억원 for the same years, restated the same day by an English twin.
DOCS = [
    ("s1", "p1", "과기정통부 3차 추경 8,925억원…'AI 학습용 데이터'에 2,925억원", "2020-06-03", None,
     [(8324 * EOK, "unspecified", None, "이 가운데 8,324억원이 '디지털 뉴딜'에 쓰인다.")]),
    ("s2", "p1", "정부, 디지털 뉴딜에 2025년까지 58조2천억원", "2020-07-14", (2020, 2025),
     [(58.2 * JO, "total", None, "디지털 뉴딜에는 2025년까지 총사업비 58조 2,000억원이 들어간다.")]),
    ("r1", "p2", "'AI 연구거점' 수행기관에 KAIST 컨소시엄", "2024-08-18", (2024, 2028),
     [(360 * EOK, "national", None, "사업 기간은 2024~2028년으로, 정부는 국비 360억원을 지원한다.")]),
    ("r2", "p2", "'국가 AI 연구거점' 문 열어", "2024-10-28", (2024, 2028),
     [(440 * EOK, "national", None, "이 가운데 국비는 440억원이다."),
      (946 * EOK, "total", None, "2028년까지 946억원 투입")]),
    ("r3", "p2", "S. Korea opens National AI Research Lab", "2024-10-28", (2024, 2028),
     [(440 * EOK, "national", None, "44 billion won will come from the state budget.")]),
]  # fmt: skip


def _write(con: duckdb.DuckDBPyConnection, docs: list) -> None:
    con.execute("INSERT INTO programs (program_id, name, norm_key) VALUES ('p1', '디지털 뉴딜', 'p1'), "
                "('p2', '국가 AI 연구거점', 'p2')")  # fmt: skip
    for doc, pid, title, day, period, rows in docs:
        con.execute(
            "INSERT INTO documents (document_id, source, title, published_on, lang, kind, content_hash, text) "
            "VALUES (?, ?, ?, ?::DATE, 'ko', 'text', ?, ?)",
            [doc, doc, title, day, doc, title],
        )
        start, end = period or (None, None)
        con.execute("INSERT INTO program_mentions VALUES (?, ?, 'x', ?, ?, TRUE, NULL, NULL, NULL)",
                    [pid, doc, start, end])  # fmt: skip
        for seq, (won, kind, year, evidence) in enumerate(rows):
            con.execute(
                "INSERT INTO budgets (budget_id, document_id, program_id, seq, amount, unit_text, currency, "
                "amount_krw, kind, fiscal_year, announced_on, evidence, ev_start, ev_end) "
                "VALUES (?, ?, ?, ?, 0, ?, 'KRW', ?, ?, ?, ?::DATE, ?, 0, 1)",
                [f"{doc}:{seq}", doc, pid, seq, f"{won}원", int(won), kind, year, day, evidence],
            )


def _db(path: Path, docs: list) -> duckdb.DuckDBPyConnection:
    con = connect(path)
    with transaction(con):
        _write(con, docs)
        aggregates.rebuild(con)
    return con


@pytest.fixture
def con(tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    c = _db(tmp_path / "series.duckdb", DOCS)
    yield c
    c.close()


def test_a_supplementary_portion_and_the_multi_year_total_are_two_series(
    con: duckdb.DuckDBPyConnection,
) -> None:
    points = queries.program_revisions(con, filters=Filters(), program_id="p1")
    assert points["series"].nunique() == 2  # not one line jumping 70-fold
    assert queries.program_changes(con, filters=Filters(), program_id="p1").empty
    fig = charts.revisions_chart(points, lang="ko").to_dict()
    assert sorted(fig["layer"][0]["encoding"]["color"]["scale"]["domain"]) == [
        "2020 추경분 · 미분류",
        "2020–2025년 · 총액",
    ]
    english = charts.revisions_chart(points, lang="en").to_dict()["layer"][0]["encoding"]["color"]["scale"][
        "domain"
    ]
    assert sorted(english) == ["2020 supplementary · kind not stated", "2020–2025 · total cost"]


def test_a_real_revision_is_one_series_with_one_change(con: duckdb.DuckDBPyConnection) -> None:
    points = queries.program_revisions(con, filters=Filters(), program_id="p2")
    national = points[points["kind"] == "national"]
    assert (
        list(national["amount_krw"]) == [360 * EOK, 440 * EOK, 440 * EOK]
        and national["series"].nunique() == 1
    )
    changes = queries.program_changes(con, filters=Filters(), program_id="p2")
    row = changes.iloc[0]  # the English twin restating 440억원 the same day is no change
    assert len(changes) == 1 and (row["from_krw"], row["to_krw"], row["change_pct"]) == (
        360 * EOK,
        440 * EOK,
        22.2,
    )
    assert (str(row["from_on"])[:10], str(row["announced_on"])[:10]) == ("2024-08-18", "2024-10-28")
    assert row["document_id"] == "r2" and row["title"] == "'국가 AI 연구거점' 문 열어"


def test_every_point_opens_its_own_sentence_and_document(con: duckdb.DuckDBPyConnection) -> None:
    points = queries.program_revisions(con, filters=Filters(), program_id="p2")
    spec = charts.revisions_chart(points, lang="ko").to_dict()
    keys = [r["key"] for data in spec["datasets"].values() for r in data]
    assert len(keys) == len(points)
    for key in keys:
        facts = queries.evidence_facts(con, filters=Filters(), key=tuple(json.loads(key)))
        budget = points[points["budget_id"] == facts.iloc[0]["budget_id"]].iloc[0]
        assert len(facts) == 1 and facts.iloc[0]["evidence"] == budget["evidence"]
        assert facts.iloc[0]["document_id"] == budget["document_id"] and bool(facts.iloc[0]["counted"])


def test_a_fiscal_year_line_is_its_own_series(tmp_path: Path) -> None:
    docs = [(*DOCS[1][:5], [*DOCS[1][5], (5000 * EOK, "total", 2021, "내년 예산 5,000억원")])]
    with _db(tmp_path / "fy.duckdb", docs) as c:
        points = queries.program_revisions(c, filters=Filters(), program_id="p1")
    assert sorted(points["scope"]) == ["period", "year"] and points["series"].nunique() == 2


@pytest.mark.parametrize("entry", lexicon.entries("budget_scopes"), ids=lambda e: e.term)
def test_every_supplementary_word_makes_its_example_a_supplementary_series(
    entry: lexicon.Entry, tmp_path: Path
) -> None:
    """The example as the figure's sentence, and as the title of a release whose figure states no years."""
    for title, evidence in ((entry.example, "8,324억원이 쓰인다."), ("보도자료", entry.example)):
        docs = [("x", "p1", title, "2020-06-03", None, [(8324 * EOK, "unspecified", None, evidence)])]
        with _db(tmp_path / f"{len(title)}.duckdb", docs) as c:
            points = queries.program_revisions(c, filters=Filters(), program_id="p1")
        assert entry.meaning == "supplementary" and list(points["scope"]) == ["supplementary"], (
            title,
            evidence,
        )
