"""Budget tables as facts: one Budget per money cell, with program, fiscal year and kind from the headers.

A table is read as header rows (years, kinds: no plain number in them) over data rows, and header columns
(program names, 구분) beside data columns. Header words (국비, 지방비, 민자, 합계, 소계, 구분 …) come from
`etl/resources/lexicon/table_headers.tsv`. A bare number takes the unit of the table's unit line
(`(단위: 억원)`). Totals are never parts: a 합계 / 소계 / 계 column or row gives kind `total`, and a total
row with no program of its own (the sum over programs) is role `base`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from etl import lexicon
from etl.extract import money
from etl.models import Budget, Evidence
from etl.parse.table import Table

LEXICON = "table_headers"
KINDS = ("national", "local", "private")
TOTALS = ("total", "subtotal")
_NUMBER = re.compile(r"^[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?$|^[0-9]+(?:\.[0-9]+)?$")
# `2025`, `2025년`, `2025년 예산안`, `'25년`, `FY2025`, `2025(안)`: one fiscal year
_YEAR = re.compile(r"^(?:FY\s?)?(?:(?P<full>(?:19|20)[0-9]{2})|['’‘](?P<short>[0-9]{2}))(?:년|\b|$)")
# `2024~2028`, `'24~'28년`: several years at once (no single fiscal year)
_PERIOD = re.compile(
    r"(?:(?:19|20)[0-9]{2}|['’‘][0-9]{2})\s*년?\s*[~∼-]\s*(?:(?:19|20)?[0-9]{2}|['’‘][0-9]{2})"
)
_PAREN = re.compile(r"[(（][^)）]*[)）]")


@dataclass(frozen=True)
class Layout:
    """Where the headers end: rows [0, body) are header rows, cols [0, label_cols) are row labels."""

    body: int
    label_cols: int


def header_meaning(cell: str) -> str | None:
    """The lexicon meaning of a header cell (national, local, private, total, subtotal, label) or None."""
    key = _PAREN.sub("", cell).replace(" ", "")
    return lexicon.meanings(LEXICON).get(key) or lexicon.meanings(LEXICON).get(cell.replace(" ", ""))


def year_of(label: str) -> int | None:
    """The fiscal year a header names (`2025`, `'25년`, `2025년 예산안`), None for a period or no year."""
    text = label.strip()
    if _PERIOD.search(text):
        return None
    m = _YEAR.match(text)
    if not m:
        return None
    return int(m.group("full")) if m.group("full") else 2000 + int(m.group("short"))


def is_number(cell: str) -> bool:
    """A bare figure (`440`, `2,843`, `12.5`), the kind of cell a unit line applies to."""
    return bool(_NUMBER.match(cell.replace(" ", "")))


def _is_data_cell(cell: str) -> bool:
    return (is_number(cell) and year_of(cell) is None) or money.parse_money(cell) is not None


def layout(table: Table) -> Layout:
    """Header rows (no figure in them) on top, label columns (no figure below the headers) on the left."""
    body = next((r for r, row in enumerate(table.grid) if any(_is_data_cell(c) for c in row)), table.n_rows)
    data_rows = table.grid[body:]
    label_cols = 0
    for c in range(table.n_cols):
        if any(_is_data_cell(row[c]) for row in data_rows if c < len(row)):
            break
        label_cols = c + 1
    return Layout(body, label_cols)


def extract_tables(text: str, tables: tuple[Table, ...] | list[Table]) -> list[Budget]:
    """Budget rows of every table of a document; each row's evidence span is found in `text`, in order."""
    out: list[Budget] = []
    pos = 0
    for seq, table in enumerate(tables):
        spans: dict[int, tuple[int, int]] = {}
        for r in range(table.n_rows):
            m = table.row_pattern(r).search(text, pos)
            if m and m.end() > m.start():
                spans[r] = (m.start(), m.end())
                pos = m.end()
        out.extend(extract_table_budgets(table, spans, seq, text))
    return out


