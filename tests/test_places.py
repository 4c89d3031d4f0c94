"""Places gazetteer: the CSV itself, address finding and geocoding."""

from __future__ import annotations

import csv
import math

import pytest

from etl.config import RESOURCES
from etl.extract.places import (
    PRECISIONS,
    facility_name_en,
    find_address,
    find_addresses,
    find_facility,
    geocode,
    load_places,
    locate,
    specificity,
)
from etl.normalize import program_key
from etl.romanize import has_hangul


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in kilometres."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


def test_csv_has_every_sido_and_sigungu() -> None:
    with (RESOURCES / "places.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == [
        "name",
        "level",
        "parent",
        "lat",
        "lon",
        "aliases",
        "precision",
        "source",
        "name_en",
    ]
    levels = [r["level"] for r in rows]
    assert levels.count("sido") == 17
    assert levels.count("sigungu") >= 226
    assert {"area", "gu"} <= set(levels)
    keys = [(r["parent"], r["name"]) for r in rows]
    assert len(keys) == len(set(keys))


def test_every_parent_exists_and_points_lie_in_korea() -> None:
    places = load_places()
    paths = {p.path for p in places}
    for p in places:
        assert p.level == "sido" or p.parent in paths, p
        assert 33.0 < p.lat < 38.7 and 124.5 < p.lon < 131.0, p


def test_load_places_is_cached() -> None:
    assert load_places() is load_places()


# Reference points known independently of the CSV (city halls, stations, campuses).
@pytest.mark.parametrize(
    ("name", "point"),
    [
        ("서울", (37.5663, 126.9779)),  # Seoul City Hall
        ("부산", (35.1798, 129.0750)),  # Busan City Hall
        ("대전 유성구", (36.3624, 127.3563)),  # Yuseong-gu Office
        ("판교", (37.3948, 127.1112)),  # Pangyo station
        ("송도", (37.3925, 126.6393)),  # Songdo Central Park
        ("대덕연구개발특구", (36.3721, 127.3604)),  # KAIST main campus
        ("제주시", (33.4996, 126.5312)),  # Jeju City Hall
        ("경북 포항시", (36.0190, 129.3435)),  # Pohang City Hall
        ("첨단3지구", (35.2290, 126.8430)),  # GIST, beside the district
        ("양재동", (37.4700, 127.0380)),  # Yangjae, Seoul AI Hub
    ],
)
def test_coordinates_within_a_few_km(name: str, point: tuple[float, float]) -> None:
    got = geocode(name)
    assert got is not None
    assert km(got, point) < 5


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("28일 서울 양재동 서울 AI허브에서", "서울 서초구 양재동"),
        ("광주광역시 북구 첨단3지구에 들어선다", "광주 북구 첨단3지구"),
        ("경기 성남시 분당구 판교에 있는", "경기 성남시 분당구 판교"),
        ("광주 첨단3지구 AI 집적단지", "광주 북구 첨단3지구"),
        ("서울특별시 서초구", "서울 서초구"),
        ("경기 광주시 오포읍에", "경기 광주시 오포읍"),
        ("서울 마포구 공덕동에서", "서울 마포구 공덕동"),
        ("서울 중구 세종대로 110에 있다", "서울 중구 세종대로 110"),
        ("판교테크노밸리에 입주한", "경기 성남시 분당구 판교"),
        ("the lab in Yangjae-dong, Seoul", "서울 서초구 양재동"),
    ],
)
def test_find_address_normalises(text: str, expected: str) -> None:
    found = find_address(text)
    assert found is not None
    assert found[0] == expected


def test_find_address_span_slices_the_text() -> None:
    text = "정부는 28일 서울 양재동 서울 AI허브에서 행사를 열었다."
    _, start, end = find_address(text) or ("", 0, 0)
    assert text[start:end] == "서울 양재동"
    assert [a[0] for a in find_addresses(text)] == ["서울 서초구 양재동", "서울"]


@pytest.mark.parametrize("text", ["중구 을지로에서", "북구청 앞", "강서구에 있는", "고성군 일대"])
def test_ambiguous_sigungu_needs_a_sido(text: str) -> None:
    assert find_address(text) is None


def test_ambiguous_sigungu_resolves_with_its_sido() -> None:
    assert find_address("대전 중구에")[0] == "대전 중구"  # type: ignore[index]
    assert find_address("부산 강서구 에코델타시티")[0] == "부산 강서구 에코델타시티"  # type: ignore[index]
    assert km(geocode("서울 중구"), geocode("대전 중구")) > 100  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text", ["이곳에 상주하면서", "서울대 연구진", "경영국장", "대구경북과학기술원", "예산을 늘린다"]
)
def test_words_that_only_contain_a_place_name(text: str) -> None:
    assert find_address(text) is None


def test_gwangju_alone_is_the_metropolitan_city() -> None:
    assert find_address("광주시는")[0] == "광주"  # type: ignore[index]
    assert km(geocode("경기 광주시"), geocode("광주시")) > 150  # type: ignore[arg-type]


