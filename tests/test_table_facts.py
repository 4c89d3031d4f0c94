"""Budget tables as facts: the same releases written as HWPX, HWP 5, PDF and HTML give the same budget rows."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from etl import lexicon
from etl.config import ROOT, Settings
from etl.extract.tables import extract_table_budgets, extract_tables, year_of
from etl.models import RawDoc
from etl.parse import parse
from etl.parse.table import Cell, find_unit, make_table
from etl.sources import read_file

sys.path.insert(0, str(ROOT / "scripts"))
import make_release_fixtures as mrf

E8, E12 = 10**8, 10**12
# (won, kind, role, fiscal year, program) of every money cell, per release: the tables as written.
EXPECTED: dict[str, set[tuple[int, str, str, int | None, str | None]]] = {
    "ai_research_hub_2024-10-28": {
        (440 * E8, "national", "budget", None, "국가 AI 연구거점"),
        (946 * E8, "total", "budget", None, "국가 AI 연구거점"),
    },
    "gwangju_ai_cluster_2019-01-29": {
        (2843 * E8, "national", "budget", None, "AI 집적단지"),
        (812 * E8, "local", "budget", None, "AI 집적단지"),
        (3655 * E8, "total", "base", None, "AI 집적단지"),  # 소계: a part-sum, never the program's own total
        (406 * E8, "private", "budget", None, "AI 집적단지"),
        (4061 * E8, "total", "budget", None, "AI 집적단지"),
    },
    "budget_2026_proposal_2025-08-29": {
        (6733 * E12 // 10, "total", "base", 2025, None),  # 총지출: the whole budget, an envelope
        (728 * E12, "total", "base", 2026, None),
        (33 * E12 // 10, "unspecified", "budget", 2025, "AI 분야"),
        (101 * E12 // 10, "unspecified", "budget", 2026, "AI 분야"),
    },
    "rnd_budget_2025_2024-08-27": {
        (265 * E12 // 10, "unspecified", "budget", 2024, "정부 R&D"),
        (297 * E12 // 10, "unspecified", "budget", 2025, "정부 R&D"),
    },
    "ai_chip_initiative_2024-04-09": {(94 * E12 // 10, "total", "budget", None, "AI-반도체 이니셔티브")},
    "chip_ecosystem_2024-05-23": {
        (17 * E12, "unspecified", "budget", None, "산업은행 저리대출"),
        (11 * E12 // 10, "unspecified", "budget", None, "반도체 생태계 펀드"),
        (26 * E12, "total", "base", None, None),
    },
}
HAS_FONT = importlib.util.find_spec("koreanize_matplotlib") is not None


@pytest.fixture(scope="session")
def releases(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every release in its formats, written once by scripts/make_release_fixtures.py."""
    out = tmp_path_factory.mktemp("releases")
    rels = mrf.RELEASES if HAS_FONT else tuple(
        mrf.Release(**{**r.__dict__, "formats": tuple(f for f in r.formats if f != "pdf")}) for r in mrf.RELEASES
    )  # fmt: skip
    mrf.build_all(out, rels)
    return out


FILES = [(r.slug, fmt) for r in mrf.RELEASES for fmt in (*r.formats, "html")]


def test_the_fixture_set_has_the_formats_the_issue_asks_for() -> None:
    count = {fmt: sum(f == fmt for _, f in FILES) for fmt in ("hwpx", "hwp", "pdf", "html")}
    assert count["hwpx"] >= 6 and count["hwp"] >= 3 and count["pdf"] >= 3, count
    assert set(EXPECTED) == {r.slug for r in mrf.RELEASES}


def _facts(path: Path) -> tuple[str, list]:
    (doc,) = parse(read_file(path, Settings()))
    return doc.text, extract_tables(doc.text, doc.tables)


@pytest.mark.parametrize(("slug", "fmt"), FILES, ids=[f"{s}.{f}" for s, f in FILES])
def test_every_money_cell_is_one_budget_row_with_year_kind_and_program(
    releases: Path, slug: str, fmt: str
) -> None:
    if fmt == "pdf" and not HAS_FONT:
        pytest.skip("no Korean TTF: pip install -r requirements-dev.txt (koreanize-matplotlib)")
    text, rows = _facts(releases / f"{slug}.{fmt}")
    got = [(b.amount_krw, b.kind, b.role, b.fiscal_year, b.program) for b in rows]
    assert len(got) == len(set(got)) and set(got) == EXPECTED[slug]
    caption = next(r for r in mrf.RELEASES if r.slug == slug).tables[0].caption
    for b in rows:
        # evidence = caption + row; its span is the row as it stands in the document text
        assert b.evidence.text.startswith(caption) and b.evidence.end > b.evidence.start
        figure = b.unit_text.removesuffix("억원").removesuffix("조원")
        assert figure in text[b.evidence.start : b.evidence.end], (
            text[b.evidence.start : b.evidence.end],
            figure,
        )