def extract_table_budgets(
    table: Table, spans: dict[int, tuple[int, int]] | None = None, seq: int = 0, text: str = ""
) -> list[Budget]:
    """One Budget per money cell of the table (role budget, or base for a grand-total row).

    `spans` maps a row to where it stands in the document text; a row not found gets the span (0, 0).
    """
    shape = layout(table)
    # A table with year headers: a cell under none of them (a 합계 over the years) has no single year.
    heads = [t for row in table.grid[: shape.body] for t in row] + [
        t for row in table.grid for t in row[: shape.label_cols]
    ]
    default_year = None if any(year_of(t) for t in heads) else _caption_year(table.caption)
    out: list[Budget] = []
    for r in range(shape.body, table.n_rows):
        row = table.grid[r]
        row_labels = _distinct(list(row[: shape.label_cols]))
        start, end = (spans or {}).get(r, (0, 0))
        evidence = Evidence(row_text(table, r, text[start:end] if end > start else ""), start, end)
        for c in range(shape.label_cols, len(row)):
            col_labels = _distinct([table.grid[h][c] for h in range(shape.body) if c < len(table.grid[h])])
            b = _cell_budget(table.grid[r][c], table.unit, row_labels, col_labels, default_year)
            if b is not None:
                b.evidence, b.table_cell = evidence, (seq, r, c)
                out.append(b)
    return out


def _cell_budget(
    cell: str, unit: str | None, row_labels: list[str], col_labels: list[str], default_year: int | None
) -> Budget | None:
    amount = _amount(cell.strip(), unit)
    if amount is None or amount.currency != "KRW" or not amount.krw:
        return None
    meanings = [header_meaning(x) for x in col_labels + row_labels]
    kind = next((m for m in meanings if m in KINDS), None)
    total = any(m in TOTALS for m in meanings)
    program = next((x for x in row_labels if header_meaning(x) is None and year_of(x) is None), None)
    years = [y for x in col_labels + row_labels if (y := year_of(x))]
    period = any(_PERIOD.search(x) for x in col_labels + row_labels)
    fiscal = years[0] if years else (None if period else default_year)
    # A 소계 sums some parts, a 합계 with no program sums the programs: neither is a program's own money.
    role = "base" if (total and program is None) or "subtotal" in meanings else "budget"
    return Budget(
        amount=amount.value,
        unit_text=amount.surface,
        currency="KRW",
        amount_krw=amount.krw,
        kind=kind or ("total" if total else "unspecified"),
        fiscal_year=fiscal,
        program=program,
        role=role,
    )


def _amount(cell: str, unit: str | None) -> money.Amount | None:
    if is_number(cell):
        return money.parse_money(f"{cell}{unit}") if unit else None
    found = money.find_amounts(cell)
    return found[0] if len(found) == 1 and found[0].start == 0 else None


def _distinct(cells: list[str]) -> list[str]:
    """Header texts in order without the repeats a merged cell leaves in the grid."""
    return [t for t in dict.fromkeys(" ".join(x.split()) for x in cells) if t]


def _caption_year(caption: str) -> int | None:
    """The single year a caption names (`2025년 예산안 (단위: 억원)`), else None."""
    if _PERIOD.search(caption):
        return None
    years = set(re.findall(r"(?<![0-9])((?:19|20)[0-9]{2})년", caption))
    return int(years.pop()) if len(years) == 1 else None


def row_text(table: Table, r: int, found: str = "") -> str:
    """Evidence for a table fact: the caption, then the row. `found` is the row as the document text has it
    (the evidence then ends with exactly that text); a merged label it lacks comes before it."""
    cells = _distinct(list(table.grid[r]))
    if not found:
        return " · ".join(x for x in (table.caption, " | ".join(cells)) if x)
    squeezed = "".join(found.split())
    missing = [x for x in cells if "".join(x.split()) not in squeezed]
    return " · ".join(x for x in (table.caption, " | ".join(missing), found) if x)


def merge_table_budgets(prose: list[Budget], table: list[Budget]) -> list[Budget]:
    """Prose rows then table rows; a prose budget a table cell states again (same won, same or no kind) is
    dropped, since the cell carries its year, kind and program."""
    stated = {(b.amount_krw, b.kind) for b in table}
    won = {b.amount_krw for b in table}
    kept = [
        b
        for b in prose
        if not (
            b.role in ("budget", "base")
            and b.amount_krw in won
            and (b.kind == "unspecified" or (b.amount_krw, b.kind) in stated)
        )
    ]
    return kept + table
