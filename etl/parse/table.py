"""Shared table model: a grid of cell text (merged cells resolved) plus caption and unit line.

Every reader that finds a table (HWP/HWPX today) fills the same `Table`, so the budget-row
extractor works on one shape whatever the file format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# `(단위: 억원)`, `[단위 : 백만원]`, `단위: 천원` - the unit applied to bare numbers in a table.
_UNIT_LINE = re.compile(r"[(\[（]?\s*단위\s*[:：]?\s*([가-힣A-Za-z%$]+)\s*[)\]）]?")


@dataclass(frozen=True)
class Cell:
    """One cell as stored: its anchor (row, col), its spans and its text."""

    row: int
    col: int
    text: str
    rowspan: int = 1
    colspan: int = 1


@dataclass(frozen=True)
class Table:
    """rows × cols of cell text; a merged cell's text fills every grid slot it covers."""

    grid: tuple[tuple[str, ...], ...]
    caption: str = ""
    unit: str | None = None  # e.g. "억원", from the unit line
    anchors: frozenset[tuple[int, int]] = field(default_factory=frozenset)  # slots that own text

    @property
    def n_rows(self) -> int:
        """Number of grid rows."""
        return len(self.grid)

    @property
    def n_cols(self) -> int:
        """Number of grid columns."""
        return max((len(r) for r in self.grid), default=0)

    def row_pattern(self, r: int) -> re.Pattern[str]:
        """Row r's own (anchor) cells with any spaces or `|` rules between them: finds the row in a text."""
        cells = [t for c, t in enumerate(self.grid[r]) if (r, c) in self.anchors and t.strip()]
        if not cells:
            cells = [t for t in dict.fromkeys(self.grid[r]) if t.strip()]
        if not cells:
            return re.compile(r"(?!)")
        return re.compile(r"[\s|]*".join(r"\s*".join(map(re.escape, x.split())) for x in cells))

    def as_text(self) -> str:
        """The table as lines of tab-separated anchor cells, for the document text."""
        lines = []
        for r, row in enumerate(self.grid):
            cells = [t for c, t in enumerate(row) if (r, c) in self.anchors and t]
            if cells:
                lines.append("\t".join(cells))
        return "\n".join(lines)


def grid_from_cells(cells: list[Cell]) -> tuple[tuple[tuple[str, ...], ...], frozenset[tuple[int, int]]]:
    """Resolve spans: each cell's text is copied to every slot it covers (so headers line up)."""
    n_rows = max((c.row + c.rowspan for c in cells), default=0)
    n_cols = max((c.col + c.colspan for c in cells), default=0)
    grid = [["" for _ in range(n_cols)] for _ in range(n_rows)]
    for c in cells:
        for r in range(c.row, c.row + c.rowspan):
            for k in range(c.col, c.col + c.colspan):
                grid[r][k] = c.text
    anchors = frozenset((c.row, c.col) for c in cells)
    return tuple(tuple(r) for r in grid), anchors


def find_unit(text: str) -> str | None:
    """The unit named by a `(단위: 억원)` line, or None."""
    m = _UNIT_LINE.search(text)
    return m.group(1) if m else None


def make_table(cells: list[Cell], caption: str = "", unit_text: str = "") -> Table:
    """Build a Table from stored cells, taking the unit from unit_text, the caption or a cell."""
    grid, anchors = grid_from_cells(cells)
    unit = find_unit(unit_text) or find_unit(caption)
    if unit is None:
        unit = next((u for c in cells if "단위" in c.text and (u := find_unit(c.text))), None)
    return Table(grid=grid, caption=caption.strip(), unit=unit, anchors=anchors)
