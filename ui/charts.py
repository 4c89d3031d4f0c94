"""Plotly figures from query results: one builder per chart, DataFrame in, Figure out; no SQL, no streamlit.

Every builder takes `lang` for its labels, scales won to 억원 (ko) or billion won (en) on axes, puts the
readable amount (946억원) in the hover text, and returns a figure with a "no data" note for an empty frame.
"""

from __future__ import annotations

import math

import altair as alt
import numpy as np
import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from etl.categories import SHARE_KINDS, MoneyKind
from ui import fmt
from ui.chart_inst import partners_chart as partners_chart  # re-exported: data.figure looks builders up here
from ui.chart_inst import ranking_chart as ranking_chart
from ui.chart_inst import types_chart as types_chart
from ui.chart_map import site_map_chart as site_map_chart
from ui.chart_tree import hierarchy_chart as hierarchy_chart
from ui.figures import (
    KIND_COLORS,
    MAX_LEGEND,
    OTHER_COLOR,
    PALETTE,
    calendar_day,
    date_axis,
    date_x,
    empty_chart,
    empty_figure,
    layout,
    legend,
    look,
    money_axis,
    pick,
    pick_key,
    program_ids,
    scaled,
    series_colors,
    series_labels,
    shorts,
    top_value,
    when_picked,
    won_text,
)
from ui.i18n import code, column, t


def announcements_chart(df: pd.DataFrame, *, lang: str = "ko") -> alt.Chart:
    """Documents per month, stacked by language; a bar opens that month's documents in that language."""
    if df.empty:
        return empty_chart(lang)
    data = pd.DataFrame(
        {
            "day": [calendar_day(m) for m in df["month"]],
            "month": [calendar_day(m)[:7] for m in df["month"]],
            "lang_label": [code(v, lang) for v in df["lang"]],
            "n_documents": df["n_documents"].astype(int).to_numpy(),
            "key": [pick_key("dm", calendar_day(m), g) for m, g in zip(df["month"], df["lang"], strict=True)],
        }
    )
    names = list(dict.fromkeys(data["lang_label"]))
    selection = pick()
    chart = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=date_x(df["month"], t("month", lang), unit="utcyearmonth"),
            y=alt.Y("n_documents:Q", title=t("n_documents", lang), axis=alt.Axis(format=",d", tickMinStep=1)),
            color=alt.Color("lang_label:N", scale=series_colors(names, lang), legend=legend(len(names))),
            opacity=when_picked(selection, 1.0, 0.45),
            tooltip=[
                alt.Tooltip("month:N", title=t("month", lang)),
                alt.Tooltip("lang_label:N", title=column("lang", lang)),
                alt.Tooltip("n_documents:Q", title=t("n_documents", lang), format=",d"),
            ],
        )
        .add_params(selection)
    )
    return look(chart)


def timeline_chart(df: pd.DataFrame, *, lang: str = "ko") -> go.Figure:
    """Announced amounts by date: one point per document and program, sized by amount."""
    if df.empty:
        return empty_figure(lang)
    data = df.assign(y=scaled(df["amount_krw"], lang), won=won_text(df["amount_krw"], lang))
    data["key"] = [pick_key("pd", p, d) for p, d in zip(df["program_id"], df["document_id"], strict=True)]
    data["size"] = data["y"].clip(lower=0).pow(0.5).fillna(0)
    # One colour (one plotly trace) per program costs ~8 ms a trace on every rerun: the largest
    # programs keep their own colour and the rest share one, so the chart stays fast at 100k documents.
    largest = data.groupby("program")["amount_krw"].max().nlargest(MAX_LEGEND - 1).index
    data["series"] = data["program"].where(data["program"].isin(largest), code("other", lang))
    colors = dict(zip(largest, PALETTE, strict=False)) | {code("other", lang): OTHER_COLOR}
    fig = px.scatter(
        data,
        x="announced_on",
        y="y",
        size="size",
        color="series",
        color_discrete_map=colors,
        size_max=28,
        custom_data=["program", "won", "title", "key"],
        labels={
            "announced_on": t("date", lang),
            "y": money_axis(lang, df["amount_krw"]),
            "series": t("program", lang),
        },
    )
    fig.update_traces(
        hovertemplate="%{x|%Y-%m-%d}<br>%{customdata[0]}<br><b>%{customdata[1]}</b><br>%{customdata[2]}"
    )
    return layout(date_axis(fig), money="y")


