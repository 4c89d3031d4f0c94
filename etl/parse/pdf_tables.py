"""Ruled PDF tables → the shared Table model, through pdfplumber (MIT).

pdfplumber finds a table from its ruling lines and gives every cell's box; a merged cell is one box
crossing several column or row boundaries, so its spans come from the boundaries it covers.
"""

from __future__ import annotations

import bisect
import io
import logging
from typing import TYPE_CHECKING

from etl.parse.table import Cell, Table, make_table

if TYPE_CHECKING:
    from pdfplumber.page import Page
    from pdfplumber.table import Table as FoundTable

CAPTION_POINTS = 48  # how far above a table its title and unit line may stand
MAX_PAGES = 200  # a longer PDF gets its text but no table search (pdfplumber costs ~20 ms a page)


def read_pdf_tables(data: bytes) -> list[Table]:
    """Every ruled table of every page, in page order; empty for an unreadable or very long file."""
    import pdfplumber

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    out: list[Table] = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        if len(pdf.pages) > MAX_PAGES:
            return []
        for page in pdf.pages:
            for found in page.find_tables():
                cells = _cells(found)
                if cells:
                    caption = _caption(page, found.bbox)
                    table = make_table(cells, caption=caption, unit_text=caption)
                    if table.n_rows >= 2 and table.n_cols >= 2:
                        out.append(table)
    return out


def _cells(found: FoundTable) -> list[Cell]:
    """Anchor cells with spans from the grid lines each cell box crosses; texts from one pass over the page."""
    boxes = found.cells
    xs = sorted({round(b[0], 1) for b in boxes} | {round(b[2], 1) for b in boxes})
    ys = sorted({round(b[1], 1) for b in boxes} | {round(b[3], 1) for b in boxes})
    texts = found.extract()  # aligned with found.rows[i].cells; None where a merged cell covers the slot
    cells = []
    for row, row_texts in zip(found.rows, texts, strict=True):
        for box, text in zip(row.cells, row_texts, strict=True):
            if box is None:
                continue
            x0, top, x1, bottom = box
            c0, c1 = bisect.bisect_left(xs, round(x0, 1)), bisect.bisect_left(xs, round(x1, 1))
            r0, r1 = bisect.bisect_left(ys, round(top, 1)), bisect.bisect_left(ys, round(bottom, 1))
            cells.append(Cell(r0, c0, " ".join((text or "").split()), max(1, r1 - r0), max(1, c1 - c0)))
    return cells


def _caption(page: Page, bbox: tuple[float, float, float, float]) -> str:
    """The last two lines of text just above the table (its title and unit line)."""
    top = max(0.0, bbox[1] - CAPTION_POINTS)
    if bbox[1] - top < 1:
        return ""
    text = page.crop((0, top, page.width, bbox[1])).extract_text() or ""
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    return " ".join(lines[-2:])
