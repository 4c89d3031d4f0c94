"""Write 보도자료-style test releases as HWPX, HWP 5, PDF and HTML, each holding the same budget tables.

Usage: python scripts/make_release_fixtures.py OUT_DIR
The facts are real, public announcements, written in our own words; each table has the shapes real
releases use (merged header cells, a unit line, subtotal and total rows, 국비/지방비 splits, years as
columns). python-hwpx (Apache-2.0) writes HWPX and HWP 5; fpdf2 writes the PDFs with NanumGothic from the
koreanize-matplotlib package (scripts/make_pdf.py). Tests build them into a temporary folder.
"""

from __future__ import annotations

import argparse
import html
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

# A cell is its text, or (text, rowspan, colspan); a row lists only the cells that start in it.
Spec = str | tuple[str, int, int]


@dataclass(frozen=True)
class TableSpec:
    caption: str
    unit_line: str
    rows: tuple[tuple[Spec, ...], ...]


@dataclass(frozen=True)
class Release:
    slug: str
    date: str
    title: str
    paragraphs: tuple[str, ...]
    tables: tuple[TableSpec, ...]
    formats: tuple[str, ...] = ("hwpx",)  # hwpx | hwp | pdf


RELEASES: tuple[Release, ...] = (
    Release(
        "ai_research_hub_2024-10-28",
        "2024-10-28",
        "국가 AI 연구거점 서울 양재에 문 열어",
        (
            "과학기술정보통신부는 2024년 10월 28일 서울 양재동에 국가 AI 연구거점을 열었다고 밝혔다.",
            "연구거점은 2028년까지 운영되며 국내외 대학과 기업이 함께 인공지능 원천기술을 연구한다.",
        ),
        (
            TableSpec(
                "국가 AI 연구거점 사업비",
                "(단위: 억원)",
                (
                    (("사업", 2, 1), ("기간", 2, 1), ("사업비", 1, 2)),
                    ("국비", "총사업비"),
                    ("국가 AI 연구거점", "'24~'28", "440", "946"),
                ),
            ),
        ),
        ("hwpx", "hwp", "pdf"),
    ),
    Release(
        "gwangju_ai_cluster_2019-01-29",
        "2019-01-29",
        "광주 인공지능 집적단지 예비타당성조사 면제",
        (
            "정부는 2019년 1월 29일 광주의 인공지능 중심 산업융합 집적단지 조성사업을 예비타당성조사 면제 대상으로 정했다.",
            "사업은 2020년부터 2024년까지 추진된다.",
        ),
        (
            TableSpec(
                "AI 집적단지 재원 구성",
                "(단위: 억원)",
                (
                    ("구분", "재원", "금액"),
                    (("AI 집적단지", 5, 1), "국비", "2,843"),
                    ("시비", "812"),
                    ("소계", "3,655"),
                    ("민자", "406"),
                    ("합계", "4,061"),
                ),
            ),
        ),
        ("hwpx", "hwp", "pdf"),
    ),
    Release(
        "budget_2026_proposal_2025-08-29",
        "2025-08-29",
        "2026년 예산안 728조원 편성, AI 예산 10.1조원",
        (
            "정부는 2025년 8월 29일 총지출 728조원 규모의 2026년 예산안을 발표했다.",
            "인공지능 분야 예산은 올해 3.3조원에서 10.1조원으로 늘었다.",
        ),
        (
            TableSpec(
                "2026년 예산안 주요 내역",
                "(단위: 조원)",
                (
                    (("구분", 2, 1), ("연도별 예산", 1, 2)),
                    ("2025년", "2026년 예산안"),
                    ("총지출", "673.3", "728.0"),
                    ("AI 분야", "3.3", "10.1"),
                ),
            ),
        ),
        ("hwpx", "hwp", "pdf"),
    ),
    Release(
        "rnd_budget_2025_2024-08-27",
        "2024-08-27",
        "2025년 정부 R&D 예산안 29.7조원",
        ("정부는 2025년 연구개발 예산안을 29.7조원으로 편성했다.", "2024년 예산은 26.5조원이었다."),
        (
            TableSpec(
                "정부 R&D 예산 추이",
                "(단위: 조원)",
                (("구분", "'24년", "'25년 예산안"), ("정부 R&D", "26.5", "29.7")),
            ),
        ),
    ),
    Release(
        "ai_chip_initiative_2024-04-09",
        "2024-04-09",
        "AI-반도체 이니셔티브 발표",
        ("정부는 2024년 4월 9일 AI-반도체 이니셔티브를 발표했다.",),
        (
            TableSpec(
                "AI-반도체 이니셔티브 투자 계획",
                "(단위: 조원)",
                (("사업", "기간", "총사업비"), ("AI-반도체 이니셔티브", "2024~2027", "9.4")),
            ),
        ),
    ),
    Release(
        "chip_ecosystem_2024-05-23",
        "2024-05-23",
        "26조원 규모 반도체 생태계 종합지원 프로그램",
        ("정부는 2024년 5월 23일 26조원 규모의 반도체 생태계 종합지원 프로그램을 내놓았다.",),
        (
            TableSpec(
                "반도체 종합지원 주요 내역",
                "(단위: 억원)",
                (
                    ("구분", "규모"),
                    ("산업은행 저리대출", "170,000"),
                    ("반도체 생태계 펀드", "11,000"),
                    ("합계", "260,000"),
                ),
            ),
        ),
    ),
)