def gantt_chart(df: pd.DataFrame, *, lang: str = "ko") -> go.Figure:
    """Program periods as horizontal bars from start to end year; bar thickness and colour show the budget."""
    if df.empty:
        return empty_figure(lang)
    data = df.dropna(subset=["start_year"]).copy()
    if data.empty:  # no program states its years
        return empty_figure(lang)
    start = pd.to_datetime(data["start_year"].astype(int).astype(str) + "-01-01")
    end = pd.to_datetime(data["end_year"].fillna(data["start_year"]).astype(int).astype(str) + "-12-31")
    amount = data["headline_krw"].astype("float64").fillna(0)
    top = amount.max() or 1.0
    fig = go.Figure(
        go.Bar(
            base=start.dt.strftime("%Y-%m-%d"),
            x=(end - start).dt.total_seconds() * 1000,  # a date axis takes bar lengths in milliseconds
            y=data["program"],
            orientation="h",
            width=[0.25 + 0.65 * math.sqrt(a / top) for a in amount],
            marker={
                "color": scaled(amount, lang),
                "colorscale": [[0, "#9ecae1"], [1, "#08306b"]],  # light bars stay visible
                "showscale": True,
                "colorbar": {
                    "title": {"text": fmt.money_scale(lang, top_value(amount))[1]},
                    "tickformat": ",.1~f",
                },
            },
            customdata=list(
                zip(
                    won_text(data["headline_krw"], lang),
                    data["start_year"],
                    data["end_year"],
                    [pick_key("p", p) for p in data["program_id"]],
                    strict=True,
                )
            ),
            hovertemplate="%{y}<br>%{customdata[1]}–%{customdata[2]}<br><b>%{customdata[0]}</b><extra></extra>",
        )
    )
    fig.update_xaxes(type="date", title=t("year", lang))
    fig.update_yaxes(autorange="reversed", title="")
    return layout(fig, height=max(300, 26 * len(data) + 80))


def fiscal_year_chart(df: pd.DataFrame, *, lang: str = "ko") -> go.Figure:
    """Money per fiscal year (each program's latest statement for that year)."""
    if df.empty:
        return empty_figure(lang)
    data = df.assign(y=scaled(df["amount_krw"], lang), won=won_text(df["amount_krw"], lang))
    data["key"] = [pick_key("fy", int(y)) for y in df["fiscal_year"]]
    fig = px.bar(
        data,
        x="fiscal_year",
        y="y",
        custom_data=["won", "n_programs", "key"],
        labels={"fiscal_year": column("fiscal_year", lang), "y": money_axis(lang, df["amount_krw"])},
    )
    fig.update_traces(
        hovertemplate=f"%{{x}}<br><b>%{{customdata[0]}}</b><br>%{{customdata[1]}}{t('programs_suffix', lang)}<extra></extra>"
    )
    fig.update_xaxes(dtick=1)
    return layout(fig, money="y")


def kind_mix_chart(df: pd.DataFrame, *, lang: str = "ko") -> go.Figure:
    """Stacked national / local / private / unspecified money per program."""
    if df.empty or not df["amount_krw"].fillna(0).any():
        return empty_figure(lang)
    data = df.assign(
        x=scaled(df["amount_krw"], lang),
        won=won_text(df["amount_krw"], lang),
        kind_label=[code(k, lang) for k in df["kind"]],
        key=[pick_key("p", p, k) for p, k in zip(df["program_id"], df["kind"], strict=True)],
    )
    order = [code(k, lang) for k in (*SHARE_KINDS, MoneyKind.UNSPECIFIED)]
    fig = px.bar(
        data,
        x="x",
        y="program",
        color="kind_label",
        orientation="h",
        custom_data=["won", "key"],
        category_orders={"kind_label": order, "program": list(dict.fromkeys(data["program"]))},
        color_discrete_map={code(k, lang): c for k, c in KIND_COLORS.items()},
        labels={"x": money_axis(lang, df["amount_krw"]), "program": "", "kind_label": ""},
    )
    fig.update_traces(hovertemplate="%{y}<br>%{customdata[0]}")
    return layout(fig, height=max(300, 28 * data["program"].nunique() + 100), money="x")


def kind_totals_chart(df: pd.DataFrame, *, lang: str = "ko") -> go.Figure:
    """The overall funding mix as a donut."""
    data = df[df["amount_krw"].fillna(0) > 0]
    if data.empty:
        return empty_figure(lang)
    order = {k: i for i, k in enumerate(KIND_COLORS)}  # the same order as the stacked bars beside it
    data = data.sort_values("kind", key=lambda s: s.map(order).fillna(len(order)))
    share = data["amount_krw"].astype("float64") / data["amount_krw"].astype("float64").sum()
    fig = go.Figure(
        go.Pie(
            labels=[code(k, lang) for k in data["kind"]],
            values=data["amount_krw"].astype("float64"),
            hole=0.5,
            marker={"colors": [KIND_COLORS.get(k, "#999") for k in data["kind"]]},
            customdata=won_text(data["amount_krw"], lang),
            # Slivers get no label: "0.0032%" outside the ring was cut off at the chart's edge.
            text=[f"{p:.0%}" if p >= 0.03 else "" for p in share],
            textinfo="text",
            textposition="inside",
            hovertemplate="%{label}<br><b>%{customdata}</b><br>%{percent}<extra></extra>",
            sort=False,
        )
    )
    return layout(fig, height=320)


