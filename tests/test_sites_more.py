"""Sites (issue 11): qualified generic heads, several places in one sentence, build verbs and lists sharing one head; the first half is tests/test_sites.py."""

from __future__ import annotations

import re
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


# --- venues, programs named like a building, heads of any facility (issue #11, sites on unseen pages) ----------


@pytest.mark.parametrize("entry", lexicon.entries("site_venue_words"), ids=lambda e: f"{e.meaning}:{e.term}")
def test_where_something_is_held_is_a_venue_unless_it_opens_there(entry: lexicon.Entry) -> None:
    assert entry.term in entry.example
    names = _names(entry.example)
    if entry.meaning == "held":  # "X에서 열린 위원회": X is only where it was held
        assert names == [], names
    else:  # "X에서 열린 ○○센터 개소식": the opening says where the facility is
        assert names, entry.example


def test_a_program_named_like_a_facility_is_a_site_where_the_text_says_where_it_stands() -> None:
    name = "의료AI 스타트업 이노베이션센터"
    said = f"{name}는 춘천 데이터 클러스터 안에 지상 4층, 5000㎡ 규모로 들어선다."
    assert name in [s.name for s in sites_in(said, programs=frozenset({name}))]
    assert name not in [s.name for s in sites_in(f"도는 {name} 운영을 맡는다.", programs=frozenset({name}))]


def test_a_year_opening_a_quoted_name_is_not_part_of_it() -> None:
    assert [s.name for s in sites_in("도는 '2021년 드론 실증 테스트베드'를 판교에 구축한다.")] == [
        "드론 실증 테스트베드"
    ]


def test_a_name_and_the_same_name_with_one_more_head_are_one_facility() -> None:
    found = sites_in(
        "Daejeon will build the Robot GPU Hub Center in Yuseong.",
        "The Robot GPU Hub opens in 2027 in Yuseong.",
    )
    assert [s.name for s in found] == ["Robot GPU Hub Center"]


def test_the_site_of_a_named_campus_is_the_campus() -> None:
    found = sites_in(
        "한국외대는 송도에 한국외대 송도캠퍼스를 짓는다.", "대학은 송도캠퍼스 부지에 기숙사를 세운다."
    )
    assert [s.name for s in found] == ["한국외대 송도캠퍼스"]


def test_a_name_in_brackets_after_a_name_glosses_it() -> None:
    found = sites_in("대학은 송도캠퍼스(AI 기반 Inha Open Innovation Campus)에 데이터센터를 세운다.")
    assert "Inha Open Innovation Campus" not in [s.name for s in found]


def test_a_place_possessive_opens_a_qualified_english_name() -> None:
    names = [
        s.name
        for s in sites_in("The firm will build a data center campus in Ulsan's Mipo industrial complex.")
    ]
    assert "Mipo industrial complex" in names


def test_a_facility_named_after_its_place_is_a_place_without_another_cue() -> None:
    assert [
        s.name for s in sites_in("시는 내년 국비로 세종 디지털 트윈 실증센터(가칭) 설계에 착수한다.")
    ] == ["세종 디지털 트윈 실증센터"]
    assert sites_in("도는 경기도 바이오센터와 협의를 마쳤다.") == []  # a place and one word: a body's name


def test_a_name_opening_with_its_place_keeps_that_place_over_a_place_nearby() -> None:
    found = sites_in("▲광주 AI 데이터센터 고도화(100억원) ▲전남 해상풍력 실증단지 조성(50억원)")
    assert [(s.name, s.address) for s in found] == [
        ("광주 AI 데이터센터", "광주"),
        ("전남 해상풍력 실증단지", "전남"),
    ]


def test_a_quoted_name_after_the_facility_word_it_is_is_a_site_without_a_head() -> None:
    found = sites_in("시는 국내에 하나뿐인 AI 전시·교육시설 '로봇랜드'를 짓기로 했다.")
    assert [s.name for s in found] == ["로봇랜드"]
    assert sites_in("시는 AI 실증센터 '데이터 바우처 사업'에 참여한다.") == []  # a program, quoted


def test_a_body_glued_to_a_branch_name_qualifies_a_facility() -> None:
    # Kiwi reads the 에 of 한양대에리카 as a particle; the gazetteer knows 한양대.
    names = [s.name for s in sites_in("AI 인재 길러낼 한양대에리카 인공지능 융합연구센터 문 열어")]
    assert names == ["한양대에리카 인공지능 융합연구센터"]
    assert sites_in("인하대는 AI 데이터센터를 세운다.") == []  # a body and its particle is no qualifier


@pytest.mark.parametrize(
    "line",
    [
        "지속가능 첨단 소재 기술지원 센터 80억원(총사업비 210억원)",
        "드론 실증센터(50억원)",
        "드론 실증센터: 1억5000만원",
    ],
)
def test_a_budget_line_funding_a_facility_makes_it_a_site_even_named_as_a_program(line: str) -> None:
    name = re.split(r"\s?[(:]|\s\d", line)[0]
    assert [s.name for s in sites_in(line, programs=frozenset({name}))] == [name]


