"""Chart builders: the program treemap, the site map over the province outline, and what every clickable chart carries (the other builders are in tests/test_charts.py)."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from tests.test_charts import BUILDERS, EOK, FRAMES, layers, rows, vega
from ui import chart_map, charts, figures

# --- the program treemap, the site map, clickable charts ---------------------------------------------


def test_squarified_tiles_fill_their_box_in_proportion() -> None:
    """The treemap layout: Bruls, Huizing and van Wijk's example (6, 6, 4, 3, 2, 2, 1 in a 6 x 4 box)."""
    from ui.chart_tree import squarify

    tiles = squarify([6, 6, 4, 3, 2, 2, 1], (0, 0, 6, 4))
    areas = [(x1 - x0) * (y1 - y0) for x0, y0, x1, y1 in tiles]
    assert areas == pytest.approx([6, 6, 4, 3, 2, 2, 1])
    assert tiles[:2] == [(0, 0, 3, 2), (0, 2, 3, 4)]  # the two largest stack in one column first
    assert all(0 <= x0 < x1 <= 6 + 1e-9 and 0 <= y0 < y1 <= 4 + 1e-9 for x0, y0, x1, y1 in tiles)


def test_treemap_draws_children_inside_parents_and_the_rest() -> None:
    frame = pd.DataFrame(
        {
            "program_id": ["root", "a", "b", "solo"],
            "program": [
                "한국판 뉴딜",
                "데이터 댐",
                "디지털 뉴딜의 아주 긴 이름을 가진 하위 사업 하나",
                "따로",
            ],
            "parent_id": [None, "root", "root", None],
            "headline_krw": [160 * EOK, 40 * EOK, 18 * EOK, None],
        }
    )
    fig = charts.hierarchy_chart(frame, lang="ko")
    tiles = {r["id"]: r for r in rows(fig)}
    assert set(tiles) == {"root", "a", "b", "root#rest"}  # a program without any amount has no area
    assert tiles["root#rest"]["label"] == "세부 미기재" and tiles["root#rest"]["value"] == 102 * EOK
    assert tiles["root"]["won"] == "160억원" and tiles["a"]["depth"] == 1
    for kid in ("a", "b", "root#rest"):
        k, r = tiles[kid], tiles["root"]
        assert r["x0"] < k["x0"] < k["x1"] < r["x1"] and r["y0"] < k["y0"] < k["y1"] < r["y1"]
    rect, text = layers(fig)
    assert (
        rect["mark"]["type"] == "rect"
        and {"x2", "y2"} <= set(rect["encoding"])
        and text["mark"]["type"] == "text"
    )
    # A tile opens its program's headline figure; a parent's "not itemised" tile, the parent's.
    assert tiles["a"]["key"] == '["p", "a"]' and tiles["root#rest"]["key"] == '["p", "root"]'
    spec = json.loads(figures.spec_text(fig))
    assert figures.pickable_spec(spec) and spec["params"][0]["select"]["fields"] == ["key"]


def test_site_map_draws_the_provinces_under_the_dots() -> None:
    """The bundled outline is the first layer (drawn first, so under the sites): Korea's 17 provinces as
    geoshapes on a Mercator projection the sites share; no tiles, so the map reads offline."""
    fig = charts.site_map_chart(FRAMES["site_map_chart"], lang="en")
    outline, sites = layers(fig)
    assert outline["mark"]["type"] == "geoshape" and sites["mark"]["type"] == "circle"
    assert outline["projection"] == sites["projection"] == {"type": "mercator"}
    features = (
        outline["data"]["values"]
        if "values" in outline.get("data", {})
        else next(d for d in vega(fig)["datasets"].values() if d and "geometry" in d[0])
    )
    names = {f["properties"]["name"] for f in features}
    assert len(names) == 17 and {"Seoul", "Jeju", "Sejong", "Gwangju"} <= names
    lons = [p[0] for f in features for poly in f["geometry"]["coordinates"] for ring in poly for p in ring]
    lats = [p[1] for f in features for poly in f["geometry"]["coordinates"] for ring in poly for p in ring]
    assert 33.0 < min(lats) < 34.0 and 38.0 < max(lats) < 38.7  # Jeju to the DMZ
    assert 124.5 < min(lons) < 126.0 and 129.5 < max(lons) < 131.0  # the west islands to Ulleungdo
    assert chart_map.OUTLINE_PATH.stat().st_size < 300_000
    assert len(rows(fig, "map_lat")) == 1  # the site without coordinates is left out
    assert sites["encoding"]["longitude"]["field"] == "map_lon"


