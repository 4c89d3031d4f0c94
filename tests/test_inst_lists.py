"""Institutions: the gazetteer's coverage, list members, short forms, places that are no actors, roles."""

from __future__ import annotations

import csv
import re

import pytest

from etl.config import RESOURCES
from etl.extract.institutions import extract_institutions
from etl.models import Institution
from etl.nlp import split_sentences


def extract(text: str) -> dict[str, Institution]:
    return {i.name: i for i in extract_institutions(text, split_sentences(text))}


def rows() -> list[dict[str, str]]:
    with (RESOURCES / "institutions.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


# --- gazetteer coverage -----------------------------------------------------------------------


def test_gazetteer_holds_at_least_1200_entries_with_unique_names() -> None:
    data = rows()
    assert len(data) >= 1200
    names = [r["canonical"] for r in data]
    assert len(set(names)) == len(names)
    owner: dict[str, str] = {}
    for r in data:
        for alias in {r["canonical"], *r["aliases"].split("|")}:
            assert owner.setdefault(" ".join(alias.split()), r["canonical"]) == r["canonical"], alias


def test_every_si_gun_gu_is_a_local_government() -> None:
    local = [r["canonical"] for r in rows() if r["type"] == "local_government"]
    basic = [
        n for n in local if re.search(r"[시군구]$", n) and not re.search(r"(?:특별|광역|특별자치)시$", n)
    ]
    assert len(basic) >= 226
    for name in (
        "단양군",
        "여수시",
        "대구광역시 동구",
        "부산광역시 강서구",
        "서울특별시 강서구",
        "경기도 광주시",
    ):
        assert name in local


def test_every_korean_university_has_its_short_form() -> None:
    for r in rows():
        name = r["canonical"]
        if r["type"] == "university" and r["country"] == "KR" and re.search(r"(?<!대학원)대학교$", name):
            assert any(a.endswith("대") for a in r["aliases"].split("|")), r["canonical"]


# --- enumerations and list lines --------------------------------------------------------------


def test_every_member_of_an_enumerated_list_with_its_role() -> None:
    found = extract("충남대(주관), 공주대, 한밭대, 충북테크노파크 등 4개 기관이 참여한다.")
    assert set(found) == {"충남대학교", "공주대학교", "국립한밭대학교", "충북테크노파크"}
    assert found["충남대학교"].role == "lead"
    assert found["충북테크노파크"].role == "participant"


def test_unknown_members_of_a_list_with_known_ones() -> None:
    found = extract(
        "협약에는 전남도와 장성군, 강진군을 비롯해 하늘별, 대우건설, KT, 누리솔라 등이 이름을 올렸다."
    )
    assert {"전라남도", "장성군", "강진군", "하늘별", "대우건설", "누리솔라"} <= set(found)


def test_english_lists_two_word_names_and_the_member_after_and() -> None:
    found = extract("Seoul City, KAIST, KT, Hanul Power and two startups signed the pact.")
    assert "Hanul Power" in found and "Hanul" not in found, list(found)
    found = extract("한빛대는 현대건설, 한국투자증권, NARAE D&C와 캠퍼스 개발 협약을 맺었다.")
    assert "NARAE D&C" in found and "NARAE" not in found, list(found)  # the particle aside
    found = extract("Seoul City, KAIST, Hanul Power and Mirae Robotics signed the pact.")
    assert {"Hanul Power", "Mirae Robotics"} <= set(found), list(found)  # `and` joins the last member
    found = extract("Dozens of LLMs, DeepSeek and Naver among them, compete; KAIST and Naver said so.")
    assert not {"LLMs", "said", "among"} & set(found), list(found)  # a plural or a lower-case word is no name


def test_a_dotted_list_with_known_members_brings_in_the_unknown_one() -> None:
    found = extract("AI 자율제조 기술은 한국생산기술연구원·케이피항공·연세대가 맡는다.")
    assert {"한국생산기술연구원", "케이피항공", "연세대학교"} <= set(found)


def test_bullets_and_consortium_lines() -> None:
    found = extract("운영 기관은 다음과 같다.\n- 국립암센터\n- 한국사회보장정보원\n- 광주테크노파크")
    assert {"국립암센터", "한국사회보장정보원", "광주테크노파크"} <= set(found)
    found = extract("○ 스마트 소방 안전 서비스 : 서울소방재난본부 / 아일리스프런티어 컨소시엄")
    assert {"서울소방재난본부", "아일리스프런티어"} <= set(found)
    assert "휴인스" in extract("△AI 기반 드론 구조 시스템 개발·실증 – 휴인스 컨소시엄")


@pytest.mark.parametrize(
    "text",
    [
        "'부처협업 AI확산' 10개 컨소시엄 확정, 올해 240억원",
        "AI, 반도체, 바이오 등 3개 분야를 지원한다.",
        "영남권 컨소시엄은 오픈랩을 만든다.",
        "충청권(2차전지)은 충북대와 한국원자력연구원이, 호남·제주권(모빌리티)은 전남대가 맡는다.",
        "대통령실 이경우 AI·디지털 비서관, 최호정 서울시의장, 전성수 서초구청장 등이 참석했다.",
        "부처별로는 과학기술정보통신부가 5조1,000억원, 산업통상자원부 1조7,000억원 순이다.",
    ],
)
def test_counts_fields_and_regions_are_no_members(text: str) -> None:
    found = set(extract(text))
    junk = {"10개", "AI", "반도체", "바이오", "영남권", "호남", "제주권", "디지털 비서관", "000억원"}
    assert not found & junk, found


def test_a_list_of_provinces_named_as_local_governments() -> None:
    found = extract("영남권 5개 광역지자체(부산·대구·울산·경남·경북)가 공모에 함께 뽑혔다.")
    assert set(found) == {"부산광역시", "대구광역시", "울산광역시", "경상남도", "경상북도"}


# --- short forms, companies, parties, English names -------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("국립창원대가 참여한다.", "창원대학교"),
        ("경남대와 인제대가 손잡았다.", "경남대학교"),
        ("한국해양대 산학협력단이 맡는다.", "한국해양대학교"),
        ("LG유플러스가 참여한다.", "LG유플러스"),
        ("카카오모빌리티가 발표했다.", "카카오모빌리티"),
        ("한화시스템이 과제를 맡는다.", "한화시스템"),
        ("구글 코리아 정태일 이사가 발표했다.", "구글코리아"),
        ("단양군은 AI 센터를 유치했다.", "단양군"),
        ("여수시와 협약을 맺었다.", "여수시"),
        ("국민의힘은 예산 삭감을 요구했다.", "국민의힘"),
        ("과방위는 예산안을 의결했다.", "과학기술정보방송통신위원회"),
        ("국회 과학기술정보방송통신위원회 전체회의가 열렸다.", "과학기술정보방송통신위원회"),
        ("The Ministry of Science and ICT said on Monday it will fund the lab.", "과학기술정보통신부"),
        ("Minister of Trade, Industry and Energy Ahn Duk-geun said the plan is ready.", "산업통상자원부"),
        ("Trade, Industry and Energy Minister Kim presented the plan.", "산업통상자원부"),
        ("South Korea's science ministry held a ceremony.", "과학기술정보통신부"),
    ],
)
def test_short_forms_companies_counties_parties_and_english_names(text: str, name: str) -> None:
    assert name in extract(text), (text, list(extract(text)))


