"""Shared pieces of the dashboard's charts (Vega-Lite, through Altair): the look, calendar-date and money
axes, the palette rule, labels, keys of clickable points, the empty chart.

No SQL, no streamlit; ui/charts.py builds every chart from these.
"""

from __future__ import annotations

import json
import threading
from typing import Any

import altair as alt
import pandas as pd

from etl.categories import MoneyKind
from ui import fmt
from ui.i18n import code, t
from ui.tables import local_names as local_names  # the charts' names, as the tables'

# Hangul needs a CJK font in the browser; Noto Sans CJK comes with fonts-noto-cjk, NanumGothic is common on Windows.
FONT = "Noto Sans CJK KR, Noto Sans KR, NanumGothic, Malgun Gothic, Apple SD Gothic Neo, sans-serif"
KIND_COLORS = {
    MoneyKind.TOTAL: "#4c78a8",
    MoneyKind.NATIONAL: "#1f77b4",
    MoneyKind.LOCAL: "#2ca02c",
    MoneyKind.PRIVATE: "#ff7f0e",
    MoneyKind.UNSPECIFIED: "#9d9d9d",
}
STATUS_COLORS = {"open": "#2ca02c", "planned": "#ff7f0e", None: "#7f7f7f"}
MAX_LEGEND = 12  # more colour groups than this and the legend is hidden
# As many distinct colours as a chart has named series (MAX_LEGEND - 1, then "other" in grey): a default
# sequence of 10 gave an eleventh program the first one's blue.
PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22",
           "#393b79", "#ad494a", "#637939")  # fmt: skip
OTHER_COLOR = "#b0b0b0"


def short(name: object, limit: int = 32) -> str:
    """An axis label: long names cut with an ellipsis (the hover keeps the whole name)."""
    text = str(name)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def shorts(names: list[str], limit: int) -> list[str]:
    """Axis labels cut to `limit` characters, made longer where two would read the same (a chart merges them)."""
    while True:
        out = [short(n, limit) for n in names]
        if len(set(out)) == len(set(names)) or limit > max(map(len, names), default=0):
            return out
        limit += 8


def top_value(*series: pd.Series) -> float:
    """The largest absolute value over the series (0 when all are missing)."""
    values = [float(v) for sr in series for v in (sr.abs().max(),) if not pd.isna(v)]
    return max(values, default=0.0)


def scaled(values: pd.Series, lang: str, top: float | None = None) -> pd.Series:
    """Won divided into the axis unit (억원/조원, billion/trillion won)."""
    divisor, _ = fmt.money_scale(lang, top_value(values) if top is None else top)
    return values.astype("float64") / divisor


def money_axis(lang: str, values: pd.Series) -> str:
    """The title of a money axis with its unit."""
    return f"{t('amount', lang)} ({fmt.money_scale(lang, top_value(values))[1]})"


def won_text(values: pd.Series, lang: str) -> list[str]:
    """Each amount as readable won for hover text."""
    return [fmt.won(v, lang=lang) for v in values]


def pick_key(*parts: object) -> str:
    """What a chart point stands for, as its `key` field (the field the PICK selection reads): ("pd", program, document) and the
    other keys ui/evidence.evidence_facts reads. JSON text, so it survives the chart and the selection event."""
    return json.dumps([str(p) for p in parts], ensure_ascii=False)


def calendar_day(value: object) -> str | None:
    """A date (or timestamp) as YYYY-MM-DD text (None when missing: the chart leaves the point out)."""
    return None if pd.isna(value) else pd.Timestamp(value).strftime("%Y-%m-%d")


def program_ids(df: pd.DataFrame) -> list[object]:
    """The frame's program_id column, or None per row when it has none (a key then finds nothing)."""
    return list(df["program_id"]) if "program_id" in df else [None] * len(df)


def series_label(kind: object, scope: object, start: object, end: object, lang: str = "ko") -> str:
    """A revision series (ui/sql.py SERIES) in words: its scope, then its kind ("2020 추경분 · 미분류",
    "2020–2025 · total cost")."""
    a = "" if not fmt.present(start) else str(int(start))  # type: ignore[call-overload]
    b = "" if not fmt.present(end) else str(int(end))  # type: ignore[call-overload]
    name = f"scope_{scope}" if scope in ("supplementary", "year", "period") else "scope_open"
    return f"{t(name, lang).format(a=a or '~', b=b)} · {code(kind, lang)}".replace("~–", "~")


def series_labels(df: pd.DataFrame, lang: str) -> list[str]:
    """series_label for every row of a frame with kind, scope, scope_from and scope_to."""
    cols = [df[c] for c in ("kind", "scope", "scope_from", "scope_to")]
    return [series_label(k, s, a, b, lang) for k, s, a, b in zip(*cols, strict=True)]


# ---- Vega-Lite (Altair) ------------------------------------------------------------------------------------
# Streamlit's Vega-Lite element costs a page ~1.6 s less first paint than its plotly bundle (README).

PICK = "pick"  # the point selection of a clickable chart: ui/clicks.picked reads event.selection[PICK]
SVG = {
    "embedOptions": {"renderer": "svg"}
}  # marks as SVG elements (clickable and findable in a browser test)
HEIGHT = 360


