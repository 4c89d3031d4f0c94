"""The program hierarchy as a treemap: each program sized by its headline amount, its children inside it,
and what its children do not itemise as a tile of its own. Vega-Lite has no treemap: the squarified layout is
computed here (`squarify`) and drawn as rectangles. No SQL, no streamlit (ui/charts.py re-exports it).
"""

from __future__ import annotations

from collections import defaultdict

import altair as alt
import pandas as pd

from ui import fmt
from ui.figures import PALETTE, empty_chart, local_names, look, pick, pick_key
from ui.i18n import t

REST = "#rest"  # suffix of the id of a parent's "not itemised" tile


def family_sizes(df: pd.DataFrame) -> tuple[dict[str, float], dict[str, str], dict[str, list[str]]]:
    """(size, parent, children) per program: a program's size is its own amount or, when its children add up
    to more, their sum (a parent never looks smaller than what it holds). Links leaving the frame are cut."""
    ids = set(df["program_id"])
    own = {
        r.program_id: float(r.headline_krw) if fmt.present(r.headline_krw) else 0.0 for r in df.itertuples()
    }
    parent = {r.program_id: r.parent_id if r.parent_id in ids else "" for r in df.itertuples()}
    children: dict[str, list[str]] = defaultdict(list)
    for pid, up in parent.items():
        if up:
            children[up].append(pid)
    sizes: dict[str, float] = {}

    def size(pid: str, seen: frozenset[str]) -> float:
        if pid not in sizes:
            kids = [k for k in children[pid] if k not in seen]  # a cycle a review made is cut, not followed
            sizes[pid] = max(own[pid], sum(size(k, seen | {pid}) for k in kids))
        return sizes[pid]

    for pid in own:
        size(pid, frozenset())
    return sizes, parent, children


Box = tuple[float, float, float, float]  # x0, y0, x1, y1 (y grows downwards)
W, H = 1000.0, 600.0  # the treemap's own units; the chart stretches them to its size
HEADER, PAD = 26.0, 4.0  # a parent's label band and the margin round its children, in those units
PX = 0.9  # about how many pixels one unit is across (a wide page): labels are cut to fit their tile
MAX_DEPTH = 3  # levels drawn (as plotly's maxdepth)


def _worst(row: list[float], side: float) -> float:
    total = sum(row)
    return max(max(side * side * r / (total * total), total * total / (side * side * r)) for r in row)


def squarify(values: list[float], box: Box) -> list[Box]:
    """Tiles for `values` (positive, any order) filling `box`, each area in proportion to its value and as
    close to square as rows allow (Bruls, Huizing and van Wijk's squarified treemap); in input order."""
    x0, y0, x1, y1 = box
    order = sorted(range(len(values)), key=lambda i: -values[i])
    scale = (x1 - x0) * (y1 - y0) / (sum(values) or 1.0)
    areas = [values[i] * scale for i in order]
    out: dict[int, Box] = {}
    row: list[int] = []
    k = 0
    while k < len(areas):
        side = min(x1 - x0, y1 - y0) or 1e-9
        here = [areas[j] for j in row]
        if not row or _worst([*here, areas[k]], side) <= _worst(here, side):
            row.append(k)
            k += 1
            if k < len(areas):
                continue
        # Lay the row along the short side, then go on in the rest of the box.
        total = sum(areas[j] for j in row)
        if x1 - x0 >= y1 - y0:  # a column at the left
            width, y = total / (y1 - y0), y0
            for j in row:
                h = areas[j] / width
                out[order[j]] = (x0, y, x0 + width, y + h)
                y += h
            x0 += width
        else:  # a row at the top
            height, x = total / (x1 - x0), x0
            for j in row:
                w = areas[j] / height
                out[order[j]] = (x, y0, x + w, y0 + height)
                x += w
            y0 += height
        row = []
    return [out[i] for i in range(len(values))]


def _fit(label: str, box: Box) -> str:
    """The label cut to its tile's width (Hangul about 12 px a character, Latin about 7 at 11 px)."""
    room = (box[2] - box[0]) * PX - 8
    used, out = 0.0, ""
    for ch in label:
        used += 12 if ord(ch) > 0x2E80 else 7
        if used > room:
            return out[:-1] + "…" if len(out) > 1 else ""
        out += ch
    return out


