"""Sites: facility names, address, floors, floor area, status and year, merging, and what is not a site."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from etl.extract.places import find_facility, geocode
from etl.extract.sites import extract_sites
from etl.models import Sentence, Site

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "national_ai_research_lab_2024-10-28.txt"
PUBLISHED = date(2024, 10, 28)


def sites_in(
    *texts: str, programs: frozenset[str] = frozenset(), published: date | None = PUBLISHED
) -> list[Site]:
    """Run the extractor over sentences laid end to end with one space between them."""
    sents, pos = [], 0
    for t in texts:
        sents.append(Sentence(t, pos, pos + len(t)))
        pos += len(t) + 1
    return extract_sites(" ".join(texts), sents, published, programs)


def one(*texts: str, **kw: object) -> Site:
    found = sites_in(*texts, **kw)  # type: ignore[arg-type]
    assert len(found) == 1, found
    return found[0]


# --- the seed announcement, restated in our own words -------------------------------------------------

LAB = (
    "과기정통부는 28일 서울 양재동 서울 AI허브에서 '국가 AI 연구거점' 개소식을 열었다.",
    "'국가 AI 연구거점'은 서울 AI허브 본관 5~7층과 AI교육동 전층에 자리를 마련됐다.",
    "두 공간을 더하면 약 2132평 규모다.",
    "정부는 2025년까지 2500평 규모의 양재 강남데이터센터 1~2층을 추가로 확보한다는 계획이다.",
)


def test_restated_seed_gives_the_hub_and_the_data_center() -> None:
    hub, dc = sites_in(*LAB, programs=frozenset({"국가 AI 연구거점"}))
    assert hub.name == "서울 AI허브"
    assert hub.address == "서울 서초구 양재동"
    assert hub.status == "open" and hub.year == 2024
    assert hub.area_m2 == pytest.approx(7048, abs=1) and hub.area_text == "2132평"
    assert hub.floors is not None and "5~7층" in hub.floors
    # The hub is a gazetteer facility: its own point (a building), not the 양재동 centre of its address.
    hub_place = find_facility("서울 AI 허브")
    assert hub_place is not None and (hub.lat, hub.lon, hub.precision) == (
        hub_place.lat,
        hub_place.lon,
        "building",
    )
    assert dc.name == "양재 강남데이터센터"
    assert (dc.lat, dc.lon, dc.precision) == (*geocode("양재동"), "district")
    assert dc.status == "planned" and dc.year == 2025
    assert dc.area_m2 == pytest.approx(8264.5, abs=0.5) and dc.floors == "1~2층"
    assert hub.evidence is not None and hub.evidence.text == LAB[0]


def test_seed_article() -> None:
    if not SEED.exists():
        pytest.skip(f"{SEED} is not here (the seed lives in ../shared)")
    from etl.nlp import split_sentences

    text = SEED.read_text(encoding="utf-8")
    article = text[: text.index("Copyright")]
    found = extract_sites(article, split_sentences(article), PUBLISHED, {"국가 AI 연구거점"})
    by_name = {s.name: s for s in found}
    assert set(by_name) == {"서울 AI허브", "양재 강남데이터센터"}
    hub, dc = by_name["서울 AI허브"], by_name["양재 강남데이터센터"]
    assert (hub.address, hub.status, hub.area_m2) == (
        "서울 서초구 양재동",
        "open",
        pytest.approx(7048, abs=1),
    )
    assert "5~7층" in (hub.floors or "")
    assert (dc.status, dc.year, dc.area_m2) == ("planned", 2025, pytest.approx(8264.5, abs=0.5))
    for s in found:
        assert s.evidence is not None and article[s.evidence.start : s.evidence.end] == s.evidence.text
    # The page's sidebar (128조원, 1.2GW, 데이터센터 탄소배출) names no facility either.
    whole = extract_sites(text, split_sentences(text), PUBLISHED, {"국가 AI 연구거점"})
    assert {s.name for s in whole} == set(by_name)


# --- what is not a site -------------------------------------------------------------------------------


def test_program_names_are_not_sites() -> None:
    text = "'국가 AI 연구거점'은 양재동에 마련됐다."
    assert sites_in(text, programs=frozenset({"국가 AI 연구거점"})) == []
    # A shortened form of the program name is the program too.
    assert sites_in("'국가 AI거점'이 서울 양재동에 들어섰다.", programs=frozenset({"국가 AI 연구거점"})) == []


@pytest.mark.parametrize(
    "text",
    [
        "AI 수요가 늘면서 데이터센터 탄소배출량이 늘고 있다.",
        "한국을 세계적인 AI 허브로 키우겠다.",
        "전환비용을 최대 약 128조원 아낄 수 있다.",
        "구글이 청정에너지 1.2기가와트(GW)를 확보했다.",
        "벡터연구소(Vector Institute) 겸직교수인 그는 비전을 제시했다.",
        "새로 만든 '국산 NPU 데이터센터 구축사업'에 376억원을 배정했다.",
        "판교에 설계지원센터와 AI 집적단지를 새로 짓는다.",
        "The new data center will need more power.",
        "Korea aims to become a global AI hub.",
    ],
)
def test_not_sites(text: str) -> None:
    assert sites_in(text) == []


# --- names ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("SK텔레콤은 2027년까지 울산 AI 데이터센터를 조성할 예정이다.", "울산 AI 데이터센터"),
        ("경기 성남시 분당구 판교에 들어선 경기 스타트업캠퍼스는 2015년 개소했다.", "경기 스타트업캠퍼스"),
        ("LG는 양재 R&D연구소를 개소했다.", "양재 R&D연구소"),
        ("The Seoul AI Hub opened in 2022 in Yangjae.", "Seoul AI Hub"),
        ("The Gwangju AI Cluster is slated to open in 2025.", "Gwangju AI Cluster"),
        ("The new Pangyo AI Campus covers 7,000 square meters.", "Pangyo AI Campus"),
        ("Microsoft will build a data center in Busan by 2026.", "data center in Busan"),
    ],
)
def test_names(text: str, name: str) -> None:
    assert one(text).name == name


# --- address and coordinates ---------------------------------------------------------------------------


def test_address_from_the_same_sentence_and_coordinates() -> None:
    site = one("서울시는 마포구 상암동에 '서울 AI 혁신센터'를 2025년 개관할 예정이다.")
    assert site.address == "서울 마포구 상암동"
    assert (site.lat, site.lon) == geocode("상암동")


def test_address_from_the_previous_sentence() -> None:
    site = one("전남 해남군 솔라시도가 입지로 정해졌다.", "국가AI컴퓨팅센터는 2028년 문을 열 계획이다.")
    assert site.address == "전남 해남군 솔라시도"
    assert (site.lat, site.lon) == geocode("솔라시도")


def test_place_in_the_name_narrows_the_address() -> None:
    site = one("서울에 있는 양재 R&CD 혁신허브가 문을 열었다.")
    assert site.address == "서울 서초구 양재동"
    assert (site.lat, site.lon) == geocode("양재동")


def test_coordinates_from_the_place_in_the_name() -> None:
    site = one("Microsoft will build a data center in Busan by 2026.")
    assert site.address == "부산"
    assert (site.lat, site.lon) == geocode("부산")


# --- floor area --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("area", "m2"),
    [
        ("2132평", 7048.0),
        ("2,132평", 7048.0),
        ("7,000㎡", 7000.0),
        ("7000m²", 7000.0),
        ("7,000 제곱미터", 7000.0),
        ("3만3000㎡", 33000.0),
        ("4만6,200㎡", 46200.0),
    ],
)
def test_korean_area_units(area: str, m2: float) -> None:
    site = one(f"울산 AI 데이터센터는 {area} 규모로 들어선다.")
    assert site.area_m2 == pytest.approx(m2, abs=0.5)
    assert site.area_text == area


@pytest.mark.parametrize(
    ("area", "m2"), [("7,000 square meters", 7000.0), ("7,000 sq m", 7000.0), ("10,000 square feet", 929.0)]
)
def test_english_area_units(area: str, m2: float) -> None:
    site = one(f"The Pangyo AI Campus covers {area}.")
    assert site.area_m2 == pytest.approx(m2, abs=0.5)


def test_area_alone_attaches_to_the_previous_sentence_site() -> None:
    site = one("울산 AI 데이터센터가 문을 열었다.", "이를 합치면 약 2,500평 규모다.")
    assert site.area_m2 == pytest.approx(8264.5, abs=0.5)
    assert sites_in("정부는 계획을 밝혔다.", "이를 합치면 약 2,500평 규모다.") == []


def test_area_goes_to_the_nearest_name() -> None:
    found = sites_in("판교 제2테크노밸리에는 7,000㎡ 규모의 성남 AI캠퍼스가 있다.")
    by_name = {s.name: s for s in found}
    assert by_name["성남 AI캠퍼스"].area_m2 == 7000.0


# --- floors -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "floors"),
    [
        ("연구실은 서울 AI허브 본관 5~7층에 마련됐다.", "본관 5~7층"),
        ("양재 강남데이터센터 1~2층을 확보한다.", "1~2층"),
        ("서울 AI허브 전층을 쓴다.", "전층"),
        ("연구 공간은 서울 AI허브 5층부터 7층까지다.", "5층부터 7층까지"),
        ("The Pangyo AI Campus uses floors 3-5.", "floors 3-5"),
        ("The Seoul AI Hub occupies the 5th to 7th floors.", "5th to 7th floors"),
    ],
)
def test_floors(text: str, floors: str) -> None:
    assert one(text).floors == floors


# --- status and year -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "verb",
    [
        "가 개소했다",
        "가 개관했다",
        "가 문을 열었다",
        "가 준공됐다",
        "에 기업들이 입주했다",
        "에 연구실이 마련됐다",
        "가 개소식을 열었다",
        "가 개원했다",
        " 문 열어",
    ],
)
def test_open_status_takes_the_publication_year(verb: str) -> None:
    site = one(f"울산 AI 데이터센터{verb}.")
    assert (site.status, site.year) == ("open", 2024)


def test_open_with_its_own_year() -> None:
    site = one("카카오는 안산 데이터센터를 2023년 9월 준공했다.")
    assert (site.status, site.year, site.address) == ("open", 2023, "경기 안산시")


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("정부는 2026년까지 울산 AI 데이터센터를 추가로 확보할 계획이다.", 2026),
        ("울산 AI 데이터센터는 2027년 조성 예정이다.", 2027),
        ("정부는 2025년까지 양재 강남데이터센터를 추가로 확보한다는 계획이다.", 2025),
        ("울산 AI 데이터센터는 2029년 준공할 예정이다.", 2029),
        ("Microsoft will build a data center in Busan by 2026.", 2026),
        ("The Gwangju AI Cluster is slated to open in 2025.", 2025),
    ],
)
def test_planned_status_and_year(text: str, year: int) -> None:
    site = one(text)
    assert (site.status, site.year) == ("planned", year)


def test_english_opened() -> None:
    site = one("The Seoul AI Hub opened in 2022 in Yangjae.")
    assert (site.status, site.year, site.address) == ("open", 2022, "서울 서초구 양재동")


def test_no_status_without_a_verb() -> None:
    site = one("서울 AI허브 본관은 넓다.")
    assert site.status is None and site.year is None


# --- merging ------------------------------------------------------------------------------------------


def test_repeated_mentions_make_one_site_with_the_fuller_name() -> None:
    found = sites_in(
        "강남데이터센터는 서초구에 있다.",
        "정부는 2025년까지 양재 강남데이터센터 1~2층을 확보할 계획이다.",
        "강남데이터센터의 면적은 2500평이다.",
    )
    assert len(found) == 1
    site = found[0]
    assert site.name == "양재 강남데이터센터"
    assert (site.status, site.year, site.floors) == ("planned", 2025, "1~2층")
    assert site.area_m2 == pytest.approx(8264.5, abs=0.5)
    assert site.evidence is not None and site.evidence.text.startswith("강남데이터센터는")


def test_distinct_facilities_stay_apart() -> None:
    found = sites_in("울산 AI 데이터센터와 안산 데이터센터가 문을 열었다.")
    assert [s.name for s in found] == ["울산 AI 데이터센터", "안산 데이터센터"]


# --- vocabularies: every example goes through the real extractor ----------------------------------------

from etl import lexicon  # noqa: E402


def _names(example: str) -> list[str]:
    from etl.nlp import split_sentences

    return [s.name for s in extract_sites(example, split_sentences(example), PUBLISHED)]


def _flat(s: str) -> str:
    return s.replace(" ", "").casefold()


@pytest.mark.parametrize("entry", lexicon.entries("site_heads"), ids=lambda e: e.term)
def test_a_head_makes_a_site_of_its_example(entry: lexicon.Entry) -> None:
    assert entry.term in entry.example
    names = _names(entry.example)
    if entry.meaning == "numbered":  # "Advanced District 3": the head and its number end the name
        names = [re.sub(r"\s*\d+$", "", n) for n in names]
    assert any(_flat(n).endswith(_flat(entry.term)) for n in names), names


@pytest.mark.parametrize("entry", lexicon.entries("site_generic"), ids=lambda e: e.term)
def test_a_generic_word_makes_no_name(entry: lexicon.Entry) -> None:
    assert entry.term in entry.example
    assert _names(entry.example) == []


@pytest.mark.parametrize("entry", lexicon.entries("site_name_stops"), ids=lambda e: e.term)
def test_a_name_never_reaches_across_a_stop_word(entry: lexicon.Entry) -> None:
    assert entry.term in entry.example.split()
    names = _names(entry.example)
    if entry.meaning == "prefix":  # a prefix starts the name and ends it on the left
        assert any(n.split()[0] == entry.term for n in names), names
    else:
        assert all(entry.term not in n.split() for n in names), names


@pytest.mark.parametrize("entry", lexicon.entries("site_not_sites"), ids=lambda e: f"{e.meaning}:{e.term}")
def test_bodies_venues_ceremonies_and_call_titles_are_not_sites(entry: lexicon.Entry) -> None:
    assert entry.term in entry.example
    assert _names(entry.example) == []


@pytest.mark.parametrize("entry", lexicon.entries("site_each"), ids=lambda e: f"{e.meaning}:{e.term}")
def test_one_head_said_of_several_places_is_one_site_each(entry: lexicon.Entry) -> None:
    assert entry.term in entry.example
    assert len(_names(entry.example)) >= 2, _names(entry.example)


@pytest.mark.parametrize("entry", lexicon.entries("site_place_cues"), ids=lambda e: e.term)
def test_an_english_name_after_a_place_preposition_is_a_site(entry: lexicon.Entry) -> None:
    assert f" {entry.term} " in entry.example
    assert _names(entry.example), entry.example


def test_a_name_with_a_title_after_it_is_a_company_everywhere() -> None:
    names = _names(
        "도는 김철수 한빛캠퍼스 대표와 협약을 맺었다. 한빛캠퍼스는 울산 미포산단에 데이터센터를 짓는다."
    )
    assert not any("한빛캠퍼스" in n for n in names), names


def test_two_research_centers_name_no_facility() -> None:
    assert _names("In Daegu, the institute will open two research centers with local firms.") == []


@pytest.mark.parametrize("entry", lexicon.entries("site_short_forms"), ids=lambda e: e.term)
def test_a_short_form_is_the_same_site(entry: lexicon.Entry) -> None:
    assert entry.term in entry.example and entry.meaning in entry.example
    assert len(_names(entry.example)) == 1, _names(entry.example)
