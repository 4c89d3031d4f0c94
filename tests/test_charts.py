"""ui/charts.py: chart builders as plain functions on small frames and on empty ones, asserted on the Vega-Lite
spec each gives (data, encodings, params)."""

from __future__ import annotations

import json

import altair as alt
import pandas as pd
import pytest

from ui import charts, figures
from ui.figures import MAX_LEGEND

EOK = 10**8
D = pd.to_datetime


# One small frame per builder, shaped like its query's result (builders copy, never mutate).
FRAMES: dict[str, pd.DataFrame] = {
    "announcements_chart": pd.DataFrame(
        {
            "month": D(["2024-01-01", "2024-01-01", "2024-02-01"]),
            "lang": ["ko", "en", "ko"],
            "n_documents": [3, 1, 2],
        }
    ),
    "timeline_chart": pd.DataFrame(
        {
            "document_id": ["d1", "d2"],
            "announced_on": D(["2024-01-10", "2025-03-05"]),
            "program_id": ["pa", "pa"],
            "program": ["A 사업", "A 사업"],
            "amount_krw": [946 * EOK, 1000 * EOK],
            "title": ["첫 발표", "둘째"],
        }
    ),
    "gantt_chart": pd.DataFrame(
        {
            "program_id": ["pa", "pb"],
            "program": ["A 사업", "B 사업"],
            "start_year": [2024, 2025],
            "end_year": [2028, None],
            "headline_krw": [1000 * EOK, 250 * EOK],
        }
    ),
    "fiscal_year_chart": pd.DataFrame(
        {"fiscal_year": [2024, 2025], "amount_krw": [200 * EOK, 250 * EOK], "n_programs": [1, 2]}
    ),
    "kind_mix_chart": pd.DataFrame(
        {
            "program_id": ["pa", "pa", "pb"],
            "program": ["A 사업", "A 사업", "B 사업"],
            "kind": ["national", "unspecified", "unspecified"],
            "amount_krw": [500 * EOK, 500 * EOK, 300 * EOK],
        }
    ),
    "kind_totals_chart": pd.DataFrame(
        {"kind": ["national", "unspecified"], "amount_krw": [500 * EOK, 800 * EOK], "n_programs": [1, 2]}
    ),
    "cumulative_chart": pd.DataFrame(
        {
            "month": D(["2024-01-01", "2025-03-01"]),
            "change_krw": [946 * EOK, 54 * EOK],
            "cumulative_krw": [946 * EOK, 1000 * EOK],
        }
    ),
    "revisions_chart": pd.DataFrame(
        {
            "document_id": ["d1", "d2"],
            "announced_on": D(["2024-01-10", "2025-03-05"]),
            "amount_krw": [946 * EOK, 1000 * EOK],
            "kind": ["total", "total"],
            "unit_text": ["946억원", "1,000억원"],
            "title": ["a", "b"],
            "evidence": ["x", "y"],
        }
    ),
    "ranking_chart": pd.DataFrame(
        {
            "institution_id": ["i2", "i1"],
            "institution": ["한국과학기술원", "과학기술정보통신부"],
            "name_en": ["KAIST", "MSIT"],
            "type": ["university", "government"],
            "country": ["KR", "KR"],
            "n_programs": [2, 1],
            "n_documents": [2, 1],
        }
    ),
    "types_chart": pd.DataFrame(
        {
            "type": ["university", "government"],
            "n_institutions": [2, 1],
            "n_programs": [2, 1],
        }
    ),
    "coparticipation_heatmap": pd.DataFrame(
        {
            "institution_a": ["가", "가", "나", "나"],
            "institution_b": ["가", "나", "가", "나"],
            "n_programs": [3, 1, 1, 2],
        }
    ),
    "partners_chart": pd.DataFrame(
        {
            "iso2": ["CA", "US"],
            "country_ko": ["캐나다", "미국"],
            "country_en": ["Canada", "United States"],
            "n_programs": [2, 1],
            "n_documents": [3, 1],
            "n_institutions": [1, 0],
        }
    ),
    "site_map_chart": pd.DataFrame(
        {
            "name": ["서울 AI 허브", "좌표 없음"],
            "address": ["서울 서초구", None],
            "area_m2": [7048.0, None],
            "status": ["open", None],
            "lat": [37.47, None],
            "lon": [127.04, None],
            "program": ["A 사업", None],
        }
    ),
}


BUILDERS = sorted(FRAMES)


