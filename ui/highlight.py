"""A document's text with its extracted facts marked, as safe HTML: every character of the document is escaped.

The only markup is our own `<mark>` around fact spans, so nothing in a document can inject HTML.
"""

from __future__ import annotations

import html
import itertools
import numbers
from collections.abc import Callable, Iterable
from dataclasses import dataclass

COLORS = {
    "budget": "#ffe08a",
    "mention": "#b8d8ff",
    "participation": "#c3efc0",
    "site": "#ffc9a8",
    "country_fact": "#e2c8ff",
}


@dataclass(frozen=True)
class Span:
    """A fact's place in the document text."""

    start: int
    end: int
    fact: str  # budget | mention | participation | site | country_fact
    label: str


def locate(text: str, start: object, end: object, evidence: object) -> tuple[int, int] | None:
    """A valid span for a fact: its stored offsets, or where its evidence sentence occurs, or None."""
    # Offsets arrive as numpy ints, floats (NaN when missing) or pd.NA, depending on the column's dtype.
    ok = isinstance(start, numbers.Real) and isinstance(end, numbers.Real) and start == start and end == end
    if ok and 0 <= int(start) < int(end) <= len(text):
        s, e = int(start), int(end)
        # a table fact's evidence is `caption · row`, its span the row as the text has it
        if not isinstance(evidence, str) or text[s:e] == evidence or evidence.endswith(f" · {text[s:e]}"):
            return s, e
    if isinstance(evidence, str) and evidence:
        at = text.find(evidence)
        if at >= 0:
            return at, at + len(evidence)
    return None


def highlight_html(text: str, spans: Iterable[Span]) -> str:
    """The text, HTML-escaped, with overlapping fact spans merged into marked segments (first fact's colour)."""
    spans = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    out: list[str] = []
    for a, b in itertools.pairwise(cuts):
        piece = html.escape(text[a:b], quote=True)
        covering = [s for s in spans if s.start <= a and b <= s.end]
        if not covering:
            out.append(piece)
            continue
        title = html.escape(" · ".join(dict.fromkeys(s.label for s in covering)), quote=True)
        color = COLORS.get(covering[0].fact, "#eeeeee")
        out.append(f'<mark style="background:{color};padding:0 1px" title="{title}">{piece}</mark>')
    body = "".join(out)
    return f'<div style="white-space:pre-wrap;line-height:1.7;font-size:0.95rem">{body}</div>'


def table_html(grid: list[list[str]], marks: dict[tuple[int, int], str], caption: str = "") -> str:
    """A document's table as escaped HTML; cells holding a fact are marked, their label in the tooltip.

    A merged cell's text fills every slot it covers (the stored grid), so columns stay aligned.
    """
    rows = []
    for r, row in enumerate(grid):
        cells = []
        for c, cell in enumerate(row):
            style = "border:1px solid #ccc;padding:2px 6px"
            label = marks.get((r, c))
            if label is not None:
                style += f";background:{COLORS['budget']}"
            title = f' title="{html.escape(label, quote=True)}"' if label else ""
            cells.append(f'<td style="{style}"{title}>{html.escape(str(cell), quote=True)}</td>')
        rows.append("<tr>" + "".join(cells) + "</tr>")
    head = f"<caption>{html.escape(caption, quote=True)}</caption>" if caption else ""
    return f'<table style="border-collapse:collapse;font-size:0.9rem">{head}{"".join(rows)}</table>'


def cell_marks(cells: list[dict], seq: int, label: Callable[[dict], str]) -> dict[tuple[int, int], str]:
    """(row, col) → tooltip for the fact cells of table `seq` (rows of table_cells)."""
    return {(int(c["cell_row"]), int(c["cell_col"])): label(c) for c in cells if int(c["table_seq"]) == seq}


def legend_html(labels: dict[str, str]) -> str:
    """Colour swatches for the fact kinds (labels: fact kind → display word)."""
    items = [
        f'<mark style="background:{COLORS[k]};padding:0 6px;margin-right:8px">{html.escape(v)}</mark>'
        for k, v in labels.items()
        if k in COLORS
    ]
    return "<div>" + "".join(items) + "</div>"
