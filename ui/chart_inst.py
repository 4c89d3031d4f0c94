"""Institution charts: the ranking by programs, institutions and programs per type, partner countries; every
bar carries the key of the facts behind it (ui/figures.pick_key). No SQL, no streamlit (ui/charts.py
re-exports them)."""

from __future__ import annotations

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from ui.figures import empty_figure, layout, local_names, pick_key, shorts
from ui.i18n import code, column, t


def ranking_chart(df: pd.DataFrame, *, lang: str = "ko") -> go.Figure:
    """Institutions as horizontal bars by the programs they take part in, coloured by type (no money: no fact
    assigns an amount to an institution)."""
    if df.empty:
        return empty_figure(lang)
    data = df.assign(
        type_label=[code(v, lang) for v in df["type"]],
        full=local_names(df, "institution", lang),
        key=[pick_key("i", i) for i in df["institution_id"]],
    )
    data["institution"] = shorts([str(n) for n in data["full"]], 40)
    fig = px.bar(
        data,
        x="n_programs",
        y="institution",
        color="type_label",
        orientation="h",
        custom_data=["n_documents", "full", "key"],
        category_orders={"institution": list(data["institution"])},
        labels={"n_programs": t("programs_axis", lang), "institution": "", "type_label": ""},
    )
    fig.update_traces(
        hovertemplate=f"%{{customdata[1]}}<br>%{{x}}{t('programs_suffix', lang)} · %{{customdata[0]}} "
        f"{column('n_documents', lang)}<extra></extra>"
    )
    fig.update_xaxes(tickformat=",d")
    return layout(fig, height=max(300, 24 * len(data) + 80))


def types_chart(df: pd.DataFrame, *, lang: str = "ko") -> go.Figure:
    """Institutions and programs per institution type."""
    if df.empty:
        return empty_figure(lang)
    data = df.assign(
        type_label=[code(v, lang) for v in df["type"]], key=[pick_key("t", v) for v in df["type"]]
    )
    fig = go.Figure()
    for col in ("n_institutions", "n_programs"):
        fig.add_bar(
            x=data["type_label"],
            y=data[col],
            name=column(col, lang),
            customdata=data["key"],
            hovertemplate="%{x}<br>%{y}<extra></extra>",
        )
    fig.update_layout(barmode="group", legend={"orientation": "h", "y": 1.1})
    return layout(fig)


def partners_chart(df: pd.DataFrame, *, lang: str = "ko") -> go.Figure:
    """Foreign partner countries: programs naming them and their institutions taking part."""
    if df.empty:
        return empty_figure(lang)
    label = df["country_ko"] if lang == "ko" else df["country_en"]
    fig = go.Figure()
    keys = [pick_key("c", c) for c in df["iso2"]]
    for col in ("n_programs", "n_institutions"):
        fig.add_bar(x=label, y=df[col], name=column(col, lang), customdata=keys)
    fig.update_layout(barmode="group", legend={"orientation": "h", "y": 1.1})
    fig.update_yaxes(title=t("count", lang), tickformat=",d", rangemode="tozero")
    return layout(fig)