def test_a_subsidiary_stays_itself() -> None:
    found = extract("구글 코리아와 카카오T가 발표했다.")
    assert {"구글코리아", "카카오모빌리티"} <= set(found) and not {"Google", "카카오"} & set(found)


# --- places, venues and captions --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("대구 동구 신암동에서 열린 행사에 참석했다.", "대구광역시 동구"),
        ("과기정통부는 서울 종로구 정부서울청사에서 브리핑을 열었다.", "종로구"),
        ("새 전시관은 국립중앙과학관(대전 유성구) 주차장 부지에 들어선다.", "유성구"),
        ("지난 6월 경기 성남시 분당구 네이버 1784에서 발족식이 열렸다.", "성남시"),
        ("지난 6월 경기 성남시 분당구 네이버 1784에서 발족식이 열렸다.", "네이버"),
        ("국가데이터처(옛 통계청)가 이노베이션 존을 운영한다.", "통계청"),
        ("외부 전문가로 꾸린 지정심사위원회가 심사한다.", "지정심사위원회"),
        ("박사후연구원 20명을 뽑는다.", "박사후연구원"),
        ("센터 공모에는 대학과 병원, 지방자치단체가 컨소시엄을 꾸려 낼 수 있다.", "지방자치단체가"),
        ("아세안 국가로는 처음 싱가포르와 공동연구를 시작했다.", "Association of Southeast Asian Nations"),
    ],
)
def test_places_venues_old_names_and_generic_nouns_are_no_actors(text: str, absent: str) -> None:
    assert absent not in extract(text)