def test_site_legend_reads_open_planned_unknown() -> None:
    frame = FRAMES["site_map_chart"].assign(lat=[37.47, 35.1], lon=[127.04, 129.0], status=[None, "open"])
    _, sites = layers(charts.site_map_chart(frame, lang="ko"))
    assert sites["encoding"]["color"]["scale"]["domain"] == ["개소", "미상"]


def test_co_located_sites_are_spread_and_counted() -> None:
    """Five sites on one point land on five points, the first on the true one, the same way every time."""
    frame = pd.DataFrame(
        {
            "name": [f"거점 {i}" for i in range(5)] + ["다른 곳"],
            "address": ["광주 북구 첨단3지구"] * 5 + ["서울"],
            "area_m2": [None] * 6,
            "status": ["open"] * 6,
            "lat": [35.235] * 5 + [37.566],
            "lon": [126.848] * 5 + [126.978],
            "program": [None] * 6,
            "norm_key": [f"k{i}" for i in range(6)],
        }
    )
    dots = rows(charts.site_map_chart(frame, lang="en"), "map_lat")
    points = {(d["map_lat"], d["map_lon"]) for d in dots}
    assert len(points) == 6  # none on top of another
    assert (35.235, 126.848) in points and (37.566, 126.978) in points
    assert all(abs(lat - 35.235) < 0.05 and abs(lon - 126.848) < 0.07 for lat, lon in points if lat < 36)
    assert [d["here"] for d in dots].count("5 sites at this point (spread around it on the map)") == 5
    assert dots == rows(charts.site_map_chart(frame, lang="en"), "map_lat")
    assert {d["key"] for d in dots} == {f'["s", "k{i}"]' for i in range(6)}


def test_every_clickable_chart_carries_the_pick_selection_over_its_key() -> None:
    """widgets.chart draws the cached spec text (figures.spec_text) and asks for PICK selections on it."""
    for name in ("announcements_chart", "timeline_chart", "gantt_chart", "fiscal_year_chart", "kind_mix_chart",
                 "cumulative_chart", "revisions_chart", "ranking_chart", "types_chart", "partners_chart",
                 "kind_totals_chart", "coparticipation_heatmap"):  # fmt: skip
        spec = json.loads(figures.spec_text(getattr(charts, name)(FRAMES[name], lang="en")))
        assert figures.pickable_spec(spec), name
        assert spec["params"][0]["select"]["fields"] == ["key"], name
        assert all("key" in r for d in spec["datasets"].values() for r in d if "map_lat" not in r), name
    slices = rows(charts.kind_totals_chart(FRAMES["kind_totals_chart"]))  # a slice opens its kind's figures
    assert [r["key"] for r in slices] == [f'["kt", "{k}"]' for k in FRAMES["kind_totals_chart"]["kind"]]


@pytest.mark.parametrize("name", BUILDERS)
def test_no_tooltip_reads_a_field_the_chart_parses_as_a_time(name: str) -> None:
    """A field encoded as temporal is parsed into a time for the whole dataset: a tooltip on it would show
    milliseconds (1594684800000), so tooltips read a text copy of the date."""
    for view in layers(getattr(charts, name)(FRAMES[name], lang="ko")):
        enc = view.get("encoding", {})
        temporal = {e["field"] for e in enc.values() if isinstance(e, dict) and e.get("type") == "temporal"}
        tips = enc.get("tooltip", [])
        assert not temporal & {tip["field"] for tip in (tips if isinstance(tips, list) else [tips])}, name
