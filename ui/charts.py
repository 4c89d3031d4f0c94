"""Plotly figures from query results: one builder per chart, DataFrame in, Figure out; no SQL, no streamlit.

Every builder takes `lang` for its labels, scales won to 억원 (ko) or billion won (en) on axes, puts the
readable amount (946억원) in the hover text, and returns a figure with a "no data" note for an empty frame.
"""

from __future__ import annotations

import math

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from ui import fmt
from ui.i18n import code, column, t

# Hangul needs a CJK font in the browser; Noto Sans CJK comes with fonts-noto-cjk, NanumGothic is common on Windows.
FONT = "Noto Sans CJK KR, Noto Sans KR, NanumGothic, Malgun Gothic, Apple SD Gothic Neo, sans-serif"
KIND_COLORS = {
    "total": "#4c78a8",
    "national": "#1f77b4",
    "local": "#2ca02c",
    "private": "#ff7f0e",
    "unspecified": "#9d9d9d",
}
STATUS_COLORS = {"open": "#2ca02c", "planned": "#ff7f0e", None: "#7f7f7f"}
MAX_LEGEND = 12  # more colour groups than this and the legend is hidden


def _layout(fig: go.Figure, title: str = "", height: int | None = None, money: str = "") -> go.Figure:
    fig.update_layout(
        font={"family": FONT},
        title={"text": title} if title else None,
        margin={"l": 10, "r": 10, "t": 40 if title else 10, "b": 10},
        legend={"title": {"text": ""}},
        hoverlabel={"font": {"family": FONT}},
    )
    if money == "x":
        fig.update_xaxes(tickformat=",.1~f")  # plain numbers: "120k 억원" would read wrong
    elif money == "y":
        fig.update_yaxes(tickformat=",.1~f")
    if height:
        fig.update_layout(height=height)
    return fig


def empty_figure(lang: str = "ko", title: str = "") -> go.Figure:
    """A blank figure that says there is no data."""
    fig = go.Figure()
    fig.add_annotation(text=t("no_rows", lang), showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper")
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return _layout(fig, title, height=240)


def _top(*series: pd.Series) -> float:
    values = [float(v) for sr in series for v in (sr.abs().max(),) if not pd.isna(v)]
    return max(values, default=0.0)


def _scaled(values: pd.Series, lang: str, top: float | None = None) -> pd.Series:
    divisor, _ = fmt.money_scale(lang, _top(values) if top is None else top)
    return values.astype("float64") / divisor


def _money_axis(lang: str, values: pd.Series) -> str:
    return f"{t('amount', lang)} ({fmt.money_scale(lang, _top(values))[1]})"


def _won_text(values: pd.Series, lang: str) -> list[str]:
    return [fmt.won(v, lang=lang) for v in values]


def announcements_chart(df: pd.DataFrame, *, lang: str = "ko") -> go.Figure:
    """Documents per month, stacked by language."""
    if df.empty:
        return empty_figure(lang)
    data = df.assign(lang_label=[code(v, lang) for v in df["lang"]])
    fig = px.bar(
        data,
        x="month",
        y="n_documents",
        color="lang_label",
        labels={"month": t("month", lang), "n_documents": t("n_documents", lang), "lang_label": ""},
    )
    return _layout(fig)


def timeline_chart(df: pd.DataFrame, *, lang: str = "ko") -> go.Figure:
    """Announced amounts by date: one point per document and program, sized by amount."""
    if df.empty:
        return empty_figure(lang)
    data = df.assign(y=_scaled(df["amount_krw"], lang), won=_won_text(df["amount_krw"], lang))
    data["size"] = data["y"].clip(lower=0).pow(0.5).fillna(0)
    fig = px.scatter(
        data,
        x="announced_on",
        y="y",
        size="size",
        color="program",
        size_max=28,
        custom_data=["program", "won", "title"],
        labels={
            "announced_on": t("date", lang),
            "y": _money_axis(lang, df["amount_krw"]),
            "program": t("program", lang),
        },
    )
    fig.update_traces(
        hovertemplate="%{x|%Y-%m-%d}<br>%{customdata[0]}<br><b>%{customdata[1]}</b><br>%{customdata[2]}"
    )
    fig.update_layout(showlegend=data["program"].nunique() <= MAX_LEGEND)
    return _layout(fig, money="y")


def gantt_chart(df: pd.DataFrame, *, lang: str = "ko") -> go.Figure:
    """Program periods as horizontal bars from start to end year; bar thickness and colour show the budget."""
    if df.empty:
        return empty_figure(lang)
    data = df.dropna(subset=["start_year"]).copy()
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
                "color": _scaled(amount, lang),
                "colorscale": [[0, "#9ecae1"], [1, "#08306b"]],  # light bars stay visible
                "showscale": True,
                "colorbar": {
                    "title": {"text": fmt.money_scale(lang, _top(amount))[1]},
                    "tickformat": ",.1~f",
                },
            },
            customdata=list(
                zip(_won_text(data["headline_krw"], lang), data["start_year"], data["end_year"], strict=True)
            ),
            hovertemplate="%{y}<br>%{customdata[1]}–%{customdata[2]}<br><b>%{customdata[0]}</b><extra></extra>",
        )
    )
    fig.update_xaxes(type="date", title=t("year", lang))
    fig.update_yaxes(autorange="reversed", title="")
    return _layout(fig, height=max(300, 26 * len(data) + 80))


