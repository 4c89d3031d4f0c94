"""Sites: venues, programs named like a building, heads of any facility, ports and towns in brackets (qualified heads and build verbs are in tests/test_sites_more.py)."""

from __future__ import annotations

import re

import pytest

from etl import lexicon
from tests.test_sites import _names, sites_in

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


# --- sites4: glosses, land built on, venues, aims and types (precision on fresh pages) ------------------------


def test_a_name_in_brackets_after_a_name_glosses_it_and_is_no_second_site() -> None:
    assert _names("시는 '해양 로봇 실증센터(Marine Robot Center)'를 2027년까지 짓는다.") == [
        "해양 로봇 실증센터"
    ]
    assert _names("도는 스마트 물류센터(한빛물류스퀘어)를 짓는다.") == ["스마트 물류센터"]


def test_the_land_a_quoted_facility_is_built_on_is_that_facility() -> None:
    assert _names("구는 옛 우체국 후적지에 세워질 '청년 AI 창업센터'를 2026년 연다.") == ["청년 AI 창업센터"]
    # Not quoted: the sentence may tell of two places ("… 부지에 … 캠퍼스를 꾸린다").
    names = _names("대학은 한빛캠퍼스 부지에 건물을 짓고 데이터 연구 캠퍼스를 꾸릴 계획이다.")
    assert any("한빛캠퍼스" in n for n in names), names


def test_a_signing_in_a_room_of_a_campus_makes_the_campus_a_venue() -> None:
    assert _names("대학은 한빛캠퍼스 대학본부에서 시와 업무협약을 맺었다.") == []


def test_what_a_region_grows_into_and_a_type_of_city_are_no_sites() -> None:
    assert _names("이번 협약으로 울산이 AI 메가시티로 발돋움할 발판이 마련됐다.") == []
    assert _names("시는 거점형 스마트시티 조성 사업에 30억원을 쓴다.") == []


def test_a_call_for_a_kind_of_place_and_a_list_of_kinds_name_no_site() -> None:
    assert _names("시는 스마트 항만 시범구역 조성사업 공모에 뽑혔다.") == []
    text = "단지는 로봇 실증센터, AI 물류센터, 제조 AI 지원센터 등 3개 유형 가운데 하나를 고른다."
    assert _names(text) == []
    assert _names("시는 북구에 로봇 실증센터를 세운다.") == ["로봇 실증센터"]


def test_a_verb_that_ends_like_a_head_is_no_name() -> None:
    assert _names("도는 로봇 사업비를 한 푼도 남기지 않고 깎았다.") == []
    assert _names("대구시는 동대구벤처밸리에 AI 센터를 세운다.") == ["동대구벤처밸리"]


def test_a_place_word_far_from_a_korean_name_speaks_of_the_region_not_of_the_facility() -> None:
    far = "경남도는 조선업 침체를 이겨내려는 여러 해의 노력 끝에 이제 조선해양연구센터 운영을 돕는다."
    assert _names(far) == []
    assert _names("도는 조선해양연구센터 운영을 거제에서 돕는다.") == ["조선해양연구센터"]
    # English puts the place at the end of the sentence.
    text = "The province will back the Marine Robot Research Center with funds for young engineers in Busan."
    assert _names(text) == ["Marine Robot Research Center"]


def test_a_plan_or_a_build_word_far_from_a_korean_name_does_not_make_it_a_place() -> None:
    text = "스마트 횡단보도, 도시안전관제센터 등이 지금까지의 사업이었다면, 새 사업은 문제를 미리 예측해 대응하는 것을 목표로 한다."
    assert _names(text) == []  # the plan is another clause's
    text = "도시안전관제센터 등 지난 사업을 돌아본 시는 올해 예산 가운데 가장 많은 몫을 드론 배송 실증에 쓰며 구축을 서두른다."
    assert _names(text) == []  # the build word is far off
    assert _names("시는 도시안전관제센터를 내년에 북구로 옮길 계획이다.") == ["도시안전관제센터"]


def test_english_program_titles_bodies_and_conference_venues_are_no_sites() -> None:
    assert _names('The city put the "Smart Port Complex Development Project" forward in Busan.') == []
    assert _names("The Korea Robot Center Council met the minister in Seoul.") == []
    assert _names("The minister spoke at a conference at the BEXCO Robot Center in Busan.") == []


def test_an_english_name_the_sentence_sets_up_is_a_site() -> None:
    text = "The fund will put money into setting up the National Robot Testing Center."
    assert _names(text) == ["National Robot Testing Center"]


def test_a_program_title_with_a_gloss_before_its_program_word_is_no_site() -> None:
    assert _names("시는 소형 AI 데이터센터(MDC) 사업에 본격 착수했다.") == []
    assert _names("정부는 소형 AI 데이터센터 확산(R&D)에 70억원을 쓴다.") == []
    assert _names("시는 북구에 소형 AI 데이터센터를 세운다.") == ["소형 AI 데이터센터"]


def test_a_quoted_agreement_made_for_building_a_facility_names_it() -> None:
    text = "시는 한빛PFV와 '천안 AI데이터센터 구축을 위한 업무협약'을 맺었다고 밝혔다."
    assert _names(text) == ["천안 AI데이터센터"]
    assert _names("시는 한빛PFV와 '천안 AI데이터센터 업무협약'을 맺었다.") == []


def test_a_planning_study_of_a_cluster_is_no_site() -> None:
    assert _names("시는 해양 로봇 혁신클러스터 기획에 4억원을 쓴다.") == []


def test_one_name_after_two_places_one_within_the_other_is_one_site() -> None:
    text = "시는 판교 로봇 교육연구시설 부지를 내준다. 성남 로봇 교육연구시설은 2028년 준공이 목표다."
    assert len(_names(text)) == 1, _names(text)
    text = "광주 로봇 실증센터는 북구에 들어선다. 전남 로봇 실증센터는 나주에 들어선다."
    assert len(_names(text)) == 2, _names(text)
