"""The map of sites: Korea's provinces drawn from a bundled outline (so the map reads without internet tiles),
then the sites, co-located ones spread around their shared point. No SQL, no streamlit (ui/charts.py
re-exports the chart).

The outline is ui/resources/korea_provinces.geojson (origin and licence beside it, in
korea_provinces.LICENSE.md), read once on first use, never at import.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from ui import fmt
from ui.figures import STATUS_COLORS, empty_figure, layout, pick_key
from ui.i18n import code, t

OUTLINE_PATH = Path(__file__).resolve().parent / "resources" / "korea_provinces.geojson"
OUTLINE_NAME = "outline"  # the outline trace's name (tests look for it)
SPREAD_DEG = 0.012  # spacing of co-located dots (~1 km): apart at a city's zoom, together at the country's
_GOLDEN = math.pi * (3 - math.sqrt(5))  # golden angle: dots on a sunflower spiral never line up


@lru_cache(maxsize=1)
def outline_lines() -> tuple[tuple[float | None, ...], tuple[float | None, ...]]:
    """(lons, lats) of every province ring, rings separated by None (one line trace draws them all)."""
    data = json.loads(OUTLINE_PATH.read_text(encoding="utf-8"))
    lons: list[float | None] = []
    lats: list[float | None] = []
    for feature in data["features"]:
        for polygon in feature["geometry"]["coordinates"]:
            for ring in polygon:
                lons.extend([p[0] for p in ring] + [None])
                lats.extend([p[1] for p in ring] + [None])
    return tuple(lons), tuple(lats)


def spread(df: pd.DataFrame) -> pd.DataFrame:
    """Sites sharing one point moved apart on a small spiral, by their rank in the frame (deterministic: the
    first stays on the point); `n_here` says how many share it. The true lat/lon stay in the table."""
    point = df["lat"].round(4).astype(str) + "," + df["lon"].round(4).astype(str)
    rank = point.groupby(point).cumcount()
    count = point.map(point.value_counts()).astype(int)
    radius = SPREAD_DEG * rank.pow(0.5)
    angle = rank * _GOLDEN
    lat = df["lat"] + radius * angle.map(math.sin)
    lon = df["lon"] + radius * angle.map(math.cos) / math.cos(math.radians(36))  # about Korea's latitude
    return df.assign(map_lat=lat, map_lon=lon, n_here=count)


def _outline_trace() -> go.Scattermap:
    lons, lats = outline_lines()
    return go.Scattermap(
        lon=list(lons), lat=list(lats), mode="lines", name=OUTLINE_NAME, showlegend=False,
        line={"color": "#8c8c8c", "width": 1}, hoverinfo="skip",
    )  # fmt: skip


def _here(n: int, lang: str) -> str:
    return t("sites_here", lang).format(n=n) if n > 1 else ""


def site_map_chart(df: pd.DataFrame, *, lang: str = "ko") -> go.Figure:
    """Sites over the provinces' outline (and OpenStreetMap tiles when online), sized by floor area, coloured
    by status; sites at one point are spread around it and say how many share it."""
    data = df.dropna(subset=["lat", "lon"])
    if data.empty:
        return empty_figure(lang)
    root = data["area_m2"].astype("float64").fillna(0).clip(lower=0).pow(0.5)
    data = spread(data).assign(
        status_label=[code(v, lang) for v in data["status"]],
        size=root + root.max() / 5 + 1,  # sites without an area still show as small dots
        area_text=[fmt.area(v, lang=lang) for v in data["area_m2"]],
        key=[pick_key("s", k) for k in data["norm_key"]] if "norm_key" in data else None,
        precision_text=[
            code(v, lang, missing="") for v in data.get("precision", pd.Series(index=data.index))
        ],
    )
    data["here"] = [_here(n, lang) for n in data["n_here"]]
    fig = px.scatter_map(
        data, lat="map_lat", lon="map_lon", size="size", color="status_label", size_max=16, opacity=0.8,
        zoom=5.6, center={"lat": 36.2, "lon": 127.8}, map_style="open-street-map",
        custom_data=["name", "address", "area_text", "program", "precision_text", "here", "key"],  # key last
        color_discrete_map={code(k, lang): c for k, c in STATUS_COLORS.items()},
        category_orders={"status_label": [code(k, lang) for k in STATUS_COLORS]}, labels={"status_label": ""},
    )  # fmt: skip
    fig.update_traces(
        hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[1]} · %{customdata[4]}<br>%{customdata[2]}"
        "<br>%{customdata[3]}<br>%{customdata[5]}<extra></extra>"
    )
    fig.add_trace(_outline_trace())
    fig.data = (fig.data[-1], *fig.data[:-1])  # the outline first, so it is drawn under the dots
    return layout(fig, height=560)