def vega(chart: alt.TopLevelMixin) -> dict:
    """The chart as the Vega-Lite spec Streamlit sends (validated against the schema on the way)."""
    return chart.to_dict()


def rows(chart: alt.TopLevelMixin, field: str | None = None) -> list[dict]:
    """The records of the chart's datasets (those having `field`, when given), in order."""
    out = [r for data in vega(chart)["datasets"].values() if isinstance(data, list) for r in data]
    return [r for r in out if field is None or field in r]


def layers(chart: alt.TopLevelMixin) -> list[dict]:
    """The chart's views: its layers, or the chart itself."""
    spec = vega(chart)
    return spec.get("layer", [spec])


@pytest.mark.parametrize("name", BUILDERS)
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_builders_return_figures_with_data_and_a_cjk_font(name: str, lang: str) -> None:
    fig = getattr(charts, name)(FRAMES[name], lang=lang)
    spec = vega(fig)  # Altair validates it against the Vega-Lite schema
    assert rows(fig) and "Noto Sans CJK KR" in spec["config"]["font"]
    assert spec["usermeta"]["embedOptions"]["renderer"] == "svg"
    json.dumps(spec)  # serialisable, as st.altair_chart needs


@pytest.mark.parametrize("name", BUILDERS)
def test_builders_handle_empty_frames(name: str) -> None:
    fig = getattr(charts, name)(FRAMES[name].iloc[0:0], lang="ko")
    assert [r["note"] for r in rows(fig)] == ["선택한 필터에 맞는 자료가 없습니다."]
    assert not figures.pickable_spec(vega(fig))


def test_dates_are_calendar_days_in_every_time_zone() -> None:
    """Vega-Lite reads "2024-10-28" as UTC midnight: the axis must bin and label it in UTC, or a browser west of
    Greenwich draws it on the 27th; a single day gets an axis around it."""
    x = vega(charts.announcements_chart(FRAMES["announcements_chart"]))["encoding"]["x"]
    assert x["timeUnit"] == "utcyearmonth" and x["scale"]["type"] == "utc" and x["axis"]["format"] == "%Y-%m"
    assert {r["day"] for r in rows(charts.announcements_chart(FRAMES["announcements_chart"]))} == {
        "2024-01-01", "2024-02-01"
    }  # fmt: skip
    one = figures.date_x(D(["2024-10-28"]), "날짜").to_dict()
    assert one["timeUnit"] == "utcyearmonthdate" and one["axis"]["format"] == "%Y-%m-%d"
    low, high = one["scale"]["domain"]
    assert (low["month"], low["date"], high["month"], high["date"], low["utc"]) == (10, 13, 11, 12, True)
    years = figures.date_x(D(["2019-01-01", "2025-06-30"]), "").to_dict()["axis"]
    assert years["format"] == "%Y" and years["tickCount"]["interval"] == "year"


def test_money_is_scaled_to_eok_and_hover_reads_korean() -> None:
    fig = charts.timeline_chart(FRAMES["timeline_chart"], lang="ko")
    assert [r["y"] for r in rows(fig)] == [946.0, 1000.0] and rows(fig)[0]["won"] == "946억원"
    y = vega(fig)["encoding"]["y"]["axis"]
    assert "억원" in y["title"] and y["format"] == ",.1~f"
    en = charts.timeline_chart(FRAMES["timeline_chart"], lang="en")
    assert [r["y"] for r in rows(en)] == [94.6, 100.0] and rows(en)[0]["won"] == "94.6 billion won"
    assert [r["day"] for r in rows(en)] == ["2024-01-10", "2025-03-05"]  # calendar days, not timestamps


def test_timeline_keeps_colours_for_the_largest_programs_and_groups_the_rest() -> None:
    n = 40
    frame = pd.DataFrame(
        {
            "document_id": [f"d{i}" for i in range(n)],
            "announced_on": D(["2024-01-10"] * n),
            "program_id": [f"p{i}" for i in range(n)],
            "program": [f"사업 {i}" for i in range(n)],
            "amount_krw": [(i + 1) * EOK for i in range(n)],
            "title": ["발표"] * n,
        }
    )
    fig = charts.timeline_chart(frame, lang="ko")
    names = {r["series"] for r in rows(fig)}
    assert len(names) == MAX_LEGEND and "기타" in names and "사업 39" in names and "사업 0" not in names
    assert len(rows(fig)) == n  # every point is still drawn
    assert vega(fig)["params"][0]["select"]["fields"] == ["key"] and all(
        r["key"].startswith('["pd"') for r in rows(fig)
    )