def cumulative_chart(df: pd.DataFrame, *, lang: str = "ko") -> go.Figure:
    """The summed headline amounts as known over time (a step line), with each month's change as bars."""
    if df.empty:
        return empty_figure(lang)
    keys = [pick_key("m", calendar_day(m)) for m in df["month"]]
    fig = go.Figure()
    fig.add_bar(
        x=df["month"],
        y=scaled(df["change_krw"], lang, top_value(df["cumulative_krw"], df["change_krw"])),
        name=t("change", lang),
        marker_color="#9ecae1",
        customdata=list(zip(won_text(df["change_krw"], lang), keys, strict=True)),
        hovertemplate="%{x|%Y-%m}<br>%{customdata[0]}<extra></extra>",
    )
    fig.add_scatter(
        x=df["month"],
        y=scaled(df["cumulative_krw"], lang, top_value(df["cumulative_krw"], df["change_krw"])),
        name=t("cumulative", lang),
        mode="lines",
        line={"shape": "hv", "width": 3, "color": "#08519c"},
        customdata=list(zip(won_text(df["cumulative_krw"], lang), keys, strict=True)),
        hovertemplate="%{x|%Y-%m}<br><b>%{customdata[0]}</b><extra></extra>",
    )
    unit = fmt.money_scale(lang, top_value(df["cumulative_krw"], df["change_krw"]))[1]
    fig.update_yaxes(title=f"{t('amount', lang)} ({unit})")
    fig.update_layout(legend={"orientation": "h", "y": 1.1})
    return layout(date_axis(fig), money="y")


def revisions_chart(df: pd.DataFrame, *, lang: str = "ko") -> go.Figure:
    """A program's figures over its announcements, one line per series (same kind, same scope: ui/sql.py
    SERIES), so a figure for another scope never reads as a revision; each point opens its own sentence."""
    if df.empty:
        return empty_figure(lang)
    series = df["series"] if "series" in df else pd.Series([""] * len(df), index=df.index)
    keys = df.get("budget_id")
    data = df.assign(
        y=scaled(df["amount_krw"], lang),
        won=won_text(df["amount_krw"], lang),
        kind_label=[code(k, lang) for k in df["kind"]],
        label=series_labels(df, lang) if "scope" in df else [code(k, lang) for k in df["kind"]],
        key=[pick_key("b", b) for b in keys]
        if keys is not None
        else [pick_key("pd", p, d) for p, d in zip(program_ids(df), df["document_id"], strict=True)],
        series=series,
    )
    fig = go.Figure()
    for n, (_, part) in enumerate(data.groupby("series", sort=False)):
        # The first label goes right of its point, the others left: labels at the plot's edges were cut off.
        text = part["won"] if len(data) <= MAX_LEGEND else None  # few announcements: each amount on its point
        fig.add_trace(
            go.Scatter(
                x=part["announced_on"], y=part["y"], name=part["label"].iloc[0], line_shape="hv",
                mode="lines+markers+text" if text is not None else "lines+markers", text=text,
                textposition=["top right"] + ["top left"] * (len(part) - 1),
                marker_color=PALETTE[n % len(PALETTE)], line_color=PALETTE[n % len(PALETTE)],
                customdata=part[["won", "kind_label", "title", "key"]].to_numpy(),
                hovertemplate="%{x|%Y-%m-%d}<br><b>%{customdata[0]}</b> (%{fullData.name})<br>"
                "%{customdata[2]}<extra></extra>",
            )
        )  # fmt: skip
    fig.update_layout(
        showlegend=True, xaxis_title=t("date", lang), yaxis_title=money_axis(lang, df["amount_krw"])
    )
    fig.update_yaxes(rangemode="tozero")
    return layout(date_axis(fig), money="y")


def coparticipation_heatmap(df: pd.DataFrame, *, lang: str = "ko") -> go.Figure:
    """Programs shared by each pair of institutions, busiest first.

    The diagonal (an institution's own count) is left blank: it dwarfed every shared count and washed the
    map out; the hover still tells it.
    """
    if df.empty:
        return empty_figure(lang)
    grid = df.pivot_table(index="institution_a", columns="institution_b", values="n_programs", fill_value=0)
    order = grid.max(axis=1).sort_values(ascending=False).index
    grid = grid.loc[order, order]
    shared = grid.to_numpy().astype("float64")
    np.fill_diagonal(shared, np.nan)
    shown = _pair_names(df, lang)
    names = [shown.get(n, n) for n in grid.index]
    # Axis labels are short (English names run to 60 characters); the hover names both in full.
    full = [
        [f"{a}: {n:.0f}" if a == b else f"{a} × {b}: {n:.0f}" for b, n in zip(names, row, strict=True)]
        for a, row in zip(names, grid.to_numpy(), strict=True)
    ]
    fig = go.Figure(
        go.Heatmap(
            z=shared,
            x=shorts(names, 16),
            y=shorts(names, 32),
            customdata=full,
            colorscale="Blues",
            hoverongaps=True,
            hovertemplate="%{customdata}<extra></extra>",
            colorbar={"title": {"text": t("programs_axis", lang)}},
        )
    )
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(tickangle=-45)
    return layout(fig, height=max(360, 24 * len(grid) + 200))


def _pair_names(df: pd.DataFrame, lang: str) -> dict[str, str]:
    """Institution name → the name to show (English where known, in English)."""
    if lang != "en" or "institution_a_en" not in df:
        return {}
    en = df.dropna(subset=["institution_a_en"])
    return dict(zip(en["institution_a"], en["institution_a_en"], strict=True))