def fiscal_year_chart(df: pd.DataFrame, *, lang: str = "ko") -> go.Figure:
    """Money per fiscal year (each program's latest statement for that year)."""
    if df.empty:
        return empty_figure(lang)
    data = df.assign(y=_scaled(df["amount_krw"], lang), won=_won_text(df["amount_krw"], lang))
    fig = px.bar(
        data,
        x="fiscal_year",
        y="y",
        custom_data=["won", "n_programs"],
        labels={"fiscal_year": column("fiscal_year", lang), "y": _money_axis(lang, df["amount_krw"])},
    )
    fig.update_traces(
        hovertemplate="%{x}<br><b>%{customdata[0]}</b><br>%{customdata[1]} programs<extra></extra>"
    )
    fig.update_xaxes(dtick=1)
    return _layout(fig, money="y")


def kind_mix_chart(df: pd.DataFrame, *, lang: str = "ko") -> go.Figure:
    """Stacked national / local / private / unspecified money per program."""
    if df.empty or not df["amount_krw"].fillna(0).any():
        return empty_figure(lang)
    data = df.assign(
        x=_scaled(df["amount_krw"], lang),
        won=_won_text(df["amount_krw"], lang),
        kind_label=[code(k, lang) for k in df["kind"]],
    )
    order = [code(k, lang) for k in ("national", "local", "private", "unspecified")]
    fig = px.bar(
        data,
        x="x",
        y="program",
        color="kind_label",
        orientation="h",
        custom_data=["won"],
        category_orders={"kind_label": order, "program": list(dict.fromkeys(data["program"]))},
        color_discrete_map={code(k, lang): c for k, c in KIND_COLORS.items()},
        labels={"x": _money_axis(lang, df["amount_krw"]), "program": "", "kind_label": ""},
    )
    fig.update_traces(hovertemplate="%{y}<br>%{customdata[0]}")
    return _layout(fig, height=max(300, 28 * data["program"].nunique() + 100), money="x")


def kind_totals_chart(df: pd.DataFrame, *, lang: str = "ko") -> go.Figure:
    """The overall funding mix as a donut."""
    data = df[df["amount_krw"].fillna(0) > 0]
    if data.empty:
        return empty_figure(lang)
    labels = [code(k, lang) for k in data["kind"]]
    fig = go.Figure(
        go.Pie(
            labels=labels,
            values=data["amount_krw"].astype("float64"),
            hole=0.5,
            marker={"colors": [KIND_COLORS.get(k, "#999") for k in data["kind"]]},
            customdata=_won_text(data["amount_krw"], lang),
            hovertemplate="%{label}<br><b>%{customdata}</b><br>%{percent}<extra></extra>",
            sort=False,
        )
    )
    return _layout(fig, height=320)


def cumulative_chart(df: pd.DataFrame, *, lang: str = "ko") -> go.Figure:
    """The summed headline amounts as known over time (a step line), with each month's change as bars."""
    if df.empty:
        return empty_figure(lang)
    fig = go.Figure()
    fig.add_bar(
        x=df["month"],
        y=_scaled(df["change_krw"], lang, _top(df["cumulative_krw"], df["change_krw"])),
        name=t("month", lang),
        marker_color="#9ecae1",
        customdata=_won_text(df["change_krw"], lang),
        hovertemplate="%{x|%Y-%m}<br>%{customdata}<extra></extra>",
    )
    fig.add_scatter(
        x=df["month"],
        y=_scaled(df["cumulative_krw"], lang, _top(df["cumulative_krw"], df["change_krw"])),
        name=t("cumulative", lang),
        mode="lines",
        line={"shape": "hv", "width": 3, "color": "#08519c"},
        customdata=_won_text(df["cumulative_krw"], lang),
        hovertemplate="%{x|%Y-%m}<br><b>%{customdata}</b><extra></extra>",
    )
    unit = fmt.money_scale(lang, _top(df["cumulative_krw"], df["change_krw"]))[1]
    fig.update_yaxes(title=f"{t('amount', lang)} ({unit})")
    fig.update_layout(legend={"orientation": "h", "y": 1.1})
    return _layout(fig, money="y")