def test_gantt_bars_span_the_years_and_grow_with_budget() -> None:
    fig = charts.gantt_chart(FRAMES["gantt_chart"], lang="ko")
    bars = rows(fig)
    assert [(b["start"], b["end"]) for b in bars] == [
        ("2024-01-01", "2028-12-31"),
        ("2025-01-01", "2025-12-31"),
    ]
    assert bars[0]["thick"] > bars[1]["thick"] and vega(fig)["encoding"]["size"]["scale"] is None
    enc = vega(fig)["encoding"]
    assert (
        enc["x"]["timeUnit"] == "utcyear"
        and enc["x2"]["field"] == "end"
        and enc["x"]["axis"]["format"] == "%Y"
    )


def test_kind_mix_stacks_in_fixed_order_with_kind_words() -> None:
    fig = charts.kind_mix_chart(FRAMES["kind_mix_chart"], lang="ko")
    enc = vega(fig)["encoding"]
    assert (
        enc["color"]["scale"]["domain"][:2] == ["국비", "지방비"]
        and enc["color"]["scale"]["domain"][-1] == "미분류"
    )
    assert enc["x"]["stack"] == "zero" and enc["order"]["field"] == "rank"
    unspecified = [r for r in rows(fig) if r["kind_label"] == "미분류"]
    assert [r["x"] for r in unspecified] == [500.0, 300.0]  # unspecified: A then B, in 억원


def test_heatmap_blanks_the_diagonal() -> None:
    cells = {
        (r["a"], r["b"]): r for r in rows(charts.coparticipation_heatmap(FRAMES["coparticipation_heatmap"]))
    }
    assert cells[("가", "가")]["n"] is None and cells[("나", "나")]["n"] is None  # only shared counts colour
    assert cells[("가", "나")]["n"] == cells[("나", "가")]["n"] == 1
    assert (
        cells[("가", "가")]["full"] == "가: 3" and cells[("가", "나")]["full"] == "가 × 나: 1"
    )  # the hover tells it
    assert vega(charts.coparticipation_heatmap(FRAMES["coparticipation_heatmap"]))["mark"]["type"] == "rect"


def test_cumulative_shares_one_scale() -> None:
    fig = charts.cumulative_chart(FRAMES["cumulative_chart"], lang="ko")
    assert [(r["cumulative"], r["change"]) for r in rows(fig)] == [(946.0, 946.0), (1000.0, 54.0)]
    bars, line = layers(fig)
    assert line["mark"]["interpolate"] == "step-after" and bars["mark"]["type"] == "bar"
    [param] = vega(fig)["params"]  # Altair hoists a layer's selection to the top, naming the layer it is on
    assert param["name"] == figures.PICK and param["views"] == [bars["name"]]


def test_date_axes_read_the_same_in_both_languages() -> None:
    for name in ("announcements_chart", "timeline_chart", "cumulative_chart", "revisions_chart"):
        axes = []
        for lang in ("ko", "en"):
            x = next(v["encoding"]["x"] for v in layers(getattr(charts, name)(FRAMES[name], lang=lang)))
            assert x["timeUnit"].startswith("utc") and x["scale"]["type"] == "utc", name
            axes.append(x["axis"])
        assert axes[0] == axes[1] and axes[0]["format"].startswith("%Y"), name  # not Vega's "Jan 2024"


def test_counts_have_whole_ticks_and_hover_speaks_the_language() -> None:
    fig = charts.announcements_chart(FRAMES["announcements_chart"], lang="ko")
    y = vega(fig)["encoding"]["y"]
    assert y["axis"]["format"] == ",d" and y["axis"]["tickMinStep"] == 1
    assert [r["lang_label"] for r in rows(fig)] == ["한국어", "영어", "한국어"]
    assert [tip["title"] for tip in vega(fig)["encoding"]["tooltip"]] == ["월", "언어", "발표문"]
    ko = rows(charts.fiscal_year_chart(FRAMES["fiscal_year_chart"], lang="ko"))
    assert ko[1]["programs"] == "2개 사업"
    assert (
        rows(charts.fiscal_year_chart(FRAMES["fiscal_year_chart"], lang="en"))[1]["programs"] == "2 programs"
    )
    spec = vega(charts.cumulative_chart(FRAMES["cumulative_chart"], lang="ko"))
    assert spec["layer"][0]["encoding"]["color"]["scale"]["domain"] == ["월별 증감", "누적 발표 총액"]