# Quality-gate fixtures (tests/fixtures/realworld, `--quality`): facts not used anywhere in data/raw.
QUALITY_RELEASES: tuple[Release, ...] = (
    RELEASES[5],
    Release(
        "budget_totals_2024-12-10",
        "2024-12-10",
        "2025년 예산 673.3조원 국회 통과",
        ("국회는 2024년 12월 10일 본회의에서 2025년 예산을 673.3조원으로 확정했다.",),
        (
            TableSpec(
                "연도별 총지출",
                "(단위: 조원)",
                ((("구분", 2, 1), ("본예산", 1, 2)), ("2024년", "2025년"), ("총지출", "656.6", "673.3")),
            ),
        ),
        ("hwp",),
    ),
    Release(
        "supplementary_2025_2025-07-04",
        "2025-07-04",
        "2025년 두 차례 추가경정예산",
        ("국회는 2025년 7월 4일 두 번째 추가경정예산을 의결했다.",),
        (
            TableSpec(
                "2025년 추가경정예산",
                "(단위: 조원)",
                (("구분", "규모"), ("1회 추경", "13.8"), ("2회 추경", "31.8")),
            ),
        ),
        ("pdf",),
    ),
)


def write_quality(out: Path) -> list[Path]:
    """The quality fixtures as `ko_release_<slug>.<format>` (no HTML page: the gate scores one file each)."""
    written = []
    for rel in QUALITY_RELEASES:
        for fmt in rel.formats:
            path = out / f"ko_release_{rel.slug}.{fmt}"
            if fmt == "pdf":
                write_pdf(rel, path)
            else:
                path.write_bytes(write_hwpx(rel, fmt))
            written.append(path)
    return written


def layout(rows: tuple[tuple[Spec, ...], ...]) -> tuple[list[tuple[int, int, str, int, int]], int, int]:
    """Anchor cells (row, col, text, rowspan, colspan) as HTML would place them, and the grid size."""
    taken: set[tuple[int, int]] = set()
    out = []
    for r, row in enumerate(rows):
        c = 0
        for spec in row:
            text, rs, cs = (spec, 1, 1) if isinstance(spec, str) else spec
            while (r, c) in taken:
                c += 1
            out.append((r, c, text, rs, cs))
            taken.update((r + i, c + k) for i in range(rs) for k in range(cs))
            c += cs
    return out, len(rows), max(c for _, c in taken) + 1


def write_hwpx(rel: Release, fmt: str = "hwpx") -> bytes:
    """The release as HWPX (or HWP 5 with fmt='hwp'): title, date, paragraphs, caption, unit line, table."""
    from hwpx import HwpxDocument

    doc = HwpxDocument.new()
    for line in (rel.title, rel.date, *rel.paragraphs):
        doc.add_paragraph(line)
    for spec in rel.tables:
        doc.add_paragraph(spec.caption)
        doc.add_paragraph(spec.unit_line)
        cells, n_rows, n_cols = layout(spec.rows)
        table = doc.add_table(n_rows, n_cols)
        for r, c, text, rs, cs in cells:
            if rs > 1 or cs > 1:
                table.merge_cells(r, c, r + rs - 1, c + cs - 1)
            table.cell(r, c).text = text
    doc.add_paragraph("문의: 담당 부서")
    return doc.to_bytes() if fmt == "hwpx" else doc.to_bytes(format="hwp")


