"""Institution roles and the seed article's institutions (gazetteer, boundaries, titles and names outside the gazetteer are in tests/test_institutions.py)."""

from __future__ import annotations

import pytest

from etl.extract.institutions import extract_institutions, load_gazetteer, lookup
from etl.models import Institution
from etl.nlp import split_sentences
from tests.test_institutions import SEED, extract

# --- roles ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("이번 사업은 카이스트가 주관한다.", {"KAIST": "lead"}),
        ("주관기관인 서울대가 총괄을 맡는다.", {"서울대학교": "lead"}),
        ("컨소시엄에는 네이버와 카카오가 참여한다.", {"네이버": "participant", "카카오": "participant"}),
        ("성남시는 판교에 AI 반도체 센터를 유치했다.", {"성남시": "host"}),
        ("업스테이지는 서울대에 새 연구실을 입주시켰다.", {"서울대학교": "host", "업스테이지": "mentioned"}),
        (
            "과기정통부는 리벨리온에 100억원을 지원한다.",
            {"과학기술정보통신부": "funder", "리벨리온": "mentioned"},
        ),
        ("네이버는 서울대와 업무협약(MOU)을 맺었다.", {"네이버": "partner", "서울대학교": "partner"}),
        ("SK텔레콤은 딥엑스와 협력한다.", {"SK텔레콤": "partner", "딥엑스": "partner"}),
        ("The lab is led by KAIST.", {"KAIST": "lead"}),
        ("It runs with participation of Yonsei University.", {"연세대학교": "participant"}),
        ("The centre is funded by the Ministry of Science and ICT.", {"과학기술정보통신부": "funder"}),
        (
            "NAVER signed an MOU with Seoul National University.",
            {"네이버": "partner", "서울대학교": "partner"},
        ),
    ],
)
def test_role_words(text: str, expected: dict[str, str]) -> None:
    found = extract(text)
    assert {name: found[name].role for name in expected} == expected


def test_strongest_role_across_sentences_and_its_evidence() -> None:
    text = "카이스트는 서울대와 협력한다.\n카이스트가 이 사업을 주관한다.\n카이스트도 참여한다."
    inst = extract(text)["KAIST"]
    assert inst.role == "lead"
    assert inst.evidence is not None and inst.evidence.text == "카이스트가 이 사업을 주관한다."
    assert text[inst.evidence.start : inst.evidence.end] == inst.evidence.text


def test_government_as_subject_makes_the_announcing_ministry_the_funder() -> None:
    text = "중기부와 창업진흥원은 새 사업을 발표했다.\n정부는 3년간 300억원을 투입한다."
    found = extract(text)
    assert found["중소벤처기업부"].role == found["창업진흥원"].role == "funder"
    assert found["창업진흥원"].evidence.text.startswith("정부는")  # type: ignore[union-attr]


def test_descriptions_and_reports_give_no_funding_role() -> None:
    text = (
        "과기정통부는 새 사업을 발표했다.\n경기 침체로 연구 예산이 줄었다.\n"
        "정부출연연구기관인 ETRI와 KISTI가 참여한다.\n"
        "The Ministry of Science and ICT said Samsung Electronics will invest in memory."
    )
    found = extract(text)
    assert found["과학기술정보통신부"].role == "mentioned"
    assert found["한국전자통신연구원"].role == found["한국과학기술정보연구원"].role == "participant"
    assert found["삼성전자"].role == "funder"


def test_a_data_credit_takes_no_role_and_adnominal_words_look_ahead() -> None:
    text = "▲참여기관 현황 (자료=과기정통부)\n광주시와 과기정통부는 전문가가 참여하는 운영위원회를 열었다."
    found = extract(text)
    assert found["과학기술정보통신부"].role == found["광주광역시"].role == "mentioned"


# --- the seed article -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed() -> tuple[str, dict[str, Institution]]:
    if not SEED.exists():
        pytest.skip("the shared seed article is not on this machine")
    text = SEED.read_text(encoding="utf-8")
    text = text[: text.index("Copyright")]  # the page chrome is cut by the reader before extraction
    return text, extract(text)


