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
from ui.figures import STATUS_COLORS, empty_chart, look, pick, pick_key, when_picked
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


def site_map_chart(df: pd.DataFrame, *, lang: str = "ko") -> alt.Chart:
    """Sites over the provinces' outline (Mercator, fitted to Korea; no tiles: the outline is the base), sized
    by floor area, coloured by status; sites at one point are spread around it and say how many share it."""
    data = df.dropna(subset=["lat", "lon"])
    if data.empty:
        return empty_chart(lang)
    root = data["area_m2"].astype("float64").fillna(0).clip(lower=0).pow(0.5)
    data = spread(data)
    dots = pd.DataFrame(
        {
            "map_lat": data["map_lat"].to_numpy(),
            "map_lon": data["map_lon"].to_numpy(),
            "name": data["name"].astype(str).to_numpy(),
            "address": [str(v) if fmt.present(v) else "" for v in data["address"]],
            "status_label": [code(v, lang) for v in data["status"]],
            "size": (root + root.max() / 5 + 1).to_numpy(),  # sites without an area still show as small dots
            "area_text": [fmt.area(v, lang=lang) for v in data["area_m2"]],
            "program": [str(v) if fmt.present(v) else "" for v in data["program"]],
            "precision_text": [code(v, lang, missing="") for v in data.get("precision", pd.Series(index=data.index))],
            "here": [_here(n, lang) for n in data["n_here"]],
            "key": [pick_key("s", k) for k in data["norm_key"]] if "norm_key" in data else "",
        }
    )  # fmt: skip
    shown = set(dots["status_label"])  # the legend names the statuses present, in a fixed order
    statuses = {code(k, lang): c for k, c in STATUS_COLORS.items() if code(k, lang) in shown}
    projection = {"type": "mercator"}  # fitted to every layer's shapes and points: Korea
    outline = (
        alt.Chart(alt.Data(values=list(outline_features())))
        .mark_geoshape(fill="#f4f4f1", stroke="#8c8c8c", strokeWidth=0.8)
        .project(**projection)
    )
    selection = pick()
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
            opacity=when_picked(selection, 0.85, 0.3),
            tooltip=[
                alt.Tooltip("name:N", title=column("name", lang)),
                alt.Tooltip("address:N", title=column("address", lang)),
                alt.Tooltip("precision_text:N", title=column("precision", lang)),
                alt.Tooltip("area_text:N", title=column("area_m2", lang)),
                alt.Tooltip("program:N", title=t("program", lang)),
                alt.Tooltip("here:N", title=" "),
            ],
        )
        .project(**projection)
    )
    if "norm_key" in data:
        sites = sites.add_params(selection)
    return look(alt.layer(outline, sites).properties(name="site_map"), height=560)
