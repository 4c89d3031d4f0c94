"""Institution names from the gazetteer and from class nouns: companies after their class noun, university hospitals, legal forms, English lists."""

from __future__ import annotations

from etl.extract.institutions import lookup
from tests.test_institutions import extract

# --- names the gazetteer and the class nouns give (inst4): companies after their class noun, hospitals, legal forms ---


def test_a_proper_name_right_after_its_class_noun_is_a_company() -> None:
    found = extract("자율비행 전문기업 하늘로보틱스와 미국 국영 기업 ORBIT7은 합작법인을 세운다.")
    assert {"하늘로보틱스", "ORBIT7"} <= set(found), list(found)
    assert extract("사업 주관사인 다온인프라는 내년 착공을 목표로 한다.").keys() == {"다온인프라"}
    assert not extract("중소기업 기술개발을 돕는다.")  # common nouns after the class noun
    assert not extract("시장조사업체 가람리서치는 시장이 커진다고 내다봤다.")  # a data source
    assert not extract("의료 스타트업 이노베이션센터는 내년 문을 연다.")  # a place for startups


def test_a_korean_universitys_hospital_is_the_hospital_not_the_university() -> None:
    found = extract("을지대병원이 과기정통부 공모에 뽑혀 의료 AI 서비스를 만든다.")
    assert "을지대학교병원" in found and "을지대학교" not in found, list(found)
    assert lookup("을지대학교병원") and lookup("Eulji University Hospital")
    assert "을지대학교" in extract("을지대는 의료 AI 학과를 새로 연다.")


def test_the_gazetteer_knows_more_agencies_companies_and_foreign_bodies() -> None:
    for name in (
        "연구개발특구진흥재단",
        "한국가스안전공사",
        "DB하이텍",
        "HL Mando",
        "IMDA",
        "UNDP",
        "KKR",
        "MILA",
    ):
        assert lookup(name), name
    found = extract("정보통신산업진흥원은 싱가포르 홈팀과학기술청(HTX)과 양해각서를 맺었다.")
    assert "싱가포르 홈팀과학기술청" in found, list(found)


def test_a_name_after_the_legal_form_of_an_association_or_foundation_is_a_body() -> None:
    found = extract("(사)가람의학한림원은 병원들과 함께 실무 교육을 맡는다.")
    assert "가람의학한림원" in found, list(found)
    assert "미래누리" in extract("재단법인 미래누리가 장학금을 낸다.")


def test_a_university_right_before_a_campus_hospital_is_that_hospital() -> None:
    found = extract("컨소시엄에는 을지대 노원병원과 한양대 의료원, 서울대학교가 참여한다.")
    assert {"을지대학교 노원병원", "한양대학교의료원", "서울대학교"} <= set(found), list(found)
    assert "을지대학교" not in found and "노원병원" not in found, list(found)


def test_the_gazetteer_knows_venture_investors_museums_and_medical_bodies() -> None:
    for name in (
        "KDB Capital Corp.",
        "L&S벤처캐피탈",
        "카카오벤처스",
        "국립현대미술관",
        "연세의료원",
        "의학한림원",
    ):
        assert lookup(name), name
    found = extract("L&S Venture Capital and IBK Capital will manage the fund.")
    assert {"엘앤에스벤처캐피탈", "IBK캐피탈"} <= set(found) and "한국산업은행" not in found, list(found)


def test_a_bare_seoul_opening_a_sentence_is_the_city_when_the_story_speaks_of_the_city() -> None:
    city = "Seoul plans to spend 10 billion won on AI kiosks this year. The city will pick vendors in May."
    assert "서울특별시" in extract(city), list(extract(city))
    state = "Seoul signed the deal with Washington on Monday, the ministry said."
    assert "서울특별시" not in extract(state), list(extract(state))


def test_a_verb_in_its_modifier_form_before_consortium_names_no_member() -> None:
    found = extract("정부는 모델을 개발·실증할 컨소시엄 1곳을 뽑아 80억원을 지원한다.")
    assert not [n for n in found if "실증" in n], list(found)
    assert "누리웍스" in extract("– 누리웍스 컨소시엄")


def test_a_guests_body_with_its_acronym_or_a_members_seat_is_an_affiliation() -> None:
    text = "개소식에는 박하늘 한빛진흥원(HBPA) 원장, 최누리 국회 보건복지위원회 위원 등이 참석했다."
    found = extract(text)
    assert "한빛진흥원" not in found and "보건복지위원회" not in found, list(found)


def test_english_names_and_acronyms_of_listed_bodies() -> None:
    assert lookup("MSS").canonical == "중소벤처기업부"
    assert lookup("Korea AI & Software Industry Association").canonical == "한국인공지능·소프트웨어산업협회"
    assert lookup("Gyeonggi Provincial Assembly").canonical == "경기도의회"