def test_a_grouping_that_acts_is_an_institution() -> None:
    assert "European Union" in extract("EU는 AI 법을 시행했다.")


# --- roles ------------------------------------------------------------------------------------


def test_joining_makes_a_participant_and_the_assembly_stays_mentioned() -> None:
    found = extract("고려대학교와 연세대학교가 이번 사업에 함께한다.")
    assert found["고려대학교"].role == found["연세대학교"].role == "participant"
    found = extract("국회는 본회의에서 AI 예산 1조원을 통과시켰다.")
    assert found["국회"].role == "mentioned"


def test_a_count_of_list_heads_after_the_close_makes_the_members_institutions() -> None:
    found = extract("중기부는 지난해 부산, 광주, 강원 등 3개 광역 지방정부를 골라 AI 전환을 돕는다.")
    assert {"부산광역시", "광주광역시", "강원특별자치도"} <= set(found), list(found)
    assert "부산광역시" not in extract("서울, 부산, 광주 등 대도시에서 AI 수요가 늘었다.")


def test_a_closing_word_after_a_space_closes_the_list() -> None:
    found = extract("한국전자통신연구원, 하늘별, 누리솔루션 등 3개 기관이 참여한다.")
    assert {"하늘별", "누리솔루션"} <= set(found), list(found)


def test_countries_in_a_list_are_not_institutions() -> None:
    found = extract("정보통신기획평가원은 미국·캐나다·싱가포르 등과 공동연구를 한다.")
    assert not {"미국", "캐나다", "싱가포르"} & set(found), list(found)
    found = extract("이 협력에는 독일 보쉬, 스웨덴 에릭슨, 벨기에 IMEC 같은 곳이 참여한다.")
    assert not {"벨기", "벨기에"} & set(found), list(found)  # 에 of 벨기에 is no particle


def test_a_district_named_in_english_after_in_is_an_address() -> None:
    assert "강남구" not in extract("The lab opens in Gangnam District, Seoul, next month.")
    found = extract("Danyang County in North Chungcheong Province said it will apply.")
    assert "단양군" in found and "충청북도" not in found, list(found)  # a province after `in` too


def test_english_short_region_names_in_a_list_of_local_governments() -> None:
    found = extract(
        "Local governments beyond the capital area, including Ulsan, North Jeolla and South Jeolla, race to win centers."
    )
    assert {"울산광역시", "전북특별자치도", "전라남도"} <= set(found), list(found)
    assert "Ulsan" not in found


def test_a_masthead_line_names_no_actor_but_a_table_row_does() -> None:
    assert "한국방송공사" not in extract("KBS WORLD | Economy | 2024-04-04")
    assert "고려대학교" in extract("| 사업주체 | 포항공과대학교, 고려대, 포항시 등 |")


def test_an_english_name_after_its_owner_leaves_the_owner_out() -> None:
    found = extract("KAIST signed a pact with Saudi Arabia's King Saud University on Friday.")
    assert "King Saud University" in found and "Saudi Arabia's King Saud University" not in found, list(found)


def test_a_list_closed_by_its_members_kind_brings_in_unknown_company_names() -> None:
    found = extract("서울아산병원 등 의료기관과 누리케어텍, 한빛솔텍 등 기업이 함께한다.")
    assert {"누리케어텍", "한빛솔텍"} <= set(found), list(found)


def test_common_nouns_before_the_members_kind_are_no_members() -> None:
    found = extract("반도체, 바이오 등 첨단 기업이 모인다.")
    assert not {"반도체", "바이오"} & set(found), list(found)


def test_a_list_with_a_local_government_names_cities_by_their_stem() -> None:
    found = extract("구미시는 경북도, 포항, 경산과 손잡고 사업을 벌인다.")
    assert {"포항시", "경산시"} <= set(found), list(found)


def test_a_stem_before_another_word_in_such_a_list_is_a_place() -> None:
    found = extract("충남도, 천안 스마트그린산단을 실증산단으로 키운다.")
    assert "천안시" not in found, list(found)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Gwangju has gone all out to win national funding.", {"광주광역시"}),
        ("Ulsan, Busan and South Gyeongsang formed an alliance.", {"울산광역시", "부산광역시", "경상남도"}),
        ("Changwon will host the center.", {"창원시"}),
        ("The project in Busan starts next year.", set()),
        ("Busan, the second city, is a port.", set()),
    ],
)
def test_a_bare_english_place_name_opening_the_sentence_is_its_local_government(
    text: str, names: set[str]
) -> None:
    assert {i for i in extract(text) if i.endswith(("시", "도"))} == names


