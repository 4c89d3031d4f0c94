"""HTML `<table>` → the shared Table model: rowspan/colspan resolved, caption and unit line from around it."""

from __future__ import annotations

import lxml.html

from etl.parse.table import Cell, Table, make_table

MAX_SPAN = 100  # a rowspan="100000" must not build a huge grid
CAPTION_CHARS = 120  # a nearby line longer than this is prose, not a caption


def read_html_tables(tree: lxml.html.HtmlElement) -> list[Table]:
    """Every innermost table with at least two rows and two columns, in document order."""
    out: list[Table] = []
    for el in tree.iter("table"):
        if el.find(".//table") is not None:  # a layout table holding the real one
            continue
        cells = _cells(el)
        if not cells:
            continue
        table = make_table(cells, caption=_caption(el), unit_text=_caption(el))
        if table.n_rows >= 2 and table.n_cols >= 2:
            out.append(table)
    return out


def _cells(table: lxml.html.HtmlElement) -> list[Cell]:
    """Anchor cells with spans; a slot a rowspan from above already covers is skipped."""
    taken: set[tuple[int, int]] = set()
    cells: list[Cell] = []
    rows = [tr for tr in table.iter("tr") if _owner(tr) is table]
    for r, tr in enumerate(rows):
        c = 0
        for td in tr:
            if td.tag not in ("td", "th"):
                continue
            while (r, c) in taken:
                c += 1
            rs, cs = _span(td.get("rowspan")), _span(td.get("colspan"))
            cells.append(Cell(r, c, " ".join(td.text_content().split()), rs, cs))
            taken.update((r + i, c + k) for i in range(rs) for k in range(cs))
            c += cs
    return cells


def _owner(tr: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    node = tr.getparent()
    while node is not None and node.tag != "table":
        node = node.getparent()
    return node


def _span(value: str | None) -> int:
    try:
        return max(1, min(MAX_SPAN, int(value or 1)))
    except ValueError:
        return 1


def _caption(table: lxml.html.HtmlElement) -> str:
    """The <caption>, else the two short text blocks just before the table (title and unit line)."""
    cap = table.find("caption")
    if cap is not None and cap.text_content().strip():
        return " ".join(cap.text_content().split())
    lines: list[str] = []
    node = table.getprevious()
    while node is not None and len(lines) < 2:
        text = " ".join(node.text_content().split()) if isinstance(node.tag, str) else ""
        if text:
            if len(text) > CAPTION_CHARS:
                break
            lines.insert(0, text)
        node = node.getprevious()
    return " ".join(lines)
