"""HWPX (zip of OWPML XML) and HWP 5 (OLE compound file) readers, through python-hwpx.

python-hwpx (Apache-2.0) returns each table cell with its anchor and row/col spans for both
formats, so merged budget headers stay over the right columns. We guard the input first:
a zip whose declared uncompressed size exceeds the cap is refused before anything inflates.
"""

from __future__ import annotations

import io
import zipfile

from etl.models import Document, RawDoc
from etl.parse import ParseError, make_document
from etl.parse.table import Cell, Table, make_table

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_INFLATED = 64 * 1024 * 1024  # bytes a HWPX may inflate to; a real release is a few MB


def check_hwpx_zip(source: str, data: bytes, cap: int = MAX_INFLATED) -> None:
    """Refuse a corrupt zip or a zip bomb (declared inflated size or ratio over the cap)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            total = sum(i.file_size for i in infos)
            names = {i.filename for i in infos}
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ParseError(source, f"damaged HWPX (not a readable zip: {exc})") from exc
    if total > cap:
        raise ParseError(source, f"HWPX refused: inflates to {total:,} bytes (cap {cap:,})")
    if "Contents/section0.xml" not in names:
        raise ParseError(source, "damaged HWPX (no Contents/section0.xml)")


def _open(raw: RawDoc):  # -> hwpx.HwpxDocument (imported lazily: lxml-heavy)
    from hwpx import HwpxDocument
    from hwpx.errors import HwpxError

    try:
        return HwpxDocument.open(raw.data)
    except HwpxError as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        if any(w in reason.lower() for w in ("password", "encrypt", "distribut", "protect")):
            raise ParseError(raw.source, f"protected HWP (배포용/password) cannot be read: {reason}") from exc
        raise ParseError(raw.source, f"damaged HWP/HWPX: {reason}") from exc
    except (ValueError, KeyError, OSError, EOFError) as exc:
        raise ParseError(raw.source, f"damaged HWP/HWPX: {type(exc).__name__}: {exc}") from exc


def _table_of(tb, caption: str) -> Table:
    """Our Table from a python-hwpx table: anchor cells only, with their spans."""
    cells = {}
    for pos in tb.iter_grid():
        if pos.anchor not in cells:
            r, c = pos.anchor
            cells[pos.anchor] = Cell(r, c, " ".join(pos.cell.text.split()), pos.span[0], pos.span[1])
    return make_table(list(cells.values()), caption=caption, unit_text=caption)


def read_hwp(raw: RawDoc) -> tuple[list[str], list[Table]]:
    """Paragraph texts in reading order (tables rendered in place) and the tables themselves."""
    if raw.data[:8] != OLE_MAGIC:
        check_hwpx_zip(raw.source, raw.data)
    doc = _open(raw)
    blocks: list[str] = []
    tables: list[Table] = []
    for para in doc.paragraphs:
        text = " ".join((para.text or "").split())
        for tb in para.tables:
            # caption: the nearest preceding short line (title or unit line) in reading order
            caption = " ".join(b for b in blocks[-2:] if len(b) < 80)
            table = _table_of(tb, caption)
            tables.append(table)
            blocks.append(table.as_text())
        if text:
            blocks.append(text)
    return blocks, tables


def parse_hwp(raw: RawDoc) -> list[Document]:
    """One Document: paragraphs and tables in reading order; kind 'hwp'."""
    blocks, tables = read_hwp(raw)
    text = "\n".join(b for b in blocks if b)
    if not text.strip():
        raise ParseError(raw.source, "no text in HWP/HWPX")
    title = blocks[0] if blocks and len(blocks[0]) < 120 else None
    return [make_document(raw.source, text, title=title, kind=raw.kind, url=raw.url, tables=tuple(tables))]
