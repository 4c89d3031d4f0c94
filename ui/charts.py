"""Charts from query results: one builder per chart, DataFrame in, Altair (Vega-Lite) chart out; no SQL, no
streamlit.

Every builder takes `lang` for its labels, scales won to 억원 (ko) or billion won (en) on axes, puts the
readable amount (946억원) in the tooltip, gives each clickable mark a `key` field with the PICK selection over
it (ui/figures.pick), and returns a chart with a "no data" note for an empty frame.
"""

from __future__ import annotations

import math

import altair as alt
import pandas as pd

from etl.categories import SHARE_KINDS, MoneyKind
from ui import fmt
from ui.chart_inst import coparticipation_heatmap as coparticipation_heatmap  # re-exported: data.figure
from ui.chart_inst import partners_chart as partners_chart  # looks every builder up here
from ui.chart_inst import ranking_chart as ranking_chart
from ui.chart_inst import types_chart as types_chart
from ui.chart_map import site_map_chart as site_map_chart
from ui.chart_tree import hierarchy_chart as hierarchy_chart
from ui.figures import (
    KIND_COLORS,
    MAX_LEGEND,
    PALETTE,
    calendar_day,
    clickable,
    date_x,
    empty_chart,
    legend,
    look,
    money_axis,
    money_format,
    pick_key,
    program_ids,
    scaled,
    series_colors,
    series_labels,
    tips,
    top_value,
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
            "month": [(calendar_day(m) or "")[:7] for m in df["month"]],
            "lang_label": [code(v, lang) for v in df["lang"]],
            "n_documents": df["n_documents"].astype(int).to_numpy(),
            "key": [pick_key("dm", calendar_day(m), g) for m, g in zip(df["month"], df["lang"], strict=True)],
        }
    )
    names = list(dict.fromkeys(data["lang_label"]))
    chart = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=date_x(df["month"], t("month", lang), unit="utcyearmonth"),
            y=alt.Y("n_documents:Q", title=t("n_documents", lang), axis=alt.Axis(format=",d", tickMinStep=1)),
            color=alt.Color("lang_label:N", scale=series_colors(names, lang), legend=legend(len(names))),
            tooltip=[
                alt.Tooltip("month:N", title=t("month", lang)),
                alt.Tooltip("lang_label:N", title=column("lang", lang)),
                alt.Tooltip("n_documents:Q", title=t("n_documents", lang), format=",d"),
            ],
        )
    )
    return look(clickable(chart))


def _won_axis(df: pd.DataFrame, lang: str, *cols: str) -> tuple[float, str]:
    """The one scale of a money chart's columns: (top value, axis title with its unit)."""
    top = top_value(*(df[c] for c in cols))
    return top, f"{t('amount', lang)} ({fmt.money_scale(lang, top)[1]})"


def _timeline_frame(df: pd.DataFrame, lang: str) -> tuple[pd.DataFrame, list[str]]:
    """The timeline's points, and the programs that keep their own colour: the largest (the rest share "other":
    a legend of hundreds of programs reads as nothing, and colours would repeat)."""
    data = pd.DataFrame(
        {
            "day": [calendar_day(d) for d in df["announced_on"]],
            "date": [calendar_day(d) for d in df["announced_on"]],  # text: Vega-Lite parses `day` into a time
            "y": scaled(df["amount_krw"], lang).to_numpy(),
            "won": won_text(df["amount_krw"], lang),
            "program": df["program"].astype(str).to_numpy(),
            "title": df["title"].fillna("").astype(str).to_numpy(),
            "key": [pick_key("pd", p, d) for p, d in zip(df["program_id"], df["document_id"], strict=True)],
        }
    )
    data["size"] = data["y"].clip(lower=0).pow(0.5).fillna(0)
    amount = pd.Series(df["amount_krw"].to_numpy(), index=data.index)
    largest = list(amount.groupby(data["program"]).max().nlargest(MAX_LEGEND - 1).index)
    data["series"] = data["program"].where(data["program"].isin(largest), code("other", lang))
    return data, largest