def test_an_english_budget_line_funding_a_facility_makes_it_a_site() -> None:
    line = "The budget covers the AI Convergence Center (5 billion won) and more."
    assert [s.name for s in sites_in(line, programs=frozenset({"AI Convergence Center"}))] == [
        "AI Convergence Center"
    ]


def test_a_hub_on_a_budget_line_is_a_site() -> None:
    assert [s.name for s in sites_in("▲AX 혁신허브 운영(50억원)")] == ["AX 혁신허브"]


def test_english_money_said_right_before_a_facility_funds_it() -> None:
    line = "The city will spend 5 billion won on the AI Convergence Center next year."
    assert [s.name for s in sites_in(line, programs=frozenset({"AI Convergence Center"}))] == [
        "AI Convergence Center"
    ]


def test_a_program_named_facility_that_opened_is_a_site_its_opening_ceremony_is_not_enough() -> None:
    programs = frozenset({"드론 실증센터", "국가 AI 연구거점"})
    assert [s.name for s in sites_in("드론 실증센터가 18일 춘천에서 문을 열었다.", programs=programs)] == [
        "드론 실증센터"
    ]
    found = sites_in("과기정통부는 서울 AI허브에서 국가 AI 연구거점 개소식을 열었다.", programs=programs)
    assert [s.name for s in found] == ["서울 AI허브"]


# --- ports (site_heads.tsv `port`) ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("해수부는 인천항에서 무인 하역 장비를 시험한다.", ["인천항"]),
        ("예산에는 △평택신항(300억원) 건설비가 들어갔다.", ["평택신항"]),
        ("공사는 광양항 등 항만 세 곳에 관제 체계를 깐다.", ["광양항"]),
        # A port that only qualifies the word after it (a road, a plan) names no site here.
        ("정부는 목포신항 연결도로를 2028년까지 넓힌다.", []),
        # 포항 is a city, not a port (포 is no place); 인천항만공사 is a body (항만).
        ("포항에 있는 인천항만공사 사무소가 문을 닫았다.", []),
    ],
)
def test_a_city_glued_to_a_port_head_names_its_port(text: str, names: list[str]) -> None:
    assert [s.name for s in sites_in(text)] == names


# --- a town in brackets after its local government -----------------------------------------------------------


def test_a_town_in_brackets_after_its_county_is_where_the_program_happens() -> None:
    text = "부처는 공모에서 예천군(용궁면)과 충청북도(옥천군 이원면)를 골랐다."
    assert [(s.name, s.address) for s in sites_in(text)] == [("용궁면", "경북 예천군"), ("이원면", "충북")]


def test_brackets_after_a_word_that_is_no_place_name_no_town() -> None:
    assert sites_in("회사는 복합물류창고(신촌동)를 빌려 쓴다.") == []


def test_a_program_named_facility_that_settled_somewhere_is_a_site() -> None:
    programs = frozenset({"해양 드론 실증센터"})
    text = "'해양 드론 실증센터'가 군산의 한 대학 안에 자리를 잡았다."
    assert [s.name for s in sites_in(text, programs=programs)] == ["해양 드론 실증센터"]
    assert sites_in("'해양 드론 실증센터'로 군산의 예산이 늘었다.", programs=programs) == []


def test_a_facility_the_program_works_from_is_a_site_and_its_name_may_join_two_groups() -> None:
    text = "돌봄 로봇 사업은 한빛 아동·청소년복지관을 거점으로 아이들을 돕는다."
    assert _names(text) == ["한빛 아동·청소년복지관"]
    assert _names("돌봄 로봇 사업은 한빛 아동·청소년복지관 예산을 늘린다.") == []  # no place cue
    assert _names("시는 로봇·자동차·조선·공장 전환을 돕는다.") == []  # fields ending in a bare head


def test_a_word_glossed_by_its_short_form_and_the_short_form_alone_name_one_site() -> None:
    text = "부산 자율주행기술(ADT) 실증센터가 2일 문을 열었다. 부산 ADT 실증센터는 강서구에 있다."
    assert _names(text) == ["부산 자율주행기술(ADT) 실증센터"]


def test_a_generic_facility_takes_a_place_after_it_only_where_the_place_locates_it() -> None:
    assert _names("단장은 AI 혁신 파크가 울산이 산업도시로 서는 데 힘이 된다고 말했다.") == []
    assert _names("AI 혁신 파크는 울산 남구에 들어선다.") == ["남구 AI 혁신 파크"]


def test_a_quoted_name_counted_in_places_is_a_site_though_its_words_are_common() -> None:
    assert _names("정부는 '스마트 물류 테스트베드' 3곳을 만들어 운영한다.") == ["스마트 물류 테스트베드"]
    assert _names("정부는 '스마트 물류 테스트베드' 예산을 늘린다.") == []