def revisions_chart(df: pd.DataFrame, *, lang: str = "ko") -> go.Figure:
    """A program's announced figure at each announcement: how its amount was revised."""
    if df.empty:
        return empty_figure(lang)
    data = df.assign(
        y=_scaled(df["amount_krw"], lang),
        won=_won_text(df["amount_krw"], lang),
        kind_label=[code(k, lang) for k in df["kind"]],
    )
    fig = px.line(
        data,
        x="announced_on",
        y="y",
        markers=True,
        custom_data=["won", "kind_label", "title"],
        labels={"announced_on": t("date", lang), "y": _money_axis(lang, df["amount_krw"])},
    )
    fig.update_traces(
        line_shape="hv",
        hovertemplate="%{x|%Y-%m-%d}<br><b>%{customdata[0]}</b> (%{customdata[1]})<br>%{customdata[2]}<extra></extra>",
    )
    return _layout(fig, money="y")


def ranking_chart(df: pd.DataFrame, *, metric: str = "n_programs", lang: str = "ko") -> go.Figure:
    """Institutions as horizontal bars by programs (or program money), coloured by type."""
    if df.empty:
        return empty_figure(lang)
    money = metric == "money_krw"
    data = df.assign(
        x=_scaled(df[metric], lang) if money else df[metric],
        type_label=[code(v, lang) for v in df["type"]],
        won=_won_text(df["money_krw"], lang),
    )
    fig = px.bar(
        data,
        x="x",
        y="institution",
        color="type_label",
        orientation="h",
        custom_data=["n_programs", "won"],
        category_orders={"institution": list(data["institution"])},
        labels={
            "x": _money_axis(lang, df[metric]) if money else t("programs_axis", lang),
            "institution": "",
            "type_label": "",
        },
    )
    fig.update_traces(hovertemplate="%{y}<br>%{customdata[0]} · %{customdata[1]}<extra></extra>")
    return _layout(fig, height=max(300, 24 * len(data) + 80), money="x" if money else "")


def types_chart(df: pd.DataFrame, *, lang: str = "ko") -> go.Figure:
    """Institutions and programs per institution type."""
    if df.empty:
        return empty_figure(lang)
    data = df.assign(type_label=[code(v, lang) for v in df["type"]], won=_won_text(df["money_krw"], lang))
    fig = go.Figure()
    for col in ("n_institutions", "n_programs"):
        fig.add_bar(
            x=data["type_label"],
            y=data[col],
            name=column(col, lang),
            customdata=data["won"],
            hovertemplate="%{x}<br>%{y}<br>%{customdata}<extra></extra>",
        )
    fig.update_layout(barmode="group", legend={"orientation": "h", "y": 1.1})
    return _layout(fig)


def coparticipation_heatmap(df: pd.DataFrame, *, lang: str = "ko") -> go.Figure:
    """Programs shared by each pair of institutions (the diagonal is an institution's own count)."""
    if df.empty:
        return empty_figure(lang)
    grid = df.pivot_table(index="institution_a", columns="institution_b", values="n_programs", fill_value=0)
    order = grid.max(axis=1).sort_values(ascending=False).index
    grid = grid.loc[order, order]
    fig = go.Figure(
        go.Heatmap(
            z=grid.to_numpy(),
            x=list(grid.columns),
            y=list(grid.index),
            colorscale="Blues",
            hovertemplate="%{y} × %{x}<br>%{z}<extra></extra>",
            colorbar={"title": {"text": t("programs_axis", lang)}},
        )
    )
    fig.update_yaxes(autorange="reversed")
    return _layout(fig, height=max(360, 22 * len(grid) + 140))


def partners_chart(df: pd.DataFrame, *, lang: str = "ko") -> go.Figure:
    """Foreign partner countries: programs naming them and their institutions taking part."""
    if df.empty:
        return empty_figure(lang)
    label = df["country_ko"] if lang == "ko" else df["country_en"]
    fig = go.Figure()
    for col in ("n_programs", "n_institutions"):
        fig.add_bar(x=label, y=df[col], name=column(col, lang))
    fig.update_layout(barmode="group", legend={"orientation": "h", "y": 1.1})
    return _layout(fig)


def site_map_chart(df: pd.DataFrame, *, lang: str = "ko") -> go.Figure:
    """Sites on an OpenStreetMap map (no token needed), sized by floor area, coloured by status."""
    data = df.dropna(subset=["lat", "lon"])
    if data.empty:
        return empty_figure(lang)
    root = data["area_m2"].astype("float64").fillna(0).clip(lower=0).pow(0.5)
    data = data.assign(
        status_label=[code(v, lang) for v in data["status"]],
        size=root + root.max() / 5 + 1,  # sites without an area still show as small dots
        area_text=[fmt.area(v, lang=lang) for v in data["area_m2"]],
    )
    fig = px.scatter_map(
        data,
        lat="lat",
        lon="lon",
        size="size",
        color="status_label",
        size_max=16,
        opacity=0.75,
        zoom=5.6,
        center={"lat": 36.2, "lon": 127.8},
        map_style="open-street-map",
        custom_data=["name", "address", "area_text", "program"],
        color_discrete_map={code(k, lang): c for k, c in STATUS_COLORS.items()},
        labels={"status_label": ""},
    )
    fig.update_traces(
        hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[1]}<br>%{customdata[2]}<br>%{customdata[3]}<extra></extra>"
    )
    return _layout(fig, height=560)