def timeline_chart(df: pd.DataFrame, *, lang: str = "ko") -> alt.Chart:
    """Announced amounts by date: one point per document and program, sized by amount."""
    if df.empty:
        return empty_chart(lang)
    data, largest = _timeline_frame(df, lang)
    other = len(largest) < data["program"].nunique()
    colours = series_colors(largest, lang, other=other)
    chart = (
        alt.Chart(data)
        .mark_circle(stroke="white", strokeWidth=0.5)
        .encode(
            x=date_x(df["announced_on"], t("date", lang)),
            y=alt.Y("y:Q", axis=money_format(money_axis(lang, df["amount_krw"]))),
            size=alt.Size("size:Q", scale=alt.Scale(range=[20, 700]), legend=None),
            color=alt.Color("series:N", scale=colours, legend=legend(len(largest) + other)),
            tooltip=tips(
                date=t("date", lang),
                program=t("program", lang),
                won=t("amount", lang),
                title=column("title", lang),
            ),
        )
    )
    return look(clickable(chart, full=0.8, dim=0.25))


def _gantt_frame(data: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One bar per program: from 1 January of its start year to 31 December of its end year, as thick as its
    budget allows in a 26 px row."""
    first = data["start_year"].astype(int)
    last = data["end_year"].fillna(data["start_year"]).astype(int)
    amount = data["headline_krw"].astype("float64").fillna(0)
    top = amount.max() or 1.0
    return pd.DataFrame(
        {
            "program": data["program"].astype(str).to_numpy(),
            "start": [f"{y}-01-01" for y in first],
            "end": [f"{y}-12-31" for y in last],
            "years": [f"{a}–{b}" if a != b else str(a) for a, b in zip(first, last, strict=True)],
            "y": scaled(amount, lang).to_numpy(),
            "won": won_text(data["headline_krw"], lang),
            "thick": [4 + 14 * math.sqrt(a / top) for a in amount],
            "key": [pick_key("p", p) for p in data["program_id"]],
        }
    )


def gantt_chart(df: pd.DataFrame, *, lang: str = "ko") -> alt.Chart:
    """Program periods as horizontal bars from start to end year; bar thickness and colour show the budget."""
    data = df.dropna(subset=["start_year"])
    if data.empty:  # nothing, or no program states its years
        return empty_chart(lang)
    bars = _gantt_frame(data, lang)
    unit = fmt.money_scale(lang, top_value(data["headline_krw"].astype("float64").fillna(0)))[1]
    days = pd.concat([bars["start"], bars["end"]])
    chart = (
        alt.Chart(bars)
        .mark_bar()
        .encode(
            x=date_x(days, t("year", lang), field="start", unit="utcyear"),
            x2="end:T",
            y=alt.Y("program:N", sort=list(dict.fromkeys(bars["program"])), title=None),
            size=alt.Size("thick:Q", scale=None),
            color=alt.Color(
                "y:Q",
                scale=alt.Scale(range=["#9ecae1", "#08306b"]),  # light bars stay visible
                legend=alt.Legend(title=unit, format=",.1~f"),
            ),
            tooltip=tips(program=t("program", lang), years=t("year", lang), won=t("amount", lang)),
        )
    )
    return look(clickable(chart), height=max(300, 26 * len(bars) + 80))


def fiscal_year_chart(df: pd.DataFrame, *, lang: str = "ko") -> alt.Chart:
    """Money per fiscal year (each program's latest statement for that year)."""
    if df.empty:
        return empty_chart(lang)
    data = pd.DataFrame(
        {
            "fiscal_year": df["fiscal_year"].astype(int).to_numpy(),
            "y": scaled(df["amount_krw"], lang).to_numpy(),
            "won": won_text(df["amount_krw"], lang),
            "programs": [f"{int(n)}{t('programs_suffix', lang)}" for n in df["n_programs"]],
            "key": [pick_key("fy", int(y)) for y in df["fiscal_year"]],
        }
    )
    chart = (
        alt.Chart(data)
        .mark_bar(color=PALETTE[0])
        .encode(
            x=alt.X("fiscal_year:O", title=column("fiscal_year", lang), axis=alt.Axis(labelAngle=0)),
            y=alt.Y("y:Q", axis=money_format(money_axis(lang, df["amount_krw"]))),
            tooltip=[
                alt.Tooltip("fiscal_year:O", title=column("fiscal_year", lang)),
                alt.Tooltip("won:N", title=t("amount", lang)),
                alt.Tooltip("programs:N", title=t("programs_axis", lang)),
            ],
        )
    )
    return look(clickable(chart))


def kind_mix_chart(df: pd.DataFrame, *, lang: str = "ko") -> alt.Chart:
    """Stacked national / local / private / unspecified money per program."""
    if df.empty or not df["amount_krw"].fillna(0).any():
        return empty_chart(lang)
    kinds = [*SHARE_KINDS, MoneyKind.UNSPECIFIED]
    rank = {k: i for i, k in enumerate(kinds)}
    data = pd.DataFrame(
        {
            "program": df["program"].astype(str).to_numpy(),
            "x": scaled(df["amount_krw"], lang).to_numpy(),
            "won": won_text(df["amount_krw"], lang),
            "kind_label": [code(k, lang) for k in df["kind"]],
            "rank": [rank.get(k, len(rank)) for k in df["kind"]],
            "key": [pick_key("p", p, k) for p, k in zip(df["program_id"], df["kind"], strict=True)],
        }
    )
    chart = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X("x:Q", axis=money_format(money_axis(lang, df["amount_krw"])), stack="zero"),
            y=alt.Y("program:N", sort=list(dict.fromkeys(data["program"])), title=None),
            color=alt.Color(
                "kind_label:N",
                legend=alt.Legend(title=None),
                scale=alt.Scale(domain=[code(k, lang) for k in kinds], range=[KIND_COLORS[k] for k in kinds]),
            ),
            order=alt.Order("rank:Q"),
            tooltip=[
                alt.Tooltip("program:N", title=t("program", lang)),
                alt.Tooltip("kind_label:N", title=column("kind", lang)),
                alt.Tooltip("won:N", title=t("amount", lang)),
            ],
        )
    )
    return look(clickable(chart), height=max(300, 28 * data["program"].nunique() + 100))