def test_a_list_of_unknown_names_closed_by_their_kind_needs_no_known_member() -> None:
    found = extract("미르로봇, 한결로보틱스, 새솔메디칼 등 로봇 기업이 참여한다.")
    assert {"미르로봇", "한결로보틱스", "새솔메디칼"} <= set(found), list(found)
    for text in ["데이터, 인공지능, 클라우드 등 분야 기업이 참여한다.", "반도체, 배터리, 바이오 등 3개 분야 기업을 뽑는다.",
                 "국내 연구기관이 미국, 유럽, 캐나다 등의 연구기관과 손잡는다."]:  # fmt: skip
        assert not extract(text), text


def test_a_list_of_province_names_alone_as_the_subject_names_the_local_governments() -> None:
    found = extract("부산·울산·전남이 3000억원 규모의 AI 전환 사업을 함께 추진한다.")
    assert {"부산광역시", "울산광역시", "전라남도"} <= set(found), list(found)
    found = extract("Three regions won the call: Busan and Ulsan (robotics) and Jeonnam (energy).")
    assert {"부산광역시", "울산광역시", "전라남도"} <= set(found), list(found)


@pytest.mark.parametrize(
    "text",
    [
        "부산·울산·전남 지역 기업 40곳이 참여한다.",
        "'강원·충북·대전' 권역의 거점으로 뽑혔다.",
        "The plant will be built in Busan and Ulsan next year.",
    ],
)
def test_province_names_that_say_where_are_no_actors(text: str) -> None:
    assert not extract(text), text


def test_the_city_of_a_place_acts_unless_it_says_where() -> None:
    found = extract("The ministry signed the agreement with the city of Yeosu and Korea Electric Power Corp.")
    assert "여수시" in found, list(found)
    found = extract("The summit opened in the southern port city of Yeosu on Monday.")
    assert "여수시" not in found, list(found)


def test_a_province_short_name_opening_the_sentence_as_its_subject_acts() -> None:
    found = extract("전남이 올해 AI 국책사업 공모에서 탈락했다.")
    assert "전라남도" in found, list(found)
    found = extract("전남은 한빛대가, 부산은 부산항만공사가 과제를 맡는다.")  # a topic says where
    assert "전라남도" not in found, list(found)


def test_one_quoted_name_closed_by_its_kind_is_a_list_of_one() -> None:
    found = extract("수요처로는 '한빛헬스' 등 해외 의료기관 5곳과 '한결닷' 등 국내 기업 5곳이 뽑혔다.")
    assert {"한빛헬스", "한결닷"} <= set(found), list(found)
    assert not extract("'AI 바우처' 등 주요 사업 예산이 늘었다.")


def test_a_committee_before_a_lawmakers_name_is_the_persons_seat() -> None:
    text = "국회 과학기술정보방송통신위원회 김누리 의원이 받은 자료를 보면 AI 예산이 줄었다."
    assert "과학기술정보방송통신위원회" not in extract(text)
    text = "국회 과학기술정보방송통신위원회는 AI 예산 300억원을 증액했다."
    assert "과학기술정보방송통신위원회" in extract(text)


def test_a_body_named_between_a_guests_name_and_title_is_no_actor() -> None:
    text = "이날 개소식에는 김누리 한빛시장, 박하늘 한국로봇산업협회 회장 등 100여 명이 참석했다."
    assert "한국로봇산업협회" not in extract(text)
    text = "한국로봇산업협회는 개소식에서 로봇 기업 10곳과 협약을 맺었다."
    assert "한국로봇산업협회" in extract(text)


def test_a_count_of_regions_lists_local_governments_only_after_local_governments_are_named() -> None:
    found = extract("교육부가 지자체와 맺은 협약은 올해 3개 지역(울산, 전북, 세종)으로 늘었다.")
    assert {"울산광역시", "전북특별자치도", "세종특별자치시"} <= set(found), list(found)
    assert not extract("센터는 3개 지역(울산, 전북, 세종)에 들어선다.")  # places where a centre stands


def test_a_comma_between_two_dotted_lists_ends_the_list_of_bodies() -> None:
    found = extract("과기정통부·KAIST·포스텍·삼성전자, 반도체·소재 분야 AI 전환 협력")
    assert {"KAIST", "삼성전자"} <= set(found)
    assert not {"반도체", "소재"} & set(found)