def test_geocode_prefers_the_most_specific_place() -> None:
    assert geocode("서울 서초구 양재동") == geocode("양재동")
    assert geocode("서울 서초구") != geocode("서울")
    assert geocode("양재 강남데이터센터") == geocode("양재동")
    assert geocode("Seoul AI Hub in Yangjae") == geocode("양재동")
    assert specificity("서울") == 1 and specificity("서울 서초구") == 2 and specificity("서울 양재동") == 4


def test_geocode_unknown_is_none() -> None:
    assert geocode("어딘가 모르는 곳") is None
    assert geocode("") is None


def test_every_place_says_its_precision_and_every_facility_its_source() -> None:
    """Precision is one of four words; a named facility names the public page that says where it is."""
    places = load_places()
    assert {p.precision for p in places} == set(PRECISIONS)
    facilities = [p for p in places if p.level == "facility"]
    assert len(facilities) >= 5
    for p in facilities:
        assert p.source.startswith("https://"), p
        assert p.precision in ("building", "district"), p
    assert {p.precision for p in places if p.level == "sido"} == {"city", "province"}


@pytest.mark.parametrize(
    ("name", "address", "facility", "precision"),
    [
        ("서울 AI허브", "서울 서초구 양재동", "서울 AI 허브", "building"),  # a spelling without the space
        (
            "옛 품질시험소 별관 부지",
            "서울 서초구 태봉로 108",
            "서울 AI 허브",
            "building",
        ),  # by its street address
        # the data centre is a facility of its own (with its own English name), at the complex's point
        ("광주 국가AI데이터센터", "광주 북구 첨단3지구", "국가 AI 데이터센터", "building"),
        ("AI 중심 산업융합 집적단지", "광주", "광주 AI 집적단지", "building"),
        ("울산 AI 데이터센터", "울산 울주군", "SK AI 데이터센터 울산", "district"),  # not the event's venue
        ("옛 SK케미칼 부지", "울산 남구 황성동", "SK AI 데이터센터 울산", "district"),  # by a location hint
        ("용인 국가산업단지", "경기 용인시", "용인 첨단시스템반도체 국가산업단지", "district"),
    ],
)
def test_named_facilities_get_their_own_point(name: str, address: str, facility: str, precision: str) -> None:
    place = find_facility(name, address)
    assert place is not None and place.name == facility
    assert locate(name, address) == (place.lat, place.lon, precision)
    assert locate(name, address)[:2] != geocode(address)  # finer than the address's district or city


@pytest.mark.parametrize(
    ("name", "english"),
    [
        ("서울 AI허브", "Seoul AI Hub"),  # a spelling of the name
        ("AI 양재허브", "Seoul AI Hub"),  # the hub's name before 2023
        ("Seoul AI Hub", "Seoul AI Hub"),
        ("국가 AI 연구거점", "National AI Research Lab"),  # a body housed in the hub: its own name
        ("인공지능 중심 산업융합 집적단지", "National AI Industrial Convergence Complex"),
        ("국가 인공지능(AI) 집적단지", "National AI Industrial Convergence Complex"),  # a gloss is dropped
        ("광주 국가AI데이터센터", "National AI Data Center"),
        ("울산 AI 데이터센터", "SK AI Data Center Ulsan"),
        ("국가 AI컴퓨팅 센터", "National AI Computing Center"),
        ("용인 반도체 국가산단", "Yongin Advanced System Semiconductor National Industrial Complex"),
        ("옛 SK케미칼", None),  # a location hint locates a site but does not name it
        ("서울 AI 허브 입주기업 지원센터", None),  # a name that contains a facility's is another site
        ("시스템반도체 설계지원센터", None),  # no English name on record
        ("양재동", None),  # not a facility
    ],
)
def test_facility_english_name_by_norm_key(name: str, english: str | None) -> None:
    assert facility_name_en(program_key(name)) == english


def test_no_facility_name_is_two_facilities_english_names() -> None:
    """Every name or alias of a facility with an English name keys one English name, and says its source."""
    named: dict[str, set[str]] = {}
    for p in load_places():
        if p.level == "facility" and p.name_en:
            assert not has_hangul(p.name_en) and p.source.startswith("https://"), p
            for alias in (p.name, *p.aliases):
                named.setdefault(program_key(alias), set()).add(p.name_en)
    assert named and all(len(v) == 1 for v in named.values()), named
    assert facility_name_en(None) is None and facility_name_en("") is None


def test_sites_without_a_facility_take_their_address_precision() -> None:
    assert locate("어느 센터", "서울 서초구 양재동")[2] == "district"
    assert locate("어느 센터", "경기 성남시")[2] == "city"
    assert locate("어느 센터", "전남")[2] == "province"
    assert locate("어느 센터", None) is None
    # facilities never become addresses: the address finder does not see them
    assert find_addresses("서울 AI 허브에서 열렸다")[0][0] == "서울"