def kind_totals_chart(df: pd.DataFrame, *, lang: str = "ko") -> alt.Chart:
    """The overall funding mix as a donut; a slice (or its label) opens the programs' figures of its kind."""
    kept = df[df["amount_krw"].fillna(0) > 0]
    if kept.empty:
        return empty_chart(lang)
    order = {k: i for i, k in enumerate(KIND_COLORS)}  # the same order as the stacked bars beside it
    kept = kept.sort_values("kind", key=lambda s: s.map(order).fillna(len(order)))
    amount = kept["amount_krw"].astype("float64")
    share = amount / amount.sum()
    data = pd.DataFrame(
        {
            "kind_label": [code(k, lang) for k in kept["kind"]],
            "amount": amount.to_numpy(),
            "won": won_text(kept["amount_krw"], lang),
            "share": [f"{p:.0%}" for p in share],
            # Slivers get no label: "0.0032%" beside the ring was cut off at the chart's edge.
            "label": [f"{p:.0%}" if p >= 0.03 else "" for p in share],
            "rank": [order.get(k, len(order)) for k in kept["kind"]],
            "key": [pick_key("kt", k) for k in kept["kind"]],
        }
    )
    colours = alt.Scale(
        domain=list(data["kind_label"]), range=[KIND_COLORS.get(k, "#999") for k in kept["kind"]]
    )
    base = alt.Chart(data).encode(
        theta=alt.Theta("amount:Q", stack=True), order=alt.Order("rank:Q"),
        color=alt.Color("kind_label:N", scale=colours, legend=alt.Legend(title=None)),
        tooltip=[alt.Tooltip("kind_label:N", title=column("kind", lang)), alt.Tooltip("won:N", title=t("amount", lang)),
                 alt.Tooltip("share:N", title="%")],
    )  # fmt: skip
    ring = clickable(base.mark_arc(innerRadius=60, outerRadius=110))
    text = base.mark_text(radius=85, size=13, color="white", fontWeight="bold").encode(text="label:N")
    return look(alt.layer(ring, text), height=320)