def _tiles(df: pd.DataFrame, lang: str) -> list[dict]:
    """Every drawn tile: programs inside their parents, each parent's not-itemised rest as a tile of its own."""
    sizes, parent, children = family_sizes(df)
    names = dict(zip(df["program_id"], local_names(df, "program", lang), strict=True))
    own = dict(zip(df["program_id"], df["headline_krw"], strict=True))
    roots = [p for p, v in sizes.items() if not parent[p] and v > 0]
    rows: list[dict] = []

    def place(ids: list[str], values: list[float], box: Box, depth: int, branch: int | None) -> None:
        for n, (pid, tile) in enumerate(zip(ids, squarify(values, box), strict=True)):
            colour = n if branch is None else branch
            rest = pid.endswith(REST)
            won = fmt.won(values[n], lang=lang) if rest else (
                fmt.won(own[pid], lang=lang) if fmt.present(own[pid]) else t("no_own_figure", lang))  # fmt: skip
            label = t("not_itemised", lang) if rest else str(names[pid])
            rows.append({"id": pid, "parent": pid.removesuffix(REST) if rest else parent.get(pid, ""),
                         "label": label, "text": _fit(label, tile) if tile[3] - tile[1] > 16 else "",
                         "value": values[n], "won": won, "depth": depth, "branch": colour % len(PALETTE), "rest": rest,
                         "x0": tile[0], "y0": tile[1], "x1": tile[2], "y1": tile[3],
                         "key": pick_key("p", pid.removesuffix(REST))})  # fmt: skip
            kids = [k for k in children.get(pid, []) if sizes[k] > 0] if not rest else []
            if not kids or depth + 1 >= MAX_DEPTH:
                continue
            inner = (tile[0] + PAD, tile[1] + HEADER, tile[2] - PAD, tile[3] - PAD)
            if inner[2] - inner[0] < 8 or inner[3] - inner[1] < 8:
                continue  # too small to show what it holds (the tile's hover still tells its amount)
            extra = sizes[pid] - sum(sizes[k] for k in kids)
            ids_in = kids + ([pid + REST] if extra > 0 else [])
            place(ids_in, [sizes[k] for k in kids] + ([extra] if extra > 0 else []), inner, depth + 1, colour)

    place(roots, [sizes[r] for r in roots], (0.0, 0.0, W, H), 0, None)
    return rows


def hierarchy_chart(df: pd.DataFrame, *, lang: str = "ko") -> alt.Chart:
    """Treemap of programs inside their parents, sized by headline amount (roots side by side): a squarified
    layout computed here, drawn as rectangles with their names; a tile opens its program's headline figure (a
    parent's "not itemised" tile, the parent's)."""
    if df.empty or not df["headline_krw"].map(fmt.present).any():
        return empty_chart(lang)
    tiles = pd.DataFrame(_tiles(df, lang))
    if tiles.empty:
        return empty_chart(lang)
    x = alt.X("x0:Q", scale=alt.Scale(domain=[0, W], nice=False, zero=False), axis=None)
    y = alt.Y("y0:Q", scale=alt.Scale(domain=[0, H], nice=False, zero=False, reverse=True), axis=None)
    tips = [alt.Tooltip("label:N", title=t("program", lang)), alt.Tooltip("won:N", title=t("amount", lang))]
    colours = alt.Scale(domain=list(range(len(PALETTE))), range=list(PALETTE))
    selection = pick()  # a click on a tile (or its name) opens the program's headline figure and its sentence
    rects = (
        alt.Chart(tiles)
        .mark_rect(stroke="white", strokeWidth=1.5)
        .encode(
            x=x,
            x2="x1:Q",
            y=y,
            y2="y1:Q",
            tooltip=tips,
            color=alt.condition(
                alt.datum.rest, alt.value("#d9d9d9"), alt.Color("branch:O", scale=colours, legend=None)
            ),
            opacity=alt.Opacity(
                "depth:O", scale=alt.Scale(domain=[0, 1, 2], range=[0.45, 0.7, 0.95]), legend=None
            ),
            # The picked tile is outlined (its depth's opacity stays: the nesting must still read).
            stroke=alt.when(selection, empty=False).then(alt.value("#1a1a1a")).otherwise(alt.value("white")),
        )
        .properties(name="treemap_tiles")  # the tiles' marks are g.treemap_tiles_marks in the browser
        .add_params(selection)
    )
    labels = (
        alt.Chart(tiles)
        .mark_text(align="left", baseline="top", dx=4, dy=4, fontSize=11, color="#1a1a1a")
        .encode(x=x, y=y, text="text:N", tooltip=tips)
    )
    return look(alt.layer(rects, labels).properties(name="treemap"), height=480)