def test_a_hwpx_release_prints_prose_facts_and_table_rows_as_jsonl(
    releases: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from etl import cli

    assert (
        cli.main(["extract", str(releases / "gwangju_ai_cluster_2019-01-29.hwpx"), "--format", "jsonl"]) == 0
    )
    (rec,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    table_rows = [b for b in rec["budgets"] if "재원 구성" in b["evidence"]]
    assert {(b["amount_krw"], b["kind"]) for b in table_rows} == {
        (w, k) for w, k, *_ in EXPECTED["gwangju_ai_cluster_2019-01-29"]
    }
    assert any(p["name"] for p in rec["programs"]) or rec["title"]


def _table(example: str, caption: str = "2025년 예산 (단위: 억원)"):
    rows = [r.strip().split("|") for r in example.split(" / ")]
    return make_table(
        [Cell(r, c, t) for r, row in enumerate(rows) for c, t in enumerate(row)], caption, caption
    )


@pytest.mark.parametrize("entry", lexicon.entries("table_headers"), ids=lambda e: f"{e.meaning}:{e.term}")
def test_a_table_header_word_gives_its_meaning_to_the_cells_it_heads(entry: lexicon.Entry) -> None:
    table = _table(entry.example)
    values = _headed(table.grid, entry.term)
    assert values, f"the example must hold {entry.term!r} as a header over a figure: {entry.example}"
    rows = extract_table_budgets(table)
    headed = [b for b in rows if b.amount in values]
    assert len(headed) == len(values), (entry.example, rows)
    for b in headed:
        if entry.meaning in ("national", "local", "private"):
            assert b.kind == entry.meaning
        elif entry.meaning == "total":
            assert b.kind == "total"
        elif entry.meaning == "subtotal":
            assert b.kind == "total" and b.role == "base"
        else:  # label: a header word is never a program
            assert b.program and b.program != entry.term
    assert all(b.program != entry.term for b in rows)


def _headed(grid: tuple[tuple[str, ...], ...], term: str) -> set[float]:
    """Figures under `term` (in the top row) or beside it (a row label)."""
    out: set[float] = set()
    for r, row in enumerate(grid):
        for c, cell in enumerate(row):
            if cell != term:
                continue
            # the top-left corner (구분, 사업명) heads the label column: every figure of the body
            below = [v for x in grid[1:] for v in (x if c == 0 else x[c : c + 1])] if r == 0 else []
            right = list(row[c + 1 :]) if r > 0 else []
            out.update(
                float(v.replace(",", ""))
                for v in below + right
                if v.replace(",", "").replace(".", "").isdigit()
            )
    return out


@pytest.mark.parametrize(
    ("label", "year"),
    [("2025", 2025), ("2025년", 2025), ("'25년", 2025), ("2025년 예산안", 2025), ("’24", 2024), ("FY2026", 2026),
     ("'24~'28", None), ("2024~2027", None), ("국비", None), ("20250", None)],
)  # fmt: skip
def test_fiscal_year_from_a_column_header(label: str, year: int | None) -> None:
    assert year_of(label) == year


def test_unit_line_applies_to_bare_numbers_and_a_written_unit_wins() -> None:
    assert find_unit("(단위: 백만원)") == "백만원" and find_unit("[단위 : 억원]") == "억원"
    table = _table("사업|2025|2026 / AI 거점|1,200|300억원", caption="(단위: 백만원)")
    got = {(b.fiscal_year, b.amount_krw) for b in extract_table_budgets(table)}
    assert got == {(2025, 1_200 * 10**6), (2026, 300 * E8)}
    no_unit = _table("사업|2025 / AI 거점|1,200", caption="사업 현황")
    assert extract_table_budgets(no_unit) == []  # a bare number without a unit line is not money


def test_a_table_of_counts_or_phone_numbers_gives_no_money() -> None:
    assert extract_table_budgets(_table("구분|인원 / 연구자|120", caption="(단위: 명)")) == []
    assert extract_table_budgets(_table("부서|전화 / 인공지능정책과|044-202-6000", caption="문의")) == []


def test_html_rowspan_and_colspan_resolve_like_hwp() -> None:
    page = (
        "<html><body><article><h1>2025년 AI 예산</h1><p>과기정통부가 AI 예산을 공개했다. 자세한 내역은 아래 표와 같다.</p>"
        "<p>(단위: 억원)</p><table><tr><th rowspan='2'>사업</th><th colspan='2'>2025년</th></tr>"
        "<tr><th>국비</th><th>지방비</th></tr><tr><td>AI 거점</td><td>440</td><td>100</td></tr></table>"
        "</article></body></html>"
    )
    (doc,) = parse(RawDoc(source="p.html", kind="html", data=page.encode()))
    (table,) = doc.tables
    assert table.grid[0] == ("사업", "2025년", "2025년") and table.grid[1] == ("사업", "국비", "지방비")
    got = {(b.amount_krw, b.kind, b.fiscal_year, b.program) for b in extract_tables(doc.text, doc.tables)}
    assert got == {(440 * E8, "national", 2025, "AI 거점"), (100 * E8, "local", 2025, "AI 거점")}


def test_a_table_fact_is_found_in_the_text_and_drawn_as_an_escaped_table(releases: Path) -> None:
    from ui.highlight import locate, table_html

    (doc,) = parse(read_file(releases / "gwangju_ai_cluster_2019-01-29.hwpx", Settings()))
    rows = extract_tables(doc.text, doc.tables)
    local = next(b for b in rows if b.kind == "local")
    # the merged 'AI 집적단지' label is not on the row's own line, so the evidence names it before the row
    assert local.evidence.text == "AI 집적단지 재원 구성 (단위: 억원) · AI 집적단지 · 시비\t812"
    assert locate(doc.text, local.evidence.start, local.evidence.end, local.evidence.text) == (
        local.evidence.start,
        local.evidence.end,
    )
    drawn = table_html([["<b>구분</b>", "금액"], ["시비", "812"]], {(1, 1): "local"}, "표 <1>")
    assert "<b>" not in drawn and "&lt;b&gt;" in drawn and "표 &lt;1&gt;" in drawn
    assert drawn.count("background") == 1 and 'title="local">812<' in drawn