def cumulative_chart(df: pd.DataFrame, *, lang: str = "ko") -> alt.Chart:
    """The summed headline amounts as known over time (a step line), with each month's change as bars."""
    if df.empty:
        return empty_chart(lang)
    top, title = _won_axis(df, lang, "cumulative_krw", "change_krw")
    names = [t("change", lang), t("cumulative", lang)]
    data = pd.DataFrame(
        {
            "day": [calendar_day(m) for m in df["month"]],
            "month": [(calendar_day(m) or "")[:7] for m in df["month"]],
            "change": scaled(df["change_krw"], lang, top).to_numpy(),
            "cumulative": scaled(df["cumulative_krw"], lang, top).to_numpy(),
            "change_won": won_text(df["change_krw"], lang),
            "cumulative_won": won_text(df["cumulative_krw"], lang),
            "key": [pick_key("m", calendar_day(m)) for m in df["month"]],
        }
    ).assign(change_name=names[0], cumulative_name=names[1])
    legend_ = alt.Legend(title=None, orient="top")
    base = alt.Chart(data).encode(
        x=date_x(df["month"], t("date", lang), unit="utcyearmonth"),
        tooltip=tips(month=t("month", lang), change_won=names[0], cumulative_won=names[1]),
    )
    bars = base.mark_bar().encode(
        y=alt.Y("change:Q", axis=money_format(title)),
        color=alt.Color("change_name:N", scale=alt.Scale(domain=names, range=["#9ecae1", "#08519c"]), legend=legend_),
    )  # fmt: skip
    line = base.mark_line(interpolate="step-after", strokeWidth=3).encode(
        y="cumulative:Q", color=alt.Color("cumulative_name:N")
    )
    return look(alt.layer(clickable(bars), line))


def _revision_frame(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The revision points, each series named by its first point's label (a series is one kind and scope), the
    first point of each marked (its amount is written right of it, the others' left)."""
    keys = df.get("budget_id")
    data = pd.DataFrame(
        {
            "day": [calendar_day(d) for d in df["announced_on"]],
            "date": [calendar_day(d) for d in df["announced_on"]],  # text: Vega-Lite parses `day` into a time
            "y": scaled(df["amount_krw"], lang).to_numpy(),
            "won": won_text(df["amount_krw"], lang),
            "label": series_labels(df, lang) if "scope" in df else [code(k, lang) for k in df["kind"]],
            "title": df["title"].fillna("").astype(str).to_numpy(),
            "series": (
                df["series"].astype(str) if "series" in df else pd.Series("", index=df.index)
            ).to_numpy(),
            "key": [pick_key("b", b) for b in keys]
            if keys is not None
            else [pick_key("pd", p, d) for p, d in zip(program_ids(df), df["document_id"], strict=True)],
        }
    )
    data["label"] = data.groupby("series", sort=False)["label"].transform("first")
    data["first"] = ~data.duplicated("series")
    return data


def revisions_chart(df: pd.DataFrame, *, lang: str = "ko") -> alt.Chart:
    """A program's figures over its announcements, one line per series (same kind, same scope: ui/sql.py
    SERIES), so a figure for another scope never reads as a revision; each point opens its own sentence."""
    if df.empty:
        return empty_chart(lang)
    data = _revision_frame(df, lang)
    names = list(dict.fromkeys(data["label"]))
    base = alt.Chart(data).encode(
        x=date_x(df["announced_on"], t("date", lang)),
        y=alt.Y("y:Q", axis=money_format(money_axis(lang, df["amount_krw"])), scale=alt.Scale(zero=True)),
        color=alt.Color("label:N", scale=series_colors(names, lang), legend=alt.Legend(title=None, orient="top")),
        detail="series:N",
        tooltip=tips(date=t("date", lang), won=t("amount", lang), label=column("series", lang), title=column("title", lang)),
    )  # fmt: skip
    layers = [base.mark_line(interpolate="step-after"), clickable(base.mark_point(filled=True, size=70))]
    if len(data) <= MAX_LEGEND:  # few announcements: each amount on its point
        # The first label goes right of its point, the others left: labels at the plot's edges were cut off.
        for first, align, dx in ((True, "left", 6), (False, "right", -6)):
            if (data["first"] == first).any():  # an empty layer only warns in the browser
                text = base.mark_text(align=align, dx=dx, dy=-10).encode(text="won:N")
                layers.append(text.transform_filter(alt.datum.first == first))
    return look(alt.layer(*layers))