def test_revisions_write_each_amount_on_its_point() -> None:
    fig = charts.revisions_chart(FRAMES["revisions_chart"], lang="ko")
    lines, points, right, left = layers(fig)
    assert lines["mark"]["interpolate"] == "step-after" and vega(fig)["params"][0]["views"] == [
        points["name"]
    ]
    assert (
        right["mark"]["align"] == "left" and left["mark"]["align"] == "right"
    )  # the first label stays inside
    assert [(r["won"], r["first"]) for r in rows(fig)] == [("946억원", True), ("1,000억원", False)]


def test_donut_keeps_the_kind_order_and_drops_sliver_labels() -> None:
    frame = pd.DataFrame(
        {"kind": ["unspecified", "local", "national"], "amount_krw": [800 * EOK, 0.01 * EOK, 500 * EOK]}
    )
    fig = charts.kind_totals_chart(frame, lang="ko")
    assert [r["kind_label"] for r in rows(fig)] == ["국비", "지방비", "미분류"]
    assert [r["label"] for r in rows(fig)] == ["38%", "", "62%"]
    ring, text = layers(fig)
    assert (
        ring["mark"]["type"] == "arc" and ring["mark"]["innerRadius"] > 0 and text["mark"]["type"] == "text"
    )


def test_gantt_without_any_period_says_so() -> None:
    frame = FRAMES["gantt_chart"].assign(start_year=[None, None], end_year=[None, None])
    fig = charts.gantt_chart(frame, lang="en")
    assert [r["note"] for r in rows(fig)] == ["Nothing matches the selected filters."]


def test_english_names_and_short_unique_axis_labels() -> None:
    fig = charts.ranking_chart(FRAMES["ranking_chart"], lang="en")
    assert [r["institution"] for r in rows(fig)] == ["KAIST", "MSIT"]
    assert vega(fig)["encoding"]["y"]["sort"] == ["KAIST", "MSIT"]  # ranked order, not alphabetical
    long = ["Korea Institute of Science and Technology Evaluation and Planning",
            "Korea Institute of Science and Technology Information", "NVIDIA"]  # fmt: skip
    labels = figures.shorts(long, 16)
    assert len(set(labels)) == 3 and labels[2] == "NVIDIA"
    assert all(len(x) <= 48 for x in labels) and labels[0].endswith("…")
    pairs = FRAMES["coparticipation_heatmap"].assign(
        institution_a_en=["Ga", "Ga", None, None], institution_b_en=["Ga", None, "Ga", None]
    )
    assert vega(charts.coparticipation_heatmap(pairs, lang="en"))["encoding"]["y"]["sort"] == ["Ga", "나"]


def test_grouped_bars_open_their_type_or_country() -> None:
    """Institutions and programs per type (and per partner country) side by side, each bar keyed to its facts."""
    fig = charts.types_chart(FRAMES["types_chart"], lang="en")
    assert vega(fig)["encoding"]["xOffset"]["field"] == "measure"
    assert {(r["label"], r["measure"], r["n"]) for r in rows(fig)} >= {("university", "Institutions", 2)}
    assert {r["key"] for r in rows(fig)} == {'["t", "university"]', '["t", "government"]'}
    partners = rows(charts.partners_chart(FRAMES["partners_chart"], lang="ko"))
    assert {r["label"] for r in partners} == {"캐나다", "미국"} and '["c", "CA"]' in {
        r["key"] for r in partners
    }


def test_timeline_gives_every_named_program_its_own_colour() -> None:
    from ui.figures import MAX_LEGEND, OTHER_COLOR

    n = MAX_LEGEND + 3
    df = pd.DataFrame({
        "document_id": [f"d{i}" for i in range(n)], "announced_on": pd.to_datetime(["2024-10-28"] * n),
        "program_id": [f"p{i}" for i in range(n)], "program": [f"사업 {i}" for i in range(n)],
        "amount_krw": [10**10 * (i + 1) for i in range(n)], "title": ["t"] * n,
    })  # fmt: skip
    scale = vega(charts.timeline_chart(df, lang="en"))["encoding"]["color"]["scale"]
    colors = dict(zip(scale["domain"], scale["range"], strict=True))
    named = [c for name, c in colors.items() if name != "other"]
    assert len(named) == MAX_LEGEND - 1 and len(set(named)) == len(named)
    assert colors["other"] == OTHER_COLOR and OTHER_COLOR not in named