def look(chart: Any, *, height: int = HEIGHT) -> Any:
    """The common look of an Altair chart: CJK font, height, SVG, legends without a title, plain numbers."""
    return (
        chart.properties(height=height, usermeta=SVG)
        .configure(font=FONT)
        .configure_legend(title=None, labelLimit=260, symbolLimit=MAX_LEGEND + 1)
        .configure_axis(labelLimit=260)
    )


_ALTAIR = threading.Lock()  # Altair's data transformer is global: one conversion at a time


def spec_text(chart: Any) -> str:
    """The chart as Vega-Lite JSON text, validated against the schema once. Streamlit's st.altair_chart converts
    (and validates) the chart on every rerun: 0.3-0.6 s for the map with its outline on 2 busy cores, 5-50 ms
    for the others; the text is made once per chart, data and options (ui/data.figure) and read back into a
    fresh dict each run (nothing shared is changed by Streamlit's own touches to the spec)."""
    with _ALTAIR, alt.data_transformers.enable("default", max_rows=None):  # the queries bound the rows
        return json.dumps(chart.to_dict(), ensure_ascii=False)


def pickable_spec(spec: dict) -> bool:
    """Whether a Vega-Lite spec carries the PICK selection (Altair puts a layer's selection at the top)."""
    return any(p.get("name") == PICK for p in spec.get("params", []))


def empty_chart(lang: str = "ko") -> Any:
    """A blank chart that says there is no data."""
    note = pd.DataFrame({"note": [t("no_rows", lang)]})
    return look(alt.Chart(note).mark_text(size=14, color="#555").encode(text="note:N"), height=240)


def pick() -> Any:
    """The point selection over a chart's `key` field (pick_key): a click selects one point, a double click
    none; ui/widgets.chart turns it into a rerun that opens the point's facts."""
    return alt.selection_point(name=PICK, fields=["key"], on="click", clear="dblclick")


def when_picked(selection: Any, value: object, other: object) -> Any:
    """An encoding value that marks the picked point (all are `value` while nothing is picked)."""
    return alt.when(selection).then(alt.value(value)).otherwise(alt.value(other))


def clickable(chart: Any, full: float = 1.0, dim: float = 0.4) -> Any:
    """The chart with the PICK selection over its `key` field, the picked mark shown at `full` opacity and the
    others dimmed (all at `full` while nothing is picked)."""
    selection = pick()
    return chart.encode(opacity=when_picked(selection, full, dim)).add_params(selection)


def tips(**fields: str) -> list[Any]:
    """Tooltip entries for text fields made for reading (field=title, in order): amounts as 946억원, dates as
    2024-10-28, never a number or timestamp the browser would format."""
    return [alt.Tooltip(f"{field}:N", title=title) for field, title in fields.items()]


def _utc(day: pd.Timestamp) -> Any:
    return alt.DateTime(year=day.year, month=day.month, date=day.day, utc=True)


def date_x(days: pd.Series, title: str, *, field: str = "day", unit: str = "utcyearmonthdate") -> Any:
    """A calendar-date x axis over "YYYY-MM-DD" text. Vega-Lite reads such text as UTC midnight and would show
    it in the browser's time zone (2024-10-28 drawn as 10-27 west of Greenwich): UTC time units and UTC tick
    labels keep the day. Ticks read 2024-10-28, 2024-10 or 2024 by the span shown (never plotly's "Jun 7");
    a single day (or month) gets room around it, so its ticks are distinct."""
    d = pd.to_datetime(pd.Series(days)).dropna()
    monthly = unit == "utcyearmonth"
    span = (d.max() - d.min()).days if len(d) else 0
    scale = alt.Scale(type="utc")  # ticks fall on UTC days, months and years
    if span < (28 if monthly else 1) and len(d):
        pad = pd.Timedelta(days=75 if monthly else 15)
        scale = alt.Scale(type="utc", domain=[_utc(d.min() - pad), _utc(d.max() + pad)])
    if span <= 62 and not monthly:
        form, ticks = "%Y-%m-%d", alt.Undefined
    elif span <= 3 * 366:
        form, ticks = "%Y-%m", {"interval": "month", "step": max(1, span // 30 // 8)}
    else:
        form, ticks = "%Y", {"interval": "year", "step": max(1, span // 365 // 10)}
    axis = alt.Axis(format=form, tickCount=ticks, labelAngle=0, labelOverlap=True)  # UTC: from the time unit
    return alt.X(f"{field}:T", timeUnit=unit, title=title, scale=scale, axis=axis)


def money_format(axis: str = "") -> Any:
    """A money axis's ticks as plain numbers ("120k 억원" would read wrong)."""
    return alt.Axis(format=",.1~f", title=axis)


def series_colors(names: list[str], lang: str, *, other: bool = False) -> Any:
    """An alt.Scale giving each named series its own colour (PALETTE has MAX_LEGEND - 1 of them), and "other"
    (when `other`) the grey."""
    domain = [*names, *([code("other", lang)] if other else [])]
    colours = [PALETTE[i % len(PALETTE)] for i in range(len(names))]
    return alt.Scale(domain=domain, range=[*colours, *([OTHER_COLOR] if other else [])])


def legend(n: int) -> Any:
    """A legend without a title (beneath the chart in columns when long: a tall one is cut at the chart's
    height), hidden when there are more groups than it can show."""
    if n > MAX_LEGEND:
        return None
    return alt.Legend(title=None) if n <= 6 else alt.Legend(title=None, orient="bottom", columns=3)