def test_unknown_names_in_an_english_list_of_known_bodies_are_members() -> None:
    found = extract("Samsung Electronics, LG Electronics, Hanbit Mecha Works and Noori take part.")
    assert {"Hanbit Mecha Works", "Noori"} <= set(found), list(found)
    assert not extract("Korea, Japan and China signed the statement.")  # no known body in the list


def test_one_known_body_and_a_name_joined_for_a_joint_project_are_both_bodies() -> None:
    found = extract("전남대·누리팜텍 공동 추진으로 방역 기술을 만든다.")
    assert {"전남대학교", "누리팜텍"} <= set(found), list(found)
    assert "첨단산업" not in extract("과기정통부, UAE와 AI·첨단산업 협력 넓힌다")


def test_a_special_city_is_named_by_its_teuknyesi_form_too() -> None:
    assert lookup("창원특례시").canonical == "창원시"
    assert "고양시" in extract("고양특례시는 AI 교통 플랫폼을 만든다.")


# --- inst5: public hospitals, English committee names ---


def test_regional_public_hospitals_are_known_by_their_short_names() -> None:
    found = extract("한빛 컨소시엄은 ▲청주의료원 ▲목포의료원 ▲파주병원 등과 함께 AI 진단을 실증한다.")
    assert {"청주의료원", "목포시의료원", "경기도의료원 파주병원"} <= set(found), list(found)
    assert lookup("인천의료원").canonical == "인천광역시의료원"


def test_a_standing_committee_named_in_english_acts_unless_it_is_a_seat_or_venue() -> None:
    found = extract("The Special Committee on Budget & Accounts will adjust the bill next week.")
    assert "예산결산특별위원회" in found, list(found)
    assert "정무위원회" in extract("The National Policy Committee raised spending by 2 trillion won.")
    assert not extract("Yoon, a member of the National Policy Committee, asked about the coupons.")
    assert not extract("At a plenary session of the Education Committee on Friday, the minister spoke.")


def test_old_names_and_more_companies_and_foreign_bodies_are_known() -> None:
    assert lookup("전자부품연구원").canonical == "한국전자기술연구원"  # KETI's old name
    assert lookup("자동차부품연구원").canonical == "한국자동차연구원"
    for name, country in (
        ("가온칩스", "KR"),
        ("JETRO", "JP"),
        ("싱헬스", "SG"),
        ("비엣텔", "VN"),
        ("인포시스", "IN"),
    ):
        assert lookup(name) and lookup(name).country == country, name
    found = extract("한빛대는 싱가포르 싱헬스와 의료 AI 공동연구 협약을 맺었다.")
    assert "SingHealth" in found, list(found)


def test_a_long_university_name_before_the_particle_ro_is_the_university() -> None:
    assert "Washington State University" in extract("기술 도입은 보잉코리아·워싱턴주립대로 나눠 맡는다.")
    assert not extract("대전 유성구 한밭대로 100에서 행사가 열렸다.")  # 한밭대로: a road


def test_a_province_named_after_a_place_in_english_is_an_address() -> None:
    assert not extract("The briefing was held in Jinju, South Gyeongsang Province, on Friday.")
    assert not extract("The agency will put 1 trillion won each into North Jeolla Province and Ulsan.")
    assert "경상남도" in extract("South Gyeongsang Province and Busan signed the deal.")


def test_a_head_in_parentheses_after_a_name_marks_a_company_in_any_sentence() -> None:
    found = extract("충청북도는 누리데이터센터(대표 김하늘)가 공장 부지 매매 계약을 맺었다고 밝혔다.")
    assert "누리데이터센터" in found, list(found)
    assert not extract("사업 설명회(대표 발표)는 오후에 열린다.")  # no person in the parentheses


def test_the_2025_ministries_are_known_by_their_english_names_and_a_builder_is_no_name() -> None:
    assert "기획예산처" in extract("The Ministry of Planning and Budget said it will cut spending.")
    assert "재정경제부" in extract("The Ministry of Finance and Economy will issue the bonds.")
    assert list(extract("경북테크노파크와 건축 시공사 관계자들이 참석했다.")) == ["경북테크노파크"]


def test_the_national_rnd_evaluation_committee_is_known() -> None:
    found = extract("과기정통부는 '제3회 국가연구개발사업평가 총괄위원회'를 열어 예타 면제를 의결했다.")
    assert "국가연구개발사업평가 총괄위원회" in found, list(found)


def test_an_acronym_inside_the_quotes_of_a_classed_name_is_no_part_of_it() -> None:
    names = set(
        extract("정부는 독일의 연구지원기관인 '가람 리서치 파운데이션(GRF)'과 함께 반도체 연구를 지원한다.")
    )
    assert "가람 리서치 파운데이션" in names
    assert not any("(" in n for n in names)
