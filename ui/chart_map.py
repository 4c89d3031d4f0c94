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

import altair as alt
import pandas as pd

from ui import fmt
from ui.figures import STATUS_COLORS, clickable, empty_chart, look, pick_key, tips
from ui.i18n import code, column, t

OUTLINE_PATH = Path(__file__).resolve().parent / "resources" / "korea_provinces.geojson"
SPREAD_DEG = 0.012  # spacing of co-located dots (~1 km): apart at a city's zoom, together at the country's
_GOLDEN = math.pi * (3 - math.sqrt(5))  # golden angle: dots on a sunflower spiral never line up


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


@lru_cache(maxsize=1)
def outline_features() -> tuple[dict, ...]:
    """The provinces as GeoJSON features (drawn with mark_geoshape under the sites)."""
    return tuple(json.loads(OUTLINE_PATH.read_text(encoding="utf-8"))["features"])


def _here(n: int, lang: str) -> str:
    return t("sites_here", lang).format(n=n) if n > 1 else ""


def _texts(values: pd.Series) -> list[str]:
    return [str(v) if fmt.present(v) else "" for v in values]


def _site_frame(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The sites with coordinates as dots: spread where they share a point, sized by floor area (sites without
    an area still show as small dots), with their tooltip text and key."""
    data = df.dropna(subset=["lat", "lon"])
    root = data["area_m2"].astype("float64").fillna(0).clip(lower=0).pow(0.5)
    data = spread(data)
    return pd.DataFrame(
        {
            "map_lat": data["map_lat"].to_numpy(),
            "map_lon": data["map_lon"].to_numpy(),
            "name": _texts(data["name"]),
            "address": _texts(data["address"]),
            "status_label": [code(v, lang) for v in data["status"]],
            "size": (root + root.max() / 5 + 1).to_numpy(),
            "area_text": [fmt.area(v, lang=lang) for v in data["area_m2"]],
            "program": _texts(data["program"]),
            "precision_text": [
                code(v, lang, missing="") for v in data.get("precision", pd.Series(index=data.index))
            ],
            "here": [_here(n, lang) for n in data["n_here"]],
            "key": [pick_key("s", k) for k in data["norm_key"]] if "norm_key" in data else "",
        }
    )


def site_map_chart(df: pd.DataFrame, *, lang: str = "ko") -> alt.Chart:
    """Sites over the provinces' outline (Mercator, fitted to Korea; no tiles: the outline is the base), sized
    by floor area, coloured by status; sites at one point are spread around it and say how many share it."""
    dots = _site_frame(df, lang)
    if dots.empty:
        return empty_chart(lang)
    shown = set(dots["status_label"])  # the legend names the statuses present, in a fixed order
    statuses = {code(k, lang): c for k, c in STATUS_COLORS.items() if code(k, lang) in shown}
    outline = (
        alt.Chart(alt.Data(values=list(outline_features())))
        .mark_geoshape(fill="#f4f4f1", stroke="#8c8c8c", strokeWidth=0.8)
        .project(type="mercator")  # fitted to every layer's shapes and points: Korea
    )
    sites = (
        alt.Chart(dots)
        .mark_circle(stroke="white", strokeWidth=0.6)
        .encode(
            longitude="map_lon:Q",
            latitude="map_lat:Q",
            size=alt.Size("size:Q", scale=alt.Scale(range=[25, 400]), legend=None),
            color=alt.Color(
                "status_label:N",
                legend=alt.Legend(title=None, orient="top-right"),
                scale=alt.Scale(domain=list(statuses), range=list(statuses.values())),
            ),
            tooltip=tips(
                name=column("name", lang),
                address=column("address", lang),
                precision_text=column("precision", lang),
                area_text=column("area_m2", lang),
                program=t("program", lang),
                here=" ",
            ),
        )
        .project(type="mercator")
    )
    if "norm_key" in df:
        sites = clickable(sites, full=0.85, dim=0.3)
    return look(alt.layer(outline, sites).properties(name="site_map"), height=560)