def test_seed_roles_and_types(seed: tuple[str, dict[str, Institution]]) -> None:
    _, found = seed
    assert found["KAIST"].role == "lead" and "카이스트" in found["KAIST"].aliases_seen
    msit, iitp = found["과학기술정보통신부"], found["정보통신기획평가원"]
    assert {"과기정통부", "과학기술정보통신부"} <= set(msit.aliases_seen) and "IITP" in iitp.aliases_seen
    assert (msit.type, msit.role, iitp.type, iitp.role) == ("government", "funder", "public_agency", "funder")
    assert {"고려대학교", "연세대학교", "서울특별시"} <= set(found)
    assert found["University of Waterloo"].country == found["Vector Institute"].country == "CA"


def test_seed_has_no_person_and_exact_evidence(seed: tuple[str, dict[str, Institution]]) -> None:
    text, found = seed
    people = [
        "유상임",
        "오세훈",
        "신동욱",
        "이경우",
        "최호정",
        "전성수",
        "홍진배",
        "이광형",
        "유혁",
        "이원용",
    ]
    people += ["김기응", "파스칼", "Pascal Poupart", "조인준"]
    assert not [n for n in found if any(p in n for p in people)]
    assert all(i.in_gazetteer for i in found.values())
    for inst in found.values():
        ev = inst.evidence
        assert ev is not None and text[ev.start : ev.end] == ev.text


def test_gazetteer_is_loaded_once() -> None:
    assert load_gazetteer() is load_gazetteer()


def test_a_company_head_among_ceremony_guests_brings_no_company() -> None:
    text = "이날 행사에는 이정훈 가람정밀 회장 등 100여 명이 참석했다."
    assert "가람정밀" not in {i.name for i in extract_institutions(text, split_sentences(text))}


def test_a_company_named_before_its_head_is_not_taken_for_a_person() -> None:
    text = "구글클라우드 코리아 지기성 사장이 투자협약을 맺었다."
    assert "지기성" not in {i.name for i in extract_institutions(text, split_sentences(text))}


def test_a_publishers_imprint_is_no_company() -> None:
    text = "(주)누리뉴스 | 서울특별시 중구 | 발행인 김철수"
    assert not extract_institutions(text, split_sentences(text))


def test_an_english_name_is_found_with_and_or_an_ampersand() -> None:
    assert lookup("Korea Internet and Security Agency") == lookup("Korea Internet & Security Agency")
    assert lookup("Korea Institute of Machinery and Materials") is not None
    assert lookup("Ministry of Trade, Industry, and Energy") == lookup(
        "Ministry of Trade, Industry and Energy"
    )


def test_an_english_company_before_its_heads_title_and_name() -> None:
    text = "BK Energy Chairman Jung Min-ho and R.O. Defense CEO Park Ji-su signed the deal."
    names = {i.name for i in extract_institutions(text, split_sentences(text))}
    assert {"BK Energy", "R.O. Defense"} <= names
    text = "Former Vice Chairman Kim Min-su spoke."
    assert not extract_institutions(text, split_sentences(text))


def test_a_name_spelled_in_capitals_is_found_in_title_case() -> None:
    text = "Postech and Kaist will run the new lab with Maum AI and Naver Labs."
    names = set(extract(text))
    assert {"POSTECH", "KAIST", "마음AI", "네이버랩스"} <= names
    text = "The gist of the plan is a new line of chips."  # GIST, LINE: short acronyms stay in capitals
    assert not extract(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("공군과 해군이 AI 시범부대를 함께 운영한다.", "대한민국 공군"),
        ("The lab will work with the research centre of the South Korean Air Force.", "대한민국 공군"),
        ("합참은 AI 지휘체계 연구를 맡는다.", "합동참모본부"),
        ("The fund will be backed by MGX and Mubadala.", "Mubadala Investment Company"),
        ("Holiday Robotics and AeiRobot will build the humanoid hands.", "홀리데이로보틱스"),
        ("농정원이 스마트팜 교육을 맡는다.", "농림수산식품교육문화정보원"),
        ("대동과 그린랩스가 농업 AI 플랫폼에 투자한다.", "그린랩스"),
        ("The British Embassy hosted the signing of the agreement.", "주한영국대사관"),
        ("아부다비투자청과 ADNOC이 AI 인프라 투자를 논의했다.", "아부다비투자청"),
        ("Gyeongnam Development Corporation will build the complex.", "경남개발공사"),
        ("The Daejeon Chamber of Commerce and Industry asked for state money.", "대전상공회의소"),
        ("민주노총과 한국노총은 시설 지원비를 받는다.", "한국노동조합총연맹"),
    ],
)
def test_gazetteer_covers_armed_forces_funds_robot_makers_and_farm_agencies(text: str, name: str) -> None:
    assert name in extract(text), list(extract(text))


