"""Sites (issue 11): qualified generic heads, several places in one sentence, build verbs and lists sharing one head; the first half is tests/test_sites.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl import lexicon
from tests.test_sites import _names, sites_in

# --- qualified heads, several places, what is not a site ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("시는 2027년까지 부산 제조 AI 실증센터를 세울 계획이다.", "부산 제조 AI 실증센터"),
        (
            "선도모델은 ▲한 회사의 AI 기반 가스터빈 조립공정 고도화 공장이다.",
            "AI 기반 가스터빈 조립공정 고도화 공장",
        ),
        (
            "광주 첨단 3지구에 인공지능(AI) 중심 산업 융합집적단지를 짓고 있다.",
            "인공지능(AI) 중심 산업 융합집적단지",
        ),
        ("도는 의료 AI 선도지구로 지정받는 절차를 밟는다.", "의료 AI 선도지구"),
        ("치료 서비스는 강원대병원 AI암치유센터에서 진료에 쓰인다.", "강원대병원 AI암치유센터"),
        ("In Pohang, the city will open the robotics campus next year.", "robotics campus"),
        ("The pilot links Korea's Busan Port and Abu Dhabi's Khalifa Port.", "Khalifa Port"),
        (
            "It is meant to build data centers in Abu Dhabi as the first stage of a 5-gigawatt AI campus.",
            "5-gigawatt AI campus",
        ),
        # Two qualifiers, one of them a field (site_generic.tsv `field`): a name, though each word is common.
        ("시는 판교에 AI 스타트업 캠퍼스를 새로 조성한다.", "AI 스타트업 캠퍼스"),
        ("회사는 AI 스타트업 연구개발(R&D)센터도 함께 지어 창업을 돕는다.", "AI 스타트업 연구개발(R&D)센터"),
        # A list mark glued to the first word starts the name.
        ("정부는 △국가 AI 컴퓨팅 센터 구축 △AI 모델 개발에 투자한다.", "국가 AI 컴퓨팅 센터"),
        # A prefix (옛) and the noun after it: a former facility, given a place.
        ("군은 태안군 남면의 옛 서남중학교를 고쳐 연구센터로 쓴다.", "옛 서남중학교"),
        ("The joint offices will sit in One MetroTech Center in Brooklyn.", "One MetroTech Center"),
        # A gloss in brackets inside the name is part of it.
        ("시는 센텀2지구와 한진 CY(컨테이너 야적장) 부지로 거점을 넓힌다.", "한진 CY(컨테이너 야적장) 부지"),
        # Two English heads joined by "and" after one determiner name one facility.
        (
            "The firm will invest in an AI data center and research hub in Jeonju.",
            "AI data center and research hub",
        ),
    ],
)
def test_qualified_generic_heads(text: str, name: str) -> None:
    assert name in [s.name for s in sites_in(text)]


def test_a_place_at_the_head_of_a_qualified_site_is_a_site_too() -> None:
    names = [s.name for s in sites_in("광주광역시 북구 첨단3지구에 국가 AI데이터센터가 문을 열었다.")]
    assert "국가 AI데이터센터" in names and any(n.endswith("첨단3지구") for n in names)


def test_three_places_three_sites_with_their_addresses() -> None:
    found = sites_in("산업부는 구미와 창원, 부산 등지에 AI 자율제조 거점센터를 세운다.")
    assert [(s.name, s.address) for s in found] == [
        ("구미 AI 자율제조 거점센터", "경북 구미시"),
        ("창원 AI 자율제조 거점센터", "경남 창원시"),
        ("부산 AI 자율제조 거점센터", "부산"),
    ]
    # A single place keeps a generic head generic.
    assert sites_in("판교에 AI 집적단지를 새로 짓는다.") == []


def test_title_and_body_spellings_merge() -> None:
    found = sites_in(
        "전남도, 장성·강진에 AI데이터센터 짓는다.",
        "장성군에는 200MW급, 강진군에는 300MW급 AI 데이터센터가 각각 들어설 예정이다.",
    )
    assert len(found) == 2, found
    assert {s.address for s in found} == {"전남 장성군", "전남 강진군"}


@pytest.mark.parametrize(
    "text",
    [
        "단지는 광주를 중심으로 들어선다.",  # a bare head speaks of a site already named
        "Building a single 1 GW AI data center costs about 60 trillion won.",
        "경남테크노파크(주관), 경남창조경제혁신센터 등 8개 기관이 참여한다.",
        "울산 울주군 울산전시컨벤션센터에서 열린 출범식에 100명이 모였다.",
        "The government will create a cluster ecosystem with an ultra-large test lab.",
        "정부는 분산형 데이터센터 구축 방향에 발맞춘다.",
    ],
)
def test_more_not_sites(text: str) -> None:
    assert sites_in(text) == []


@pytest.mark.parametrize("entry", lexicon.entries("site_same"), ids=lambda e: e.term)
def test_two_names_said_to_be_one_facility_are_one_site(entry: lexicon.Entry) -> None:
    assert entry.term in entry.example
    assert len(_names(entry.example)) == 1, _names(entry.example)


def test_coordinates_and_precision_reach_the_database_and_the_sites_table(built_db: Path) -> None:
    """The real pipeline stores each site's precision beside its lat/lon, facilities carry them, and the Sites
    page's query and CSV show all three; the research lab sits on the Seoul AI Hub's own point."""
    import duckdb

    from ui import queries, tables
    from ui.filters import Filters

    with duckdb.connect(str(built_db), read_only=True) as con:
        rows = con.execute("SELECT name, lat, lon, precision FROM sites").fetchall()
        stored = con.execute("SELECT count(*) FROM facilities WHERE lat IS NOT NULL AND precision IS NULL")
        assert stored.fetchone() == (0,)
        df = queries.site_map(con, filters=Filters())
    assert rows and all((lat is None) == (precision is None) for _, lat, _, precision in rows)
    lab = [(lat, lon, p) for name, lat, lon, p in rows if "연구거점" in name or "AI Hub" in name]
    assert lab and all(p == "building" for _, _, p in lab), lab
    assert df["precision"].notna().sum() == df["lat"].notna().sum() > 0
    csv = tables.export_frame(df, lang="en")
    assert {"Latitude", "Longitude", "Coordinates at"} <= set(csv.columns)
    assert set(csv["Coordinates at"].dropna()) <= {"building", "district", "city", "province"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The National AI Computing Center will open in 2028 in Haenam.", "National AI Computing Center"),
        # lower case: a generic name, named by the place written after it
        (
            "The ministry will build the national AI computing center in Haenam.",
            "national AI computing center",
        ),
    ],
)
def test_an_english_facility_in_capitals_or_followed_by_its_place_is_a_site(text: str, name: str) -> None:
    from etl.extract.document import extract_document
    from etl.models import Document

    facts = extract_document(Document(source="x.txt", text=text, lang="en"))
    assert [s.name for s in facts.sites] == [name]
    assert "해남" in (facts.sites[0].address or "")


# --- build verbs, programs a sentence builds, lists sharing one head (issue #11, sites11) -------------------


@pytest.mark.parametrize("entry", lexicon.entries("site_build_words"), ids=lambda e: f"{e.meaning}:{e.term}")
def test_a_build_word_makes_a_weak_head_a_place(entry: lexicon.Entry) -> None:
    assert entry.term.lower() in entry.example.lower()
    assert _names(entry.example), entry.example


def test_a_weak_head_with_no_place_cue_is_no_site() -> None:
    assert _names("시는 로봇 실증센터 예산을 늘린다.") == []


def test_an_object_verb_counts_only_for_the_name_it_governs() -> None:
    # "세워" builds what stands right before it with 을/를, not a name with a place between them.
    assert _names("정부는 세계적 수준의 AI 연구거점을 국내에 세워 연구자를 모은다.") == []
    assert _names("시는 해양 로봇 실증센터를 세운다.") == ["해양 로봇 실증센터"]
    assert _names("과기정통부는 '정보통신 복합혁신센터'와 교육공간을 만든다.") == ["정보통신 복합혁신센터"]


def test_a_program_the_sentence_builds_is_a_site_too() -> None:
    programs = frozenset({"대구AI혁신센터"})
    built = sites_in("거점은 옛 소방서 후적지에 세워질 '대구AI혁신센터'다.", programs=programs)
    assert "대구AI혁신센터" in [s.name for s in built]
    # Only named as a program (its ceremony), it stays a program.
    assert sites_in("시는 '대구AI혁신센터' 출범을 알렸다.", programs=programs) == []


def test_items_glued_to_a_counted_head_are_one_site_each() -> None:
    names = _names("도는 하회·양동·도산서원 등 3개 서원의 건물을 3D 데이터로 담는다.")
    assert names == ["하회서원", "양동서원", "도산서원"]
    # Without the count the list may be fields (로봇·자동차·조선·공장) or two names: no split.
    assert _names("도는 하회·양동·도산서원에서 건물을 찍었다.") == []


def test_fields_before_a_one_word_name_are_one_site_each() -> None:
    assert _names("제조·물류 리빙랩에서 기업 3곳이 기술을 시험한다.") == ["제조 리빙랩", "물류 리빙랩"]
    # Not fields: one designation, not three sites.
    assert not [n for n in _names("소재·부품·장비 특화단지로 지정된 곳에 전력망을 깐다.") if "소재" in n]


def test_a_facility_in_a_clause_about_a_country_only_mentioned_is_no_site() -> None:
    # "캐나다는 … 세웠고": an example from abroad; a country working with this side keeps its site.
    assert _names("캐나다는 정부 주도로 토론토에 국가 AI 연구소를 세웠고, 우리 정부는 예산을 늘린다.") == []
    assert _names("미국은 우리 연구진과 함께 보스턴에 양자 공동연구센터를 세운다.") == ["양자 공동연구센터"]


def test_a_hub_is_a_site_only_after_its_place_or_in_quotes() -> None:
    assert _names("충북은 오송을 축으로 바이오헬스산업 허브를 만들고 기업을 모은다.") == []
    assert _names("시는 생활밀착형 AI 종합 허브를 만드는 데 힘을 쏟는다.") == []
    assert _names("창업기업은 서울 AI허브에 입주한다.") == ["서울 AI허브"]


def test_a_tract_named_after_its_place_is_a_place_without_a_build_verb() -> None:
    assert _names("물류기업은 진해구 신항배후단지에 50억원을 투자한다.") == ["진해구 신항배후단지"]
    assert _names("물류기업은 신항배후단지에 50억원을 투자한다.") == []


def test_a_generic_facility_the_sentence_builds_at_a_place_it_names_is_a_site() -> None:
    assert _names("한 회사는 사천시에 1조원을 들여 초거대 AI 데이터센터를 세운다.") == [
        "초거대 AI 데이터센터"
    ]
    assert _names("업계는 초거대 AI 데이터센터를 더 세워야 한다고 본다.") == []


def test_a_valley_of_common_words_is_a_name_other_heads_are_not() -> None:
    # A 밸리 is a designated zone: 'AI밸리 조성' names one; 'AI 혁신 센터 조성' names no particular centre.
    assert _names("대전시는 AI밸리 조성에 15억원을 들인다.") == ["AI밸리"]
    assert _names("대전시는 AI 혁신 센터 조성에 15억원을 들인다.") == []


def test_a_numbered_english_head_is_a_tract_an_address_district_is_not() -> None:
    assert _names("The center will rise in Advanced District 3 by 2026.") == ["Advanced District 3"]
    assert _names("Offices in Gangnam District, Seoul opened in 2024.") == []


def test_a_quoted_name_ends_at_its_last_head() -> None:
    # "데이터센터 클러스터": the head that ends the quoted name counts, not the first one inside it.
    assert _names("도는 '구미 첨단 AI 데이터센터 클러스터'를 만들기로 했다.") == [
        "구미 첨단 AI 데이터센터 클러스터"
    ]


def test_a_build_noun_right_after_a_name_builds_it() -> None:
    programs = frozenset({"해양 AX 혁신 R&D 센터"})
    built = sites_in("△기업이 모이는 인프라 '해양 AX 혁신 R&D 센터' 구축: 50억원", programs=programs)
    assert [s.name for s in built] == ["해양 AX 혁신 R&D 센터"]
    # "'X' 구축 사업": the title of a program, not by itself a facility.
    assert sites_in("시는 '해양 AX 혁신 R&D 센터' 구축 사업을 맡는다.", programs=programs) == []


def test_a_dash_before_a_list_item_is_not_part_of_the_name() -> None:
    assert _names("- 해양 수중데이터센터 구축 10억원") == ["해양 수중데이터센터"]


def test_an_english_name_may_join_two_words_with_a_middle_dot() -> None:
    assert "AI·R&D Campus" in _names("In Yangjae, facilities such as an AI·R&D Campus will be built by 2026.")


def test_a_short_form_without_its_place_is_the_same_site() -> None:
    names = _names("도는 석문산단에 데이터센터를 짓는다. 당진 석문국가산업단지 안 땅에 센터를 세운다.")
    assert [n for n in names if "석문" in n] == ["당진 석문국가산업단지"]


def test_quoted_names_numbered_after_the_head_are_one_site_each() -> None:
    text = "대학은 'AI 데이터센터 I'을 열었고 내년에 'AI 데이터센터 II'와 'AI 데이터센터 III'를 구축한다."
    assert _names(text) == ["AI 데이터센터 I", "AI 데이터센터 II", "AI 데이터센터 III"]


def test_a_hub_the_text_builds_right_after_its_name_is_a_site() -> None:
    assert _names("△ 해양 AX혁신허브 구축: 10억원") == ["해양 AX혁신허브"]


def test_a_branch_after_the_head_and_a_hyphened_owner_stay_in_the_name() -> None:
    assert _names("도는 지난해 수원에서 문을 연 '경기 로봇캠퍼스+남부'를 넓힌다.") == ["경기 로봇캠퍼스+남부"]
    assert "오픈AI-SK 데이터센터" in _names("도는 오픈AI-SK 데이터센터를 해남에 짓는다.")


# --- the place the work is around (site_place_cues.tsv `around`), a build noun glued to the head ----------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("군은 상설시장 일대에서 무인 배송 서비스를 시험한다.", ["상설시장"]),
        ("시는 대학로 일대에 스마트 가로등을 세운다.", ["대학로"]),
        # An address, a pointer or a common word before 일대 names no site.
        ("센터는 화도읍 답내리 일대 3만 ㎡ 땅에 들어선다.", []),
        ("시는 이 일대에서 드론 배송을 시험한다.", []),
        ("시는 도심 일대에서 자율주행 버스를 시험한다.", []),
    ],
)
def test_the_named_place_a_service_runs_around_is_a_site(text: str, names: list[str]) -> None:
    assert [n for n in _names(text) if "센터" not in n] == names


def test_a_build_noun_glued_to_the_head_ends_the_name() -> None:
    names = _names("예산안에는 작물정보 분석센터구축(신규 30억)과 남부과수출장소 구축(5억)이 들어갔다.")
    assert names == ["작물정보 분석센터", "남부과수출장소"], names
    assert _names("정부는 데이터센터구축 수요를 조사했다.") == []


def test_a_role_a_region_should_play_is_no_site() -> None:
    assert _names("도는 이 지역이 미래 모빌리티 거점 역할을 하도록 돕겠다고 말했다.") == []


def test_a_quoted_program_name_that_is_built_names_its_facility() -> None:
    text = "도는 청주 산단 입주기업을 돕기 위한 '청주산단 기술지원센터' 건립에 본격 나선다고 밝혔다."
    names = [s.name for s in sites_in(text, programs=frozenset({"청주산단 기술지원센터 건립"}))]
    assert "청주산단 기술지원센터" in names, names
    # Building something as an aim is no facility: "X 구축을 목표로".
    assert _names("정부는 글로벌 바이오허브 구축을 목표로 생산 기술개발에 50억원을 잡았다.") == []


def test_a_centre_named_like_a_program_is_a_site_where_the_work_happens() -> None:
    text = "도는 병원과 함께 개발한 서비스를 충남대병원 '인공지능 폐 질환 진단센터'에서 진료에 적용하고 있다."
    names = [s.name for s in sites_in(text, programs=frozenset({"인공지능 폐 질환 진단센터"}))]
    assert names == ["인공지능 폐 질환 진단센터"], names


def test_a_signing_venue_before_a_list_of_partners_is_no_site() -> None:
    text = (
        "두 부처는 20일 대전 유성구 가람전자 글로벌R&D센터에서 한빛과학기술원(HIST), 가람정밀, 가람로보틱스, "
        "누리대학교와 '로봇 산업 AI 기술개발 협력을 위한 업무협약'을 맺었다고 밝혔다."
    )
    assert sites_in(text) == []