def write_pdf(rel: Release, out: Path) -> None:
    """The release as a PDF with ruled tables (merged cells drawn as one box)."""
    from fpdf import FPDF

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from make_pdf import korean_font

    pdf = FPDF(format="A4")
    pdf.add_font("Nanum", fname=str(korean_font()))
    pdf.set_font("Nanum", size=11)
    pdf.set_title(rel.title)
    pdf.set_creation_date(datetime.fromisoformat(rel.date))  # the release date, not the day it was made
    pdf.add_page()
    for line in (rel.title, rel.date, *rel.paragraphs):
        pdf.multi_cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
    for spec in rel.tables:
        pdf.ln(4)
        pdf.multi_cell(0, 7, spec.caption, new_x="LMARGIN", new_y="NEXT")
        pdf.multi_cell(0, 7, spec.unit_line, new_x="LMARGIN", new_y="NEXT")
        with pdf.table(first_row_as_headings=False) as table:
            for row in spec.rows:
                pdf_row = table.row()
                for cell in row:
                    text, rs, cs = (cell, 1, 1) if isinstance(cell, str) else cell
                    pdf_row.cell(text, rowspan=rs, colspan=cs)
    pdf.output(str(out))


def write_html(rel: Release, attachments: list[str]) -> str:
    """A 보도자료 page: the text, the tables and a file list linking the attachments."""
    esc = html.escape
    parts = [f"<!doctype html><html><head><meta charset='utf-8'><title>{esc(rel.title)}</title></head><body>"]
    parts.append(f"<div class='view'><h3>{esc(rel.title)}</h3><p class='date'>{rel.date}</p>")
    parts += [f"<p>{esc(p)}</p>" for p in rel.paragraphs]
    for spec in rel.tables:
        parts.append(f"<p>{esc(spec.caption)}</p><p>{esc(spec.unit_line)}</p><table>")
        for row in spec.rows:
            tds = []
            for cell in row:
                text, rs, cs = (cell, 1, 1) if isinstance(cell, str) else cell
                tds.append(f"<td rowspan='{rs}' colspan='{cs}'>{esc(text)}</td>")
            parts.append("<tr>" + "".join(tds) + "</tr>")
        parts.append("</table>")
    parts.append("</div><ul class='file_list'>")
    parts += [f"<li><a href='{esc(a)}'>첨부파일 {i}</a></li>" for i, a in enumerate(attachments, 1)]
    parts.append("</ul></body></html>")
    return "\n".join(parts)


def build_all(
    out: Path, releases: tuple[Release, ...] = RELEASES, folder: Callable[[Release], Path] | None = None
) -> list[Path]:
    """Write every release in each of its formats (plus its HTML page linking them); the paths written.

    Files go under `out`, or under `folder(release)` when given (data/raw keeps one folder per year).
    """
    written = []
    for rel in releases:
        where = folder(rel) if folder else out
        where.mkdir(parents=True, exist_ok=True)
        names = []
        for fmt in rel.formats:
            path = where / f"{rel.slug}.{fmt}"
            if fmt == "pdf":
                write_pdf(rel, path)
            else:
                path.write_bytes(write_hwpx(rel, fmt))
            written.append(path)
            names.append(path.name)
        page = where / f"{rel.slug}.html"
        page.write_text(write_html(rel, names), encoding="utf-8")
        written.append(page)
    return written


def main(argv: list[str] | None = None) -> int:
    """Write the fixtures into OUT_DIR."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("out", type=Path)
    p.add_argument("--by-year", action="store_true", help="one folder per year, as data/raw has")
    p.add_argument(
        "--quality", action="store_true", help="the quality-gate fixtures (tests/fixtures/realworld)"
    )
    args = p.parse_args(argv)
    by_year = (lambda rel: args.out / rel.date[:4]) if args.by_year else None
    paths = write_quality(args.out) if args.quality else build_all(args.out, folder=by_year)
    for path in paths:
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