def test_english_company_and_agency_endings_name_bodies_outside_the_gazetteer() -> None:
    text = "Participants include Nuri Robotics, Hanbit Systems, Sora Technologies and Miso Labs."
    assert {"Nuri Robotics", "Hanbit Systems", "Sora Technologies", "Miso Labs"} <= set(extract(text))
    text = "The deal was signed with the Emirates Growth Authority and Gulf Development Bank."
    assert {"Emirates Growth Authority", "Gulf Development Bank"} <= set(extract(text))


@pytest.mark.parametrize(
    "text",
    [
        "Hanbit News Agency",  # a byline
        "The Korea Banking Institution said rates would rise.",  # Bank inside a longer word
        "Tongyang signed with the Korea Software and Content Industry Association.",  # the form from `and` on
        '"Eight Billion Won for Each AI College"',
    ],
)
def test_english_endings_inside_longer_words_bylines_and_cut_names_give_no_body(text: str) -> None:
    names = set(extract(text))
    assert not names & {"Hanbit News Agency", "Korea Bank", "Content Industry Association", "Each AI College"}


def test_a_korean_name_glued_to_latin_letters_is_part_of_another_name() -> None:
    assert "Meta" not in extract("도는 올해 메타AI융합국을 새로 만들었다.")
    assert "Meta" in extract("메타와 손잡고 AI 모델을 만든다.")


# --- inst3: education offices, councils, parts of a body, common-noun aliases ---------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("부산시교육청은 AI 선도학교를 40곳으로 늘린다.", "부산광역시교육청"),
        ("교육부는 공모에 빠진 광주교육청도 시범교육청으로 지정했다.", "광주광역시교육청"),
        ("경북도교육청이 디지털 교과서 연수를 연다.", "경상북도교육청"),
        ("인천시의회는 AI 예산 20억원을 깎았다.", "인천광역시의회"),
        ("전남도의회가 데이터센터 동의안을 통과시켰다.", "전라남도의회"),
    ],
)
def test_gazetteer_holds_the_education_offices_and_councils_of_every_province(text: str, name: str) -> None:
    assert name in extract(text), list(extract(text))


def test_a_city_or_county_council_is_named_by_its_form_and_a_bare_council_is_not() -> None:
    assert "남원시의회" in extract("남원시의회가 스마트팜 예산을 깎았다.")
    assert not extract("시의회 심의에서 예산이 깎였다.")
    assert "정보화추진협의회" not in extract("한빛시 정보화추진협의회가 열렸다.")  # 협의회 is no council


def test_a_part_named_after_its_body_is_that_body() -> None:
    found = extract("부산대학교 자연과학대학 연구진이 과제를 맡고, 자연과학대학은 장비를 댄다.")
    assert list(found) == ["부산대학교"] and "부산대학교 자연과학대학" in found["부산대학교"].aliases_seen
    found = extract("충남도의회 행정문화위원회가 예산을 심사했다. 행정문화위원회는 10억원을 깎았다.")
    assert list(found) == ["충청남도의회"], list(found)


def test_a_forecast_is_not_the_deposit_insurance_corporation() -> None:
    assert not extract("AI 홍수 예보 시스템 구축에 108억원을 새로 배정했다.")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "설명회는 영상 분석 기업 (주)케이에이아이 박서준 대표의 강연으로 끝났다.",
            "케이에이아이",
        ),  # 아+이: no particle
        ("도는 (주)한빛이 낸 제안을 받았다.", "한빛"),  # 빛 ends in a consonant: 이 is the particle
        ("시는 (주)누리가 참여한다고 밝혔다.", "누리"),
    ],
)
def test_a_particle_after_a_company_fits_the_last_syllable_of_its_name(text: str, name: str) -> None:
    assert name in extract(text), list(extract(text))


