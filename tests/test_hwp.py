"""HWPX / HWP 5 reader: text order, merged table cells, bad files give one ParseError."""

from __future__ import annotations

import io
import zipfile

import pytest

from etl.models import RawDoc
from etl.parse import ParseError, parse
from etl.parse.hwp import read_hwp


def _hwpx() -> bytes:
    from hwpx import HwpxDocument

    d = HwpxDocument.new()
    d.add_paragraph("과기정통부는 국가 AI 연구거점을 연다.")
    d.add_paragraph("(단위: 억원)")
    t = d.add_table(3, 3)
    t.merge_cells(0, 1, 0, 2)
    for (r, c), v in {
        (0, 0): "사업",
        (0, 1): "2025년",
        (1, 1): "국비",
        (1, 2): "지방비",
        (2, 0): "AI 거점",
    }.items():
        t.cell(r, c).text = v
    t.cell(2, 1).text = "440"
    t.cell(2, 2).text = "100"
    d.add_paragraph("끝 문단.")
    return d.to_bytes()


@pytest.mark.parametrize("fmt", ["hwpx", "hwp"])
def test_merged_header_spans_columns(fmt: str) -> None:
    from hwpx import HwpxDocument

    data = _hwpx() if fmt == "hwpx" else HwpxDocument.open(_hwpx()).to_bytes(format="hwp")
    blocks, tables = read_hwp(RawDoc(source=f"x.{fmt}", kind="hwp", data=data))
    (table,) = tables
    assert table.grid[0] == ("사업", "2025년", "2025년")
    assert table.grid[2] == ("AI 거점", "440", "100")
    assert table.unit == "억원"
    assert blocks.index("끝 문단.") > blocks.index(table.as_text())


def test_zip_bomb_and_corrupt_refused() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("Contents/section0.xml", b"\0" * (65 * 1024 * 1024))
    with pytest.raises(ParseError, match="inflates"):
        parse(RawDoc(source="bomb.hwpx", kind="hwp", data=buf.getvalue()))
    with pytest.raises(ParseError, match="damaged"):
        parse(RawDoc(source="bad.hwpx", kind="hwp", data=b"PK\x03\x04garbage"))
    with pytest.raises(ParseError):
        parse(RawDoc(source="bad.hwp", kind="hwp", data=b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600))
