"""The program hierarchy as a treemap: each program sized by its headline amount, its children inside it,
and what its children do not itemise as a tile of its own. No SQL, no streamlit (ui/charts.py re-exports it).
"""

from __future__ import annotations

from collections import defaultdict

import pandas as pd
import plotly.graph_objects as go

from ui import fmt
from ui.figures import empty_figure, layout, local_names
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


def hierarchy_chart(df: pd.DataFrame, *, lang: str = "ko") -> go.Figure:
    """Treemap of programs inside their parents, sized by headline amount (roots side by side)."""
    if df.empty or not df["headline_krw"].map(fmt.present).any():
        return empty_figure(lang)
    sizes, parent, children = family_sizes(df)
    names = dict(zip(df["program_id"], local_names(df, "program", lang), strict=True))
    own = dict(zip(df["program_id"], df["headline_krw"], strict=True))
    ids, labels, parents, values, hover = [], [], [], [], []
    for pid, value in sizes.items():
        if value <= 0:
            continue
        ids.append(pid)
        labels.append(str(names[pid]))
        parents.append(parent[pid])
        values.append(value)
        hover.append(fmt.won(own[pid], lang=lang) if fmt.present(own[pid]) else t("no_own_figure", lang))
        rest = value - sum(sizes[k] for k in children[pid])
        if children[pid] and rest > 0:
            ids.append(pid + REST)
            labels.append(t("not_itemised", lang))
            parents.append(pid)
            values.append(rest)
            hover.append(fmt.won(rest, lang=lang))
    fig = go.Figure(
        go.Treemap(
            ids=ids, labels=labels, parents=parents, values=values, branchvalues="total",
            customdata=hover, hovertemplate="%{label}<br>%{customdata}<extra></extra>", maxdepth=3,
        )
    )  # fmt: skip
    return layout(fig, height=480)