def test_a_ministry_named_after_a_foreign_country_is_that_countrys() -> None:
    assert not extract("협약식은 베트남 외교부 청사에서 열렸다.")
    assert not extract("미국 국방부가 AI 예산을 늘렸다.")
    assert list(extract("외교부는 한국 외교부 청사에서 회의를 열었다.")) == ["외교부"]


@pytest.mark.parametrize(
    "text",
    [
        "정책 토론회는 국회 의원회관에서 열렸다.",
        "The candidate set out his AI plan at the National Assembly press center on Monday.",
        "Kim Ha-neul, a Democratic Party of Korea lawmaker, asked for the figures.",
    ],
)
def test_a_legislatures_building_and_a_lawmakers_party_are_no_actors(text: str) -> None:
    assert not extract(text), list(extract(text))


def test_a_party_that_acts_is_still_an_actor() -> None:
    assert "국민의힘" in extract("The People Power Party welcomed the budget deal.")


def test_a_securities_firm_in_a_list_is_no_region_ending_in_gwon() -> None:
    found = extract("투자에는 한빛자산운용, KR투자증권, 한국투자증권 등이 참여했다.")
    assert "KR투자증권" in found, list(found)
    assert not extract("영남권, 호남권 등 5개 권역이 뽑혔다.")


def test_an_acronym_spelled_out_in_parentheses_is_a_term_not_a_company() -> None:
    assert not extract("이 제품은 품질 인증(GS, Good Software)을 받았다.")
    assert "KT" in extract("KT, Korea Telecom이 참여한다.")  # no parenthesis: the body itself


def test_a_quoted_name_of_several_words_ending_in_a_name_form_is_an_institution() -> None:
    found = extract("한빛대는 '미래 모빌리티 융합 사업단'(단장 김하늘)을 꾸렸다.")
    assert "미래 모빌리티 융합 사업단" in found, list(found)
    assert not [n for n in extract("정부는 '디지털 미래 전략 위원회'를 꾸렸다.") if n.endswith("위원회")]
    assert not [n for n in extract("시는 '국제 협력 공동위원회'를 열었다.") if n.endswith("위원회")]


def test_a_body_named_after_a_street_or_neighbourhood_and_taking_eseo_is_the_venue() -> None:
    found = extract("대전시는 12일 가정동 한국전자통신연구원에서 개소식을 열었다.")
    assert list(found) == ["대전광역시"], list(found)
    assert "한국전자통신연구원" in extract("대전시는 12일 한국전자통신연구원에서 개소식을 열었다.")


def test_a_name_before_the_copula_da_is_still_named() -> None:
    found = extract("이번에 뽑힌 곳은 부산광역시와 광주광역시다.")
    assert {"부산광역시", "광주광역시"} <= set(found), list(found)


def test_one_name_closed_by_deung_and_a_count_of_companies_is_a_company() -> None:
    found = extract("시는 가온스틸 등 4개사의 공정 데이터를 모은다.")
    assert "가온스틸" in found, list(found)
    assert not extract("시는 반도체 등 3개 분야의 데이터를 모은다.")


def test_guests_and_speakers_named_with_their_body_give_no_institution() -> None:
    # inst5: a forum's guests and speakers, named as body + person + title or as a body's staff
    assert not extract(
        "포럼에는 과학기술정보통신부 김민수 디지털팀장, 한국지능정보사회진흥원 이지은 본부장 등 200여 명이 자리했다."
    )
    assert not extract("개소식에는 충남테크노파크·세종테크노파크 관계자 등이 참석했다.")
    assert not extract("기조강연에서는 네이버클라우드 김필수 이사가 AI 도시를 주제로 발표했다.")
    # outside a guest list the body before its head still acts
    assert "과학기술정보통신부" in extract("과학기술정보통신부 김민수 과장은 사업 계획을 설명했다.")


def test_a_citys_stem_after_its_province_in_a_list_is_the_city() -> None:
    found = extract("타운챌린지에서는 경남 통영시, 충남 공주·부여 등 3개 지역을 최종 선정했다.")
    assert {"통영시", "공주시", "부여군"} <= set(found) and "충남 공주" not in found, list(found)
