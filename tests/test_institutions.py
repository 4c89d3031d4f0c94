"""Institutions: the gazetteer data, alias matching, name forms, titles, roles, and the seed article."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from etl.config import RESOURCES
from etl.extract.institutions import extract_institutions, lookup
from etl.models import Institution
from etl.nlp import split_sentences

SEED = Path("/work/shared/seed/national_ai_research_lab_2024-10-28.txt")
TYPES = {"government", "local_government", "public_agency", "university", "research", "industry"}
TYPES |= {"international", "other"}


def extract(text: str) -> dict[str, Institution]:
    return {i.name: i for i in extract_institutions(text, split_sentences(text))}


def rows() -> list[dict[str, str]]:
    with (RESOURCES / "institutions.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


# --- gazetteer data ---------------------------------------------------------------------------


def test_gazetteer_shape() -> None:
    data = rows()
    assert len(data) >= 250
    assert list(data[0]) == ["canonical", "name_en", "type", "country", "aliases"]
    for r in data:
        assert r["type"] in TYPES, r
        assert re.fullmatch(r"[A-Z]{2}", r["country"]) or (
            r["type"] == "international" and not r["country"]
        ), r
    assert len({r["canonical"] for r in data}) == len(data)


def test_every_alias_names_one_institution() -> None:
    owner: dict[str, str] = {}
    for r in rows():
        for alias in r["aliases"].split("|"):
            assert owner.setdefault(alias, r["canonical"]) == r["canonical"], alias


@pytest.mark.parametrize(
    ("alias", "canonical", "type_", "country"),
    [
        ("과기정통부", "과학기술정보통신부", "government", "KR"),
        ("MSIT", "과학기술정보통신부", "government", "KR"),
        ("카이스트", "KAIST", "university", "KR"),
        ("한국과학기술원", "KAIST", "university", "KR"),
        ("IITP", "정보통신기획평가원", "public_agency", "KR"),
        ("NIPA", "정보통신산업진흥원", "public_agency", "KR"),
        ("서울시", "서울특별시", "local_government", "KR"),
        ("Seoul Metropolitan Government", "서울특별시", "local_government", "KR"),
        ("워털루대", "University of Waterloo", "university", "CA"),
        ("Waterloo U.", "University of Waterloo", "university", "CA"),
        ("벡터 연구소", "Vector Institute", "research", "CA"),
        ("SPRi", "소프트웨어정책연구소", "research", "KR"),
        ("4차위", "4차산업혁명위원회", "government", "KR"),
        ("국가AI전략위원회", "국가인공지능전략위원회", "government", "KR"),
        ("NC소프트", "엔씨소프트", "industry", "KR"),
        ("엔비디아", "NVIDIA", "industry", "US"),
        ("SK Group", "SK그룹", "industry", "KR"),
        ("현대차그룹", "현대자동차그룹", "industry", "KR"),
        ("KB Asset Management", "KB자산운용", "industry", "KR"),
        ("중앙과학관", "국립중앙과학관", "public_agency", "KR"),
        ("land ministry", "국토교통부", "government", "KR"),
        ("Ministry of Trade, Industry and Resources", "산업통상부", "government", "KR"),
        ("Gwangju Free Economic Zone Authority", "광주경제자유구역청", "public_agency", "KR"),
        ("경제협력개발기구", "OECD", "international", None),
        ("MBZUAI", "Mohamed bin Zayed University of Artificial Intelligence", "university", "AE"),
    ],
)
def test_lookup(alias: str, canonical: str, type_: str, country: str | None) -> None:
    entry = lookup(alias)
    assert entry is not None
    assert (entry.canonical, entry.type, entry.country) == (canonical, type_, country)


def test_lookup_ignores_spacing_and_ascii_case_and_knows_unknown_names() -> None:
    assert lookup(" 과학기술정보통신부 ").canonical == "과학기술정보통신부"  # type: ignore[union-attr]
    assert lookup("msit").canonical == "과학기술정보통신부"  # type: ignore[union-attr]
    assert lookup("한국없는연구원") is None


def test_all_seventeen_provincial_governments() -> None:
    local = {r["canonical"] for r in rows() if r["type"] == "local_government"}
    sido = {"서울특별시", "부산광역시", "대구광역시", "인천광역시", "광주광역시", "대전광역시", "울산광역시"}
    sido |= {
        "세종특별자치시",
        "경기도",
        "강원특별자치도",
        "충청북도",
        "충청남도",
        "전북특별자치도",
        "전라남도",
    }
    sido |= {"경상북도", "경상남도", "제주특별자치도"}
    assert sido <= local


def test_userdict_holds_the_korean_aliases_without_spaces() -> None:
    words = [w for w in (RESOURCES / "kiwi_userdict.txt").read_text(encoding="utf-8").splitlines()]
    words = [w for w in words if w and not w.startswith("#")]
    assert all(" " not in w for w in words)
    korean = {a for r in rows() for a in r["aliases"].split("|") if re.search("[가-힣]", a) and " " not in a}
    assert {"카이스트", "과기정통부", "워털루대", "벡터연구소", "서울시"} <= set(words)
    assert set(words) <= korean


# --- matching boundaries ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("KT는 AI 데이터센터를 짓는다.", "KT"),
        ("카이스트는 새 연구소를 열었다.", "KAIST"),
        ("고려대와 연세대가 함께한다.", "고려대학교"),
        ("IITP(정보통신기획평가원) 원장이 말했다.", "정보통신기획평가원"),
        ("LG AI연구원이 엑사원을 공개했다.", "LG AI연구원"),
        ("서울대병원은 의료 AI를 시험한다.", "서울대학교병원"),
        ("The land was bought from SK Chemicals last spring.", "SK케미칼"),  # name_en is an alias
    ],
)
def test_alias_matches(text: str, name: str) -> None:
    assert name in extract(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("KTX를 타고 서울에 갔다.", "KT"),
        ("IITPX 플랫폼이 공개됐다.", "정보통신기획평가원"),
        ("가족과 서울대공원에 갔다.", "서울대학교"),
        ("서울 중구 세종대로 110에서 행사가 열렸다.", "세종대학교"),
        ("LG이노텍이 부품을 공급한다.", "LG"),
        ("미래부터 준비해야 한다.", "미래창조과학부"),
        ("The new plant will stand in Pohang next year.", "포항시"),  # a city's bare English name is a place
    ],
)
def test_alias_inside_another_word_does_not_match(text: str, absent: str) -> None:
    assert absent not in extract(text)


def test_longest_alias_wins_and_aliases_seen_are_recorded() -> None:
    found = extract("과학기술정보통신부(과기정통부)는 LG AI연구원과 LG전자를 찾았다.")
    assert set(found) == {"과학기술정보통신부", "LG AI연구원", "LG전자"}
    assert found["과학기술정보통신부"].aliases_seen == ["과학기술정보통신부", "과기정통부"]


# --- titles and people ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("오세훈 서울시장이 축사를 했다.", "서울특별시"),
        ("오세훈 서울 시장은 축사를 했다.", "서울특별시"),
        ("전성수 서초구청장 등이 참석했다.", "서초구"),
        ("이광형 카이스트 총장이 발표했다.", "KAIST"),
        ("김동연 경기 지사가 말했다.", "경기도"),
    ],
)
def test_titles_reveal_the_institution(text: str, name: str) -> None:
    inst = extract(text)[name]
    assert inst.role == "mentioned"


def test_a_lawmaker_title_names_no_legislature() -> None:
    # 국회의원 is a person's occupation; the Assembly acts only when named itself (realworld README: an actor)
    assert "국회" not in extract("신동욱 국회의원이 참석했다.")
    assert "국회" in extract("국회는 본회의에서 예산안을 의결했다.")


def test_person_names_and_copyright_lines_are_not_institutions() -> None:
    text = "홍길동 연구원은 결과를 설명했다.\n김철수 교수와 이영희 박사가 참석했다.\nⓒ 네이버 무단전재 및 재배포 금지"
    assert extract(text) == {}


# --- names outside the gazetteer --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        ("한국인공지능연구원은 새 모델을 공개했다.", "한국인공지능연구원", "research"),
        ("서울AI재단과 손잡았다.", "서울AI재단", "public_agency"),
        # one common noun to Kiwi, but a place opens it: a name
        ("이번 사업은 충북문화재단이 맡아 진행한다.", "충북문화재단", "public_agency"),
        ("순천정보문화산업진흥원과 함께 센터를 운영한다.", "순천정보문화산업진흥원", "public_agency"),
        ("Researchers at the University of Lagos built it.", "University of Lagos", "university"),
        ("Brightwater Institute released a model.", "Brightwater Institute", "research"),
        ("Acme Robotics Inc. supplies the arms.", "Acme Robotics Inc.", "industry"),
    ],
)
def test_name_forms_outside_the_gazetteer(text: str, name: str, type_: str) -> None:
    inst = extract(text)[name]
    assert (inst.type, inst.in_gazetteer) == (type_, False)


def test_city_hall_form_resolves_to_the_gazetteer_city() -> None:
    inst = extract("성남시청에서 설명회가 열렸다.")["성남시"]
    assert inst.in_gazetteer and inst.aliases_seen == ["성남시청"]


@pytest.mark.parametrize(
    "text", ["시와 도가 운영위원회를 열었다.", "건설공사를 마쳤다.", "국내 대학과 연구소가 참여한다."]
)
def test_generic_words_with_a_form_suffix_are_not_names(text: str) -> None:
    assert extract(text) == {}


def test_a_short_form_joins_the_successor_named_in_full() -> None:
    text = "산업통상부는 AI 공장 사업을 시작한다. 산업부 관계자는 올해 50곳을 뽑는다고 말했다."
    names = {i.name for i in extract_institutions(text, split_sentences(text))}
    assert "산업통상부" in names
    assert "산업통상자원부" not in names
    text = "산업부는 AI 공장 사업을 시작한다."
    assert {i.name for i in extract_institutions(text, split_sentences(text))} == {"산업통상자원부"}
